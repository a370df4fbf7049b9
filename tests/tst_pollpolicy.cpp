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
    void retryAfterIsFollowed();
    void throttlePauseIsAtLeastTheBackoff();
    void backoffDoublesWithinJitterBounds();
    void ageLimit();
    void tokenBucket();
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

void TestPollPolicy::retryAfterIsFollowed()
{
    const PollPolicy policy;
    // Without Retry-After: the age-based interval.
    QCOMPARE(policy.nextCheckDelayMs(0, std::nullopt), 5000);
    QCOMPARE(policy.nextCheckDelayMs(3600 * 1000, std::nullopt), 30000);
    // With it: what Graph asked for, whatever the age, shorter or longer than the interval.
    QCOMPARE(policy.nextCheckDelayMs(0, 12500), 12500);
    QCOMPARE(policy.nextCheckDelayMs(0, 2000), 2000);
    QCOMPARE(policy.nextCheckDelayMs(3600 * 1000, 2128), 2128);
    QCOMPARE(policy.nextCheckDelayMs(3600 * 1000, 45000), 45000);
    // Under a second counts as a second: a server answering 0 cannot make a busy loop.
    QCOMPARE(policy.nextCheckDelayMs(0, 0), PollPolicy::MinRetryAfterMs);
    QCOMPARE(policy.nextCheckDelayMs(0, 400), PollPolicy::MinRetryAfterMs);
}

void TestPollPolicy::throttlePauseIsAtLeastTheBackoff()
{
    const PollPolicy policy;
    // A Retry-After longer than the backoff is followed as sent.
    QCOMPARE(policy.throttlePauseMs(30000, 1, 0.0), 30000);
    QCOMPARE(policy.throttlePauseMs(2000, 1, 0.999), 2000);
    // Zero, tiny, or a date already past (which reads as 0): the backoff still holds.
    QCOMPARE(policy.throttlePauseMs(0, 1, 0.0), 1000);
    QCOMPARE(policy.throttlePauseMs(5, 1, 0.0), 1000);
    QCOMPARE(policy.throttlePauseMs(std::nullopt, 1, 0.0), 1000);
    // And it grows with the throttles in a row, past a Retry-After that stays short.
    QCOMPARE(policy.throttlePauseMs(2000, 3, 0.0), 4000);
    QCOMPARE(policy.throttlePauseMs(2000, 5, 0.0), 16000);
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

void TestPollPolicy::tokenBucket()
{
    PollPolicy policy;
    QCOMPARE(policy.sendSpacingUs(), 50000);
    QCOMPARE(policy.burstSize(), 6); // the in-flight cap
    QCOMPARE(policy.burstUs(), 5 * 50000);
    // A full bucket lets the in-flight cap go out at once, then one send per spacing.
    qint64 bucket = 0;
    const qint64 start = 10'000'000;
    for (int i = 0; i < 6; ++i) {
        QVERIFY(policy.earliestSendUs(bucket) <= start);
        bucket = policy.afterSendUs(bucket, start);
    }
    QCOMPARE(policy.earliestSendUs(bucket), start + 50000);
    bucket = policy.afterSendUs(bucket, start + 50000);
    QCOMPARE(policy.earliestSendUs(bucket), start + 100000);
    // A bucket left alone refills to full and no further.
    QVERIFY(policy.earliestSendUs(bucket) <= start + 3'000'000);
    bucket = policy.afterSendUs(bucket, start + 3'000'000);
    QCOMPARE(policy.earliestSendUs(bucket), start + 3'000'000 - 4 * 50000);

    policy.maxRequestsPerSecond = 3;
    QCOMPARE(policy.sendSpacingUs(), 333334); // rounded up: never faster than asked
    // A ceiling far above a thousand a second is kept to the microsecond: the bucket does
    // not limit sends to one per millisecond.
    policy.maxRequestsPerSecond = 200'000;
    policy = policy.normalized();
    QCOMPARE(policy.sendSpacingUs(), 5);
    bucket = 0;
    int sent = 0;
    for (qint64 now = start; now < start + 1000; now += 1) {
        while (policy.earliestSendUs(bucket) <= now) {
            bucket = policy.afterSendUs(bucket, now);
            ++sent;
        }
    }
    // A millisecond's worth at once (the bucket is never smaller than one tick's refill),
    // then one every 5 us.
    QCOMPARE(policy.burstSize(), 200);
    QCOMPARE(sent, 200 + 199);
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
