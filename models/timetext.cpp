#include "timetext.h"

#include <QCoreApplication>

namespace TimeText {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("TimeText", text, nullptr, n);
}

} // namespace

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
        return tr("%n s", int(seconds));
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return tr("%n min", int(minutes));
    const qint64 hours = minutes / 60;
    if (hours < 48)
        return tr("%1 h %2 min").arg(hours).arg(minutes % 60);
    return tr("%n days", int(hours / 24));
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
        return tr("in %1").arg(duration(seconds));
    if (seconds > -2)
        return tr("just now");
    return tr("%1 ago").arg(duration(-seconds));
}

} // namespace TimeText
