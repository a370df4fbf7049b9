#include "app/graph/graphclient.h"
#include "app/graph/graphendpoint.h"
#include "app/graph/operationfetch.h"
#include "app/graph/tokenprovider.h"
#include "app/simulator/graphsimulator.h"
#include "models/graphjson.h"
#include "support/rawhttpserver.h"
#include "support/simulatedgraph.h"
#include "support/testcertificate.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

namespace {

// Hands out its token at once; asked to renew after a 401, it counts and moves on to
// renewed (when set).
class CountingTokens final : public TokenProvider
{
public:
    explicit CountingTokens(QString token)
        : m_token(std::move(token))
    { }
    void requestToken(QObject *, const TokenCallback &done, const QString &rejectedToken) override
    {
        if (!rejectedToken.isEmpty()) {
            ++rejected;
            if (!renewed.isEmpty())
                m_token = renewed;
        }
        done({m_token, {}});
    }
    bool canRenew() const override { return true; }
    QString accessToken() const { return m_token; }
    int rejected = 0;
    QString renewed;

private:
    QString m_token;
};

} // namespace

// The Graph client against the simulator on 127.0.0.1: every kind of answer, and where the
// token may and may not go.
class TestGraphClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void endpointValidation_data();
    void endpointValidation();
    void endpointBuildsUrls();
    void tokenFromEnvironment();

    void statuses_data();
    void statuses();
    void unknownStatusWithoutType();
    void unauthorized();
    void unauthorizedRenewsOnceAndRetries();
    void tokenProblemFailsWithoutARequest();
    void cancelWhileWaitingForAToken();
    void notFound();
    void throttled();
    void serverError();
    void timeoutIsNotCancel();
    void tricklingReplyMeetsTheDeadline();
    void cancel();
    void nonJsonReply();
    void replyTooLarge_data();
    void replyTooLarge();
    void requestIdFromErrorBody();
    void tokenOnlyToTheGraphOrigin();
    void redirectToAnotherOriginCarriesNoToken();
    void freshClientRequestIdPerRequest();
    void httpsWithATrustedCertificate();
    void httpsWithAnUntrustedCertificateSendsNothing();

private:
    // Points the client at a simulator serving https with a fresh certificate for 127.0.0.1.
    void startOverTls(GraphSimulator *graph, TestCertificate *certificate);

    GraphReply get(const QUrl &url) { return waitForReply(m_client->get(url)); }

    std::unique_ptr<GraphSimulator> m_simulator;
    std::unique_ptr<CountingTokens> m_tokens;
    std::unique_ptr<GraphClient> m_client;
};

void TestGraphClient::initTestCase()
{
    qRegisterMetaType<GraphReply>();
}

void TestGraphClient::init()
{
    m_simulator = std::make_unique<GraphSimulator>();
    QVERIFY2(m_simulator->start(), qPrintable(m_simulator->errorString()));
    m_tokens = std::make_unique<CountingTokens>(m_simulator->acceptedToken());
    m_client = std::make_unique<GraphClient>(m_tokens.get());
    QString error;
    QVERIFY2(pointAtSimulator(m_client.get(), *m_simulator, &error), qPrintable(error));
}

void TestGraphClient::cleanup()
{
    m_client.reset();
    m_tokens.reset();
    m_simulator.reset();
}

