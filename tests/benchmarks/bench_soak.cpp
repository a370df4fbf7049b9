// A soak: 5,000 operations tracked through the real monitor (OperationMonitor, the
// scheduler, GraphClient over TCP) against the Graph simulator, which fails a fifth of all
// requests (429, 500, 503, 504, reset, stall, non-JSON, truncated), for 10 minutes. Prints
// figures; asserts nothing.
//
//   bench_soak [--minutes M] [--operations N] [--rps R]
//
// The simulator runs as its own process (build/graph-simulator), so the resident memory
// measured here is the monitor's alone. Operations finish during the first 80 % of the run;
// the rest lets the last checks land. Requests are counted where the scheduler sends them:
// a check of an operation before the Retry-After of its previous answer, or any check
// before the Retry-After of a 429 or 503 (which pauses the whole host), counts as early.
//
// Targets: every operation at its true terminal state, none lost or duplicated, no request
// before a Retry-After, and the resident memory at the end within 10 % of the first minute's.

#include "app/graph/graphclient.h"
#include "app/graph/graphendpoint.h"
#include "app/graph/operationfetch.h"
#include "app/graph/retryafter.h"
#include "app/graph/tokenprovider.h"
#include "app/polling/clock.h"
#include "app/polling/operationmonitor.h"
#include "models/operationtablemodel.h"
#include "support/benchoptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <random>

namespace {

// A fifth of all requests fail. Host-wide pauses (429, 503) stay rare because each one
// stops every request for a second; stalls stay rare because each holds a request slot
// until the transfer timeout.
constexpr const char *FaultSpec = "429=0.002,httpdate=0.5,503=0.001,503bare=0.001,500=0.064,"
                                  "504=0.05,reset=0.04,stall=0.002,html=0.02,truncate=0.02,"
                                  "retryAfter=1,stallMs=60000,seed=20240501";
constexpr int TransferTimeoutMs = 5000;

qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// Passes every check to Graph and notes when it went out against the Retry-After the
// operation (or, after a 429 or 503, the host) was given.
class RecordingFetcher final : public OperationFetcher
{
public:
    explicit RecordingFetcher(GraphClient *client)
        : m_inner(client)
    {
        m_clock.start();
    }

    QUrl operationUrl(const QString &id, const QUrl &ownUrl) const override
    {
        return m_inner.operationUrl(id, ownUrl);
    }

    void fetch(const QString &id, const QUrl &url, Done done) override
    {
        const qint64 now = m_clock.elapsed();
        ++requests;
        // One millisecond of slack: both sides read whole milliseconds.
        if (now + 1 < m_notBefore.value(id) || now + 1 < m_hostNotBefore)
            ++early;
        m_inner.fetch(id, url, [this, id, done = std::move(done)](const FetchOutcome &outcome) {
            if (!outcome.problem.isNull())
                ++problems;
            const std::optional<qint64> wait
                = RetryAfter::delayMs(outcome.retryAfter, QDateTime::currentDateTimeUtc());
            if (wait) {
                const qint64 until = m_clock.elapsed() + *wait;
                m_notBefore.insert(id, until);
                if (outcome.httpStatus == 429 || outcome.httpStatus == 503)
                    m_hostNotBefore = std::max(m_hostNotBefore, until);
            }
            done(outcome);
        });
    }

    void cancelAll() override { m_inner.cancelAll(); }
    void dropIdleConnections() override { m_inner.dropIdleConnections(); }

