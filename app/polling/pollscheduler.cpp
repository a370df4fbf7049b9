#include "app/polling/pollscheduler.h"

#include "app/graph/operationfetch.h"
#include "app/graph/retryafter.h"
#include "app/polling/clock.h"
#include "models/timetext.h"
#include "models/trackedoperation.h"

#include <QPointer>
#include <QRandomGenerator>

#include <algorithm>
#include <vector>

namespace {

QString originOf(const QUrl &url)
{
    return url.scheme().toLower() + QLatin1String("://") + url.host().toLower() + QLatin1Char(':')
        + QString::number(url.port(-1));
}

} // namespace

PollScheduler::PollScheduler(OperationFetcher *fetcher, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_fetcher(fetcher)
    , m_clock(clock)
    , m_alarm(clock->createAlarm([this] { pump(); }))
    , m_random([] { return QRandomGenerator::global()->generateDouble(); })
{ }

PollScheduler::~PollScheduler() = default;

void PollScheduler::setPolicy(const PollPolicy &policy)
{
    m_policy = policy.normalized();
    pump();
}

void PollScheduler::setRandomSource(std::function<double()> unitRandom)
{
    m_random = std::move(unitRandom);
}

void PollScheduler::track(const TrackedOperation &operation)
{
    Entry &entry = m_entries[operation.id];
    dequeue(entry);
    entry.id = operation.id;
    entry.ownUrl = operation.url;
    entry.addedAt = operation.addedAt;
    entry.createdAt = operation.last.createdDateTime;
    entry.terminal = isTerminal(operation.last.status);
    entry.expired = operation.expired;
    if (entry.terminal || entry.expired || entry.sendNumber != 0) {
        pump();
        return;
    }
    // A check planned before a restart is kept, within what a Retry-After may ask for.
    const QDateTime now = m_clock->nowUtc();
    const qint64 wait = operation.nextCheck.isValid()
        ? std::clamp<qint64>(now.msecsTo(operation.nextCheck), 0, RetryAfter::MaxDelayMs)
        : 0;
    enqueue(entry, m_clock->steadyMs() + wait);
    pump();
}

void PollScheduler::untrack(const QString &id)
{
    auto it = m_entries.find(id);
    if (it == m_entries.end())
        return;
    // A request still in flight stays counted until its answer, which is then dropped.
    dequeue(*it);
    m_entries.erase(it);
    pump();
}

void PollScheduler::start()
{
    if (m_running)
        return;
    m_running = true;
    pump();
    emit activityChanged();
}

void PollScheduler::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_alarm->cancel();
    abandonInFlight();
    emit activityChanged();
}

void PollScheduler::abandonInFlight()
{
    if (m_inFlight == 0)
        return;
    // Aborting frees the connections at once (Ctrl+C, quitting) instead of leaving
    // answers to arrive for nobody.
    m_fetcher->cancelAll();
    m_inFlight = 0;
    std::vector<Entry *> abandoned;
    for (Entry &entry : m_entries) {
        if (entry.sendNumber != 0)
            abandoned.push_back(&entry);
    }
    // The checks sent first go out first again.
    std::sort(abandoned.begin(), abandoned.end(),
              [](const Entry *a, const Entry *b) { return a->sendNumber < b->sendNumber; });
    const qint64 now = m_clock->steadyMs();
    for (Entry *entry : abandoned) {
        entry->sendNumber = 0;
        if (entry->manual || (!entry->terminal && !entry->expired))
            enqueue(*entry, now, entry->manual);
    }
}

void PollScheduler::setOnline(bool online)
{
    if (online == m_online)
        return;
    m_online = online;
    if (online)
        staggerQueued(false);
    pump();
    emit activityChanged();
}

void PollScheduler::resumeAfterSleep()
{
    staggerQueued(true);
    pump();
    emit activityChanged();
}

void PollScheduler::staggerQueued(bool everything)
{
    const qint64 now = m_clock->steadyMs();
    std::vector<QString> overdue;
    for (const auto &[key, id] : m_queue) {
        if (everything || std::get<1>(key) <= now)
            overdue.push_back(id);
    }
    const qint64 stepUs = m_policy.resumeStepUs(int(overdue.size()));
    for (size_t i = 0; i < overdue.size(); ++i) {
        Entry &entry = m_entries[overdue[i]];
        enqueue(entry, now + qint64(i) * stepUs / 1000, entry.manual);
    }
}

QString PollScheduler::waitReason() const
{
    if (!m_online)
        return tr("Offline: the checks will go out when the network is back.");
    if (!m_running)
        return tr("Polling is paused: the checks will go out when it resumes.");
    const QDateTime throttled = throttledUntil();
    if (throttled.isValid())
        return tr("Throttled by Graph until %1; the refresh will go out then.")
            .arg(TimeText::localShort(throttled, m_clock->nowUtc()));
    return {};
}

