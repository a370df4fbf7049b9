#include "app/polling/clock.h"
#include "app/polling/networkstatus.h"
#include "app/polling/operationmonitor.h"
#include "app/polling/pollscheduler.h"
#include "models/operationtablemodel.h"
#include "models/trackedoperation.h"
#include "support/fakefetcher.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include <map>

// The polling policy carried out in simulated time: a SimulatedClock and a FakeFetcher
// stand in for the world, so every rule is checked over hours of polling in milliseconds.
class TestScheduler : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void newOperationIsPolledAtOnce();
    void intervalGrowsWithAge();
    void retryAfterIsFollowed();
    void oldOperationFollowsAShortRetryAfter();
    void terminalIsNeverPolledAgain();
    void expiresByAge();
    void expiresAfterRepeated404And410();
    void expiredCanBeCheckedByHand();
    void throttle429PausesTheWholeHost();
    void throttleUntilHttpDate();
    void throttleWithoutRetryAfterBacksOffWithJitter();
    void throttleWithTinyOrPastRetryAfterStillBacksOff();
    void after503TheRetryUsesAFreshConnection();
    void serverErrorsAndTimeoutsBackOffWithoutStatus();
    void unauthorizedWaitsTheRegularInterval();
    void inFlightCap();
    void sweepOf10000StaysUnderTheRate();
    void highCeilingIsNotLimitedByTheMillisecondClock();
    void pollsOfOneOperationNeverOverlap();
    void offlinePausesAndResumesStaggered();
    void sleepIsDetectedByWallClockJump();
    void wakeUpResumesStaggered();
    void manualRefreshDuringThrottleSaysSo();
    void refreshAllGoesOutAtOnce();
    void checkNowWhileInFlight();
    void removedWhileInFlight();
    void plannedCheckSurvivesARestart();
    void monitorBatchesAndFollowsTheNetwork();
    void stopAbortsChecksInFlight();

private:
    TrackedOperation operation(const QString &id = {}) const;
    QStringList trackMany(int count);
    QList<PollUpdate> updatesFor(const QString &id) const;

    std::unique_ptr<SimulatedClock> m_clock;
    std::unique_ptr<FakeFetcher> m_fetcher;
    std::unique_ptr<PollScheduler> m_scheduler;
    QList<PollUpdate> m_updates;
};

TrackedOperation TestScheduler::operation(const QString &id) const
{
    TrackedOperation tracked;
    tracked.id = id.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : id;
    tracked.addedAt = m_clock->nowUtc();
    return tracked;
}

QStringList TestScheduler::trackMany(int count)
{
    QStringList ids;
    for (int i = 0; i < count; ++i) {
        const TrackedOperation tracked = operation();
        m_scheduler->track(tracked);
        ids.append(tracked.id);
    }
    return ids;
}

QList<PollUpdate> TestScheduler::updatesFor(const QString &id) const
{
    QList<PollUpdate> matching;
    for (const PollUpdate &update : m_updates) {
        if (update.id == id)
            matching.append(update);
    }
    return matching;
}

void TestScheduler::init()
{
    m_clock = std::make_unique<SimulatedClock>();
    m_fetcher = std::make_unique<FakeFetcher>(m_clock.get());
    m_scheduler = std::make_unique<PollScheduler>(m_fetcher.get(), m_clock.get());
    m_scheduler->setRandomSource([] { return 0.0; });
    m_updates.clear();
    connect(m_scheduler.get(), &PollScheduler::updated, this,
            [this](const PollUpdate &update) { m_updates.append(update); });
    m_scheduler->start();
}

void TestScheduler::cleanup()
{
    m_scheduler.reset();
    m_fetcher.reset();
    m_clock.reset();
}

void TestScheduler::newOperationIsPolledAtOnce()
{
    const TrackedOperation tracked = operation();
    m_scheduler->track(tracked);
    m_clock->advanceBy(0);
    QCOMPARE(m_fetcher->requests().size(), 1);
    QCOMPARE(m_fetcher->requests().first().sentAtMs, 0);
    QCOMPARE(m_fetcher->requests().first().url.toString(),
             QStringLiteral("https://graph.example/v1.0/reports/partners/billing/operations/")
                 + tracked.id);

    // An export's own Location is used verbatim.
    TrackedOperation exported = operation();
    exported.url = QUrl(QStringLiteral("https://graph.example/beta/custom/location?x=1"));
    m_scheduler->track(exported);
    m_clock->advanceBy(1000);
    QCOMPARE(m_fetcher->requestsFor(exported.id).first().url, exported.url);
}

void TestScheduler::intervalGrowsWithAge()
{
    const TrackedOperation tracked = operation();
    m_scheduler->track(tracked);
    m_clock->advanceBy(2 * 3600 * 1000);
    const QList<FakeFetcher::Request> requests = m_fetcher->requestsFor(tracked.id);
    QVERIFY(requests.size() > 20);
    const PollPolicy policy;
    qint64 previousGap = 0;
    for (int i = 0; i + 1 < requests.size(); ++i) {
        const qint64 answeredAge = requests[i].answeredAtMs; // added at steady 0
        const qint64 gap = requests[i + 1].sentAtMs - requests[i].answeredAtMs;
        QCOMPARE(gap, policy.intervalMs(answeredAge));
        QVERIFY(gap >= previousGap);
        previousGap = gap;
    }
    QCOMPARE(requests[1].sentAtMs - requests[0].answeredAtMs, 5000);
    QCOMPARE(previousGap, 30000);

    // The refresh setting is the ceiling.
    PollPolicy slower;
    slower.refreshIntervalSeconds = 120;
    m_scheduler->setPolicy(slower);
    const qint64 before = m_fetcher->requestsFor(tracked.id).size();
    m_clock->advanceBy(3600 * 1000);
    const QList<FakeFetcher::Request> later = m_fetcher->requestsFor(tracked.id);
    QCOMPARE(later.size() - before, 30); // one an hour / 120 s (+/- the answer latency)
    QCOMPARE(later.last().sentAtMs - later[later.size() - 2].answeredAtMs, 120000);
}

