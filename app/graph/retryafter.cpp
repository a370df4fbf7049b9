#include "app/graph/retryafter.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace RetryAfter {

namespace {

bool isDeltaSeconds(const QByteArray &text)
{
    // Digits with an optional fraction: no sign, no exponent, no "inf" or "nan".
    int dots = 0;
    for (int i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c == '.') {
            if (++dots > 1 || i == 0 || i == text.size() - 1)
                return false;
        } else if (c < '0' || c > '9') {
            return false;
        }
    }
    return !text.isEmpty();
}

} // namespace

QDateTime parseHttpDate(const QByteArray &text)
{
    QString date = QString::fromLatin1(text.trimmed());
    // Qt 6.4's RFC 2822 reader refuses the zone names HTTP uses; the offset means the same.
    for (const QLatin1String zone :
         {QLatin1String(" GMT"), QLatin1String(" UTC"), QLatin1String(" UT")}) {
        if (date.endsWith(zone, Qt::CaseInsensitive)) {
            date.chop(zone.size());
            date += QLatin1String(" +0000");
            break;
        }
    }
    QDateTime parsed = QDateTime::fromString(date, Qt::RFC2822Date);
    if (!parsed.isValid()) {
        // RFC 850: "Sunday, 06-Nov-94 08:49:37 +0000" after the zone swap above. The
        // weekday is skipped: Qt checks it against the year 19yy, before the century fix.
        static const QLocale c = QLocale::c();
        const QString withoutWeekday = date.mid(date.indexOf(QLatin1Char(',')) + 1).trimmed();
        parsed = c.toDateTime(withoutWeekday, QStringLiteral("dd-MMM-yy HH:mm:ss '+0000'"));
        if (parsed.isValid() && parsed.date().year() < 1970)
            parsed = parsed.addYears(100);
        if (parsed.isValid())
            parsed.setTimeSpec(Qt::UTC);
    }
    return parsed.isValid() ? parsed.toUTC() : QDateTime();
}

std::optional<qint64> delayMs(const QByteArray &header, const QDateTime &nowUtc)
{
    const QByteArray text = header.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    if (isDeltaSeconds(text)) {
        const double seconds = text.toDouble();
        // Rounded up: a wait cut short by a millisecond would be a request sent too early.
        const double milliseconds = std::ceil(seconds * 1000.0);
        return qint64(std::min(milliseconds, double(MaxDelayMs)));
    }
    const QDateTime when = parseHttpDate(text);
    if (!when.isValid())
        return std::nullopt;
    return std::clamp<qint64>(nowUtc.msecsTo(when), 0, MaxDelayMs);
}

} // namespace RetryAfter
