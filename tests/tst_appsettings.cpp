#include "app/appsettings.h"
#include "app/auth/memorysecretstore.h"
#include "app/auth/signinaccount.h"
#include "app/downloads/downloadmanager.h"
#include "app/graph/graphclient.h"
#include "app/graph/tokenprovider.h"
#include "app/polling/operationmonitor.h"
#include "app/session.h"

#include <QDir>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

class TestAppSettings : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void defaults();
    void endpointRoundTrip();
    void rejectsUnsafeEndpoints_data();
    void rejectsUnsafeEndpoints();
    void handEditedEndpointIsReported();
    void refreshIntervalIsClamped();
    void pollingDefaults();
    void pollingRoundTrip();
    void pollingLimitsAreClamped_data();
    void pollingLimitsAreClamped();
    void policyKeepsWhatSettingsDoNotCover();
    void sessionAppliesThePollingSettings();
    void windowStateRoundTrip();
    void neverStoresTheToken();
    void typedTokenOfAnOlderVersionIsErasedOnce();
    void downloadChoicesRoundTrip();
    void decompressionCapsAreClampedAndApplied();
    void environmentTokenIsNotInherited();

private:
    QString iniFile() const { return m_dir->filePath(QStringLiteral("settings.ini")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestAppSettings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestAppSettings::defaults()
{
    AppSettings settings(iniFile());
    QCOMPARE(settings.graphRoot(), QStringLiteral("https://graph.microsoft.com"));
    QCOMPARE(settings.apiVersion(), QStringLiteral("v1.0"));
    QCOMPARE(settings.refreshIntervalSeconds(), 30);
    QVERIFY(settings.windowGeometry().isEmpty());
    QString error;
    const std::optional<GraphEndpoint> endpoint = settings.endpoint(&error);
    QVERIFY2(endpoint.has_value(), qPrintable(error));
    QCOMPARE(endpoint->root(), QUrl(QStringLiteral("https://graph.microsoft.com")));
    QCOMPARE(endpoint->version(), QStringLiteral("v1.0"));
}

void TestAppSettings::endpointRoundTrip()
{
    {
        AppSettings settings(iniFile());
        QString error;
        QVERIFY2(settings.setEndpoint(QStringLiteral("http://127.0.0.1:8080"),
                                      QStringLiteral("beta"), &error),
                 qPrintable(error));
        settings.sync();
    }
    AppSettings reopened(iniFile());
    QCOMPARE(reopened.apiVersion(), QStringLiteral("beta"));
    const std::optional<GraphEndpoint> endpoint = reopened.endpoint();
    QVERIFY(endpoint.has_value());
    QCOMPARE(endpoint->root().port(), 8080);
    QCOMPARE(endpoint->root().host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(endpoint->version(), QStringLiteral("beta"));
}

void TestAppSettings::rejectsUnsafeEndpoints_data()
{
    QTest::addColumn<QString>("root");
    QTest::addColumn<QString>("version");
    QTest::newRow("plain http to a remote host")
        << QStringLiteral("http://graph.microsoft.com") << QStringLiteral("v1.0");
    QTest::newRow("a path") << QStringLiteral("https://graph.microsoft.com/v1.0")
                            << QStringLiteral("v1.0");
    QTest::newRow("user info") << QStringLiteral("https://me:pw@graph.microsoft.com")
                               << QStringLiteral("v1.0");
    QTest::newRow("not a URL") << QStringLiteral("graph") << QStringLiteral("v1.0");
    QTest::newRow("unknown version")
        << QStringLiteral("https://graph.microsoft.com") << QStringLiteral("v2.0");
}

void TestAppSettings::rejectsUnsafeEndpoints()
{
    QFETCH(QString, root);
    QFETCH(QString, version);
    AppSettings settings(iniFile());
    QString error;
    QVERIFY(!settings.setEndpoint(root, version, &error));
    QVERIFY2(!error.isEmpty(), "a refused endpoint must say why");
    // Nothing invalid is stored: the defaults stay.
    QCOMPARE(settings.graphRoot(), QStringLiteral("https://graph.microsoft.com"));
    QCOMPARE(settings.apiVersion(), QStringLiteral("v1.0"));
}

void TestAppSettings::handEditedEndpointIsReported()
{
    {
        QSettings raw(iniFile(), QSettings::IniFormat);
        raw.setValue(QStringLiteral("graph/root"), QStringLiteral("http://example.com"));
    }
    AppSettings settings(iniFile());
    QString error;
    QVERIFY(!settings.endpoint(&error).has_value());
    QVERIFY(!error.isEmpty());
}

void TestAppSettings::refreshIntervalIsClamped()
{
    AppSettings settings(iniFile());
    settings.setRefreshIntervalSeconds(120);
    QCOMPARE(settings.refreshIntervalSeconds(), 120);
    settings.setRefreshIntervalSeconds(1);
    QCOMPARE(settings.refreshIntervalSeconds(), PollPolicy::Limits::RefreshIntervalSeconds.minimum);
    settings.setRefreshIntervalSeconds(1000000);
    QCOMPARE(settings.refreshIntervalSeconds(), PollPolicy::Limits::RefreshIntervalSeconds.maximum);
    {
        QSettings raw(iniFile(), QSettings::IniFormat);
        raw.setValue(QStringLiteral("monitor/refreshIntervalSeconds"), QStringLiteral("soon"));
    }
    AppSettings garbled(iniFile());
    QCOMPARE(garbled.refreshIntervalSeconds(),
             PollPolicy::Limits::RefreshIntervalSeconds.defaultValue);
}

void TestAppSettings::pollingDefaults()
{
    AppSettings settings(iniFile());
    QCOMPARE(settings.maxRequestsInFlight(), 6);
    QCOMPARE(settings.maxRequestsPerSecond(), 20);
    QCOMPARE(settings.expiryHours(), 48);
    QCOMPARE(settings.transferTimeoutSeconds(), 30);
    // The defaults are the written policy's: a fresh install polls exactly as documented.
    const PollPolicy policy = settings.applyTo(PollPolicy());
    const PollPolicy documented;
    QCOMPARE(policy.refreshIntervalSeconds, documented.refreshIntervalSeconds);
    QCOMPARE(policy.maxRequestsInFlight, documented.maxRequestsInFlight);
    QCOMPARE(policy.maxRequestsPerSecond, documented.maxRequestsPerSecond);
    QCOMPARE(policy.expiryHours, documented.expiryHours);
}

void TestAppSettings::pollingRoundTrip()
{
    {
        AppSettings settings(iniFile());
        settings.setMaxRequestsInFlight(2);
        settings.setMaxRequestsPerSecond(5);
        settings.setExpiryHours(72);
        settings.setTransferTimeoutSeconds(90);
        settings.sync();
    }
    QSettings raw(iniFile(), QSettings::IniFormat);
    QCOMPARE(raw.value(QStringLiteral("monitor/maxRequestsInFlight")).toInt(), 2);
    QCOMPARE(raw.value(QStringLiteral("monitor/maxRequestsPerSecond")).toInt(), 5);
    QCOMPARE(raw.value(QStringLiteral("monitor/expiryHours")).toInt(), 72);
    QCOMPARE(raw.value(QStringLiteral("monitor/transferTimeoutSeconds")).toInt(), 90);

    AppSettings reopened(iniFile());
    QCOMPARE(reopened.maxRequestsInFlight(), 2);
    QCOMPARE(reopened.maxRequestsPerSecond(), 5);
    QCOMPARE(reopened.expiryHours(), 72);
    QCOMPARE(reopened.transferTimeoutSeconds(), 90);
}

void TestAppSettings::pollingLimitsAreClamped_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QVariant>("stored");
    QTest::addColumn<int>("expected");
    QTest::newRow("in flight above Qt's 6 connections")
        << QStringLiteral("monitor/maxRequestsInFlight") << QVariant(64) << 6;
    QTest::newRow("no request in flight")
        << QStringLiteral("monitor/maxRequestsInFlight") << QVariant(0) << 1;
    QTest::newRow("in flight garbled")
        << QStringLiteral("monitor/maxRequestsInFlight") << QVariant(QStringLiteral("many")) << 6;
    QTest::newRow("a flood per second")
        << QStringLiteral("monitor/maxRequestsPerSecond") << QVariant(100000) << 100;
    QTest::newRow("negative per second")
        << QStringLiteral("monitor/maxRequestsPerSecond") << QVariant(-3) << 1;
    QTest::newRow("expire never") << QStringLiteral("monitor/expiryHours") << QVariant(1000000)
                                  << 720;
    QTest::newRow("expire at once") << QStringLiteral("monitor/expiryHours") << QVariant(0) << 1;
    QTest::newRow("expiry garbled")
        << QStringLiteral("monitor/expiryHours") << QVariant(QStringLiteral("2 days")) << 48;
    QTest::newRow("timeout too short")
        << QStringLiteral("monitor/transferTimeoutSeconds") << QVariant(1) << 5;
    QTest::newRow("timeout too long")
        << QStringLiteral("monitor/transferTimeoutSeconds") << QVariant(86400) << 300;
}

void TestAppSettings::pollingLimitsAreClamped()
{
    QFETCH(QString, key);
    QFETCH(QVariant, stored);
    QFETCH(int, expected);
    const auto read = [&key](const AppSettings &settings) {
        if (key.endsWith(QLatin1String("InFlight")))
            return settings.maxRequestsInFlight();
        if (key.endsWith(QLatin1String("PerSecond")))
            return settings.maxRequestsPerSecond();
        if (key.endsWith(QLatin1String("Hours")))
            return settings.expiryHours();
        return settings.transferTimeoutSeconds();
    };
    {
        // A hand-edited file is read within the limits.
        QSettings raw(iniFile(), QSettings::IniFormat);
        raw.setValue(key, stored);
    }
    AppSettings handEdited(iniFile());
    QCOMPARE(read(handEdited), expected);

    // And the setters never store a value outside them.
    if (stored.typeId() != QMetaType::Int)
        return;
    AppSettings settings(iniFile());
    const int value = stored.toInt();
    if (key.endsWith(QLatin1String("InFlight")))
        settings.setMaxRequestsInFlight(value);
    else if (key.endsWith(QLatin1String("PerSecond")))
        settings.setMaxRequestsPerSecond(value);
    else if (key.endsWith(QLatin1String("Hours")))
        settings.setExpiryHours(value);
    else
        settings.setTransferTimeoutSeconds(value);
    settings.sync();
    QCOMPARE(QSettings(iniFile(), QSettings::IniFormat).value(key).toInt(), expected);
}

void TestAppSettings::policyKeepsWhatSettingsDoNotCover()
{
    AppSettings settings(iniFile());
    settings.setRefreshIntervalSeconds(60);
    settings.setMaxRequestsInFlight(3);
    settings.setMaxRequestsPerSecond(7);
    settings.setExpiryHours(12);
    PollPolicy tuned;
    tuned.backoffBaseMs = 500;
    tuned.backoffMaxMs = 10000;
    const PollPolicy policy = settings.applyTo(tuned);
    QCOMPARE(policy.refreshIntervalSeconds, 60);
    QCOMPARE(policy.maxRequestsInFlight, 3);
    QCOMPARE(policy.maxRequestsPerSecond, 7.0);
    QCOMPARE(policy.expiryHours, 12);
    QCOMPARE(policy.backoffBaseMs, qint64(500));
    QCOMPARE(policy.backoffMaxMs, qint64(10000));
}

void TestAppSettings::sessionAppliesThePollingSettings()
{
    qunsetenv(StaticTokenProvider::EnvironmentVariable);
    AppSettings settings(iniFile());
    settings.setRefreshIntervalSeconds(120);
    settings.setMaxRequestsInFlight(2);
    settings.setMaxRequestsPerSecond(4);
    settings.setExpiryHours(24);
    settings.setTransferTimeoutSeconds(45);
    Session session(&settings);
    QVERIFY(session.applySettings().isEmpty());
    const PollPolicy policy = session.monitor()->policy();
    QCOMPARE(policy.refreshIntervalSeconds, 120);
    QCOMPARE(policy.maxRequestsInFlight, 2);
    QCOMPARE(policy.maxRequestsPerSecond, 4.0);
    QCOMPARE(policy.expiryHours, 24);
    QCOMPARE(session.client()->transferTimeout(), 45000);

    // Changing the refresh interval alone keeps the other limits.
    session.setRefreshIntervalSeconds(10);
    QCOMPARE(session.monitor()->policy().refreshIntervalSeconds, 10);
    QCOMPARE(session.monitor()->policy().maxRequestsInFlight, 2);
    QCOMPARE(settings.refreshIntervalSeconds(), 10);
}

void TestAppSettings::windowStateRoundTrip()
{
    {
        AppSettings settings(iniFile());
        settings.setWindowGeometry(QByteArrayLiteral("geometry"));
        settings.setWindowState(QByteArrayLiteral("state"));
        settings.setTableHeaderState(QByteArrayLiteral("header"));
        settings.setSplitterState(QByteArrayLiteral("splitter"));
        settings.sync();
    }
    AppSettings reopened(iniFile());
    QCOMPARE(reopened.windowGeometry(), QByteArrayLiteral("geometry"));
    QCOMPARE(reopened.windowState(), QByteArrayLiteral("state"));
    QCOMPARE(reopened.tableHeaderState(), QByteArrayLiteral("header"));
    QCOMPARE(reopened.splitterState(), QByteArrayLiteral("splitter"));
}

void TestAppSettings::neverStoresTheToken()
{
    AppSettings settings(iniFile());
    QString error;
    QVERIFY(settings.setEndpoint(QStringLiteral("https://graph.microsoft.com"),
                                 QStringLiteral("v1.0"), &error));
    settings.sync();
    QSettings raw(iniFile(), QSettings::IniFormat);
    for (const QString &key : raw.allKeys())
        QVERIFY2(!key.contains(QLatin1String("token"), Qt::CaseInsensitive), qPrintable(key));
}

// Versions before the sign-in kept a token typed into Settings in the keychain; the first
// start of this version erases it, once, and the notes about it.
void TestAppSettings::typedTokenOfAnOlderVersionIsErasedOnce()
{
    {
        QSettings older(iniFile(), QSettings::IniFormat);
        older.setValue(QStringLiteral("graph/rememberToken"), true);
        older.setValue(QStringLiteral("graph/tokenInKeychain"), true);
    }
    MemorySecretStore keychain;
    keychain.entries.insert(QLatin1String(AppSettings::TypedTokenKey), QStringLiteral("eyJold"));
    keychain.entries.insert(QStringLiteral("refresh-token-kept"), QStringLiteral("other"));
    AccountSettings accounts(m_dir->filePath(QStringLiteral("account.ini")));
    AppSettings settings(iniFile());
    QVERIFY(settings.typedTokenInKeychain());

    // A keychain that cannot answer now is asked again at the next start.
    keychain.available = false;
    {
        Session session(&settings, nullptr, &keychain, &accounts);
        session.forgetTypedToken();
        QTest::qWait(50);
    }
    QVERIFY(settings.typedTokenInKeychain());
    QVERIFY(keychain.entries.contains(QLatin1String(AppSettings::TypedTokenKey)));

    keychain.available = true;
    Session session(&settings, nullptr, &keychain, &accounts);
    session.forgetTypedToken();
    QTRY_VERIFY(!settings.typedTokenInKeychain());
    QVERIFY(!keychain.entries.contains(QLatin1String(AppSettings::TypedTokenKey)));
    QVERIFY(keychain.entries.contains(QStringLiteral("refresh-token-kept")));
    settings.sync();
    QSettings raw(iniFile(), QSettings::IniFormat);
    QVERIFY(!raw.contains(QStringLiteral("graph/rememberToken")));
    QVERIFY(!raw.contains(QStringLiteral("graph/tokenInKeychain")));

    // Once: the next start leaves the keychain alone (an entry of that name would now be
    // someone else's business).
    keychain.entries.insert(QLatin1String(AppSettings::TypedTokenKey), QStringLiteral("x"));
    Session next(&settings, nullptr, &keychain, &accounts);
    next.forgetTypedToken();
    QTest::qWait(50);
    QVERIFY(keychain.entries.contains(QLatin1String(AppSettings::TypedTokenKey)));
}

void TestAppSettings::downloadChoicesRoundTrip()
{
    {
        AppSettings settings(iniFile());
        // Before the first download the picker starts at home, and only the .gz is written.
        QCOMPARE(settings.lastDownloadFolder(), QDir::homePath());
        QVERIFY(!settings.decompressDownloads());
        settings.setLastDownloadFolder(QStringLiteral("/srv/billing"));
        settings.setDecompressDownloads(true);
        settings.sync();
    }
    AppSettings reopened(iniFile());
    QCOMPARE(reopened.lastDownloadFolder(), QStringLiteral("/srv/billing"));
    QVERIFY(reopened.decompressDownloads());
    // The keys earlier versions wrote are read as they are.
    QSettings raw(iniFile(), QSettings::IniFormat);
    QCOMPARE(raw.value(QStringLiteral("downloads/lastFolder")).toString(),
             QStringLiteral("/srv/billing"));
    QCOMPARE(raw.value(QStringLiteral("downloads/decompress")).toBool(), true);
}

void TestAppSettings::decompressionCapsAreClampedAndApplied()
{
    AppSettings settings(iniFile());
    QCOMPARE(settings.maxInflatedGiB(), ScanLimits::InflatedGiB.defaultValue);
    QCOMPARE(settings.maxInflationRatio(), ScanLimits::Ratio.defaultValue);
    QCOMPARE(settings.scanLimits().maxInflatedBytes, ScanLimits::DefaultMaxInflatedBytes);

    settings.setMaxInflatedGiB(0);
    settings.setMaxInflationRatio(1 << 30);
    QCOMPARE(settings.maxInflatedGiB(), ScanLimits::InflatedGiB.minimum);
    QCOMPARE(settings.maxInflationRatio(), ScanLimits::Ratio.maximum);

    settings.setMaxInflatedGiB(2);
    settings.setMaxInflationRatio(50);
    QCOMPARE(settings.scanLimits().maxInflatedBytes, qint64(2) << 30);
    QCOMPARE(settings.scanLimits().maxRatio, 50.0);
    // The session hands them to the downloads; the line-length cap stays fixed.
    qunsetenv(StaticTokenProvider::EnvironmentVariable);
    Session session(&settings);
    session.applySettings();
    QCOMPARE(session.downloads()->scanLimits().maxInflatedBytes, qint64(2) << 30);
    QCOMPARE(session.downloads()->scanLimits().maxRatio, 50.0);
    QCOMPARE(session.downloads()->scanLimits().ratioFloorBytes, ScanLimits::DefaultRatioFloorBytes);
}

// The app launches programs (a browser for a link, a file manager for a folder); they
// inherit its environment, so BILLING_MONITOR_TOKEN must not stay in it.
void TestAppSettings::environmentTokenIsNotInherited()
{
    qputenv(StaticTokenProvider::EnvironmentVariable, "env-token-secret");
    AppSettings settings(iniFile());
    Session session(&settings);
    QVERIFY(session.applySettings().isEmpty());
    QCOMPARE(session.tokenSource(), Session::TokenSource::Environment);
    QVERIFY(session.hasToken());

    QProcess child;
    child.start(QStringLiteral("env"), {});
    QVERIFY(child.waitForFinished(10000));
    const QByteArray environment = child.readAllStandardOutput();
    QVERIFY(environment.contains("HOME="));
    QVERIFY(!environment.contains("BILLING_MONITOR_TOKEN"));
    QVERIFY(!environment.contains("env-token-secret"));

    // Settings applied again still use it: the session keeps its own copy.
    QVERIFY(session.applySettings().isEmpty());
    QCOMPARE(session.tokenSource(), Session::TokenSource::Environment);
    QVERIFY(session.hasToken());
}

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