void TestScheduler::retryAfterIsFollowed()
{
    QList<QByteArray> retryAfters {"12.5", "1", "", "garbage", "0.5", "40", "0"};
    m_fetcher->setResponder([&](const FakeFetcher::Request &request, int nth) {
        return FakeFetcher::Answer {FakeFetcher::running(request.id, retryAfters.value(nth))};
    });
    const TrackedOperation tracked = operation();
    m_scheduler->track(tracked);
    m_clock->advanceBy(120 * 1000);
    const QList<FakeFetcher::Request> requests = m_fetcher->requestsFor(tracked.id);
    QVERIFY(requests.size() >= 8);
    // Retry-After as sent; without one (or unreadable) the interval of a young operation;
    // under a second, a second.
    const QList<qint64> expected {12500, 1000, 5000, 5000, 1000, 40000, 1000};
    for (int i = 0; i < expected.size(); ++i)
        QCOMPARE(requests[i + 1].sentAtMs - requests[i].answeredAtMs, expected[i]);
    // The update keeps the header verbatim and says when the next check is.
    const PollUpdate first = updatesFor(tracked.id).first();
    QCOMPARE(first.retryAfter, QStringLiteral("12.5"));
    QCOMPARE(first.nextCheck, first.checkedAt.addMSecs(12500));
}

void TestScheduler::oldOperationFollowsAShortRetryAfter()
{
    // An hour old, so the interval would be 30 s; Graph says 2 s and finishes after 61 s.
    const qint64 finishesAtMs = 61 * 1000;
    m_fetcher->setResponder([&](const FakeFetcher::Request &request, int) {
        if (m_clock->steadyMs() >= finishesAtMs)
            return FakeFetcher::Answer {
                FakeFetcher::finished(request.id, OperationStatus::Succeeded), 100};
        return FakeFetcher::Answer {
            FakeFetcher::running(request.id, "2", m_clock->nowUtc().addSecs(-3600)), 100};
    });
    const TrackedOperation tracked = operation();
    m_scheduler->track(tracked);
    m_clock->advanceBy(5 * 60 * 1000);
    const QList<FakeFetcher::Request> requests = m_fetcher->requestsFor(tracked.id);
    for (int i = 0; i + 1 < requests.size(); ++i)
        QCOMPARE(requests[i + 1].sentAtMs - requests[i].answeredAtMs, 2000);
    // Every 2.1 s (2 s after each answer that takes 0.1 s), where the age-based interval
    // would have waited 30 s; and the finish is seen within Retry-After and one answer.
    QCOMPARE(requests.size(), 31);
    QVERIFY(requests.last().answeredAtMs - finishesAtMs <= 2000 + 100);
}

void TestScheduler::terminalIsNeverPolledAgain()
{
    m_fetcher->setResponder([](const FakeFetcher::Request &request, int nth) {
        if (nth < 2)
            return FakeFetcher::Answer {FakeFetcher::running(request.id)};
        return FakeFetcher::Answer {FakeFetcher::finished(
            request.id,
            request.id.startsWith(u'a') ? OperationStatus::Failed : OperationStatus::Succeeded)};
    });
    const QStringList ids {QStringLiteral("a0000000-0000-0000-0000-000000000001"),
                           QStringLiteral("b0000000-0000-0000-0000-000000000002")};
    for (const QString &id : ids)
        m_scheduler->track(operation(id));
    m_clock->advanceBy(10 * 3600 * 1000);
    for (const QString &id : ids) {
        QCOMPARE(m_fetcher->requestsFor(id).size(), 3);
        QVERIFY(!updatesFor(id).last().nextCheck.isValid());
    }
    QVERIFY(!m_scheduler->nextCheckAt().isValid());

    // Tracking an operation already known to be finished polls nothing.
    TrackedOperation done = operation();
    done.last.status = OperationStatus::Succeeded;
    m_scheduler->track(done);
    m_clock->advanceBy(3600 * 1000);
    QCOMPARE(m_fetcher->requestsFor(done.id).size(), 0);
}

void TestScheduler::expiresByAge()
{
    // Graph created it 47 h 59 min ago; the default limit is 48 h.
    const QDateTime created = m_clock->nowUtc().addSecs(-(47 * 3600 + 59 * 60));
    m_fetcher->setResponder([created](const FakeFetcher::Request &request, int) {
        return FakeFetcher::Answer {FakeFetcher::running(request.id, {}, created)};
    });
    const TrackedOperation tracked = operation();
    m_scheduler->track(tracked);
    m_clock->advanceBy(3 * 3600 * 1000);
    const QList<FakeFetcher::Request> requests = m_fetcher->requestsFor(tracked.id);
    // Polled every 30 s until the limit passed, then never again.
    QVERIFY(requests.size() >= 2 && requests.size() <= 4);
    QVERIFY(requests.last().sentAtMs <= 60 * 1000);
    const PollUpdate last = updatesFor(tracked.id).last();
    QVERIFY(last.expired);
    QVERIFY(!last.answered);
    QVERIFY(last.problem.isNull()); // the model shows the "start a new export" hint
    QVERIFY(!m_scheduler->nextCheckAt().isValid());

    // Without a createdDateTime, the age counts from when it was added.
    TrackedOperation quiet = operation();
    quiet.addedAt = m_clock->nowUtc().addSecs(-49 * 3600);
    m_scheduler->track(quiet);
    m_clock->advanceBy(60 * 1000);
    QCOMPARE(m_fetcher->requestsFor(quiet.id).size(), 0);
    QVERIFY(updatesFor(quiet.id).last().expired);
}

