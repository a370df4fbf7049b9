#include "app/simulator/graphsimulator.h"
#include "support/cliprocess.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>

// The real billing-monitor-cli executable against an in-process simulator: every command,
// with --json and human output, and every exit code. The simulator answers from this
// process's event loop, so the child is awaited with an event loop, never blocking.
class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void helpDocumentsEverything();
    void versionIsPrinted();
    void usageErrorsRequestNothing_data();
    void usageErrorsRequestNothing();
    void plainHttpOnlyToLoopback();
    void graphUrlFlagWinsOverEnvironment();
    void apiVersionPicksThePath();

    void statusJsonHasTheDocumentedFields();
    void statusHumanIsAnAlignedTable();
    void statusOfRunningOperationsSucceeds();
    void statusOfAMissingOperationIsExitOne();
    void missingTokenIsExitFour();
    void refusedTokenIsExitFour();
    void serverErrorsThatPersistAreExitFive();
    void unreachableGraphIsExitFive();

    void watchPrintsChangesInOrderAndAFinalLineEach();
    void watchHumanEndsWithSuccess();
    void watchTimeoutIsExitThree();
    void ctrlCStopsWatchAndPrintsWhatIsKnown();

    void manifestJsonAndHuman();
    void manifestOfARunningOperationIsExitOne();
    void downloadVerifiesTheFiles();
    void downloadOfACorruptBlobIsExitFive();

    void exportPrintsTheOperationId();
    void exportWatchFollowsTheNewOperation();
    void exportRefusedByGraphIsExitFour();
    void exportWithBadFieldsRequestsNothing();

    void simulatePrintsShellLinesAndServes();
    void refusedManifestIsExitFour();

    void trackAndListShareTheAppsList();
    void exportTrackAddsTheExportToTheList();

private:
    using Run = CliProcess;

    QProcessEnvironment environment() const;
    Run run(const QStringList &arguments, QProcessEnvironment env = {}, int timeoutMs = 30000);
    QString addOperation(qint64 runningMs,
                         SimulatedOperation::Outcome outcome
                         = SimulatedOperation::Outcome::Succeeded,
                         qint64 ageMs = 0);
    QString addFinished(SimulatedOperation::Outcome outcome
                        = SimulatedOperation::Outcome::Succeeded);

    QString m_executable;
    std::unique_ptr<GraphSimulator> m_simulator;
};

void TestCli::initTestCase()
{
    // The tests are in <build>/tests, the CLI in <build>.
    m_executable = CliProcess::executable();
    QVERIFY2(QFileInfo(m_executable).isExecutable(), qPrintable(m_executable));
}

void TestCli::init()
{
    m_simulator = std::make_unique<GraphSimulator>();
    QVERIFY2(m_simulator->start(), qPrintable(m_simulator->errorString()));
}

void TestCli::cleanup()
{
    m_simulator.reset();
}

QProcessEnvironment TestCli::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("BILLING_MONITOR_GRAPH_URL"), m_simulator->rootUrl().toString());
    env.insert(QStringLiteral("BILLING_MONITOR_TOKEN"), m_simulator->acceptedToken());
    env.remove(QStringLiteral("NO_COLOR"));
    return env;
}

TestCli::Run TestCli::run(const QStringList &arguments, QProcessEnvironment env, int timeoutMs)
{
    return CliProcess::run(arguments, env.isEmpty() ? environment() : env, timeoutMs);
}

QString TestCli::addOperation(qint64 runningMs, SimulatedOperation::Outcome outcome, qint64 ageMs)
{
    SimulatedOperation spec;
    spec.runningMs = runningMs;
    spec.outcome = outcome;
    spec.ageMs = ageMs;
    spec.retryAfter = "0.2";
    spec.manifest.blobCount = 2;
    spec.manifest.linesPerBlob = 20;
    return m_simulator->addOperation(spec);
}

QString TestCli::addFinished(SimulatedOperation::Outcome outcome)
{
    return addOperation(100, outcome, 60000);
}

