#include "app/exports/exportstarter.h"
#include "app/graph/graphclient.h"
#include "app/polling/operationmonitor.h"
#include "app/simulator/graphsimulator.h"
#include "app/graph/tokenprovider.h"
#include "models/operationtablemodel.h"

#include <QAbstractItemModelTester>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using Kind = ExportRequest::Kind;

Q_DECLARE_METATYPE(ExportRequest::Kind)

namespace {

const QString Guid = QStringLiteral("6fe687d7-1e0f-4bd6-9091-4672691f64bc");

ExportRequest requestOf(Kind kind)
{
    ExportRequest request;
    request.kind = kind;
    request.invoiceId = QStringLiteral("G016907411");
    request.currencyCode = QStringLiteral("usd");
    request.billingPeriod = QStringLiteral("last");
    request.attributeSet = QStringLiteral("basic");
    return request;
}

// A client, a table, a monitor and the starter, pointed at one Graph root.
struct Harness
{
    explicit Harness(const QUrl &root, const QString &token,
                     const QString &version = QStringLiteral("v1.0"))
        : tokens(token)
        , client(&tokens)
        , tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest)
        , monitor(&model, &client)
        , starter(&client, &monitor)
        , started(&starter, &ExportStarter::exportStarted)
        , failed(&starter, &ExportStarter::exportFailed)
    {
        QString error;
        const std::optional<GraphEndpoint> endpoint
            = GraphEndpoint::make(root.toString(), version, &error);
        if (endpoint)
            client.setEndpoint(*endpoint);
        else
            qFatal("bad test endpoint: %s", qPrintable(error));
        client.setTransferTimeout(5000);
    }

    // Waits for the single outcome and returns the failure (null after a success).
    Problem waitForOutcome()
    {
        if (!QTest::qWaitFor([this] { return started.size() + failed.size() > 0; }, 10000))
            qWarning("no outcome");
        return failed.isEmpty() ? Problem() : failed.first().first().value<Problem>();
    }

    StaticTokenProvider tokens;
    GraphClient client;
    OperationTableModel model;
    QAbstractItemModelTester tester;
    OperationMonitor monitor;
    ExportStarter starter;
    QSignalSpy started;
    QSignalSpy failed;
};

} // namespace

class TestExports : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void everyKindIsTrackedByItsLocation_data();
    void everyKindIsTrackedByItsLocation();
    void theLocationIsWhatGetsPolled();
    void invalidRequestsAreNotSent_data();
    void invalidRequestsAreNotSent();
    void serverSideRefusalsAreReported_data();
    void serverSideRefusalsAreReported();
    void refusedExportsTrackNothing_data();
    void refusedExportsTrackNothing();
    void acceptedWithoutLocationIsAnError();
    void unusableLocations_data();
    void unusableLocations();
    void unreachableGraphIsReported();
    void oneExportAtATime();

private:
    std::unique_ptr<GraphSimulator> m_simulator;
};

void TestExports::init()
{
    m_simulator = std::make_unique<GraphSimulator>();
    QVERIFY2(m_simulator->start(), qPrintable(m_simulator->errorString()));
}

void TestExports::everyKindIsTrackedByItsLocation_data()
{
    QTest::addColumn<ExportRequest::Kind>("kind");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("path");

    const QString base = QStringLiteral("/reports/partners/billing/");
    for (const QString &version : {QStringLiteral("v1.0"), QStringLiteral("beta")}) {
        QTest::addRow("billed usage, %s", qPrintable(version))
            << Kind::BilledUsage << version << base + QStringLiteral("usage/billed/export");
        QTest::addRow("unbilled usage, %s", qPrintable(version))
            << Kind::UnbilledUsage << version << base + QStringLiteral("usage/unbilled/export");
        QTest::addRow("billed reconciliation, %s", qPrintable(version))
            << Kind::BilledReconciliation << version
            << base + QStringLiteral("reconciliation/billed/export");
        QTest::addRow("unbilled reconciliation, %s", qPrintable(version))
            << Kind::UnbilledReconciliation << version
            << base + QStringLiteral("reconciliation/unbilled/export");
    }
}

