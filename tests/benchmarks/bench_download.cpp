// Downloads an export's blobs from a graph-simulator child process with the app's
// DownloadManager, then fetches the same URLs with curl in parallel, and prints throughput
// and the downloader's peak memory (VmHWM). The simulator runs in its own process so that
// the blobs it keeps in memory do not count against the downloader.
//
//   bench_download [--size-mb 200] [--blobs 4] [--parallel 4] [--simulator PATH] [--no-curl]

#include "app/downloads/downloadjob.h"
#include "app/downloads/downloadmanager.h"
#include "app/graph/graphclient.h"
#include "app/graph/tokenprovider.h"

#include "models/graphjson.h"
#include "support/benchoptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

namespace {

// A line of /proc/self/status in kB, e.g. "VmHWM:   123456 kB"; -1 when unreadable.
qint64 procStatusKb(const char *key)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(int(qstrlen(key))).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

double mbPerSecond(qint64 bytes, qint64 ms)
{
    return ms > 0 ? bytes / 1e6 / (ms / 1000.0) : 0;
}

bool fail(const QString &message)
{
    std::fprintf(stderr, "bench_download: %s\n", qPrintable(message));
    return false;
}

struct Simulator
{
    QProcess process;
    QUrl root;
};

bool startSimulator(Simulator &simulator, const QString &program, const QString &scenarioPath,
                    const QString &token)
{
    simulator.process.setProgram(program);
    simulator.process.setArguments(
        {QStringLiteral("--scenario"), scenarioPath, QStringLiteral("--token"), token});
    simulator.process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    simulator.process.start();
    if (!simulator.process.waitForStarted(10000))
        return fail(
            QStringLiteral("cannot start %1: %2").arg(program, simulator.process.errorString()));
    static const QRegularExpression urlLine(QStringLiteral("(http://127\\.0\\.0\\.1:\\d+)"));
    QByteArray output;
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < 30000) {
        simulator.process.waitForReadyRead(1000);
        output += simulator.process.readAllStandardOutput();
        const QRegularExpressionMatch match = urlLine.match(QString::fromUtf8(output));
        if (match.hasMatch()) {
            simulator.root = QUrl(match.captured(1));
            return true;
        }
    }
    return fail(
        QStringLiteral("the simulator printed no address: %1").arg(QString::fromUtf8(output)));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption sizeOption(QStringLiteral("size-mb"),
                                        QStringLiteral("Compressed size of each blob."),
                                        QStringLiteral("MB"), QStringLiteral("200"));
    const QCommandLineOption blobsOption(QStringLiteral("blobs"),
                                         QStringLiteral("Number of blobs."), QStringLiteral("N"),
                                         QStringLiteral("4"));
    const QCommandLineOption parallelOption(QStringLiteral("parallel"),
                                            QStringLiteral("Parallel downloads."),
                                            QStringLiteral("N"), QStringLiteral("4"));
    const QCommandLineOption simulatorOption(QStringLiteral("simulator"),
                                             QStringLiteral("graph-simulator path."),
                                             QStringLiteral("path"));
    const QCommandLineOption noCurlOption(QStringLiteral("no-curl"),
                                          QStringLiteral("Skip the curl comparison."));
    BenchOptions::process(
        &parser, {sizeOption, blobsOption, parallelOption, simulatorOption, noCurlOption}, app);

    const qint64 blobBytes
        = qint64(BenchOptions::number(parser, sizeOption, 1, 100000)) * 1000 * 1000;
    const int blobCount = int(BenchOptions::number(parser, blobsOption, 1, 10000));
    const int parallel = int(BenchOptions::number(parser, parallelOption, 1, 64));
    QString simulatorPath = parser.value(simulatorOption);
    if (simulatorPath.isEmpty())
        simulatorPath = QDir(QCoreApplication::applicationDirPath())
                            .filePath(QStringLiteral("../graph-simulator"));

