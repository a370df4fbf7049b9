#include "app/simulator/graphsimulator.h"
#include "support/cliprocess.h"
#include "support/testcertificate.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

// The real billing-monitor-cli signing in at the in-process simulator's Entra ID: the
// environment credential (secret and certificate), login with a device code or a browser
// ($BROWSER follows the redirects into the CLI's listener), account, logout, a token that
// expires during a watch, the exit codes, and no secret in any output or file.
//
// The child gets a session bus address that leads nowhere, so the keychain is reliably
// unavailable here (the real Secret Service has its own test) and the sign-in is kept in
// memory, which the CLI must say.
class TestCliSignIn : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void environmentCredentialWithSecret();
    void environmentCredentialWithWrongSecretIsExitFour();
    void environmentCredentialWithCertificate();
    void tokenVariableWinsOverTheEnvironmentCredential();
    void nationalCloudOrPlainHttpAuthorityIsUsage();
    void tokenExpiresDuringWatch();
    void loginWithDeviceCode();
    void loginDeclinedIsExitFour();
    void loginWithoutTenantIsUsage();
    void loginUnreachableIsExitFive();
    void loginInTheBrowser();
    void accountAndLogoutWhenNobodyIsSignedIn();
    void noSecretInAnyFile();

private:
    using Run = CliProcess;

    QProcessEnvironment environment() const;
    QProcessEnvironment appOnly(const QString &secret) const;
    Run run(const QStringList &arguments, const QProcessEnvironment &env, int timeoutMs = 30000);
    void expectNoSecretIn(const Run &run);
    QString addOperation(qint64 runningMs, qint64 ageMs = 0);

    QString m_executable;
    QString m_helper;
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<GraphSimulator> m_simulator;
    QStringList m_secrets; // everything that must never be printed or written
};

void TestCliSignIn::initTestCase()
{
    m_executable = CliProcess::executable();
    m_helper = QDir(QCoreApplication::applicationDirPath())
                   .absoluteFilePath(QStringLiteral("browser_follow"));
    QVERIFY2(QFileInfo(m_executable).isExecutable(), qPrintable(m_executable));
    QVERIFY2(QFileInfo(m_helper).isExecutable(), qPrintable(m_helper));
}

void TestCliSignIn::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    m_simulator = std::make_unique<GraphSimulator>();
    QVERIFY2(m_simulator->start(), qPrintable(m_simulator->errorString()));
    m_simulator->setAcceptedToken(QStringLiteral("fixed-token-for-this-test"));
    m_secrets = {m_simulator->entra().clientSecret()};
}

void TestCliSignIn::cleanup()
{
    m_simulator.reset();
    m_home.reset();
}

