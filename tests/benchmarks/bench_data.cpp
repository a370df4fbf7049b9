// The data engine's one-pass summary on simulator blobs (at least 1 GB of inflated JSON by
// default), beside the verifier it replaced ("before": zlib and QJsonDocument, one core),
// `gzip -dc > /dev/null` (inflating only) and a Python reader that parses one JSON object
// per line, on the same files. Prints throughput in MB/s of inflated JSON with wall and
// CPU time, each reader's peak memory (measured in a child process of its own, so that
// generating the blobs does not count), the ratios, and how long a cancel takes to stop it.
//
//   bench_data [--inflated-mb 1100] [--files 4] [--dir DIR] [--no-python] [--rounds 3]
//
// The blobs are kept in DIR (default: bench-data/ beside this program) for the next run.

#include "app/data/exportfiles.h"
#include "app/simulator/blobgenerator.h"
#include "support/benchoptions.h"
#include "support/cputime.h"
#include "verifierbefore.h"

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

// What a reader took: wall and CPU time, its peak memory, and what it counted.
struct Run
{
    qint64 ms = -1;
    qint64 cpuMs = -1;
    qint64 peakKb = -1;
    qint64 count = -1;

    bool ok() const { return ms >= 0; }
};

// A child's last words for the parent: "<wall ms> <CPU ms> <peak RSS kB> <count>".
int report(qint64 ms, qint64 count, bool ok)
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("%lld %lld %ld %lld\n", (long long)ms, (long long)CpuTime::ms(usage),
                usage.ru_maxrss, (long long)count);
    return ok ? 0 : 1;
}

int summarizeOnly(const QStringList &paths, int threads)
{
    QElapsedTimer timer;
    timer.start();
    const DataSummary summary = ExportFiles::summarize(paths, {}, threads);
    return report(timer.elapsed(), summary.rows, summary.problems.isEmpty());
}

int verifyBeforeOnly(const QStringList &paths)
{
    QElapsedTimer timer;
    timer.start();
    qint64 inflated = 0;
    for (const QString &path : paths) {
        QString error;
        const qint64 size = VerifierBefore::verify(path, &error);
        if (size < 0) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(path), qPrintable(error));
            return report(timer.elapsed(), inflated, false);
        }
        inflated += size;
    }
    return report(timer.elapsed(), inflated, true);
}

// Each reader runs in a child process of its own, so that its memory is its own.
Run runChild(const QStringList &arguments)
{
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(), arguments);
    child.waitForFinished(-1);
    const QList<QByteArray> parts = child.readAllStandardOutput().trimmed().split(' ');
    Run run;
    if (child.exitCode() == 0 && parts.size() == 4) {
        run.ms = parts.at(0).toLongLong();
        run.cpuMs = parts.at(1).toLongLong();
        run.peakKb = parts.at(2).toLongLong();
        run.count = parts.at(3).toLongLong();
    }
    return run;
}

Run timeProcess(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setStandardOutputFile(QProcess::nullDevice());
    const qint64 childrenBefore = CpuTime::processMs(RUSAGE_CHILDREN);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    Run run;
    if (!process.waitForFinished(-1) || process.exitCode() != 0)
        return run;
    run.ms = timer.elapsed();
    run.cpuMs = CpuTime::processMs(RUSAGE_CHILDREN) - childrenBefore;
    return run;
}

// The fastest of the rounds: on a shared machine the others' work only ever slows a run.
void keepBest(Run *best, const Run &run)
{
    if (run.ok() && (!best->ok() || run.ms < best->ms))
        *best = run;
}

