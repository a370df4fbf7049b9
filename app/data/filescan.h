#pragma once

#include "app/data/recordsink.h"
#include "app/data/scanreport.h"

#include <QString>

#include <atomic>

class QIODevice;

struct ScanOptions
{
    ScanLimits limits;
    const std::atomic_bool *cancelled = nullptr;
    // Compressed bytes read, added as the file is read: progress across parallel scans.
    std::atomic<qint64> *progress = nullptr;
};

// One pass over the gzip JSON-lines file at `path` (see JsonLinesScanner), feeding `sink`
// and, when given, writing the inflated text to `inflatedCopy`. Blocking: for a worker
// thread. The error names no path; callers add the file's name.
// `columns`, when given, receives the file's columns.
ScanReport scanFile(const QString &path, RecordSink *sink, const ScanOptions &options,
                    QIODevice *inflatedCopy = nullptr, ColumnRegistry *columns = nullptr);

// The size the gzip trailer of the file's last member gives (modulo 4 GiB), or -1: what is
// known, before inflating, of the room its text needs.
qint64 gzipStatedSize(const QString &path);
