#include "app/simulator/blobgenerator.h"
#include "app/simulator/graphsimulator.h"
#include "app/simulator/sastoken.h"
#include "app/simulator/simulatoroptions.h"
#include "support/testcertificate.h"
#include "support/zlibdata.h"

#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <climits>

namespace {

struct HttpResult
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &pair : headers) {
            if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
                return pair.second;
        }
        return {};
    }
    bool hasHeader(const QByteArray &name) const
    {
        return std::any_of(headers.begin(), headers.end(), [&](const auto &pair) {
            return pair.first.compare(name, Qt::CaseInsensitive) == 0;
        });
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonObject graphError() const { return json().value(QStringLiteral("error")).toObject(); }
};

} // namespace

class TestSimulator : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void operationMovesThroughItsStates();
    void operationJsonMatchesTheDocs();
    void failedOperationCarriesItsError();
    void retryAfterIsConfigurable();
    void operationVariants();
    void expiredOperationsAreGone();
    void authenticationIsRequired();
    void unknownAndMalformedIdsAre404();
    void requestLogRecordsWhatHappened();
    void requestLogIsBounded();
    void concurrencyIsMeasured();

    void scenarioFileLoads();
    void malformedScenariosAreRefused_data();
    void malformedScenariosAreRefused();
    void fleetIsReproducible();
    void optionsConfigureTheSimulator();
    void hostileFaultSpecsAreRefused_data();
    void hostileFaultSpecsAreRefused();
    void hostileOptionsAreRefused_data();
    void hostileOptionsAreRefused();
    void tlsOptions();

    void faultsAtFullRate_data();
    void faultsAtFullRate();
    void resetStallAndTruncation();
    void faultsDoNotChangeState();

    void manifestAndBlobsDownload();
    void sasExpiredOrForgedIsRefused();
    void rangeRequests();
    void blobInjections();
    void blobGeneratorIsDeterministic();

    void exportBodiesAreValidated_data();
    void exportBodiesAreValidated();
    void exportCreatesAPollableOperation();
    void exportSwitches();
    void manifestStatusRefusesOnlyTheManifest();

private:
    HttpResult get(const QUrl &url, const QList<std::pair<QByteArray, QByteArray>> &headers = {});
    HttpResult post(const QString &path, const QByteArray &body);
    HttpResult finish(QNetworkReply *reply);
    HttpResult getOperation(const QString &id);
    // Polls until the last phase and checks what was seen against the timeline: phases in
    // order, and every phase that some poll certainly fell into (the operation was created
    // between createdAfter and createdBefore), however slow the machine is.
    void checkTimeline(const QString &id, const QStringList &phases, const QList<qint64> &phaseEnds,
                       qint64 createdAfter, qint64 createdBefore);
    QUrl graphUrl(const QString &path, const QString &version = QStringLiteral("v1.0")) const;
    QJsonObject succeedAndFetchManifest(const ManifestSpec &spec);

    std::unique_ptr<GraphSimulator> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_nam;
};

void TestSimulator::init()
{
    m_sim = std::make_unique<GraphSimulator>();
    QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
    m_nam = std::make_unique<QNetworkAccessManager>();
}

void TestSimulator::cleanup()
{
    m_nam.reset();
    m_sim.reset();
}

QUrl TestSimulator::graphUrl(const QString &path, const QString &version) const
{
    QUrl url = m_sim->rootUrl();
    url.setPath(QStringLiteral("/%1/reports/partners/billing/%2").arg(version, path));
    return url;
}

HttpResult TestSimulator::finish(QNetworkReply *reply)
{
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    if (reply->isOpen())
        result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return result;
}

HttpResult TestSimulator::get(const QUrl &url,
                              const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(url);
    for (const auto &header : headers)
        request.setRawHeader(header.first, header.second);
    return finish(m_nam->get(request));
}

HttpResult TestSimulator::getOperation(const QString &id)
{
    return get(graphUrl(QStringLiteral("operations/") + id),
               {{"Authorization", "Bearer " + m_sim->acceptedToken().toUtf8()}});
}

