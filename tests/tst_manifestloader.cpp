#include "app/downloads/manifestloader.h"
#include "support/simulatedgraph.h"

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
        m_graph = std::make_unique<SimulatedGraph>();
        QString error;
        QVERIFY2(m_graph->start(&error), qPrintable(error));
        m_loader = std::make_unique<ManifestLoader>(&m_graph->client);
    }
    void cleanup()
    {
        m_loader.reset();
        m_graph.reset();
    }

    void usesInlineManifestWithoutRequest()
    {
        SimulatedOperation spec = SimulatedGraph::succeededOperation();
        spec.inlineManifest = true;
        const TrackedOperation operation
            = m_graph->fetchOperation(m_graph->simulator.addOperation(spec));
        QVERIFY(!operation.last.inlineManifest.isEmpty());
        m_graph->simulator.clearRequestLog();

        m_loader->load(operation);
        const ManifestState state = m_loader->state(operation.id);
        QCOMPARE(state.status, ManifestState::Status::Loaded);
        QCOMPARE(state.source.kind, ManifestSource::Kind::Inline);
        QVERIFY(!state.manifest.blobs.isEmpty());
        QCOMPARE(state.manifest.blobs.size(), state.manifest.blobCount);
        QVERIFY(!state.manifest.sasToken.isEmpty());
        QCOMPARE(m_graph->simulator.requestCount(), 0);

        // A fresh SAS for an inline manifest comes with the operation itself.
        m_loader->reload(operation);
        QCOMPARE(m_loader->state(operation.id).status, ManifestState::Status::Loading);
        QTRY_COMPARE(m_loader->state(operation.id).status, ManifestState::Status::Loaded);
        QCOMPARE(countRequests(m_graph->simulator, QStringLiteral("/operations/")), 1);
        QCOMPARE(countRequests(m_graph->simulator, QStringLiteral("/manifests/")), 0);
    }

    void fetchesGraphLinkWithTokenAndCaches()
    {
        const TrackedOperation operation = m_graph->fetchOperation(
            m_graph->simulator.addOperation(SimulatedGraph::succeededOperation()));
        QVERIFY(operation.last.manifestLink.isValid());
        m_graph->simulator.clearRequestLog();

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
        QCOMPARE(
            countRequests(m_graph->simulator, QStringLiteral("/manifests/"), nullptr, &allWithAuth),
            1);
        QVERIFY(allWithAuth);

        m_loader->load(operation); // cached: no second request
        QCOMPARE(m_loader->state(operation.id).status, ManifestState::Status::Loaded);
        QCOMPARE(countRequests(m_graph->simulator, QStringLiteral("/manifests/")), 1);

        m_loader->reload(operation); // bypasses the cache
        QTRY_COMPARE(m_loader->state(operation.id).status, ManifestState::Status::Loaded);
        QCOMPARE(countRequests(m_graph->simulator, QStringLiteral("/manifests/")), 2);
    }

    void fallsBackToManifestsById()
    {
        // Without inline object or link, the manifest is asked for by the operation's id.
        SimulatedOperation spec = SimulatedGraph::succeededOperation();
        spec.id = newGuid();
        spec.manifestId = spec.id;
        m_graph->fetchOperation(m_graph->simulator.addOperation(spec)); // publishes the manifest
        TrackedOperation operation;
        operation.id = spec.id;
        operation.last.id = spec.id;
        operation.last.status = OperationStatus::Succeeded;
        operation.last.rawStatus = QStringLiteral("succeeded");
        m_graph->simulator.clearRequestLog();

        m_loader->load(operation);
        QTRY_COMPARE(m_loader->state(operation.id).status, ManifestState::Status::Loaded);
        const ManifestState state = m_loader->state(operation.id);
        QCOMPARE(state.source.kind, ManifestSource::Kind::ManifestsById);
        QCOMPARE(state.source.url, m_graph->client.endpoint().manifestUrl(spec.id));
        QVERIFY(!state.source.linkRefused);
        QCOMPARE(state.manifest.id, spec.id);
        bool allWithAuth = false;
        QCOMPARE(countRequests(m_graph->simulator, QStringLiteral("/manifests/") + spec.id, nullptr,
                               &allWithAuth),
                 1);
        QVERIFY(allWithAuth);
    }

    void refusesForeignLinkAndAsksGraphInstead()
    {
        GraphSimulator foreign;
        QVERIFY(foreign.start());
        SimulatedOperation spec = SimulatedGraph::succeededOperation();
        spec.manifestLinkRoot = foreign.rootUrl();
        const TrackedOperation operation
            = m_graph->fetchOperation(m_graph->simulator.addOperation(spec));
        QCOMPARE(operation.last.manifestLink.port(), foreign.rootUrl().port());
        m_graph->simulator.clearRequestLog();

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
        QCOMPARE(
            countRequests(m_graph->simulator, QStringLiteral("/manifests/"), nullptr, &allWithAuth),
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
        operation.last.manifestLink = m_graph->client.endpoint().manifestUrl(newGuid());
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
        QCOMPARE(m_graph->simulator.requestCount(), 0);
    }

    void refusedManifestCarriesTheProblem()
    {
        const TrackedOperation operation = m_graph->fetchOperation(
            m_graph->simulator.addOperation(SimulatedGraph::succeededOperation()));
        QVERIFY(operation.last.manifestLink.isValid());
        const QString token = m_graph->simulator.acceptedToken();
        m_graph->simulator.setAcceptedToken(QStringLiteral("another-token"));

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
        m_graph->simulator.setAcceptedToken(token);
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
        SimulatedOperation spec = SimulatedGraph::succeededOperation();
        spec.manifestStatus = 403;
        const TrackedOperation operation
            = m_graph->fetchOperation(m_graph->simulator.addOperation(spec));
        QVERIFY(operation.last.manifestLink.isValid());

        m_loader->load(operation);
        QTRY_COMPARE(m_loader->state(operation.id).status, ManifestState::Status::Failed);
        const ManifestState state = m_loader->state(operation.id);
        QCOMPARE(state.problem.kind, Problem::Kind::Forbidden);
        QCOMPARE(state.problem.httpStatus, 403);
        QVERIFY2(state.error.contains(QLatin1String("403")), qPrintable(state.error));
    }

private:
    std::unique_ptr<SimulatedGraph> m_graph;
    std::unique_ptr<ManifestLoader> m_loader;
};

QTEST_GUILESS_MAIN(TestManifestLoader)
#include "tst_manifestloader.moc"
