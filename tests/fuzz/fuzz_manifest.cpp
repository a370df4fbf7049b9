// Manifests: the JSON a succeeded export links to, listing its blobs in Azure Storage.
#include "fuzzcheck.h"

#include "models/graphjson.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = fuzzBytes(data, size);
    QString error;
    const std::optional<Manifest> manifest = GraphJson::parseManifest(body, &error);
    FUZZ_CHECK(manifest.has_value() != !error.isEmpty());
    if (!manifest)
        return 0;
    FUZZ_CHECK(!manifest->rootDirectory.isEmpty());
    (void)manifest->sasExpiry();
    for (const ManifestBlob &blob : manifest->blobs) {
        FUZZ_CHECK(!blob.name.isEmpty());
        (void)manifest->blobUrl(blob);
    }
    return 0;
}
