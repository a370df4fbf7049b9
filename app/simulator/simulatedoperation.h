#pragma once

#include "manifestspec.h"

#include "models/publicerror.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

// One export operation the simulator answers for: its timeline and how it reports itself.
// Times are in milliseconds from the operation's creation, on a steady clock.
struct SimulatedOperation
{
    enum class Outcome { Succeeded, Failed, NeverFinishes };
    enum class Phase { NotStarted, Running, Succeeded, Failed, Expired };

    QString id; // a GUID; GraphSimulator::addOperation generates one when empty
    qint64 notStartedMs = 0;
    qint64 runningMs = 1000;
    Outcome outcome = Outcome::Succeeded;
    // Created this long before it was added, so a demo can start with finished operations.
    qint64 ageMs = 0;
    // Replaces the status string of the operation's last phase, e.g. "completed" (the docs'
    // property table) or "paused" (a value no client knows).
    QString finalStatus;
    // Retry-After on non-terminal answers, verbatim ("5", "0.5"); empty means omitted.
    QByteArray retryAfter = QByteArrayLiteral("1");
    PublicError error = noDataAvailable();
    bool inlineManifest = false; // `resourceLocation` object instead of the navigation link
    // When set, the navigation link points at this root (scheme://host:port) instead of the
    // simulator: a foreign origin that must never receive the token.
    QUrl manifestLinkRoot;
    // After this long (from creation) the operation is gone and answers expiredStatus.
    qint64 expiresAfterMs = -1;
    int expiredStatus = 404; // 404 or 410
    QString manifestId; // generated when empty
    // When non-zero, the manifest GET answers this HTTP status (401, 403, ...) with a Graph
    // error body, while the operation itself answers normally: a token that may read
    // operations but not manifests.
    int manifestStatus = 0;
    ManifestSpec manifest;

    // The docs' example failure: code "5000", "No data available".
    static PublicError noDataAvailable();

    Phase phaseAt(qint64 sinceCreationMs) const;
    // When the phase that is current at sinceCreationMs began.
    qint64 phaseStartMs(qint64 sinceCreationMs) const;
    // The `status` string Graph would send in that phase.
    QString statusText(Phase phase) const;
};