void TestCli::helpDocumentsEverything()
{
    const Run result = run({QStringLiteral("--help")});
    QCOMPARE(result.exitCode, 0);
    const QStringList mentions {
        // commands
        QStringLiteral("status"), QStringLiteral("watch"), QStringLiteral("manifest"),
        QStringLiteral("download"), QStringLiteral("export"), QStringLiteral("simulate"),
        QStringLiteral("billed-usage"), QStringLiteral("unbilled-usage"),
        QStringLiteral("billed-reconciliation"), QStringLiteral("unbilled-reconciliation"),
        // options
        QStringLiteral("--graph-url"), QStringLiteral("--api-version"), QStringLiteral("--json"),
        QStringLiteral("--timeout"), QStringLiteral("--interval"), QStringLiteral("--dest"),
        QStringLiteral("--invoice"), QStringLiteral("--currency"), QStringLiteral("--period"),
        QStringLiteral("--attributes"), QStringLiteral("--watch"), QStringLiteral("--port"),
        QStringLiteral("--scenario"), QStringLiteral("--help"), QStringLiteral("--version"),
        QStringLiteral("list"), QStringLiteral("track"), QStringLiteral("--track"),
        QStringLiteral("--label"),
        // environment
        QStringLiteral("BILLING_MONITOR_GRAPH_URL"), QStringLiteral("BILLING_MONITOR_TOKEN"),
        QStringLiteral("NO_COLOR"),
        // JSON fields
        QStringLiteral("rawStatus"), QStringLiteral("createdDateTime"),
        QStringLiteral("lastActionDateTime"), QStringLiteral("manifestUrl"),
        QStringLiteral("requestId"), QStringLiteral("notStarted"), QStringLiteral("expired")};
    for (const QString &mention : mentions)
        QVERIFY2(result.out.contains(mention), qPrintable(mention));
    for (int code : {0, 1, 2, 3, 4, 5, 130}) {
        const QRegularExpression line(QStringLiteral("\\n  %1 +\\S").arg(code));
        QVERIFY2(result.out.contains(line), qPrintable(QString::number(code)));
    }
    QVERIFY(result.out.contains(QStringLiteral("Ctrl+C")));
    QCOMPARE(run({QStringLiteral("status"), QStringLiteral("-h")}).out, result.out);
}

void TestCli::versionIsPrinted()
{
    const Run result = run({QStringLiteral("--version")});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out.trimmed(), QStringLiteral("billing-monitor-cli " BILLING_MONITOR_VERSION));
}

void TestCli::usageErrorsRequestNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString id = QStringLiteral("6fe687d7-1e0f-4bd6-9091-4672691f64bc");
    QTest::newRow("no command") << QStringList {} << QStringLiteral("no command given");
    QTest::newRow("unknown command")
        << QStringList {QStringLiteral("stats"), id} << QStringLiteral("unknown command 'stats'");
    QTest::newRow("invalid id") << QStringList {QStringLiteral("status"), QStringLiteral("1234")}
                                << QStringLiteral("'1234' is not an operation id");
    QTest::newRow("one invalid among valid")
        << QStringList {QStringLiteral("watch"), id, QStringLiteral("6fe687d7-1e0f-4bd6")}
        << QStringLiteral("is not an operation id");
    QTest::newRow("no id") << QStringList {QStringLiteral("status")}
                           << QStringLiteral("no operation id or URL given");
    QTest::newRow("two ids for manifest")
        << QStringList {QStringLiteral("manifest"), id,
                        QStringLiteral("8fe347d7-1e0f-4bd6-9091-4672691f32db")}
        << QStringLiteral("takes one operation");
    QTest::newRow("unknown option")
        << QStringList {QStringLiteral("status"), QStringLiteral("--dest"), QStringLiteral("x"), id}
        << QStringLiteral("unknown option '--dest'");
    QTest::newRow("bad timeout") << QStringList {
        QStringLiteral("watch"), id, QStringLiteral("--timeout"),
        QStringLiteral("soon")} << QStringLiteral("--timeout wants a number of seconds");
    QTest::newRow("missing dest") << QStringList {QStringLiteral("download"), id}
                                  << QStringLiteral("--dest DIR is required");
    QTest::newRow("bad version") << QStringList {
        QStringLiteral("--api-version"), QStringLiteral("v2"), QStringLiteral("status"),
        id} << QStringLiteral("--api-version: The API version must be v1.0 or beta");
    QTest::newRow("token as an argument")
        << QStringList {QStringLiteral("--token"), QStringLiteral("secret"),
                        QStringLiteral("status"), id}
        << QStringLiteral("unknown option '--token'");
}

void TestCli::usageErrorsRequestNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    QVERIFY(result.err.contains(QStringLiteral("--help")));
    QVERIFY(result.out.isEmpty());
    QCOMPARE(m_simulator->requestCount(), 0);
}

void TestCli::plainHttpOnlyToLoopback()
{
    const QString id = addFinished();
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("BILLING_MONITOR_GRAPH_URL"),
               QStringLiteral("http://graph.example.com"));
    Run result = run({QStringLiteral("status"), id}, env);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QStringLiteral("BILLING_MONITOR_GRAPH_URL: Plain http://")),
             qPrintable(result.err));

    result = run({QStringLiteral("--graph-url"), QStringLiteral("http://10.0.0.1:8080"),
                  QStringLiteral("status"), id});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QStringLiteral("--graph-url: Plain http://")),
             qPrintable(result.err));
    QCOMPARE(m_simulator->requestCount(), 0);
}

void TestCli::graphUrlFlagWinsOverEnvironment()
{
    const QString id = addFinished();
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("BILLING_MONITOR_GRAPH_URL"), QStringLiteral("http://127.0.0.1:9"));
    const Run result = run({QStringLiteral("--graph-url"), m_simulator->rootUrl().toString(),
                            QStringLiteral("--json"), QStringLiteral("status"), id},
                           env);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.json().value(0).value(QStringLiteral("status")).toString(),
             QStringLiteral("succeeded"));
}

