#include "app/polling/clock.h"
#include "app/polling/networkstatus.h"
#include "support/monitoredgraph.h"
#include "support/waituntil.h"

#include <QSignalSpy>
#include <QTest>
#include <QUuid>

// OperationMonitor, the table model and GraphClient against the simulator, end to end.
// Polling is sped up (a 1 s refresh interval) so operations finish within seconds.
class TestMonitor : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void operationsReachTheirTerminalStates();
    void resultsArriveInBatchesWithoutReset();
    void problemsDoNotChangeTheStatus();
    void goneOperationsExpireWithAHint();
    void throttlingIsReportedAndRespected();
    void trackingValidatesAndKeepsTheLocation();
    void removedOperationsAreNoLongerPolled();
    void rowsAddedByOthersArePolled();
    void heldRowsAreTakenUpInSlicesOnResume();
    void stopAbortsStalledChecks();
    void graphOnThisComputerIsReachableOffline();

private:
    QString addRunning(qint64 runningMs,
                       SimulatedOperation::Outcome outcome
                       = SimulatedOperation::Outcome::Succeeded);
    const TrackedOperation &row(const QString &id) const { return *m_model->find(id); }
    bool waitForStatus(const QString &id, OperationStatus status, int timeoutMs = 15000);

    std::unique_ptr<MonitoredGraph> m_graph;
    OperationTableModel *m_model = nullptr; // the fixture's
    OperationMonitor *m_monitor = nullptr; // the fixture's
};

QString TestMonitor::addRunning(qint64 runningMs, SimulatedOperation::Outcome outcome)
{
    SimulatedOperation spec;
    spec.runningMs = runningMs;
    spec.outcome = outcome;
    spec.retryAfter = "0.5";
    return m_graph->simulator.addOperation(spec);
}

bool TestMonitor::waitForStatus(const QString &id, OperationStatus status, int timeoutMs)
{
    return waitUntil([&] { return row(id).status() == status; }, timeoutMs);
}

void TestMonitor::init()
{
    m_graph = std::make_unique<MonitoredGraph>();
    QString error;
    QVERIFY2(m_graph->start(&error), qPrintable(error));
    m_model = &m_graph->model;
    m_monitor = &m_graph->monitor;
    m_monitor->setRefreshIntervalSeconds(1);
    QVERIFY(m_monitor->isOnline()); // a loopback Graph is reachable without a network
}

void TestMonitor::cleanup()
{
    m_model = nullptr;
    m_monitor = nullptr;
    m_graph.reset();
}

void TestMonitor::operationsReachTheirTerminalStates()
{
    const QString succeeds = addRunning(1500);
    const QString fails = addRunning(2000, SimulatedOperation::Outcome::Failed);
    SimulatedOperation completedSpec;
    completedSpec.runningMs = 1000;
    completedSpec.finalStatus = QStringLiteral("completed");
    const QString completes = m_graph->simulator.addOperation(completedSpec);

    QSignalSpy statusChanges(m_model, &OperationTableModel::statusChanged);
    QSignalSpy activity(m_monitor, &OperationMonitor::activityChanged);
    const auto result
        = m_monitor->track({succeeds, fails.toUpper(), completes}, QStringLiteral("March"));
    QCOMPARE(result.added.size(), 3);
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(row(fails).label, QStringLiteral("March"));
    QVERIFY(row(fails).addedAt.isValid());
    m_monitor->start();
    m_monitor->start(); // idempotent

    QVERIFY(waitForStatus(succeeds, OperationStatus::Succeeded));
    QVERIFY(waitForStatus(fails, OperationStatus::Failed));
    QVERIFY(waitForStatus(completes, OperationStatus::Succeeded));
    QCOMPARE(row(completes).last.rawStatus, QStringLiteral("completed"));
    QCOMPARE(row(fails).last.error.code, QStringLiteral("5000"));
    QVERIFY(!row(succeeds).last.manifestLink.isEmpty());
    for (const QString &id : {succeeds, fails, completes}) {
        QVERIFY(row(id).lastChecked.isValid());
        QVERIFY(!row(id).nextCheck.isValid()); // terminal: nothing scheduled
        QVERIFY(row(id).problem.isNull());
    }

    // The transitions the UI notifies about, ending in the terminal ones.
    QSet<OperationStatus> reached;
    for (const QList<QVariant> &change : std::as_const(statusChanges))
        reached.insert(change.at(2).value<OperationStatus>());
    QVERIFY(reached.contains(OperationStatus::Succeeded));
    QVERIFY(reached.contains(OperationStatus::Failed));
    QVERIFY(activity.size() > 0);

    // Terminal operations are never asked about again.
    const int requests = m_graph->simulator.requestCount();
    QTest::qWait(1500);
    QCOMPARE(m_graph->simulator.requestCount(), requests);
    QCOMPARE(m_monitor->requestsInFlight(), 0);
    QVERIFY(!m_monitor->nextCheckAt().isValid());
    // Every poll carried the token, and polls of one operation never overlapped.
    for (const QString &id : {succeeds, fails, completes}) {
        const QList<SimulatorRequest> log = m_graph->simulator.requestsFor(id);
        for (int i = 0; i < log.size(); ++i) {
            QVERIFY(log[i].hadAuthorization);
            if (i > 0)
                QVERIFY(log[i].receivedAtMs >= log[i - 1].answeredAtMs);
        }
    }
}

