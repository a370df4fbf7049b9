#pragma once

#include "app/polling/pollpolicy.h"
#include "models/operation.h"
#include "models/problem.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <tuple>

class Clock;
class ClockAlarm;
class OperationFetcher;
struct FetchOutcome;
struct TrackedOperation;

// What the scheduler learned or decided about one operation, for the table model.
struct PollUpdate
{
    QString id;
    bool answered = false; // a reply (good or bad) arrived: checkedAt and retryAfter apply
    QDateTime checkedAt; // UTC
    std::optional<Operation> operation; // Graph's fresh state
    Problem problem; // null after a good answer and when an operation expires by age
    QString retryAfter; // the reply's Retry-After, verbatim
    QString requestId; // the reply's request-id and the client-request-id sent
    QString clientRequestId;
    QDateTime nextCheck; // UTC; invalid when nothing is scheduled
    bool expired = false;
};

// Carries out the polling policy (pollpolicy.h): decides what to send when, through an
// OperationFetcher, on an injectable Clock. It knows nothing of the table model; it reports
// each decision as a PollUpdate.
class PollScheduler : public QObject
{
    Q_OBJECT
public:
    PollScheduler(OperationFetcher *fetcher, Clock *clock, QObject *parent = nullptr);
    ~PollScheduler() override;

    void setPolicy(const PollPolicy &policy);
    const PollPolicy &policy() const { return m_policy; }
    // The source of jitter: a number in [0, 1). Tests make it predictable.
    void setRandomSource(std::function<double()> unitRandom);

    // Starts following an operation in the state the model has for it. Operations that are
    // terminal or expired are followed but not polled (checkNow() still works on them).
    void track(const TrackedOperation &operation);
    // Makes room for this many more before tracking a batch of them (start-up tracks
    // 100,000 in chunks; growing step by step rehashes every id at each doubling).
    void reserve(qsizetype more) { m_entries.reserve(m_entries.size() + more); }
    void untrack(const QString &id);
    bool isTracked(const QString &id) const { return m_entries.contains(id); }
    QStringList trackedIds() const { return m_entries.keys(); }

    void start();
    // Also aborts the checks in flight: none of them updates anything, and each goes out
    // again after start().
    void stop();
    bool isRunning() const { return m_running; }

    void setOnline(bool online);
    bool isOnline() const { return m_online; }
    // After the machine woke from sleep: every scheduled check goes out again, staggered.
    void resumeAfterSleep();

    // Queue checks at once within the limits. The text says why they wait, or is empty.
    QString refreshAll();
    QString checkNow(const QString &id);

    int requestsInFlight() const { return m_inFlight; }
    QDateTime nextCheckAt() const; // UTC; invalid when nothing is scheduled
    QDateTime throttledUntil() const; // UTC; invalid when no host is paused

signals:
    void updated(const PollUpdate &update);
    void activityChanged();

private:
    // Manual checks (priority 0) go before regular ones (1); then by due time, then in
    // the order they were queued.
    using QueueKey = std::tuple<int, qint64, quint64>;

    struct Entry
    {
        QString id;
        QUrl ownUrl;
        QDateTime addedAt;
        QDateTime createdAt;
        QDateTime expiryCountsFrom; // set when a manual check revived an expired operation
        bool terminal = false;
        bool expired = false;
        int goneCount = 0; // 404/410 answers in a row
        int failures = 0; // other problems in a row
        bool manual = false;
        quint64 sendNumber = 0; // which request is in flight, 0 when none
        QString origin; // where the request in flight went
        std::optional<QueueKey> queued;
    };

    struct HostState
    {
        qint64 pausedUntilMs = 0;
        int throttles = 0; // pauses in a row (429/503 after the last pause ran out)
    };

    void enqueue(Entry &entry, qint64 dueMs, bool manual = false);
    void dequeue(Entry &entry);
    void pump();
    void dispatchDue();
    void send(Entry &entry, const QUrl &url, const QString &origin);
    void abandonInFlight();
    void onFetched(const QString &id, quint64 sendNumber, const FetchOutcome &outcome);
    void expireByAge(Entry &entry);
    void armAlarm();
    void staggerQueued(bool everything);
    qint64 ageMs(const Entry &entry, const QDateTime &nowUtc) const;
    qint64 expiryAgeMs(const Entry &entry, const QDateTime &nowUtc) const;
    qint64 backoffMs(int failures) const;
    QDateTime wallTimeOf(qint64 steadyMs) const;
    qint64 latestPauseMs() const;
    qint64 nextSendMs() const; // when the rate ceiling allows the next send
    QString waitReason() const;

    OperationFetcher *m_fetcher;
    Clock *m_clock;
    std::unique_ptr<ClockAlarm> m_alarm;
    PollPolicy m_policy;
    std::function<double()> m_random;

    QHash<QString, Entry> m_entries;
    std::map<QueueKey, QString> m_queue;
    QHash<QString, HostState> m_hosts;
    quint64 m_queueCounter = 0;
    quint64 m_sendCounter = 0;
    qint64 m_bucketFullUs = 0; // the rate ceiling's token bucket (PollPolicy), steady clock
    int m_inFlight = 0;
    bool m_running = false;
    bool m_online = true;
    bool m_freshConnectionWanted = false;
    bool m_pumping = false;
    bool m_pumpAgain = false;
};
