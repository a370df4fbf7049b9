#pragma once

#include "app/data/scanreport.h"

#include <QString>

#include <atomic>

// What a download verification found: a file either holds gzip JSON lines or it does not.
// The same one pass as the Data view and the CLI's summaries (app/data/).
using JsonLinesReport = ScanReport;

// Verifies a downloaded file, optionally writing the inflated text to `inflatedPath`
// (refused when a symbolic link is there or the disk lacks what the gzip trailer states).
// Blocking: meant for a worker thread. Stops within a megabyte when `cancelled` is set.
JsonLinesReport verifyGzipJsonLinesFile(const QString &path, const QString &inflatedPath = {},
                                        const std::atomic_bool *cancelled = nullptr,
                                        const ScanLimits &limits = {});
