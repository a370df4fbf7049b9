#include "app/auth/browserflow.h"
#include "app/auth/clientassertion.h"
#include "app/auth/devicecodeflow.h"
#include "app/auth/jwt.h"
#include "app/auth/memorysecretstore.h"
#include "app/auth/oauthclient.h"
#include "app/auth/pkce.h"
#include "app/auth/signinconfig.h"
#include "app/auth/signinerror.h"
#include "app/auth/tokenmanager.h"
#include "app/graph/graphclient.h"
#include "app/graph/graphendpoint.h"
#include "app/simulator/graphsimulator.h"
#include "app/simulator/simulatoroptions.h"
#include "support/simulatedgraph.h"
#include "support/testcertificate.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

Q_DECLARE_METATYPE(SignInError)
Q_DECLARE_METATYPE(SignInAccount)
Q_DECLARE_METATYPE(TokenResponse)
Q_DECLARE_METATYPE(DeviceCodePrompt)
Q_DECLARE_METATYPE(EntraSimulator::DevicePoll)

using DevicePoll = EntraSimulator::DevicePoll;

// Each sign-in flow end to end against the simulator's Entra ID on 127.0.0.1: device code
// with its polling rules, the browser with PKCE (the test follows the authorize redirect
// into the flow's own listener, as a browser would), a certificate assertion, and the
// configuration and error texts they rest on.
class TestSignInFlows : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void configuration_data();
    void configuration();
    void errorExplanations_data();
    void errorExplanations();
    void pkceChallengeIsS256OfTheVerifier();
    void tokenLifetimes_data();
    void tokenLifetimes();

    void deviceCodeSucceedsAfterPending();
    void deviceCodeSlowDownAddsFiveSeconds();
    void deviceCodeIntervalStaysSane();
    void deviceCodeEnds_data();
    void deviceCodeEnds();
    void deviceCodeForAnAppNotInTheTenant();

    void browserSignInThroughTheRedirect();
    void browserDeclineShowsTheReason();
    void browserAnswerWithAnotherStateIsIgnored();
    void browserTimesOut();

    void certificateAssertionIsAccepted();
    void certificateOfAnotherAppIsRefused();
    void expiredCertificateIsRefusedBeforeSending();
    void simulatorIssuesShortTokensOnRequest();

private:
    SignInConfig config() const;
    // GETs url and follows redirects as a browser; returns the last page.
    QByteArray browse(const QUrl &url, int *status = nullptr);

    std::unique_ptr<GraphSimulator> m_graph;
    std::unique_ptr<OAuthClient> m_oauth;
};

void TestSignInFlows::initTestCase()
{
    qRegisterMetaType<SignInError>();
    qRegisterMetaType<SignInAccount>();
    qRegisterMetaType<TokenResponse>();
    qRegisterMetaType<DeviceCodePrompt>();
}

void TestSignInFlows::init()
{
    m_graph = std::make_unique<GraphSimulator>();
    QVERIFY2(m_graph->start(), qPrintable(m_graph->errorString()));
    m_oauth = std::make_unique<OAuthClient>();
}

void TestSignInFlows::cleanup()
{
    m_oauth.reset();
    m_graph.reset();
}

SignInConfig TestSignInFlows::config() const
{
    return *SignInConfig::make(m_graph->authorityUrl().toString(),
                               QLatin1String(EntraSimulator::TenantDomain),
                               QLatin1String(EntraSimulator::ClientId), nullptr);
}

QByteArray TestSignInFlows::browse(const QUrl &url, int *status)
{
    QNetworkAccessManager browser;
    browser.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *reply = browser.get(QNetworkRequest(url));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!finished.wait(10000))
        return {};
    if (status)
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}