void TestExports::everyKindIsTrackedByItsLocation()
{
    QFETCH(ExportRequest::Kind, kind);
    QFETCH(QString, version);
    QFETCH(QString, path);

    Harness harness(m_simulator->rootUrl(), m_simulator->acceptedToken(), version);
    QSignalSpy busy(&harness.starter, &ExportStarter::busyChanged);
    const ExportRequest request = requestOf(kind);
    QVERIFY(harness.starter.start(request));
    QVERIFY(harness.starter.isBusy());
    const Problem problem = harness.waitForOutcome();
    QVERIFY2(problem.isNull(), qPrintable(ExportStarter::failureText(problem)));
    QVERIFY(!harness.starter.isBusy());
    QCOMPARE(busy.size(), 2);

    QCOMPARE(harness.started.size(), 1);
    const QString id = harness.started.first().at(0).toString();
    QCOMPARE(harness.started.first().at(1).toString(), request.label());
    QVERIFY(m_simulator->operationIds().contains(id));

    // Tracked at once, with the Location exactly as the server sent it.
    QCOMPARE(harness.model.rowCount(), 1);
    const TrackedOperation *tracked = harness.model.find(id);
    QVERIFY(tracked);
    QCOMPARE(tracked->url.toEncoded(), m_simulator->operationUrl(id, version).toEncoded());
    QCOMPARE(tracked->label, request.label());
    QVERIFY(tracked->addedAt.isValid());

    const QList<SimulatorRequest> log = m_simulator->requestLog();
    QCOMPARE(log.size(), 1);
    QCOMPARE(log.first().method, QByteArray("POST"));
    QCOMPARE(log.first().path, QLatin1Char('/') + version + path);
    QVERIFY(log.first().hadAuthorization);
    QCOMPARE(log.first().status, 202);
}

void TestExports::theLocationIsWhatGetsPolled()
{
    Harness harness(m_simulator->rootUrl(), m_simulator->acceptedToken(), QStringLiteral("beta"));
    harness.monitor.start();
    QVERIFY(harness.starter.start(requestOf(Kind::UnbilledUsage)));
    QVERIFY(harness.waitForOutcome().isNull());
    const QString id = harness.started.first().first().toString();

    QTRY_VERIFY_WITH_TIMEOUT(harness.model.find(id)->hasBeenChecked(), 10000);
    const QList<SimulatorRequest> polls = m_simulator->requestsFor(id);
    QVERIFY(!polls.isEmpty());
    QCOMPARE(polls.first().method, QByteArray("GET"));
    QCOMPARE(polls.first().path, m_simulator->operationUrl(id, QStringLiteral("beta")).path());
}

void TestExports::invalidRequestsAreNotSent_data()
{
    QTest::addColumn<ExportRequest::Kind>("kind");
    QTest::addColumn<QString>("invoiceId");
    QTest::addColumn<QString>("currencyCode");
    QTest::addColumn<QString>("billingPeriod");
    QTest::addColumn<QString>("attributeSet");

    QTest::newRow("no invoice") << Kind::BilledUsage << QString() << QString() << QString()
                                << QString();
    QTest::newRow("malformed invoice") << Kind::BilledReconciliation << QStringLiteral("INV-1")
                                       << QString() << QString() << QString();
    QTest::newRow("no currency") << Kind::UnbilledUsage << QString() << QString()
                                 << QStringLiteral("current") << QString();
    QTest::newRow("currency of 4 letters")
        << Kind::UnbilledReconciliation << QString() << QStringLiteral("EURO")
        << QStringLiteral("current") << QString();
    QTest::newRow("unknown period") << Kind::UnbilledUsage << QString() << QStringLiteral("USD")
                                    << QStringLiteral("next") << QString();
    QTest::newRow("unknown attribute set")
        << Kind::BilledUsage << QStringLiteral("G016907411") << QString() << QString()
        << QStringLiteral("everything");
}

void TestExports::invalidRequestsAreNotSent()
{
    QFETCH(ExportRequest::Kind, kind);
    QFETCH(QString, invoiceId);
    QFETCH(QString, currencyCode);
    QFETCH(QString, billingPeriod);
    QFETCH(QString, attributeSet);

    Harness harness(m_simulator->rootUrl(), m_simulator->acceptedToken());
    ExportRequest request;
    request.kind = kind;
    request.invoiceId = invoiceId;
    request.currencyCode = currencyCode;
    request.billingPeriod = billingPeriod;
    request.attributeSet = attributeSet;
    QVERIFY(!request.validate().isEmpty());
    QVERIFY(!harness.starter.start(request));
    QVERIFY(!harness.starter.isBusy());
    QTest::qWait(50);
    QCOMPARE(m_simulator->requestCount(), 0);
    QVERIFY(harness.started.isEmpty());
    QVERIFY(harness.failed.isEmpty());
    QCOMPARE(harness.model.rowCount(), 0);
}