QString PollScheduler::refreshAll()
{
    const qint64 now = m_clock->steadyMs();
    int count = 0;
    // Keep the queue's order: the operations that waited longest go first.
    std::vector<QString> ids;
    for (const auto &[key, id] : m_queue)
        ids.push_back(id);
    for (const QString &id : ids) {
        Entry &entry = m_entries[id];
        enqueue(entry, now, entry.manual);
        ++count;
    }
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.sendNumber != 0 && !entry.terminal && !entry.expired)
            ++count; // its answer is on the way
    }
    pump();
    emit activityChanged();
    if (count == 0)
        return tr("Nothing to refresh: every operation has finished or expired.");
    const QString reason = waitReason();
    if (!reason.isEmpty())
        return reason;
    const qint64 sweepMs = qint64(count) * m_policy.sendSpacingUs() / 1000;
    if (sweepMs > PollPolicy::ResumeSpreadMs)
        return tr("Checking %n operations at %1 per second takes about %2 s.", nullptr, count)
            .arg(m_policy.maxRequestsPerSecond)
            .arg((sweepMs + 999) / 1000);
    return {};
}

QString PollScheduler::checkNow(const QString &id)
{
    auto it = m_entries.find(id);
    if (it == m_entries.end())
        return tr("Operation %1 is not tracked.").arg(id);
    if (it->sendNumber != 0)
        return tr("Operation %1 is being checked right now.").arg(id);
    enqueue(*it, m_clock->steadyMs(), true);
    pump();
    emit activityChanged();
    return waitReason();
}

QDateTime PollScheduler::nextCheckAt() const
{
    if (m_queue.empty())
        return {};
    qint64 due = std::get<1>(m_queue.begin()->first);
    due = std::max(due, latestPauseMs());
    due = std::max(due, nextSendMs());
    return wallTimeOf(due);
}

QDateTime PollScheduler::throttledUntil() const
{
    const qint64 pause = latestPauseMs();
    return pause > m_clock->steadyMs() ? wallTimeOf(pause) : QDateTime();
}

qint64 PollScheduler::latestPauseMs() const
{
    qint64 latest = 0;
    for (const HostState &host : m_hosts)
        latest = std::max(latest, host.pausedUntilMs);
    return latest;
}

QDateTime PollScheduler::wallTimeOf(qint64 steadyMs) const
{
    return m_clock->nowUtc().addMSecs(steadyMs - m_clock->steadyMs());
}

void PollScheduler::enqueue(Entry &entry, qint64 dueMs, bool manual)
{
    dequeue(entry);
    entry.manual = manual;
    const QueueKey key {manual ? 0 : 1, dueMs, ++m_queueCounter};
    m_queue.emplace(key, entry.id);
    entry.queued = key;
}

void PollScheduler::dequeue(Entry &entry)
{
    if (entry.queued) {
        m_queue.erase(*entry.queued);
        entry.queued.reset();
    }
}

void PollScheduler::pump()
{
    // An answer can arrive while a request is being sent (a fake fetcher, or an immediate
    // connection error); it must not start a second dispatch loop inside the first.
    if (m_pumping) {
        m_pumpAgain = true;
        return;
    }
    m_pumping = true;
    do {
        m_pumpAgain = false;
        dispatchDue();
    } while (m_pumpAgain);
    m_pumping = false;
    armAlarm();
}

void PollScheduler::dispatchDue()
{
    if (!m_running || !m_online)
        return;
    const qint64 now = m_clock->steadyMs();
    while (m_inFlight < m_policy.maxRequestsInFlight && !m_queue.empty()) {
        const auto head = m_queue.begin();
        if (std::get<1>(head->first) > now || m_policy.earliestSendUs(m_bucketFullUs) > now * 1000)
            return;
        if (m_freshConnectionWanted) {
            // Connections in use cannot be dropped; wait until they are idle.
            if (m_inFlight > 0)
                return;
            m_fetcher->dropIdleConnections();
            m_freshConnectionWanted = false;
        }
        Entry &entry = m_entries[head->second];
        const QUrl url = m_fetcher->operationUrl(entry.id, entry.ownUrl);
        const QString origin = originOf(url);
        const HostState &host = m_hosts[origin];
        if (host.pausedUntilMs > now) {
            enqueue(entry, host.pausedUntilMs, entry.manual);
            continue;
        }
        if (!entry.manual && m_policy.isTooOld(expiryAgeMs(entry, m_clock->nowUtc()))) {
            dequeue(entry);
            expireByAge(entry);
            continue;
        }
        send(entry, url, origin);
    }
}

void PollScheduler::send(Entry &entry, const QUrl &url, const QString &origin)
{
    m_bucketFullUs = m_policy.afterSendUs(m_bucketFullUs, m_clock->steadyMs() * 1000);
    dequeue(entry);
    entry.sendNumber = ++m_sendCounter;
    entry.origin = origin;
    ++m_inFlight;
    const QString id = entry.id;
    const quint64 sendNumber = entry.sendNumber;
    QPointer<PollScheduler> self(this);
    m_fetcher->fetch(id, url, [self, id, sendNumber](const FetchOutcome &outcome) {
        if (self)
            self->onFetched(id, sendNumber, outcome);
    });
    emit activityChanged();
}