HttpResult TestSimulator::post(const QString &path, const QByteArray &body)
{
    QNetworkRequest request(graphUrl(path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Authorization", "Bearer " + m_sim->acceptedToken().toUtf8());
    return finish(m_nam->post(request, body));
}

QJsonObject TestSimulator::succeedAndFetchManifest(const ManifestSpec &spec)
{
    SimulatedOperation op;
    op.runningMs = 0;
    op.manifest = spec;
    const QString id = m_sim->addOperation(op);
    const QString link = getOperation(id)
                             .json()
                             .value(QStringLiteral("resourceLocation@odata.navigationLink"))
                             .toString();
    const HttpResult manifest
        = get(QUrl(link), {{"Authorization", "Bearer " + m_sim->acceptedToken().toUtf8()}});
    return manifest.json();
}

static QString statusOf(const HttpResult &result)
{
    return result.json().value(QStringLiteral("status")).toString();
}

void TestSimulator::checkTimeline(const QString &id, const QStringList &phases,
                                  const QList<qint64> &phaseEnds, qint64 createdAfter,
                                  qint64 createdBefore)
{
    QStringList seen;
    const bool ended = QTest::qWaitFor([&] {
        const QString status = statusOf(getOperation(id));
        if (seen.isEmpty() || seen.last() != status)
            seen.append(status);
        return status == phases.last();
    });
    QVERIFY2(ended, qPrintable(seen.join(QLatin1Char(' '))));
    qsizetype previous = -1;
    for (const QString &status : seen) {
        QVERIFY2(phases.indexOf(status) > previous, qPrintable(seen.join(QLatin1Char(' '))));
        previous = phases.indexOf(status);
    }
    for (const SimulatorRequest &request : m_sim->requestsFor(id)) {
        const qint64 minAge = request.receivedAtMs - createdBefore;
        const qint64 maxAge = request.receivedAtMs + 1 - createdAfter;
        for (qsizetype i = 0; i < phases.size(); ++i) {
            const qint64 start = i == 0 ? 0 : phaseEnds.at(i - 1);
            const qint64 end = i < phaseEnds.size() ? phaseEnds.at(i) : LLONG_MAX;
            if (minAge >= start && maxAge < end)
                QVERIFY2(seen.contains(phases.at(i)), qPrintable(phases.at(i)));
        }
    }
}

void TestSimulator::operationMovesThroughItsStates()
{
    SimulatedOperation op;
    op.notStartedMs = 300;
    op.runningMs = 300;
    qint64 before = m_sim->elapsedMs();
    const QString id = m_sim->addOperation(op);
    checkTimeline(
        id, {QStringLiteral("notStarted"), QStringLiteral("running"), QStringLiteral("succeeded")},
        {300, 600}, before, m_sim->elapsedMs());
    if (QTest::currentTestFailed())
        return;

    SimulatedOperation failing;
    failing.runningMs = 300;
    failing.outcome = SimulatedOperation::Outcome::Failed;
    before = m_sim->elapsedMs();
    const QString failingId = m_sim->addOperation(failing);
    checkTimeline(failingId, {QStringLiteral("running"), QStringLiteral("failed")}, {300}, before,
                  m_sim->elapsedMs());
}

void TestSimulator::operationJsonMatchesTheDocs()
{
    SimulatedOperation running;
    running.runningMs = 3600000;
    SimulatedOperation done;
    done.runningMs = 0;
    done.manifestId = QStringLiteral("8fe347d7-1e0f-4bd6-9091-4672691f32db");
    const QString runningId = m_sim->addOperation(running);
    const QString doneId = m_sim->addOperation(done);

    const HttpResult r = getOperation(runningId);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
    const QJsonObject body = r.json();
    QCOMPARE(body.value(QStringLiteral("@odata.type")).toString(),
             QStringLiteral("#microsoft.graph.partners.billing.runningOperation"));
    QCOMPARE(body.value(QStringLiteral("id")).toString(), runningId);
    QVERIFY(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d$"))
                .match(body.value(QStringLiteral("createdDateTime")).toString())
                .hasMatch());
    QVERIFY(
        QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}Z$"))
            .match(body.value(QStringLiteral("lastActionDateTime")).toString())
            .hasMatch());
    QCOMPARE(body.size(), 5);

    const QJsonObject success = getOperation(doneId).json();
    QCOMPARE(success.value(QStringLiteral("@odata.type")).toString(),
             QStringLiteral("#microsoft.graph.partners.billing.exportSuccessOperation"));
    QCOMPARE(success.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
    QCOMPARE(success.value(QStringLiteral("resourceLocation@odata.navigationLink")).toString(),
             m_sim->rootUrl().toString()
                 + QStringLiteral("/v1.0/reports/partners/billing/manifests/"
                                  "8fe347d7-1e0f-4bd6-9091-4672691f32db"));
    // The link keeps the version the operation was asked through.
    const HttpResult beta
        = get(graphUrl(QStringLiteral("operations/") + doneId, QStringLiteral("beta")),
              {{"Authorization", "Bearer " + m_sim->acceptedToken().toUtf8()}});
    QVERIFY(beta.json()
                .value(QStringLiteral("resourceLocation@odata.navigationLink"))
                .toString()
                .contains(QStringLiteral("/beta/reports/partners/billing/manifests/")));
}

void TestSimulator::failedOperationCarriesItsError()
{
    SimulatedOperation plain;
    plain.runningMs = 0;
    plain.outcome = SimulatedOperation::Outcome::Failed;
    const QJsonObject body = getOperation(m_sim->addOperation(plain)).json();
    QCOMPARE(body.value(QStringLiteral("@odata.type")).toString(),
             QStringLiteral("#microsoft.graph.partners.billing.failedOperation"));
    const QJsonObject error = body.value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("5000"));
    QCOMPARE(error.value(QStringLiteral("message")).toString(),
             QStringLiteral("No data available"));

    SimulatedOperation detailed = plain;
    detailed.error.code = QStringLiteral("42");
    detailed.error.target = QStringLiteral("invoiceId");
    detailed.error.details = {{QStringLiteral("D1"), QStringLiteral("first"), QStringLiteral("t")}};
    detailed.error.innerError = {{QStringLiteral("code"), QStringLiteral("Inner")}};
    const QJsonObject detailedError = getOperation(m_sim->addOperation(detailed))
                                          .json()
                                          .value(QStringLiteral("error"))
                                          .toObject();
    QCOMPARE(detailedError.value(QStringLiteral("code")).toString(), QStringLiteral("42"));
    QCOMPARE(detailedError.value(QStringLiteral("target")).toString(), QStringLiteral("invoiceId"));
    QCOMPARE(detailedError.value(QStringLiteral("details")).toArray().size(), 1);
    QCOMPARE(
        detailedError.value(QStringLiteral("innerError")).toObject().value(QStringLiteral("code")),
        QJsonValue(QStringLiteral("Inner")));
}

void TestSimulator::retryAfterIsConfigurable()
{
    SimulatedOperation op;
    op.runningMs = 3600000;
    op.retryAfter = "0.5";
    QCOMPARE(getOperation(m_sim->addOperation(op)).header("Retry-After"), QByteArray("0.5"));
    op.retryAfter.clear();
    QVERIFY(!getOperation(m_sim->addOperation(op)).hasHeader("Retry-After"));
    op.runningMs = 0; // terminal answers never carry it
    op.retryAfter = "7";
    QVERIFY(!getOperation(m_sim->addOperation(op)).hasHeader("Retry-After"));
}

void TestSimulator::operationVariants()
{
    SimulatedOperation completed;
    completed.runningMs = 0;
    completed.finalStatus = QStringLiteral("completed");
    QCOMPARE(statusOf(getOperation(m_sim->addOperation(completed))), QStringLiteral("completed"));

    SimulatedOperation paused;
    paused.outcome = SimulatedOperation::Outcome::NeverFinishes;
    paused.finalStatus = QStringLiteral("paused");
    QCOMPARE(statusOf(getOperation(m_sim->addOperation(paused))), QStringLiteral("paused"));

    SimulatedOperation inlined;
    inlined.runningMs = 0;
    inlined.inlineManifest = true;
    const QJsonObject body = getOperation(m_sim->addOperation(inlined)).json();
    QVERIFY(!body.contains(QStringLiteral("resourceLocation@odata.navigationLink")));
    const QJsonObject manifest = body.value(QStringLiteral("resourceLocation")).toObject();
    QCOMPARE(manifest.value(QStringLiteral("id")).toString(),
             inlined.manifestId.isEmpty() ? manifest.value(QStringLiteral("id")).toString()
                                          : inlined.manifestId);
    QVERIFY(manifest.value(QStringLiteral("sasToken")).toString().contains(QStringLiteral("sig=")));

    SimulatedOperation foreign;
    foreign.runningMs = 0;
    foreign.manifestLinkRoot = QUrl(QStringLiteral("http://127.0.0.1:9"));
    const QString link = getOperation(m_sim->addOperation(foreign))
                             .json()
                             .value(QStringLiteral("resourceLocation@odata.navigationLink"))
                             .toString();
    QVERIFY2(link.startsWith(
                 QStringLiteral("http://127.0.0.1:9/v1.0/reports/partners/billing/manifests/")),
             qPrintable(link));
}

void TestSimulator::expiredOperationsAreGone()
{
    SimulatedOperation op;
    op.runningMs = 0;
    op.expiresAfterMs = 3600000;
    QCOMPARE(getOperation(m_sim->addOperation(op)).status, 200);
    op.expiresAfterMs = 200;
    op.expiredStatus = 410;
    const QString id = m_sim->addOperation(op);
    QTRY_COMPARE(getOperation(id).status, 410);
    op.expiresAfterMs = 0;
    op.expiredStatus = 404;
    const HttpResult gone = getOperation(m_sim->addOperation(op));
    QCOMPARE(gone.status, 404);
    QCOMPARE(gone.graphError().value(QStringLiteral("code")).toString(),
             QStringLiteral("itemNotFound"));
}

void TestSimulator::authenticationIsRequired()
{
    SimulatedOperation op;
    const QString id = m_sim->addOperation(op);
    const QUrl url = graphUrl(QStringLiteral("operations/") + id);
    for (const QByteArray &authorization :
         QList<QByteArray> {QByteArray(), QByteArray("Bearer wrong"),
                            QByteArray("Basic " + m_sim->acceptedToken().toUtf8())}) {
        QList<std::pair<QByteArray, QByteArray>> headers {{"client-request-id", "c-1"}};
        if (!authorization.isEmpty())
            headers.append({"Authorization", authorization});
        const HttpResult r = get(url, headers);
        QCOMPARE(r.status, 401);
        QVERIFY(r.header("WWW-Authenticate").startsWith("Bearer"));
        QCOMPARE(r.graphError().value(QStringLiteral("code")).toString(),
                 QStringLiteral("InvalidAuthenticationToken"));
        QCOMPARE(r.header("client-request-id"), QByteArray("c-1"));
        QVERIFY(!r.header("request-id").isEmpty());
    }
    m_sim->setAcceptedToken(QStringLiteral("fixed-token"));
    QCOMPARE(get(url, {{"Authorization", "Bearer fixed-token"}}).status, 200);
}

void TestSimulator::unknownAndMalformedIdsAre404()
{
    for (const QString &id :
         {QStringLiteral("0f000000-0000-4000-8000-000000000000"), QStringLiteral("not-a-guid")}) {
        const HttpResult r = getOperation(id);
        QCOMPARE(r.status, 404);
        const QJsonObject error = r.graphError();
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("itemNotFound"));
        QVERIFY(error.value(QStringLiteral("message")).toString().contains(id));
        const QJsonObject inner = error.value(QStringLiteral("innerError")).toObject();
        QCOMPARE(inner.value(QStringLiteral("request-id")).toString().toLatin1(),
                 r.header("request-id"));
        QVERIFY(!inner.value(QStringLiteral("date")).toString().isEmpty());
        QVERIFY(!r.header("Date").isEmpty());
    }
    const HttpResult manifest
        = get(graphUrl(QStringLiteral("manifests/0f000000-0000-4000-8000-000000000000")),
              {{"Authorization", "Bearer " + m_sim->acceptedToken().toUtf8()}});
    QCOMPARE(manifest.status, 404);
    QCOMPARE(get(graphUrl(QStringLiteral("nothing/here")),
                 {{"Authorization", "Bearer " + m_sim->acceptedToken().toUtf8()}})
                 .status,
             404);
}

