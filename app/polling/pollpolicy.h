#pragma once

#include "app/settingrange.h"

#include <QtGlobal>

#include <optional>

// THE POLLING POLICY: the one place it is written down. PollScheduler carries it out.
//
// How often: Graph's Retry-After is Graph telling the client when to come back, and a
//   running operation that came with one is checked again at that moment: never sooner,
//   and as soon as the rate ceiling and any throttle pause allow (seconds, fractional
//   seconds or an HTTP-date; clamped to an hour; garbage ignored). A Retry-After under a
//   second counts as a second, so a server that keeps answering 0 cannot make a busy loop.
//   Without Retry-After the wait grows with the operation's age (measured from Graph's
//   createdDateTime, or from when it was added while that is unknown): a tenth of its age,
//   never under 5 s and never over the refresh interval (default 30 s). So a new export is
//   checked every 5 s, one that has run for five minutes every 30 s.
// When to stop: succeeded and failed operations are never checked again. An operation
//   older than the age limit (default 48 h), or answered 404/410 three times in a row,
//   becomes Expired with the hint to start a new export. Checking an expired operation by
//   hand is always allowed; if Graph answers with its state, it is tracked again.
// Throttling: a 429 or a 503 pauses every request to that host for the longer of its
//   Retry-After and an exponential backoff with jitter over the pauses in a row (2 s, 4 s,
//   8 s... up to 5 min, each a random point in the upper half of its step; answers to
//   requests already out when a pause began do not add a step). So
//   a Retry-After of 0, a tiny one or a date already past (clock skew) still waits the
//   backoff, and a host that keeps throttling is asked less and less often. After a 503
//   the next request goes out on a fresh connection.
// Faults: 500, 502, 504, timeouts and connection errors are retried for that operation with
//   the same backoff. 401, 403 and unreadable answers are retried no sooner than the regular
//   interval. A problem never changes an operation's status: the row keeps its last known
//   status and shows the problem beside it.
// Limits: at most 6 requests in flight and 20 requests per second (both configurable,
//   within PollPolicy::Limits).
//   The rate is a ceiling, not a pace: a token bucket that holds as many sends as may be
//   in flight and refills at the rate. So up to 6 requests go out at once when they are
//   due, and a sweep of 10,000 operations drains at the ceiling without a longer burst.
//   The bucket keeps time in microseconds and holds at least a millisecond's worth of
//   sends, so a ceiling far above 1,000 a second is not held back by the clock's tick.
//   An operation's next check is armed only when its previous answer has arrived, so
//   checks of one operation never overlap.
// Offline and sleep: while the network is down, nothing is sent. When it comes back, or the
//   machine wakes from sleep (the wall clock jumped far beyond the steady clock), the
//   overdue checks go out as a staggered sweep spread over at least 5 s, never as a burst.
// By hand: Refresh (F5) and "Check now" queue the checks at once, but still wait for a
//   throttle pause or the network, and say so.

struct PollPolicy
{
    // Qt opens at most 6 connections per host over HTTP/1.1: more requests at once would only
    // queue inside Qt.
    static constexpr int ConnectionsPerHost = 6;

    // What the analyst may set, and the defaults: the settings dialog offers these ranges and
    // AppSettings stores and reads back only values inside them, so a hand-edited file cannot
    // make the app flood Graph or never give up. normalized() is a wider guard, because tests
    // and benchmarks drive the scheduler faster than anyone should drive Graph.
    struct Limits
    {
        static constexpr SettingRange RefreshIntervalSeconds {5, 30, 3600};
        static constexpr SettingRange RequestsInFlight {1, ConnectionsPerHost, ConnectionsPerHost};
        static constexpr SettingRange RequestsPerSecond {1, 20, 100};
        static constexpr SettingRange ExpiryHours {1, 48, 30 * 24};
        // A Graph request is given up when no byte has moved for this long.
        static constexpr SettingRange TransferTimeoutSeconds {5, 30, 300};
        // Blob downloads at once from the storage host.
        static constexpr SettingRange ParallelDownloads {1, 4, ConnectionsPerHost};
    };

    int refreshIntervalSeconds = Limits::RefreshIntervalSeconds.defaultValue; // the longest wait
    int maxRequestsInFlight = Limits::RequestsInFlight.defaultValue;
    double maxRequestsPerSecond = Limits::RequestsPerSecond.defaultValue;
    int expiryHours = Limits::ExpiryHours.defaultValue;
    // The first step of the exponential backoff and its ceiling.
    qint64 backoffBaseMs = 2000;
    qint64 backoffMaxMs = 5 * 60 * 1000;

    static constexpr qint64 MinIntervalMs = 5000;
    static constexpr qint64 MinRetryAfterMs = 1000; // the shortest Retry-After followed
    static constexpr int AgeDivisor = 10; // wait a tenth of the age
    static constexpr int GoneLimit = 3; // 404/410 answers in a row before an operation expires
    static constexpr qint64 ResumeSpreadMs = 5000; // shortest spread of a resume sweep
    // A wall clock that moved this much further than the steady clock means the machine slept.
    static constexpr qint64 SleepJumpMs = 60 * 1000;

    // Keeps the settings within what the scheduler can work with.
    PollPolicy normalized() const;

    // The regular wait between checks of an operation of this age.
    qint64 intervalMs(qint64 ageMs) const;
    // The wait after a running operation's answer: its Retry-After (at least
    // MinRetryAfterMs) when it came with one, the regular interval otherwise.
    qint64 nextCheckDelayMs(qint64 ageMs, std::optional<qint64> retryAfterMs) const;
    // The wait after the failures-th fault in a row (1-based), given a random number in
    // [0, 1): a point in the upper half of min(backoffMaxMs, backoffBaseMs * 2^(failures-1)).
    qint64 backoffMs(int failures, double unitRandom) const;
    // How long a host is paused after the throttles-th 429/503 in a row: the longer of its
    // Retry-After and the backoff.
    qint64 throttlePauseMs(std::optional<qint64> retryAfterMs, int throttles,
                           double unitRandom) const;
    bool isTooOld(qint64 ageMs) const;
    qint64 expiryMs() const { return qint64(expiryHours) * 3600 * 1000; }
    // The token bucket, kept as one time on the steady clock in microseconds: when it will
    // be full again. A send is allowed once that time is at most burstUs() ahead of now,
    // and moves it on by sendSpacingUs().
    qint64 sendSpacingUs() const; // what one send costs: the time the rate refills it in
    int burstSize() const; // sends at once: the in-flight cap, or a millisecond's refill
    qint64 burstUs() const;
    qint64 earliestSendUs(qint64 bucketFullUs) const { return bucketFullUs - burstUs(); }
    qint64 afterSendUs(qint64 bucketFullUs, qint64 nowUs) const;
    // How far apart the overdue checks go out when polling resumes.
    qint64 resumeStepUs(int overdueCount) const;
};
