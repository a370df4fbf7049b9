#pragma once

#include "clicommand.h"

class OperationSweep;

// status <id|url>...: one look at each operation, then a table or JSON lines.
class StatusCommand final : public CliCommand
{
    Q_OBJECT
public:
    explicit StatusCommand(const CommandContext &context, QObject *parent = nullptr);

    void start() override;
    void interrupt() override;

private:
    void report(ExitCode code);

    OperationSweep *m_sweep;
};