void TestCli::apiVersionPicksThePath()
{
    const QString id = addFinished();
    const Run result = run(
        {QStringLiteral("--api-version"), QStringLiteral("beta"), QStringLiteral("status"), id});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(m_simulator->requestLog().size(), 1);
    QVERIFY(m_simulator->requestLog().constFirst().path.startsWith(QStringLiteral("/beta/")));
}

void TestCli::statusJsonHasTheDocumentedFields()
{
    const QString succeeded = addFinished();
    const QString failed = addFinished(SimulatedOperation::Outcome::Failed);
    // A URL as pasted from a Location header works like the bare id.
    const QString failedUrl
        = QStringLiteral("https://graph.microsoft.com/v1.0/reports/partners/billing/operations/")
        + failed.toUpper();
    const Run result
        = run({QStringLiteral("--json"), QStringLiteral("status"), succeeded, failedUrl});
    QCOMPARE(result.exitCode, 1); // one of them failed
    const QList<QJsonObject> objects = result.json();
    QCOMPARE(objects.size(), 2);

    const QJsonObject &first = objects.at(0);
    QCOMPARE(first.value(QStringLiteral("id")).toString(), succeeded);
    QCOMPARE(first.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
    QCOMPARE(first.value(QStringLiteral("rawStatus")).toString(), QStringLiteral("succeeded"));
    for (const QString &key :
         {QStringLiteral("createdDateTime"), QStringLiteral("lastActionDateTime")}) {
        const QString date = first.value(key).toString();
        QVERIFY2(date.endsWith(u'Z'), qPrintable(date));
        QVERIFY(QDateTime::fromString(date, Qt::ISODateWithMs).isValid());
    }
    // The times keep Graph's own digits: seven after the seconds for lastActionDateTime,
    // none for createdDateTime, as the simulator (like Graph) writes them.
    const QRegularExpression sevenDigits(
        QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}Z$"));
    const QRegularExpression noFraction(
        QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"));
    QVERIFY2(
        sevenDigits.match(first.value(QStringLiteral("lastActionDateTime")).toString()).hasMatch(),
        qPrintable(first.value(QStringLiteral("lastActionDateTime")).toString()));
    QVERIFY2(noFraction.match(first.value(QStringLiteral("createdDateTime")).toString()).hasMatch(),
             qPrintable(first.value(QStringLiteral("createdDateTime")).toString()));
    QVERIFY(first.value(QStringLiteral("manifestUrl"))
                .toString()
                .contains(QStringLiteral("/manifests/")));
    QVERIFY(!first.contains(QStringLiteral("error")));
    QVERIFY(!first.contains(QStringLiteral("problem")));

    const QJsonObject &second = objects.at(1);
    QCOMPARE(second.value(QStringLiteral("id")).toString(), failed);
    QCOMPARE(second.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    const QJsonObject error = second.value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("5000"));
    QCOMPARE(error.value(QStringLiteral("message")).toString(),
             QStringLiteral("No data available"));
    QVERIFY(error.contains(QStringLiteral("target")));
    QVERIFY(second.value(QStringLiteral("manifestUrl")).isNull());

    // Each id was asked for once, at the simulator the environment names.
    QCOMPARE(m_simulator->requestsFor(succeeded).size(), 1);
    QCOMPARE(m_simulator->requestsFor(failed).size(), 1);
}

void TestCli::statusHumanIsAnAlignedTable()
{
    const QString succeeded = addFinished();
    const QString failed = addFinished(SimulatedOperation::Outcome::Failed);
    const Run result = run({QStringLiteral("status"), succeeded, failed});
    QCOMPARE(result.exitCode, 1);
    const QStringList lines = result.lines();
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines.at(0).startsWith(QStringLiteral("ID ")));
    const qsizetype statusColumn = lines.at(0).indexOf(QStringLiteral("STATUS"));
    QVERIFY(statusColumn > 36);
    QCOMPARE(lines.at(1).indexOf(QStringLiteral("Succeeded")), statusColumn);
    QCOMPARE(lines.at(2).indexOf(QStringLiteral("Failed")), statusColumn);
    QVERIFY(lines.at(2).contains(QStringLiteral("5000: No data available")));
    QVERIFY2(!result.out.contains(QLatin1Char('\x1b')), "no colour when stdout is not a terminal");
}

void TestCli::statusOfRunningOperationsSucceeds()
{
    const QString running = addOperation(600000);
    const QString succeeded = addFinished();
    const Run result
        = run({QStringLiteral("--json"), QStringLiteral("status"), running, succeeded});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.json().value(0).value(QStringLiteral("status")).toString(),
             QStringLiteral("running"));
}