void TestSignInFlows::configuration_data()
{
    QTest::addColumn<QString>("authority");
    QTest::addColumn<QString>("tenant");
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("error"); // a piece of the message; empty when valid

    const QString client = QStringLiteral("6f1e2d3c-4b5a-4987-a6b5-c4d3e2f1a0b9");
    QTest::newRow("default authority")
        << QString() << QStringLiteral("contoso.onmicrosoft.com") << client << QString();
    QTest::newRow("tenant id") << QStringLiteral("https://login.microsoftonline.com")
                               << QStringLiteral("2f8c9f4e-5d1a-4b7e-9c3d-6a1b2c3d4e5f") << client
                               << QString();
    QTest::newRow("loopback http") << QStringLiteral("http://127.0.0.1:8400")
                                   << QStringLiteral("contoso.com") << client << QString();
    QTest::newRow("plain http elsewhere")
        << QStringLiteral("http://login.example.com") << QStringLiteral("contoso.com") << client
        << QStringLiteral("only allowed to this computer");
    QTest::newRow("US Government")
        << QStringLiteral("https://login.microsoftonline.us") << QStringLiteral("contoso.com")
        << client << QStringLiteral("US Government cloud");
    QTest::newRow("China") << QStringLiteral("https://login.chinacloudapi.cn")
                           << QStringLiteral("contoso.com") << client
                           << QStringLiteral("China cloud");
    QTest::newRow("path") << QStringLiteral("https://login.microsoftonline.com/common")
                          << QStringLiteral("contoso.com") << client
                          << QStringLiteral("scheme and host only");
    QTest::newRow("no tenant") << QString() << QString() << client << QStringLiteral("No tenant");
    QTest::newRow("odd tenant") << QString() << QStringLiteral("con toso") << client
                                << QStringLiteral("not a tenant id");
    QTest::newRow("no client") << QString() << QStringLiteral("contoso.com") << QString()
                               << QStringLiteral("No client id");
    QTest::newRow("odd client") << QString() << QStringLiteral("contoso.com")
                                << QStringLiteral("my-app") << QStringLiteral("is a GUID");
}

void TestSignInFlows::configuration()
{
    QFETCH(QString, authority);
    QFETCH(QString, tenant);
    QFETCH(QString, clientId);
    QFETCH(QString, error);
    QString message;
    const std::optional<SignInConfig> made
        = SignInConfig::make(authority, tenant, clientId, &message);
    if (error.isEmpty()) {
        QVERIFY2(made, qPrintable(message));
        QCOMPARE(made->tokenEndpoint().path(),
                 QStringLiteral("/%1/oauth2/v2.0/token").arg(tenant.toLower()));
        if (authority.isEmpty())
            QCOMPARE(made->authority, QUrl(QLatin1String(SignInConfig::DefaultAuthority)));
    } else {
        QVERIFY(!made);
        QVERIFY2(message.contains(error), qPrintable(message));
    }
    // Graph itself is refused in a national cloud too, before any request.
    QString why;
    QVERIFY(!GraphEndpoint::make(QStringLiteral("https://graph.microsoft.us"),
                                 QStringLiteral("v1.0"), &why));
    QVERIFY2(why.contains(QStringLiteral("global cloud only")), qPrintable(why));
    QVERIFY(GraphEndpoint::make(QStringLiteral("https://graph.microsoft.com"),
                                QStringLiteral("v1.0"), &why));
}

void TestSignInFlows::errorExplanations_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("words");
    QTest::newRow("public client flows off") << 7000218 << QStringLiteral("invalid_client")
                                             << QStringLiteral("Allow public client flows");
    QTest::newRow("consent") << 65001 << QStringLiteral("invalid_grant")
                             << QStringLiteral("admin consent");
    QTest::newRow("app not in tenant") << 700016 << QStringLiteral("unauthorized_client")
                                       << QStringLiteral("client id and the tenant");
    QTest::newRow("tenant not found")
        << 90002 << QStringLiteral("invalid_request") << QStringLiteral("tenant was not found");
    QTest::newRow("user not in tenant") << 50020 << QStringLiteral("invalid_grant")
                                        << QStringLiteral("account of the partner tenant");
    QTest::newRow("bad secret") << 7000215 << QStringLiteral("invalid_client")
                                << QStringLiteral("client secret is wrong");
    QTest::newRow("bad assertion")
        << 700027 << QStringLiteral("invalid_client") << QStringLiteral("certificate");
    QTest::newRow("unknown code") << 12345 << QStringLiteral("invalid_grant")
                                  << QStringLiteral("AADSTS12345: Something odd.");
}

