// The app's polling engine (OperationMonitor, GraphClient, the table model) as one client of
// a Graph that runs in another process, so its figures compare with other clients of the
// same server (tests/benchmarks/compare.sh, P2 and P3). Prints figures; asserts nothing.
//
//   bench_engine --graph http(s)://127.0.0.1:PORT --token T --ids FILE [--ca-cert FILE]
//                [--rps R] [--in-flight K] [--trace FILE] [--timeout S]
//
// It tracks the operations in FILE (one id a line) and runs until every one is terminal in
// the table. It prints one JSON line: requests, wall time, the process's CPU time, and the
// ceiling. With --trace it also writes one JSON line per operation: how many requests it
// took, when the first went out, when the table showed the operation finished, and Graph's
// lastActionDateTime of that final state (all in milliseconds since the epoch).

#include "app/graph/graphclient.h"
#include "app/graph/graphendpoint.h"
#include "app/graph/operationfetch.h"
#include "app/graph/tokenprovider.h"
#include "app/polling/clock.h"
#include "app/polling/operationmonitor.h"
#include "models/operationtablemodel.h"
#include "support/benchoptions.h"
#include "support/cputime.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTimer>

#include <cstdio>

namespace {

// Counts the checks of each operation on their way to Graph.
class CountingFetcher final : public OperationFetcher
{
public:
    struct Count
    {
        int requests = 0;
        qint64 firstAtMs = 0; // since the epoch
    };

    explicit CountingFetcher(GraphClient *client)
        : m_inner(client)
    { }

    QUrl operationUrl(const QString &id, const QUrl &ownUrl) const override
    {
        return m_inner.operationUrl(id, ownUrl);
    }
    void fetch(const QString &id, const QUrl &url, Done done) override
    {
        Count &count = m_counts[id];
        if (count.requests++ == 0)
            count.firstAtMs = QDateTime::currentMSecsSinceEpoch();
        ++m_total;
        m_inner.fetch(id, url, std::move(done));
    }
    void cancelAll() override { m_inner.cancelAll(); }
    void dropIdleConnections() override { m_inner.dropIdleConnections(); }

