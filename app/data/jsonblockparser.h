#pragma once

#include "app/data/recordsink.h"

#include <QtGlobal>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// What the block parser keeps between blocks of one file: its columns, and for the record
// being parsed the values the sink asked for.
struct BlockParseState
{
    RecordSink *sink = nullptr;
    ColumnRegistry columns;
    // Keys tend to come in the same order on every line: the key found at each position of
    // the previous record is compared first, in place in the JSON text, sparing both the
    // copy that unescaping makes and a hash lookup per field.
    struct KnownKey
    {
        std::string text; // unescaped
        int column = -1;
        // Holds no quote, backslash or control character, so that its JSON text is itself:
        // only such a key is compared in place.
        bool plain = false;
    };
    std::vector<KnownKey> keyAtPosition;
    std::vector<char> wanted; // per column
    std::vector<std::string_view> values; // per column, for the current record
    std::vector<unsigned> stamps; // per column: the record that set the value
    unsigned stamp = 0;
    qint64 records = 0;
};

// Parses a block of complete JSON lines with simdjson's On-Demand API (iterate_many),
// handing each record to the state's sink. simdjson compiles On-Demand for one instruction
// set only, chosen by the compiler flags, so it is built twice: with AVX2 (haswell) and
// without (fallback); makeJsonBlockParser() picks what this processor runs.
class JsonBlockParser
{
public:
    virtual ~JsonBlockParser() = default;
    // Null when every line was a JSON object, else simdjson's error message; the records
    // before the bad one have been handed over.
    virtual const char *parse(const char *data, std::size_t size, BlockParseState &state) = 0;
    virtual const char *instructionSet() const = 0;
};

std::unique_ptr<JsonBlockParser> makeJsonBlockParser();