void TestScheduler::expiresAfterRepeated404And410()
{
    const QString gone404 = QStringLiteral("40400000-0000-0000-0000-000000000000");
    const QString gone410 = QStringLiteral("41000000-0000-0000-0000-000000000000");
    const QString flaky = QStringLiteral("f0000000-0000-0000-0000-000000000000");
    m_fetcher->setResponder([&](const FakeFetcher::Request &request, int nth) {
        if (request.id == gone404)
            return FakeFetcher::Answer {FakeFetcher::problem(404)};
        if (request.id == gone410)
            return FakeFetcher::Answer {FakeFetcher::problem(410)};
        // Two 404s, then it is there after all: the count starts again.
        if (nth == 0 || nth == 1 || nth == 3 || nth == 4)
            return FakeFetcher::Answer {FakeFetcher::problem(404)};
        return FakeFetcher::Answer {FakeFetcher::running(request.id)};
    });
    for (const QString &id : {gone404, gone410, flaky})
        m_scheduler->track(operation(id));
    m_clock->advanceBy(3600 * 1000);

    for (const QString &id : {gone404, gone410}) {
        QCOMPARE(m_fetcher->requestsFor(id).size(), PollPolicy::GoneLimit);
        const PollUpdate last = updatesFor(id).last();
        QVERIFY(last.expired);
        QCOMPARE(last.problem.kind, Problem::Kind::NotFound);
        QVERIFY2(last.problem.message.contains(QStringLiteral("start a new export")),
                 qPrintable(last.problem.message));
        QVERIFY(!last.nextCheck.isValid());
        // The ones before the limit were not final.
        QVERIFY(!updatesFor(id).first().expired);
    }
    QVERIFY(m_fetcher->requestsFor(flaky).size() > 10);
    QVERIFY(!updatesFor(flaky).last().expired);
}

void TestScheduler::expiredCanBeCheckedByHand()
{
    bool gone = true;
    m_fetcher->setResponder([&](const FakeFetcher::Request &request, int) {
        return FakeFetcher::Answer {gone ? FakeFetcher::problem(404)
                                         : FakeFetcher::running(request.id)};
    });
    const TrackedOperation tracked = operation();
    m_scheduler->track(tracked);
    m_clock->advanceBy(3600 * 1000);
    QVERIFY(updatesFor(tracked.id).last().expired);
    QCOMPARE(m_fetcher->requestsFor(tracked.id).size(), 3);

    // Still gone: one request, and it stays expired without a next check.
    QCOMPARE(m_scheduler->checkNow(tracked.id), QString());
    m_clock->advanceBy(3600 * 1000);
    QCOMPARE(m_fetcher->requestsFor(tracked.id).size(), 4);
    QVERIFY(updatesFor(tracked.id).last().expired);
    QVERIFY(!updatesFor(tracked.id).last().nextCheck.isValid());

    // It answers: it is tracked again and polled on its own.
    gone = false;
    m_scheduler->checkNow(tracked.id);
    m_clock->advanceBy(10 * 60 * 1000);
    QVERIFY(!updatesFor(tracked.id).last().expired);
    QVERIFY(m_fetcher->requestsFor(tracked.id).size() > 10);

    // The same for one expired by age: the limit starts again from the manual answer.
    TrackedOperation old = operation();
    old.addedAt = m_clock->nowUtc().addSecs(-50 * 3600);
    old.expired = true;
    m_scheduler->track(old);
    m_clock->advanceBy(60 * 1000);
    QCOMPARE(m_fetcher->requestsFor(old.id).size(), 0);
    m_scheduler->checkNow(old.id);
    m_clock->advanceBy(5 * 60 * 1000);
    QVERIFY(m_fetcher->requestsFor(old.id).size() > 3);
    QVERIFY(!updatesFor(old.id).last().expired);
}

void TestScheduler::throttle429PausesTheWholeHost()
{
    const QStringList ids = trackMany(20);
    TrackedOperation elsewhere = operation();
    elsewhere.url = QUrl(QStringLiteral("https://other.example/v1.0/ops/") + elsewhere.id);
    bool throttled = false;
    qint64 throttledAt = -1;
    m_fetcher->setResponder([&](const FakeFetcher::Request &request, int) {
        if (!throttled && request.url.host() == QLatin1String("graph.example")
            && request.sentAtMs >= 10000) {
            throttled = true;
            throttledAt = request.sentAtMs + 100;
            return FakeFetcher::Answer {FakeFetcher::problem(429, "30")};
        }
        return FakeFetcher::Answer {FakeFetcher::running(request.id)};
    });
    m_scheduler->track(elsewhere);
    QSignalSpy activity(m_scheduler.get(), &PollScheduler::activityChanged);
    m_clock->advanceBy(120 * 1000);
    QVERIFY(throttled);

    int toGraphDuringPause = 0;
    int elsewhereDuringPause = 0;
    int toGraphAfter = 0;
    for (const FakeFetcher::Request &request : m_fetcher->requests()) {
        const bool inPause
            = request.sentAtMs > throttledAt && request.sentAtMs < throttledAt + 30000;
        if (request.url.host() == QLatin1String("graph.example")) {
            toGraphDuringPause += inPause;
            toGraphAfter += request.sentAtMs >= throttledAt + 30000;
        } else {
            elsewhereDuringPause += inPause;
        }
    }
    // Requests already in flight when the 429 came may still answer; nothing new goes out.
    QCOMPARE(toGraphDuringPause, 0);
    QVERIFY(elsewhereDuringPause > 0); // another host is not paused
    QVERIFY(toGraphAfter >= ids.size());
    QVERIFY(activity.size() > 0);
}