void TestExports::serverSideRefusalsAreReported_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("mentions");

    const QString billed = QStringLiteral("usage/billed/export");
    const QString unbilled = QStringLiteral("reconciliation/unbilled/export");
    QTest::newRow("no invoice") << billed << QJsonObject() << QStringLiteral("BadRequest")
                                << QStringLiteral("invoiceId");
    QTest::newRow("empty invoice")
        << billed << QJsonObject {{QStringLiteral("invoiceId"), QStringLiteral(" ")}}
        << QStringLiteral("InvalidRequest") << QStringLiteral("invoiceId");
    QTest::newRow("no currency") << unbilled
                                 << QJsonObject {{QStringLiteral("billingPeriod"),
                                                  QStringLiteral("current")}}
                                 << QStringLiteral("BadRequest") << QStringLiteral("currencyCode");
    QTest::newRow("unknown period")
        << unbilled
        << QJsonObject {{QStringLiteral("currencyCode"), QStringLiteral("USD")},
                        {QStringLiteral("billingPeriod"), QStringLiteral("next")}}
        << QStringLiteral("InvalidRequest") << QStringLiteral("billingPeriod");
    QTest::newRow("unknown attribute set")
        << billed
        << QJsonObject {{QStringLiteral("invoiceId"), QStringLiteral("G016907411")},
                        {QStringLiteral("attributeSet"), QStringLiteral("everything")}}
        << QStringLiteral("InvalidRequest") << QStringLiteral("attributeSet");
    QTest::newRow("unknown parameter")
        << billed
        << QJsonObject {{QStringLiteral("invoiceId"), QStringLiteral("G016907411")},
                        {QStringLiteral("currencyCode"), QStringLiteral("USD")}}
        << QStringLiteral("BadRequest") << QStringLiteral("currencyCode");
}

void TestExports::serverSideRefusalsAreReported()
{
    QFETCH(QString, path);
    QFETCH(QJsonObject, body);
    QFETCH(QString, code);
    QFETCH(QString, mentions);

    Harness harness(m_simulator->rootUrl(), m_simulator->acceptedToken());
    QVERIFY(harness.starter.post(harness.client.endpoint().billingUrl(path), body,
                                 QStringLiteral("label")));
    const Problem problem = harness.waitForOutcome();
    QCOMPARE(harness.failed.size(), 1);
    QVERIFY(harness.started.isEmpty());
    QCOMPARE(problem.httpStatus, 400);
    QCOMPARE(problem.code, code);
    QVERIFY2(problem.message.contains(mentions), qPrintable(problem.message));
    QVERIFY(!problem.requestId.isEmpty());

    const QString text = ExportStarter::failureText(problem);
    QVERIFY2(text.contains(u"HTTP 400"), qPrintable(text));
    QVERIFY2(text.contains(code), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Request id: ") + problem.requestId), qPrintable(text));
    QCOMPARE(harness.model.rowCount(), 0);
    QCOMPARE(m_simulator->operationCount(), 0);
}

void TestExports::refusedExportsTrackNothing_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    QTest::newRow("403") << 403 << QStringLiteral("Forbidden");
    QTest::newRow("429") << 429 << QStringLiteral("TooManyRequests");
    QTest::newRow("500") << 500 << QStringLiteral("InternalServerError");
}

void TestExports::refusedExportsTrackNothing()
{
    QFETCH(int, status);
    QFETCH(QString, code);

    ExportSettings settings;
    settings.forcedStatus = status;
    m_simulator->setExportSettings(settings);
    Harness harness(m_simulator->rootUrl(), m_simulator->acceptedToken());
    QVERIFY(harness.starter.start(requestOf(Kind::BilledReconciliation)));
    const Problem problem = harness.waitForOutcome();
    QCOMPARE(harness.failed.size(), 1);
    QCOMPARE(problem.httpStatus, status);
    QCOMPARE(problem.code, code);
    QVERIFY(!problem.message.isEmpty());
    QVERIFY(!problem.requestId.isEmpty());
    QVERIFY(ExportStarter::failureText(problem).contains(problem.requestId));
    QCOMPARE(harness.model.rowCount(), 0);
    QVERIFY(!harness.starter.isBusy());
}

