// Operation replies: GET .../operations/{id} bodies as Graph (or anyone in between) sends them.
#include "fuzzcheck.h"

#include "models/graphjson.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = fuzzBytes(data, size);
    QString error;
    const std::optional<Operation> operation = GraphJson::parseOperation(body, &error);
    FUZZ_CHECK(operation.has_value() != !error.isEmpty());
    if (!operation)
        return 0;
    FUZZ_CHECK(!operation->rawStatus.isEmpty());
    // Every time that parses can be written back and reads the same: the store and the CLI
    // write times this way.
    for (const QDateTime &time : {operation->createdDateTime, operation->lastActionDateTime}) {
        if (!time.isValid())
            continue;
        const QString text = GraphJson::formatDateTime(time);
        FUZZ_CHECK(!text.isEmpty());
        FUZZ_CHECK(GraphJson::parseDateTime(text) == time);
    }
    (void)operation->error.summary();
    (void)operation->error.toReportText();
    return 0;
}