void TestCli::statusOfAMissingOperationIsExitOne()
{
    const QString missing = QStringLiteral("0b5e7a4c-2d3f-4a5b-8c9d-0e1f2a3b4c5d");
    const Run result = run({QStringLiteral("--json"), QStringLiteral("status"), missing});
    QCOMPARE(result.exitCode, 1);
    const QJsonObject object = result.json().value(0);
    QCOMPARE(object.value(QStringLiteral("id")).toString(), missing);
    const QJsonObject problem = object.value(QStringLiteral("problem")).toObject();
    QCOMPARE(problem.value(QStringLiteral("httpStatus")).toInt(), 404);
    QVERIFY(!problem.value(QStringLiteral("message")).toString().isEmpty());
    QVERIFY(problem.contains(QStringLiteral("code")));
    QVERIFY(problem.contains(QStringLiteral("requestId")));

    const Run human = run({QStringLiteral("status"), missing});
    QCOMPARE(human.exitCode, 1);
    QVERIFY(human.out.contains(QStringLiteral("HTTP 404")));
    // Graph never told its state: the CLI says so as the table does, not "Unknown".
    QVERIFY2(human.out.contains(QStringLiteral("No answer yet")), qPrintable(human.out));
}

void TestCli::missingTokenIsExitFour()
{
    const QString id = addFinished();
    QProcessEnvironment env = environment();
    env.remove(QStringLiteral("BILLING_MONITOR_TOKEN"));
    const Run result = run({QStringLiteral("status"), id}, env);
    QCOMPARE(result.exitCode, 4);
    QVERIFY2(result.err.contains(QStringLiteral("no token: set BILLING_MONITOR_TOKEN")),
             qPrintable(result.err));
    QVERIFY(result.out.contains(QStringLiteral("HTTP 401")));
    QVERIFY(!m_simulator->requestLog().value(0).hadAuthorization);
}

void TestCli::refusedTokenIsExitFour()
{
    const QString id = addOperation(600000);
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("BILLING_MONITOR_TOKEN"), QStringLiteral("not-the-token"));
    // watch gives up at once: waiting cannot fix a refused token.
    const Run result = run({QStringLiteral("--json"), QStringLiteral("watch"), id}, env);
    QCOMPARE(result.exitCode, 4);
    QVERIFY(!result.err.contains(QStringLiteral("no token")));
    const QJsonObject last = result.json().value(result.json().size() - 1);
    QVERIFY(last.value(QStringLiteral("final")).toBool());
    QCOMPARE(last.value(QStringLiteral("problem"))
                 .toObject()
                 .value(QStringLiteral("httpStatus"))
                 .toInt(),
             401);
}

void TestCli::serverErrorsThatPersistAreExitFive()
{
    const QString id = addFinished();
    FaultProfile faults;
    faults.serverError = 1;
    m_simulator->setFaults(faults);
    // status retries for a while with the app's backoff, then reports what it has.
    const Run result = run({QStringLiteral("--json"), QStringLiteral("status"), id});
    QCOMPARE(result.exitCode, 5);
    const QJsonObject problem = result.json().value(0).value(QStringLiteral("problem")).toObject();
    QCOMPARE(problem.value(QStringLiteral("httpStatus")).toInt(), 500);
    QVERIFY(m_simulator->requestsFor(id).size() >= 2);
}

void TestCli::unreachableGraphIsExitFive()
{
    const QString id = QStringLiteral("0b5e7a4c-2d3f-4a5b-8c9d-0e1f2a3b4c5d");
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("BILLING_MONITOR_GRAPH_URL"), QStringLiteral("http://127.0.0.1:9"));
    const Run result = run(
        {QStringLiteral("watch"), id, QStringLiteral("--timeout"), QStringLiteral("1.5")}, env);
    QCOMPARE(result.exitCode, 5);
    QVERIFY(result.err.contains(QStringLiteral("--timeout ran out")));
    QVERIFY(result.out.contains(id));
}