void TestExports::acceptedWithoutLocationIsAnError()
{
    ExportSettings settings;
    settings.omitLocation = true;
    m_simulator->setExportSettings(settings);
    Harness harness(m_simulator->rootUrl(), m_simulator->acceptedToken());
    QVERIFY(harness.starter.start(requestOf(Kind::UnbilledReconciliation)));
    const Problem problem = harness.waitForOutcome();
    QCOMPARE(harness.failed.size(), 1);
    QCOMPARE(problem.kind, Problem::Kind::BadReply);
    QCOMPARE(problem.httpStatus, 202);
    QVERIFY(!problem.requestId.isEmpty());
    const QString text = ExportStarter::failureText(problem);
    QVERIFY2(text.contains(u"Graph accepted the export but sent no operation Location; nothing "
                           u"to track."),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Request id: ") + problem.requestId), qPrintable(text));
    QCOMPARE(harness.model.rowCount(), 0);
}

void TestExports::unusableLocations_data()
{
    QTest::addColumn<QByteArray>("location");
    QTest::addColumn<bool>("tracked");
    QTest::addColumn<QString>("expectedPath"); // of the tracked URL

    const QByteArray operations = "/v1.0/reports/partners/billing/operations/";
    QTest::newRow("garbage") << QByteArray("%%% not a url") << false << QString();
    QTest::newRow("relative, no GUID")
        << QByteArray("/v1.0/reports/partners/billing/operations/") << false << QString();
    QTest::newRow("absolute, no GUID")
        << QByteArray("https://graph.microsoft.com" + operations + "6fe687d7") << false
        << QString();
    QTest::newRow("GUID not last") << "https://graph.microsoft.com" + operations + Guid.toLatin1()
            + "/extra" << false << QString();
    QTest::newRow("not http") << "ftp://graph.microsoft.com" + operations + Guid.toLatin1() << false
                              << QString();
    QTest::newRow("relative with GUID") << operations + Guid.toUpper().toLatin1() << true
                                        << QString::fromLatin1(operations) + Guid.toUpper();
}

void TestExports::unusableLocations()
{
    QFETCH(QByteArray, location);
    QFETCH(bool, tracked);
    QFETCH(QString, expectedPath);

    QHttpServer server;
    server.route(QStringLiteral("/v1.0/reports/partners/billing/usage/billed/export"),
                 [location](const QHttpServerRequest &) {
                     QHttpServerResponse response(QHttpServerResponder::StatusCode::Accepted);
                     response.setHeader("Location", location);
                     response.setHeader("request-id", "req-202");
                     return response;
                 });
    const quint16 port = server.listen(QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    QUrl root;
    root.setScheme(QStringLiteral("http"));
    root.setHost(QStringLiteral("127.0.0.1"));
    root.setPort(port);

    Harness harness(root, QStringLiteral("token"));
    QVERIFY(harness.starter.start(requestOf(Kind::BilledUsage)));
    const Problem problem = harness.waitForOutcome();
    if (!tracked) {
        QCOMPARE(problem.kind, Problem::Kind::BadReply);
        QCOMPARE(problem.requestId, QStringLiteral("req-202"));
        QVERIFY2(problem.message.contains(u"nothing to track"), qPrintable(problem.message));
        QCOMPARE(harness.model.rowCount(), 0);
        return;
    }
    QVERIFY2(problem.isNull(), qPrintable(problem.summary()));
    QCOMPARE(harness.started.first().first().toString(), Guid);
    const TrackedOperation *operation = harness.model.find(Guid);
    QVERIFY(operation);
    QCOMPARE(operation->url.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(operation->url.port(), int(port));
    QCOMPARE(operation->url.path(), expectedPath);
}

void TestExports::unreachableGraphIsReported()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    QUrl root;
    root.setScheme(QStringLiteral("http"));
    root.setHost(QStringLiteral("127.0.0.1"));
    root.setPort(closed.serverPort());
    closed.close();

    Harness harness(root, QStringLiteral("token"));
    QVERIFY(harness.starter.start(requestOf(Kind::BilledUsage)));
    const Problem problem = harness.waitForOutcome();
    QCOMPARE(problem.kind, Problem::Kind::Network);
    QVERIFY(ExportStarter::failureText(problem).contains(u"cannot be tracked"));
    QCOMPARE(harness.model.rowCount(), 0);
}

void TestExports::oneExportAtATime()
{
    m_simulator->setResponseDelay(100);
    Harness harness(m_simulator->rootUrl(), m_simulator->acceptedToken());
    QVERIFY(harness.starter.start(requestOf(Kind::BilledUsage)));
    QVERIFY(!harness.starter.start(requestOf(Kind::UnbilledUsage)));
    QVERIFY(harness.waitForOutcome().isNull());
    QCOMPARE(harness.model.rowCount(), 1);
    // Free again once the first one is answered.
    QVERIFY(harness.starter.start(requestOf(Kind::UnbilledUsage)));
    QTRY_COMPARE(harness.started.size(), 2);
    QCOMPARE(harness.model.rowCount(), 2);
}

QTEST_GUILESS_MAIN(TestExports)
#include "tst_exports.moc"
