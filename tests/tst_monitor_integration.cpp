#include "app/graph/graphclient.h"
#include "app/graph/graphendpoint.h"
#include "app/graph/retryafter.h"
#include "app/graph/tokenprovider.h"
#include "app/polling/operationmonitor.h"
#include "app/simulator/graphsimulator.h"
#include "models/operationtablemodel.h"
#include "support/monitoredgraph.h"
#include "support/waituntil.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <random>

namespace {

constexpr int OperationCount = 500;
constexpr double FaultRate = 0.20;

#if defined(__SANITIZE_ADDRESS__) // GCC
constexpr bool AddressSanitized = true;
#elif defined(__has_feature) // clang
constexpr bool AddressSanitized = __has_feature(address_sanitizer);
#else
constexpr bool AddressSanitized = false;
#endif

// The mix of faults, 20 % of all requests. Host-wide pauses (429, 503) are kept rare: each
// one stops every request for a second, which is the point, but would make the test slow.
FaultProfile faultMix()
{
    FaultProfile faults;
    faults.throttle = 0.002;
    faults.throttleHttpDate = 0.5;
    faults.unavailable = 0.001;
    faults.unavailableBare = 0.001;
    faults.serverError = 0.066;
    faults.gatewayTimeout = 0.05;
    faults.connectionReset = 0.04;
    faults.htmlBody = 0.02;
    faults.truncatedBody = 0.02;
    faults.retryAfterSeconds = 1;
    faults.seed = 20240501;
    return faults;
}

} // namespace

// 500 operations against a simulator that fails a fifth of all requests: every operation
// must still reach its true terminal state, none may be lost or duplicated, and no request
// may go out before the Retry-After it was given.
class TestMonitorIntegration : public QObject
{
    Q_OBJECT

private slots:
    void fiveHundredOperationsThroughFaults();
    void locationsElsewhereAreCheckedAtGraphById();
};

// Operation URLs read back from the saved list once skipped the check an export's Location
// gets: a foreign host's answer was taken as the operation's state, and 0.0.0.0 or a URL
// with a user name was polled over plain http. Only the configured origin is asked now.
void TestMonitorIntegration::locationsElsewhereAreCheckedAtGraphById()
{
    GraphSimulator graph;
    GraphSimulator foreign;
    QVERIFY2(graph.start(), qPrintable(graph.errorString()));
    QVERIFY2(foreign.start(), qPrintable(foreign.errorString()));
    foreign.setAcceptedToken(graph.acceptedToken());

    const auto withUrl = [](const QString &id, const QString &url) {
        TrackedOperation operation;
        operation.id = id;
        operation.url = QUrl(url);
        operation.addedAt = QDateTime::currentDateTimeUtc();
        return operation;
    };
    QList<TrackedOperation> operations;
    QStringList elsewhere;
    for (int i = 0; i < 4; ++i) {
        SimulatedOperation truth;
        truth.runningMs = 0;
        const QString id = graph.addOperation(truth);
        SimulatedOperation lie = truth;
        lie.id = id;
        lie.outcome = SimulatedOperation::Outcome::Failed;
        foreign.addOperation(lie);
        const QString path = graph.operationUrl(id).path();
        const QString port = QString::number(graph.rootUrl().port());
        switch (i) {
        case 0:
            operations.append(withUrl(id, foreign.operationUrl(id).toString()));
            elsewhere.append(id);
            break;
        case 1:
            operations.append(withUrl(id, QStringLiteral("http://0.0.0.0:") + port + path));
            elsewhere.append(id);
            break;
        case 2:
            operations.append(
                withUrl(id, QStringLiteral("http://user:pw@127.0.0.1:") + port + path));
            elsewhere.append(id);
            break;
        default: // on the Graph origin: asked there, as given
            operations.append(withUrl(id, graph.operationUrl(id).toString()));
            break;
        }
    }

    StaticTokenProvider tokens(graph.acceptedToken());
    GraphClient client(&tokens);
    client.setEndpoint(
        *GraphEndpoint::make(graph.rootUrl().toString(), QStringLiteral("v1.0"), nullptr));
    OperationTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    OperationMonitor monitor(&model, &client);
    QSignalSpy told(&monitor, &OperationMonitor::locationsElsewhere);
    QCOMPARE(model.add(operations).size(), 4);
    QCOMPARE(told.size(), 1);
    QCOMPARE(told.first().first().toStringList(), elsewhere);
    QCOMPARE(monitor.idsWithLocationElsewhere(), elsewhere);

    monitor.start();
    const auto allAnswered = [&] {
        return std::all_of(model.operations().begin(), model.operations().end(),
                           [](const TrackedOperation &operation) {
                               return operation.status() == OperationStatus::Succeeded;
                           });
    };
    QVERIFY(waitUntil(allAnswered, 10000));
    QCOMPARE(foreign.requestCount(), 0);
    for (const TrackedOperation &operation : operations) {
        QVERIFY(!graph.requestsFor(operation.id).isEmpty());
        QVERIFY(graph.requestsFor(operation.id).first().hadAuthorization);
        // The Location stays, for display.
        QCOMPARE(model.find(operation.id)->url, operation.url);
    }
}