void TestSignInFlows::errorExplanations()
{
    QFETCH(int, code);
    QFETCH(QString, error);
    QFETCH(QString, words);
    const QByteArray body
        = QStringLiteral(
              R"({"error":"%1","error_description":"AADSTS%2: Something odd.\r\nTrace ID: t-1\r\nCorrelation ID: c-2\r\nTimestamp: 2026-11-30 00:01:02Z","error_codes":[%2],"timestamp":"2026-11-30 00:01:02Z","trace_id":"t-1","correlation_id":"c-2"})")
              .arg(error)
              .arg(code)
              .toUtf8();
    const SignInError parsed = SignInError::fromReply(400, body);
    QCOMPARE(parsed.kind, SignInError::Kind::Refused);
    QCOMPARE(parsed.code(), code);
    QVERIFY2(parsed.explanation().contains(words), qPrintable(parsed.explanation()));
    const QString details = parsed.details();
    for (const QString &fact :
         {QStringLiteral("AADSTS%1").arg(code), QStringLiteral("t-1"), QStringLiteral("c-2"),
          QStringLiteral("2026-11-30 00:01:02Z"), error})
        QVERIFY2(details.contains(fact), qPrintable(details));
    QCOMPARE(SignInError::fromReply(502, "<html>bad gateway</html>").kind,
             SignInError::Kind::BadReply);
}

