#pragma once

#include "clicommand.h"

#include "models/problem.h"

class ExportStarter;
class WatchCommand;

// export <kind> ...: starts an export through the app's ExportStarter, prints the new
// operation's id, and with --watch follows it like watch does.
class ExportCommand final : public CliCommand
{
    Q_OBJECT
public:
    explicit ExportCommand(const CommandContext &context, QObject *parent = nullptr);

    void start() override;
    void interrupt() override;

private:
    void onStarted(const QString &id, const QString &label);
    void onFailed(const Problem &problem);

    ExportStarter *m_starter;
    WatchCommand *m_watch = nullptr;
};
