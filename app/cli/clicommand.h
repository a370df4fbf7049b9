#pragma once

#include "clienvironment.h"
#include "clioptions.h"
#include "exitcode.h"

#include <QObject>

class OperationPrinter;
class QTextStream;
class Session;

// Everything a command works with; owned by the runner, which outlives the command.
struct CommandContext
{
    const CliOptions &options;
    const CliEnvironment &environment;
    Session *session; // Graph, token, model and monitor; null for simulate
    OperationPrinter *printer; // stdout
    QTextStream *err; // messages and progress
};

// One command's run. It does its work from the event loop and emits finished() once.
class CliCommand : public QObject
{
    Q_OBJECT
public:
    explicit CliCommand(const CommandContext &context, QObject *parent = nullptr);

    virtual void start() = 0;
    // Ctrl+C: stop asking, print what is known, then finish with ExitCode::Interrupted.
    virtual void interrupt() = 0;

    bool isFinished() const { return m_finished; }

signals:
    void finished(ExitCode code);

protected:
    // Emits finished() once; later calls are ignored (an answer racing a Ctrl+C).
    void finish(ExitCode code);
    // "billing-monitor-cli: <message>" on stderr.
    void complain(const QString &message) const;

    CommandContext m_context;

private:
    bool m_finished = false;
};
