#pragma once

#include "clicommand.h"

// list [--json]: the operations tracked in the shared list (the app's), with their last
// known status, label and when they were last checked. Reads the list; asks Graph nothing.
class ListCommand final : public CliCommand
{
    Q_OBJECT
public:
    explicit ListCommand(const CommandContext &context, QObject *parent = nullptr);

    void start() override;
    void interrupt() override;
};
