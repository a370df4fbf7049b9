#include "app/polling/pollpolicy.h"

#include <algorithm>
#include <cmath>

PollPolicy PollPolicy::normalized() const
{
    PollPolicy policy = *this;
    policy.refreshIntervalSeconds = std::clamp(refreshIntervalSeconds, 1, 24 * 3600);
    policy.maxRequestsInFlight = std::clamp(maxRequestsInFlight, 1, 64);
    policy.maxRequestsPerSecond = std::isfinite(maxRequestsPerSecond)
        ? std::clamp(maxRequestsPerSecond, 0.01, 1'000'000.0)
        : 20.0;
    policy.expiryHours = std::clamp(expiryHours, 1, 24 * 365);
    policy.backoffBaseMs = std::clamp<qint64>(backoffBaseMs, 1, 3600 * 1000);
    policy.backoffMaxMs = std::clamp<qint64>(backoffMaxMs, policy.backoffBaseMs, 3600 * 1000);
    return policy;
}

qint64 PollPolicy::intervalMs(qint64 ageMs) const
{
    const qint64 maximum = qint64(refreshIntervalSeconds) * 1000;
    const qint64 minimum = std::min(MinIntervalMs, maximum);
    return std::clamp(ageMs / AgeDivisor, minimum, maximum);
}

qint64 PollPolicy::nextCheckDelayMs(qint64 ageMs, std::optional<qint64> retryAfterMs) const
{
    if (retryAfterMs)
        return std::max(*retryAfterMs, MinRetryAfterMs);
    return intervalMs(ageMs);
}

qint64 PollPolicy::backoffMs(int failures, double unitRandom) const
{
    const int doublings = std::clamp(failures - 1, 0, 30);
    const qint64 step = std::min(backoffMaxMs, backoffBaseMs << doublings);
    const double random = std::clamp(unitRandom, 0.0, 1.0);
    // Equal jitter: clients that failed together spread out, but none retries early.
    return step / 2 + qint64(double(step / 2) * random);
}

qint64 PollPolicy::throttlePauseMs(std::optional<qint64> retryAfterMs, int throttles,
                                   double unitRandom) const
{
    return std::max(retryAfterMs.value_or(0), backoffMs(throttles, unitRandom));
}

bool PollPolicy::isTooOld(qint64 ageMs) const
{
    return ageMs > expiryMs();
}

qint64 PollPolicy::sendSpacingUs() const
{
    return qint64(std::ceil(1'000'000.0 / maxRequestsPerSecond));
}

int PollPolicy::burstSize() const
{
    // A millisecond's worth at least: the steady clock ticks in milliseconds, and a bucket
    // smaller than one tick's refill would make the tick the limit instead of the ceiling.
    return std::max(maxRequestsInFlight, int(std::ceil(maxRequestsPerSecond / 1000.0)));
}

qint64 PollPolicy::burstUs() const
{
    return qint64(burstSize() - 1) * sendSpacingUs();
}

qint64 PollPolicy::afterSendUs(qint64 bucketFullUs, qint64 nowUs) const
{
    // A bucket that has been full for a while holds no more than full.
    return std::max(bucketFullUs, nowUs) + sendSpacingUs();
}

qint64 PollPolicy::resumeStepUs(int overdueCount) const
{
    const qint64 spread = overdueCount > 0 ? ResumeSpreadMs * 1000 / overdueCount : 0;
    return std::max(sendSpacingUs(), spread);
}
