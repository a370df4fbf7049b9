#include "app/downloads/gzipjsonlinesverifier.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>

#include <zlib.h>

namespace {
constexpr int ChunkSize = 256 * 1024;
}

struct GzipJsonLinesVerifier::Inflater
{
    z_stream stream {};
    bool initialised = false;
};

GzipJsonLinesVerifier::GzipJsonLinesVerifier(QIODevice *inflatedOutput)
    : m_inflater(std::make_unique<Inflater>())
    , m_output(inflatedOutput)
{
    m_outBuffer.resize(ChunkSize);
    // 16 + MAX_WBITS: gzip framing only, so a raw zlib stream is refused, and zlib checks
    // each member's CRC-32 and length itself.
    if (inflateInit2(&m_inflater->stream, 16 + MAX_WBITS) == Z_OK)
        m_inflater->initialised = true;
    else
        fail(QStringLiteral("the decompressor could not be started (out of memory?)"));
}

GzipJsonLinesVerifier::~GzipJsonLinesVerifier()
{
    if (m_inflater->initialised)
        inflateEnd(&m_inflater->stream);
}

bool GzipJsonLinesVerifier::fail(const QString &error)
{
    if (!m_failed) {
        m_failed = true;
        m_report.ok = false;
        m_report.error = error;
    }
    return false;
}

bool GzipJsonLinesVerifier::addData(const char *data, qint64 size)
{
    if (m_failed)
        return false;
    z_stream &stream = m_inflater->stream;
    qint64 offset = 0;
    while (offset < size) {
        const qint64 take = qMin<qint64>(size - offset, 1 << 30);
        stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data + offset));
        stream.avail_in = uInt(take);
        bool outputWasFull = false;
        // Keep going while input remains, and also after a call that filled the output
        // buffer: zlib may hold more inflated bytes that need no further input.
        while (stream.avail_in > 0 || outputWasFull) {
            if (m_betweenMembers) {
                if (stream.avail_in == 0)
                    break;
                // Another member follows only if it starts with the gzip magic; anything
                // else after a complete member is not part of a gzip file.
                const qint64 position
                    = m_report.compressedBytes + offset + (take - stream.avail_in);
                if (m_report.gzipMembers > 0 && stream.next_in[0] != 0x1f)
                    return fail(QStringLiteral("unexpected data after the end of the gzip "
                                               "stream, at compressed byte %1")
                                    .arg(position));
                if (m_report.gzipMembers > 0)
                    inflateReset(&stream);
                m_betweenMembers = false;
                ++m_report.gzipMembers;
            }
            stream.next_out = reinterpret_cast<Bytef *>(m_outBuffer.data());
            stream.avail_out = uInt(m_outBuffer.size());
            const int result = inflate(&stream, Z_NO_FLUSH);
            const qint64 produced = m_outBuffer.size() - stream.avail_out;
            if (result == Z_DATA_ERROR || result == Z_NEED_DICT || result == Z_MEM_ERROR
                || result == Z_STREAM_ERROR) {
                const QString reason = stream.msg ? QString::fromLatin1(stream.msg)
                                                  : QStringLiteral("zlib error %1").arg(result);
                return fail(QStringLiteral("not a valid gzip file (%1) near compressed byte %2")
                                .arg(reason)
                                .arg(m_report.compressedBytes + offset + (take - stream.avail_in)));
            }
            if (produced > 0 && !consumeInflated(m_outBuffer.constData(), produced))
                return false;
            outputWasFull = stream.avail_out == 0;
            if (result == Z_STREAM_END) {
                m_betweenMembers = true;
                outputWasFull = false;
            } else if (result == Z_BUF_ERROR && produced == 0) {
                break; // zlib wants more input than this chunk has
            }
        }
        offset += take;
    }
    m_report.compressedBytes += size;
    return true;
}

