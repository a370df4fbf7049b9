#include "app/graphclient.h"
#include "app/manifestloader.h"
#include "app/simulator/graphsimulator.h"
#include "app/tokenprovider.h"

#include "models/graphjson.h"

#include <QSignalSpy>
#include <QTest>
#include <QUuid>

namespace {

QString newGuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

int countRequests(const GraphSimulator &simulator, const QString &pathPart,
                  bool *anyWithAuth = nullptr, bool *allWithAuth = nullptr)
{
    int count = 0;
    if (anyWithAuth)
        *anyWithAuth = false;
    if (allWithAuth)
        *allWithAuth = true;
    for (const SimulatorRequest &request : simulator.requestLog()) {
        if (!request.path.contains(pathPart))
            continue;
        ++count;
        if (anyWithAuth)
            *anyWithAuth = *anyWithAuth || request.hadAuthorization;
        if (allWithAuth)
            *allWithAuth = *allWithAuth && request.hadAuthorization;
    }
    return count;
}

} // namespace

class TestManifestLoader : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_simulator = std::make_unique<GraphSimulator>();
        QVERIFY2(m_simulator->start(), qPrintable(m_simulator->errorString()));
        m_tokens = std::make_unique<StaticTokenProvider>(m_simulator->acceptedToken());
        m_client = std::make_unique<GraphClient>(m_tokens.get());
        QString error;
        const std::optional<GraphEndpoint> endpoint = GraphEndpoint::make(
            m_simulator->rootUrl().toString(), QStringLiteral("v1.0"), &error);
        QVERIFY2(endpoint, qPrintable(error));
        m_client->setEndpoint(*endpoint);
        m_loader = std::make_unique<ManifestLoader>(m_client.get());
    }
    void cleanup()
    {
        m_loader.reset();
        m_client.reset();
        m_tokens.reset();
        m_simulator.reset();
    }

    void usesInlineManifestWithoutRequest()
    {
        SimulatedOperation spec = succeededSpec();
        spec.inlineManifest = true;
        const TrackedOperation operation = fetchOperation(m_simulator->addOperation(spec));
        QVERIFY(!operation.last.inlineManifest.isEmpty());
        m_simulator->clearRequestLog();

        m_loader->load(operation);
        const ManifestState state = m_loader->state(operation.id);
        QCOMPARE(state.status, ManifestState::Status::Loaded);
        QCOMPARE(state.source.kind, ManifestSource::Kind::Inline);
        QVERIFY(!state.manifest.blobs.isEmpty());
        QCOMPARE(state.manifest.blobs.size(), state.manifest.blobCount);
        QVERIFY(!state.manifest.sasToken.isEmpty());
        QCOMPARE(m_simulator->requestCount(), 0);

        // A fresh SAS for an inline manifest comes with the operation itself.
        m_loader->reload(operation);
        QCOMPARE(m_loader->state(operation.id).status, ManifestState::Status::Loading);
        QTRY_COMPARE(m_loader->state(operation.id).status, ManifestState::Status::Loaded);
        QCOMPARE(countRequests(*m_simulator, QStringLiteral("/operations/")), 1);
        QCOMPARE(countRequests(*m_simulator, QStringLiteral("/manifests/")), 0);
    }

    void fetchesGraphLinkWithTokenAndCaches()
    {
        const TrackedOperation operation
            = fetchOperation(m_simulator->addOperation(succeededSpec()));
        QVERIFY(operation.last.manifestLink.isValid());
        m_simulator->clearRequestLog();

        QSignalSpy changed(m_loader.get(), &ManifestLoader::stateChanged);
        m_loader->load(operation);
        QCOMPARE(m_loader->state(operation.id).status, ManifestState::Status::Loading);
        QTRY_COMPARE(m_loader->state(operation.id).status, ManifestState::Status::Loaded);
        QCOMPARE(changed.count(), 2);
        const ManifestState state = m_loader->state(operation.id);
        QCOMPARE(state.source.kind, ManifestSource::Kind::GraphLink);
        QCOMPARE(state.source.url, operation.last.manifestLink);
        QVERIFY(state.source.note.isEmpty());
        QCOMPARE(state.manifest.id,
                 operation.last.manifestLink.path().section(QLatin1Char('/'), -1));
        bool allWithAuth = false;
        QCOMPARE(countRequests(*m_simulator, QStringLiteral("/manifests/"), nullptr, &allWithAuth),
                 1);
        QVERIFY(allWithAuth);

        m_loader->load(operation); // cached: no second request
        QCOMPARE(m_loader->state(operation.id).status, ManifestState::Status::Loaded);
        QCOMPARE(countRequests(*m_simulator, QStringLiteral("/manifests/")), 1);

        m_loader->reload(operation); // bypasses the cache
        QTRY_COMPARE(m_loader->state(operation.id).status, ManifestState::Status::Loaded);
        QCOMPARE(countRequests(*m_simulator, QStringLiteral("/manifests/")), 2);
    }

    void fallsBackToManifestsById()
    {
        // Without inline object or link, the manifest is asked for by the operation's id.
        SimulatedOperation spec = succeededSpec();
        spec.id = newGuid();
        spec.manifestId = spec.id;
        fetchOperation(m_simulator->addOperation(spec)); // publishes the manifest
        TrackedOperation operation;
        operation.id = spec.id;
        operation.last.id = spec.id;
        operation.last.status = OperationStatus::Succeeded;
        operation.last.rawStatus = QStringLiteral("succeeded");
        m_simulator->clearRequestLog();

        m_loader->load(operation);
        QTRY_COMPARE(m_loader->state(operation.id).status, ManifestState::Status::Loaded);
        const ManifestState state = m_loader->state(operation.id);
        QCOMPARE(state.source.kind, ManifestSource::Kind::ManifestsById);
        QCOMPARE(state.source.url, m_client->endpoint().manifestUrl(spec.id));
        QVERIFY(!state.source.linkRefused);
        QCOMPARE(state.manifest.id, spec.id);
        bool allWithAuth = false;
        QCOMPARE(countRequests(*m_simulator, QStringLiteral("/manifests/") + spec.id, nullptr,
                               &allWithAuth),
                 1);
        QVERIFY(allWithAuth);
    }

    void refusesForeignLinkAndAsksGraphInstead()
    {
        GraphSimulator foreign;
        QVERIFY(foreign.start());
        SimulatedOperation spec = succeededSpec();
        spec.manifestLinkRoot = foreign.rootUrl();
        const TrackedOperation operation = fetchOperation(m_simulator->addOperation(spec));
        QCOMPARE(operation.last.manifestLink.port(), foreign.rootUrl().port());
        m_simulator->clearRequestLog();

        m_loader->load(operation);
        QTRY_COMPARE(m_loader->state(operation.id).status, ManifestState::Status::Loaded);
        const ManifestState state = m_loader->state(operation.id);
        QCOMPARE(state.source.kind, ManifestSource::Kind::ManifestsById);
        QVERIFY(state.source.linkRefused);
        QCOMPARE(state.source.link, operation.last.manifestLink);
        QVERIFY2(state.source.note.contains(foreign.rootUrl().toString())
                     && state.source.note.contains(QLatin1String("not fetched")),
                 qPrintable(state.source.note));
        QCOMPARE(state.manifest.id,
                 operation.last.manifestLink.path().section(QLatin1Char('/'), -1));

        // The foreign origin saw nothing at all, so certainly no token; Graph got the request.
        QCOMPARE(foreign.requestCount(), 0);
        bool allWithAuth = false;
        QCOMPARE(countRequests(*m_simulator, QStringLiteral("/manifests/"), nullptr, &allWithAuth),
                 1);
        QVERIFY(allWithAuth);
    }

    void chooseSource_data()
    {
        QTest::addColumn<QString>("link");
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("refused");
        QTest::addColumn<QString>("expectedUrl");
        const QString operationId = QStringLiteral("6fe687d7-1e0f-4bd6-9091-4672691f64bc");
        const QString manifestId = QStringLiteral("8fe347d7-1e0f-4bd6-9091-4672691f32db");
        const QString graph = QStringLiteral(
            "https://graph.microsoft.com/v1.0/reports/partners/billing/manifests/");
        QTest::newRow("graph link") << graph + manifestId << int(ManifestSource::Kind::GraphLink)
                                    << false << graph + manifestId;
        QTest::newRow("no link") << QString() << int(ManifestSource::Kind::ManifestsById) << false
                                 << graph + operationId;
        QTest::newRow("foreign host")
            << QStringLiteral("https://evil.example/v1.0/reports/partners/billing/manifests/")
                + manifestId
            << int(ManifestSource::Kind::ManifestsById) << true << graph + manifestId;
        QTest::newRow("graph host over http")
            << QStringLiteral("http://graph.microsoft.com/v1.0/reports/partners/billing/manifests/")
                + manifestId
            << int(ManifestSource::Kind::ManifestsById) << true << graph + manifestId;
        QTest::newRow("graph host other port")
            << QStringLiteral("https://graph.microsoft.com:8443/v1.0/manifests/") + manifestId
            << int(ManifestSource::Kind::ManifestsById) << true << graph + manifestId;
        QTest::newRow("foreign link without id")
            << QStringLiteral("https://evil.example/manifest?id=") + manifestId
            << int(ManifestSource::Kind::ManifestsById) << true << graph + operationId;
        QTest::newRow("lookalike host")
            << QStringLiteral("https://graph.microsoft.com.evil.example/v1.0/manifests/")
                + manifestId
            << int(ManifestSource::Kind::ManifestsById) << true << graph + manifestId;
    }
    void chooseSource()
    {
        QFETCH(QString, link);
        QFETCH(int, kind);
        QFETCH(bool, refused);
        QFETCH(QString, expectedUrl);
        TrackedOperation operation;
        operation.id = QStringLiteral("6fe687d7-1e0f-4bd6-9091-4672691f64bc");
        operation.last.status = OperationStatus::Succeeded;
        operation.last.manifestLink = QUrl(link);
        const ManifestSource source = ManifestSource::forOperation(operation, GraphEndpoint());
        QCOMPARE(int(source.kind), kind);
        QCOMPARE(source.linkRefused, refused);
        QCOMPARE(source.url, QUrl(expectedUrl));
        QCOMPARE(source.note.isEmpty(), !refused);
    }

    void reportsMissingManifest()
    {
        TrackedOperation operation;
        operation.id = newGuid();
        operation.last.status = OperationStatus::Succeeded;
        operation.last.rawStatus = QStringLiteral("succeeded");
        operation.last.manifestLink = m_client->endpoint().manifestUrl(newGuid());
        m_loader->load(operation);
        QTRY_COMPARE(m_loader->state(operation.id).status, ManifestState::Status::Failed);
        const QString error = m_loader->state(operation.id).error;
        QVERIFY2(error.startsWith(QLatin1String("Could not load the manifest from "))
                     && error.contains(QLatin1String("404")),
                 qPrintable(error));
    }

    void ignoresOperationsThatHaveNotSucceeded()
    {
        TrackedOperation operation;
        operation.id = newGuid();
        operation.last.status = OperationStatus::Running;
        operation.last.rawStatus = QStringLiteral("running");
        m_loader->load(operation);
        QCOMPARE(m_loader->state(operation.id).status, ManifestState::Status::Idle);
        QCOMPARE(m_simulator->requestCount(), 0);
    }

    void refusedManifestCarriesTheProblem()
    {
        const TrackedOperation operation
            = fetchOperation(m_simulator->addOperation(succeededSpec()));
        QVERIFY(operation.last.manifestLink.isValid());
        const QString token = m_simulator->acceptedToken();
        m_simulator->setAcceptedToken(QStringLiteral("another-token"));

        m_loader->load(operation);
        QTRY_COMPARE(m_loader->state(operation.id).status, ManifestState::Status::Failed);
        ManifestState state = m_loader->state(operation.id);
        QCOMPARE(state.problem.kind, Problem::Kind::Unauthorized);
        QCOMPARE(state.problem.httpStatus, 401);
        QCOMPARE(state.problem.code, QStringLiteral("InvalidAuthenticationToken"));
        QVERIFY2(state.error.startsWith(QLatin1String("Could not load the manifest from "))
                     && state.error.contains(QLatin1String("401")),
                 qPrintable(state.error));

        // Once the token is accepted again, the problem goes with the failure.
        m_simulator->setAcceptedToken(token);
        m_loader->reload(operation);
        QCOMPARE(m_loader->state(operation.id).status, ManifestState::Status::Loading);
        QVERIFY(m_loader->state(operation.id).problem.isNull());
        QTRY_COMPARE(m_loader->state(operation.id).status, ManifestState::Status::Loaded);
        state = m_loader->state(operation.id);
        QVERIFY(state.problem.isNull());
        QVERIFY(state.error.isEmpty());
    }

    void forbiddenManifestCarriesTheProblem()
    {
        SimulatedOperation spec = succeededSpec();
        spec.manifestStatus = 403;
        const TrackedOperation operation = fetchOperation(m_simulator->addOperation(spec));
        QVERIFY(operation.last.manifestLink.isValid());

        m_loader->load(operation);
        QTRY_COMPARE(m_loader->state(operation.id).status, ManifestState::Status::Failed);
        const ManifestState state = m_loader->state(operation.id);
        QCOMPARE(state.problem.kind, Problem::Kind::Forbidden);
        QCOMPARE(state.problem.httpStatus, 403);
        QVERIFY2(state.error.contains(QLatin1String("403")), qPrintable(state.error));
    }

private:
    static SimulatedOperation succeededSpec()
    {
        SimulatedOperation spec;
        spec.ageMs = 60000; // long finished
        spec.notStartedMs = 0;
        spec.runningMs = 1000;
        return spec;
    }

    TrackedOperation fetchOperation(const QString &id)
    {
        TrackedOperation tracked;
        tracked.id = id;
        GraphCall *call = m_client->get(m_simulator->operationUrl(id));
        bool done = false;
        QByteArray body;
        connect(call, &GraphCall::finished, this, [&](const GraphReply &reply) {
            done = true;
            body = reply.body;
        });
        if (!QTest::qWaitFor([&] { return done; }, 5000))
            return tracked;
        QString error;
        if (const std::optional<Operation> operation = GraphJson::parseOperation(body, &error))
            tracked.last = *operation;
        return tracked;
    }

    std::unique_ptr<GraphSimulator> m_simulator;
    std::unique_ptr<StaticTokenProvider> m_tokens;
    std::unique_ptr<GraphClient> m_client;
    std::unique_ptr<ManifestLoader> m_loader;
};

QTEST_GUILESS_MAIN(TestManifestLoader)
#include "tst_manifestloader.moc"
