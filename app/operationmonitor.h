#pragma once

// CONTRACT (written before the implementation): the engine owns this file and may add to
// it, but the members below are what the GUI and the CLI use.

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <QUrl>

class GraphClient;
class OperationTableModel;

// Keeps the tracked operations in the model up to date by polling Graph, within the
// scheduling policy (see pollpolicy.h). Results reach the model in batches.
class OperationMonitor : public QObject
{
    Q_OBJECT
public:
    OperationMonitor(OperationTableModel *model, GraphClient *client, QObject *parent = nullptr);

    struct TrackResult
    {
        QStringList added;
        QStringList alreadyTracked;
    };
    // Starts tracking validated ids (see models/operationids.h); polls them soon.
    TrackResult track(const QStringList &ids, const QString &label = {});
    // Tracks a new export by its Location, kept verbatim as the operation URL.
    bool trackExport(const QString &id, const QUrl &location, const QString &label);
    void remove(const QStringList &ids);

    // Checks every non-terminal operation now (F5), within the rate limits and any
    // throttle pause; the returned text says what will happen ("Throttled by Graph until
    // 14:02:31; the refresh will go out then.") and is empty when it goes out at once.
    QString refreshAll();
    // Checks one operation now, expired ones included.
    QString checkNow(const QString &id);

    void setRefreshIntervalSeconds(int seconds); // the policy's upper interval, default 30
    void start(); // begins polling (idempotent)
    void stop();

    int requestsInFlight() const;
    QDateTime nextCheckAt() const; // UTC, invalid when nothing is scheduled
    QDateTime throttledUntil() const; // UTC, invalid when not throttled
    bool isOnline() const;

signals:
    // In-flight count, next check, throttle or online state changed (for the status bar).
    void activityChanged();
};
