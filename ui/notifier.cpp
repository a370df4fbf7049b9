#include "notifier.h"

#include "models/operationtablemodel.h"

#include <QSystemTrayIcon>

namespace {

QString describe(const OperationTableModel *model, const QString &id)
{
    const TrackedOperation *operation = model->find(id);
    return operation && !operation->label.isEmpty() ? operation->label : id;
}

} // namespace

Notifier::Notifier(OperationTableModel *model, QSystemTrayIcon *tray, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_tray(tray)
{
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

void Notifier::acknowledge()
{
    m_unseenSucceeded.clear();
    m_unseenFailed.clear();
}

void Notifier::flush()
{
    if (m_succeeded.isEmpty() && m_failed.isEmpty())
        return;
    // A desktop notification is news of this batch; the window's one banner stands for
    // everything that finished since the analyst last closed it.
    if (!m_tray) {
        m_succeeded = m_unseenSucceeded += m_succeeded;
        m_failed = m_unseenFailed += m_failed;
    }
    const int total = int(m_succeeded.size() + m_failed.size());
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