void TestScheduler::throttleUntilHttpDate()
{
    // The clock starts on a whole second; the answer arrives 100 ms in.
    const QDateTime until = m_clock->nowUtc().addSecs(20);
    const QByteArray date = until.toString(Qt::RFC2822Date).toLatin1().replace("+0000", "GMT");
    QVERIFY(date.endsWith("GMT"));
    m_fetcher->setResponder([&](const FakeFetcher::Request &request, int nth) {
        if (nth == 0)
            return FakeFetcher::Answer {FakeFetcher::problem(429, date)};
        return FakeFetcher::Answer {FakeFetcher::running(request.id)};
    });
    const QStringList ids = trackMany(3);
    m_clock->advanceBy(1000);
    QCOMPARE(m_scheduler->throttledUntil(), until);
    m_clock->advanceBy(60 * 1000);
    for (const FakeFetcher::Request &request : m_fetcher->requests()) {
        if (request.sentAtMs > 100)
            QVERIFY(request.sentAtMs >= 20000);
    }
    QVERIFY(m_fetcher->requests().size() > 3);
    QVERIFY(!m_scheduler->throttledUntil().isValid());
}

void TestScheduler::throttleWithoutRetryAfterBacksOffWithJitter()
{
    // Four 429s without Retry-After in a row, then normal answers.
    int throttles = 0;
    m_fetcher->setResponder([&](const FakeFetcher::Request &request, int) {
        if (throttles < 4) {
            ++throttles;
            return FakeFetcher::Answer {FakeFetcher::problem(429), 0};
        }
        return FakeFetcher::Answer {FakeFetcher::running(request.id), 0};
    });
    double random = 0.0;
    m_scheduler->setRandomSource([&] { return random; });
    const TrackedOperation tracked = operation();
    m_scheduler->track(tracked);
    m_clock->advanceBy(0);
    random = 0.5;
    m_clock->advanceBy(60 * 1000);
    const QList<FakeFetcher::Request> requests = m_fetcher->requestsFor(tracked.id);
    QVERIFY(requests.size() >= 5);
    // The first pause used random 0 (the lower bound), the rest 0.5: upper half of each step.
    QCOMPARE(requests[1].sentAtMs - requests[0].answeredAtMs, 1000);
    QCOMPARE(requests[2].sentAtMs - requests[1].answeredAtMs, 3000); // step 4 s
    QCOMPARE(requests[3].sentAtMs - requests[2].answeredAtMs, 6000); // step 8 s
    QCOMPARE(requests[4].sentAtMs - requests[3].answeredAtMs, 12000); // step 16 s
    // A good answer ends the streak: the next is the regular interval again.
    QCOMPARE(requests[5].sentAtMs - requests[4].answeredAtMs, 5000);
}

void TestScheduler::throttleWithTinyOrPastRetryAfterStillBacksOff()
{
    // A server that keeps answering 429 with "0", "0.001" or a date already past (clock
    // skew): without a floor each retry would go out at once.
    const QByteArray past = m_clock->nowUtc()
                                .addSecs(-30)
                                .toString(Qt::RFC2822Date)
                                .toLatin1()
                                .replace("+0000", "GMT");
    for (const QByteArray &retryAfter : {QByteArray("0"), QByteArray("0.001"), past}) {
        m_fetcher->setResponder([&](const FakeFetcher::Request &, int) {
            return FakeFetcher::Answer {FakeFetcher::problem(429, retryAfter), 10};
        });
        const int before = int(m_fetcher->requests().size());
        const QStringList ids = trackMany(5);
        m_clock->advanceBy(10 * 1000);
        const int sent = int(m_fetcher->requests().size()) - before;
        // Five at once, then one host pause after another: 1 s, 2 s, 4 s (random 0).
        QVERIFY2(sent <= 5 + 3 * 5,
                 qPrintable(QStringLiteral("%1 requests in 10 s after \"%2\"")
                                .arg(sent)
                                .arg(QString::fromLatin1(retryAfter))));
        for (const QString &id : ids)
            m_scheduler->untrack(id);
        m_clock->advanceBy(10 * 60 * 1000); // the streak's pause runs out
    }
}

void TestScheduler::after503TheRetryUsesAFreshConnection()
{
    m_fetcher->setResponder([](const FakeFetcher::Request &request, int nth) {
        if (nth == 0)
            return FakeFetcher::Answer {FakeFetcher::problem(503, "2"), 50};
        return FakeFetcher::Answer {FakeFetcher::running(request.id), 400};
    });
    trackMany(6);
    m_clock->advanceBy(10 * 1000);
    QVERIFY(m_fetcher->drops() >= 1);
    // Dropped only once nothing was in flight, so no connection in use was cut.
    QCOMPARE(m_fetcher->inFlightAtLastDrop(), 0);
}

