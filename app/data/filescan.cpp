#include "app/data/filescan.h"

#include "app/data/jsonlinesscanner.h"

#include <QFile>

#include <memory>

namespace {
constexpr qint64 ReadBytes = 1 << 20;
}

ScanReport scanFile(const QString &path, RecordSink *sink, const ScanOptions &options,
                    QIODevice *inflatedCopy, ColumnRegistry *columns)
{
    QFile input(path);
    if (!input.open(QIODevice::ReadOnly)) {
        ScanReport report;
        report.outcome = ScanReport::Outcome::Unreadable;
        report.error = QStringLiteral("could not open %1: %2").arg(path, input.errorString());
        return report;
    }
    JsonLinesScanner scanner(sink, options.limits, inflatedCopy, options.cancelled);
    std::unique_ptr<char[]> chunk(new char[ReadBytes]);
    for (;;) {
        if (options.cancelled && options.cancelled->load(std::memory_order_relaxed)) {
            ScanReport report = scanner.report();
            report.ok = false;
            report.outcome = ScanReport::Outcome::Cancelled;
            report.error = QStringLiteral("cancelled");
            return report;
        }
        const qint64 read = input.read(chunk.get(), ReadBytes);
        if (read < 0) {
            ScanReport report = scanner.report();
            report.ok = false;
            report.outcome = ScanReport::Outcome::Unreadable;
            report.error = QStringLiteral("could not read %1: %2").arg(path, input.errorString());
            return report;
        }
        if (read == 0)
            break;
        if (options.progress)
            options.progress->fetch_add(read, std::memory_order_relaxed);
        if (!scanner.addData(chunk.get(), read))
            break;
    }
    scanner.finish();
    if (columns)
        *columns = scanner.columns();
    return scanner.report();
}

qint64 gzipStatedSize(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() < 18 || !file.seek(file.size() - 4))
        return -1;
    const QByteArray tail = file.read(4);
    if (tail.size() != 4)
        return -1;
    quint32 size = 0;
    for (int i = 3; i >= 0; --i)
        size = (size << 8) | quint8(tail.at(i));
    return size;
}
