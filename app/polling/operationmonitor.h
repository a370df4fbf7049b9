#pragma once

#include "app/polling/pollpolicy.h"
#include "app/polling/pollscheduler.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include <memory>

class Clock;
class ClockAlarm;
class GraphClient;
class NetworkStatus;
class OperationFetcher;
class OperationTableModel;

// Keeps the tracked operations in the model up to date by polling Graph, within the
// scheduling policy (see pollpolicy.h). Results reach the model in batches.
//
// The model is the list of what is tracked: rows added to it by anyone (the store loading,
// an import) are polled, and rows removed from it are dropped.
class OperationMonitor : public QObject
{
    Q_OBJECT
public:
    // How often at most the results reach the model, and the status bar hears of activity.
    static constexpr int BatchIntervalMs = 100;

    OperationMonitor(OperationTableModel *model, GraphClient *client, QObject *parent = nullptr);
    // Follows this network watcher (not owned) instead of the system's reachability.
    OperationMonitor(OperationTableModel *model, GraphClient *client, NetworkStatus *network,
                     QObject *parent = nullptr);
    // For tests and benchmarks: any fetcher, clock and network watcher (not owned).
    OperationMonitor(OperationTableModel *model, OperationFetcher *fetcher, Clock *clock,
                     NetworkStatus *network, QObject *parent = nullptr);
    ~OperationMonitor() override;

    struct TrackResult
    {
        QStringList added;
        QStringList alreadyTracked;
        QStringList rejected; // not a well-formed operation id
    };
    // Starts tracking validated ids (see models/operationids.h); polls them soon.
    TrackResult track(const QStringList &ids, const QString &label = {});
    // Tracks a new export by its Location, kept verbatim as the operation URL. False when the
    // id or the Location is not acceptable (only https, or http to this computer), or the
    // operation is tracked already.
    bool trackExport(const QString &id, const QUrl &location, const QString &label);
    void remove(const QStringList &ids);

    // Checks every non-terminal operation now (F5), within the rate limits and any
    // throttle pause; the returned text says what will happen ("Throttled by Graph until
    // 14:02:31; the refresh will go out then.") and is empty when it goes out at once.
    QString refreshAll();
    // Checks one operation now, expired ones included.
    QString checkNow(const QString &id);

    // While a big list loads, the table comes first: rows that arrive are taken up for
    // polling only at resumeTracking(), then a slice of TrackingSlice rows per pass of the
    // event loop, so the window answers meanwhile. Taking up 100,000 operations costs the
    // GUI thread about 0.25 s, a third of filling the table with them.
    // A slice is a couple of milliseconds, well inside a frame.
    static constexpr int TrackingSlice = 1000;
    void holdTracking();
    void resumeTracking();
    bool isTakingUp() const { return m_holding || !m_waiting.isEmpty(); }

    void setRefreshIntervalSeconds(int seconds); // the policy's upper interval, default 30
    void setPolicy(const PollPolicy &policy);
    PollPolicy policy() const;
    void start(); // begins polling (idempotent)
    // Pauses polling and aborts the checks in flight: they change no row, and go out
    // again after start().
    void stop();
    bool isRunning() const;

    int requestsInFlight() const;
    QDateTime nextCheckAt() const; // UTC, invalid when nothing is scheduled
    QDateTime throttledUntil() const; // UTC, invalid when not throttled
    bool isOnline() const;
    // Tracked operations whose Location is not on the configured Graph origin: they are
    // checked at that origin by id instead, and the analyst should hear why.
    QStringList idsWithLocationElsewhere() const;

signals:
    // In-flight count, next check, throttle or online state changed (for the status bar).
    void activityChanged();
    // The network went away (polling paused) or came back (a staggered sweep follows).
    void onlineChanged(bool online);
    // Operations just tracked whose Location is elsewhere (see idsWithLocationElsewhere()).
    void locationsElsewhere(const QStringList &ids);

private:
    void init(OperationFetcher *fetcher);
    void trackRows(int first, int last);
    void takeUpWaiting();
    // Hands the operation to the scheduler; notes its id when its Location is elsewhere.
    void startTracking(const TrackedOperation &operation, QStringList *elsewhere);
    bool hasLocationElsewhere(const TrackedOperation &operation) const;
    void untrackRows(int first, int last);
    void resyncWithModel();
    void onUpdated(const PollUpdate &update);
    void scheduleFlush();
    void flush();
    void applyOnline();

    QPointer<OperationTableModel> m_model;
    GraphClient *m_client = nullptr;
    std::unique_ptr<OperationFetcher> m_ownFetcher;
    std::unique_ptr<NetworkStatus> m_ownNetwork;
    Clock *m_clock;
    NetworkStatus *m_network;
    std::unique_ptr<PollScheduler> m_scheduler;
    std::unique_ptr<ClockAlarm> m_flushAlarm;
    bool m_flushArmed = false;
    bool m_activityDirty = false;
    QHash<QString, QList<PollUpdate>> m_pending;
    QStringList m_pendingOrder;
    bool m_holding = false;
    // Rows to take up after a hold, by id (rows may come and go meanwhile), from m_waitingNext.
    QStringList m_waiting;
    qsizetype m_waitingNext = 0;
};
