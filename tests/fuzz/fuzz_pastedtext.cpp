// Pasted text: whatever the analyst pastes or passes on the command line, searched for ids.
#include "fuzzcheck.h"

#include "models/operationids.h"

#include <QString>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(fuzzBytes(data, size));
    const OperationIds::Extraction found = OperationIds::scan(text);
    FUZZ_CHECK(found.ids.size() <= OperationIds::MaxIdsPerInput);
    // Only a well-formed GUID ever comes out: nothing else can reach a URL.
    for (const QString &id : found.ids)
        FUZZ_CHECK(OperationIds::isValid(id) && id == id.toLower());
    (void)OperationIds::isValid(text);
    return 0;
}