void TestScheduler::serverErrorsAndTimeoutsBackOffWithoutStatus()
{
    const QList<FetchOutcome> faults {FakeFetcher::problem(500), FakeFetcher::problem(502),
                                      FakeFetcher::problem(504), FakeFetcher::timeout()};
    m_fetcher->setResponder([&](const FakeFetcher::Request &request, int nth) {
        if (nth == 0)
            return FakeFetcher::Answer {FakeFetcher::running(request.id), 0};
        if (nth <= faults.size())
            return FakeFetcher::Answer {faults.at(nth - 1), 0};
        return FakeFetcher::Answer {FakeFetcher::running(request.id), 0};
    });
    const TrackedOperation tracked = operation();
    m_scheduler->track(tracked);
    m_clock->advanceBy(60 * 1000);
    const QList<FakeFetcher::Request> requests = m_fetcher->requestsFor(tracked.id);
    QVERIFY(requests.size() >= 6);
    // Backoff 1 s, 2 s, 4 s, 8 s (random 0: the lower bound of each step).
    QCOMPARE(requests[2].sentAtMs - requests[1].answeredAtMs, 1000);
    QCOMPARE(requests[3].sentAtMs - requests[2].answeredAtMs, 2000);
    QCOMPARE(requests[4].sentAtMs - requests[3].answeredAtMs, 4000);
    QCOMPARE(requests[5].sentAtMs - requests[4].answeredAtMs, 8000);
    const QList<PollUpdate> updates = updatesFor(tracked.id);
    for (int i = 1; i <= faults.size(); ++i) {
        // A problem carries no operation: the model keeps the last status.
        QVERIFY(!updates[i].operation);
        QVERIFY(!updates[i].problem.isNull());
        QVERIFY(!updates[i].expired);
        QVERIFY(updates[i].nextCheck.isValid());
    }
    QCOMPARE(updates[4].problem.kind, Problem::Kind::Timeout);
    QVERIFY(updates[5].operation && updates[5].problem.isNull());
}

void TestScheduler::unauthorizedWaitsTheRegularInterval()
{
    PollPolicy policy;
    policy.refreshIntervalSeconds = 60;
    m_scheduler->setPolicy(policy);
    m_fetcher->setResponder([](const FakeFetcher::Request &, int) {
        return FakeFetcher::Answer {FakeFetcher::problem(401), 0};
    });
    const TrackedOperation tracked = operation();
    m_scheduler->track(tracked);
    m_clock->advanceBy(20 * 60 * 1000);
    const QList<FakeFetcher::Request> requests = m_fetcher->requestsFor(tracked.id);
    for (int i = 0; i + 1 < requests.size(); ++i) {
        const qint64 gap = requests[i + 1].sentAtMs - requests[i].answeredAtMs;
        QVERIFY(gap >= PollPolicy().intervalMs(requests[i].answeredAtMs));
    }
    QVERIFY(requests.size() < 40);
}

void TestScheduler::inFlightCap()
{
    m_fetcher->setResponder([](const FakeFetcher::Request &request, int) {
        return FakeFetcher::Answer {FakeFetcher::running(request.id), 2000};
    });
    trackMany(100);
    int peak = 0;
    for (int step = 0; step < 600; ++step) {
        m_clock->advanceBy(100);
        QVERIFY(m_scheduler->requestsInFlight() <= 6);
        QCOMPARE(m_scheduler->requestsInFlight(), m_fetcher->inFlight());
        peak = std::max(peak, m_scheduler->requestsInFlight());
    }
    QCOMPARE(peak, 6);
    QCOMPARE(m_fetcher->peakInFlight(), 6);

    PollPolicy policy;
    policy.maxRequestsInFlight = 2;
    m_scheduler->setPolicy(policy);
    m_clock->advanceBy(5000); // the six already out finish
    const int before = int(m_fetcher->requests().size());
    m_clock->advanceBy(60 * 1000);
    QVERIFY(m_fetcher->requests().size() > before);
    QVERIFY(m_fetcher->inFlight() <= 2);
}

void TestScheduler::sweepOf10000StaysUnderTheRate()
{
    constexpr int Count = 10000;
    constexpr int Burst = 6; // the in-flight cap, allowed at once
    m_fetcher->setResponder([](const FakeFetcher::Request &request, int) {
        return FakeFetcher::Answer {FakeFetcher::finished(request.id, OperationStatus::Succeeded),
                                    80};
    });
    trackMany(Count);
    QVERIFY(m_clock->advanceUntil([&] { return m_updates.size() == Count; }, 3600 * 1000));

    std::map<qint64, int> perSecond;
    const QList<FakeFetcher::Request> &requests = m_fetcher->requests();
    QCOMPARE(requests.size(), Count);
    for (const FakeFetcher::Request &request : requests)
        ++perSecond[request.sentAtMs / 1000];
    int busiest = 0;
    for (const auto &[second, count] : perSecond)
        busiest = std::max(busiest, count);
    // The first second holds the burst and then the ceiling's pace; no other more than 20.
    QCOMPARE(perSecond.at(0), Burst + 19);
    perSecond.erase(0);
    for (const auto &[second, count] : perSecond)
        QVERIFY(count <= 20);
    // Not just per calendar second: the token bucket's law, that any n requests in a row
    // span at least (n - Burst) spacings of 50 ms, holds everywhere.
    for (const int n : {21, 201}) {
        for (int i = 0; i + n - 1 < requests.size(); ++i)
            QVERIFY(requests[i + n - 1].sentAtMs - requests[i].sentAtMs >= (n - Burst) * 50);
    }
    // And it drains at that rate: 10,000 / 20 per second = 500 s, less the burst's head start.
    QCOMPARE(requests.last().sentAtMs, (Count - Burst) * 50);
    QVERIFY(m_fetcher->peakInFlight() <= 6);

    PollPolicy faster;
    faster.maxRequestsPerSecond = 50;
    m_scheduler->setPolicy(faster);
    const QStringList more = trackMany(500);
    m_clock->advanceBy(60 * 1000);
    const QList<FakeFetcher::Request> all = m_fetcher->requests();
    QCOMPARE(all.size(), Count + 500);
    for (int i = Count; i + 50 < all.size(); ++i)
        QVERIFY(all[i + 50].sentAtMs - all[i].sentAtMs >= (51 - Burst) * 20);
}

