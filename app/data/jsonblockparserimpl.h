// The On-Demand block parser, included by jsonblockparser.cpp (built for any x86-64 or
// other processor) and jsonblockparser_haswell.cpp (built with AVX2): simdjson's
// `ondemand` namespace is whatever instruction set the including file is compiled for.
// Everything here has internal linkage, so the two builds never mix.

#include "app/data/jsonblockparser.h"

#include <simdjson.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace {

namespace ondemand = simdjson::ondemand;

// Complete lines are parsed in blocks of about this size; the parser's capacity stays put.
constexpr std::size_t MinBatchBytes = 1 << 18;

std::string_view trimmedEnd(std::string_view text)
{
    while (!text.empty()
           && (text.back() == ' ' || text.back() == '\n' || text.back() == '\r'
               || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

class BlockParser : public JsonBlockParser
{
public:
    const char *instructionSet() const override
    {
        return SIMDJSON_STRINGIFY(SIMDJSON_BUILTIN_IMPLEMENTATION);
    }

    const char *parse(const char *data, std::size_t size, BlockParseState &p) override
    {
        ondemand::document_stream stream;
        simdjson::error_code error
            = m_parser.iterate_many(data, size, std::max(size, MinBatchBytes)).get(stream);
        if (error)
            return simdjson::error_message(error);
        for (auto it = stream.begin(); it != stream.end(); ++it) {
            ondemand::document_reference document;
            ondemand::object object;
            if ((error = (*it).get(document)) || (error = document.get_object().get(object)))
                break;
            ++p.stamp;
            std::size_t position = 0;
            for (auto fieldResult : object) {
                if ((error = fieldResult.error()))
                    break;
                ondemand::field field = std::move(fieldResult).value_unsafe();
                int column = knownColumnAt(p, position, field.key().raw());
                if (column < 0) {
                    std::string_view key;
                    if ((error = field.unescaped_key().get(key)))
                        break;
                    column = columnAt(p, position, key);
                }
                ++position;
                if (!p.wanted[std::size_t(column)])
                    continue; // the iterator skips the value
                std::string_view text;
                bool present = true;
                if ((error = valueText(field.value(), &text, &present)))
                    break;
                if (!present)
                    continue;
                p.values[std::size_t(column)] = text;
                p.stamps[std::size_t(column)] = p.stamp;
            }
            if (error)
                break;
            ++p.records;
            if (p.sink) {
                const RecordView view {p.values.data(), p.stamps.data(), p.stamp,
                                       int(p.values.size())};
                p.sink->record(p.columns, view);
            }
        }
        if (!error && stream.truncated_bytes() > 0)
            error = simdjson::TAPE_ERROR;
        return error ? simdjson::error_message(error) : nullptr;
    }

private:
    // The column of the key starting at `raw` (just past its opening quote) if it is the one
    // the previous record had at this position, else -1. A plain key holds no quote or
    // backslash, so matching bytes followed by a quote are the whole key. Reading whole
    // words stays within the padding after the block whatever the key really is.
    static int knownColumnAt(const BlockParseState &p, std::size_t position, const char *raw)
    {
        if (position >= p.keyAtPosition.size())
            return -1;
        const BlockParseState::KnownKey &known = p.keyAtPosition[position];
        if (!known.plain)
            return -1;
        const int last = known.words - 1;
        std::uint64_t word = 0;
        for (int i = 0; i < last; ++i) {
            std::memcpy(&word, raw + 8 * i, 8);
            if (word != known.text[i])
                return -1;
        }
        std::memcpy(&word, raw + 8 * last, 8);
        return (word & known.lastMask) == known.text[last] ? known.column : -1;
    }

    static BlockParseState::KnownKey knownKey(std::string_view key, int column)
    {
        BlockParseState::KnownKey known;
        known.column = column;
        known.plain = key.size() < simdjson::SIMDJSON_PADDING
            && std::all_of(key.begin(), key.end(), [](char c) {
                          return static_cast<unsigned char>(c) >= 0x20 && c != '"' && c != '\\';
                      });
        if (!known.plain)
            return known;
        const std::size_t size = key.size() + 1; // and the closing quote
        char bytes[sizeof known.text] = {};
        std::memcpy(bytes, key.data(), key.size());
        bytes[key.size()] = '"';
        std::memcpy(known.text, bytes, sizeof bytes);
        known.words = int((size + 7) / 8);
        unsigned char mask[8] = {};
        std::memset(mask, 0xff, size - 8 * std::size_t(known.words - 1));
        std::memcpy(&known.lastMask, mask, sizeof mask); // whatever the byte order
        return known;
    }

    static int columnAt(BlockParseState &p, std::size_t position, std::string_view key)
    {
        bool isNew = false;
        const int column = p.columns.find(key, &isNew);
        if (isNew) {
            p.wanted.push_back(p.sink && p.sink->wantsColumn(p.columns, column));
            p.values.emplace_back();
            p.stamps.push_back(0);
        }
        if (position >= p.keyAtPosition.size())
            p.keyAtPosition.resize(position + 1);
        p.keyAtPosition[position] = knownKey(key, column);
        return column;
    }

    // Strings unescaped, numbers and booleans as written, objects and arrays as raw JSON;
    // null is absent.
    static simdjson::error_code valueText(ondemand::value value, std::string_view *text,
                                          bool *present)
    {
        ondemand::json_type type;
        if (simdjson::error_code error = value.type().get(type))
            return error;
        switch (type) {
        case ondemand::json_type::string:
            return value.get_string().get(*text);
        case ondemand::json_type::number:
        case ondemand::json_type::boolean:
            *text = trimmedEnd(value.raw_json_token());
            return simdjson::SUCCESS;
        case ondemand::json_type::null:
            *present = false;
            return simdjson::SUCCESS;
        case ondemand::json_type::object: {
            ondemand::object nested;
            if (simdjson::error_code error = value.get_object().get(nested))
                return error;
            return nested.raw_json().get(*text);
        }
        case ondemand::json_type::array: {
            ondemand::array nested;
            if (simdjson::error_code error = value.get_array().get(nested))
                return error;
            return nested.raw_json().get(*text);
        }
        }
        return simdjson::INCORRECT_TYPE;
    }

    ondemand::parser m_parser;
};

} // namespace
