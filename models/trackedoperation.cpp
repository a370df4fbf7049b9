#include "trackedoperation.h"

#include "statusstyle.h"

#include <QCoreApplication>

#include <algorithm>

QString TrackedOperation::statusLabel() const
{
    if (!hasKnownStatus()) {
        // "No answer yet" once checked, when every answer so far was a problem (a 404, a
        // timeout...): "not checked yet" would then be wrong.
        return lastChecked.isValid() ? QCoreApplication::translate("Status", "No answer yet")
                                     : QCoreApplication::translate("Status", "Not checked yet");
    }
    const QString text = statusText(status());
    if (status() == OperationStatus::Unknown && !last.rawStatus.isEmpty())
        return text + QStringLiteral(" (") + last.rawStatus + u')';
    return text;
}

qint64 TrackedOperation::ageAt(const QDateTime &now) const
{
    const QDateTime created = last.createdDateTime.isValid() ? last.createdDateTime : addedAt;
    if (!created.isValid())
        return -1;
    const QDateTime end = isTerminal(last.status) && last.lastActionDateTime.isValid()
        ? last.lastActionDateTime
        : now;
    return std::max<qint64>(0, created.secsTo(end));
}
