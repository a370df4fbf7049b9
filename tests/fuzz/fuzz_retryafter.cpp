// Retry-After: delta-seconds (with Graph's fractions) or an HTTP-date, from any server.
#include "fuzzcheck.h"

#include "app/graph/retryafter.h"

#include <QDateTime>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray header = fuzzBytes(data, size);
    // A fixed "now", so that a crash reproduces.
    static const QDateTime now = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
    const std::optional<qint64> delay = RetryAfter::delayMs(header, now);
    if (delay)
        FUZZ_CHECK(*delay >= 0 && *delay <= RetryAfter::MaxDelayMs);
    (void)RetryAfter::parseHttpDate(header);
    return 0;
}
