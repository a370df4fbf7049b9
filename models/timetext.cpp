#include "timetext.h"

#include <QCoreApplication>

namespace TimeText {

QString local(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                          : QString();
}

QString localShort(const QDateTime &time, const QDateTime &now)
{
    if (!time.isValid())
        return {};
    const QDateTime localTime = time.toLocalTime();
    if (localTime.date() == now.toLocalTime().date())
        return localTime.toString(QStringLiteral("HH:mm:ss"));
    return local(time);
}

QString duration(qint64 seconds)
{
    if (seconds < 0)
        return {};
    if (seconds < 60)
        return QCoreApplication::translate("TimeText", "%n s", nullptr, int(seconds));
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return QCoreApplication::translate("TimeText", "%n min", nullptr, int(minutes));
    const qint64 hours = minutes / 60;
    if (hours < 48)
        return QCoreApplication::translate("TimeText", "%1 h %2 min").arg(hours).arg(minutes % 60);
    // Never fewer than 2, so the English source reads right without a translation (the
    // command line loads none).
    const int days = int(hours / 24); // a division inside translate() hangs lupdate 6.4
    return QCoreApplication::translate("TimeText", "%n days", nullptr, days);
}

QString utc(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) + QStringLiteral(" UTC") : QString();
}

QString relative(const QDateTime &time, const QDateTime &now)
{
    if (!time.isValid())
        return {};
    const qint64 seconds = now.secsTo(time);
    if (seconds > 0)
        return QCoreApplication::translate("TimeText", "in %1").arg(duration(seconds));
    if (seconds > -2)
        return QCoreApplication::translate("TimeText", "just now");
    return QCoreApplication::translate("TimeText", "%1 ago").arg(duration(-seconds));
}

} // namespace TimeText