void printRun(const char *label, const Run &run, qint64 inflated, bool memory)
{
    if (!run.ok()) {
        std::printf("%-31s failed\n", label);
        return;
    }
    std::printf("%-31s %6.0f MB/s  %6lld ms wall  %6lld ms CPU", label,
                mbPerSecond(inflated, run.ms), (long long)run.ms, (long long)run.cpuMs);
    if (memory)
        std::printf("  peak RSS %5.1f MB", run.peakKb / 1024.0);
    std::printf("\n");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.value(1) == QLatin1String("--summarize-only"))
        return summarizeOnly(arguments.mid(3), arguments.value(2).toInt());
    if (arguments.value(1) == QLatin1String("--before-only"))
        return verifyBeforeOnly(arguments.mid(2));

    QCommandLineParser parser;
    const QCommandLineOption rounds(
        QStringLiteral("rounds"),
        QStringLiteral("Rounds of every reader, taking each one's fastest (default 3)."),
        QStringLiteral("n"), QStringLiteral("3"));
    parser.addOptions({
        {QStringLiteral("inflated-mb"), QStringLiteral("Inflated JSON in total, MB."),
         QStringLiteral("mb"), QStringLiteral("1100")},
        {QStringLiteral("files"), QStringLiteral("Blobs."), QStringLiteral("n"),
         QStringLiteral("4")},
        {QStringLiteral("dir"), QStringLiteral("Where the blobs are kept."), QStringLiteral("dir"),
         QDir(app.applicationDirPath()).filePath(QStringLiteral("bench-data"))},
        {QStringLiteral("no-python"), QStringLiteral("Skip the Python reader.")},
        rounds,
    });
    BenchOptions::process(&parser, {}, app);
    const int roundCount = int(BenchOptions::number(parser, rounds, 1, 100));

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
    std::printf("cores: %d; each reader's fastest of %d rounds, in turn\n\n",
                QThread::idealThreadCount(), roundCount);

    // Warm the page cache, so that every reader below starts alike.
    timeProcess(QStringLiteral("cat"), paths);

    const QString script = QStringLiteral("import gzip, json, sys\n"
                                          "rows = 0\n"
                                          "for path in sys.argv[1:]:\n"
                                          "    with gzip.open(path, 'rt', encoding='utf-8') as f:\n"
                                          "        for line in f:\n"
                                          "            if line.strip():\n"
                                          "                json.loads(line)\n"
                                          "                rows += 1\n");
    const bool python = !parser.isSet(QStringLiteral("no-python"));
    // Rounds take turns, so that a burst of the others' work on a shared machine slows
    // one round of every reader rather than all rounds of one.
    Run before, all, one, gzip, py;
    for (int round = 0; round < roundCount; ++round) {
        keepBest(&before, runChild(QStringList {QStringLiteral("--before-only")} + paths));
        keepBest(&all,
                 runChild(QStringList {QStringLiteral("--summarize-only"), QStringLiteral("0")}
                          + paths));
        keepBest(&one,
                 runChild(QStringList {QStringLiteral("--summarize-only"), QStringLiteral("1")}
                          + paths));
        // What gzip alone needs to inflate the same files, one after the other.
        keepBest(&gzip,
                 timeProcess(QStringLiteral("gzip"), QStringList {QStringLiteral("-dc")} + paths));
        if (python)
            keepBest(&py,
                     timeProcess(QStringLiteral("python3"),
                                 QStringList {QStringLiteral("-c"), script} + paths));
    }
    printRun("before (zlib + QJsonDocument):", before, inflated, true);
    printRun("summary, all cores:", all, inflated, true);
    printRun("summary, one core:", one, inflated, true);
    printRun("gzip -dc > /dev/null:", gzip, inflated, false);
    if (python)
        printRun("python3 gzip + json:", py, inflated, false);
    std::printf("rows: %lld\n", (long long)all.count);

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

    const auto ratio = [](qint64 slower, qint64 faster) {
        return slower > 0 && faster > 0 ? double(slower) / double(faster) : 0.0;
    };
    std::printf("\nratio to gzip -dc, wall (target >= 1.0):        %.2f\n", ratio(gzip.ms, all.ms));
    std::printf("ratio to before, wall, all cores (target >= 5):  %.1f\n",
                ratio(before.ms, all.ms));
    std::printf("ratio to before, CPU time, one core:             %.1f\n",
                ratio(before.cpuMs, one.cpuMs));
    std::printf("speed-up from one core to all, wall:             %.2f\n", ratio(one.ms, all.ms));
    std::printf("cancel took effect after (target < 100 ms):      %lld ms\n", (long long)cancelMs);
    return 0;
}