void TestGraphClient::endpointValidation_data()
{
    QTest::addColumn<QString>("root");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("errorPart"); // empty: valid

    QTest::newRow("default") << "https://graph.microsoft.com"
                             << "v1.0"
                             << "";
    QTest::newRow("trailing slash") << "https://graph.microsoft.com/"
                                    << "beta"
                                    << "";
    QTest::newRow("https with port") << "https://graph.example:8443"
                                     << "v1.0"
                                     << "";
    QTest::newRow("http loopback v4") << "http://127.0.0.1:8080"
                                      << "v1.0"
                                      << "";
    QTest::newRow("http loopback 127/8") << "http://127.4.5.6:8080"
                                         << "v1.0"
                                         << "";
    QTest::newRow("http localhost") << "http://localhost:1234"
                                    << "beta"
                                    << "";
    QTest::newRow("http ::1") << "http://[::1]:1234"
                              << "v1.0"
                              << "";
    QTest::newRow("http elsewhere") << "http://graph.microsoft.com"
                                    << "v1.0"
                                    << "unencrypted";
    QTest::newRow("http private net") << "http://192.168.1.5"
                                      << "v1.0"
                                      << "unencrypted";
    QTest::newRow("ftp") << "ftp://graph.microsoft.com"
                         << "v1.0"
                         << "https://";
    QTest::newRow("path") << "https://graph.microsoft.com/v1.0"
                          << "v1.0"
                          << "version";
    QTest::newRow("query") << "https://graph.microsoft.com/?a=b"
                           << "v1.0"
                           << "'?'";
    QTest::newRow("fragment") << "https://graph.microsoft.com#x"
                              << "v1.0"
                              << "'#'";
    QTest::newRow("user info") << "https://me:pw@graph.microsoft.com"
                               << "v1.0"
                               << "user name";
    QTest::newRow("empty") << ""
                           << "v1.0"
                           << "empty";
    QTest::newRow("no scheme") << "graph.microsoft.com"
                               << "v1.0"
                               << "not a web address";
    QTest::newRow("version v2") << "https://graph.microsoft.com"
                                << "v2.0"
                                << "v1.0 or beta";
    QTest::newRow("version empty") << "https://graph.microsoft.com"
                                   << ""
                                   << "v1.0 or beta";
}

void TestGraphClient::endpointValidation()
{
    QFETCH(QString, root);
    QFETCH(QString, version);
    QFETCH(QString, errorPart);
    QString error;
    const std::optional<GraphEndpoint> endpoint = GraphEndpoint::make(root, version, &error);
    if (errorPart.isEmpty()) {
        QVERIFY2(endpoint, qPrintable(error));
        QVERIFY(endpoint->root().path().isEmpty());
    } else {
        QVERIFY(!endpoint);
        QVERIFY2(error.contains(errorPart), qPrintable(error));
    }
}

void TestGraphClient::endpointBuildsUrls()
{
    const GraphEndpoint endpoint;
    const QString id = QStringLiteral("7c7ce1a0-5b2b-4e4e-9f35-0bd4e4cf8a10");
    QCOMPARE(endpoint.operationUrl(id).toString(),
             QStringLiteral("https://graph.microsoft.com/v1.0/reports/partners/billing/operations/")
                 + id);
    QCOMPARE(endpoint.manifestUrl(QStringLiteral("a/b?c")).toString(QUrl::FullyEncoded),
             QStringLiteral("https://graph.microsoft.com/v1.0/reports/partners/billing/"
                            "manifests/a%2Fb%3Fc"));
    QVERIFY(endpoint.isGraphOrigin(QUrl(QStringLiteral("https://graph.microsoft.com:443/x"))));
    QVERIFY(endpoint.isGraphOrigin(QUrl(QStringLiteral("https://GRAPH.microsoft.com/x"))));
    QVERIFY(!endpoint.isGraphOrigin(QUrl(QStringLiteral("http://graph.microsoft.com/x"))));
    QVERIFY(!endpoint.isGraphOrigin(QUrl(QStringLiteral("https://graph.microsoft.com:444/x"))));
    QVERIFY(!endpoint.isGraphOrigin(QUrl(QStringLiteral("https://evil.example/x"))));
    QVERIFY(!endpoint.isGraphOrigin(
        QUrl(QStringLiteral("https://graph.microsoft.com.evil.example/x"))));
}

void TestGraphClient::tokenFromEnvironment()
{
    qputenv(StaticTokenProvider::EnvironmentVariable, "  eyJ0eXAi.token \n");
    QCOMPARE(StaticTokenProvider::fromEnvironment(), QStringLiteral("eyJ0eXAi.token"));
    qunsetenv(StaticTokenProvider::EnvironmentVariable);
    QCOMPARE(StaticTokenProvider::fromEnvironment(), QString());
}