QProcessEnvironment TestCliSignIn::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"BILLING_MONITOR_TOKEN", "AZURE_TENANT_ID", "AZURE_CLIENT_ID",
                             "AZURE_CLIENT_SECRET", "AZURE_CLIENT_CERTIFICATE_PATH",
                             "AZURE_AUTHORITY_HOST", "DISPLAY", "WAYLAND_DISPLAY", "BROWSER"})
        env.remove(QLatin1String(name));
    env.insert(QStringLiteral("HOME"), m_home->path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home->filePath(QStringLiteral(".config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home->filePath(QStringLiteral(".local/share")));
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=%1").arg(m_home->filePath(QStringLiteral("no-bus"))));
    env.insert(QStringLiteral("BILLING_MONITOR_GRAPH_URL"), m_simulator->rootUrl().toString());
    env.insert(QStringLiteral("AZURE_AUTHORITY_HOST"), m_simulator->authorityUrl().toString());
    return env;
}

QProcessEnvironment TestCliSignIn::appOnly(const QString &secret) const
{
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("AZURE_TENANT_ID"), QLatin1String(EntraSimulator::TenantId));
    env.insert(QStringLiteral("AZURE_CLIENT_ID"), QLatin1String(EntraSimulator::ClientId));
    env.insert(QStringLiteral("AZURE_CLIENT_SECRET"), secret);
    return env;
}

TestCliSignIn::Run TestCliSignIn::run(const QStringList &arguments, const QProcessEnvironment &env,
                                      int timeoutMs)
{
    const Run result = CliProcess::run(arguments, env, timeoutMs);
    expectNoSecretIn(result);
    return result;
}

void TestCliSignIn::expectNoSecretIn(const Run &run)
{
    QStringList secrets = m_secrets;
    secrets << m_simulator->entra().lastRefreshToken();
    for (const QString &secret : std::as_const(secrets)) {
        if (secret.isEmpty())
            continue;
        if (run.out.contains(secret) || run.err.contains(secret))
            QFAIL("a secret or token was printed");
    }
    // Access tokens of the simulator all start alike.
    if (run.out.contains(QStringLiteral("sim-at-")) || run.err.contains(QStringLiteral("sim-at-")))
        QFAIL("an access token was printed");
}

QString TestCliSignIn::addOperation(qint64 runningMs, qint64 ageMs)
{
    SimulatedOperation spec;
    spec.runningMs = runningMs;
    spec.ageMs = ageMs;
    spec.retryAfter = "0.5";
    return m_simulator->addOperation(spec);
}

void TestCliSignIn::environmentCredentialWithSecret()
{
    const QString id = addOperation(100, 60000);
    const Run result = run({QStringLiteral("--json"), QStringLiteral("status"), id},
                           appOnly(m_simulator->entra().clientSecret()));
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains(QStringLiteral("\"succeeded\"")));
    QCOMPARE(m_simulator->entra().grantCount(QStringLiteral("client_credentials")), 1);

    const Run account = run({QStringLiteral("--json"), QStringLiteral("account")},
                            appOnly(m_simulator->entra().clientSecret()));
    QCOMPARE(account.exitCode, 0);
    const QJsonObject facts = QJsonDocument::fromJson(account.out.toUtf8()).object();
    QCOMPARE(facts.value(QStringLiteral("source")).toString(), QStringLiteral("environment"));
    QCOMPARE(facts.value(QStringLiteral("flow")).toString(), QStringLiteral("client-secret"));
    QCOMPARE(facts.value(QStringLiteral("appOnly")).toBool(), true);
    QCOMPARE(facts.value(QStringLiteral("clientId")).toString(),
             QLatin1String(EntraSimulator::ClientId));
}

void TestCliSignIn::environmentCredentialWithWrongSecretIsExitFour()
{
    m_secrets << QStringLiteral("wrong-secret-value");
    const QString id = addOperation(100, 60000);
    const Run result
        = run({QStringLiteral("status"), id}, appOnly(QStringLiteral("wrong-secret-value")));
    QCOMPARE(result.exitCode, 4);
    QVERIFY2(result.err.contains(QStringLiteral("AADSTS7000215")), qPrintable(result.err));
    QVERIFY2(result.err.contains(QStringLiteral("client secret is wrong")), qPrintable(result.err));
    QVERIFY(result.err.contains(QStringLiteral("Trace ID")));
    QVERIFY(!result.err.contains(QStringLiteral("no token:")));
    QVERIFY(m_simulator->requestsFor(id).isEmpty()); // Graph never saw a request
}

