#pragma once

#include "operationstatus.h"
#include "publicerror.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUrl>

// One answer of GET /reports/partners/billing/operations/{id}, as Graph gave it.
struct Operation
{
    QString id;
    QString odataType; // e.g. "#microsoft.graph.partners.billing.runningOperation"
    OperationStatus status = OperationStatus::Unknown;
    QString rawStatus; // the server's own string, kept so unknown values can be shown
    QDateTime createdDateTime; // UTC
    QDateTime lastActionDateTime; // UTC
    // Both times as Graph wrote them (up to 7 fractional digits, maybe without an offset),
    // for output that must neither round nor pad them; empty when absent or unreadable.
    QString createdDateTimeText;
    QString lastActionDateTimeText;
    QUrl manifestLink; // resourceLocation@odata.navigationLink
    QJsonObject inlineManifest; // resourceLocation, when the server inlines the manifest
    PublicError error; // failedOperation only
};
