#include "dataview.h"

#include "datacharts.h"
#include "messagebanner.h"

#include "app/data/dataloader.h"
#include "app/data/grouptablemodel.h"
#include "app/data/previewtablemodel.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace {

QString groupingLabel(Grouping grouping)
{
    switch (grouping) {
    case Grouping::Customer:
        return DataView::tr("Customer");
    case Grouping::Product:
        return DataView::tr("Product / SKU");
    case Grouping::ChargeType:
        return DataView::tr("Charge type");
    case Grouping::Subscription:
        return DataView::tr("Subscription");
    case Grouping::MeterCategory:
        return DataView::tr("Meter category");
    }
    return {};
}

QString kindLabel(ExportColumns::Kind kind)
{
    switch (kind) {
    case ExportColumns::Kind::Usage:
        return DataView::tr("Usage");
    case ExportColumns::Kind::Reconciliation:
        return DataView::tr("Reconciliation");
    case ExportColumns::Kind::Unknown:
        break;
    }
    return DataView::tr("Unknown (neither usage nor reconciliation columns)");
}

QString totalsText(const CurrencyTotals &totals)
{
    QStringList parts;
    const QLocale locale;
    for (auto it = totals.cbegin(); it != totals.cend(); ++it)
        parts << DataView::tr("%1 %2").arg(locale.toString(it.value().toDouble(), 'f', 2),
                                           it.key().isEmpty() ? DataView::tr("(no currency)")
                                                              : it.key());
    return parts.join(QLatin1Char('\n'));
}

QTableView *makeTable(QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->horizontalHeader()->setHighlightSections(false);
    return table;
}

} // namespace

DataView::DataView(QWidget *parent)
    : QWidget(parent)
    , m_loader(new DataLoader(this))
    , m_folderLabel(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_banner(new MessageBanner(MessageBanner::Kind::Warning, this))
    , m_tabs(new QTabWidget(this))
    , m_summaryForm(new QFormLayout)
    , m_groupBy(new QComboBox(this))
    , m_groupTable(makeTable(this))
    , m_groups(new GroupTableModel(this))
    , m_groupProxy(new QSortFilterProxyModel(this))
    , m_charts(new DataCharts(this))
    , m_previewTable(makeTable(this))
    , m_preview(new PreviewTableModel(this))
    , m_exportCsv(new QPushButton(tr("Export &CSV…"), this))
    , m_exportWorkbook(new QPushButton(tr("Export &Excel…"), this))
    , m_perCustomer(new QPushButton(tr("One File per C&ustomer"), this))
{
    setWindowTitle(tr("Data"));
    m_folderLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_folderLabel->setWordWrap(true);
    m_banner->hide();
    m_progress->setTextVisible(true);

    auto *top = new QHBoxLayout;
    top->addWidget(m_folderLabel, 1);
    top->addWidget(m_progress);
    top->addWidget(m_cancel);

    auto *summaryPage = new QWidget(this);
    auto *summaryLayout = new QVBoxLayout(summaryPage);
    summaryLayout->addLayout(m_summaryForm);
    summaryLayout->addStretch();
    m_tabs->addTab(summaryPage, tr("&Summary"));

    for (const Grouping grouping : Groupings::all())
        m_groupBy->addItem(groupingLabel(grouping), int(grouping));
    m_groupProxy->setSourceModel(m_groups);
    m_groupProxy->setSortRole(GroupTableModel::SortRole);
    m_groupTable->setModel(m_groupProxy);
    m_groupTable->setSortingEnabled(true);
    auto *groupPage = new QWidget(this);
    auto *groupLayout = new QVBoxLayout(groupPage);
    auto *groupBar = new QHBoxLayout;
    auto *groupLabel = new QLabel(tr("Group &by:"), groupPage);
    groupLabel->setBuddy(m_groupBy);
    groupBar->addWidget(groupLabel);
    groupBar->addWidget(m_groupBy);
    groupBar->addStretch();
    groupLayout->addLayout(groupBar);
    groupLayout->addWidget(m_groupTable);
    m_tabs->addTab(groupPage, tr("&Group By"));
    m_tabs->addTab(m_charts, tr("C&harts"));
    m_previewTable->setModel(m_preview);
    m_tabs->addTab(m_previewTable, tr("&Preview"));

    auto *perCustomerMenu = new QMenu(m_perCustomer);
    perCustomerMenu->addAction(tr("CSV Files…"), this,
                               [this] { askExport(ExportConversion::Format::Csv, true); });
    perCustomerMenu->addAction(tr("Excel Workbooks…"), this,
                               [this] { askExport(ExportConversion::Format::Xlsx, true); });
    m_perCustomer->setMenu(perCustomerMenu);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_exportCsv);
    buttons->addWidget(m_exportWorkbook);
    buttons->addWidget(m_perCustomer);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_banner);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(buttons);

    connect(m_cancel, &QPushButton::clicked, m_loader, &DataLoader::cancel);
    connect(m_loader, &DataLoader::progressed, this, [this](qint64 done, qint64 total) {
        // Kilobytes keep the range within an int for files of any size.
        m_progress->setRange(0, int(qMax<qint64>(1, total / 1024)));
        m_progress->setValue(int(done / 1024));
    });
    connect(m_loader, &DataLoader::loaded, this, &DataView::onLoaded);
    connect(m_loader, &DataLoader::converted, this, &DataView::onConverted);
    connect(m_loader, &DataLoader::cancelled, this, [this] {
        setBusy(false);
        m_banner->setKind(MessageBanner::Kind::Information);
        m_banner->setText(tr("Cancelled."));
        m_banner->show();
    });
    connect(m_groupBy, &QComboBox::currentIndexChanged, this, &DataView::showGrouping);
    connect(m_exportCsv, &QPushButton::clicked, this,
            [this] { askExport(ExportConversion::Format::Csv, false); });
    connect(m_exportWorkbook, &QPushButton::clicked, this,
            [this] { askExport(ExportConversion::Format::Xlsx, false); });
    setBusy(false);
    resize(960, 640);
}

