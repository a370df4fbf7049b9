#include "app/auth/memorysecretstore.h"
#include "app/auth/oauthclient.h"
#include "app/auth/signinaccount.h"
#include "app/auth/tokenmanager.h"
#include "app/graph/graphclient.h"
#include "app/simulator/graphsimulator.h"
#include "support/simulatedgraph.h"
#include "support/waituntil.h"

#include <QSignalSpy>
#include <QTest>

Q_DECLARE_METATYPE(SignInError)
Q_DECLARE_METATYPE(SignInAccount)

// The token manager against the simulator's Entra ID and Graph on 127.0.0.1, with the
// keychain fake: app-only sign-in, refresh with rotation, one renewal at a time, a 401 that
// renews once, expiry while in use, refusals that ask for a new sign-in, and no keychain.
class TestTokenManager : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void clientSecretSignIn();
    void wrongSecretIsExplained();
    void refreshTokenIsReadFromTheKeychainAndRotated();
    void concurrentRequestsShareOneRenewal();
    void unauthorizedRenewsOnce();
    void tokenThatExpiresIsRenewedBeforeUse();
    void refusedRenewalFailsAtOnceWhenNotWaiting_data();
    void refusedRenewalFailsAtOnceWhenNotWaiting();
    void refusedRenewalWaitsForANewSignIn();
    void withoutKeychainTheSignInLastsThisSession();
    void signOutForgetsTheSecret();
    void signedOutSendsNoToken();

private:
    SignInAccount account(SignInAccount::Flow flow) const;
    GraphReply get();
    QString addOperation() { return m_graph->addOperation({}); }

    std::unique_ptr<GraphSimulator> m_graph;
    std::unique_ptr<MemorySecretStore> m_store;
    std::unique_ptr<OAuthClient> m_oauth;
    std::unique_ptr<TokenManager> m_manager;
    std::unique_ptr<GraphClient> m_client;
    QString m_id;
};

void TestTokenManager::initTestCase()
{
    qRegisterMetaType<GraphReply>();
    qRegisterMetaType<SignInError>();
    qRegisterMetaType<SignInAccount>();
}

void TestTokenManager::init()
{
    m_graph = std::make_unique<GraphSimulator>();
    QVERIFY2(m_graph->start(), qPrintable(m_graph->errorString()));
    // Graph accepts only tokens Entra ID issued.
    m_graph->setAcceptedToken(QStringLiteral("a-fixed-token-nobody-sends"));
    m_store = std::make_unique<MemorySecretStore>();
    m_oauth = std::make_unique<OAuthClient>();
    m_manager = std::make_unique<TokenManager>(m_oauth.get(), m_store.get());
    m_client = std::make_unique<GraphClient>(m_manager.get());
    QString error;
    QVERIFY2(pointAtSimulator(m_client.get(), *m_graph, &error), qPrintable(error));
    m_id = addOperation();
}

void TestTokenManager::cleanup()
{
    m_client.reset();
    m_manager.reset();
    m_oauth.reset();
    m_store.reset();
    m_graph.reset();
}

SignInAccount TestTokenManager::account(SignInAccount::Flow flow) const
{
    SignInAccount account;
    account.flow = flow;
    QString error;
    const std::optional<SignInConfig> config = SignInConfig::make(
        m_graph->authorityUrl().toString(), QLatin1String(EntraSimulator::TenantId),
        QLatin1String(EntraSimulator::ClientId), &error);
    if (config)
        account.config = *config;
    else
        qWarning("%s", qPrintable(error));
    return account;
}

GraphReply TestTokenManager::get()
{
    return waitForReply(m_client->get(m_client->endpoint().operationUrl(m_id)));
}

