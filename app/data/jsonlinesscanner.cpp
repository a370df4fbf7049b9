#include "app/data/jsonlinesscanner.h"

#include "app/data/jsonblockparser.h"

#include <QIODevice>
#include <QLocale>

#include <isa-l/igzip_lib.h>
#include <simdjson.h>

#include <algorithm>
#include <cstring>

namespace {

// Complete lines are parsed once the block holds this much. A quarter megabyte, with its
// structural index, stays in the core's L2 cache from inflating through both parsing
// stages; a megabyte did not, and the summary took 10-15% longer.
constexpr std::size_t BlockBytes = 1 << 18;
// Each inflate call writes at most this much, so cancelling waits for one call at most.
constexpr std::size_t InflateStep = 1 << 18;
constexpr std::size_t Padding = simdjson::SIMDJSON_PADDING;

QString sizeText(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString isalError(int code)
{
    switch (code) {
    case ISAL_INVALID_BLOCK:
        return QStringLiteral("invalid deflate block");
    case ISAL_INVALID_SYMBOL:
        return QStringLiteral("invalid deflate symbol");
    case ISAL_INVALID_LOOKBACK:
        return QStringLiteral("invalid distance too far back");
    case ISAL_INVALID_WRAPPER:
        return QStringLiteral("incorrect gzip header");
    case ISAL_UNSUPPORTED_METHOD:
        return QStringLiteral("unsupported compression method");
    case ISAL_INCORRECT_CHECKSUM:
        return QStringLiteral("incorrect data check");
    case ISAL_NEED_DICT:
        return QStringLiteral("needs a preset dictionary");
    default:
        return QStringLiteral("igzip error %1").arg(code);
    }
}

// memchr is vectorised in libc; std::count over bytes is not, and cost a quarter of a scan.
qint64 countNewlines(const char *begin, const char *end)
{
    qint64 count = 0;
    while (const void *newline = std::memchr(begin, '\n', std::size_t(end - begin))) {
        ++count;
        begin = static_cast<const char *>(newline) + 1;
    }
    return count;
}

std::string_view trimmedEnd(std::string_view text)
{
    while (!text.empty()
           && (text.back() == ' ' || text.back() == '\n' || text.back() == '\r'
               || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

} // namespace

struct JsonLinesScanner::Parser
{
    inflate_state inflater;
    std::unique_ptr<JsonBlockParser> block = makeJsonBlockParser();
    BlockParseState state;
    std::unique_ptr<simdjson::dom::parser> strict; // only to explain a bad block
};

JsonLinesScanner::JsonLinesScanner(RecordSink *sink, const ScanLimits &limits,
                                   QIODevice *inflatedCopy, const std::atomic_bool *cancelled)
    : m_sink(sink)
    , m_limits(limits)
    , m_copy(inflatedCopy)
    , m_cancelled(cancelled)
    , m_parser(std::make_unique<Parser>())
{
    m_capacity = 2 * BlockBytes;
    m_block.reset(new char[m_capacity + Padding]);
    isal_inflate_init(&m_parser->inflater);
    m_parser->state.sink = sink;
}

JsonLinesScanner::~JsonLinesScanner() = default;

const ColumnRegistry &JsonLinesScanner::columns() const
{
    return m_parser->state.columns;
}

const char *JsonLinesScanner::instructionSet() const
{
    return m_parser->block->instructionSet();
}

bool JsonLinesScanner::fail(ScanReport::Outcome outcome, const QString &error)
{
    if (!m_failed) {
        m_failed = true;
        m_report.ok = false;
        m_report.outcome = outcome;
        m_report.error = error;
    }
    return false;
}

bool JsonLinesScanner::failLongLine()
{
    return fail(ScanReport::Outcome::Corrupt,
                QStringLiteral("line %1 is longer than %2 MiB")
                    .arg(m_linesBefore + 1)
                    .arg(ScanLimits::MaxLineBytes >> 20));
}

bool JsonLinesScanner::addData(const char *data, qint64 size)
{
    if (m_failed)
        return false;
    qint64 offset = 0;
    while (offset < size) {
        const qint64 take = qMin<qint64>(size - offset, 1 << 30);
        if (!inflateInput(data + offset, take))
            return false;
        offset += take;
        m_report.compressedBytes += take;
    }
    return true;
}

bool JsonLinesScanner::inflateInput(const char *data, qint64 size)
{
    inflate_state &state = m_parser->inflater;
    state.next_in = reinterpret_cast<uint8_t *>(const_cast<char *>(data));
    state.avail_in = uint32_t(size);
    for (;;) {
        const qint64 position = m_report.compressedBytes + (size - state.avail_in);
        if (m_betweenMembers) {
            if (state.avail_in == 0)
                return true;
            // Another member follows only if it starts with the gzip magic; anything else
            // after a complete member is not part of a gzip file.
            if (state.next_in[0] != 0x1f)
                return fail(ScanReport::Outcome::Corrupt,
                            m_report.gzipMembers == 0
                                ? QStringLiteral("not a valid gzip file (incorrect header check)")
                                : QStringLiteral("unexpected data after the end of the gzip "
                                                 "stream, at compressed byte %1")
                                      .arg(position));
            isal_inflate_reset(&state);
            state.crc_flag = ISAL_GZIP;
            m_betweenMembers = false;
            ++m_report.gzipMembers;
        }
        if (!makeRoom())
            return false;
        state.next_out = reinterpret_cast<uint8_t *>(m_block.get() + m_used);
        state.avail_out = uint32_t(std::min(m_capacity - m_used, InflateStep));
        const uint32_t room = state.avail_out;
        const int result = isal_inflate(&state);
        const qint64 produced = room - state.avail_out;
        if (result < 0 || result == ISAL_NEED_DICT)
            return fail(ScanReport::Outcome::Corrupt,
                        QStringLiteral("not a valid gzip file (%1) near compressed byte %2")
                            .arg(isalError(result))
                            .arg(m_report.compressedBytes + (size - state.avail_in)));
        if (produced > 0
            && !afterInflating(produced, m_report.compressedBytes + (size - state.avail_in)))
            return false;
        if (state.block_state == ISAL_BLOCK_FINISH) {
            m_betweenMembers = true;
            continue;
        }
        if (state.avail_in == 0 && produced == 0)
            return true; // everything buffered is out; the member continues in the next input
    }
}

bool JsonLinesScanner::makeRoom()
{
    if (m_capacity - m_used >= InflateStep / 4)
        return true;
    if (!parseCompleteLines(false))
        return false;
    if (m_capacity - m_used >= InflateStep / 4)
        return true;
    // One line fills the block: grow it, up to the longest line allowed.
    if (qint64(m_used) > ScanLimits::MaxLineBytes)
        return failLongLine();
    const std::size_t capacity = m_capacity * 2;
    std::unique_ptr<char[]> bigger(new char[capacity + Padding]);
    std::memcpy(bigger.get(), m_block.get(), m_used);
    m_block = std::move(bigger);
    m_capacity = capacity;
    return true;
}

bool JsonLinesScanner::afterInflating(qint64 produced, qint64 compressedPosition)
{
    const char *start = m_block.get() + m_used;
    m_used += std::size_t(produced);
    m_report.uncompressedBytes += produced;
    if (m_copy && m_copy->write(start, produced) != produced)
        return fail(
            ScanReport::Outcome::Unreadable,
            QStringLiteral("could not write the decompressed copy: %1").arg(m_copy->errorString()));
    const qint64 inflated = m_report.uncompressedBytes;
    if (inflated > m_limits.maxInflatedBytes)
        return fail(ScanReport::Outcome::Refused,
                    QStringLiteral("refused: it inflates to more than %1, the limit per file "
                                   "(a decompression bomb?)")
                        .arg(sizeText(m_limits.maxInflatedBytes)));
    if (inflated > m_limits.ratioFloorBytes
        && double(inflated) > m_limits.maxRatio * double(qMax<qint64>(1, compressedPosition)))
        return fail(ScanReport::Outcome::Refused,
                    QStringLiteral("refused: %1 of compressed data inflated to %2, more than "
                                   "%3 times its size (a decompression bomb?)")
                        .arg(sizeText(compressedPosition), sizeText(inflated))
                        .arg(m_limits.maxRatio));
    if (m_cancelled && m_cancelled->load(std::memory_order_relaxed))
        return fail(ScanReport::Outcome::Cancelled, QStringLiteral("cancelled"));
    if (m_used >= BlockBytes)
        return parseCompleteLines(false);
    return true;
}

bool JsonLinesScanner::parseCompleteLines(bool final)
{
    std::size_t begin = 0;
    if (m_atStart && (m_used >= 3 || final)) {
        if (m_used >= 3 && std::memcmp(m_block.get(), "\xEF\xBB\xBF", 3) == 0)
            begin = 3;
        m_atStart = false;
    } else if (m_atStart) {
        return true;
    }
    std::size_t end = m_used;
    if (!final) {
        const void *last = memrchr(m_block.get() + begin, '\n', m_used - begin);
        if (!last) {
            if (begin > 0) {
                std::memmove(m_block.get(), m_block.get() + begin, m_used - begin);
                m_used -= begin;
            }
            if (qint64(m_used) > ScanLimits::MaxLineBytes)
                return failLongLine();
            return true;
        }
        end = std::size_t(static_cast<const char *>(last) - m_block.get()) + 1;
        // Only the line carried over from earlier blocks can have grown this long.
        const void *first = std::memchr(m_block.get() + begin, '\n', end - begin);
        if (static_cast<const char *>(first) - (m_block.get() + begin) > ScanLimits::MaxLineBytes)
            return failLongLine();
    }
    if (end > begin && !parseBlock(m_block.get() + begin, end - begin))
        return false;
    m_linesBefore += countNewlines(m_block.get() + begin, m_block.get() + end);
    std::memmove(m_block.get(), m_block.get() + end, m_used - end);
    m_used -= end;
    if (qint64(m_used) > ScanLimits::MaxLineBytes)
        return failLongLine();
    if (m_cancelled && m_cancelled->load(std::memory_order_relaxed))
        return fail(ScanReport::Outcome::Cancelled, QStringLiteral("cancelled"));
    return true;
}

bool JsonLinesScanner::parseBlock(const char *data, std::size_t size)
{
    BlockParseState &state = m_parser->state;
    const char *error = m_parser->block->parse(data, size, state);
    m_report.lines = state.records;
    if (!error)
        return true;
    explainBadBlock(data, size, error);
    return false;
}

void JsonLinesScanner::explainBadBlock(const char *data, std::size_t size, const char *parserError)
{
    // The fast path only knows the block is bad; a strict parse of each line says which.
    Parser &p = *m_parser;
    if (!p.strict)
        p.strict = std::make_unique<simdjson::dom::parser>();
    qint64 lineNumber = m_linesBefore;
    std::size_t start = 0;
    while (start < size) {
        const char *newline
            = static_cast<const char *>(std::memchr(data + start, '\n', size - start));
        const std::size_t end = newline ? std::size_t(newline - data) : size;
        ++lineNumber;
        const std::string_view line = trimmedEnd(std::string_view(data + start, end - start));
        start = end + 1;
        if (line.find_first_not_of(" \t") == std::string_view::npos)
            continue;
        const simdjson::padded_string padded(line);
        simdjson::dom::element element;
        const simdjson::error_code error = p.strict->parse(padded).get(element);
        if (error) {
            fail(ScanReport::Outcome::Corrupt,
                 QStringLiteral("line %1 is not valid JSON (%2)")
                     .arg(lineNumber)
                     .arg(QString::fromLatin1(simdjson::error_message(error))));
            return;
        }
        if (!element.is_object()) {
            fail(ScanReport::Outcome::Corrupt,
                 QStringLiteral("line %1 is JSON but not an object").arg(lineNumber));
            return;
        }
    }
    fail(ScanReport::Outcome::Corrupt,
         QStringLiteral("lines %1 to %2 are not JSON lines (%3)")
             .arg(m_linesBefore + 1)
             .arg(lineNumber)
             .arg(QString::fromLatin1(parserError)));
}

bool JsonLinesScanner::finish()
{
    if (m_failed)
        return false;
    if (m_report.compressedBytes == 0)
        return fail(ScanReport::Outcome::Empty, QStringLiteral("the file is empty"));
    if (!m_betweenMembers)
        return fail(ScanReport::Outcome::Corrupt,
                    QStringLiteral("the file ends in the middle of the gzip stream "
                                   "(truncated after %1 compressed bytes)")
                        .arg(m_report.compressedBytes));
    // The last line need not end with a newline.
    if (!parseCompleteLines(true))
        return false;
    if (m_report.lines == 0)
        return fail(ScanReport::Outcome::Empty,
                    QStringLiteral("the file holds no records (%1 once inflated)")
                        .arg(sizeText(m_report.uncompressedBytes)));
    m_report.ok = true;
    m_report.outcome = ScanReport::Outcome::Ok;
    return true;
}