DataView::~DataView() = default;

bool DataView::openFolder(const QString &folder)
{
    m_folderLabel->setText(QDir::toNativeSeparators(folder));
    setWindowTitle(tr("Data — %1").arg(QFileInfo(folder).fileName()));
    QString error;
    if (!m_loader->load(folder, &error)) {
        m_banner->setKind(MessageBanner::Kind::Error);
        m_banner->setText(error);
        m_banner->show();
        return false;
    }
    m_banner->hide();
    setBusy(true, tr("Reading %n file(s)…", nullptr, int(m_loader->files().size())));
    return true;
}

void DataView::setBusy(bool busy, const QString &what)
{
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    if (busy) {
        m_progress->setRange(0, 0);
        m_progress->setFormat(what + QStringLiteral(" %p%"));
    }
    const bool ready = !busy && m_loader->summary().rows > 0;
    m_exportCsv->setEnabled(ready);
    m_exportWorkbook->setEnabled(ready);
    m_perCustomer->setEnabled(ready);
}

void DataView::addSummaryRow(const QString &label, const QString &value)
{
    auto *text = new QLabel(value);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    text->setTextFormat(Qt::PlainText);
    text->setWordWrap(true);
    m_summaryForm->addRow(label, text);
}

QString DataView::summaryText() const
{
    QStringList lines;
    for (int row = 0; row < m_summaryForm->rowCount(); ++row) {
        const auto *label
            = qobject_cast<QLabel *>(m_summaryForm->itemAt(row, QFormLayout::LabelRole)->widget());
        const auto *value
            = qobject_cast<QLabel *>(m_summaryForm->itemAt(row, QFormLayout::FieldRole)->widget());
        if (label && value)
            lines << label->text() + QLatin1Char(' ') + value->text();
    }
    return lines.join(QLatin1Char('\n'));
}

