#include "app/auth/secretstore.h"
#include "app/simulator/graphsimulator.h"
#include "support/cliprocess.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTest>
#include <QTimer>

// The real Secret Service: run by CTest through run-with-keyring.sh, inside a D-Bus session
// of its own with an unlocked gnome-keyring in the test's throwaway HOME. The keychain
// wrapper stores, reads and removes; the CLI signs in, a second CLI process renews from the
// keychain, logout removes the entry; and no secret or token is in any file under HOME, the
// keyring's own file included.
class TestKeychain : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void storesReadsAndRemoves();
    void theCliSharesOneSignInThroughTheKeychain();
    void noSecretInAnyFile();

private:
    using Run = CliProcess;
    Run run(const QStringList &arguments);
    SecretResult call(const std::function<void(QObject *, SecretDone)> &start);

    GraphSimulator m_simulator;
    QStringList m_secrets;
};

void TestKeychain::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
             "run this test through run-with-keyring.sh");
    QVERIFY(QFileInfo(CliProcess::executable()).isExecutable());
    QVERIFY(m_simulator.start());
}

SecretResult TestKeychain::call(const std::function<void(QObject *, SecretDone)> &start)
{
    SecretResult answer;
    bool done = false;
    QObject context;
    start(&context, [&](const SecretResult &result) {
        answer = result;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        qWarning("the keychain did not answer");
    return answer;
}

void TestKeychain::storesReadsAndRemoves()
{
    KeychainSecretStore store(QStringLiteral("billing-monitor-test"));
    const QString key = QStringLiteral("tenant/client/refresh-token");
    const QString secret = QStringLiteral("a-secret-for-the-keyring");
    m_secrets << secret;
    const SecretResult written = call([&](QObject *context, SecretDone done) {
        store.write(key, secret, context, std::move(done));
    });
    QVERIFY2(written.ok, qPrintable(written.message));
    const SecretResult read = call(
        [&](QObject *context, SecretDone done) { store.read(key, context, std::move(done)); });
    QVERIFY2(read.ok, qPrintable(read.message));
    QCOMPARE(read.value, secret);
    const SecretResult removed = call(
        [&](QObject *context, SecretDone done) { store.remove(key, context, std::move(done)); });
    QVERIFY2(removed.ok, qPrintable(removed.message));
    const SecretResult gone = call(
        [&](QObject *context, SecretDone done) { store.read(key, context, std::move(done)); });
    QVERIFY(!gone.ok);
    QVERIFY2(gone.message.isEmpty(), qPrintable(gone.message)); // simply not there
}

TestKeychain::Run TestKeychain::run(const QStringList &arguments)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name :
         {"BILLING_MONITOR_TOKEN", "AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET",
          "AZURE_CLIENT_CERTIFICATE_PATH", "DISPLAY", "WAYLAND_DISPLAY"})
        env.remove(QLatin1String(name));
    env.insert(QStringLiteral("BILLING_MONITOR_GRAPH_URL"), m_simulator.rootUrl().toString());
    env.insert(QStringLiteral("AZURE_AUTHORITY_HOST"), m_simulator.authorityUrl().toString());
    return CliProcess::run(arguments, env);
}

void TestKeychain::theCliSharesOneSignInThroughTheKeychain()
{
    const Run login = run({QStringLiteral("login"), QStringLiteral("--device-code"),
                           QStringLiteral("--tenant"), QLatin1String(EntraSimulator::TenantDomain),
                           QStringLiteral("--client-id"), QLatin1String(EntraSimulator::ClientId)});
    QCOMPARE(login.exitCode, 0);
    QVERIFY2(!login.err.contains(QStringLiteral("not available")), qPrintable(login.err));
    const QString first = m_simulator.entra().lastRefreshToken();
    m_secrets << first;

    const Run account = run({QStringLiteral("account")});
    QCOMPARE(account.exitCode, 0);
    QVERIFY2(account.out.contains(QStringLiteral("system keychain")), qPrintable(account.out));

    // Another process renews with the refresh token from the keychain, and stores the new one.
    SimulatedOperation done;
    done.runningMs = 100;
    done.ageMs = 60000;
    const Run status = run({QStringLiteral("status"), m_simulator.addOperation(done)});
    QCOMPARE(status.exitCode, 0);
    const QString rotated = m_simulator.entra().lastRefreshToken();
    QVERIFY(rotated != first);
    m_secrets << rotated;
    const Run again = run({QStringLiteral("status"), m_simulator.addOperation(done)});
    QCOMPARE(again.exitCode, 0); // the rotated token was stored: each is accepted once
    m_secrets << m_simulator.entra().lastRefreshToken();

    for (const Run &output : {login, account, status, again}) {
        for (const QString &secret : std::as_const(m_secrets))
            QVERIFY(!output.out.contains(secret) && !output.err.contains(secret));
    }

    QCOMPARE(run({QStringLiteral("logout")}).exitCode, 0);
    QCOMPARE(run({QStringLiteral("account")}).exitCode, 4);
    const Run afterLogout = run({QStringLiteral("status"), m_simulator.addOperation(done)});
    QCOMPARE(afterLogout.exitCode, 4);
}

void TestKeychain::noSecretInAnyFile()
{
    QVERIFY(!m_secrets.isEmpty());
    int files = 0;
    QDirIterator it(QDir::homePath(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue; // sockets of the keyring daemon
        const QByteArray content = file.readAll();
        ++files;
        for (const QString &secret : std::as_const(m_secrets))
            QVERIFY2(!content.contains(secret.toUtf8()), qPrintable(file.fileName()));
        QVERIFY2(!content.contains("sim-at-") && !content.contains("sim-rt-"),
                 qPrintable(file.fileName()));
    }
    QVERIFY(files > 0);
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