void TestGraphClient::statuses_data()
{
    QTest::addColumn<int>("phase"); // 0 notStarted, 1 running, 2 finished
    QTest::addColumn<int>("outcome");
    QTest::addColumn<QString>("finalStatus");
    QTest::addColumn<OperationStatus>("expected");
    QTest::addColumn<QString>("expectedRaw");

    const int succeeded = int(SimulatedOperation::Outcome::Succeeded);
    const int failed = int(SimulatedOperation::Outcome::Failed);
    const int never = int(SimulatedOperation::Outcome::NeverFinishes);
    QTest::newRow("notStarted") << 0 << succeeded << "" << OperationStatus::NotStarted
                                << "notStarted";
    QTest::newRow("running") << 1 << succeeded << "" << OperationStatus::Running << "running";
    QTest::newRow("succeeded") << 2 << succeeded << "" << OperationStatus::Succeeded << "succeeded";
    QTest::newRow("failed") << 2 << failed << "" << OperationStatus::Failed << "failed";
    QTest::newRow("completed") << 2 << succeeded << "completed" << OperationStatus::Succeeded
                               << "completed";
    // The @odata.type (runningOperation) decides; the server's own word is kept beside it.
    QTest::newRow("unknown string, typed")
        << 1 << never << "paused" << OperationStatus::Running << "paused";
}

void TestGraphClient::statuses()
{
    QFETCH(int, phase);
    QFETCH(int, outcome);
    QFETCH(QString, finalStatus);
    QFETCH(OperationStatus, expected);
    QFETCH(QString, expectedRaw);

    SimulatedOperation spec;
    spec.notStartedMs = phase == 0 ? 3600 * 1000 : 0;
    spec.runningMs = 3600 * 1000;
    spec.ageMs = phase == 2 ? 2 * 3600 * 1000 : 0;
    spec.outcome = SimulatedOperation::Outcome(outcome);
    spec.finalStatus = finalStatus;
    spec.retryAfter = "2.128";
    const QString id = m_simulator->addOperation(spec);

    const GraphReply reply = get(m_client->endpoint().operationUrl(id));
    QCOMPARE(reply.httpStatus, 200);
    QVERIFY2(reply.problem.isNull(), qPrintable(reply.problem.summary()));
    QVERIFY(!reply.requestId.isEmpty());
    const FetchOutcome fetched = FetchOutcome::fromReply(reply, id);
    QVERIFY2(fetched.operation, qPrintable(fetched.problem.summary()));
    QCOMPARE(fetched.operation->id, id);
    QCOMPARE(fetched.operation->status, expected);
    QCOMPARE(fetched.operation->rawStatus, expectedRaw);
    if (phase < 2)
        QCOMPARE(reply.retryAfter, QByteArray("2.128"));
    if (expected == OperationStatus::Failed)
        QCOMPARE(fetched.operation->error.code, QStringLiteral("5000"));
    QCOMPARE(m_simulator->requestLog().last().hadAuthorization, true);
}

void TestGraphClient::unknownStatusWithoutType()
{
    const QByteArray id = "0a0b0c0d-0000-4000-8000-000000000001";
    RawHttpServer server([&](const QByteArray &) {
        return RawHttpServer::response(200, {"Content-Type: application/json"},
                                       R"({"id":")" + id + R"(","status":"paused"})");
    });
    QVERIFY(server.start());
    const GraphReply reply = get(server.rootUrl().resolved(QUrl(QStringLiteral("/op"))));
    const FetchOutcome fetched = FetchOutcome::fromReply(reply, QString::fromLatin1(id));
    QVERIFY2(fetched.operation, qPrintable(fetched.problem.summary()));
    QCOMPARE(fetched.operation->status, OperationStatus::Unknown);
    QCOMPARE(fetched.operation->rawStatus, QStringLiteral("paused"));
}

void TestGraphClient::unauthorized()
{
    const QString id = m_simulator->addOperation({});
    m_simulator->setAcceptedToken(QStringLiteral("another-token"));
    const GraphReply reply = get(m_client->endpoint().operationUrl(id));
    QCOMPARE(reply.httpStatus, 401);
    QCOMPARE(reply.problem.kind, Problem::Kind::Unauthorized);
    QCOMPARE(reply.problem.httpStatus, 401);
    QVERIFY(!reply.problem.message.isEmpty());
    QVERIFY(!reply.problem.requestId.isEmpty());
    // One renewal and one retry; the second 401 is the problem.
    QCOMPARE(m_tokens->rejected, 1);
    QCOMPARE(m_simulator->requestCount(), 2);
    QVERIFY(reply.problem.summary().startsWith(QStringLiteral("HTTP 401")));
    QVERIFY(!reply.problem.summary().contains(m_tokens->accessToken()));
    QVERIFY(!FetchOutcome::fromReply(reply, id).operation);
}

