#pragma once

#include "clicommand.h"

#include <QList>

struct TrackedOperation;

// track <id|url>... [--label TEXT]: adds operations to the shared list, as pasting them into
// the app would; a running app shows them within seconds. Asks Graph nothing.
class TrackCommand final : public CliCommand
{
    Q_OBJECT
public:
    explicit TrackCommand(const CommandContext &context, QObject *parent = nullptr);

    void start() override;
    void interrupt() override;

    // Adds them to the shared list and, with report, prints what happened to each; false
    // (with the reason on stderr) when the list could not be saved. export --track uses it.
    static bool track(const CommandContext &context, const QList<TrackedOperation> &operations,
                      bool report);
};