void TestSignInFlows::pkceChallengeIsS256OfTheVerifier()
{
    const QByteArray verifier = Pkce::makeVerifier();
    QCOMPARE(verifier.size(), 43);
    QVERIFY(verifier != Pkce::makeVerifier());
    // RFC 7636 appendix B.
    QCOMPARE(Pkce::challengeFor("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
             QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    QVERIFY(Pkce::makeState() != Pkce::makeState());
}

void TestSignInFlows::tokenLifetimes_data()
{
    QTest::addColumn<QByteArray>("expiresIn");
    QTest::addColumn<qint64>("seconds"); // -1: refused
    QTest::newRow("number") << QByteArray("3599") << qint64(3599);
    QTest::newRow("string") << QByteArray("\"3599\"") << qint64(3599);
    QTest::newRow("fraction") << QByteArray("3599.9") << qint64(3599);
    QTest::newRow("zero") << QByteArray("0") << qint64(-1);
    QTest::newRow("negative") << QByteArray("-60") << qint64(-1);
    QTest::newRow("text") << QByteArray("\"an hour\"") << qint64(-1);
    // Converting these to an integer was undefined; the largest string made an expiry
    // that QDateTime cannot hold.
    QTest::newRow("huge number") << QByteArray("1e300") << qint64(-1);
    QTest::newRow("huge string") << QByteArray("\"9223372036854775807\"") << qint64(-1);
}

void TestSignInFlows::tokenLifetimes()
{
    QFETCH(QByteArray, expiresIn);
    QFETCH(qint64, seconds);
    QJsonObject answer;
    const SignInError read = OAuthClient::readAnswer(
        200, R"({"access_token":"a","refresh_in":1e300,"expires_in":)" + expiresIn + '}', &answer);
    QVERIFY(read.isNull());
    SignInError error;
    const TokenResponse tokens = OAuthClient::parseTokens(answer, &error);
    if (seconds < 0) {
        QCOMPARE(error.kind, SignInError::Kind::BadReply);
        QVERIFY(tokens.accessToken.isEmpty());
        return;
    }
    QVERIFY2(error.isNull(), qPrintable(error.description));
    QCOMPARE(tokens.expiresInSeconds, seconds);
    QCOMPARE(tokens.refreshInSeconds, qint64(0)); // the implausible refresh_in is ignored
    QVERIFY(tokens.expiresAt().isValid());
    QVERIFY(tokens.renewAt() < tokens.expiresAt());
}

void TestSignInFlows::deviceCodeSucceedsAfterPending()
{
    m_graph->entra().setDevicePolls(
        {DevicePoll::Pending, DevicePoll::Pending, DevicePoll::Approve});
    DeviceCodeFlow flow(m_oauth.get(), config());
    QSignalSpy prompt(&flow, &DeviceCodeFlow::promptReady);
    QSignalSpy succeeded(&flow, &SignInFlow::succeeded);
    flow.start();
    QVERIFY(prompt.wait(5000));
    const DeviceCodePrompt shown = prompt.first().first().value<DeviceCodePrompt>();
    QCOMPARE(shown.userCode.size(), 9);
    QVERIFY(shown.message.contains(shown.userCode));
    QCOMPARE(shown.verificationUri, QStringLiteral("https://microsoft.com/devicelogin"));
    QVERIFY(shown.expiresAt > QDateTime::currentDateTimeUtc().addSecs(800));
    QVERIFY(succeeded.wait(10000));
    const SignInAccount account = succeeded.first().first().value<SignInAccount>();
    QCOMPARE(account.flow, SignInAccount::Flow::DeviceCode);
    QCOMPARE(account.userName, QLatin1String(EntraSimulator::UserName));
    const TokenResponse tokens = succeeded.first().at(1).value<TokenResponse>();
    QVERIFY(!tokens.refreshToken.isEmpty());
    QCOMPARE(
        m_graph->entra().grantCount(QStringLiteral("urn:ietf:params:oauth:grant-type:device_code")),
        3);
}

void TestSignInFlows::deviceCodeSlowDownAddsFiveSeconds()
{
    m_graph->entra().setDevicePolls({DevicePoll::SlowDown, DevicePoll::Approve});
    DeviceCodeFlow flow(m_oauth.get(), config());
    QSignalSpy succeeded(&flow, &SignInFlow::succeeded);
    QElapsedTimer clock;
    clock.start();
    flow.start();
    QVERIFY(succeeded.wait(15000));
    QCOMPARE(flow.intervalSeconds(), 6);
    // One interval of 1 s, then one of 6 s (coarse timers may fire 5% early).
    QVERIFY2(clock.elapsed() >= 6500, qPrintable(QString::number(clock.elapsed())));
}

void TestSignInFlows::deviceCodeIntervalStaysSane()
{
    // An interval in the millions of seconds overflowed the poll timer's milliseconds.
    m_graph->entra().setDeviceInterval(std::numeric_limits<int>::max());
    DeviceCodeFlow flow(m_oauth.get(), config());
    QSignalSpy prompt(&flow, &DeviceCodeFlow::promptReady);
    QSignalSpy failed(&flow, &SignInFlow::failed);
    flow.start();
    QVERIFY(prompt.wait(5000));
    QCOMPARE(flow.intervalSeconds(), DeviceCodeFlow::MaxIntervalSeconds);
    QVERIFY(!flow.isFinished());
    QCOMPARE(failed.size(), 0);
}

void TestSignInFlows::deviceCodeEnds_data()
{
    QTest::addColumn<DevicePoll>("poll");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("words");
    QTest::newRow("declined") << DevicePoll::Decline << QStringLiteral("authorization_declined")
                              << QStringLiteral("declined");
    QTest::newRow("expired") << DevicePoll::Expire << QStringLiteral("expired_token")
                             << QStringLiteral("expired");
}

void TestSignInFlows::deviceCodeEnds()
{
    QFETCH(DevicePoll, poll);
    QFETCH(QString, error);
    QFETCH(QString, words);
    m_graph->entra().setDevicePolls({DevicePoll::Pending, poll});
    DeviceCodeFlow flow(m_oauth.get(), config());
    QSignalSpy failed(&flow, &SignInFlow::failed);
    flow.start();
    QVERIFY(failed.wait(10000));
    const SignInError why = failed.first().first().value<SignInError>();
    QCOMPARE(why.error, error);
    QVERIFY2(why.explanation().contains(words), qPrintable(why.explanation()));
    QVERIFY(why.explanation().contains(QStringLiteral("Start again")));
    QVERIFY(!why.traceId.isEmpty());
    QVERIFY(flow.isFinished());
}

void TestSignInFlows::deviceCodeForAnAppNotInTheTenant()
{
    // An unknown client id stands for a registration Entra ID does not know in the tenant.
    SignInConfig wrong = config();
    wrong.clientId = QStringLiteral("00000000-0000-0000-0000-000000000001");
    DeviceCodeFlow flow(m_oauth.get(), wrong);
    QSignalSpy failed(&flow, &SignInFlow::failed);
    flow.start();
    QVERIFY(failed.wait(5000));
    const SignInError why = failed.first().first().value<SignInError>();
    QCOMPARE(why.code(), 700016);
    QVERIFY(why.explanation().contains(QStringLiteral("not found in the tenant")));
}

void TestSignInFlows::browserSignInThroughTheRedirect()
{
    m_graph->entra().setAutoApprove(true);
    BrowserFlow flow(m_oauth.get(), config());
    QSignalSpy ready(&flow, &BrowserFlow::authorizeUrlReady);
    QSignalSpy succeeded(&flow, &SignInFlow::succeeded);
    flow.start();
    QCOMPARE(ready.count(), 1);
    const QUrl authorize = ready.first().first().toUrl();
    const QUrlQuery query(authorize);
    QCOMPARE(query.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
    QCOMPARE(query.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded),
             QLatin1String(SignInConfig::DelegatedScopes));
    const QUrl redirect(query.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
    QCOMPARE(redirect.host(), QStringLiteral("localhost"));
    QVERIFY(redirect.port() > 0);

    int status = 0;
    const QByteArray page = browse(authorize, &status);
    QCOMPARE(status, 200);
    QVERIFY2(page.contains("You are signed in"), page.constData());
    QVERIFY(succeeded.count() == 1 || succeeded.wait(5000));
    QCOMPARE(succeeded.first().first().value<SignInAccount>().flow, SignInAccount::Flow::Browser);
    QCOMPARE(m_graph->entra().grantCount(QStringLiteral("authorization_code")), 1);

    // The listener answers only on 127.0.0.1, and only once.
    int again = 0;
    QUrl replay = redirect;
    replay.setQuery(QStringLiteral("code=x&state=y"));
    const QByteArray second = browse(replay, &again);
    QVERIFY(again == 400 || again == 0);
    QVERIFY(!second.contains("signed in"));
}

void TestSignInFlows::browserDeclineShowsTheReason()
{
    BrowserFlow flow(m_oauth.get(), config());
    QSignalSpy ready(&flow, &BrowserFlow::authorizeUrlReady);
    QSignalSpy failed(&flow, &SignInFlow::failed);
    flow.start();
    // The approval page offers Approve and Decline; the user declines.
    const QByteArray approvalPage = browse(ready.first().first().toUrl());
    QVERIFY(approvalPage.contains("Decline"));
    QUrl decline = ready.first().first().toUrl();
    decline.setPath(decline.path() + QStringLiteral("/decline"));
    const QByteArray page = browse(decline);
    QVERIFY(failed.count() == 1 || failed.wait(5000));
    const SignInError why = failed.first().first().value<SignInError>();
    QCOMPARE(why.error, QStringLiteral("access_denied"));
    QCOMPARE(why.code(), 65004);
    QVERIFY2(page.contains("did not succeed"), page.constData());
}

void TestSignInFlows::browserAnswerWithAnotherStateIsIgnored()
{
    BrowserFlow flow(m_oauth.get(), config());
    QSignalSpy ready(&flow, &BrowserFlow::authorizeUrlReady);
    flow.start();
    const QUrlQuery query(ready.first().first().toUrl());
    QUrl forged(query.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
    forged.setQuery(QStringLiteral("code=stolen&state=not-ours"));
    int status = 0;
    browse(forged, &status);
    QCOMPARE(status, 400);
    QVERIFY(!flow.isFinished());
    QCOMPARE(m_graph->entra().grantCount(QStringLiteral("authorization_code")), 0);
    flow.cancel();
}

void TestSignInFlows::browserTimesOut()
{
    BrowserFlow flow(m_oauth.get(), config());
    flow.setTimeoutSeconds(1);
    QSignalSpy failed(&flow, &SignInFlow::failed);
    flow.start();
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.first().first().value<SignInError>().kind, SignInError::Kind::TimedOut);
}

void TestSignInFlows::certificateAssertionIsAccepted()
{
    const TestCertificate certificate = TestCertificate::make();
    m_graph->entra().setCertificate(certificate.certificatePem);
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("app.pem"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(certificate.combinedPem());
    file.close();

    QString error;
    const std::optional<QByteArray> assertion
        = ClientAssertion::fromPemFile(path, config(), &error);
    QVERIFY2(assertion, qPrintable(error));
    const QJsonObject claims = Jwt::unverifiedClaims(QString::fromLatin1(*assertion));
    QCOMPARE(claims.value(QStringLiteral("aud")).toString(), config().tokenEndpoint().toString());
    QCOMPARE(claims.value(QStringLiteral("iss")).toString(),
             QLatin1String(EntraSimulator::ClientId));
    QVERIFY(claims.value(QStringLiteral("exp")).toDouble()
                - claims.value(QStringLiteral("nbf")).toDouble()
            <= 600);

    MemorySecretStore store;
    TokenManager manager(m_oauth.get(), &store);
    SignInAccount app;
    app.flow = SignInAccount::Flow::Certificate;
    app.config = config();
    app.certificatePath = path;
    QSignalSpy signedIn(&manager, &TokenManager::signedIn);
    manager.signInAppOnly(app, {});
    QVERIFY(signedIn.wait(5000));
    QCOMPARE(m_graph->entra().grantCount(QStringLiteral("client_credentials")), 1);
    // Nothing secret went to the keychain: the key stays in the file the user chose.
    QVERIFY(store.entries.isEmpty());
}

void TestSignInFlows::certificateOfAnotherAppIsRefused()
{
    m_graph->entra().setCertificate(TestCertificate::make().certificatePem);
    const TestCertificate other = TestCertificate::make();
    QString error;
    const std::optional<QByteArray> assertion
        = ClientAssertion::fromPem(other.combinedPem(), config(), &error);
    QVERIFY2(assertion, qPrintable(error));
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("client_id"), config().clientId);
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
    form.addQueryItem(QStringLiteral("scope"), QLatin1String(SignInConfig::AppOnlyScope));
    form.addQueryItem(QStringLiteral("client_assertion_type"),
                      QLatin1String(ClientAssertion::AssertionType));
    form.addQueryItem(QStringLiteral("client_assertion"), QString::fromLatin1(*assertion));
    SignInError refused;
    bool answered = false;
    m_oauth->requestToken(config().tokenEndpoint(), form, this,
                          [&](const TokenResponse &, const SignInError &why) {
                              refused = why;
                              answered = true;
                          });
    QVERIFY(QTest::qWaitFor([&] { return answered; }, 5000));
    QCOMPARE(refused.code(), 700027);
    QVERIFY(refused.explanation().contains(QStringLiteral("certificate")));
}

void TestSignInFlows::expiredCertificateIsRefusedBeforeSending()
{
    const TestCertificate expired = TestCertificate::make(-1);
    QString error;
    QVERIFY(!ClientAssertion::fromPem(expired.combinedPem(), config(), &error));
    QVERIFY2(error.contains(QStringLiteral("expired")), qPrintable(error));
    QVERIFY(!ClientAssertion::fromPem(expired.certificatePem, config(), &error));
    QVERIFY(!ClientAssertion::fromPem("not a pem", config(), &error));
    QVERIFY2(error.contains(QStringLiteral("no certificate")), qPrintable(error));
}

void TestSignInFlows::simulatorIssuesShortTokensOnRequest()
{
    QCommandLineParser parser;
    SimulatorOptions::addTo(parser);
    QVERIFY(parser.parse(
        {QStringLiteral("simulate"), QStringLiteral("--token-lifetime"), QStringLiteral("3")}));
    QString error;
    const std::optional<SimulatorOptions> options = SimulatorOptions::fromParser(parser, &error);
    QVERIFY2(options, qPrintable(error));
    GraphSimulator simulator;
    QVERIFY2(startSimulator(simulator, *options, &error), qPrintable(error));
    const SignInConfig config = *SignInConfig::make(
        simulator.authorityUrl().toString(), QLatin1String(EntraSimulator::TenantId),
        QLatin1String(EntraSimulator::ClientId), nullptr);
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("client_id"), config.clientId);
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
    form.addQueryItem(QStringLiteral("scope"), QLatin1String(SignInConfig::AppOnlyScope));
    form.addQueryItem(QStringLiteral("client_secret"), simulator.entra().clientSecret());
    TokenResponse granted;
    bool answered = false;
    m_oauth->requestToken(config.tokenEndpoint(), form, this,
                          [&](const TokenResponse &tokens, const SignInError &) {
                              granted = tokens;
                              answered = true;
                          });
    QVERIFY(QTest::qWaitFor([&] { return answered; }, 5000));
    QCOMPARE(granted.expiresInSeconds, 3);
    // Renewal is due half-way through so short a life.
    QCOMPARE(granted.receivedAt.secsTo(granted.renewAt()), 2);

    QVERIFY(parser.parse(
        {QStringLiteral("simulate"), QStringLiteral("--token-lifetime"), QStringLiteral("1")}));
    QVERIFY(!SimulatorOptions::fromParser(parser, &error));
    QVERIFY2(error.contains(QStringLiteral("--token-lifetime")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestSignInFlows)
#include "tst_signinflows.moc"