void TestSimulator::requestLogRecordsWhatHappened()
{
    SimulatedOperation op;
    op.runningMs = 3600000;
    op.retryAfter = "3";
    const QString id = m_sim->addOperation(op);
    get(graphUrl(QStringLiteral("operations/") + id.toUpper()),
        {{"Authorization", "Bearer " + m_sim->acceptedToken().toUtf8()},
         {"client-request-id", "abc-123"}});
    getOperation(id);
    const QList<SimulatorRequest> requests = m_sim->requestsFor(id);
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests.at(0).method, QByteArray("GET"));
    QVERIFY(requests.at(0).hadAuthorization);
    QCOMPARE(requests.at(0).clientRequestId, QStringLiteral("abc-123"));
    QCOMPARE(requests.at(0).status, 200);
    QCOMPARE(requests.at(0).retryAfter, QByteArray("3"));
    QVERIFY(requests.at(0).receivedAtMs <= requests.at(1).receivedAtMs);
    QCOMPARE(m_sim->requestCount(), 2);
    for (const SimulatorRequest &request : m_sim->requestLog())
        QVERIFY(!request.path.contains(m_sim->acceptedToken()));
    m_sim->clearRequestLog();
    QCOMPARE(m_sim->requestCount(), 0);
}

void TestSimulator::requestLogIsBounded()
{
    QCOMPARE(m_sim->requestLogLimit(), GraphSimulator::DefaultRequestLogLimit);
    m_sim->setRequestLogLimit(10);
    SimulatedOperation op;
    op.runningMs = 3600000;
    const QString id = m_sim->addOperation(op);
    for (int i = 0; i < 25; ++i)
        QCOMPARE(getOperation(id).status, 200);
    // The oldest are forgotten; the count still holds every request, and the ones kept are
    // the latest, answered as they were.
    QVERIFY(m_sim->requestLog().size() <= 10);
    QVERIFY(!m_sim->requestLog().isEmpty());
    QCOMPARE(m_sim->requestCount(), 25);
    for (const SimulatorRequest &request : m_sim->requestLog())
        QCOMPARE(request.status, 200);
    QCOMPARE(m_sim->requestLog().last().receivedAtMs, m_sim->requestsFor(id).last().receivedAtMs);
    m_sim->clearRequestLog();
    QCOMPARE(m_sim->requestCount(), 0);
    QCOMPARE(getOperation(id).status, 200);
    QCOMPARE(m_sim->requestCount(), 1);
    QCOMPARE(m_sim->requestLog().first().status, 200);
}

void TestSimulator::concurrencyIsMeasured()
{
    m_sim->setResponseDelay(400);
    SimulatedOperation op;
    const QString id = m_sim->addOperation(op);
    QList<QNetworkReply *> replies;
    for (int i = 0; i < 4; ++i) {
        QNetworkRequest request(graphUrl(QStringLiteral("operations/") + id));
        request.setRawHeader("Authorization", "Bearer " + m_sim->acceptedToken().toUtf8());
        replies.append(m_nam->get(request));
    }
    for (QNetworkReply *reply : replies)
        QCOMPARE(finish(reply).status, 200);
    QVERIFY2(m_sim->peakConcurrentRequests() >= 2,
             qPrintable(QString::number(m_sim->peakConcurrentRequests())));
    QVERIFY(m_sim->peakConnections() >= 2);
    QCOMPARE(m_sim->requestCount(), 4);
}

