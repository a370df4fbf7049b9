#pragma once

#include <QByteArray>

// Billing export files: gzip-compressed JSON lines with the documented columns of the
// export's kind and attribute set and believable values: a dozen customers in several
// countries and billing currencies, Azure meters for usage and license products for
// reconciliation, every day of the billing period (May 2024). The same bytes for the same
// seed and shape.
namespace BlobGenerator {

struct Shape
{
    bool reconciliation = false; // else usage
    bool basic = false; // the "basic" attribute set, else "full"
};

// Exactly lineCount distinct lines when lineCount > 0. Otherwise lines are added until the
// compressed size reaches targetBytes (overshooting by less than 64 KiB of distinct data, or
// by up to one repeated segment): past 32 MiB of uncompressed lines, the compressed block of
// those lines repeats, so rows repeat too, but a 200 MB blob takes about a second.
QByteArray gzipJsonLines(quint64 seed, int lineCount, qint64 targetBytes, Shape shape = {});

// The JSON lines themselves, uncompressed: what a client should get after inflating.
QByteArray jsonLines(quint64 seed, int lineCount, Shape shape = {});

} // namespace BlobGenerator