void TestGraphClient::unauthorizedRenewsOnceAndRetries()
{
    const QString id = m_simulator->addOperation({});
    m_simulator->setAcceptedToken(QStringLiteral("renewed-token"));
    m_tokens->renewed = QStringLiteral("renewed-token");
    const GraphReply reply = get(m_client->endpoint().operationUrl(id));
    QCOMPARE(reply.httpStatus, 200);
    QVERIFY(reply.problem.isNull());
    QCOMPARE(m_tokens->rejected, 1);
    const QList<SimulatorRequest> log = m_simulator->requestLog();
    QCOMPARE(log.size(), 2);
    QCOMPARE(log.at(0).status, 401);
    QCOMPARE(log.at(1).status, 200);
    // The retry is the same request: the same client-request-id.
    QCOMPARE(log.at(0).clientRequestId, log.at(1).clientRequestId);
}

void TestGraphClient::tokenProblemFailsWithoutARequest()
{
    class Refusing final : public TokenProvider
    {
    public:
        void requestToken(QObject *, const TokenCallback &done, const QString &) override
        {
            Problem problem;
            problem.kind = Problem::Kind::Unauthorized;
            problem.message = QStringLiteral("Sign in again: revoked.");
            done({{}, problem});
        }
    } refusing;
    GraphClient client(&refusing);
    QString error;
    QVERIFY2(pointAtSimulator(&client, *m_simulator, &error), qPrintable(error));
    const GraphReply reply = waitForReply(client.get(
        client.endpoint().operationUrl(QUuid::createUuid().toString(QUuid::WithoutBraces))));
    QCOMPARE(reply.problem.kind, Problem::Kind::Unauthorized);
    QCOMPARE(reply.problem.message, QStringLiteral("Sign in again: revoked."));
    QCOMPARE(reply.httpStatus, 0);
    QCOMPARE(m_simulator->requestCount(), 0);
}

void TestGraphClient::cancelWhileWaitingForAToken()
{
    class Waiting final : public TokenProvider
    {
    public:
        void requestToken(QObject *, const TokenCallback &done, const QString &) override
        {
            pending = done;
        }
        TokenCallback pending;
    } waiting;
    GraphClient client(&waiting);
    QString error;
    QVERIFY2(pointAtSimulator(&client, *m_simulator, &error), qPrintable(error));
    GraphCall *call = client.get(
        client.endpoint().operationUrl(QUuid::createUuid().toString(QUuid::WithoutBraces)));
    QSignalSpy finished(call, &GraphCall::finished);
    QVERIFY(waiting.pending);
    call->cancel();
    QCOMPARE(finished.size(), 1);
    QVERIFY(finished.first().first().value<GraphReply>().cancelled);
    QTest::qWait(50);
    QCOMPARE(m_simulator->requestCount(), 0);
}

void TestGraphClient::notFound()
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const GraphReply reply = get(m_client->endpoint().operationUrl(id));
    QCOMPARE(reply.httpStatus, 404);
    QCOMPARE(reply.problem.kind, Problem::Kind::NotFound);
    QVERIFY(!reply.problem.code.isEmpty()); // from the Graph error body
    QVERIFY(!reply.problem.requestId.isEmpty());
}

void TestGraphClient::throttled()
{
    const QString id = m_simulator->addOperation({});
    FaultProfile faults;
    faults.throttle = 1.0;
    faults.retryAfterSeconds = 7;
    m_simulator->setFaults(faults);
    const GraphReply reply = get(m_client->endpoint().operationUrl(id));
    QCOMPARE(reply.httpStatus, 429);
    QCOMPARE(reply.problem.kind, Problem::Kind::Throttled);
    QCOMPARE(reply.retryAfter, QByteArray("7"));
    QVERIFY(!reply.problem.message.isEmpty());
}

void TestGraphClient::serverError()
{
    const QString id = m_simulator->addOperation({});
    FaultProfile faults;
    faults.serverError = 1.0;
    m_simulator->setFaults(faults);
    const GraphReply reply = get(m_client->endpoint().operationUrl(id));
    QCOMPARE(reply.httpStatus, 500);
    QCOMPARE(reply.problem.kind, Problem::Kind::ServerError);

    faults.serverError = 0;
    faults.unavailableBare = 1.0;
    m_simulator->setFaults(faults);
    const GraphReply bare = get(m_client->endpoint().operationUrl(id));
    QCOMPARE(bare.httpStatus, 503);
    QCOMPARE(bare.problem.kind, Problem::Kind::ServerError); // 503 without Retry-After
    m_client->dropIdleConnections();
    faults.unavailableBare = 0;
    faults.unavailable = 1.0;
    m_simulator->setFaults(faults);
    const GraphReply unavailable = get(m_client->endpoint().operationUrl(id));
    QCOMPARE(unavailable.httpStatus, 503);
    QCOMPARE(unavailable.problem.kind, Problem::Kind::Throttled);
}

