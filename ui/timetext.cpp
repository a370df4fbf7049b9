#include "timetext.h"

#include <QCoreApplication>

namespace TimeText {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("TimeText", text, nullptr, n);
}

QString span(qint64 seconds)
{
    if (seconds < 60)
        return tr("%n s", int(seconds));
    if (seconds < 3600)
        return tr("%n min", int(seconds / 60));
    if (seconds < 48 * 3600)
        return tr("%n h", int(seconds / 3600));
    return tr("%n days", int(seconds / 86400));
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
        return tr("in %1").arg(span(seconds));
    if (seconds > -2)
        return tr("just now");
    return tr("%1 ago").arg(span(-seconds));
}

} // namespace TimeText
