// Graph error bodies: {"error":{"code":…,"message":…,"innerError":{…}}} and whatever else a
// failing server sends with a 4xx or 5xx.
#include "fuzzcheck.h"

#include "models/graphjson.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = fuzzBytes(data, size);
    const PublicError error = GraphJson::parseErrorBody(body);
    const QString summary = error.summary();
    FUZZ_CHECK(error.isEmpty() || !summary.isEmpty());
    (void)error.toReportText();
    // What the app keeps of an error reads back as the same error.
    FUZZ_CHECK(PublicError::fromJson(error.toJson()).summary() == summary);
    return 0;
}