void TestCli::watchPrintsChangesInOrderAndAFinalLineEach()
{
    const QString quick = addOperation(500);
    const QString slow = addOperation(2500, SimulatedOperation::Outcome::Failed);
    const Run result = run({QStringLiteral("--json"), QStringLiteral("watch"), slow, quick,
                            QStringLiteral("--interval"), QStringLiteral("1")});
    QCOMPARE(result.exitCode, 1); // one failed
    const QList<QJsonObject> objects = result.json();
    QVERIFY(objects.size() >= 4);

    QStringList changes;
    QList<QJsonObject> finals;
    for (const QJsonObject &object : objects) {
        if (object.value(QStringLiteral("final")).toBool()) {
            finals << object;
            continue;
        }
        QVERIFY2(finals.isEmpty(), "no change after the final lines");
        changes << object.value(QStringLiteral("id")).toString() + QLatin1Char(' ')
                + object.value(QStringLiteral("status")).toString();
    }
    // Every change once, in the order they happened.
    const qsizetype quickDone = changes.indexOf(quick + QStringLiteral(" succeeded"));
    const qsizetype slowDone = changes.indexOf(slow + QStringLiteral(" failed"));
    QVERIFY2(quickDone >= 0 && slowDone >= 0, qPrintable(changes.join(u',')));
    QVERIFY2(quickDone < slowDone, qPrintable(changes.join(u',')));
    QCOMPARE(changes.removeDuplicates(), qsizetype(0));

    QCOMPARE(finals.size(), 2);
    QCOMPARE(finals.at(0).value(QStringLiteral("id")).toString(), slow);
    QCOMPARE(finals.at(0).value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    QCOMPARE(finals.at(1).value(QStringLiteral("id")).toString(), quick);
    QCOMPARE(finals.at(1).value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
}

void TestCli::watchHumanEndsWithSuccess()
{
    const QString first = addFinished();
    const QString second = addOperation(300);
    const Run result = run({QStringLiteral("watch"), first, second, QStringLiteral("--interval"),
                            QStringLiteral("1")});
    QCOMPARE(result.exitCode, 0);
    const QStringList lines = result.lines();
    // Change lines carry a time, then the table of where each one ended.
    const QRegularExpression changeLine(QStringLiteral("^\\d\\d:\\d\\d:\\d\\d  [0-9a-f-]{36}  "));
    QVERIFY(lines.value(0).contains(changeLine));
    const qsizetype header = lines.indexOf(QRegularExpression(QStringLiteral("ID +STATUS.*")));
    QVERIFY(header > 0);
    QCOMPARE(lines.size(), header + 3);
    QVERIFY(lines.at(header + 1).startsWith(first));
    QVERIFY(lines.at(header + 2).startsWith(second));
    QVERIFY(lines.at(header + 2).contains(QStringLiteral("Succeeded")));
}

void TestCli::watchTimeoutIsExitThree()
{
    const QString running = addOperation(600000);
    const Run result = run({QStringLiteral("--json"), QStringLiteral("watch"), running,
                            QStringLiteral("--timeout"), QStringLiteral("1")});
    QCOMPARE(result.exitCode, 3);
    QVERIFY(result.err.contains(QStringLiteral("--timeout ran out")));
    const QList<QJsonObject> objects = result.json();
    QVERIFY(!objects.isEmpty());
    QVERIFY(objects.constLast().value(QStringLiteral("final")).toBool());
    QCOMPARE(objects.constLast().value(QStringLiteral("status")).toString(),
             QStringLiteral("running"));
}

void TestCli::ctrlCStopsWatchAndPrintsWhatIsKnown()
{
    const QString running = addOperation(600000);
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(m_executable, {QStringLiteral("--json"), QStringLiteral("watch"), running});
    QVERIFY(process.waitForStarted());
    // The first change line means the watch is under way.
    QVERIFY(QTest::qWaitFor([&] { return process.canReadLine(); }, 10000));
    ::kill(pid_t(process.processId()), SIGINT);
    QVERIFY(QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 130);
    const QStringList lines
        = QString::fromUtf8(process.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    const QJsonObject last = QJsonDocument::fromJson(lines.constLast().toUtf8()).object();
    QVERIFY(last.value(QStringLiteral("final")).toBool());
    QCOMPARE(last.value(QStringLiteral("status")).toString(), QStringLiteral("running"));
}

void TestCli::manifestJsonAndHuman()
{
    const QString id = addFinished();
    const Run json = run({QStringLiteral("--json"), QStringLiteral("manifest"), id});
    QCOMPARE(json.exitCode, 0);
    QCOMPARE(json.json().size(), 1);
    const QJsonObject manifest = json.json().constFirst();
    for (const QString &key :
         {QStringLiteral("id"), QStringLiteral("schemaVersion"), QStringLiteral("dataFormat"),
          QStringLiteral("createdDateTime"), QStringLiteral("eTag"),
          QStringLiteral("partnerTenantId"), QStringLiteral("rootDirectory"),
          QStringLiteral("sasToken"), QStringLiteral("partitionType"), QStringLiteral("blobCount"),
          QStringLiteral("blobs")})
        QVERIFY2(manifest.contains(key), qPrintable(key));
    QCOMPARE(manifest.value(QStringLiteral("blobCount")).toInt(), 2);
    const QJsonArray blobs = manifest.value(QStringLiteral("blobs")).toArray();
    QCOMPARE(blobs.size(), 2);
    QVERIFY(blobs.at(0)
                .toObject()
                .value(QStringLiteral("name"))
                .toString()
                .endsWith(QStringLiteral(".json.gz")));
    QVERIFY(blobs.at(0).toObject().contains(QStringLiteral("partitionValue")));
    QVERIFY(manifest.value(QStringLiteral("createdDateTime")).toString().endsWith(u'Z'));

    const Run human = run({QStringLiteral("manifest"), id});
    QCOMPARE(human.exitCode, 0);
    QVERIFY(human.out.contains(QStringLiteral("Root directory")));
    QVERIFY(human.out.contains(blobs.at(1).toObject().value(QStringLiteral("name")).toString()));
}

void TestCli::manifestOfARunningOperationIsExitOne()
{
    const QString running = addOperation(600000);
    const Run result = run({QStringLiteral("manifest"), running});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QStringLiteral("has no manifest")), qPrintable(result.err));
    QVERIFY(result.out.isEmpty());
}

void TestCli::downloadVerifiesTheFiles()
{
    const QString id = addFinished();
    QTemporaryDir folder;
    const QString dest = folder.filePath(QStringLiteral("new/sub")); // created when missing
    const Run json = run(
        {QStringLiteral("--json"), QStringLiteral("download"), id, QStringLiteral("--dest"), dest});
    QCOMPARE(json.exitCode, 0);
    const QList<QJsonObject> files = json.json();
    QCOMPARE(files.size(), 2);
    for (const QJsonObject &file : files) {
        QCOMPARE(file.value(QStringLiteral("state")).toString(), QStringLiteral("verified"));
        QCOMPARE(file.value(QStringLiteral("lines")).toInt(), 20);
        const QString path = file.value(QStringLiteral("path")).toString();
        QVERIFY2(QFileInfo(path).isFile(), qPrintable(path));
        QCOMPARE(QFileInfo(path).size(), file.value(QStringLiteral("bytes")).toInteger());
    }
    // Progress goes to stderr, so stdout stays parseable.
    QVERIFY(json.err.contains(QStringLiteral("[2/2]")));

    const Run human = run({QStringLiteral("download"), id, QStringLiteral("--dest"), dest});
    QCOMPARE(human.exitCode, 0);
    QVERIFY(human.out.startsWith(QStringLiteral("FILE")));
    QCOMPARE(human.out.count(QStringLiteral("verified")), 2);
}

void TestCli::downloadOfACorruptBlobIsExitFive()
{
    SimulatedOperation spec;
    spec.runningMs = 100;
    spec.ageMs = 60000;
    spec.manifest.blobCount = 2;
    spec.manifest.linesPerBlob = 10;
    spec.manifest.corruptBlobs = {1};
    const QString id = m_simulator->addOperation(spec);
    QTemporaryDir folder;
    const Run result = run({QStringLiteral("--json"), QStringLiteral("download"), id,
                            QStringLiteral("--dest"), folder.path()});
    QCOMPARE(result.exitCode, 5);
    QStringList states;
    for (const QJsonObject &file : result.json())
        states << file.value(QStringLiteral("state")).toString();
    states.sort();
    QCOMPARE(states, (QStringList {QStringLiteral("corrupt"), QStringLiteral("verified")}));
}

void TestCli::exportPrintsTheOperationId()
{
    const Run result = run({QStringLiteral("export"), QStringLiteral("billed-usage"),
                            QStringLiteral("--invoice"), QStringLiteral("g016907411")});
    QCOMPARE(result.exitCode, 0);
    const QString id = result.out.trimmed();
    QVERIFY2(m_simulator->operationIds().contains(id), qPrintable(result.out));
    QCOMPARE(m_simulator->requestCount(), 1); // the POST, and no polling afterwards
    QCOMPARE(m_simulator->requestLog().constFirst().method, QByteArray("POST"));

    const Run json = run({QStringLiteral("--json"), QStringLiteral("export"),
                          QStringLiteral("unbilled-reconciliation"), QStringLiteral("--currency"),
                          QStringLiteral("eur"), QStringLiteral("--period"), QStringLiteral("last"),
                          QStringLiteral("--attributes"), QStringLiteral("basic")});
    QCOMPARE(json.exitCode, 0);
    const QJsonObject started = json.json().value(0);
    QVERIFY(m_simulator->operationIds().contains(started.value(QStringLiteral("id")).toString()));
    QVERIFY(started.value(QStringLiteral("url"))
                .toString()
                .endsWith(started.value(QStringLiteral("id")).toString()));
    QVERIFY(started.value(QStringLiteral("label")).toString().contains(QStringLiteral("EUR")));
}

void TestCli::exportWatchFollowsTheNewOperation()
{
    ExportSettings settings = m_simulator->exportSettings();
    settings.succeedAfterMs = 300;
    m_simulator->setExportSettings(settings);
    const Run result = run({QStringLiteral("--json"), QStringLiteral("export"),
                            QStringLiteral("billed-reconciliation"), QStringLiteral("--invoice"),
                            QStringLiteral("G016907411"), QStringLiteral("--watch"),
                            QStringLiteral("--interval"), QStringLiteral("1"),
                            QStringLiteral("--timeout"), QStringLiteral("20")});
    QCOMPARE(result.exitCode, 0);
    const QList<QJsonObject> objects = result.json();
    QVERIFY(objects.size() >= 2);
    const QString id = objects.constFirst().value(QStringLiteral("id")).toString();
    QVERIFY(m_simulator->operationIds().contains(id));
    QCOMPARE(objects.constLast().value(QStringLiteral("id")).toString(), id);
    QVERIFY(objects.constLast().value(QStringLiteral("final")).toBool());
    QCOMPARE(objects.constLast().value(QStringLiteral("status")).toString(),
             QStringLiteral("succeeded"));
}

void TestCli::exportRefusedByGraphIsExitFour()
{
    ExportSettings settings = m_simulator->exportSettings();
    settings.forcedStatus = 403;
    m_simulator->setExportSettings(settings);
    const Run result = run({QStringLiteral("export"), QStringLiteral("unbilled-usage"),
                            QStringLiteral("--currency"), QStringLiteral("USD")});
    QCOMPARE(result.exitCode, 4);
    QVERIFY2(result.err.contains(QStringLiteral("HTTP 403")), qPrintable(result.err));
    QVERIFY(result.out.isEmpty());
}

void TestCli::exportWithBadFieldsRequestsNothing()
{
    Run result = run({QStringLiteral("export"), QStringLiteral("billed-usage"),
                      QStringLiteral("--currency"), QStringLiteral("USD")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QStringLiteral("takes --invoice, not --currency")),
             qPrintable(result.err));
    result = run({QStringLiteral("export"), QStringLiteral("unbilled-usage"),
                  QStringLiteral("--currency"), QStringLiteral("US")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QStringLiteral("--currency: ")), qPrintable(result.err));
    result = run({QStringLiteral("export"), QStringLiteral("usage")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QStringLiteral("unknown export 'usage'")), qPrintable(result.err));
    QCOMPARE(m_simulator->requestCount(), 0);
}

void TestCli::simulatePrintsShellLinesAndServes()
{
    QTemporaryDir folder;
    const QString scenarioPath = folder.filePath(QStringLiteral("scenario.json"));
    QFile scenario(scenarioPath);
    QVERIFY(scenario.open(QIODevice::WriteOnly));
    scenario.write(R"({"token": "cli-test-token", "operations": [
        {"id": "6fe687d7-1e0f-4bd6-9091-4672691f64bc", "runningSeconds": 0.1, "ageSeconds": 30}]})");
    scenario.close();

    QProcess simulator;
    simulator.setProcessEnvironment(environment());
    simulator.start(m_executable,
                    {QStringLiteral("simulate"), QStringLiteral("--port"), QStringLiteral("0"),
                     QStringLiteral("--scenario"), scenarioPath});
    QVERIFY(QTest::qWaitFor(
        [&] {
            return simulator.state() == QProcess::NotRunning
                || QString::fromUtf8(simulator.peek(4096)).count(u'\n') >= 2;
        },
        10000));
    const QString first = QString::fromUtf8(simulator.readLine()).trimmed();
    const QString second = QString::fromUtf8(simulator.readLine()).trimmed();
    const QRegularExpression urlLine(
        QStringLiteral("^export BILLING_MONITOR_GRAPH_URL=(http://127\\.0\\.0\\.1:\\d+)$"));
    const QRegularExpressionMatch url = urlLine.match(first);
    QVERIFY2(url.hasMatch(), qPrintable(first));
    QCOMPARE(second, QStringLiteral("export BILLING_MONITOR_TOKEN=cli-test-token"));

    // What it printed is all another command needs.
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("BILLING_MONITOR_GRAPH_URL"), url.captured(1));
    env.insert(QStringLiteral("BILLING_MONITOR_TOKEN"), QStringLiteral("cli-test-token"));
    const Run status = run({QStringLiteral("--json"), QStringLiteral("status"),
                            QStringLiteral("6fe687d7-1e0f-4bd6-9091-4672691f64bc")},
                           env);
    QCOMPARE(status.exitCode, 0);
    QCOMPARE(status.json().value(0).value(QStringLiteral("status")).toString(),
             QStringLiteral("succeeded"));
    QCOMPARE(m_simulator->requestCount(), 0); // it went to the CLI's simulator

    ::kill(pid_t(simulator.processId()), SIGINT);
    QVERIFY(QTest::qWaitFor([&] { return simulator.state() == QProcess::NotRunning; }, 10000));
    QCOMPARE(simulator.exitStatus(), QProcess::NormalExit);
    QCOMPARE(simulator.exitCode(), 0);

    const Run badScenario = run({QStringLiteral("simulate"), QStringLiteral("--scenario"),
                                 folder.filePath(QStringLiteral("missing.json"))});
    QCOMPARE(badScenario.exitCode, 2);
    QVERIFY(badScenario.err.contains(QStringLiteral("simulate: ")));
}