void TestSimulator::scenarioFileLoads()
{
    const QString demo = QFINDTESTDATA("../resources/scenarios/demo.json");
    QVERIFY(!demo.isEmpty());
    QString error;
    QVERIFY2(m_sim->loadScenario(demo, &error), qPrintable(error));
    QCOMPARE(m_sim->operationCount(), 10);
    QCOMPARE(statusOf(getOperation(QStringLiteral("6fe687d7-1e0f-4bd6-9091-4672691f64bc"))),
             QStringLiteral("running"));
    QCOMPARE(statusOf(getOperation(QStringLiteral("61d2c06e-9f8d-4c7a-9e4b-bdaf9a8b7c07"))),
             QStringLiteral("succeeded"));
    QCOMPARE(statusOf(getOperation(QStringLiteral("72e3d17f-a09e-4d8b-8f5c-cebaab9c8d08"))),
             QStringLiteral("failed"));
    QCOMPARE(statusOf(getOperation(QStringLiteral("50c1bf5d-8e7c-4b6f-8d3a-ac9e8f7a6b06"))),
             QStringLiteral("notStarted"));

    const auto scenario = Scenario::fromJson(R"({"token":"t0k","retryAfter":null,
        "operations":[{"runningSeconds":0.2,"outcome":"failed","manifest":{"stallBlobs":[1]}}],
        "fleet":{"count":3,"seed":9},"exports":{"succeedAfterSeconds":1,"omitLocation":true},
        "faults":"500=0.5,seed=3"})",
                                             &error);
    QVERIFY2(scenario, qPrintable(error));
    QCOMPARE(scenario->operations.size(), 1);
    QCOMPARE(scenario->operations.at(0).runningMs, 200);
    QCOMPARE(scenario->operations.at(0).manifest.stallBlobs, QList<int>({1}));
    QVERIFY(scenario->operations.at(0).retryAfter.isEmpty());
    QCOMPARE(scenario->fleet->count, 3);
    QVERIFY(scenario->exports->omitLocation);
    QCOMPARE(scenario->faults->serverError, 0.5);
}

void TestSimulator::malformedScenariosAreRefused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not json") << QByteArray("{\"operations\": [")
                              << QStringLiteral("Not valid JSON");
    QTest::newRow("array") << QByteArray("[]") << QStringLiteral("must be a JSON object");
    QTest::newRow("typo") << QByteArray(R"({"operation":[]})")
                          << QStringLiteral("operation: unknown key");
    QTest::newRow("bad type") << QByteArray(R"({"operations":[{"runningSeconds":"ten"}]})")
                              << QStringLiteral("operations[0].runningSeconds: expected a number");
    QTest::newRow("bad outcome") << QByteArray(R"({"operations":[{},{"outcome":"done"}]})")
                                 << QStringLiteral("operations[1].outcome");
    QTest::newRow("bad id") << QByteArray(R"({"operations":[{"id":"123"}]})")
                            << QStringLiteral("operations[0].id: expected a GUID");
    QTest::newRow("nested") << QByteArray(R"({"manifest":{"blobCount":-1}})")
                            << QStringLiteral("manifest.blobCount");
    QTest::newRow("fleet") << QByteArray(R"({"fleet":{"minSeconds":9,"maxSeconds":1}})")
                           << QStringLiteral("fleet.maxSeconds");
    QTest::newRow("faults") << QByteArray(R"({"faults":"429=2"})")
                            << QStringLiteral("faults: Fault rate");
}

void TestSimulator::malformedScenariosAreRefused()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    QString error;
    QVERIFY(!Scenario::fromJson(json, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(json);
    file.close();
    QVERIFY(!m_sim->loadScenario(path, &error));
    QVERIFY2(error.contains(path) && error.contains(expected), qPrintable(error));
    QCOMPARE(m_sim->operationCount(), 0);
    QVERIFY(!m_sim->loadScenario(dir.filePath(QStringLiteral("missing.json")), &error));
    QVERIFY(error.contains(QStringLiteral("Cannot read")));
}

void TestSimulator::fleetIsReproducible()
{
    FleetSpec fleet;
    fleet.count = 1000;
    fleet.seed = 42;
    fleet.minSeconds = 0;
    fleet.maxSeconds = 0.001;
    fleet.failureRate = 0.25;
    const QStringList ids = m_sim->addFleet(fleet);
    QCOMPARE(ids.size(), 1000);
    QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), 1000);
    GraphSimulator other;
    QCOMPARE(other.addFleet(fleet), ids);
    fleet.seed = 43;
    QVERIFY(other.addFleet(fleet) != ids);

    QTest::qWait(5);
    int failed = 0;
    for (int i = 0; i < 100; ++i) {
        const QString status = statusOf(getOperation(ids.at(i)));
        QVERIFY2(status == QLatin1String("succeeded") || status == QLatin1String("failed"),
                 qPrintable(status));
        failed += status == QLatin1String("failed");
    }
    QVERIFY(failed > 5 && failed < 50);
}

void TestSimulator::optionsConfigureTheSimulator()
{
    QCommandLineParser parser;
    SimulatorOptions::addTo(parser);
    QVERIFY(parser.parse({QStringLiteral("graph-simulator"), QStringLiteral("--fleet"),
                          QStringLiteral("5"), QStringLiteral("--seed"), QStringLiteral("7"),
                          QStringLiteral("--faults"), QStringLiteral("500=1"),
                          QStringLiteral("--token"), QStringLiteral("abc")}));
    QString error;
    const auto options = SimulatorOptions::fromParser(parser, &error);
    QVERIFY2(options, qPrintable(error));
    GraphSimulator simulator;
    QVERIFY2(startSimulator(simulator, *options, &error), qPrintable(error));
    QCOMPARE(simulator.operationCount(), 5);
    QCOMPARE(simulator.acceptedToken(), QStringLiteral("abc"));
    QCOMPARE(simulator.faults().serverError, 1.0);
    QCOMPARE(
        simulatorShellExports(simulator),
        QStringLiteral("export BILLING_MONITOR_GRAPH_URL=%1\nexport BILLING_MONITOR_TOKEN=abc\n")
            .arg(simulator.rootUrl().toString()));
    QVERIFY(simulator.rootUrl().toString().startsWith(QStringLiteral("http://127.0.0.1:")));

    QCommandLineParser bad;
    SimulatorOptions::addTo(bad);
    QVERIFY(bad.parse({QStringLiteral("x"), QStringLiteral("--faults"), QStringLiteral("boom=1")}));
    QVERIFY(!SimulatorOptions::fromParser(bad, &error));
    QVERIFY2(error.contains(QStringLiteral("--faults")) && error.contains(QStringLiteral("boom")),
             qPrintable(error));
    QCommandLineParser badPort;
    SimulatorOptions::addTo(badPort);
    QVERIFY(
        badPort.parse({QStringLiteral("x"), QStringLiteral("--port"), QStringLiteral("70000")}));
    QVERIFY(!SimulatorOptions::fromParser(badPort, &error));
    QVERIFY(error.contains(QStringLiteral("--port")));
}

