#pragma once

#include "operation.h"
#include "problem.h"

#include <QDateTime>
#include <QString>
#include <QUrl>

// An operation the analyst tracks: how to reach it, what we last learned, and when.
struct TrackedOperation
{
    QString id; // a validated GUID, lower case
    QUrl url; // the export's Location, verbatim; empty means "build it from the endpoint"
    QString label;
    QDateTime addedAt; // UTC

    Operation last; // the last state Graph reported; last.rawStatus is empty until then
    Problem problem; // why the last request failed; null after a good answer
    QDateTime lastChecked; // UTC, the last time an answer (good or bad) arrived
    QDateTime nextCheck; // UTC, invalid when nothing is scheduled
    QString lastRetryAfter; // the last Retry-After header, verbatim
    bool expired = false; // stopped polling: too old, or gone (404/410) repeatedly

    bool hasBeenChecked() const { return !last.rawStatus.isEmpty(); }
    // Whether status() means anything yet: Graph answered once, or the app gave up on it.
    bool hasKnownStatus() const { return hasBeenChecked() || expired; }
    OperationStatus status() const { return expired ? OperationStatus::Expired : last.status; }
};