void TestCli::refusedManifestIsExitFour()
{
    // The operation answers, then Graph refuses its manifest: still a refused token.
    const auto addRefusing = [this](int manifestStatus) {
        SimulatedOperation spec;
        spec.runningMs = 100;
        spec.ageMs = 60000;
        spec.manifestStatus = manifestStatus;
        return m_simulator->addOperation(spec);
    };
    for (int refusal : {401, 403}) {
        const Run result = run({QStringLiteral("manifest"), addRefusing(refusal)});
        QCOMPARE(result.exitCode, 4);
        QVERIFY2(result.err.contains(QStringLiteral("Could not load the manifest"))
                     && result.err.contains(QString::number(refusal)),
                 qPrintable(result.err));
        QVERIFY(result.out.isEmpty());
    }

    QTemporaryDir folder;
    const Run download = run({QStringLiteral("--json"), QStringLiteral("download"),
                              addRefusing(403), QStringLiteral("--dest"), folder.path()});
    QCOMPARE(download.exitCode, 4);
    QVERIFY(download.json().isEmpty());
    QVERIFY(QDir(folder.path()).isEmpty());

    // Other manifest faults stay unresolved.
    const Run serverError = run({QStringLiteral("manifest"), addRefusing(500)});
    QCOMPARE(serverError.exitCode, 5);
}