// Numbers that are not finite or do not fit used to be converted to integers anyway
// (undefined behaviour) or, for NaN, slip through every range check.
void TestSimulator::hostileFaultSpecsAreRefused_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("expected");
    QTest::newRow("huge retryAfter")
        << QStringLiteral("retryAfter=66666666666666666666") << QStringLiteral("retryAfter");
    QTest::newRow("huge seed") << QStringLiteral("seed=1e300") << QStringLiteral("seed");
    QTest::newRow("nan retryAfter")
        << QStringLiteral("retryAfter=nan") << QStringLiteral("retryAfter");
    QTest::newRow("negative infinite stall")
        << QStringLiteral("stallMs=-inf") << QStringLiteral("stallMs");
    QTest::newRow("nan rate") << QStringLiteral("429=nan") << QStringLiteral("429");
    QTest::newRow("infinite rate") << QStringLiteral("500=inf") << QStringLiteral("500");
}

void TestSimulator::hostileFaultSpecsAreRefused()
{
    QFETCH(QString, spec);
    QFETCH(QString, expected);
    QString error;
    QVERIFY(!FaultProfile::fromString(spec, &error));
    QVERIFY2(error.contains(expected) && error.contains(spec.section(QLatin1Char('='), 1)),
             qPrintable(error));

    // The same spec from a scenario file and from the command line.
    const QByteArray json = R"({"faults":")" + spec.toUtf8() + R"("})";
    QVERIFY(!Scenario::fromJson(json, &error));
    QVERIFY2(error.contains(QStringLiteral("faults")), qPrintable(error));
    QCommandLineParser parser;
    SimulatorOptions::addTo(parser);
    QVERIFY(parser.parse({QStringLiteral("x"), QStringLiteral("--faults"), spec}));
    QVERIFY(!SimulatorOptions::fromParser(parser, &error));
    QVERIFY2(error.contains(QStringLiteral("--faults")), qPrintable(error));
}

void TestSimulator::tlsOptions()
{
    QTemporaryDir dir;
    const TestCertificate certificate = TestCertificate::forLoopbackServer();
    const QString certificatePath = dir.filePath(QStringLiteral("cert.pem"));
    const QString keyPath = dir.filePath(QStringLiteral("key.pem"));
    for (const auto &[path, pem] : {std::pair {certificatePath, certificate.certificatePem},
                                    std::pair {keyPath, certificate.privateKeyPem}}) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(pem);
    }
    const auto parse = [](const QStringList &arguments, QString *error) {
        QCommandLineParser parser;
        SimulatorOptions::addTo(parser);
        if (!parser.parse(QStringList {QStringLiteral("x")} + arguments))
            return std::optional<SimulatorOptions>();
        return SimulatorOptions::fromParser(parser, error);
    };
    QString error;
    const auto options = parse(
        {QStringLiteral("--tls-cert"), certificatePath, QStringLiteral("--tls-key"), keyPath},
        &error);
    QVERIFY2(options, qPrintable(error));
    GraphSimulator simulator;
    QVERIFY2(startSimulator(simulator, *options, &error), qPrintable(error));
    QVERIFY(simulator.usesTls());
    QVERIFY(simulator.rootUrl().toString().startsWith(QStringLiteral("https://127.0.0.1:")));

    QVERIFY(!parse({QStringLiteral("--tls-cert"), certificatePath}, &error));
    QCOMPARE(error, QStringLiteral("--tls-cert and --tls-key go together"));

    // Each file that cannot serve is named: no certificate in it, or no key.
    const auto swapped = parse(
        {QStringLiteral("--tls-cert"), keyPath, QStringLiteral("--tls-key"), certificatePath},
        &error);
    QVERIFY(swapped);
    GraphSimulator notStarted;
    QVERIFY(!startSimulator(notStarted, *swapped, &error));
    QVERIFY2(error.contains(keyPath) && error.contains(QStringLiteral("no PEM certificate")),
             qPrintable(error));
    QVERIFY(!notStarted.useTls(certificatePath, certificatePath, &error));
    QVERIFY2(error.contains(certificatePath) && error.contains(QStringLiteral("private key")),
             qPrintable(error));
    QVERIFY(
        !notStarted.useTls(certificatePath, dir.filePath(QStringLiteral("missing.pem")), &error));
    QVERIFY2(error.contains(QStringLiteral("missing.pem")), qPrintable(error));
    QVERIFY(!notStarted.usesTls());
}

void TestSimulator::hostileOptionsAreRefused_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("value");
    for (const char *option :
         {"port", "fleet", "seed", "delay", "fleet-min", "fleet-max", "failure-rate"}) {
        for (const char *value : {"nan", "inf", "-inf", "1e300"})
            QTest::addRow("--%s %s", option, value)
                << QString::fromLatin1(option) << QString::fromLatin1(value);
    }
    QTest::newRow("--port 80.5") << QStringLiteral("port") << QStringLiteral("80.5");
    QTest::newRow("--fleet 2.5") << QStringLiteral("fleet") << QStringLiteral("2.5");
}

void TestSimulator::hostileOptionsAreRefused()
{
    QFETCH(QString, option);
    QFETCH(QString, value);
    QCommandLineParser parser;
    SimulatorOptions::addTo(parser);
    QVERIFY(parser.parse({QStringLiteral("x"), QStringLiteral("--") + option, value}));
    QString error;
    QVERIFY(!SimulatorOptions::fromParser(parser, &error));
    QVERIFY2(error.contains(QStringLiteral("--") + option) && error.contains(value),
             qPrintable(error));
}

void TestSimulator::faultsAtFullRate_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("retryAfter"); // "date" for an HTTP-date, "" for none
    QTest::newRow("429") << QStringLiteral("429=1,retryAfter=4") << 429 << QByteArray("4");
    QTest::newRow("429 date") << QStringLiteral("429=1,httpdate=1") << 429 << QByteArray("date");
    QTest::newRow("500") << QStringLiteral("500=1") << 500 << QByteArray();
    QTest::newRow("503") << QStringLiteral("503=1") << 503 << QByteArray("2");
    QTest::newRow("503 bare") << QStringLiteral("503bare=1") << 503 << QByteArray();
    QTest::newRow("504") << QStringLiteral("504=1") << 504 << QByteArray();
    QTest::newRow("html") << QStringLiteral("html=1") << 200 << QByteArray();
}

