#include "statuscommand.h"

#include "operationprinter.h"
#include "operationsweep.h"

StatusCommand::StatusCommand(const CommandContext &context, QObject *parent)
    : CliCommand(context, parent)
    , m_sweep(new OperationSweep(context.session, this))
{
    connect(m_sweep, &OperationSweep::done, this, [this] { report(m_sweep->exitCode()); });
}

void StatusCommand::start()
{
    m_sweep->start(m_context.options.ids);
}

void StatusCommand::interrupt()
{
    m_sweep->stop();
    report(ExitCode::Interrupted);
}

void StatusCommand::report(ExitCode code)
{
    if (isFinished())
        return;
    m_context.printer->printOperations(m_sweep->operations());
    if (const int unanswered = m_sweep->unansweredCount();
        unanswered > 0 && code != ExitCode::Interrupted)
        complain(QStringLiteral("no answer from Graph for %1 of the operations within %2 s")
                     .arg(unanswered)
                     .arg(OperationSweep::PatienceSeconds));
    finish(code);
}