void TestTokenManager::clientSecretSignIn()
{
    QSignalSpy signedIn(m_manager.get(), &TokenManager::signedIn);
    QSignalSpy accountChanged(m_manager.get(), &TokenManager::accountChanged);
    const SignInAccount app = account(SignInAccount::Flow::ClientSecret);
    m_manager->signInAppOnly(app, m_graph->entra().clientSecret());
    QVERIFY(signedIn.wait(5000));
    QVERIFY(accountChanged.count() > 0 || accountChanged.wait(5000));
    const SignInAccount kept = accountChanged.last().first().value<SignInAccount>();
    QVERIFY(kept.secretInKeychain);
    QVERIFY(kept.tokenExpiresAt > QDateTime::currentDateTimeUtc());
    QCOMPARE(m_store->entries.value(app.secretKey()), m_graph->entra().clientSecret());
    QCOMPARE(m_manager->state(), TokenManager::State::SignedIn);

    const GraphReply reply = get();
    QCOMPARE(reply.httpStatus, 200);
    QCOMPARE(m_graph->entra().grantCount(QStringLiteral("client_credentials")), 1);
    QCOMPARE(m_manager->secretPlace(), QStringLiteral("memory of this program"));
}

void TestTokenManager::wrongSecretIsExplained()
{
    QSignalSpy failed(m_manager.get(), &TokenManager::signInFailed);
    m_manager->signInAppOnly(account(SignInAccount::Flow::ClientSecret),
                             QStringLiteral("not-the-secret"));
    QVERIFY(failed.wait(5000));
    const SignInError error = failed.first().first().value<SignInError>();
    QCOMPARE(error.kind, SignInError::Kind::Refused);
    QCOMPARE(error.error, QStringLiteral("invalid_client"));
    QCOMPARE(error.code(), 7000215);
    QVERIFY2(error.explanation().contains(QStringLiteral("client secret is wrong")),
             qPrintable(error.explanation()));
    const QString details = error.details();
    QVERIFY(!error.traceId.isEmpty() && details.contains(error.traceId));
    QVERIFY(!error.correlationId.isEmpty() && details.contains(error.correlationId));
    QVERIFY(details.contains(QStringLiteral("AADSTS7000215")));
    QVERIFY(!details.contains(QStringLiteral("not-the-secret")));
    // Nothing is kept of a sign-in that failed.
    QCOMPARE(m_manager->state(), TokenManager::State::SignedOut);
    QVERIFY(m_store->entries.isEmpty());
}

void TestTokenManager::refreshTokenIsReadFromTheKeychainAndRotated()
{
    SignInAccount user = account(SignInAccount::Flow::DeviceCode);
    user.secretInKeychain = true;
    const QString first = m_graph->entra().issueRefreshToken();
    m_store->entries.insert(user.secretKey(), first);
    m_manager->useAccount(user);

    QCOMPARE(get().httpStatus, 200);
    QCOMPARE(m_store->reads, 1);
    const QString rotated = m_graph->entra().lastRefreshToken();
    QVERIFY(rotated != first);
    // The keychain answers later; the rotated token replaces the old one.
    QVERIFY(waitUntil([&] { return m_store->entries.value(user.secretKey()) == rotated; }, 5000));

    // The next renewal presents the rotated token (the simulator accepts each one once).
    m_graph->entra().expireAccessTokens();
    QCOMPARE(get().httpStatus, 200);
    QCOMPARE(m_graph->entra().grantCount(QStringLiteral("refresh_token")), 2);
    QCOMPARE(m_store->reads, 1); // kept in memory since
}

void TestTokenManager::concurrentRequestsShareOneRenewal()
{
    SignInAccount user = account(SignInAccount::Flow::Browser);
    user.secretInKeychain = true;
    m_store->entries.insert(user.secretKey(), m_graph->entra().issueRefreshToken());
    m_manager->useAccount(user);
    m_graph->setResponseDelay(100);

    // Eight requests at once, all waiting for the same token.
    const auto getAll = [this] {
        auto statuses = std::make_shared<QList<int>>();
        for (int i = 0; i < 8; ++i) {
            connect(m_client->get(m_client->endpoint().operationUrl(m_id)), &GraphCall::finished,
                    this, [statuses](const GraphReply &reply) { *statuses << reply.httpStatus; });
        }
        waitUntil([&] { return statuses->size() == 8; }, 10000);
        return *statuses;
    };
    QCOMPARE(getAll(), QList<int>(8, 200));
    QCOMPARE(m_graph->entra().grantCount(QStringLiteral("refresh_token")), 1);

    // Every request answered 401 at once (the token was revoked): still one renewal.
    m_graph->entra().expireAccessTokens();
    QCOMPARE(getAll(), QList<int>(8, 200));
    QCOMPARE(m_graph->entra().grantCount(QStringLiteral("refresh_token")), 2);
}

