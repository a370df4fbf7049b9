#include "operationstatus.h"

OperationStatus operationStatusFromGraph(QStringView raw)
{
    if (raw.compare(u"notStarted", Qt::CaseInsensitive) == 0)
        return OperationStatus::NotStarted;
    if (raw.compare(u"running", Qt::CaseInsensitive) == 0)
        return OperationStatus::Running;
    if (raw.compare(u"succeeded", Qt::CaseInsensitive) == 0
        || raw.compare(u"completed", Qt::CaseInsensitive) == 0)
        return OperationStatus::Succeeded;
    if (raw.compare(u"failed", Qt::CaseInsensitive) == 0)
        return OperationStatus::Failed;
    return OperationStatus::Unknown;
}

QString operationStatusKey(OperationStatus status)
{
    switch (status) {
    case OperationStatus::NotStarted:
        return QStringLiteral("notStarted");
    case OperationStatus::Running:
        return QStringLiteral("running");
    case OperationStatus::Succeeded:
        return QStringLiteral("succeeded");
    case OperationStatus::Failed:
        return QStringLiteral("failed");
    case OperationStatus::Expired:
        return QStringLiteral("expired");
    case OperationStatus::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

OperationStatus operationStatusFromKey(QStringView key)
{
    if (key == u"expired")
        return OperationStatus::Expired;
    return operationStatusFromGraph(key);
}

bool isTerminal(OperationStatus status)
{
    return status == OperationStatus::Succeeded || status == OperationStatus::Failed;
}
