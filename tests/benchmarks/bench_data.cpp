// The data engine's one-pass summary on simulator blobs (at least 1 GB of inflated JSON by
// default), beside `gzip -dc > /dev/null` (inflating only) and a Python reader that parses
// one JSON object per line, on the same files. Prints throughput in MB/s of inflated JSON,
// the summary's peak memory (measured in a child process of its own, so that generating
// the blobs does not count), and how long a cancel takes to stop it.
//
//   bench_data [--inflated-mb 1100] [--files 4] [--dir DIR] [--no-python]
//
// The blobs are kept in DIR (default: bench-data/ beside this program) for the next run.

#include "app/data/exportfiles.h"
#include "app/simulator/blobgenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QThread>

#include <atomic>
#include <cstdio>
#include <sys/resource.h>

namespace {

double mbPerSecond(qint64 bytes, qint64 ms)
{
    return ms > 0 ? bytes / 1e6 / (ms / 1000.0) : 0;
}

// The files' inflated size: what the gzip trailers say (each blob is one member < 4 GiB).
qint64 inflatedSize(const QStringList &paths)
{
    qint64 total = 0;
    for (const QString &path : paths)
        total += gzipStatedSize(path);
    return total;
}

QStringList ensureBlobs(const QString &dir, int files, qint64 inflatedMb)
{
    QDir().mkpath(dir);
    QStringList paths;
    // Size mode repeats a 32 MiB segment; its compression ratio is measured on the first
    // file so that the others can be sized for the inflated total asked for.
    const qint64 wantedPerFile = inflatedMb * 1000 * 1000 / files;
    for (int i = 0; i < files; ++i) {
        const QString path = QDir(dir).filePath(QStringLiteral("usage-%1.json.gz").arg(i));
        if (QFileInfo(path).exists() && gzipStatedSize(path) >= wantedPerFile) {
            paths << path;
            continue;
        }
        const QByteArray sample = BlobGenerator::gzipJsonLines(quint64(i + 1), 2000, 0);
        const double ratio
            = double(BlobGenerator::jsonLines(quint64(i + 1), 2000).size()) / double(sample.size());
        const QByteArray blob = BlobGenerator::gzipJsonLines(
            quint64(i + 1), 0, qint64(double(wantedPerFile) / ratio * 1.02));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(blob) != blob.size())
            return {};
        paths << path;
    }
    return paths;
}

// Runs one summary and prints "<ms> <peak RSS kB>" for the parent.
int summarizeOnly(const QStringList &paths, int threads)
{
    QElapsedTimer timer;
    timer.start();
    const DataSummary summary = ExportFiles::summarize(paths, {}, threads);
    const qint64 ms = timer.elapsed();
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("%lld %ld %lld\n", (long long)ms, usage.ru_maxrss, (long long)summary.rows);
    return summary.problems.isEmpty() ? 0 : 1;
}

struct ChildRun
{
    qint64 ms = -1;
    qint64 peakKb = -1;
    qint64 rows = -1;
};

ChildRun runChild(const QStringList &paths, int threads)
{
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(),
                QStringList {QStringLiteral("--summarize-only"), QString::number(threads)} + paths);
    child.waitForFinished(-1);
    const QList<QByteArray> parts = child.readAllStandardOutput().trimmed().split(' ');
    ChildRun run;
    if (parts.size() == 3) {
        run.ms = parts.at(0).toLongLong();
        run.peakKb = parts.at(1).toLongLong();
        run.rows = parts.at(2).toLongLong();
    }
    return run;
}