void TestCli::trackAndListShareTheAppsList()
{
    QTemporaryDir data;
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), data.path());
    const QString first = QStringLiteral("6fe687d7-1e0f-4bd6-9091-4672691f64bc");
    const QString second = QStringLiteral("9ab9cb54-d07f-4f52-9ea6-a09d7de52c14");

    const Run tracked = run({QStringLiteral("track"), first,
                             QStringLiteral("https://graph.microsoft.com/v1.0/reports/partners/"
                                            "billing/operations/")
                                 + second.toUpper(),
                             QStringLiteral("--label"), QStringLiteral("nightly run")},
                            env);
    QCOMPARE(tracked.exitCode, 0);
    QCOMPARE(tracked.lines(),
             QStringList({first + QStringLiteral("  added"), second + QStringLiteral("  added")}));
    QVERIFY(QFileInfo::exists(
        data.filePath(QStringLiteral("BillingMonitor/billing-monitor/operations.db"))));

    const Run again = run({QStringLiteral("--json"), QStringLiteral("track"), first,
                           QStringLiteral("--label"), QStringLiteral("other")},
                          env);
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(again.json().value(0).value(QStringLiteral("added")).toBool(true), false);

    const Run listed = run({QStringLiteral("--json"), QStringLiteral("list")}, env);
    QCOMPARE(listed.exitCode, 0);
    const QList<QJsonObject> operations = listed.json();
    QCOMPARE(operations.size(), 2);
    QCOMPARE(operations.at(0).value(QStringLiteral("id")).toString(), first);
    // Tracked already: the label it had stays.
    QCOMPARE(operations.at(0).value(QStringLiteral("label")).toString(),
             QStringLiteral("nightly run"));
    QCOMPARE(operations.at(1).value(QStringLiteral("id")).toString(), second);
    QVERIFY(operations.at(1).contains(QStringLiteral("lastCheckedDateTime")));
    QVERIFY(!operations.at(1).value(QStringLiteral("addedDateTime")).toString().isEmpty());

    const Run table = run({QStringLiteral("list")}, env);
    QCOMPARE(table.exitCode, 0);
    QVERIFY(table.lines().at(0).contains(QStringLiteral("LAST CHECKED")));
    QVERIFY(table.out.contains(QStringLiteral("nightly run")));
    QVERIFY(table.out.contains(QStringLiteral("Not checked yet")));

    // Neither asks Graph anything; a bad argument is a usage error that adds nothing.
    QCOMPARE(m_simulator->requestCount(), 0);
    QCOMPARE(run({QStringLiteral("track"), QStringLiteral("nope")}, env).exitCode, 2);
    QCOMPARE(run({QStringLiteral("list"), QStringLiteral("extra")}, env).exitCode, 2);
    QCOMPARE(run({QStringLiteral("--json"), QStringLiteral("list")}, env).json().size(), 2);
}

void TestCli::exportTrackAddsTheExportToTheList()
{
    QTemporaryDir data;
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), data.path());
    const Run started = run({QStringLiteral("--json"), QStringLiteral("export"),
                             QStringLiteral("billed-usage"), QStringLiteral("--invoice"),
                             QStringLiteral("G016907411"), QStringLiteral("--track")},
                            env);
    QCOMPARE(started.exitCode, 0);
    QCOMPARE(started.json().size(), 1);
    const QJsonObject exported = started.json().constFirst();

    const QList<QJsonObject> listed
        = run({QStringLiteral("--json"), QStringLiteral("list")}, env).json();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.first().value(QStringLiteral("id")), exported.value(QStringLiteral("id")));
    QCOMPARE(listed.first().value(QStringLiteral("url")), exported.value(QStringLiteral("url")));
    QCOMPARE(listed.first().value(QStringLiteral("label")),
             exported.value(QStringLiteral("label")));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