    QTemporaryDir work;
    const QString operationId = QStringLiteral("0b3e2a52-9c1d-4f7e-8a21-5d6f7e8a9b0c");
    const QString manifestId = QStringLiteral("7c4f3b63-ad2e-4a8f-9b32-6e7f8a9b0c1d");
    const QString token = QStringLiteral("bench-token");
    const QJsonObject scenario {
        {QStringLiteral("operations"),
         QJsonArray {
             QJsonObject {{QStringLiteral("id"), operationId},
                          {QStringLiteral("runningSeconds"), 0.001},
                          {QStringLiteral("ageSeconds"), 60},
                          {QStringLiteral("manifestId"), manifestId},
                          {QStringLiteral("manifest"),
                           QJsonObject {{QStringLiteral("blobCount"), blobCount},
                                        {QStringLiteral("linesPerBlob"), 0},
                                        {QStringLiteral("blobSizeBytes"), double(blobBytes)},
                                        {QStringLiteral("reportBlobSizes"), true}}}}}}};
    const QString scenarioPath = QDir(work.path()).filePath(QStringLiteral("scenario.json"));
    QFile scenarioFile(scenarioPath);
    if (!scenarioFile.open(QIODevice::WriteOnly)
        || scenarioFile.write(QJsonDocument(scenario).toJson()) < 0)
        return fail(QStringLiteral("cannot write the scenario")), 1;
    scenarioFile.close();

    Simulator simulator;
    if (!startSimulator(simulator, simulatorPath, scenarioPath, token))
        return 1;

    StaticTokenProvider tokens(token);
    GraphClient client(&tokens);
    client.setTransferTimeout(30 * 60 * 1000); // the simulator generates every blob for sizeInBytes
    client.setEndpoint(
        *GraphEndpoint::make(simulator.root.toString(), QStringLiteral("v1.0"), nullptr));

    // Fetching the operation publishes the manifest; fetching the manifest generates the blobs.
    std::printf("Generating %d blobs of %.0f MB in the simulator...\n", blobCount, blobBytes / 1e6);
    std::fflush(stdout);
    QElapsedTimer generation;
    generation.start();
    Manifest manifest;
    for (const QUrl &url :
         {client.endpoint().operationUrl(operationId), client.endpoint().manifestUrl(manifestId)}) {
        GraphReply reply;
        bool done = false;
        QObject::connect(client.get(url), &GraphCall::finished, &app, [&](const GraphReply &r) {
            reply = r;
            done = true;
        });
        while (!done)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        if (!reply.problem.isNull())
            return fail(QStringLiteral("%1: %2").arg(url.toString(), reply.problem.summary())), 1;
        QString error;
        if (url.path().contains(QLatin1String("/manifests/"))) {
            const std::optional<Manifest> parsed = GraphJson::parseManifest(reply.body, &error);
            if (!parsed)
                return fail(error), 1;
            manifest = *parsed;
        }
    }
    qint64 totalBytes = 0;
    for (const ManifestBlob &blob : manifest.blobs)
        totalBytes += blob.sizeInBytes;
    std::printf("  generated in %.1f s; %d blobs, %.1f MB in all\n", generation.elapsed() / 1000.0,
                int(manifest.blobs.size()), totalBytes / 1e6);

    const qint64 hwmBefore = procStatusKb("VmHWM:");
    const QString appFolder = QDir(work.path()).filePath(QStringLiteral("app"));
    QDir().mkpath(appFolder);
    DownloadManager downloads;
    downloads.setMaxParallel(parallel);

