#pragma once

#include <QByteArray>

// Billing-like export files: gzip-compressed JSON lines (one usage record per line), the
// same bytes for the same seed.
namespace BlobGenerator {

// Exactly lineCount distinct lines when lineCount > 0. Otherwise lines are added until the
// compressed size reaches targetBytes (overshooting by less than 64 KiB of distinct data, or
// by up to one repeated segment): past 32 MiB of uncompressed lines, the compressed block of
// those lines repeats, so line numbers repeat too, but a 200 MB blob takes about a second.
QByteArray gzipJsonLines(quint64 seed, int lineCount, qint64 targetBytes);

// The JSON lines themselves, uncompressed: what a client should get after inflating.
QByteArray jsonLines(quint64 seed, int lineCount);

} // namespace BlobGenerator