void PollScheduler::onFetched(const QString &id, quint64 sendNumber, const FetchOutcome &outcome)
{
    --m_inFlight;
    auto it = m_entries.find(id);
    if (it == m_entries.end() || it->sendNumber != sendNumber) {
        pump();
        emit activityChanged();
        return;
    }
    Entry &entry = *it;
    entry.sendNumber = 0;
    entry.manual = false;
    const qint64 now = m_clock->steadyMs();
    const QDateTime wallNow = m_clock->nowUtc();
    HostState &host = m_hosts[entry.origin];
    const std::optional<qint64> retryAfter = RetryAfter::delayMs(outcome.retryAfter, wallNow);

    PollUpdate update;
    update.id = id;
    update.answered = true;
    update.checkedAt = wallNow;
    update.retryAfter = QString::fromLatin1(outcome.retryAfter);
    update.requestId = outcome.requestId;
    update.clientRequestId = outcome.clientRequestId;
    update.problem = outcome.problem;
    std::optional<qint64> dueMs;

    if (outcome.operation) {
        const Operation &operation = *outcome.operation;
        update.operation = operation;
        host.throttles = 0;
        entry.failures = 0;
        entry.goneCount = 0;
        if (entry.expired) {
            // Answered after all: it is tracked again, with a fresh age limit.
            entry.expired = false;
            entry.expiryCountsFrom = wallNow;
        }
        if (operation.createdDateTime.isValid())
            entry.createdAt = operation.createdDateTime;
        entry.terminal = isTerminal(operation.status);
        if (!entry.terminal)
            dueMs = now + m_policy.nextCheckDelayMs(ageMs(entry, wallNow), retryAfter);
    } else {
        const bool throttled = outcome.httpStatus == 429 || outcome.httpStatus == 503;
        if (throttled) {
            // Throttling is about the host, not the operation: every request to it waits.
            // The requests already out when a pause began answer into it; only a throttle
            // after a pause has run out counts as one more in a row.
            if (host.pausedUntilMs <= now || host.throttles == 0)
                ++host.throttles;
            const qint64 pause = m_policy.throttlePauseMs(retryAfter, host.throttles, m_random());
            host.pausedUntilMs = std::max(host.pausedUntilMs, now + pause);
            if (outcome.httpStatus == 503)
                m_freshConnectionWanted = true;
        }
        if (entry.terminal || entry.expired) {
            // A look by hand at a finished or expired operation that did not answer: it
            // stays as it was.
        } else if (throttled) {
            dueMs = host.pausedUntilMs;
        } else if (outcome.httpStatus == 404 || outcome.httpStatus == 410) {
            if (++entry.goneCount >= PollPolicy::GoneLimit) {
                entry.expired = true;
                update.problem.message
                    = tr("Graph no longer knows this operation (HTTP %1, %n times in a row); "
                         "start a new export.",
                         nullptr, entry.goneCount)
                          .arg(outcome.httpStatus);
            } else {
                dueMs = now + m_policy.intervalMs(ageMs(entry, wallNow));
            }
        } else {
            qint64 wait = std::max(backoffMs(++entry.failures), retryAfter.value_or(0));
            if (!outcome.problem.isTransient())
                wait = std::max(wait, m_policy.intervalMs(ageMs(entry, wallNow)));
            dueMs = now + wait;
        }
    }

    if (dueMs) {
        enqueue(entry, *dueMs);
        update.nextCheck = wallTimeOf(*dueMs);
    }
    update.expired = entry.expired;
    emit updated(update);
    pump();
    emit activityChanged();
}

void PollScheduler::expireByAge(Entry &entry)
{
    entry.expired = true;
    PollUpdate update;
    update.id = entry.id;
    update.expired = true;
    emit updated(update);
}

void PollScheduler::armAlarm()
{
    const bool idle = !m_running || !m_online || m_queue.empty()
        || m_inFlight >= m_policy.maxRequestsInFlight
        || (m_freshConnectionWanted && m_inFlight > 0);
    if (idle) {
        // An answer arriving is what makes room again; it calls pump() itself.
        m_alarm->cancel();
        return;
    }
    const qint64 due = std::get<1>(m_queue.begin()->first);
    m_alarm->setAt(std::max(due, nextSendMs()));
}

qint64 PollScheduler::nextSendMs() const
{
    const qint64 earliestUs = m_policy.earliestSendUs(m_bucketFullUs);
    return earliestUs <= 0 ? 0 : (earliestUs + 999) / 1000;
}

qint64 PollScheduler::ageMs(const Entry &entry, const QDateTime &nowUtc) const
{
    const QDateTime &since = entry.createdAt.isValid() ? entry.createdAt : entry.addedAt;
    return since.isValid() ? std::max<qint64>(0, since.msecsTo(nowUtc)) : 0;
}

qint64 PollScheduler::expiryAgeMs(const Entry &entry, const QDateTime &nowUtc) const
{
    const qint64 age = ageMs(entry, nowUtc);
    if (!entry.expiryCountsFrom.isValid())
        return age;
    return std::min(age, std::max<qint64>(0, entry.expiryCountsFrom.msecsTo(nowUtc)));
}

qint64 PollScheduler::backoffMs(int failures) const
{
    return m_policy.backoffMs(failures, m_random());
}
