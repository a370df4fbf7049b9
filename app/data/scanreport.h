#pragma once

#include "app/settingrange.h"

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
    // The two caps the analyst may change (Settings → Downloads and data; the CLI's
    // --max-inflated-gib and --max-ratio): the inflated size of one file in GiB, and how
    // many times its compressed size it may grow.
    static constexpr SettingRange InflatedGiB {1, 8, 1024};
    static constexpr SettingRange Ratio {10, 100, 100000};
    // Those two, each clamped to its range.
    static ScanLimits withCaps(int inflatedGiB, int ratio)
    {
        ScanLimits limits;
        limits.maxInflatedBytes = qint64(InflatedGiB.clamp(inflatedGiB)) << 30;
        limits.maxRatio = Ratio.clamp(ratio);
        return limits;
    }

    static constexpr qint64 DefaultMaxInflatedBytes = qint64(InflatedGiB.defaultValue) << 30;
    static constexpr double DefaultMaxRatio = Ratio.defaultValue;
    // Below this much inflated text the ratio is not judged: small files of repeated
    // rows legitimately compress far better than large ones.
    static constexpr qint64 DefaultRatioFloorBytes = qint64(16) << 20;
    // A single line longer than this is refused rather than buffered without bound.
    static constexpr qint64 MaxLineBytes = qint64(16) << 20;

    qint64 maxInflatedBytes = DefaultMaxInflatedBytes;
    double maxRatio = DefaultMaxRatio;
    qint64 ratioFloorBytes = DefaultRatioFloorBytes;
};
