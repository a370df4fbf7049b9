#pragma once

#include <QByteArray>
#include <QString>

// What the simulator saw of one request and how it answered, for tests and figures.
// The token itself is never kept, only whether an Authorization header came.
struct SimulatorRequest
{
    QByteArray method;
    QString path; // decoded, without the query
    QString operationId; // lower case, for GET .../operations/{id}; empty otherwise
    bool hadAuthorization = false;
    QString clientRequestId;
    qint64 receivedAtMs = 0; // steady clock, since the simulator was created
    qint64 answeredAtMs = -1; // -1 while unanswered
    int status = 0; // 0 when nothing was answered (reset, stall, client gone)
    QByteArray retryAfter; // the Retry-After sent, empty when none
};