    QElapsedTimer clock;
    qint64 downloadedAtMs = -1;
    qint64 peakRssKb = 0;
    QTimer sampler;
    sampler.setInterval(100);
    QObject::connect(&sampler, &QTimer::timeout, &app,
                     [&] { peakRssKb = qMax(peakRssKb, procStatusKb("VmRSS:")); });
    // The download phase ends when the last file has all its bytes (verification may still run).
    QObject::connect(&downloads, &DownloadManager::jobChanged, &app, [&] {
        for (DownloadJob *job : downloads.jobs(operationId)) {
            if (job->state() == DownloadJob::State::Queued
                || job->state() == DownloadJob::State::Downloading)
                return;
        }
        if (downloadedAtMs < 0)
            downloadedAtMs = clock.elapsed();
    });
    bool finished = false;
    QObject::connect(&downloads, &DownloadManager::finished, &app, [&] { finished = true; });
    clock.start();
    sampler.start();
    const QString problem = downloads.download(operationId, manifest, manifest.blobs, appFolder);
    if (!problem.isEmpty())
        return fail(problem), 1;
    while (!finished)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    const qint64 totalMs = clock.elapsed();
    if (downloadedAtMs < 0)
        downloadedAtMs = totalMs;
    sampler.stop();

    const DownloadManager::Totals totals = downloads.totals(operationId);
    std::printf(
        "\nBilling Monitor downloader (%d parallel, Range-capable, verify after download)\n",
        parallel);
    std::printf("  files verified      : %d of %d, %lld JSON lines, %.1f MB -> %.1f MB inflated\n",
                totals.done, totals.files, totals.lines, totals.bytesReceived / 1e6,
                totals.uncompressedBytes / 1e6);
    for (DownloadJob *job : downloads.jobs(operationId)) {
        if (job->state() != DownloadJob::State::Done)
            std::printf("  FAILED %s: %s\n", qPrintable(job->blob().name),
                        qPrintable(job->message()));
    }
    std::printf("  download            : %.2f s, %.1f MB/s\n", downloadedAtMs / 1000.0,
                mbPerSecond(totals.bytesReceived, downloadedAtMs));
    std::printf("  download + verify   : %.2f s\n", totalMs / 1000.0);
    std::printf(
        "  VmHWM before / after: %.1f MB / %.1f MB (peak VmRSS sampled while running %.1f MB)\n",
        hwmBefore / 1024.0, procStatusKb("VmHWM:") / 1024.0, peakRssKb / 1024.0);

    if (!parser.isSet(noCurlOption)) {
        const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
        if (curl.isEmpty()) {
            std::printf("\ncurl is not installed; no comparison.\n");
        } else {
            const QString curlFolder = QDir(work.path()).filePath(QStringLiteral("curl"));
            QDir().mkpath(curlFolder);
            QStringList arguments {QStringLiteral("-sS"),
                                   QStringLiteral("--no-progress-meter"),
                                   QStringLiteral("--fail"),
                                   QStringLiteral("--parallel"),
                                   QStringLiteral("--parallel-max"),
                                   QString::number(parallel)};
            for (const ManifestBlob &blob : manifest.blobs)
                arguments << QStringLiteral("-o") << QDir(curlFolder).filePath(blob.name)
                          << QString::fromUtf8(manifest.blobUrl(blob).toEncoded());
            QProcess process;
            process.setProcessChannelMode(QProcess::ForwardedChannels);
            QElapsedTimer curlClock;
            curlClock.start();
            process.start(curl, arguments);
            process.waitForFinished(-1);
            const qint64 curlMs = curlClock.elapsed();
            qint64 curlBytes = 0;
            for (const ManifestBlob &blob : manifest.blobs)
                curlBytes += QFileInfo(QDir(curlFolder).filePath(blob.name)).size();
            std::printf("\ncurl --parallel --parallel-max %d (download only, no verification)\n",
                        parallel);
            std::printf("  exit %d, %.1f MB, wall %.2f s, %.1f MB/s\n", process.exitCode(),
                        curlBytes / 1e6, curlMs / 1000.0, mbPerSecond(curlBytes, curlMs));
        }
    }
    simulator.process.terminate();
    simulator.process.waitForFinished(5000);
    return totals.done == totals.files ? 0 : 2;
}