void TestCliSignIn::environmentCredentialWithCertificate()
{
    const TestCertificate certificate = TestCertificate::make();
    m_simulator->entra().setCertificate(certificate.certificatePem);
    m_secrets << QString::fromLatin1(certificate.privateKeyPem.split('\n').value(1));
    const QString path = m_home->filePath(QStringLiteral("app-certificate.pem"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(certificate.combinedPem());
    file.close();

    QProcessEnvironment env = appOnly({});
    env.remove(QStringLiteral("AZURE_CLIENT_SECRET"));
    env.insert(QStringLiteral("AZURE_CLIENT_CERTIFICATE_PATH"), path);
    const QString id = addOperation(100, 60000);
    const Run result = run({QStringLiteral("status"), id}, env);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(m_simulator->entra().grantCount(QStringLiteral("client_credentials")), 1);

    env.insert(QStringLiteral("AZURE_CLIENT_CERTIFICATE_PATH"),
               m_home->filePath(QStringLiteral("missing.pem")));
    const Run missing = run({QStringLiteral("status"), id}, env);
    QCOMPARE(missing.exitCode, 4);
    QVERIFY2(missing.err.contains(QStringLiteral("missing.pem")), qPrintable(missing.err));
}

void TestCliSignIn::tokenVariableWinsOverTheEnvironmentCredential()
{
    QProcessEnvironment env = appOnly(QStringLiteral("wrong-secret-value"));
    env.insert(QStringLiteral("BILLING_MONITOR_TOKEN"), m_simulator->acceptedToken());
    const Run result = run({QStringLiteral("status"), addOperation(100, 60000)}, env);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(m_simulator->entra().grantCount(QStringLiteral("client_credentials")), 0);
}

void TestCliSignIn::nationalCloudOrPlainHttpAuthorityIsUsage()
{
    QProcessEnvironment env = appOnly(m_simulator->entra().clientSecret());
    env.insert(QStringLiteral("AZURE_AUTHORITY_HOST"),
               QStringLiteral("https://login.microsoftonline.us"));
    const Run government = run({QStringLiteral("status"), addOperation(100, 60000)}, env);
    QCOMPARE(government.exitCode, 2);
    QVERIFY2(government.err.contains(QStringLiteral("US Government")), qPrintable(government.err));

    const Run plain = run({QStringLiteral("--authority-url"),
                           QStringLiteral("http://login.example.com"), QStringLiteral("account")},
                          environment());
    QCOMPARE(plain.exitCode, 2);
    QVERIFY2(plain.err.contains(QStringLiteral("--authority-url")), qPrintable(plain.err));
    QCOMPARE(m_simulator->requestCount(), 0);
}

void TestCliSignIn::tokenExpiresDuringWatch()
{
    // Two-second tokens during a watch of about five seconds.
    m_simulator->entra().setAccessTokenLifetime(2);
    const QString id = addOperation(5000);
    const Run result
        = run({QStringLiteral("watch"), id, QStringLiteral("--interval"), QStringLiteral("1")},
              appOnly(m_simulator->entra().clientSecret()));
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(m_simulator->entra().grantCount(QStringLiteral("client_credentials")) >= 3,
             qPrintable(QString::number(
                 m_simulator->entra().grantCount(QStringLiteral("client_credentials")))));
    for (const SimulatorRequest &request : m_simulator->requestsFor(id))
        QVERIFY2(request.status == 200, "no poll met an expired token");
}

void TestCliSignIn::loginWithDeviceCode()
{
    const QStringList login {
        QStringLiteral("login"),       QStringLiteral("--device-code"),
        QStringLiteral("--tenant"),    QLatin1String(EntraSimulator::TenantDomain),
        QStringLiteral("--client-id"), QLatin1String(EntraSimulator::ClientId)};
    const Run result = run(login, environment());
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.err.contains(QStringLiteral("https://microsoft.com/devicelogin")),
             qPrintable(result.err));
    QVERIFY(result.err.contains(QStringLiteral("enter the code")));
    QVERIFY(result.err.contains(
        QStringLiteral("Signed in as %1").arg(QLatin1String(EntraSimulator::UserName))));
    // No keychain here: said plainly, and nothing written instead.
    QVERIFY2(result.err.contains(QStringLiteral("system keychain is not available")),
             qPrintable(result.err));
    QVERIFY(result.out.isEmpty());

    const Run account = run({QStringLiteral("account")}, environment());
    QCOMPARE(account.exitCode, 0);
    QVERIFY2(account.out.contains(QLatin1String(EntraSimulator::UserName)),
             qPrintable(account.out));
    QVERIFY(account.out.contains(QStringLiteral("device-code")));
    QVERIFY(account.out.contains(QStringLiteral("memory of this program only")));

    // The refresh token went nowhere, so a later command must sign in again: exit 4.
    const Run status = run({QStringLiteral("status"), addOperation(100, 60000)}, environment());
    QCOMPARE(status.exitCode, 4);
    QVERIFY2(status.err.contains(QStringLiteral("Sign in again"))
                 || status.out.contains(QStringLiteral("Sign in again")),
             qPrintable(status.err + status.out));

    const Run logout = run({QStringLiteral("logout")}, environment());
    QCOMPARE(logout.exitCode, 0);
    QCOMPARE(run({QStringLiteral("account")}, environment()).exitCode, 4);
}

void TestCliSignIn::loginDeclinedIsExitFour()
{
    m_simulator->entra().setDevicePolls({EntraSimulator::DevicePoll::Decline});
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("AZURE_TENANT_ID"), QLatin1String(EntraSimulator::TenantId));
    env.insert(QStringLiteral("AZURE_CLIENT_ID"), QLatin1String(EntraSimulator::ClientId));
    const Run result = run({QStringLiteral("login")}, env); // no display: device code
    QCOMPARE(result.exitCode, 4);
    QVERIFY2(result.err.contains(QStringLiteral("declined")), qPrintable(result.err));
    QVERIFY(result.err.contains(QStringLiteral("Correlation ID")));
}