    const QHash<QString, Count> &counts() const { return m_counts; }
    int total() const { return m_total; }

private:
    GraphOperationFetcher m_inner;
    QHash<QString, Count> m_counts;
    int m_total = 0;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption graphOption(
        QStringLiteral("graph"), QStringLiteral("The Graph root, http(s)://127.0.0.1:PORT."),
        QStringLiteral("url"));
    const QCommandLineOption caOption(
        QStringLiteral("ca-cert"),
        QStringLiteral("Trust this PEM certificate too (a simulator serving https)."),
        QStringLiteral("file"));
    const QCommandLineOption tokenOption(QStringLiteral("token"),
                                         QStringLiteral("The bearer token it accepts."),
                                         QStringLiteral("token"));
    const QCommandLineOption idsOption(QStringLiteral("ids"),
                                       QStringLiteral("A file of operation ids, one a line."),
                                       QStringLiteral("file"));
    const QCommandLineOption rpsOption = BenchOptions::rps(QStringLiteral("20"));
    const QCommandLineOption inFlightOption = BenchOptions::inFlight();
    const QCommandLineOption traceOption(QStringLiteral("trace"),
                                         QStringLiteral("Write one JSON line per operation here."),
                                         QStringLiteral("file"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
                                           QStringLiteral("Give up after this many seconds."),
                                           QStringLiteral("s"), QStringLiteral("600"));
    BenchOptions::process(&parser,
                          {graphOption, caOption, tokenOption, idsOption, rpsOption, inFlightOption,
                           traceOption, timeoutOption},
                          app);

    QFile idsFile(parser.value(idsOption));
    if (!idsFile.open(QIODevice::ReadOnly | QIODevice::Text)) {
        std::fprintf(stderr, "--ids: %s\n", qPrintable(idsFile.errorString()));
        return 1;
    }
    QStringList ids;
    for (const QByteArray &line : idsFile.readAll().split('\n')) {
        if (!line.trimmed().isEmpty())
            ids.append(QString::fromLatin1(line.trimmed()));
    }
    if (parser.isSet(caOption)) {
        const QList<QSslCertificate> trusted = QSslCertificate::fromPath(parser.value(caOption));
        if (trusted.isEmpty()) {
            std::fprintf(stderr, "--ca-cert: %s holds no PEM certificate\n",
                         qPrintable(parser.value(caOption)));
            return 1;
        }
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(trusted);
        QSslConfiguration::setDefaultConfiguration(tls);
    }
    QString error;
    const std::optional<GraphEndpoint> endpoint
        = GraphEndpoint::make(parser.value(graphOption), QStringLiteral("v1.0"), &error);
    if (!endpoint) {
        std::fprintf(stderr, "--graph: %s\n", qPrintable(error));
        return 1;
    }

    StaticTokenProvider tokens(parser.value(tokenOption));
    GraphClient client(&tokens);
    client.setEndpoint(*endpoint);
    CountingFetcher fetcher(&client);
    OperationTableModel model;
    OperationMonitor monitor(&model, &fetcher, Clock::system(), nullptr);
    PollPolicy policy;
    policy.maxRequestsPerSecond = BenchOptions::number(parser, rpsOption, 0.001, 1e9);
    policy.maxRequestsInFlight = int(BenchOptions::number(parser, inFlightOption, 1, 1000));
    monitor.setPolicy(policy);
    monitor.track(ids);

    // When the table showed each operation finished: what the analyst would see. The first
    // answer of an operation is no status change, so the rows themselves are looked at.
    QHash<QString, qint64> seenAtMs;
    QObject::connect(&model, &QAbstractItemModel::dataChanged, &app,
                     [&](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                         const qint64 now = QDateTime::currentMSecsSinceEpoch();
                         for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
                             const TrackedOperation &operation = model.at(row);
                             if (isTerminal(operation.status()) && !seenAtMs.contains(operation.id))
                                 seenAtMs.insert(operation.id, now);
                         }
                         if (seenAtMs.size() == ids.size())
                             app.quit();
                     });
    QTimer::singleShot(int(BenchOptions::number(parser, timeoutOption, 1, 86400)) * 1000, &app,
                       &QCoreApplication::quit);

    QElapsedTimer wall;
    const qint64 cpuBefore = CpuTime::processMs();
    wall.start();
    monitor.start();
    app.exec();
    const qint64 elapsedMs = wall.elapsed();
    const qint64 cpu = CpuTime::processMs() - cpuBefore;

    if (parser.isSet(traceOption)) {
        QFile trace(parser.value(traceOption));
        if (!trace.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            std::fprintf(stderr, "--trace: %s\n", qPrintable(trace.errorString()));
            return 1;
        }
        for (const QString &id : std::as_const(ids)) {
            const TrackedOperation *operation = model.find(id);
            const CountingFetcher::Count count = fetcher.counts().value(id);
            const QJsonObject line {
                {QStringLiteral("id"), id},
                {QStringLiteral("requests"), count.requests},
                {QStringLiteral("firstAt"), double(count.firstAtMs)},
                {QStringLiteral("seenAt"), double(seenAtMs.value(id, 0))},
                {QStringLiteral("finishedAt"),
                 operation && isTerminal(operation->status())
                     ? double(operation->last.lastActionDateTime.toMSecsSinceEpoch())
                     : 0.0},
            };
            trace.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
        }
    }

    const QJsonObject summary {
        {QStringLiteral("client"), QStringLiteral("app engine")},
        {QStringLiteral("operations"), int(ids.size())},
        {QStringLiteral("finished"), int(seenAtMs.size())},
        {QStringLiteral("requests"), fetcher.total()},
        {QStringLiteral("wallMs"), double(elapsedMs)},
        {QStringLiteral("cpuMs"), double(cpu)},
        {QStringLiteral("ceiling"),
         QStringLiteral("%1 requests/s, %2 in flight")
             .arg(monitor.policy().maxRequestsPerSecond)
             .arg(monitor.policy().maxRequestsInFlight)},
    };
    std::printf("%s\n", QJsonDocument(summary).toJson(QJsonDocument::Compact).constData());
    return seenAtMs.size() == ids.size() ? 0 : 2;
}