bool GzipJsonLinesVerifier::consumeInflated(const char *data, qint64 size)
{
    m_report.uncompressedBytes += size;
    if (m_output && m_output->write(data, size) != size)
        return fail(QStringLiteral("could not write the decompressed copy: %1")
                        .arg(m_output->errorString()));
    qint64 start = 0;
    while (start < size) {
        const char *newline = static_cast<const char *>(memchr(data + start, '\n', size - start));
        if (!newline) {
            if (m_partialLine.size() + (size - start) > MaxLineBytes)
                return fail(QStringLiteral("line %1 is longer than %2 MiB")
                                .arg(m_report.lines + 1)
                                .arg(MaxLineBytes / (1024 * 1024)));
            m_partialLine.append(data + start, size - start);
            return true;
        }
        const qint64 end = newline - data;
        bool lineOk;
        if (m_partialLine.isEmpty()) {
            lineOk = checkLine(data + start, end - start);
        } else {
            m_partialLine.append(data + start, end - start);
            lineOk = checkLine(m_partialLine.constData(), m_partialLine.size());
            m_partialLine.clear();
        }
        if (!lineOk)
            return false;
        start = end + 1;
    }
    return true;
}

bool GzipJsonLinesVerifier::checkLine(const char *data, qint64 size)
{
    if (size > 0 && data[size - 1] == '\r')
        --size;
    bool blank = true;
    for (qint64 i = 0; i < size && blank; ++i)
        blank = data[i] == ' ' || data[i] == '\t';
    if (blank)
        return true;
    if (size > MaxLineBytes)
        return fail(QStringLiteral("line %1 is longer than %2 MiB")
                        .arg(m_report.lines + 1)
                        .arg(MaxLineBytes / (1024 * 1024)));
    QJsonParseError error;
    const QJsonDocument document
        = QJsonDocument::fromJson(QByteArray::fromRawData(data, int(size)), &error);
    if (error.error != QJsonParseError::NoError)
        return fail(QStringLiteral("line %1 is not valid JSON (%2 at column %3)")
                        .arg(m_report.lines + 1)
                        .arg(error.errorString())
                        .arg(error.offset + 1));
    if (!document.isObject())
        return fail(QStringLiteral("line %1 is JSON but not an object").arg(m_report.lines + 1));
    ++m_report.lines;
    return true;
}

bool GzipJsonLinesVerifier::finish()
{
    if (m_failed)
        return false;
    if (m_report.compressedBytes == 0)
        return fail(QStringLiteral("the file is empty"));
    if (!m_betweenMembers)
        return fail(QStringLiteral("the file ends in the middle of the gzip stream "
                                   "(truncated after %1 compressed bytes)")
                        .arg(m_report.compressedBytes));
    if (!m_partialLine.isEmpty()) {
        // The last line need not end with a newline.
        const QByteArray last = std::exchange(m_partialLine, {});
        if (!checkLine(last.constData(), last.size()))
            return false;
    }
    m_report.ok = true;
    return true;
}

JsonLinesReport verifyGzipJsonLinesFile(const QString &path, const QString &inflatedPath,
                                        const std::atomic_bool *cancelled)
{
    QFile input(path);
    if (!input.open(QIODevice::ReadOnly)) {
        JsonLinesReport report;
        report.error = QStringLiteral("could not open %1: %2").arg(path, input.errorString());
        return report;
    }
    // QSaveFile: a half-written copy never takes the final name.
    QSaveFile output(inflatedPath);
    if (!inflatedPath.isEmpty() && !output.open(QIODevice::WriteOnly)) {
        JsonLinesReport report;
        report.error
            = QStringLiteral("could not create %1: %2").arg(inflatedPath, output.errorString());
        return report;
    }
    GzipJsonLinesVerifier verifier(inflatedPath.isEmpty() ? nullptr : &output);
    QByteArray chunk(ChunkSize, Qt::Uninitialized);
    for (;;) {
        if (cancelled && cancelled->load()) {
            JsonLinesReport report = verifier.report();
            report.ok = false;
            report.error = QStringLiteral("verification was cancelled");
            return report;
        }
        const qint64 read = input.read(chunk.data(), chunk.size());
        if (read < 0) {
            JsonLinesReport report = verifier.report();
            report.ok = false;
            report.error = QStringLiteral("could not read %1: %2").arg(path, input.errorString());
            return report;
        }
        if (read == 0)
            break;
        if (!verifier.addData(chunk.constData(), read))
            return verifier.report();
    }
    if (!verifier.finish())
        return verifier.report();
    if (!inflatedPath.isEmpty() && !output.commit()) {
        JsonLinesReport report = verifier.report();
        report.ok = false;
        report.error
            = QStringLiteral("could not write %1: %2").arg(inflatedPath, output.errorString());
        return report;
    }
    return verifier.report();
}