void TestSimulator::faultsAtFullRate()
{
    QFETCH(QString, spec);
    QFETCH(int, status);
    QFETCH(QByteArray, retryAfter);
    QString error;
    const auto faults = FaultProfile::fromString(spec, &error);
    QVERIFY2(faults, qPrintable(error));
    m_sim->setFaults(*faults);
    SimulatedOperation op;
    const HttpResult r = getOperation(m_sim->addOperation(op));
    QCOMPARE(r.status, status);
    if (retryAfter == "date") {
        QVERIFY(QRegularExpression(
                    QStringLiteral("^\\w{3}, \\d\\d \\w{3} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT$"))
                    .match(QString::fromLatin1(r.header("Retry-After")))
                    .hasMatch());
    } else {
        QCOMPARE(r.header("Retry-After"), retryAfter);
    }
    if (status == 200) {
        QVERIFY(r.header("Content-Type").startsWith("text/html"));
        QVERIFY(QJsonDocument::fromJson(r.body).isNull());
    } else {
        QVERIFY(!r.graphError().value(QStringLiteral("code")).toString().isEmpty());
    }
    // Faults come after authentication, and the blob route never sees them.
    QCOMPARE(get(graphUrl(QStringLiteral("operations/") + op.id)).status, 401);
}

void TestSimulator::resetStallAndTruncation()
{
    SimulatedOperation op;
    op.runningMs = 3600000;
    const QString id = m_sim->addOperation(op);
    QString error;

    m_sim->setFaults(*FaultProfile::fromString(QStringLiteral("reset=1"), &error));
    HttpResult r = getOperation(id);
    QCOMPARE(r.status, 0);
    QVERIFY(r.error != QNetworkReply::NoError);

    m_sim->setFaults(*FaultProfile::fromString(QStringLiteral("truncate=1"), &error));
    r = getOperation(id);
    QVERIFY(r.error != QNetworkReply::NoError);

    m_sim->setFaults(*FaultProfile::fromString(QStringLiteral("stall=1,stallMs=60000"), &error));
    QNetworkRequest request(graphUrl(QStringLiteral("operations/") + id));
    request.setRawHeader("Authorization", "Bearer " + m_sim->acceptedToken().toUtf8());
    request.setTransferTimeout(300);
    r = finish(m_nam->get(request));
    QCOMPARE(r.error, QNetworkReply::OperationCanceledError);

    // Qt resends a request once when the connection closes before any answer, so the
    // reset may be logged twice.
    const QList<SimulatorRequest> requests = m_sim->requestsFor(id);
    QVERIFY(requests.size() == 3 || requests.size() == 4);
    for (qsizetype i = 0; i < requests.size() - 2; ++i)
        QCOMPARE(requests.at(i).status, 0); // reset
    QCOMPARE(requests.at(requests.size() - 2).status, 200); // truncated after the status line
    QCOMPARE(requests.last().status, 0); // stalled until the client gave up
}

void TestSimulator::faultsDoNotChangeState()
{
    SimulatedOperation op;
    op.notStartedMs = 3600000;
    const QString id = m_sim->addOperation(op);
    QString error;
    m_sim->setFaults(*FaultProfile::fromString(QStringLiteral("500=0.5,503=0.5,seed=11"), &error));
    for (int i = 0; i < 6; ++i)
        QVERIFY(getOperation(id).status >= 500);
    m_sim->setFaults(FaultProfile());
    QCOMPARE(statusOf(getOperation(id)), QStringLiteral("notStarted"));
}

void TestSimulator::manifestAndBlobsDownload()
{
    ManifestSpec spec;
    spec.blobCount = 2;
    spec.linesPerBlob = 25;
    spec.reportBlobSizes = true;
    const QJsonObject manifest = succeedAndFetchManifest(spec);
    QCOMPARE(manifest.value(QStringLiteral("blobCount")).toInt(), 2);
    QCOMPARE(manifest.value(QStringLiteral("partitionType")).toString(), QStringLiteral("Default"));
    QCOMPARE(manifest.value(QStringLiteral("schemaVersion")).toString(), QStringLiteral("1"));
    const QString root = manifest.value(QStringLiteral("rootDirectory")).toString();
    QVERIFY(root.startsWith(m_sim->rootUrl().toString() + QStringLiteral("/blob/")));
    const QString sas = manifest.value(QStringLiteral("sasToken")).toString();
    QVERIFY(QRegularExpression(
                QStringLiteral("^skoid=[^&]+&sktid=[^&]+&skt=[^&]+&ske=[^&]+&sks=b&skv=2021-08-06&"
                               "sv=2021-08-06&se=\\d{4}-\\d\\d-\\d\\dT\\d\\d%3A\\d\\d%3A\\d\\dZ&"
                               "sr=d&sp=rl&sdd=7&sig=[A-Za-z0-9%]+$"))
                .match(sas)
                .hasMatch());

    const QJsonArray blobs = manifest.value(QStringLiteral("blobs")).toArray();
    for (const QJsonValue &value : blobs) {
        const QJsonObject blob = value.toObject();
        QCOMPARE(blob.value(QStringLiteral("partitionValue")).toString(),
                 QStringLiteral("default"));
        const QUrl url = QUrl::fromEncoded((root + QLatin1Char('/')
                                            + blob.value(QStringLiteral("name")).toString()
                                            + QLatin1Char('?') + sas)
                                               .toUtf8());
        const HttpResult r = get(url);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.size(), blob.value(QStringLiteral("sizeInBytes")).toInteger());
        QVERIFY(!r.header("ETag").isEmpty());
        bool ok = false;
        const QList<QByteArray> lines = ZlibData::gunzip(r.body, &ok).split('\n');
        QVERIFY(ok);
        QCOMPARE(lines.size(), 26); // the last line ends with a newline too
        const QJsonObject record = QJsonDocument::fromJson(lines.first()).object();
        for (const char *field :
             {"CustomerId", "CustomerName", "InvoiceNumber", "ProductId", "SkuName",
              "ChargeStartDate", "Quantity", "UnitPrice", "BillingPreTaxTotal", "BillingCurrency"})
            QVERIFY2(record.contains(QLatin1String(field)), field);
    }
    // Storage never needs, and must never get, the Graph token.
    for (const SimulatorRequest &request : m_sim->requestLog()) {
        if (request.path.startsWith(QLatin1String("/blob/")))
            QVERIFY(!request.hadAuthorization);
    }
}