void DataView::onLoaded()
{
    setBusy(false);
    const DataSummary &summary = m_loader->summary();
    while (m_summaryForm->rowCount() > 0)
        m_summaryForm->removeRow(0);
    const QLocale locale;
    const bool usage = summary.kind == ExportColumns::Kind::Usage;
    addSummaryRow(tr("Kind:"), kindLabel(summary.kind));
    addSummaryRow(tr("Files:"),
                  tr("%n file(s), %1 compressed, %2 of JSON", nullptr, summary.files)
                      .arg(locale.formattedDataSize(summary.compressedBytes),
                           locale.formattedDataSize(summary.inflatedBytes)));
    addSummaryRow(tr("Rows:"), locale.toString(summary.rows));
    if (!summary.from.isEmpty())
        addSummaryRow(tr("Dates:"), tr("%1 to %2").arg(summary.from, summary.to));
    addSummaryRow(tr("Customers:"), locale.toString(summary.count(Grouping::Customer)));
    addSummaryRow(tr("Subscriptions:"), locale.toString(summary.count(Grouping::Subscription)));
    addSummaryRow(tr("Products:"), locale.toString(summary.count(Grouping::Product)));
    if (usage) {
        addSummaryRow(tr("Billed (BillingPreTaxTotal):"), totalsText(summary.totals));
        if (!summary.pricingTotals.isEmpty())
            addSummaryRow(tr("Priced (PricingPreTaxTotal):"), totalsText(summary.pricingTotals));
    } else if (summary.kind == ExportColumns::Kind::Reconciliation) {
        if (!summary.subtotals.isEmpty())
            addSummaryRow(tr("Subtotal:"), totalsText(summary.subtotals));
        if (!summary.taxTotals.isEmpty())
            addSummaryRow(tr("Tax:"), totalsText(summary.taxTotals));
        addSummaryRow(tr("Total:"), totalsText(summary.totals));
    }
    if (summary.hasQuantity)
        addSummaryRow(tr("Billable quantity:"),
                      locale.toString(summary.quantity.toDouble(), 'f', 2));

    QStringList notes;
    if (!summary.missingColumns.isEmpty())
        notes << tr("Not in the data, so left out: %1.")
                     .arg(summary.missingColumns.join(QStringLiteral(", ")));
    if (summary.badAmounts > 0)
        notes << tr("%n amount(s) are not numbers and were not added (e.g. %1).", nullptr,
                    int(summary.badAmounts))
                     .arg(summary.badAmountExamples.value(0));
    if (summary.mixedKinds)
        notes << tr("The folder mixes usage and reconciliation files.");
    for (const FileProblem &problem : summary.problems)
        notes << tr("%1 was left out: %2").arg(problem.file, problem.error);
    if (!notes.isEmpty()) {
        m_banner->setKind(summary.problems.isEmpty() ? MessageBanner::Kind::Warning
                                                     : MessageBanner::Kind::Error);
        m_banner->setText(notes.join(QLatin1Char('\n')));
        m_banner->show();
    }

    showGrouping();
    m_charts->setSummary(summary);
    m_preview->setRows(summary.columns, m_loader->preview());
    m_previewTable->resizeColumnsToContents();
    emit loaded();
}

void DataView::showGrouping()
{
    const auto grouping = Grouping(m_groupBy->currentData().toInt());
    const DataSummary &summary = m_loader->summary();
    m_groups->setGroups(summary.groupsBy(grouping), summary.totals.keys());
    m_groupTable->sortByColumn(GroupTableModel::FirstCurrencyColumn, Qt::DescendingOrder);
    m_groupTable->resizeColumnsToContents();
}

void DataView::askExport(ExportConversion::Format format, bool perCustomer)
{
    const QString folder = m_loader->folder();
    const QString extension = ExportConversion::extension(format);
    QString out;
    if (perCustomer) {
        out = QFileDialog::getExistingDirectory(this, tr("Folder for One File per Customer"),
                                                folder);
    } else {
        const QString filter = format == ExportConversion::Format::Csv
            ? tr("CSV files (*.csv)")
            : tr("Excel workbooks (*.xlsx)");
        out = QFileDialog::getSaveFileName(
            this, tr("Export"),
            QDir(folder).filePath(QFileInfo(folder).fileName() + QLatin1Char('.') + extension),
            filter);
    }
    if (!out.isEmpty())
        exportTo(format, out, perCustomer);
}

void DataView::exportTo(ExportConversion::Format format, const QString &out, bool perCustomer)
{
    ExportConversion::Request request;
    request.format = format;
    request.out = out;
    request.splitByCustomer = perCustomer;
    m_banner->hide();
    setBusy(true, tr("Writing…"));
    m_loader->convert(request);
}

void DataView::onConverted(const ExportConversion::Result &result)
{
    setBusy(false);
    if (result.ok) {
        m_banner->setKind(MessageBanner::Kind::Positive);
        m_banner->setText(result.written.size() == 1
                              ? tr("%n row(s) written to %1.", nullptr, int(result.rows))
                                    .arg(QDir::toNativeSeparators(result.written.constFirst()))
                              : tr("%n file(s) written to %1.", nullptr, int(result.written.size()))
                                    .arg(QDir::toNativeSeparators(
                                        QFileInfo(result.written.value(0)).absolutePath())));
    } else {
        m_banner->setKind(MessageBanner::Kind::Error);
        m_banner->setText(tr("Nothing was exported: %1").arg(result.error));
    }
    m_banner->show();
    emit exported(result);
}
