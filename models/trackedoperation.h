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
    // The last check's request-id (Graph's) and client-request-id (the app's), for a support
    // ticket when Graph's error names no request; this session only, not stored.
    QString lastRequestId;
    QString lastClientRequestId;
    bool expired = false; // stopped polling: too old, or gone (404/410) repeatedly

    bool hasBeenChecked() const { return !last.rawStatus.isEmpty(); }
    // Whether status() means anything yet: Graph answered once, or the app gave up on it.
    bool hasKnownStatus() const { return hasBeenChecked() || expired; }
    OperationStatus status() const { return expired ? OperationStatus::Expired : last.status; }
    // Will not change again by itself: succeeded, failed or expired.
    bool isFinal() const { return expired || isTerminal(last.status); }

    // The status as the analyst reads it, in the table, the details and the CLI alike:
    // "Not checked yet" before the first answer, "Unknown (paused)" when Graph sent a word
    // the app does not know, else the status word.
    QString statusLabel() const;
    // Seconds since Graph created it (or since it was added, while that is unknown); a
    // finished export's age stops at its last action, which is how long it took. -1 when
    // there is no start to count from.
    qint64 ageAt(const QDateTime &now) const;
};