void TestScheduler::highCeilingIsNotLimitedByTheMillisecondClock()
{
    // Answers that take no time at all and a ceiling of 100,000 a second: what limits the
    // sweep is the ceiling, not one send per tick of the steady clock.
    PollPolicy policy;
    policy.maxRequestsPerSecond = 100'000;
    m_scheduler->setPolicy(policy);
    m_fetcher->setResponder([](const FakeFetcher::Request &request, int) {
        return FakeFetcher::Answer {FakeFetcher::finished(request.id, OperationStatus::Succeeded),
                                    0};
    });
    trackMany(5000);
    QVERIFY(m_clock->advanceUntil([&] { return m_updates.size() == 5000; }, 60 * 1000));
    // 5,000 at 100 per millisecond take 50 ms, where one a millisecond would take 5 s.
    QVERIFY2(m_fetcher->requests().last().sentAtMs <= 50,
             qPrintable(QString::number(m_fetcher->requests().last().sentAtMs)));
}

void TestScheduler::pollsOfOneOperationNeverOverlap()
{
    // Answers slower than the interval: the next poll must still wait for the answer.
    m_fetcher->setResponder([](const FakeFetcher::Request &request, int nth) {
        return FakeFetcher::Answer {FakeFetcher::running(request.id), 7000 + (nth % 5) * 3000};
    });
    const QStringList ids = trackMany(10);
    m_clock->advanceBy(3600 * 1000);
    for (const QString &id : ids) {
        const QList<FakeFetcher::Request> requests = m_fetcher->requestsFor(id);
        QVERIFY(requests.size() > 10);
        for (int i = 0; i + 1 < requests.size(); ++i) {
            QVERIFY(requests[i].answeredAtMs >= 0);
            QVERIFY(requests[i + 1].sentAtMs >= requests[i].answeredAtMs);
        }
    }
}

void TestScheduler::offlinePausesAndResumesStaggered()
{
    const QStringList ids = trackMany(50);
    m_clock->advanceBy(60 * 1000);
    QSignalSpy activity(m_scheduler.get(), &PollScheduler::activityChanged);
    m_scheduler->setOnline(false);
    QVERIFY(!m_scheduler->isOnline());
    QVERIFY(activity.size() > 0);
    m_clock->advanceBy(1000); // answers in flight arrive
    const int sentBefore = int(m_fetcher->requests().size());
    m_clock->advanceBy(10 * 60 * 1000);
    QCOMPARE(m_fetcher->requests().size(), sentBefore);
    QVERIFY(m_scheduler->refreshAll().contains(QStringLiteral("Offline")));

    const qint64 back = m_clock->steadyMs();
    m_scheduler->setOnline(true);
    m_clock->advanceBy(10 * 1000);
    const QList<FakeFetcher::Request> requests = m_fetcher->requests().mid(sentBefore);
    QCOMPARE(requests.size(), ids.size());
    // 50 overdue checks spread over 5 s: 100 ms apart, not 50 at once.
    for (int i = 0; i + 1 < requests.size(); ++i)
        QVERIFY(requests[i + 1].sentAtMs - requests[i].sentAtMs >= 100);
    QVERIFY(requests.first().sentAtMs >= back);
    QVERIFY(requests.last().sentAtMs - requests.first().sentAtMs >= 4900);
}

void TestScheduler::sleepIsDetectedByWallClockJump()
{
    NetworkStatus network(m_clock.get());
    QSignalSpy woke(&network, &NetworkStatus::wokeUp);
    m_clock->advanceBy(60 * 1000);
    QCOMPARE(woke.size(), 0);
    // An NTP nudge is not sleep.
    m_clock->jumpWallClock(2000);
    m_clock->advanceBy(10 * 1000);
    QCOMPARE(woke.size(), 0);
    // Two hours pass on the wall clock while the steady clock stands still.
    m_clock->jumpWallClock(2 * 3600 * 1000);
    m_clock->advanceBy(NetworkStatus::WakeCheckIntervalMs);
    QCOMPARE(woke.size(), 1);
    QVERIFY(woke.first().first().toLongLong() >= 2 * 3600 * 1000);
    m_clock->advanceBy(60 * 1000);
    QCOMPARE(woke.size(), 1);

    QSignalSpy online(&network, &NetworkStatus::onlineChanged);
    network.setOnline(false);
    network.setOnline(false);
    network.setOnline(true);
    QCOMPARE(online.size(), 2);
}

void TestScheduler::wakeUpResumesStaggered()
{
    PollPolicy policy;
    policy.refreshIntervalSeconds = 600;
    m_scheduler->setPolicy(policy);
    const QStringList ids = trackMany(20);
    m_clock->advanceBy(2 * 3600 * 1000); // every check is now up to 10 minutes away
    const int before = int(m_fetcher->requests().size());
    m_scheduler->resumeAfterSleep();
    m_clock->advanceBy(6000);
    const QList<FakeFetcher::Request> requests = m_fetcher->requests().mid(before);
    QCOMPARE(requests.size(), ids.size());
    for (int i = 0; i + 1 < requests.size(); ++i)
        QVERIFY(requests[i + 1].sentAtMs - requests[i].sentAtMs >= 250); // 5 s / 20
}

