#include "app/data/exportfiles.h"

#include "app/data/summaryaccumulator.h"
#include "app/data/tablerowsink.h"

#include <QDir>
#include <QFileInfo>
#include <QMutex>
#include <QThread>

#include <algorithm>
#include <memory>
#include <numeric>
#include <thread>
#include <vector>

namespace ExportFiles {

QStringList inFolder(const QString &folder, QString *error)
{
    const QDir dir(folder);
    if (!dir.exists()) {
        *error = QStringLiteral("%1 is not a folder").arg(QDir::toNativeSeparators(folder));
        return {};
    }
    QStringList paths;
    const QFileInfoList entries
        = dir.entryInfoList({QStringLiteral("*.gz")}, QDir::Files | QDir::System, QDir::Name);
    for (const QFileInfo &entry : entries) {
        if (!entry.isSymLink() && entry.isFile())
            paths.append(entry.absoluteFilePath());
    }
    if (paths.isEmpty())
        *error = QStringLiteral("%1 holds no export files (*.gz)")
                     .arg(QDir::toNativeSeparators(folder));
    return paths;
}

qint64 totalSize(const QStringList &paths)
{
    qint64 total = 0;
    for (const QString &path : paths)
        total += QFileInfo(path).size();
    return total;
}

DataSummary summarize(const QStringList &paths, const ScanOptions &options, int threads)
{
    if (threads <= 0)
        threads = QThread::idealThreadCount();
    threads = qBound(1, threads, qMax(1, int(paths.size())));
    // Largest files first: a worker that takes a large file last would leave the others
    // idle while it finishes. Totals are exact sums, so the order changes no figure.
    std::vector<int> order(std::size_t(paths.size()));
    std::iota(order.begin(), order.end(), 0);
    if (threads > 1) {
        std::vector<qint64> sizes;
        for (const QString &path : paths)
            sizes.push_back(QFileInfo(path).size());
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
            return sizes[std::size_t(a)] > sizes[std::size_t(b)];
        });
    }
    std::atomic<int> next {0};
    std::vector<std::unique_ptr<SummaryAccumulator>> workers;
    for (int i = 0; i < threads; ++i)
        workers.push_back(std::make_unique<SummaryAccumulator>());
    QMutex problemsLock;
    QList<std::pair<int, FileProblem>> problems;

    const auto work = [&](SummaryAccumulator *total) {
        for (int taken = next++; taken < paths.size(); taken = next++) {
            const int index = order[std::size_t(taken)];
            const QString path = paths.at(index);
            const QString name = QFileInfo(path).fileName();
            // Per file, so that a file failing halfway leaves no rows in the figures.
            SummaryAccumulator file;
            file.beginFile(name);
            ColumnRegistry columns;
            const ScanReport report = scanFile(path, &file, options, nullptr, &columns);
            file.endFile(columns, report.compressedBytes, report.uncompressedBytes, report.ok);
            if (report.ok) {
                total->mergeFrom(file);
            } else if (report.outcome != ScanReport::Outcome::Cancelled) {
                const QMutexLocker locker(&problemsLock);
                problems.append({index, {name, report.error}});
            }
        }
    };
    std::vector<std::thread> running;
    for (int i = 1; i < threads; ++i)
        running.emplace_back(work, workers[std::size_t(i)].get());
    work(workers[0].get());
    for (std::thread &thread : running)
        thread.join();
    for (int i = 1; i < threads; ++i)
        workers[0]->mergeFrom(*workers[std::size_t(i)]);

    std::sort(problems.begin(), problems.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<FileProblem> ordered;
    for (const auto &problem : problems)
        ordered.append(problem.second);
    return workers[0]->result(ordered);
}

namespace {

class PreviewSink : public TableRowSink
{
public:
    PreviewSink(const QStringList &columns, int rows, std::atomic_bool *stop)
        : TableRowSink(columns)
        , m_limit(rows)
        , m_stop(stop)
    { }

    void row(const Cells &cells) override
    {
        if (m_rows.size() >= m_limit)
            return;
        QStringList texts;
        texts.reserve(int(cells.size()));
        for (const std::string_view cell : cells)
            texts.append(QString::fromUtf8(cell.data(), int(cell.size())));
        m_rows.append(texts);
        if (m_rows.size() >= m_limit)
            m_stop->store(true);
    }

    QList<QStringList> m_rows;

private:
    int m_limit;
    std::atomic_bool *m_stop;
};

} // namespace

QList<QStringList> preview(const QStringList &paths, const QStringList &columns, int rows,
                           const ScanOptions &options)
{
    std::atomic_bool enough {false};
    PreviewSink sink(columns, rows, &enough);
    ScanOptions own = options;
    own.cancelled = &enough;
    own.progress = nullptr;
    for (const QString &path : paths) {
        if (enough || (options.cancelled && options.cancelled->load()))
            break;
        scanFile(path, &sink, own);
    }
    return sink.m_rows;
}

} // namespace ExportFiles