void TestSimulator::sasExpiredOrForgedIsRefused()
{
    ManifestSpec spec;
    spec.blobCount = 1;
    spec.sasLifetimeSeconds = -60;
    const QJsonObject expired = succeedAndFetchManifest(spec);
    const QString blobUrl = expired.value(QStringLiteral("rootDirectory")).toString()
        + QLatin1Char('/')
        + expired.value(QStringLiteral("blobs"))
              .toArray()
              .at(0)
              .toObject()
              .value(QStringLiteral("name"))
              .toString()
        + QLatin1Char('?');
    const QString sas = expired.value(QStringLiteral("sasToken")).toString();
    HttpResult r = get(QUrl::fromEncoded((blobUrl + sas).toUtf8()));
    QCOMPARE(r.status, 403);
    QVERIFY(r.body.startsWith(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>AuthenticationFailed</Code>"));
    QVERIFY2(
        r.body.contains(
            "<AuthenticationErrorDetail>Signature not valid in the specified time frame: Start ["),
        r.body.constData());

    // Moving the expiry forward breaks the signature.
    QString forged = sas;
    forged.replace(QRegularExpression(QStringLiteral("se=\\d{4}")), QStringLiteral("se=2999"));
    r = get(QUrl::fromEncoded((blobUrl + forged).toUtf8()));
    QCOMPARE(r.status, 403);
    QVERIFY(r.body.contains("Signature did not match"));
    r = get(QUrl::fromEncoded(blobUrl.toUtf8()));
    QCOMPARE(r.status, 403);

    const QByteArray key = "k";
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString token = SasToken::sign(key, QStringLiteral("/blob/c/d"), now, now.addSecs(60));
    QVERIFY(SasToken::verify(key, QStringLiteral("/blob/c/d"), QUrlQuery(token), now).valid);
    QVERIFY(!SasToken::verify(key, QStringLiteral("/blob/c/e"), QUrlQuery(token), now).valid);
    QVERIFY(!SasToken::verify("other", QStringLiteral("/blob/c/d"), QUrlQuery(token), now).valid);
    QVERIFY(!SasToken::verify(key, QStringLiteral("/blob/c/d"), QUrlQuery(token), now.addSecs(61))
                 .valid);
}

void TestSimulator::rangeRequests()
{
    ManifestSpec spec;
    spec.blobCount = 1;
    const QJsonObject manifest = succeedAndFetchManifest(spec);
    const QUrl url = QUrl::fromEncoded(
        (manifest.value(QStringLiteral("rootDirectory")).toString() + QLatin1Char('/')
         + manifest.value(QStringLiteral("blobs"))
               .toArray()
               .at(0)
               .toObject()
               .value(QStringLiteral("name"))
               .toString()
         + QLatin1Char('?') + manifest.value(QStringLiteral("sasToken")).toString())
            .toUtf8());
    const HttpResult whole = get(url);
    QCOMPARE(whole.status, 200);
    const qint64 size = whole.body.size();

    HttpResult r = get(url, {{"Range", "bytes=100-"}});
    QCOMPARE(r.status, 206);
    QCOMPARE(r.body, whole.body.mid(100));
    QCOMPARE(r.header("Content-Range"),
             "bytes 100-" + QByteArray::number(size - 1) + '/' + QByteArray::number(size));
    r = get(url, {{"Range", "bytes=10-19"}});
    QCOMPARE(r.status, 206);
    QCOMPARE(r.body, whole.body.mid(10, 10));
    r = get(url, {{"Range", "bytes=" + QByteArray::number(size) + '-'}});
    QCOMPARE(r.status, 416);
    QCOMPARE(r.header("Content-Range"), "bytes */" + QByteArray::number(size));
}

void TestSimulator::blobInjections()
{
    ManifestSpec spec;
    spec.blobNames = {QStringLiteral("../evil.json.gz"), QStringLiteral("a/b.json.gz"),
                      QStringLiteral("corrupt.json.gz")};
    spec.corruptBlobs = {2};
    spec.dropAfterBytes = 100;
    spec.dropRequests = 1;
    const QJsonObject manifest = succeedAndFetchManifest(spec);
    const QJsonArray blobs = manifest.value(QStringLiteral("blobs")).toArray();
    QCOMPARE(blobs.size(), 3);
    QCOMPARE(blobs.at(0).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("../evil.json.gz"));
    const auto urlOf = [&](int i) {
        return QUrl::fromEncoded(
            (manifest.value(QStringLiteral("rootDirectory")).toString() + QLatin1Char('/')
             + blobs.at(i).toObject().value(QStringLiteral("name")).toString() + QLatin1Char('?')
             + manifest.value(QStringLiteral("sasToken")).toString())
                .toUtf8());
    };
    for (int i = 0; i < 3; ++i) {
        const HttpResult dropped = get(urlOf(i));
        QVERIFY2(dropped.error != QNetworkReply::NoError, qPrintable(QString::number(i)));
        const HttpResult again = get(urlOf(i));
        QCOMPARE(again.status, 200);
        bool ok = false;
        ZlibData::gunzip(again.body, &ok);
        QCOMPARE(ok, i != 2);
    }

    ManifestSpec always;
    always.blobCount = 1;
    always.dropAfterBytes = 0;
    always.dropRequests = 0;
    always.dropRate = 1;
    const QJsonObject flaky = succeedAndFetchManifest(always);
    const QUrl url = QUrl::fromEncoded(
        (flaky.value(QStringLiteral("rootDirectory")).toString() + QLatin1Char('/')
         + flaky.value(QStringLiteral("blobs"))
               .toArray()
               .at(0)
               .toObject()
               .value(QStringLiteral("name"))
               .toString()
         + QLatin1Char('?') + flaky.value(QStringLiteral("sasToken")).toString())
            .toUtf8());
    for (int i = 0; i < 2; ++i)
        QVERIFY(get(url).error != QNetworkReply::NoError);
}

void TestSimulator::blobGeneratorIsDeterministic()
{
    const QByteArray a = BlobGenerator::gzipJsonLines(7, 300, 0);
    QCOMPARE(BlobGenerator::gzipJsonLines(7, 300, 0), a);
    QVERIFY(BlobGenerator::gzipJsonLines(8, 300, 0) != a);
    bool ok = false;
    QCOMPARE(ZlibData::gunzip(a, &ok), BlobGenerator::jsonLines(7, 300));
    QVERIFY(ok);
    const QByteArray sized = BlobGenerator::gzipJsonLines(7, 0, 200000);
    QVERIFY(sized.size() >= 200000 && sized.size() < 300000);
}

void TestSimulator::exportBodiesAreValidated_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("mentions");
    const QString billed = QStringLiteral("usage/billed/export");
    const QString unbilled = QStringLiteral("reconciliation/unbilled/export");
    QTest::newRow("billed ok") << billed
                               << QByteArray(R"({"invoiceId":"G016907411","attributeSet":"full"})")
                               << 202 << QString();
    QTest::newRow("pascal case") << QStringLiteral("reconciliation/billed/export")
                                 << QByteArray(R"({"InvoiceId":"G1","AttributeSet":"Full"})") << 202
                                 << QString();
    QTest::newRow("unbilled ok") << unbilled
                                 << QByteArray(R"({"currencyCode":"USD","billingPeriod":"last"})")
                                 << 202 << QString();
    QTest::newRow("no invoice") << billed << QByteArray(R"({"attributeSet":"basic"})") << 400
                                << QStringLiteral("invoiceId");
    QTest::newRow("empty invoice")
        << billed << QByteArray(R"({"invoiceId":" "})") << 400 << QStringLiteral("invoiceId");
    QTest::newRow("bad attributeSet")
        << billed << QByteArray(R"({"invoiceId":"G1","attributeSet":"all"})") << 400
        << QStringLiteral("attributeSet");
    QTest::newRow("no currency") << unbilled << QByteArray(R"({"billingPeriod":"current"})") << 400
                                 << QStringLiteral("currencyCode");
    QTest::newRow("no period") << unbilled << QByteArray(R"({"currencyCode":"USD"})") << 400
                               << QStringLiteral("billingPeriod");
    QTest::newRow("bad period") << QStringLiteral("usage/unbilled/export")
                                << QByteArray(R"({"currencyCode":"USD","billingPeriod":"next"})")
                                << 400 << QStringLiteral("billingPeriod");
    QTest::newRow("unknown key") << billed << QByteArray(R"({"invoiceId":"G1","extra":1})") << 400
                                 << QStringLiteral("extra");
    QTest::newRow("not json") << billed << QByteArray("invoiceId=G1") << 400
                              << QStringLiteral("JSON");
    QTest::newRow("unknown kind") << QStringLiteral("usage/future/export")
                                  << QByteArray(R"({"invoiceId":"G1"})") << 404
                                  << QStringLiteral("future");
}

void TestSimulator::exportBodiesAreValidated()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, mentions);
    const HttpResult r = post(path, body);
    QCOMPARE(r.status, status);
    QVERIFY(!r.header("request-id").isEmpty());
    if (status == 202) {
        QVERIFY(r.body.isEmpty());
        QVERIFY(r.header("Location")
                    .startsWith(QByteArray(m_sim->rootUrl().toEncoded()
                                           + "/v1.0/reports/partners/billing/operations/")));
    } else {
        const QJsonObject error = r.graphError();
        QVERIFY(!error.value(QStringLiteral("code")).toString().isEmpty());
        QVERIFY2(error.value(QStringLiteral("message")).toString().contains(mentions),
                 qPrintable(error.value(QStringLiteral("message")).toString()));
        QVERIFY(!r.hasHeader("Location"));
    }
}