void TestScheduler::manualRefreshDuringThrottleSaysSo()
{
    m_fetcher->setResponder([](const FakeFetcher::Request &request, int nth) {
        if (nth == 0)
            return FakeFetcher::Answer {FakeFetcher::problem(429, "120")};
        return FakeFetcher::Answer {FakeFetcher::running(request.id)};
    });
    const TrackedOperation tracked = operation();
    m_scheduler->track(tracked);
    m_clock->advanceBy(1000);
    const QDateTime until = m_scheduler->throttledUntil();
    QVERIFY(until.isValid());
    const QString expectedTime = until.toLocalTime().toString(QStringLiteral("HH:mm:ss"));

    const QString refresh = m_scheduler->refreshAll();
    QVERIFY2(refresh.startsWith(QStringLiteral("Throttled by Graph until ")), qPrintable(refresh));
    QVERIFY(refresh.contains(expectedTime));
    const QString check = m_scheduler->checkNow(tracked.id);
    QVERIFY(check.contains(expectedTime));
    QCOMPARE(m_scheduler->nextCheckAt(), until);

    m_clock->advanceBy(110 * 1000);
    QCOMPARE(m_fetcher->requestsFor(tracked.id).size(), 1);
    m_clock->advanceBy(11 * 1000);
    QCOMPARE(m_fetcher->requestsFor(tracked.id).size(), 2);
    QVERIFY(m_fetcher->requestsFor(tracked.id).last().sentAtMs >= 120100);
}

void TestScheduler::refreshAllGoesOutAtOnce()
{
    const QStringList ids = trackMany(5);
    m_clock->advanceBy(1000);
    QCOMPARE(m_fetcher->requests().size(), 5);
    QCOMPARE(m_scheduler->refreshAll(), QString());
    m_clock->advanceBy(1000);
    QCOMPARE(m_fetcher->requests().size(), 10); // not 5 s later, at once

    const QStringList many = trackMany(500);
    const QString text = m_scheduler->refreshAll();
    QVERIFY2(text.contains(QStringLiteral("20 per second")), qPrintable(text));
}

void TestScheduler::checkNowWhileInFlight()
{
    m_fetcher->setResponder([](const FakeFetcher::Request &request, int) {
        return FakeFetcher::Answer {FakeFetcher::running(request.id), 3000};
    });
    const TrackedOperation tracked = operation();
    m_scheduler->track(tracked);
    m_clock->advanceBy(10);
    QVERIFY(m_scheduler->checkNow(tracked.id).contains(QStringLiteral("right now")));
    QVERIFY(m_scheduler->checkNow(QStringLiteral("nope")).contains(QStringLiteral("not tracked")));
    m_clock->advanceBy(4000);
    QCOMPARE(m_fetcher->requestsFor(tracked.id).size(), 1);
    QCOMPARE(m_scheduler->checkNow(tracked.id), QString());
    m_clock->advanceBy(10);
    QCOMPARE(m_fetcher->requestsFor(tracked.id).size(), 2);
}

void TestScheduler::removedWhileInFlight()
{
    m_fetcher->setResponder([](const FakeFetcher::Request &request, int) {
        return FakeFetcher::Answer {FakeFetcher::running(request.id), 3000};
    });
    const TrackedOperation tracked = operation();
    m_scheduler->track(tracked);
    m_clock->advanceBy(10);
    QCOMPARE(m_scheduler->requestsInFlight(), 1);
    m_scheduler->untrack(tracked.id);
    m_clock->advanceBy(60 * 1000);
    QCOMPARE(m_scheduler->requestsInFlight(), 0);
    QVERIFY(updatesFor(tracked.id).isEmpty());
    QCOMPARE(m_fetcher->requests().size(), 1);
}

void TestScheduler::plannedCheckSurvivesARestart()
{
    TrackedOperation restored = operation();
    restored.last.status = OperationStatus::Running;
    restored.last.rawStatus = QStringLiteral("running");
    restored.nextCheck = m_clock->nowUtc().addSecs(40);
    m_scheduler->track(restored);
    m_clock->advanceBy(39 * 1000);
    QCOMPARE(m_fetcher->requests().size(), 0);
    m_clock->advanceBy(1000);
    QCOMPARE(m_fetcher->requests().size(), 1);
}

