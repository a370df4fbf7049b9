#pragma once

#include "faultprofile.h"
#include "manifestspec.h"
#include "simulatedoperation.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

// N operations with random timelines drawn from a seed: the same seed gives the same ids,
// durations and outcomes.
struct FleetSpec
{
    int count = 0;
    quint32 seed = 1;
    double minSeconds = 5; // total time to a terminal state, uniformly in [min, max]
    double maxSeconds = 60;
    double failureRate = 0.1;
    QByteArray retryAfter = QByteArrayLiteral("1");
    ManifestSpec manifest;
};

// What POST .../export does.
struct ExportSettings
{
    qint64 succeedAfterMs = 3000; // the new operation's running time
    SimulatedOperation::Outcome outcome = SimulatedOperation::Outcome::Succeeded;
    QByteArray retryAfter = QByteArrayLiteral("1");
    // Answer every valid export with this status instead of 202 (403, 429 or 500); 0: don't.
    int forcedStatus = 0;
    bool omitLocation = false; // 202 without a Location header
    ManifestSpec manifest;
};

/*
 A scenario file: JSON, every key optional; unknown keys are errors (they are usually typos).
 Durations are seconds (fractions allowed, millisecond precision), counted from the moment
 the scenario is loaded. Retry-After values are strings sent verbatim ("5", "0.5"), numbers,
 or "" / null to omit the header.

 {
   "description": "free text",
   "token": "the bearer token to accept (default: a random one)",
   "retryAfter": "5",                      // default Retry-After of the operations below
   "manifest": { ManifestSpec },           // defaults for every manifest (ops, fleet, exports)
   "operations": [ {
       "id": "GUID",                       // default: a new random GUID
       "notStartedSeconds": 0,             // time spent notStarted
       "runningSeconds": 20,               // then running for this long
       "outcome": "succeeded",             // "succeeded" | "failed" | "running" (never ends)
       "ageSeconds": 0,                    // created this long before loading (timeline too)
       "status": "completed",              // replaces the status string of the last phase
       "retryAfter": "0.5",
       "error": { "code": "5000", "message": "No data available", "target": "...",
                  "details": [ { "code": "...", "message": "...", "target": "..." } ],
                  "innerError": { ...any JSON... } },      // for outcome "failed"
       "inlineManifest": false,            // resourceLocation object instead of the link
       "manifestLinkRoot": "http://127.0.0.1:9", // the link points at this foreign origin
       "expiresAfterSeconds": 3600,        // then the id answers expiredStatus
       "expiredStatus": 404,               // 404 | 410
       "manifestId": "GUID",               // default: a new random GUID
       "manifest": { ManifestSpec }        // merged over the top-level "manifest"
   } ],
   "fleet": { "count": 10000, "seed": 42, "minSeconds": 5, "maxSeconds": 60,
              "failureRate": 0.1, "retryAfter": "1" },
   "exports": { "succeedAfterSeconds": 3, "outcome": "succeeded" | "failed",
                "retryAfter": "1", "forcedStatus": 0 | 403 | 429 | 500,
                "omitLocation": false },
   "faults": "429=0.05,503=0.02,reset=0.01"    // FaultProfile::fromString syntax
 }

 ManifestSpec: { "blobCount": 2, "linesPerBlob": 200, "blobSizeBytes": 0,
                 "sasLifetimeSeconds": 43200, "reportBlobSizes": false,
                 "dataFormat": "compressedJSON", "blobNames": ["a/b.json.gz"],
                 "corruptBlobs": [0], "stallBlobs": [1], "trickleBlobs": [1],
                 "dropAfterBytes": -1, "dropRequests": 1,
                 "dropRate": 0, "kind": "usage" | "reconciliation",
                 "attributeSet": "full" | "basic" }
 (see manifestspec.h for what each one means).
*/
struct Scenario
{
    QString description;
    QString token; // empty: keep the simulator's own
    QList<SimulatedOperation> operations;
    std::optional<FleetSpec> fleet;
    std::optional<ExportSettings> exports;
    std::optional<FaultProfile> faults;

    // On failure returns nullopt and sets *error to a message naming the file position
    // or key that is wrong.
    static std::optional<Scenario> fromJson(const QByteArray &json, QString *error);
    static std::optional<Scenario> fromFile(const QString &path, QString *error);
};