void TestTokenManager::unauthorizedRenewsOnce()
{
    m_manager->signInAppOnly(account(SignInAccount::Flow::ClientSecret),
                             m_graph->entra().clientSecret());
    QCOMPARE(get().httpStatus, 200);
    m_graph->clearRequestLog();
    m_graph->entra().expireAccessTokens();

    QCOMPARE(get().httpStatus, 200);
    QList<int> statuses;
    for (const SimulatorRequest &request : m_graph->requestLog()) {
        if (request.path.endsWith(m_id)) // a 401 is answered before the id is looked at
            statuses << request.status;
    }
    QCOMPARE(statuses, (QList<int> {401, 200}));
    QCOMPARE(m_graph->entra().grantCount(QStringLiteral("client_credentials")), 2);
}

void TestTokenManager::tokenThatExpiresIsRenewedBeforeUse()
{
    // Two-second tokens: renewal is due after one second, in the background.
    m_graph->entra().setAccessTokenLifetime(2);
    m_manager->signInAppOnly(account(SignInAccount::Flow::ClientSecret),
                             m_graph->entra().clientSecret());
    QCOMPARE(get().httpStatus, 200);
    const QDateTime firstExpiry = m_manager->expiresAt();
    QVERIFY(m_manager->renewsAt() < firstExpiry);
    QSignalSpy renewed(m_manager.get(), &TokenManager::tokenRenewed);
    QVERIFY(renewed.wait(5000));
    QVERIFY(m_manager->expiresAt() > firstExpiry);

    // Across several lifetimes no request ever meets an expired token.
    m_graph->clearRequestLog();
    for (int i = 0; i < 6; ++i) {
        QCOMPARE(get().httpStatus, 200);
        QTest::qWait(600);
    }
    for (const SimulatorRequest &request : m_graph->requestLog())
        QVERIFY(request.status != 401);
}

void TestTokenManager::refusedRenewalFailsAtOnceWhenNotWaiting_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("words");
    QTest::newRow("expired by inactivity") << 700082 << QStringLiteral("inactivity");
    QTest::newRow("revoked") << 50173 << QStringLiteral("revoked");
    QTest::newRow("MFA") << 50076 << QStringLiteral("Multi-factor");
}

void TestTokenManager::refusedRenewalFailsAtOnceWhenNotWaiting()
{
    QFETCH(int, code);
    QFETCH(QString, words);
    SignInAccount user = account(SignInAccount::Flow::DeviceCode);
    user.secretInKeychain = true;
    m_store->entries.insert(user.secretKey(), m_graph->entra().issueRefreshToken());
    m_graph->entra().setRefreshRefusal(code);
    m_manager->setWaitForSignIn(false);
    m_manager->useAccount(user);
    QSignalSpy required(m_manager.get(), &TokenManager::signInRequired);

    const GraphReply reply = get();
    QCOMPARE(reply.problem.kind, Problem::Kind::Unauthorized);
    QVERIFY2(reply.problem.message.contains(words), qPrintable(reply.problem.message));
    QVERIFY(reply.problem.message.contains(QStringLiteral("AADSTS%1").arg(code)));
    QCOMPARE(required.count(), 1);
    QCOMPARE(m_manager->state(), TokenManager::State::SignInRequired);
    QCOMPARE(m_manager->lastError().code(), code);
    // Nothing reached Graph, and later requests do not ask Entra ID again.
    QVERIFY(m_graph->requestsFor(m_id).isEmpty());
    QCOMPARE(get().problem.kind, Problem::Kind::Unauthorized);
    QCOMPARE(m_graph->entra().grantCount(QStringLiteral("refresh_token")), 1);
}

