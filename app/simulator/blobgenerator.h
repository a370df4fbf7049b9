#pragma once

#include <QByteArray>

// Billing-like export files: gzip-compressed JSON lines (one usage record per line), the
// same bytes for the same seed.
namespace BlobGenerator {

// Exactly lineCount lines when lineCount > 0; otherwise lines are added until the
// compressed size reaches targetBytes (overshooting by at most one deflate flush).
QByteArray gzipJsonLines(quint64 seed, int lineCount, qint64 targetBytes);

// The JSON lines themselves, uncompressed: what a client should get after inflating.
QByteArray jsonLines(quint64 seed, int lineCount);

} // namespace BlobGenerator
