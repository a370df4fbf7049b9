#include "watchcommand.h"

#include "operationprinter.h"
#include "operationwatcher.h"

#include "app/polling/operationmonitor.h"
#include "app/session.h"

#include <cmath>

WatchCommand::WatchCommand(const CommandContext &context, QObject *parent)
    : CliCommand(context, parent)
    , m_watcher(new OperationWatcher(context.session, this))
{
    connect(m_watcher, &OperationWatcher::changed, this, &WatchCommand::onChanged);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        complain(QStringLiteral("--timeout ran out before every operation finished"));
        end(CliExit::forOperations(m_watcher->operations(), true));
    });
}

void WatchCommand::start()
{
    const QStringList &ids = m_context.options.ids;
    m_open = QSet<QString>(ids.cbegin(), ids.cend());
    begin();
    m_watcher->watch(ids);
}

void WatchCommand::startFollowing(const QString &id)
{
    m_open = {id};
    begin();
    m_watcher->follow(id);
}

void WatchCommand::interrupt()
{
    end(ExitCode::Interrupted);
}

void WatchCommand::begin()
{
    const CliOptions &options = m_context.options;
    if (options.intervalSeconds > 0)
        m_context.session->monitor()->setRefreshIntervalSeconds(options.intervalSeconds);
    if (options.timeoutSeconds > 0) {
        m_deadline.setInterval(int(std::ceil(options.timeoutSeconds * 1000)));
        m_deadline.start();
    }
}

void WatchCommand::onChanged(const TrackedOperation &operation)
{
    if (isFinished())
        return;
    m_context.printer->printChange(operation);
    if (operation.isFinal())
        m_open.remove(operation.id);
    // Waiting cannot fix a refused token: every further check would be refused too.
    if (CliExit::forProblem(operation.problem) == ExitCode::AuthenticationRefused)
        m_refused = true;
    // One batch can change several operations: the check waits until all were printed.
    if (!m_checkQueued) {
        m_checkQueued = true;
        QMetaObject::invokeMethod(this, &WatchCommand::checkDone, Qt::QueuedConnection);
    }
}

void WatchCommand::checkDone()
{
    m_checkQueued = false;
    if (m_refused)
        end(ExitCode::AuthenticationRefused);
    else if (m_open.isEmpty())
        end(CliExit::forOperations(m_watcher->operations()));
}

void WatchCommand::end(ExitCode code)
{
    if (isFinished())
        return;
    m_deadline.stop();
    m_watcher->stop();
    const QList<TrackedOperation> operations = m_watcher->operations();
    if (!m_context.printer->isJson())
        m_context.printer->printLine(QString());
    m_context.printer->printFinal(operations);
    finish(code);
}
