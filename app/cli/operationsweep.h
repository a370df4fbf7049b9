#pragma once

#include "exitcode.h"

#include "models/trackedoperation.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

class OperationWatcher;
class Session;

// One look at each operation: done once every one has a state, or a problem that waiting
// will not fix (401, 403, 404, an unreadable answer). Throttling, server and network
// faults are retried by the monitor, with the app's backoff, for up to PatienceSeconds;
// then they count as unresolved.
class OperationSweep : public QObject
{
    Q_OBJECT
public:
    static constexpr int PatienceSeconds = 10;

    explicit OperationSweep(Session *session, QObject *parent = nullptr);

    void start(const QStringList &ids);
    // Stops polling; the operations keep what was learned so far.
    void stop();

    QList<TrackedOperation> operations() const;
    // What the answers call for, including operations that never got one.
    ExitCode exitCode() const;
    int unansweredCount() const;

signals:
    void done();

private:
    void onChanged(const TrackedOperation &operation);

    OperationWatcher *m_watcher;
    QTimer m_patience;
    QSet<QString> m_unsettled; // no answer yet, or one that may still go away
    bool m_done = false;
};