    qint64 requests = 0;
    qint64 early = 0;
    qint64 problems = 0;

private:
    GraphOperationFetcher m_inner;
    QElapsedTimer m_clock;
    QHash<QString, qint64> m_notBefore;
    qint64 m_hostNotBefore = 0;
};

struct Truth
{
    OperationStatus status;
    QString rawStatus;
};

// The scenario the simulator serves: each operation's timeline and outcome, drawn from a
// fixed seed, ending within the given number of seconds.
QJsonObject makeScenario(int count, double lastEndSeconds, const QString &token,
                         QHash<QString, Truth> *truth)
{
    std::mt19937 random(20240501);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    QJsonArray operations;
    for (int i = 0; i < count; ++i) {
        const QString id
            = QUuid::createUuidV5(QUuid(), QString::number(i)).toString(QUuid::WithoutBraces);
        const double total = 10 + unit(random) * (lastEndSeconds - 10);
        const double notStarted = std::min(20.0, total * unit(random) * 0.3);
        const double draw = unit(random);
        const bool failed = draw < 0.15;
        QJsonObject operation {
            {QStringLiteral("id"), id},
            {QStringLiteral("notStartedSeconds"), notStarted},
            {QStringLiteral("runningSeconds"), total - notStarted},
            {QStringLiteral("outcome"),
             failed ? QStringLiteral("failed") : QStringLiteral("succeeded")},
            {QStringLiteral("retryAfter"), i % 2 ? QStringLiteral("10") : QStringLiteral("7.5")}};
        QString raw = failed ? QStringLiteral("failed") : QStringLiteral("succeeded");
        if (draw > 0.9) {
            raw = QStringLiteral("completed");
            operation.insert(QStringLiteral("status"), raw);
        }
        operations.append(operation);
        truth->insert(id, {failed ? OperationStatus::Failed : OperationStatus::Succeeded, raw});
    }
    return {{QStringLiteral("description"), QStringLiteral("bench_soak")},
            {QStringLiteral("token"), token},
            {QStringLiteral("operations"), operations}};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption minutesOption(QStringLiteral("minutes"),
                                           QStringLiteral("How long to run."), QStringLiteral("m"),
                                           QStringLiteral("10"));
    const QCommandLineOption countOption(QStringLiteral("operations"),
                                         QStringLiteral("Operations to track."),
                                         QStringLiteral("n"), QStringLiteral("5000"));
    const QCommandLineOption rpsOption = BenchOptions::rps(QStringLiteral("200"));
    BenchOptions::process(&parser, {minutesOption, countOption, rpsOption}, app);
    const double minutes = BenchOptions::number(parser, minutesOption, 0.01, 24 * 60);
    const int count = int(BenchOptions::number(parser, countOption, 1, 1000000));
    const double rps = BenchOptions::number(parser, rpsOption, 0.01, 10000);
    const qint64 runMs = qint64(minutes * 60000);

    QTemporaryDir dir;
    const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QHash<QString, Truth> truth;
    const QString scenarioPath = dir.filePath(QStringLiteral("soak.json"));
    {
        QFile file(scenarioPath);
        if (!file.open(QIODevice::WriteOnly)) {
            std::fprintf(stderr, "bench_soak: cannot write %s\n", qPrintable(scenarioPath));
            return 1;
        }
        file.write(QJsonDocument(makeScenario(count, runMs * 0.8 / 1000, token, &truth)).toJson());
    }

    QProcess simulator;
    simulator.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    simulator.start(QStringLiteral(GRAPH_SIMULATOR),
                    {QStringLiteral("--scenario"), scenarioPath, QStringLiteral("--faults"),
                     QLatin1String(FaultSpec)});
    QUrl root;
    QString output;
    static const QRegularExpression urlLine(QStringLiteral("BILLING_MONITOR_GRAPH_URL=(\\S+)\n"));
    while (root.isEmpty() && simulator.waitForReadyRead(30000)) {
        output += QString::fromUtf8(simulator.readAllStandardOutput());
        const QRegularExpressionMatch match = urlLine.match(output);
        if (match.hasMatch())
            root = QUrl(match.captured(1));
    }
    if (root.isEmpty()) {
        std::fprintf(stderr, "bench_soak: the simulator did not start\n");
        return 1;
    }
    // Its later output (none is expected) must not fill a pipe.
    QObject::connect(&simulator, &QProcess::readyReadStandardOutput, &simulator,
                     [&simulator] { simulator.readAllStandardOutput(); });

    StaticTokenProvider tokens(token);
    GraphClient client(&tokens);
    QString error;
    const std::optional<GraphEndpoint> endpoint
        = GraphEndpoint::make(root.toString(), QStringLiteral("v1.0"), &error);
    if (!endpoint) {
        std::fprintf(stderr, "bench_soak: %s\n", qPrintable(error));
        return 1;
    }
    client.setEndpoint(*endpoint);
    client.setTransferTimeout(TransferTimeoutMs);
    RecordingFetcher fetcher(&client);
    OperationTableModel model;
    OperationMonitor monitor(&model, &fetcher, Clock::system(), nullptr);
    PollPolicy policy = monitor.policy();
    policy.maxRequestsPerSecond = rps;
    monitor.setPolicy(policy);

    std::printf("bench_soak: %d operations, %.1f min, faults %s, %.0f requests/s at most, "
                "transfer timeout %d ms\n",
                count, minutes, FaultSpec, rps, TransferTimeoutMs);
    std::fflush(stdout);

    QElapsedTimer wall;
    wall.start();
    qint64 rssFirstMinute = -1;
    QTimer::singleShot(std::min<qint64>(60000, runMs), &app,
                       [&] { rssFirstMinute = residentKiB(); });
    QTimer progress;
    progress.setInterval(60000);
    QObject::connect(&progress, &QTimer::timeout, &app, [&] {
        int terminal = 0;
        for (const TrackedOperation &operation : model.operations())
            terminal += isTerminal(operation.status());
        std::printf("  %3lld min: %d/%d terminal, %lld requests, RSS %lld KiB\n",
                    (wall.elapsed() + 30000) / 60000, terminal, count, qint64(fetcher.requests),
                    residentKiB());
        std::fflush(stdout);
    });
    progress.start();
    QTimer::singleShot(runMs, &app, &QCoreApplication::quit);

    QStringList ids = truth.keys();
    std::sort(ids.begin(), ids.end());
    monitor.track(ids);
    monitor.start();
    app.exec();
    monitor.stop();
    const qint64 rssEnd = residentKiB();

    int atTruth = 0;
    int wrong = 0;
    int unfinished = 0;
    int duplicated = 0;
    QSet<QString> seen;
    for (const TrackedOperation &operation : model.operations()) {
        if (seen.contains(operation.id)) {
            ++duplicated;
            continue;
        }
        seen.insert(operation.id);
        const auto expected = truth.constFind(operation.id);
        if (expected == truth.constEnd()) {
            ++duplicated; // an operation nobody asked for
        } else if (!isTerminal(operation.status())) {
            ++unfinished;
        } else if (operation.status() == expected->status
                   && operation.last.rawStatus == expected->rawStatus) {
            ++atTruth;
        } else {
            ++wrong;
        }
    }
    int lost = 0;
    for (const QString &id : std::as_const(ids))
        lost += !seen.contains(id);

    simulator.terminate();
    simulator.waitForFinished(5000);

    const double seconds = wall.elapsed() / 1000.0;
    std::printf("operations at their true terminal state: %d of %d (%d at a wrong terminal "
                "state, %d unfinished)\n",
                atTruth, count, wrong, unfinished);
    std::printf("lost: %d, duplicated: %d\n", lost, duplicated);
    std::printf("requests sent before a Retry-After: %lld\n", qint64(fetcher.early));
    std::printf("requests: %lld in %.0f s (%.1f/s), %.2f per operation, %lld answered with a "
                "problem (%.1f %%)\n",
                qint64(fetcher.requests), seconds, fetcher.requests / seconds,
                double(fetcher.requests) / count, qint64(fetcher.problems),
                fetcher.requests ? 100.0 * fetcher.problems / fetcher.requests : 0.0);
    std::printf("RSS after the first minute: %lld KiB, at the end: %lld KiB (%+.1f %%)\n",
                rssFirstMinute, rssEnd,
                rssFirstMinute > 0 ? 100.0 * (rssEnd - rssFirstMinute) / rssFirstMinute : 0.0);
    return 0;
}
