#include "statusbarwidgets.h"

#include "app/polling/operationmonitor.h"
#include "models/operationtablemodel.h"
#include "models/statusstyle.h"
#include "models/timetext.h"
#include "statuscolours.h"
#include "statusicons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

StatusSummary::StatusSummary(OperationTableModel *model, OperationMonitor *monitor, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_monitor(monitor)
    , m_uncheckedLabel(new QLabel)
    , m_activity(new QLabel)
    , m_throttle(new QLabel)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 4, 0);
    layout->setSpacing(4);
    for (int i = 0; i < StatusCount; ++i) {
        m_icons[i] = new QLabel;
        m_icons[i]->setFixedSize(16, 16);
        m_numbers[i] = new QLabel;
        m_numbers[i]->setObjectName(QStringLiteral("count-")
                                    + operationStatusKey(OperationStatus(i)));
        layout->addWidget(m_icons[i]);
        layout->addWidget(m_numbers[i]);
        layout->addSpacing(6);
    }
    m_uncheckedLabel->setObjectName(QStringLiteral("unchecked"));
    layout->addWidget(m_uncheckedLabel);
    m_activity->setObjectName(QStringLiteral("activity"));
    m_throttle->setObjectName(QStringLiteral("throttle"));
    layout->addSpacing(8);
    layout->addWidget(m_throttle);
    layout->addWidget(m_activity);
    updateIcons();

    // Big sweeps change thousands of rows; count once per burst, not once per signal.
    m_recountTimer.setSingleShot(true);
    m_recountTimer.setInterval(100);
    connect(&m_recountTimer, &QTimer::timeout, this, &StatusSummary::recount);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &StatusSummary::scheduleRecount);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &StatusSummary::scheduleRecount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &StatusSummary::scheduleRecount);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &StatusSummary::scheduleRecount);
    connect(m_monitor, &OperationMonitor::activityChanged, this, &StatusSummary::updateActivity);
    recount();
    updateActivity();
}

void StatusSummary::scheduleRecount()
{
    if (!m_recountTimer.isActive())
        m_recountTimer.start();
}

void StatusSummary::recount()
{
    m_shown = m_model->tally();
    QStringList waiting;
    if (m_shown.unchecked > 0)
        waiting << tr("%Ln not checked yet", nullptr, m_shown.unchecked);
    if (m_shown.unanswered > 0)
        waiting << tr("%Ln without an answer", nullptr, m_shown.unanswered);
    m_uncheckedLabel->setVisible(!waiting.isEmpty());
    m_uncheckedLabel->setText(waiting.join(QStringLiteral(", ")));
    for (int i = 0; i < StatusCount; ++i) {
        const bool shown = m_shown.byStatus[i] > 0;
        m_icons[i]->setVisible(shown);
        m_numbers[i]->setVisible(shown);
        m_numbers[i]->setText(QLocale().toString(m_shown.byStatus[i]));
        // The icon alone says nothing to a screen reader; both say the count in words.
        const QString words = countText(OperationStatus(i), m_shown.byStatus[i]);
        for (QLabel *label : {m_icons[i], m_numbers[i]}) {
            label->setToolTip(words);
            label->setAccessibleName(words);
        }
    }
    emit countsChanged();
}

int StatusSummary::unfinishedCount() const
{
    return count(OperationStatus::NotStarted) + count(OperationStatus::Running) + m_shown.unchecked
        + m_shown.unanswered;
}

QString StatusSummary::countText(OperationStatus status, int count)
{
    switch (status) {
    case OperationStatus::NotStarted:
        return tr("%Ln not started", nullptr, count);
    case OperationStatus::Running:
        return tr("%Ln running", nullptr, count);
    case OperationStatus::Succeeded:
        return tr("%Ln succeeded", nullptr, count);
    case OperationStatus::Failed:
        return tr("%Ln failed", nullptr, count);
    case OperationStatus::Unknown:
        return tr("%Ln in an unknown state", nullptr, count);
    case OperationStatus::Expired:
        return tr("%Ln expired", nullptr, count);
    }
    return {};
}

void StatusSummary::updateActivity()
{
    const QDateTime throttledUntil = m_monitor->throttledUntil();
    m_throttle->setVisible(throttledUntil.isValid());
    if (throttledUntil.isValid()) {
        m_throttle->setText(tr("Throttled until %1").arg(TimeText::localShort(throttledUntil)));
        m_throttle->setToolTip(tr("Graph asked the app to pause (HTTP 429); checks resume at %1.")
                                   .arg(TimeText::utc(throttledUntil)));
    }
    m_activity->setText(activityText());
}

QString StatusSummary::activityText() const
{
    QStringList parts;
    if (!m_monitor->isOnline())
        parts << tr("Offline");
    const int inFlight = m_monitor->requestsInFlight();
    if (inFlight > 0)
        parts << tr("%Ln request(s) in flight", nullptr, inFlight);
    const QDateTime next = m_monitor->nextCheckAt();
    if (next.isValid())
        parts << tr("next check %1").arg(TimeText::localShort(next));
    else if (inFlight == 0)
        parts << tr("nothing to check");
    return parts.join(QStringLiteral(" · "));
}

void StatusSummary::updateIcons()
{
    for (int i = 0; i < StatusCount; ++i) {
        m_icons[i]->setPixmap(StatusIcons::icon(OperationStatus(i), false, palette())
                                  .pixmap(QSize(16, 16), devicePixelRatioF()));
    }
    QPalette warning = m_throttle->palette();
    warning.setColor(QPalette::WindowText, StatusColours::problemColour(palette()));
    m_throttle->setPalette(warning);
}

void StatusSummary::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateIcons();
}