void TestCliSignIn::loginWithoutTenantIsUsage()
{
    const Run result = run({QStringLiteral("login"), QStringLiteral("--client-id"),
                            QLatin1String(EntraSimulator::ClientId)},
                           environment());
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QStringLiteral("No tenant")), qPrintable(result.err));
    QCOMPARE(m_simulator->requestCount(), 0);
}

void TestCliSignIn::loginUnreachableIsExitFive()
{
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("AZURE_AUTHORITY_HOST"), QStringLiteral("http://127.0.0.1:1"));
    const Run result = run({QStringLiteral("login"), QStringLiteral("--tenant"),
                            QLatin1String(EntraSimulator::TenantDomain),
                            QStringLiteral("--client-id"), QLatin1String(EntraSimulator::ClientId)},
                           env);
    QCOMPARE(result.exitCode, 5);
    QVERIFY2(result.err.contains(QStringLiteral("Could not reach Entra ID")),
             qPrintable(result.err));
}

void TestCliSignIn::loginInTheBrowser()
{
    m_simulator->entra().setAutoApprove(true);
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("DISPLAY"), QStringLiteral(":99"));
    env.insert(QStringLiteral("BROWSER"), m_helper);
    const Run result = run({QStringLiteral("login"), QStringLiteral("--tenant"),
                            QLatin1String(EntraSimulator::TenantDomain),
                            QStringLiteral("--client-id"), QLatin1String(EntraSimulator::ClientId)},
                           env);
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.err.contains(QStringLiteral("A web browser has been opened")),
             qPrintable(result.err));
    QCOMPARE(m_simulator->entra().grantCount(QStringLiteral("authorization_code")), 1);
    const Run account = run({QStringLiteral("--json"), QStringLiteral("account")}, environment());
    QCOMPARE(QJsonDocument::fromJson(account.out.toUtf8())
                 .object()
                 .value(QStringLiteral("flow"))
                 .toString(),
             QStringLiteral("browser"));
}

void TestCliSignIn::accountAndLogoutWhenNobodyIsSignedIn()
{
    const Run account = run({QStringLiteral("--json"), QStringLiteral("account")}, environment());
    QCOMPARE(account.exitCode, 4);
    QCOMPARE(QJsonDocument::fromJson(account.out.toUtf8())
                 .object()
                 .value(QStringLiteral("signedIn"))
                 .toBool(true),
             false);
    QVERIFY(account.err.contains(QStringLiteral("not signed in")));
    const Run logout = run({QStringLiteral("logout")}, environment());
    QCOMPARE(logout.exitCode, 0);
    QVERIFY(logout.err.contains(QStringLiteral("Nobody was signed in")));
}

void TestCliSignIn::noSecretInAnyFile()
{
    // Sign in every way, then read every file the CLI may have written under HOME.
    loginWithDeviceCode();
    environmentCredentialWithSecret();
    QStringList secrets = m_secrets;
    secrets << m_simulator->entra().lastRefreshToken() << QStringLiteral("sim-at-")
            << QStringLiteral("sim-rt-");
    int files = 0;
    QDirIterator it(m_home->path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        ++files;
        for (const QString &secret : std::as_const(secrets))
            QVERIFY2(!content.contains(secret.toUtf8()), qPrintable(file.fileName()));
    }
    QVERIFY(files > 0); // the account facts are there
}

QTEST_GUILESS_MAIN(TestCliSignIn)
#include "tst_cli_signin.moc"