void TestSimulator::exportCreatesAPollableOperation()
{
    ExportSettings settings;
    settings.succeedAfterMs = 300;
    settings.outcome = SimulatedOperation::Outcome::Failed;
    m_sim->setExportSettings(settings);
    const qint64 before = m_sim->elapsedMs();
    const HttpResult r = post(QStringLiteral("usage/billed/export"), R"({"invoiceId":"G1"})");
    const qint64 after = m_sim->elapsedMs();
    QCOMPARE(r.status, 202);
    const QUrl location = QUrl::fromEncoded(r.header("Location"));
    const QString id = location.path().section(QLatin1Char('/'), -1);
    QCOMPARE(m_sim->operationCount(), 1);
    checkTimeline(id, {QStringLiteral("running"), QStringLiteral("failed")}, {300}, before, after);
}

void TestSimulator::exportSwitches()
{
    ExportSettings settings;
    settings.omitLocation = true;
    m_sim->setExportSettings(settings);
    HttpResult r = post(QStringLiteral("usage/billed/export"), R"({"invoiceId":"G1"})");
    QCOMPARE(r.status, 202);
    QVERIFY(!r.hasHeader("Location"));
    for (int forced : {403, 429, 500}) {
        settings.forcedStatus = forced;
        m_sim->setExportSettings(settings);
        r = post(QStringLiteral("usage/billed/export"), R"({"invoiceId":"G1"})");
        QCOMPARE(r.status, forced);
        QCOMPARE(r.hasHeader("Retry-After"), forced == 429);
    }
    QCOMPARE(m_sim->operationCount(), 1);
}

void TestSimulator::manifestStatusRefusesOnlyTheManifest()
{
    const QList<std::pair<QByteArray, QByteArray>> authorized {
        {"Authorization", "Bearer " + m_sim->acceptedToken().toUtf8()}};
    for (int refusal : {401, 403}) {
        SimulatedOperation op;
        op.runningMs = 0;
        op.manifestStatus = refusal;
        const QString id = m_sim->addOperation(op);
        const HttpResult operation = getOperation(id);
        QCOMPARE(operation.status, 200);
        QCOMPARE(statusOf(operation), QStringLiteral("succeeded"));
        const QUrl link(operation.json()
                            .value(QStringLiteral("resourceLocation@odata.navigationLink"))
                            .toString());
        QVERIFY(link.isValid());

        const HttpResult manifest = get(link, authorized);
        QCOMPARE(manifest.status, refusal);
        QCOMPARE(manifest.graphError().value(QStringLiteral("code")).toString(),
                 refusal == 401 ? QStringLiteral("InvalidAuthenticationToken")
                                : QStringLiteral("Forbidden"));
        QVERIFY(!manifest.json().contains(QStringLiteral("blobs")));
    }

    // Without the option the same kind of operation serves its manifest.
    SimulatedOperation plain;
    plain.runningMs = 0;
    const QString id = m_sim->addOperation(plain);
    const QUrl link(getOperation(id)
                        .json()
                        .value(QStringLiteral("resourceLocation@odata.navigationLink"))
                        .toString());
    const HttpResult manifest = get(link, authorized);
    QCOMPARE(manifest.status, 200);
    QVERIFY(manifest.json().value(QStringLiteral("blobs")).isArray());
}

QTEST_GUILESS_MAIN(TestSimulator)
#include "tst_simulator.moc"