void TestTokenManager::refusedRenewalWaitsForANewSignIn()
{
    SignInAccount user = account(SignInAccount::Flow::DeviceCode);
    user.secretInKeychain = true;
    m_store->entries.insert(user.secretKey(), m_graph->entra().issueRefreshToken());
    m_graph->entra().setRefreshRefusal(700082);
    m_manager->setWaitForSignIn(true);
    m_manager->useAccount(user);
    QSignalSpy required(m_manager.get(), &TokenManager::signInRequired);

    GraphCall *call = m_client->get(m_client->endpoint().operationUrl(m_id));
    QSignalSpy finished(call, &GraphCall::finished);
    QVERIFY(required.wait(5000));
    // Polling pauses: the request waits, nothing is lost.
    QTest::qWait(300);
    QCOMPARE(finished.count(), 0);

    // Signing in again resumes it.
    m_graph->entra().setRefreshRefusal(0);
    TokenResponse fresh;
    fresh.accessToken = QStringLiteral("sign-in-again-token");
    m_graph->setAcceptedToken(fresh.accessToken);
    fresh.refreshToken = m_graph->entra().issueRefreshToken();
    fresh.expiresInSeconds = 3600;
    fresh.receivedAt = QDateTime::currentDateTimeUtc();
    m_manager->adoptSignIn(user, fresh);
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.first().first().value<GraphReply>().httpStatus, 200);
    QCOMPARE(m_manager->state(), TokenManager::State::SignedIn);
}

void TestTokenManager::withoutKeychainTheSignInLastsThisSession()
{
    m_store->available = false;
    QSignalSpy problem(m_manager.get(), &TokenManager::keychainProblem);
    QSignalSpy accountChanged(m_manager.get(), &TokenManager::accountChanged);
    m_manager->signInAppOnly(account(SignInAccount::Flow::ClientSecret),
                             m_graph->entra().clientSecret());
    QVERIFY(problem.wait(5000));
    QVERIFY2(problem.first().first().toString().contains(QStringLiteral("not available")),
             qPrintable(problem.first().first().toString()));
    QVERIFY(accountChanged.count() > 0);
    QVERIFY(!accountChanged.last().first().value<SignInAccount>().secretInKeychain);
    QVERIFY(m_manager->secretPlace().contains(QStringLiteral("memory")));
    QCOMPARE(get().httpStatus, 200);
    QVERIFY(m_store->entries.isEmpty());
}

void TestTokenManager::signOutForgetsTheSecret()
{
    const SignInAccount app = account(SignInAccount::Flow::ClientSecret);
    QSignalSpy signedIn(m_manager.get(), &TokenManager::signedIn);
    m_manager->signInAppOnly(app, m_graph->entra().clientSecret());
    QVERIFY(signedIn.wait(5000));
    QVERIFY(waitUntil([&] { return m_store->entries.contains(app.secretKey()); }, 5000));
    QSignalSpy signedOut(m_manager.get(), &TokenManager::signedOut);
    QSignalSpy accountChanged(m_manager.get(), &TokenManager::accountChanged);
    m_manager->signOut();
    QVERIFY(signedOut.wait(5000));
    QVERIFY(m_store->entries.isEmpty());
    QVERIFY(!accountChanged.last().first().value<SignInAccount>().isSignedIn());
    QCOMPARE(m_manager->state(), TokenManager::State::SignedOut);
}

void TestTokenManager::signedOutSendsNoToken()
{
    const GraphReply reply = get();
    QCOMPARE(reply.httpStatus, 401);
    QVERIFY(!m_graph->requestLog().value(0).hadAuthorization);
    QCOMPARE(m_graph->entra().grantCount(QStringLiteral("client_credentials")), 0);
}

QTEST_GUILESS_MAIN(TestTokenManager)
#include "tst_tokenmanager.moc"