void TestMonitor::resultsArriveInBatchesWithoutReset()
{
    QStringList ids;
    for (int i = 0; i < 30; ++i)
        ids.append(addRunning(1000 + i * 50));
    m_monitor->track(ids);
    QSignalSpy resets(m_model, &QAbstractItemModel::modelReset);
    QSignalSpy layouts(m_model, &QAbstractItemModel::layoutChanged);
    QSignalSpy changes(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserts(m_model, &QAbstractItemModel::rowsInserted);
    PollPolicy policy = m_monitor->policy();
    policy.refreshIntervalSeconds = 1;
    policy.maxRequestsPerSecond = 100;
    m_monitor->setPolicy(policy);
    m_monitor->start();
    QVERIFY(waitUntil(
        [&] {
            return std::all_of(ids.begin(), ids.end(), [&](const QString &id) {
                return row(id).status() == OperationStatus::Succeeded;
            });
        },
        20000));
    QCOMPARE(resets.size(), 0);
    QCOMPARE(layouts.size(), 0);
    QCOMPARE(inserts.size(), 0);
    QVERIFY(changes.size() > 0);
    // Batches: fewer model updates than answers, as several answers share a 100 ms tick.
    QVERIFY2(changes.size() < m_graph->simulator.requestCount(),
             qPrintable(QStringLiteral("%1 dataChanged for %2 answers")
                            .arg(changes.size())
                            .arg(m_graph->simulator.requestCount())));
    for (const QList<QVariant> &change : std::as_const(changes)) {
        const QModelIndex from = change.at(0).toModelIndex();
        const QModelIndex to = change.at(1).toModelIndex();
        QCOMPARE(from.column(), 0);
        QCOMPARE(to.column(), OperationTableModel::ColumnCount - 1);
        QVERIFY(from.row() <= to.row());
    }
}

void TestMonitor::problemsDoNotChangeTheStatus()
{
    const QString id = addRunning(3600 * 1000);
    m_monitor->track({id});
    m_monitor->start();
    QVERIFY(waitForStatus(id, OperationStatus::Running));

    QSignalSpy statusChanges(m_model, &OperationTableModel::statusChanged);
    FaultProfile faults;
    faults.serverError = 1.0;
    m_graph->simulator.setFaults(faults);
    QVERIFY(waitUntil([&] { return row(id).problem.kind == Problem::Kind::ServerError; }, 10000));
    QCOMPARE(row(id).status(), OperationStatus::Running);
    QCOMPARE(row(id).problem.httpStatus, 500);
    QVERIFY(row(id).nextCheck.isValid());
    QVERIFY(m_model->data(m_model->index(m_model->rowOf(id), OperationTableModel::ResultColumn))
                .toString()
                .contains(QStringLiteral("HTTP 500")));

    faults.serverError = 0;
    faults.htmlBody = 1.0;
    m_graph->simulator.setFaults(faults);
    QVERIFY(waitUntil([&] { return row(id).problem.kind == Problem::Kind::BadReply; }, 10000));
    QCOMPARE(row(id).status(), OperationStatus::Running);

    m_graph->simulator.setFaults({});
    QVERIFY(waitUntil([&] { return row(id).problem.isNull(); }, 15000));
    QCOMPARE(row(id).status(), OperationStatus::Running);
    QCOMPARE(statusChanges.size(), 0);
}

void TestMonitor::goneOperationsExpireWithAHint()
{
    const QString unknown = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_monitor->track({unknown});
    m_monitor->start();
    QSignalSpy statusChanges(m_model, &OperationTableModel::statusChanged);
    QVERIFY(waitForStatus(unknown, OperationStatus::Expired));
    QCOMPARE(m_graph->simulator.requestsFor(unknown).size(), PollPolicy::GoneLimit);
    QCOMPARE(row(unknown).problem.kind, Problem::Kind::NotFound);
    QVERIFY(row(unknown).problem.message.contains(QStringLiteral("start a new export")));
    QCOMPARE(statusChanges.size(), 1);
    QCOMPARE(statusChanges.first().at(2).value<OperationStatus>(), OperationStatus::Expired);

    // Checked by hand once it exists (the simulator learns about it): tracked again.
    SimulatedOperation spec;
    spec.id = unknown;
    spec.runningMs = 3600 * 1000;
    m_graph->simulator.addOperation(spec);
    QCOMPARE(m_monitor->checkNow(unknown), QString());
    QVERIFY(waitForStatus(unknown, OperationStatus::Running));
    QVERIFY(!row(unknown).expired);
    QVERIFY(row(unknown).problem.isNull());
}

void TestMonitor::throttlingIsReportedAndRespected()
{
    const QString id = addRunning(3600 * 1000);
    FaultProfile faults;
    faults.throttle = 1.0;
    faults.retryAfterSeconds = 3;
    m_graph->simulator.setFaults(faults);
    m_monitor->track({id});
    m_monitor->start();
    QVERIFY(waitUntil([&] { return m_monitor->throttledUntil().isValid(); }, 10000));
    QVERIFY(waitUntil([&] { return row(id).problem.kind == Problem::Kind::Throttled; }, 5000));
    QCOMPARE(row(id).lastRetryAfter, QStringLiteral("3"));
    QVERIFY(m_monitor->refreshAll().startsWith(QStringLiteral("Throttled by Graph until")));
    QVERIFY(m_monitor->checkNow(id).startsWith(QStringLiteral("Throttled by Graph until")));
    m_graph->simulator.setFaults({});
    QVERIFY(waitForStatus(id, OperationStatus::Running, 10000));
    const QList<SimulatorRequest> log = m_graph->simulator.requestsFor(id);
    QCOMPARE(log.size(), 2);
    QVERIFY(log[1].receivedAtMs >= log[0].answeredAtMs + 3000 - 2);
}

void TestMonitor::trackingValidatesAndKeepsTheLocation()
{
    const QString id = addRunning(3600 * 1000);
    const auto result
        = m_monitor->track({QStringLiteral("not-a-guid"), id, QStringLiteral(" ") + id.toUpper()});
    QCOMPARE(result.added, QStringList {id});
    QCOMPARE(result.alreadyTracked, QStringList {id});
    QCOMPARE(result.rejected, QStringList {QStringLiteral("not-a-guid")});
    QCOMPARE(m_monitor->track({id}).alreadyTracked, QStringList {id});

    const QString exported = addRunning(3600 * 1000);
    QUrl location = m_graph->simulator.operationUrl(exported, QStringLiteral("beta"));
    QVERIFY(!m_monitor->trackExport(exported, QUrl(QStringLiteral("http://example.com/op")),
                                    QStringLiteral("x")));
    QVERIFY(!m_monitor->trackExport(QStringLiteral("nope"), location, QStringLiteral("x")));
    QVERIFY(m_monitor->trackExport(exported, location, QStringLiteral("Export")));
    QVERIFY(!m_monitor->trackExport(exported, location, QStringLiteral("Export")));
    QCOMPARE(row(exported).url, location);
    m_monitor->start();
    QVERIFY(waitForStatus(exported, OperationStatus::Running));
    QVERIFY(
        m_graph->simulator.requestsFor(exported).first().path.startsWith(QStringLiteral("/beta/")));
}

void TestMonitor::removedOperationsAreNoLongerPolled()
{
    const QString id = addRunning(3600 * 1000);
    m_monitor->track({id});
    m_monitor->start();
    QVERIFY(waitForStatus(id, OperationStatus::Running));
    m_monitor->remove({id});
    QCOMPARE(m_model->rowCount(), 0);
    QTest::qWait(300);
    const int requests = int(m_graph->simulator.requestsFor(id).size());
    QTest::qWait(1500);
    QCOMPARE(m_graph->simulator.requestsFor(id).size(), requests);
    QCOMPARE(m_monitor->requestsInFlight(), 0);
}

void TestMonitor::rowsAddedByOthersArePolled()
{
    // What the store does on start-up: rows straight into the model.
    const QString running = addRunning(3600 * 1000);
    TrackedOperation restored;
    restored.id = running;
    restored.addedAt = QDateTime::currentDateTimeUtc();
    TrackedOperation finished;
    finished.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    finished.last.status = OperationStatus::Succeeded;
    finished.last.rawStatus = QStringLiteral("succeeded");
    m_model->add({restored, finished});
    m_monitor->start();
    QVERIFY(waitForStatus(running, OperationStatus::Running));
    QTest::qWait(500);
    QCOMPARE(m_graph->simulator.requestsFor(finished.id).size(), 0);
}

void TestMonitor::heldRowsAreTakenUpInSlicesOnResume()
{
    // What the session does while the store loads: the rows arrive, polling waits.
    const auto restored = [](const QString &id, OperationStatus status) {
        TrackedOperation operation;
        operation.id = id;
        operation.addedAt = QDateTime::currentDateTimeUtc();
        operation.last.status = status;
        return operation;
    };
    const QString first = addRunning(3600 * 1000);
    const QString last = addRunning(3600 * 1000);
    QList<TrackedOperation> rows {restored(first, OperationStatus::Unknown)};
    for (int i = 0; i < OperationMonitor::TrackingSlice; ++i)
        rows.append(restored(QUuid::createUuid().toString(QUuid::WithoutBraces),
                             OperationStatus::Succeeded));
    rows.append(restored(last, OperationStatus::Unknown));
    m_monitor->holdTracking();
    m_model->add(rows);
    m_monitor->start();
    QTest::qWait(500);
    QCOMPARE(m_graph->simulator.requestsFor(first).size(), 0);
    QVERIFY(m_monitor->isTakingUp());

    m_monitor->resumeTracking();
    // The first slice went at once; the rest waits for the event loop. A row removed before
    // its slice is never polled.
    QVERIFY(m_monitor->isTakingUp());
    m_monitor->remove({last});
    QVERIFY(waitForStatus(first, OperationStatus::Running));
    QTRY_VERIFY(!m_monitor->isTakingUp());
    QTest::qWait(500);
    QCOMPARE(m_graph->simulator.requestsFor(last).size(), 0);
    QCOMPARE(m_model->rowCount(), OperationMonitor::TrackingSlice + 1);
}

void TestMonitor::stopAbortsStalledChecks()
{
    const QStringList ids {addRunning(3600 * 1000), addRunning(3600 * 1000)};
    FaultProfile faults;
    faults.stall = 1.0;
    faults.stallMs = 60000;
    m_graph->simulator.setFaults(faults);
    m_monitor->track(ids);
    m_monitor->start();
    QVERIFY(waitUntil(
        [&] {
            return m_graph->simulator.requestCount() == 2 && m_monitor->requestsInFlight() == 2;
        },
        10000));

    QSignalSpy rowChanges(m_model, &QAbstractItemModel::dataChanged);
    m_monitor->stop();
    QVERIFY(!m_monitor->isRunning());
    QCOMPARE(m_monitor->requestsInFlight(), 0);
    // Long enough for any answer or batch to land: the aborted checks change no row.
    QTest::qWait(3 * OperationMonitor::BatchIntervalMs);
    QCOMPARE(rowChanges.size(), 0);
    for (const QString &id : ids) {
        QVERIFY(!row(id).lastChecked.isValid());
        QVERIFY2(row(id).problem.isNull(), qPrintable(row(id).problem.summary()));
    }
    QCOMPARE(m_graph->simulator.requestCount(), 2);

    m_graph->simulator.setFaults({});
    m_monitor->start();
    for (const QString &id : ids) {
        QVERIFY(waitForStatus(id, OperationStatus::Running));
        QVERIFY(row(id).problem.isNull());
        QVERIFY(m_graph->simulator.requestsFor(id).size() >= 2);
    }
}

// The session points the client at its Graph only after building the monitor. A simulator
// on this computer must then count as reachable even though the machine is offline.
void TestMonitor::graphOnThisComputerIsReachableOffline()
{
    NetworkStatus offline(Clock::system());
    offline.setOnline(false);
    StaticTokenProvider tokens;
    GraphClient client(&tokens);
    OperationTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    OperationMonitor monitor(&model, &client, &offline);
    QSignalSpy onlineChanges(&monitor, &OperationMonitor::onlineChanged);
    QVERIFY(!monitor.isOnline());

    QString error;
    const std::optional<GraphEndpoint> local = GraphEndpoint::make(
        m_graph->simulator.rootUrl().toString(), QStringLiteral("v1.0"), &error);
    QVERIFY2(local, qPrintable(error));
    client.setEndpoint(*local);
    QVERIFY(monitor.isOnline());

    client.setEndpoint(GraphEndpoint());
    QVERIFY(!monitor.isOnline());
    QCOMPARE(onlineChanges.size(), 2);
}

QTEST_GUILESS_MAIN(TestMonitor)
#include "tst_monitor.moc"
