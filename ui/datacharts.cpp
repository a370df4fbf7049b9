#include "datacharts.h"

#include "app/data/datasummary.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>
#include <QValueAxis>

namespace {

QChartView *makeView(QWidget *parent)
{
    auto *view = new QChartView(new QChart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(220);
    view->chart()->legend()->hide();
    return view;
}

} // namespace

DataCharts::DataCharts(QWidget *parent)
    : QWidget(parent)
    , m_customers(makeView(this))
    , m_days(makeView(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_customers, 3);
    layout->addWidget(m_days, 2);
    applyTheme();
}

void DataCharts::clear()
{
    for (QChartView *view : {m_customers, m_days}) {
        QChart *chart = view->chart();
        chart->removeAllSeries();
        for (QAbstractAxis *axis : chart->axes()) {
            chart->removeAxis(axis);
            delete axis;
        }
        chart->setTitle({});
    }
}

void DataCharts::setSummary(const DataSummary &summary)
{
    clear();
    const QString currency = summary.mainCurrency();
    const QString amount = summary.kind == ExportColumns::Kind::Usage
        ? QStringLiteral("BillingPreTaxTotal")
        : QStringLiteral("Total");
    if (currency.isNull()) {
        m_customers->chart()->setTitle(tr("No totals to chart"));
        m_days->setVisible(false);
        return;
    }

    // Largest at the top: a horizontal bar chart draws its first category at the bottom.
    QList<GroupTotals> top = summary.top(Grouping::Customer, currency, TopCustomers);
    std::reverse(top.begin(), top.end());
    auto *set = new QBarSet(amount);
    QStringList names;
    for (const GroupTotals &customer : top) {
        *set << customer.totals.value(currency).toDouble();
        names << (customer.name.isEmpty() ? customer.id : customer.name);
    }
    auto *bars = new QHorizontalBarSeries;
    bars->append(set);
    QChart *chart = m_customers->chart();
    chart->addSeries(bars);
    auto *categories = new QBarCategoryAxis;
    categories->append(names);
    chart->addAxis(categories, Qt::AlignLeft);
    bars->attachAxis(categories);
    auto *values = new QValueAxis;
    values->setLabelFormat(QStringLiteral("%.0f"));
    values->setTitleText(currency);
    chart->addAxis(values, Qt::AlignBottom);
    bars->attachAxis(values);
    values->applyNiceNumbers();
    chart->setTitle(
        tr("Top %n customers by %1 in %2", nullptr, int(top.size())).arg(amount, currency));

    const bool daily = summary.kind == ExportColumns::Kind::Usage && !summary.perDay.isEmpty();
    m_days->setVisible(daily);
    if (daily) {
        auto *line = new QLineSeries;
        for (auto it = summary.perDay.cbegin(); it != summary.perDay.cend(); ++it) {
            const QDateTime day(QDate::fromString(it.key(), Qt::ISODate), QTime(12, 0), Qt::UTC);
            line->append(double(day.toMSecsSinceEpoch()), it.value().value(currency).toDouble());
        }
        QChart *days = m_days->chart();
        days->addSeries(line);
        auto *time = new QDateTimeAxis;
        time->setFormat(QStringLiteral("MMM d"));
        time->setTickCount(qMin(8, int(summary.perDay.size())));
        days->addAxis(time, Qt::AlignBottom);
        line->attachAxis(time);
        auto *money = new QValueAxis;
        money->setLabelFormat(QStringLiteral("%.0f"));
        money->setTitleText(currency);
        days->addAxis(money, Qt::AlignLeft);
        line->attachAxis(money);
        money->setMin(0);
        money->applyNiceNumbers();
        days->setTitle(tr("%1 per day in %2").arg(amount, currency));
    }
    applyTheme();
}

void DataCharts::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
}

void DataCharts::applyTheme()
{
    // The chart themes set fonts and series colours; the palette decides light or dark.
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    for (QChartView *view : {m_customers, m_days}) {
        QChart *chart = view->chart();
        const QFont font = chart->titleFont();
        chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        chart->setBackgroundBrush(palette().brush(QPalette::Base));
        chart->setTitleBrush(palette().brush(QPalette::Text));
        for (QAbstractAxis *axis : chart->axes()) {
            axis->setLabelsBrush(palette().brush(QPalette::Text));
            axis->setTitleBrush(palette().brush(QPalette::Text));
        }
        QFont title = font;
        title.setBold(true);
        chart->setTitleFont(title);
    }
}
