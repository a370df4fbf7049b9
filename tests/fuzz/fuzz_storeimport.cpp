// The store's import of saved files: the current format, older versions and the plain id
// lists analysts keep by hand.
#include "fuzzcheck.h"

#include "app/store/storeformat.h"
#include "models/operationids.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray file = fuzzBytes(data, size);
    using Outcome = StoreFormat::ParseResult::Outcome;
    const StoreFormat::ParseResult result = StoreFormat::parse(file);
    const bool usable = result.outcome == Outcome::Loaded || result.outcome == Outcome::Migrated;
    FUZZ_CHECK(usable || !result.error.isEmpty());
    for (const TrackedOperation &operation : result.operations)
        FUZZ_CHECK(OperationIds::isValid(operation.id));
    // What was read saves and reads back as the same operations.
    if (usable) {
        static const QDateTime savedAt = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
        const StoreFormat::ParseResult again
            = StoreFormat::parse(StoreFormat::serialize(result.operations, savedAt));
        FUZZ_CHECK(again.outcome == Outcome::Loaded);
        FUZZ_CHECK(again.operations.size() == result.operations.size());
    }
    return 0;
}
