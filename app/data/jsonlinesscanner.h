#pragma once

#include "app/data/recordsink.h"
#include "app/data/scanreport.h"

#include <atomic>
#include <memory>

class QIODevice;

// THE ONE PASS over an export file, shared by the download verification, the summary, the
// preview and every conversion. Compressed bytes go in as they arrive; ISA-L (igzip)
// inflates them (one gzip member or several concatenated) straight into a block of a
// quarter megabyte; each block's complete lines go to simdjson's iterate_many, and every
// record to the sink with the values it asked for. Memory is the block, the longest line and the
// parser: flat whatever the file's size.
//
// Valid input: multi-member gzip, CRLF line ends, blank lines, a UTF-8 byte order mark,
// no newline after the last line, lines up to ScanLimits::MaxLineBytes. A truncated
// stream, a bad checksum, data after the last member, a line that is not a JSON object,
// and a file without records are errors. A file that inflates beyond the limits is
// refused as a likely decompression bomb, at the moment it crosses them. Cancelling takes
// effect after at most one megabyte of inflating or parsing.
class JsonLinesScanner
{
public:
    // `sink` may be null (verification only). `inflatedCopy`, when set, receives the
    // inflated bytes. `cancelled` is polled between blocks.
    explicit JsonLinesScanner(RecordSink *sink, const ScanLimits &limits = {},
                              QIODevice *inflatedCopy = nullptr,
                              const std::atomic_bool *cancelled = nullptr);
    ~JsonLinesScanner();
    JsonLinesScanner(const JsonLinesScanner &) = delete;
    JsonLinesScanner &operator=(const JsonLinesScanner &) = delete;

    // Feeds the next compressed bytes. Returns false once the data is known to be bad (or
    // the scan was cancelled); report() then says why and further input is ignored.
    bool addData(const char *data, qint64 size);
    // No more input: checks that the stream ended cleanly and parses the last line.
    bool finish();

    const ScanReport &report() const { return m_report; }
    const ColumnRegistry &columns() const;
    // The instruction set simdjson parses with here ("haswell", "fallback").
    const char *instructionSet() const;
    // Compressed bytes consumed so far, for progress.
    qint64 compressedBytes() const { return m_report.compressedBytes; }

private:
    struct Parser;

    bool fail(ScanReport::Outcome outcome, const QString &error);
    bool failLongLine();
    bool inflateInput(const char *data, qint64 size);
    bool afterInflating(qint64 produced, qint64 compressedPosition);
    bool makeRoom();
    bool parseCompleteLines(bool final);
    bool parseBlock(const char *data, std::size_t size);
    void explainBadBlock(const char *data, std::size_t size, const char *parserError);

    RecordSink *m_sink;
    ScanLimits m_limits;
    QIODevice *m_copy;
    const std::atomic_bool *m_cancelled;
    std::unique_ptr<Parser> m_parser;
    ScanReport m_report;

    std::unique_ptr<char[]> m_block;
    std::size_t m_capacity = 0;
    std::size_t m_used = 0;
    qint64 m_linesBefore = 0; // newlines in the blocks already parsed
    bool m_atStart = true; // nothing parsed yet: a byte order mark may come
    bool m_failed = false;
    bool m_betweenMembers = true;
};
