#pragma once

#include "clicommand.h"

#include "models/trackedoperation.h"

#include <QSet>
#include <QTimer>

class OperationWatcher;

// watch <id|url>...: polls until every operation is final, printing each change as it
// happens and a final line for each operation at the end.
class WatchCommand final : public CliCommand
{
    Q_OBJECT
public:
    explicit WatchCommand(const CommandContext &context, QObject *parent = nullptr);

    void start() override; // the ids of the command line
    // An operation the monitor already tracks, e.g. an export just started.
    void startFollowing(const QString &id);
    void interrupt() override;

private:
    void begin();
    void onChanged(const TrackedOperation &operation);
    void checkDone();
    void end(ExitCode code);

    OperationWatcher *m_watcher;
    QTimer m_deadline;
    QSet<QString> m_open; // not final yet
    bool m_refused = false; // Graph refused the token
    bool m_checkQueued = false;
};
