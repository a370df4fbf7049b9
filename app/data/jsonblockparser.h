#pragma once

#include "app/data/recordsink.h"

#include <QtGlobal>

#include <cstdint>
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
        // A plain key (shorter than simdjson's padding, without quote, backslash or control
        // character, so that its JSON text is itself) is compared in place: its bytes and
        // the closing quote, in words, the last one masked.
        bool plain = false;
        int column = -1;
        int words = 0;
        std::uint64_t lastMask = 0;
        std::uint64_t text[8] = {};
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
    // before the bad one have been handed over. simdjson::SIMDJSON_PADDING readable bytes
    // must follow `data + size`.
    virtual const char *parse(const char *data, std::size_t size, BlockParseState &state) = 0;
    virtual const char *instructionSet() const = 0;
};

std::unique_ptr<JsonBlockParser> makeJsonBlockParser();