void TestGraphClient::timeoutIsNotCancel()
{
    const QString id = m_simulator->addOperation({});
    FaultProfile faults;
    faults.stall = 1.0;
    faults.stallMs = 5000;
    m_simulator->setFaults(faults);
    m_client->setTransferTimeout(300);
    const GraphReply reply = get(m_client->endpoint().operationUrl(id));
    QCOMPARE(reply.problem.kind, Problem::Kind::Timeout);
    QVERIFY(!reply.cancelled);
    QCOMPARE(reply.httpStatus, 0);
    QVERIFY2(reply.problem.message.contains(QStringLiteral("0.3 s")),
             qPrintable(reply.problem.message));
}

void TestGraphClient::tricklingReplyMeetsTheDeadline()
{
    // A server that answers one byte every 100 ms: the transfer timeout (300 ms of silence)
    // never trips, so only the overall deadline ends the request.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QTimer trickle;
    trickle.setInterval(100);
    QList<QPointer<QTcpSocket>> sockets;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        QTcpSocket *socket = server.nextPendingConnection();
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                      "Content-Length: 100000\r\n\r\n{");
        sockets.append(socket);
        trickle.start();
    });
    connect(&trickle, &QTimer::timeout, this, [&] {
        for (const QPointer<QTcpSocket> &socket : std::as_const(sockets)) {
            if (socket && socket->state() == QAbstractSocket::ConnectedState)
                socket->write(" ");
        }
    });
    m_client->setEndpoint(
        *GraphEndpoint::make(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()),
                             QStringLiteral("v1.0"), nullptr));
    m_client->setTransferTimeout(300);
    QCOMPARE(m_client->requestDeadline(), 300 * GraphClient::DeadlineTransferTimeouts);

    QElapsedTimer elapsed;
    elapsed.start();
    const GraphReply reply = get(
        m_client->endpoint().operationUrl(QUuid::createUuid().toString(QUuid::WithoutBraces)));
    QCOMPARE(reply.problem.kind, Problem::Kind::Timeout);
    QVERIFY(!reply.cancelled);
    QVERIFY2(reply.problem.message.contains(QStringLiteral("1.2 s in all")),
             qPrintable(reply.problem.message));
    QVERIFY(elapsed.elapsed() >= m_client->requestDeadline());
}

void TestGraphClient::cancel()
{
    const QString id = m_simulator->addOperation({});
    FaultProfile faults;
    faults.stall = 1.0;
    faults.stallMs = 5000;
    m_simulator->setFaults(faults);
    GraphCall *call = m_client->get(m_client->endpoint().operationUrl(id));
    QSignalSpy finished(call, &GraphCall::finished);
    QTimer::singleShot(100, call, &GraphCall::cancel);
    QVERIFY(finished.wait(10000));
    const GraphReply reply = finished.first().first().value<GraphReply>();
    QVERIFY(reply.cancelled);
    QVERIFY(reply.problem.kind != Problem::Kind::Timeout);
    QCOMPARE(finished.size(), 1);
}

void TestGraphClient::nonJsonReply()
{
    const QString id = m_simulator->addOperation({});
    FaultProfile faults;
    faults.htmlBody = 1.0;
    m_simulator->setFaults(faults);
    const GraphReply reply = get(m_client->endpoint().operationUrl(id));
    QCOMPARE(reply.httpStatus, 200);
    const FetchOutcome fetched = FetchOutcome::fromReply(reply, id);
    QVERIFY(!fetched.operation);
    QCOMPARE(fetched.problem.kind, Problem::Kind::BadReply);
    QCOMPARE(fetched.problem.httpStatus, 200);
    QVERIFY(!fetched.problem.message.isEmpty());

    // The wrong operation's answer is not taken for this one.
    const QString other = m_simulator->addOperation({});
    m_simulator->setFaults({});
    const FetchOutcome mixedUp
        = FetchOutcome::fromReply(get(m_client->endpoint().operationUrl(other)), id);
    QCOMPARE(mixedUp.problem.kind, Problem::Kind::BadReply);
    QVERIFY(mixedUp.problem.message.contains(other));
}

