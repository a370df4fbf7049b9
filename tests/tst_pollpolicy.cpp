#include "app/polling/pollpolicy.h"

#include <QTest>

// The policy's arithmetic. How the scheduler applies it, in simulated time, is
// tst_scheduler's subject.
class TestPollPolicy : public QObject
{
    Q_OBJECT

private slots:
    void intervalGrowsWithAge();
    void intervalFollowsTheRefreshSetting();
    void retryAfterWinsWhenLater();
    void backoffDoublesWithinJitterBounds();
    void ageLimit();
    void evenSpacing();
    void resumeSpread();
    void settingsAreKeptSane();
};

void TestPollPolicy::intervalGrowsWithAge()
{
    const PollPolicy policy;
    QCOMPARE(policy.intervalMs(0), 5000);
    QCOMPARE(policy.intervalMs(30 * 1000), 5000);
    QCOMPARE(policy.intervalMs(100 * 1000), 10000);
    QCOMPARE(policy.intervalMs(200 * 1000), 20000);
    QCOMPARE(policy.intervalMs(5 * 60 * 1000), 30000);
    QCOMPARE(policy.intervalMs(40LL * 3600 * 1000), 30000);
    // Never shrinks as the operation ages.
    qint64 previous = 0;
    for (qint64 age = 0; age < 3600 * 1000; age += 7919) {
        QVERIFY(policy.intervalMs(age) >= previous);
        previous = policy.intervalMs(age);
    }
    // A clock skewed into the future gives a negative age: still the shortest wait.
    QCOMPARE(policy.intervalMs(-60000), 5000);
}

void TestPollPolicy::intervalFollowsTheRefreshSetting()
{
    PollPolicy policy;
    policy.refreshIntervalSeconds = 120;
    QCOMPARE(policy.intervalMs(10 * 60 * 1000), 60000);
    QCOMPARE(policy.intervalMs(60 * 60 * 1000), 120000);
    policy.refreshIntervalSeconds = 2; // below the usual minimum: the setting wins
    QCOMPARE(policy.intervalMs(0), 2000);
    QCOMPARE(policy.intervalMs(3600 * 1000), 2000);
}

void TestPollPolicy::retryAfterWinsWhenLater()
{
    const PollPolicy policy;
    QCOMPARE(policy.nextCheckDelayMs(0, std::nullopt), 5000);
    QCOMPARE(policy.nextCheckDelayMs(0, 12500), 12500);
    QCOMPARE(policy.nextCheckDelayMs(0, 1000), 5000);
    QCOMPARE(policy.nextCheckDelayMs(3600 * 1000, 2128), 30000);
    QCOMPARE(policy.nextCheckDelayMs(3600 * 1000, 45000), 45000);
}

void TestPollPolicy::backoffDoublesWithinJitterBounds()
{
    const PollPolicy policy;
    for (int failures = 1; failures <= 40; ++failures) {
        const qint64 step = std::min<qint64>(policy.backoffMaxMs,
                                             policy.backoffBaseMs << std::min(failures - 1, 30));
        const qint64 lowest = policy.backoffMs(failures, 0.0);
        const qint64 highest = policy.backoffMs(failures, 0.999999);
        QCOMPARE(lowest, step / 2);
        QVERIFY2(highest < step && highest >= step - 1,
                 qPrintable(QStringLiteral("%1 failures: %2").arg(failures).arg(highest)));
        for (double random : {0.1, 0.37, 0.5, 0.93}) {
            const qint64 delay = policy.backoffMs(failures, random);
            QVERIFY(delay >= step / 2 && delay < step);
        }
    }
    QCOMPARE(policy.backoffMs(1, 0.0), 1000);
    QCOMPARE(policy.backoffMs(2, 0.0), 2000);
    QCOMPARE(policy.backoffMs(3, 0.0), 4000);
    QCOMPARE(policy.backoffMs(20, 0.0), policy.backoffMaxMs / 2);
    // Out-of-range randomness cannot push a wait outside its bounds.
    QCOMPARE(policy.backoffMs(1, -3.0), 1000);
    QVERIFY(policy.backoffMs(1, 7.0) <= 2000);
}

void TestPollPolicy::ageLimit()
{
    PollPolicy policy;
    QVERIFY(!policy.isTooOld(48LL * 3600 * 1000));
    QVERIFY(policy.isTooOld(48LL * 3600 * 1000 + 1));
    policy.expiryHours = 1;
    QVERIFY(policy.isTooOld(3600 * 1000 + 1));
}

void TestPollPolicy::evenSpacing()
{
    PollPolicy policy;
    QCOMPARE(policy.sendSpacingUs(), 50000);
    policy.maxRequestsPerSecond = 3;
    QCOMPARE(policy.sendSpacingUs(), 333334); // rounded up: never faster than asked
}

void TestPollPolicy::resumeSpread()
{
    const PollPolicy policy;
    QCOMPARE(policy.resumeStepUs(10), 500000); // 10 checks over 5 s
    QCOMPARE(policy.resumeStepUs(10000), 50000); // the rate limit is slower than 5 s
    QCOMPARE(policy.resumeStepUs(0), 50000);
}

void TestPollPolicy::settingsAreKeptSane()
{
    PollPolicy policy;
    policy.refreshIntervalSeconds = 0;
    policy.maxRequestsInFlight = -4;
    policy.maxRequestsPerSecond = std::numeric_limits<double>::infinity();
    policy.expiryHours = 0;
    const PollPolicy sane = policy.normalized();
    QCOMPARE(sane.refreshIntervalSeconds, 1);
    QCOMPARE(sane.maxRequestsInFlight, 1);
    QCOMPARE(sane.maxRequestsPerSecond, 20.0);
    QCOMPARE(sane.expiryHours, 1);
    policy.maxRequestsPerSecond = 0;
    QVERIFY(policy.normalized().maxRequestsPerSecond > 0);
    policy.backoffBaseMs = 0;
    policy.backoffMaxMs = -1;
    QCOMPARE(policy.normalized().backoffBaseMs, 1);
    QCOMPARE(policy.normalized().backoffMaxMs, 1);
}

QTEST_GUILESS_MAIN(TestPollPolicy)
#include "tst_pollpolicy.moc"