void TestScheduler::monitorBatchesAndFollowsTheNetwork()
{
    // The monitor on the simulated clock: results reach the model at most every 100 ms,
    // and the network watcher's verdicts reach the scheduler.
    m_scheduler.reset();
    OperationTableModel model;
    model.setClock([this] { return m_clock->nowUtc(); });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    NetworkStatus network(m_clock.get());
    OperationMonitor monitor(&model, m_fetcher.get(), m_clock.get(), &network);
    m_fetcher->setResponder([](const FakeFetcher::Request &request, int nth) {
        return FakeFetcher::Answer {FakeFetcher::running(request.id), 10 + nth};
    });
    QStringList ids;
    for (int i = 0; i < 40; ++i)
        ids.append(QUuid::createUuid().toString(QUuid::WithoutBraces));
    QCOMPARE(monitor.track(ids).added.size(), 40);
    QCOMPARE(model.at(0).addedAt, m_clock->nowUtc());
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy activity(&monitor, &OperationMonitor::activityChanged);
    QList<qint64> changeTimes;
    connect(&model, &QAbstractItemModel::dataChanged, this,
            [&] { changeTimes.append(m_clock->steadyMs()); });
    monitor.start();
    m_clock->advanceBy(60 * 1000);
    QVERIFY(m_fetcher->requests().size() > 40);
    QVERIFY(!changeTimes.isEmpty());
    // One update per batch tick at most (a batch may emit several row runs at one time).
    QList<qint64> ticks = changeTimes;
    ticks.erase(std::unique(ticks.begin(), ticks.end()), ticks.end());
    for (int i = 0; i + 1 < ticks.size(); ++i)
        QVERIFY(ticks[i + 1] - ticks[i] >= OperationMonitor::BatchIntervalMs);
    QVERIFY(activity.size() <= 60 * 1000 / OperationMonitor::BatchIntervalMs + 1);
    for (const TrackedOperation &operation : model.operations()) {
        QCOMPARE(operation.status(), OperationStatus::Running);
        QVERIFY(operation.nextCheck > operation.lastChecked);
    }
    QVERIFY(monitor.nextCheckAt().isValid());

    // Offline: nothing goes out, and the monitor says so.
    QSignalSpy online(&monitor, &OperationMonitor::onlineChanged);
    network.setOnline(false);
    QCOMPARE(online.size(), 1);
    QVERIFY(!monitor.isOnline());
    m_clock->advanceBy(1000);
    const int sent = int(m_fetcher->requests().size());
    m_clock->advanceBy(5 * 60 * 1000);
    QCOMPARE(m_fetcher->requests().size(), sent);
    network.setOnline(true);
    QVERIFY(monitor.isOnline());
    m_clock->advanceBy(6000);
    QCOMPARE(m_fetcher->requests().size(), sent + 40); // the staggered sweep
    for (int i = sent; i + 1 < m_fetcher->requests().size(); ++i)
        QVERIFY(m_fetcher->requests()[i + 1].sentAtMs - m_fetcher->requests()[i].sentAtMs >= 125);

    // Waking from sleep: the same staggered sweep, although no check was due yet.
    PollPolicy slow = monitor.policy();
    slow.refreshIntervalSeconds = 600;
    monitor.setPolicy(slow);
    m_clock->advanceBy(30 * 60 * 1000);
    const int beforeSleep = int(m_fetcher->requests().size());
    m_clock->jumpWallClock(3 * 3600 * 1000);
    m_clock->advanceBy(NetworkStatus::WakeCheckIntervalMs + 5000);
    QCOMPARE(m_fetcher->requests().size(), beforeSleep + 40);

    // Removing a row stops its polling.
    monitor.remove({ids.first()});
    const int lastForRemoved = int(m_fetcher->requestsFor(ids.first()).size());
    m_clock->advanceBy(3600 * 1000);
    QCOMPARE(m_fetcher->requestsFor(ids.first()).size(), lastForRemoved);
    QCOMPARE(model.rowCount(), 39);
}

void TestScheduler::stopAbortsChecksInFlight()
{
    m_fetcher->setResponder([](const FakeFetcher::Request &request, int) {
        return FakeFetcher::Answer {FakeFetcher::running(request.id), 5000};
    });
    const QStringList ids = trackMany(3);
    // A finished operation someone asked to look at by hand.
    TrackedOperation finished = operation();
    finished.last.status = OperationStatus::Succeeded;
    finished.last.rawStatus = QStringLiteral("succeeded");
    m_scheduler->track(finished);
    QCOMPARE(m_scheduler->checkNow(finished.id), QString());
    m_clock->advanceBy(1000);
    QCOMPARE(m_scheduler->requestsInFlight(), 4);
    QCOMPARE(m_fetcher->inFlight(), 4);

    QSignalSpy activity(m_scheduler.get(), &PollScheduler::activityChanged);
    m_scheduler->stop();
    QCOMPARE(m_scheduler->requestsInFlight(), 0);
    QCOMPARE(m_fetcher->inFlight(), 0);
    QCOMPARE(activity.size(), 1);
    for (const FakeFetcher::Request &request : m_fetcher->requests())
        QVERIFY(request.cancelled);
    QCOMPARE(m_scheduler->checkNow(finished.id),
             QStringLiteral("Polling is paused: the checks will go out when it resumes."));

    // Nothing was answered, so nothing is reported, and nothing goes out while stopped.
    m_clock->advanceBy(10 * 60 * 1000);
    QVERIFY(m_updates.isEmpty());
    QCOMPARE(m_fetcher->requests().size(), 4);

    // Started again, every abandoned check goes out again, the one asked for by hand first.
    m_scheduler->start();
    m_clock->advanceBy(1000);
    QCOMPARE(m_fetcher->requests().size(), 8);
    QCOMPARE(m_fetcher->requests()[4].id, finished.id);
    QStringList sentBefore;
    QStringList sentAgain;
    for (int i = 0; i < 4; ++i) {
        sentBefore << m_fetcher->requests()[i].id;
        sentAgain << m_fetcher->requests()[4 + i].id;
    }
    sentBefore.sort();
    sentAgain.sort();
    QCOMPARE(sentAgain, sentBefore);
    m_clock->advanceBy(5000);
    for (const QString &id : ids) {
        QCOMPARE(updatesFor(id).size(), 1);
        QVERIFY(updatesFor(id).first().problem.isNull());
        QCOMPARE(updatesFor(id).first().operation->status, OperationStatus::Running);
    }
    QCOMPARE(updatesFor(finished.id).size(), 1);
    QCOMPARE(m_scheduler->requestsInFlight(), 0);
}

QTEST_GUILESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"
