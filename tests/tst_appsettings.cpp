#include "app/appsettings.h"

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
    void windowStateRoundTrip();
    void neverStoresTheToken();

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
    QVERIFY(settings.rememberToken());
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
    QCOMPARE(settings.refreshIntervalSeconds(), AppSettings::MinRefreshIntervalSeconds);
    settings.setRefreshIntervalSeconds(1000000);
    QCOMPARE(settings.refreshIntervalSeconds(), AppSettings::MaxRefreshIntervalSeconds);
    {
        QSettings raw(iniFile(), QSettings::IniFormat);
        raw.setValue(QStringLiteral("monitor/refreshIntervalSeconds"), QStringLiteral("soon"));
    }
    AppSettings garbled(iniFile());
    QCOMPARE(garbled.refreshIntervalSeconds(), AppSettings::DefaultRefreshIntervalSeconds);
}

void TestAppSettings::windowStateRoundTrip()
{
    {
        AppSettings settings(iniFile());
        settings.setWindowGeometry(QByteArrayLiteral("geometry"));
        settings.setWindowState(QByteArrayLiteral("state"));
        settings.setTableHeaderState(QByteArrayLiteral("header"));
        settings.setSplitterState(QByteArrayLiteral("splitter"));
        settings.setRememberToken(false);
        settings.sync();
    }
    AppSettings reopened(iniFile());
    QCOMPARE(reopened.windowGeometry(), QByteArrayLiteral("geometry"));
    QCOMPARE(reopened.windowState(), QByteArrayLiteral("state"));
    QCOMPARE(reopened.tableHeaderState(), QByteArrayLiteral("header"));
    QCOMPARE(reopened.splitterState(), QByteArrayLiteral("splitter"));
    QVERIFY(!reopened.rememberToken());
}

void TestAppSettings::neverStoresTheToken()
{
    AppSettings settings(iniFile());
    QString error;
    QVERIFY(settings.setEndpoint(QStringLiteral("https://graph.microsoft.com"),
                                 QStringLiteral("v1.0"), &error));
    settings.setRememberToken(true);
    settings.sync();
    QSettings raw(iniFile(), QSettings::IniFormat);
    for (const QString &key : raw.allKeys())
        QVERIFY2(!key.contains(QLatin1String("token"), Qt::CaseInsensitive)
                     || key == QLatin1String("graph/rememberToken"),
                 qPrintable(key));
}

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
