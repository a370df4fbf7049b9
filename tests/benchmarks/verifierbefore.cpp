#include "verifierbefore.h"

#include <QByteArray>
#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cstring>

#include <zlib.h>

namespace VerifierBefore {
namespace {

constexpr int ChunkSize = 256 * 1024;
constexpr qint64 MaxLineBytes = qint64(16) << 20;

class Verifier
{
public:
    Verifier()
        : m_out(ChunkSize, Qt::Uninitialized)
    {
        // 16 + MAX_WBITS: gzip framing only; zlib checks each member's CRC-32 and length.
        m_ready = inflateInit2(&m_stream, 16 + MAX_WBITS) == Z_OK;
        if (!m_ready)
            m_error = QStringLiteral("the decompressor could not be started");
    }
    ~Verifier()
    {
        if (m_ready)
            inflateEnd(&m_stream);
    }
    Verifier(const Verifier &) = delete;
    Verifier &operator=(const Verifier &) = delete;

    bool addData(const char *data, qint64 size)
    {
        if (!m_error.isEmpty())
            return false;
        m_stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data));
        m_stream.avail_in = uInt(size);
        bool outputWasFull = false;
        while (m_stream.avail_in > 0 || outputWasFull) {
            if (m_betweenMembers) {
                if (m_stream.avail_in == 0)
                    break;
                if (m_members > 0 && m_stream.next_in[0] != 0x1f)
                    return fail(QStringLiteral("unexpected data after the end of the gzip stream"));
                if (m_members > 0)
                    inflateReset(&m_stream);
                m_betweenMembers = false;
                ++m_members;
            }
            m_stream.next_out = reinterpret_cast<Bytef *>(m_out.data());
            m_stream.avail_out = uInt(m_out.size());
            const int result = inflate(&m_stream, Z_NO_FLUSH);
            const qint64 produced = m_out.size() - m_stream.avail_out;
            if (result == Z_DATA_ERROR || result == Z_NEED_DICT || result == Z_MEM_ERROR
                || result == Z_STREAM_ERROR)
                return fail(QStringLiteral("not a valid gzip file (zlib error %1)").arg(result));
            if (produced > 0 && !consumeInflated(m_out.constData(), produced))
                return false;
            outputWasFull = m_stream.avail_out == 0;
            if (result == Z_STREAM_END) {
                m_betweenMembers = true;
                outputWasFull = false;
            } else if (result == Z_BUF_ERROR && produced == 0) {
                break;
            }
        }
        return true;
    }

    bool finish()
    {
        if (!m_error.isEmpty())
            return false;
        if (!m_betweenMembers)
            return fail(QStringLiteral("the file ends in the middle of the gzip stream"));
        if (!m_partialLine.isEmpty()) {
            const QByteArray last = std::exchange(m_partialLine, {});
            return checkLine(last.constData(), last.size());
        }
        return true;
    }

    qint64 inflated() const { return m_inflated; }
    QString error() const { return m_error; }

private:
    bool fail(const QString &error)
    {
        if (m_error.isEmpty())
            m_error = error;
        return false;
    }

    bool consumeInflated(const char *data, qint64 size)
    {
        m_inflated += size;
        qint64 start = 0;
        while (start < size) {
            const char *newline
                = static_cast<const char *>(std::memchr(data + start, '\n', size - start));
            if (!newline) {
                if (m_partialLine.size() + (size - start) > MaxLineBytes)
                    return fail(QStringLiteral("line %1 is too long").arg(m_lines + 1));
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

    bool checkLine(const char *data, qint64 size)
    {
        if (size > 0 && data[size - 1] == '\r')
            --size;
        bool blank = true;
        for (qint64 i = 0; i < size && blank; ++i)
            blank = data[i] == ' ' || data[i] == '\t';
        if (blank)
            return true;
        QJsonParseError error;
        const QJsonDocument document
            = QJsonDocument::fromJson(QByteArray::fromRawData(data, int(size)), &error);
        if (error.error != QJsonParseError::NoError)
            return fail(QStringLiteral("line %1 is not valid JSON (%2)")
                            .arg(m_lines + 1)
                            .arg(error.errorString()));
        if (!document.isObject())
            return fail(QStringLiteral("line %1 is JSON but not an object").arg(m_lines + 1));
        ++m_lines;
        return true;
    }

    z_stream m_stream {};
    bool m_ready = false;
    QByteArray m_out;
    QByteArray m_partialLine;
    QString m_error;
    qint64 m_inflated = 0;
    qint64 m_lines = 0;
    int m_members = 0;
    bool m_betweenMembers = true;
};

} // namespace

qint64 verify(const QString &path, QString *error)
{
    QFile input(path);
    if (!input.open(QIODevice::ReadOnly)) {
        *error = input.errorString();
        return -1;
    }
    Verifier verifier;
    QByteArray chunk(ChunkSize, Qt::Uninitialized);
    for (;;) {
        const qint64 read = input.read(chunk.data(), chunk.size());
        if (read < 0) {
            *error = input.errorString();
            return -1;
        }
        if (read == 0)
            break;
        if (!verifier.addData(chunk.constData(), read))
            break;
    }
    if (!verifier.finish()) {
        *error = verifier.error();
        return -1;
    }
    return verifier.inflated();
}

} // namespace VerifierBefore
