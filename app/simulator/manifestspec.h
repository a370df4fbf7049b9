#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// How the simulator builds an operation's manifest and serves its blobs.
struct ManifestSpec
{
    int blobCount = 2;
    // Exact number of JSON lines per blob. When 0, lines are added until the gzip-compressed
    // blob (the bytes actually served, and what sizeInBytes reports) reaches blobSizeBytes;
    // it overshoots by at most one deflate block, so the size is approximate.
    int linesPerBlob = 200;
    qint64 blobSizeBytes = 0;
    // The SAS expires this long after the manifest is fetched; zero or less gives a token
    // that is already expired.
    qint64 sasLifetimeSeconds = 12 * 3600;
    bool reportBlobSizes = false; // adds the non-schema "sizeInBytes" to each blob
    QString dataFormat = QStringLiteral("compressedJSON");
    // What the blobs hold: set from the export request (its path and attributeSet).
    bool reconciliation = false;
    bool basicAttributes = false;
    // Replaces the generated names (and blobCount): hostile names such as "../evil.json.gz"
    // or "a/b.json.gz" test the downloader.
    QStringList blobNames;
    QList<int> corruptBlobs; // indexes of blobs served as bytes that are not gzip
    // Indexes of blobs whose first request sends half the body and then nothing more while
    // keeping the connection open, as a stalled transfer does; later requests get the rest.
    QList<int> stallBlobs;
    // Indexes of blobs whose first request sends the body a byte every TrickleIntervalMs,
    // as a server that never quite stalls does; later requests get the rest at full speed.
    QList<int> trickleBlobs;
    static constexpr int TrickleIntervalMs = 100;
    // Closes the connection after this many body bytes (-1: never) on the first
    // dropRequests requests for each blob (-1: on every request), and on each later request
    // with probability dropRate (from a fixed seed, so runs repeat).
    qint64 dropAfterBytes = -1;
    int dropRequests = 1;
    double dropRate = 0;
};
