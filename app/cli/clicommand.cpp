#include "clicommand.h"

#include "texttable.h"

#include <QTextStream>

CliCommand::CliCommand(const CommandContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{ }

void CliCommand::finish(ExitCode code)
{
    if (m_finished)
        return;
    m_finished = true;
    emit finished(code);
}

void CliCommand::complain(const QString &message) const
{
    *m_context.err << "billing-monitor-cli: " << terminalSafe(message) << '\n';
    m_context.err->flush();
}