void TestGraphClient::replyTooLarge_data()
{
    QTest::addColumn<bool>("announced");
    QTest::newRow("Content-Length says so") << true;
    QTest::newRow("body runs on") << false;
}

void TestGraphClient::replyTooLarge()
{
    QFETCH(bool, announced);
    const QByteArray body(GraphClient::DefaultMaxBodySize + 1024, ' ');
    RawHttpServer server([&](const QByteArray &) -> QByteArray {
        if (announced)
            return RawHttpServer::response(200, {"Content-Type: application/json"}, body);
        // No length: the body ends when the connection closes.
        return QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Connection: close\r\n\r\n")
            + body;
    });
    QVERIFY(server.start());
    const GraphReply reply = get(server.rootUrl().resolved(QUrl(QStringLiteral("/big"))));
    QCOMPARE(reply.problem.kind, Problem::Kind::BadReply);
    QVERIFY2(reply.problem.message.contains(QStringLiteral("too large")),
             qPrintable(reply.problem.message));
    QVERIFY(reply.body.isEmpty());
    QVERIFY(!reply.cancelled);
}

void TestGraphClient::requestIdFromErrorBody()
{
    RawHttpServer server([](const QByteArray &) {
        return RawHttpServer::response(
            403, {"Content-Type: application/json"},
            R"({"error":{"code":"Forbidden","message":"No billing role.",)"
            R"("innerError":{"request-id":"11111111-2222-3333-4444-555555555555"}}})");
    });
    QVERIFY(server.start());
    const GraphReply reply = get(server.rootUrl().resolved(QUrl(QStringLiteral("/x"))));
    QCOMPARE(reply.problem.kind, Problem::Kind::Forbidden);
    QCOMPARE(reply.problem.code, QStringLiteral("Forbidden"));
    QCOMPARE(reply.problem.message, QStringLiteral("No billing role."));
    QCOMPARE(reply.problem.requestId, QStringLiteral("11111111-2222-3333-4444-555555555555"));
    QCOMPARE(reply.problem.summary(), QStringLiteral("HTTP 403 · Forbidden: No billing role."));
}

void TestGraphClient::tokenOnlyToTheGraphOrigin()
{
    GraphSimulator foreign;
    QVERIFY(foreign.start());
    foreign.setAcceptedToken(m_simulator->acceptedToken());
    const QString id = foreign.addOperation({});
    QVERIFY(foreign.rootUrl().port() != m_simulator->rootUrl().port());

    const GraphReply reply = get(foreign.operationUrl(id));
    QCOMPARE(reply.httpStatus, 401); // it got no token, so it refused
    QCOMPARE(foreign.requestLog().size(), 1);
    QVERIFY(!foreign.requestLog().first().hadAuthorization);

    const QString own = m_simulator->addOperation({});
    QCOMPARE(get(m_simulator->operationUrl(own)).httpStatus, 200);
    QVERIFY(m_simulator->requestLog().last().hadAuthorization);
}

void TestGraphClient::redirectToAnotherOriginCarriesNoToken()
{
    GraphSimulator foreign;
    QVERIFY(foreign.start());
    const QString id = foreign.addOperation({});
    const QByteArray target = foreign.operationUrl(id).toEncoded();
    RawHttpServer graph([&](const QByteArray &) {
        return RawHttpServer::response(302, {"Location: " + target}, {});
    });
    QVERIFY(graph.start());
    QString error;
    const auto endpoint = GraphEndpoint::make(graph.rootUrl().toString(), {}, &error);
    QVERIFY(!endpoint); // no version
    m_client->setEndpoint(
        *GraphEndpoint::make(graph.rootUrl().toString(), QStringLiteral("v1.0"), &error));

    const GraphReply reply = get(m_client->endpoint().operationUrl(id));
    // The Graph origin itself got the token...
    QCOMPARE(graph.requestHeads().size(), 1);
    QVERIFY(graph.requestHeads().first().contains("Authorization: Bearer "));
    // ...the other origin got nothing at all, so certainly not the token.
    QTest::qWait(100);
    for (const SimulatorRequest &request : foreign.requestLog())
        QVERIFY(!request.hadAuthorization);
    QCOMPARE(foreign.requestLog().size(), 0);
    QCOMPARE(reply.problem.kind, Problem::Kind::HttpError);
    QVERIFY2(reply.problem.message.contains(QStringLiteral("redirect")),
             qPrintable(reply.problem.message));
}