qint64 timeProcess(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForFinished(-1) || process.exitCode() != 0)
        return -1;
    return timer.elapsed();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.value(1) == QLatin1String("--summarize-only"))
        return summarizeOnly(arguments.mid(3), arguments.value(2).toInt());

    QCommandLineParser parser;
    parser.addOptions({
        {QStringLiteral("inflated-mb"), QStringLiteral("Inflated JSON in total, MB."),
         QStringLiteral("mb"), QStringLiteral("1100")},
        {QStringLiteral("files"), QStringLiteral("Blobs."), QStringLiteral("n"),
         QStringLiteral("4")},
        {QStringLiteral("dir"), QStringLiteral("Where the blobs are kept."), QStringLiteral("dir"),
         QDir(app.applicationDirPath()).filePath(QStringLiteral("bench-data"))},
        {QStringLiteral("no-python"), QStringLiteral("Skip the Python reader.")},
    });
    parser.addHelpOption();
    parser.process(app);

    const int files = qMax(1, parser.value(QStringLiteral("files")).toInt());
    const QStringList paths = ensureBlobs(parser.value(QStringLiteral("dir")), files,
                                          parser.value(QStringLiteral("inflated-mb")).toLongLong());
    if (paths.isEmpty()) {
        std::fprintf(stderr, "bench_data: could not write the blobs\n");
        return 1;
    }
    const qint64 inflated = inflatedSize(paths);
    const qint64 compressed = ExportFiles::totalSize(paths);
    std::printf("%d simulator blobs: %.1f MB compressed, %.1f MB of JSON lines\n", files,
                compressed / 1e6, inflated / 1e6);
    std::printf("cores: %d\n\n", QThread::idealThreadCount());

    // Warm the page cache, so that every reader below starts alike.
    timeProcess(QStringLiteral("cat"), paths);

    const ChildRun all = runChild(paths, 0);
    const ChildRun one = runChild(paths, 1);
    std::printf("summary, all cores:      %7.0f MB/s  (%lld rows, %lld ms, peak RSS %.1f MB)\n",
                mbPerSecond(inflated, all.ms), (long long)all.rows, (long long)all.ms,
                all.peakKb / 1024.0);
    std::printf("summary, one core:       %7.0f MB/s  (%lld ms, peak RSS %.1f MB)\n",
                mbPerSecond(inflated, one.ms), (long long)one.ms, one.peakKb / 1024.0);

    // What gzip alone needs to inflate the same files, one after the other.
    const qint64 gzipMs
        = timeProcess(QStringLiteral("gzip"), QStringList {QStringLiteral("-dc")} + paths);
    std::printf("gzip -dc > /dev/null:    %7.0f MB/s  (%lld ms)\n", mbPerSecond(inflated, gzipMs),
                (long long)gzipMs);

    if (!parser.isSet(QStringLiteral("no-python"))) {
        const QString script
            = QStringLiteral("import gzip, json, sys\n"
                             "rows = 0\n"
                             "for path in sys.argv[1:]:\n"
                             "    with gzip.open(path, 'rt', encoding='utf-8') as f:\n"
                             "        for line in f:\n"
                             "            if line.strip():\n"
                             "                json.loads(line)\n"
                             "                rows += 1\n");
        const qint64 pythonMs = timeProcess(QStringLiteral("python3"),
                                            QStringList {QStringLiteral("-c"), script} + paths);
        std::printf("python3 gzip + json:     %7.0f MB/s  (%lld ms)\n",
                    mbPerSecond(inflated, pythonMs), (long long)pythonMs);
    }

    // A cancel while the summary runs: how long until it returns.
    std::atomic_bool cancelled {false};
    ScanOptions options;
    options.cancelled = &cancelled;
    QElapsedTimer stopped;
    QThread *worker = QThread::create([&] { ExportFiles::summarize(paths, options); });
    worker->start();
    QThread::msleep(300);
    stopped.start();
    cancelled = true;
    worker->wait();
    const qint64 cancelMs = stopped.elapsed();
    delete worker;

    std::printf("\nratio to gzip -dc (target >= 1.0):            %.2f\n",
                gzipMs > 0 && all.ms > 0 ? double(gzipMs) / double(all.ms) : 0.0);
    std::printf("ratio to the old verifier's 120 MB/s (>= 5):  %.1f\n",
                mbPerSecond(inflated, all.ms) / 120.0);
    std::printf("cancel took effect after (target < 100 ms):   %lld ms\n", (long long)cancelMs);
    return 0;
}
