#pragma once

#include <QDateTime>
#include <QString>

// How the app writes times, in the table, the details and the CLI alike: local time for
// reading, UTC for quoting to support.
namespace TimeText {

// "2026-11-21 14:02:31", local time; empty for an invalid time.
QString local(const QDateTime &time);
// "14:02:31", local time; the date is left out when it is today.
QString localShort(const QDateTime &time, const QDateTime &now = QDateTime::currentDateTimeUtc());
// "2026-11-21T13:02:31Z UTC"
QString utc(const QDateTime &time);
// "45 s", "12 min", "3 h 20 min", "4 days"; empty for a negative span.
QString duration(qint64 seconds);
// "3 min ago", "in 12 s", "just now".
QString relative(const QDateTime &time, const QDateTime &now = QDateTime::currentDateTimeUtc());

} // namespace TimeText