void TestMonitorIntegration::fiveHundredOperationsThroughFaults()
{
    MonitoredGraph graph;
    QString error;
    QVERIFY2(graph.start(&error), qPrintable(error));
    GraphSimulator &simulator = graph.simulator;
    OperationTableModel &model = graph.model;
    OperationMonitor &monitor = graph.monitor;
    graph.client.setTransferTimeout(3000);
    const FaultProfile faults = faultMix();
    const double sum = faults.throttle + faults.unavailable + faults.unavailableBare
        + faults.serverError + faults.gatewayTimeout + faults.connectionReset + faults.htmlBody
        + faults.truncatedBody;
    QCOMPARE(qRound(sum * 1000), qRound(FaultRate * 1000));

    // The truth: each operation's outcome and final status word, from a fixed seed.
    std::mt19937 random(7);
    std::uniform_int_distribution<int> runningMs(2000, 8000);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    QHash<QString, OperationStatus> truth;
    QHash<QString, QString> truthRaw;
    QStringList ids;
    for (int i = 0; i < OperationCount; ++i) {
        SimulatedOperation spec;
        spec.notStartedMs = runningMs(random) / 5;
        spec.runningMs = runningMs(random);
        const double draw = unit(random);
        spec.outcome = draw < 0.15 ? SimulatedOperation::Outcome::Failed
                                   : SimulatedOperation::Outcome::Succeeded;
        if (draw > 0.9)
            spec.finalStatus = QStringLiteral("completed");
        // Retry-After longer than the 1 s interval, so it is what paces these polls.
        spec.retryAfter = i % 3 == 0 ? QByteArray("1.5") : QByteArray("1.25");
        const QString id = simulator.addOperation(spec);
        ids.append(id);
        truth.insert(id,
                     spec.outcome == SimulatedOperation::Outcome::Failed
                         ? OperationStatus::Failed
                         : OperationStatus::Succeeded);
        truthRaw.insert(id,
                        spec.finalStatus.isEmpty()
                            ? (spec.outcome == SimulatedOperation::Outcome::Failed
                                   ? QStringLiteral("failed")
                                   : QStringLiteral("succeeded"))
                            : spec.finalStatus);
    }
    simulator.setFaults(faults);

    PollPolicy policy;
    policy.refreshIntervalSeconds = 1;
    policy.maxRequestsPerSecond = 250;
    // Backoff from 100 ms instead of 2 s: the same doubling, a tenth of the waiting.
    policy.backoffBaseMs = 100;
    monitor.setPolicy(policy);

    QHash<QString, QList<OperationStatus>> transitions;
    connect(&model, &OperationTableModel::statusChanged, this,
            [&](const QString &id, OperationStatus, OperationStatus to) {
                transitions[id].append(to);
            });
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

    QCOMPARE(monitor.track(ids).added.size(), OperationCount);
    QElapsedTimer wall;
    wall.start();
    monitor.start();
    const auto allTerminal = [&] {
        return std::all_of(
            model.operations().begin(), model.operations().end(),
            [](const TrackedOperation &operation) { return isTerminal(operation.status()); });
    };
    QVERIFY2(waitUntil(allTerminal, 50000),
             qPrintable(QStringLiteral("%1 requests so far").arg(simulator.requestCount())));
    QTest::qWait(OperationMonitor::BatchIntervalMs * 2);
    const qint64 elapsed = wall.elapsed();

    // Every operation reached its true terminal state; none lost, none duplicated.
    QCOMPARE(model.rowCount(), OperationCount);
    QSet<QString> seen;
    for (const TrackedOperation &operation : model.operations()) {
        QVERIFY(!seen.contains(operation.id));
        seen.insert(operation.id);
        QVERIFY2(truth.contains(operation.id), qPrintable(operation.id));
        QCOMPARE(operation.status(), truth.value(operation.id));
        QCOMPARE(operation.last.rawStatus, truthRaw.value(operation.id));
        QVERIFY(!operation.expired);
        // A fault on the way never became a status: the transitions only move forward and
        // the last one is the true one. (The first answer is not a transition.)
        const QList<OperationStatus> steps = transitions.value(operation.id);
        QVERIFY(steps.size() <= 2);
        if (!steps.isEmpty())
            QCOMPARE(steps.last(), truth.value(operation.id));
    }
    QCOMPARE(resets.size(), 0);

    // The request log: what really went over the wire.
    const QList<SimulatorRequest> log = simulator.requestLog();
    int faulted = 0;
    int retryAfterChecks = 0;
    for (const QString &id : std::as_const(ids)) {
        const QList<SimulatorRequest> requests = simulator.requestsFor(id);
        QVERIFY(!requests.isEmpty());
        for (int i = 0; i + 1 < requests.size(); ++i) {
            const SimulatorRequest &previous = requests.at(i);
            const SimulatorRequest &next = requests.at(i + 1);
            // Never two checks of one operation at once.
            if (previous.answeredAtMs >= 0)
                QVERIFY(next.receivedAtMs >= previous.answeredAtMs);
            // Qt itself sends a request again, with the same headers, when the connection
            // closes before the answer is complete (a reset or a truncated body). The client
            // never saw that answer, so its Retry-After was never given to anyone.
            if (!next.clientRequestId.isEmpty() && next.clientRequestId == previous.clientRequestId)
                continue;
            const std::optional<qint64> wait
                = RetryAfter::delayMs(previous.retryAfter, QDateTime::currentDateTimeUtc());
            if (previous.retryAfter.isEmpty() || !wait || previous.retryAfter.contains(' '))
                continue;
            // Both sides read whole milliseconds from their own steady clocks: 2 ms of slack.
            QVERIFY2(
                next.receivedAtMs + 2 >= previous.answeredAtMs + *wait,
                qPrintable(QStringLiteral("%1: request at %2 ms, Retry-After %3 given at %4 ms")
                               .arg(id)
                               .arg(next.receivedAtMs)
                               .arg(QString::fromLatin1(previous.retryAfter))
                               .arg(previous.answeredAtMs)));
            ++retryAfterChecks;
        }
    }
    for (const SimulatorRequest &request : log) {
        if (request.status != 200 || request.answeredAtMs < 0)
            ++faulted;
    }

    // The bound: an operation needs one check per Retry-After (at most 1.5 s) of its life
    // (at most 6 s) plus the final one, i.e. <= 6; with a fifth of the requests failing and
    // each failure retried, 500 * 6 / 0.8 = 3,750 is the most it may take.
    const int bound = int(OperationCount * 6 / (1.0 - FaultRate));
    qInfo("%lld requests (%d faulted, %d Retry-After gaps checked) for %d operations in "
          "%lld ms; bound %d",
          qint64(log.size()), faulted, retryAfterChecks, OperationCount, elapsed, bound);
    QVERIFY(log.size() <= bound);
    QVERIFY(faulted > 0);
    // Enough gaps were checked to mean something: several per operation. Built with
    // AddressSanitizer the client and the simulator run several times slower, poll each
    // operation less often than Retry-After allows and so see fewer gaps; every gap they
    // see is still checked above.
    QVERIFY(retryAfterChecks > (AddressSanitized ? 0 : OperationCount));
}

QTEST_GUILESS_MAIN(TestMonitorIntegration)
#include "tst_monitor_integration.moc"
