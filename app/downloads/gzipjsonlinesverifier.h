#pragma once

#include <QByteArray>
#include <QString>

#include <atomic>
#include <memory>

class QIODevice;

// What a verification found: a file either holds gzip JSON lines or it does not.
struct JsonLinesReport
{
    bool ok = false;
    QString error; // why not, for the analyst, e.g. "line 12 is not a JSON object"
    qint64 compressedBytes = 0;
    qint64 uncompressedBytes = 0;
    qint64 lines = 0; // non-empty lines, each a JSON object
    int gzipMembers = 0;
};

// Inflates gzip (one member or several concatenated, as `cat a.gz b.gz` makes) as it
// arrives, splits the text into lines and checks that each non-empty line is a JSON
// object. Memory stays bounded by one line, so a 200 MB file costs what its longest line
// does. Optionally writes the inflated text to a device.
class GzipJsonLinesVerifier
{
public:
    // A single line longer than this is refused rather than buffered without bound.
    static constexpr qint64 MaxLineBytes = 16 * 1024 * 1024;

    explicit GzipJsonLinesVerifier(QIODevice *inflatedOutput = nullptr);
    ~GzipJsonLinesVerifier();
    GzipJsonLinesVerifier(const GzipJsonLinesVerifier &) = delete;
    GzipJsonLinesVerifier &operator=(const GzipJsonLinesVerifier &) = delete;

    // Feeds the next compressed bytes. Returns false once the data is known to be bad;
    // report().error then says why, and further input is ignored.
    bool addData(const char *data, qint64 size);
    // No more input: checks the stream ended cleanly and the last line. Returns report().ok.
    bool finish();

    const JsonLinesReport &report() const { return m_report; }

private:
    bool fail(const QString &error);
    bool consumeInflated(const char *data, qint64 size);
    bool checkLine(const char *data, qint64 size);

    struct Inflater;
    std::unique_ptr<Inflater> m_inflater;
    QIODevice *m_output;
    QByteArray m_partialLine;
    QByteArray m_outBuffer;
    JsonLinesReport m_report;
    bool m_failed = false;
    bool m_betweenMembers = true; // no member started yet, or the last one ended
};

// Verifies a whole file, optionally writing the inflated text to `inflatedPath`. Blocking:
// meant for a worker thread. Stops early with an error when `cancelled` becomes true.
JsonLinesReport verifyGzipJsonLinesFile(const QString &path, const QString &inflatedPath = {},
                                        const std::atomic_bool *cancelled = nullptr);
