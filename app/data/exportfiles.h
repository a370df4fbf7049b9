#pragma once

#include "app/data/datasummary.h"
#include "app/data/filescan.h"

#include <QString>
#include <QStringList>

#include <functional>

// An export as files on disk: what a download wrote, or any folder of export files.
namespace ExportFiles {

// The export files in `folder`, sorted by name: every "*.gz" that is a regular file (not a
// link, not a ".part" or ".corrupt" left by a download). Empty with *error when there are
// none or the folder cannot be read.
QStringList inFolder(const QString &folder, QString *error);

// Compressed bytes of all the files, for progress.
qint64 totalSize(const QStringList &paths);

// One pass over every file, in parallel on `threads` workers (0: one per core), added up.
// A file that fails is named in DataSummary::problems with why, and its rows are left out.
DataSummary summarize(const QStringList &paths, const ScanOptions &options, int threads = 0);

// The first `rows` records of the files in order, as text, in `columns` order (usually the
// summary's). Absent values are empty.
QList<QStringList> preview(const QStringList &paths, const QStringList &columns, int rows,
                           const ScanOptions &options);

} // namespace ExportFiles
