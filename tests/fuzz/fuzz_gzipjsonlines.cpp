// The one pass over gzip JSON lines that verifies downloads: downloaded blobs, fed in the
// chunks the network delivers.
#include "fuzzcheck.h"

#include "app/data/jsonlinesscanner.h"

#include <QBuffer>

#include <algorithm>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    // The first byte picks the chunk size, so chunk boundaries get fuzzed too.
    const qint64 chunk = 1 + data[0];
    const char *input = reinterpret_cast<const char *>(data) + 1;
    const qint64 length = qint64(size) - 1;
    QBuffer inflated;
    inflated.open(QIODevice::WriteOnly);
    JsonLinesScanner verifier(nullptr, {}, &inflated);
    for (qint64 offset = 0; offset < length; offset += chunk) {
        if (!verifier.addData(input + offset, std::min(chunk, length - offset)))
            break;
    }
    const bool ok = verifier.finish();
    const ScanReport &report = verifier.report();
    FUZZ_CHECK(ok == report.ok);
    FUZZ_CHECK(ok || !report.error.isEmpty());
    if (ok)
        FUZZ_CHECK(report.uncompressedBytes == inflated.size());
    return 0;
}
