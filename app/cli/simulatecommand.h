#pragma once

#include "clicommand.h"

class GraphSimulator;

// simulate [--port N] [--scenario FILE] ...: the built-in Graph simulator in the
// foreground, configured by the same options as the graph-simulator program.
class SimulateCommand final : public CliCommand
{
    Q_OBJECT
public:
    explicit SimulateCommand(const CommandContext &context, QObject *parent = nullptr);
    ~SimulateCommand() override;

    void start() override;
    // Ctrl+C is how a simulator is meant to stop, so it ends with success.
    void interrupt() override;

private:
    GraphSimulator *m_simulator;
};
