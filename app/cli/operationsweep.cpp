#include "operationsweep.h"

#include "operationwatcher.h"

OperationSweep::OperationSweep(Session *session, QObject *parent)
    : QObject(parent)
    , m_watcher(new OperationWatcher(session, this))
{
    m_patience.setSingleShot(true);
    m_patience.setInterval(PatienceSeconds * 1000);
    connect(&m_patience, &QTimer::timeout, this, [this] {
        stop();
        emit done();
    });
    connect(m_watcher, &OperationWatcher::changed, this, &OperationSweep::onChanged);
}

void OperationSweep::start(const QStringList &ids)
{
    m_unsettled = QSet<QString>(ids.cbegin(), ids.cend());
    m_watcher->watch(ids);
    m_patience.start();
}

void OperationSweep::stop()
{
    m_done = true;
    m_patience.stop();
    m_watcher->stop();
}

QList<TrackedOperation> OperationSweep::operations() const
{
    return m_watcher->operations();
}

ExitCode OperationSweep::exitCode() const
{
    const ExitCode answered = CliExit::forOperations(operations());
    return unansweredCount() > 0 ? CliExit::worse(answered, ExitCode::Unresolved) : answered;
}

int OperationSweep::unansweredCount() const
{
    int count = 0;
    for (const TrackedOperation &operation : operations()) {
        if (!OperationWatcher::hasAnswer(operation))
            ++count;
    }
    return count;
}

void OperationSweep::onChanged(const TrackedOperation &operation)
{
    if (m_done)
        return;
    if (operation.problem.isTransient())
        m_unsettled.insert(operation.id);
    else
        m_unsettled.remove(operation.id);
    if (!m_unsettled.isEmpty())
        return;
    stop();
    emit done();
}
