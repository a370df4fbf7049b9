#include "notifier.h"

#include "models/operationtablemodel.h"
#include "statusicons.h"

#include <QSystemTrayIcon>

namespace {

QString describe(const OperationTableModel *model, const QString &id)
{
    const TrackedOperation *operation = model->find(id);
    return operation && !operation->label.isEmpty() ? operation->label : id;
}

} // namespace

Notifier::Notifier(OperationTableModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(StatusIcons::appIcon(), this);
        m_tray->setToolTip(tr("Billing Monitor"));
        connect(m_tray, &QSystemTrayIcon::activated, this, &Notifier::activationRequested);
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, &Notifier::activationRequested);
        m_tray->show();
    }
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(500);
    connect(&m_batchTimer, &QTimer::timeout, this, &Notifier::flush);
    connect(model, &OperationTableModel::statusChanged, this, &Notifier::onStatusChanged);
}

void Notifier::onStatusChanged(const QString &id, OperationStatus from, OperationStatus to)
{
    // Only news the analyst waited for: an operation seen in progress that has now finished.
    if (from != OperationStatus::NotStarted && from != OperationStatus::Running)
        return;
    if (to == OperationStatus::Succeeded)
        m_succeeded << id;
    else if (to == OperationStatus::Failed)
        m_failed << id;
    else
        return;
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
}

void Notifier::flush()
{
    const int total = int(m_succeeded.size() + m_failed.size());
    if (total == 0)
        return;
    QString title;
    QString text;
    if (total == 1) {
        const bool failed = !m_failed.isEmpty();
        const QString who = describe(m_model, failed ? m_failed.first() : m_succeeded.first());
        title = failed ? tr("Export failed") : tr("Export ready");
        // Quoted: a label is free text, and "Demo: succeeds after 15 s succeeded" ran on.
        text = failed ? tr("“%1” failed. Select it to see the error.").arg(who)
                      : tr("“%1” succeeded; its manifest is ready.").arg(who);
    } else {
        title = tr("%n exports finished", nullptr, total);
        QStringList parts;
        if (!m_succeeded.isEmpty())
            parts << tr("%n succeeded", nullptr, int(m_succeeded.size()));
        if (!m_failed.isEmpty())
            parts << tr("%n failed", nullptr, int(m_failed.size()));
        text = parts.join(QStringLiteral(", ")) + u'.';
    }
    const bool anyFailed = !m_failed.isEmpty();
    m_succeeded.clear();
    m_failed.clear();
    if (m_tray) {
        m_tray->showMessage(title, text,
                            anyFailed ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
    } else {
        emit inWindowMessage(title, text, anyFailed);
    }
}
