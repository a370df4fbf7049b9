#pragma once

#include <QByteArray>
#include <QDateTime>

#include <optional>

// Graph's Retry-After header (RFC 9110 §10.2.3): delta-seconds, which Graph also writes
// with a fraction ("2.128"), or an HTTP-date ("Wed, 21 Oct 2015 07:28:00 GMT").
namespace RetryAfter {

// A server asking for more than this is either wrong or hostile; an hour is still obeyed.
constexpr qint64 MaxDelayMs = 60 * 60 * 1000;

// How long to wait from nowUtc, in milliseconds, rounded up and clamped to [0, MaxDelayMs];
// a date in the past means 0. Nullopt when the header is absent or unreadable, so the
// caller falls back to its own policy.
std::optional<qint64> delayMs(const QByteArray &header, const QDateTime &nowUtc);

// The HTTP-date forms only (IMF-fixdate and RFC 850/asctime are accepted when Qt reads
// them); invalid otherwise.
QDateTime parseHttpDate(const QByteArray &text);

} // namespace RetryAfter
