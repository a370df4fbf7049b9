#pragma once

#include <QString>
#include <QtGlobal>

// What one pass over a gzip JSON-lines file found.
struct ScanReport
{
    enum class Outcome {
        Ok,
        Empty, // no bytes, or no records once inflated
        Corrupt, // not gzip, truncated, or a line that is not a JSON object
        Refused, // too large once inflated, or expanding like a decompression bomb
        Cancelled,
        Unreadable, // the file (or the inflated copy) could not be read or written
    };

    bool ok = false;
    Outcome outcome = Outcome::Ok;
    QString error; // why not ok, in a sentence for the analyst, e.g. "line 12 is not valid JSON"
    qint64 compressedBytes = 0;
    qint64 uncompressedBytes = 0;
    qint64 lines = 0; // records: non-blank lines, each a JSON object
    int gzipMembers = 0;
};

// How far a file may expand before it is taken for a decompression bomb. Billing data
// compresses about 5 to 20 times; a file of newlines, 1000 times.
struct ScanLimits
{
    static constexpr qint64 DefaultMaxInflatedBytes = qint64(8) << 30;
    static constexpr double DefaultMaxRatio = 100;
    // Below this much inflated text the ratio is not judged: small files of repeated
    // rows legitimately compress far better than large ones.
    static constexpr qint64 DefaultRatioFloorBytes = qint64(16) << 20;
    // A single line longer than this is refused rather than buffered without bound.
    static constexpr qint64 MaxLineBytes = qint64(16) << 20;

    qint64 maxInflatedBytes = DefaultMaxInflatedBytes;
    double maxRatio = DefaultMaxRatio;
    qint64 ratioFloorBytes = DefaultRatioFloorBytes;
};
