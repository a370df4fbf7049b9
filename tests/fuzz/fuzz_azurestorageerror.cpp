// Azure Storage error XML: the body of a refused blob download.
#include "fuzzcheck.h"

#include "app/downloads/azurestorageerror.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = fuzzBytes(data, size);
    const AzureStorageError error = AzureStorageError::parse(body);
    const QString summary = error.summary();
    FUZZ_CHECK(error.code.isEmpty() || !summary.isEmpty());
    (void)error.isAuthenticationFailure();
    (void)error.saysSignatureOutOfTimeFrame();
    return 0;
}