void TestGraphClient::freshClientRequestIdPerRequest()
{
    const QString id = m_simulator->addOperation({});
    QSet<QByteArray> sent;
    for (int i = 0; i < 3; ++i) {
        const GraphReply reply = get(m_client->endpoint().operationUrl(id));
        QVERIFY(!QUuid::fromString(QString::fromLatin1(reply.clientRequestId)).isNull());
        QCOMPARE(m_simulator->requestLog().last().clientRequestId,
                 QString::fromLatin1(reply.clientRequestId));
        sent.insert(reply.clientRequestId);
    }
    QCOMPARE(sent.size(), 3);
}

void TestGraphClient::startOverTls(GraphSimulator *graph, TestCertificate *certificate)
{
    *certificate = TestCertificate::forLoopbackServer();
    QTemporaryDir dir;
    const QString certificatePath = dir.filePath(QStringLiteral("cert.pem"));
    const QString keyPath = dir.filePath(QStringLiteral("key.pem"));
    QFile certificateFile(certificatePath);
    QFile keyFile(keyPath);
    QVERIFY(certificateFile.open(QIODevice::WriteOnly) && keyFile.open(QIODevice::WriteOnly));
    certificateFile.write(certificate->certificatePem);
    keyFile.write(certificate->privateKeyPem);
    certificateFile.close();
    keyFile.close();
    QString error;
    QVERIFY2(graph->useTls(certificatePath, keyPath, &error), qPrintable(error));
    QVERIFY(graph->start());
    QCOMPARE(graph->rootUrl().scheme(), QStringLiteral("https"));
    graph->setAcceptedToken(m_simulator->acceptedToken());
    const auto endpoint
        = GraphEndpoint::make(graph->rootUrl().toString(), QStringLiteral("v1.0"), &error);
    QVERIFY2(endpoint, qPrintable(error));
    m_client->setEndpoint(*endpoint);
}

// What compare.sh measures: the client over TLS, as against Graph, trusting the simulator's
// certificate the way a machine trusts a CA.
void TestGraphClient::httpsWithATrustedCertificate()
{
    GraphSimulator graph;
    TestCertificate certificate;
    startOverTls(&graph, &certificate);
    if (QTest::currentTestFailed())
        return;
    const QSslConfiguration before = QSslConfiguration::defaultConfiguration();
    const auto restore = qScopeGuard([&] { QSslConfiguration::setDefaultConfiguration(before); });
    QSslConfiguration trusting = before;
    trusting.addCaCertificates(QSslCertificate::fromData(certificate.certificatePem));
    QSslConfiguration::setDefaultConfiguration(trusting);

    const QString id = graph.addOperation(SimulatedGraph::succeededOperation());
    const GraphReply reply = get(m_client->endpoint().operationUrl(id));
    QCOMPARE(reply.httpStatus, 200);
    QCOMPARE(reply.problem.kind, Problem::Kind::None);
    QString error;
    const std::optional<Operation> operation = GraphJson::parseOperation(reply.body, &error);
    QVERIFY2(operation, qPrintable(error));
    QCOMPARE(operation->status, OperationStatus::Succeeded);
    QCOMPARE(graph.requestCount(), 1);
    QVERIFY(graph.requestLog().first().hadAuthorization);
}

// A certificate nobody vouches for ends the connection in the handshake, before any request
// (and so the token) is sent, with a message that says why.
void TestGraphClient::httpsWithAnUntrustedCertificateSendsNothing()
{
    GraphSimulator graph;
    TestCertificate certificate;
    startOverTls(&graph, &certificate);
    if (QTest::currentTestFailed())
        return;
    const QString id = graph.addOperation(SimulatedGraph::succeededOperation());
    const GraphReply reply = get(m_client->endpoint().operationUrl(id));
    QCOMPARE(reply.httpStatus, 0);
    QCOMPARE(reply.problem.kind, Problem::Kind::Network);
    QVERIFY2(reply.problem.message.contains(QStringLiteral("certificate"), Qt::CaseInsensitive),
             qPrintable(reply.problem.message));
    QCOMPARE(graph.requestCount(), 0);
}

QTEST_GUILESS_MAIN(TestGraphClient)
#include "tst_graphclient.moc"
