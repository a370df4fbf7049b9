#include "app/appsettings.h"
#include "app/downloads/downloadmanager.h"
#include "app/graph/graphclient.h"
#include "app/graph/graphendpoint.h"
#include "app/polling/operationmonitor.h"
#include "app/session.h"
#include "ui/settingsdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

// Settings: the Graph address is validated as typed, everything is applied to the session on
// OK, and the token is masked and never written to the settings file.
class TestSettingsDialog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void showsTheCurrentSettings();
    void refusesPlainHttpToARemoteHost();
    void appliesOnOk();
    void showsAndLimitsThePollingSettings();
    void appliesThePollingSettingsOnOk();
    void cancelKeepsThePollingSettings();
    void restoresThePollingDefaults();
    void tokenIsMaskedAndNotWrittenToSettings();
    void keychainFailureKeepsTheTokenForTheSession();
    void demoModeExplainsAndLocksTheToken();
    void fixesUpGraphAddresses();
    void warnsOfAHostThatIsNotGraph();
    void appearanceIsSaved();
    void decompressionCapsAreSavedAndApplied();

private:
    QPushButton *okButton(SettingsDialog &dialog) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<Session> m_session;
};

void TestSettingsDialog::init()
{
    qunsetenv(StaticTokenProvider::EnvironmentVariable);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<AppSettings>(m_dir->filePath(QStringLiteral("settings.ini")));
    m_session = std::make_unique<Session>(m_settings.get());
    QVERIFY(m_session->applySettings().isEmpty());
}

void TestSettingsDialog::cleanup()
{
    m_session.reset();
    m_settings.reset();
    m_dir.reset();
}

QPushButton *TestSettingsDialog::okButton(SettingsDialog &dialog) const
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

void TestSettingsDialog::showsTheCurrentSettings()
{
    SettingsDialog dialog(m_session.get());
    QCOMPARE(dialog.rootEdit()->text(), QStringLiteral("https://graph.microsoft.com"));
    QCOMPARE(dialog.versionBox()->currentText(), QStringLiteral("v1.0"));
    QCOMPARE(dialog.intervalBox()->value(), 30);
    QCOMPARE(dialog.inFlightBox()->value(), 6);
    QCOMPARE(dialog.perSecondBox()->value(), 20);
    QCOMPARE(dialog.expiryBox()->value(), 48);
    QCOMPARE(dialog.timeoutBox()->value(), 30);
    QVERIFY(okButton(dialog)->isEnabled());
    QVERIFY(dialog.validationMessage().isEmpty());
}

void TestSettingsDialog::refusesPlainHttpToARemoteHost()
{
    SettingsDialog dialog(m_session.get());
    dialog.show();
    dialog.rootEdit()->setText(QStringLiteral("http://graph.example.com"));
    QVERIFY(!okButton(dialog)->isEnabled());
    QVERIFY(!dialog.validationMessage().isEmpty());
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("graphRootError"))->isVisible());
    // Accepting anyway (Enter) changes nothing.
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QCOMPARE(m_settings->graphRoot(), QStringLiteral("https://graph.microsoft.com"));

    // Plain http to this computer is fine (a local simulator).
    dialog.rootEdit()->setText(QStringLiteral("http://127.0.0.1:8080"));
    QVERIFY(okButton(dialog)->isEnabled());
    QVERIFY(dialog.validationMessage().isEmpty());
}

void TestSettingsDialog::appliesOnOk()
{
    SettingsDialog dialog(m_session.get());
    dialog.rootEdit()->setText(QStringLiteral("http://localhost:9000"));
    dialog.versionBox()->setCurrentText(QStringLiteral("beta"));
    dialog.intervalBox()->setValue(90);
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    QCOMPARE(m_settings->apiVersion(), QStringLiteral("beta"));
    QCOMPARE(m_settings->refreshIntervalSeconds(), 90);
    const GraphEndpoint &endpoint = m_session->client()->endpoint();
    QCOMPARE(endpoint.root().host(), QStringLiteral("localhost"));
    QCOMPARE(endpoint.root().port(), 9000);
    QCOMPARE(endpoint.version(), QStringLiteral("beta"));
}

void TestSettingsDialog::showsAndLimitsThePollingSettings()
{
    m_settings->setMaxRequestsInFlight(3);
    m_settings->setMaxRequestsPerSecond(8);
    m_settings->setExpiryHours(100);
    m_settings->setTransferTimeoutSeconds(60);
    SettingsDialog dialog(m_session.get());
    QCOMPARE(dialog.inFlightBox()->value(), 3);
    QCOMPARE(dialog.perSecondBox()->value(), 8);
    QCOMPARE(dialog.expiryBox()->value(), 100);
    QCOMPARE(dialog.timeoutBox()->value(), 60);

    QCOMPARE(dialog.inFlightBox()->minimum(), 1);
    QCOMPARE(dialog.inFlightBox()->maximum(), 6);
    QCOMPARE(dialog.perSecondBox()->minimum(), 1);
    QCOMPARE(dialog.perSecondBox()->maximum(), 100);
    QCOMPARE(dialog.expiryBox()->minimum(), 1);
    QCOMPARE(dialog.expiryBox()->maximum(), 720);
    QCOMPARE(dialog.timeoutBox()->minimum(), 5);
    QCOMPARE(dialog.timeoutBox()->maximum(), 300);
    // Why 6 is the ceiling is said where the analyst meets it.
    QVERIFY2(dialog.inFlightBox()->toolTip().contains(QLatin1String("6 connections per host")),
             qPrintable(dialog.inFlightBox()->toolTip()));
    for (const QSpinBox *box :
         {dialog.intervalBox(), dialog.perSecondBox(), dialog.expiryBox(), dialog.timeoutBox()})
        QVERIFY2(!box->toolTip().isEmpty(), qPrintable(box->objectName()));

    // Typing past a limit ends at the limit.
    dialog.show();
    dialog.inFlightBox()->selectAll();
    QTest::keyClicks(dialog.inFlightBox(), QStringLiteral("9"));
    QVERIFY(dialog.inFlightBox()->value() <= 6);
    dialog.perSecondBox()->setValue(1000);
    QCOMPARE(dialog.perSecondBox()->value(), 100);
}

void TestSettingsDialog::appliesThePollingSettingsOnOk()
{
    SettingsDialog dialog(m_session.get());
    dialog.intervalBox()->setValue(120);
    dialog.inFlightBox()->setValue(2);
    dialog.perSecondBox()->setValue(5);
    dialog.expiryBox()->setValue(24);
    dialog.timeoutBox()->setValue(90);
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    QCOMPARE(m_settings->maxRequestsInFlight(), 2);
    QCOMPARE(m_settings->maxRequestsPerSecond(), 5);
    QCOMPARE(m_settings->expiryHours(), 24);
    QCOMPARE(m_settings->transferTimeoutSeconds(), 90);
    const PollPolicy policy = m_session->monitor()->policy();
    QCOMPARE(policy.refreshIntervalSeconds, 120);
    QCOMPARE(policy.maxRequestsInFlight, 2);
    QCOMPARE(policy.maxRequestsPerSecond, 5.0);
    QCOMPARE(policy.expiryHours, 24);
    QCOMPARE(m_session->client()->transferTimeout(), 90000);

    // Saved: a new session starts with them.
    AppSettings reopened(m_settings->fileName());
    Session next(&reopened);
    QVERIFY(next.applySettings().isEmpty());
    QCOMPARE(next.monitor()->policy().maxRequestsPerSecond, 5.0);
    QCOMPARE(next.client()->transferTimeout(), 90000);
}

void TestSettingsDialog::cancelKeepsThePollingSettings()
{
    SettingsDialog dialog(m_session.get());
    dialog.inFlightBox()->setValue(1);
    dialog.expiryBox()->setValue(2);
    dialog.reject();
    QCOMPARE(m_settings->maxRequestsInFlight(), 6);
    QCOMPARE(m_settings->expiryHours(), 48);
    QCOMPARE(m_session->monitor()->policy().maxRequestsInFlight, 6);
    QCOMPARE(m_session->monitor()->policy().expiryHours, 48);
}

void TestSettingsDialog::restoresThePollingDefaults()
{
    m_settings->setRefreshIntervalSeconds(600);
    m_settings->setMaxRequestsInFlight(1);
    m_settings->setMaxRequestsPerSecond(2);
    m_settings->setExpiryHours(3);
    m_settings->setTransferTimeoutSeconds(200);
    SettingsDialog dialog(m_session.get());
    auto *restore = dialog.findChild<QPushButton *>(QStringLiteral("restorePollingDefaults"));
    QVERIFY(restore);
    QTest::mouseClick(restore, Qt::LeftButton);
    QCOMPARE(dialog.intervalBox()->value(), 30);
    QCOMPARE(dialog.inFlightBox()->value(), 6);
    QCOMPARE(dialog.perSecondBox()->value(), 20);
    QCOMPARE(dialog.expiryBox()->value(), 48);
    QCOMPARE(dialog.timeoutBox()->value(), 30);
    // Nothing is saved until OK.
    QCOMPARE(m_settings->maxRequestsInFlight(), 1);
}

void TestSettingsDialog::tokenIsMaskedAndNotWrittenToSettings()
{
    const QString secret = QStringLiteral("eyJ0eXAiOiJKV1QiLCJhbGciOi.secret");
    SettingsDialog dialog(m_session.get());
    QCOMPARE(dialog.tokenEdit()->echoMode(), QLineEdit::Password);
    const QList<QCheckBox *> boxes = dialog.findChildren<QCheckBox *>();
    for (QCheckBox *box : boxes) {
        if (box->text().contains(QLatin1String("keychain")))
            box->setChecked(false); // session only: nothing reaches any keychain here
    }
    dialog.tokenEdit()->setText(secret);
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);

    QVERIFY(m_session->hasToken());
    QCOMPARE(m_session->tokenSource(), Session::TokenSource::SessionOnly);
    QCOMPARE(m_session->editableToken(), secret);
    QVERIFY(!m_settings->rememberToken());
    m_settings->sync();
    QFile file(m_settings->fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(secret.toUtf8()));
}

void TestSettingsDialog::keychainFailureKeepsTheTokenForTheSession()
{
    if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QSKIP("A session bus is present: this would write to a real keychain.");
    QSignalSpy messages(m_session.get(), &Session::tokenMessage);
    m_session->setToken(QStringLiteral("token-for-this-session"), true);
    QVERIFY(messages.wait());
    const QList<QVariant> last = messages.takeLast();
    QVERIFY(last.at(1).toBool()); // a problem
    QVERIFY2(last.at(0).toString().contains(QLatin1String("this session only")),
             qPrintable(last.at(0).toString()));
    QCOMPARE(m_session->tokenSource(), Session::TokenSource::SessionOnly);
    QVERIFY(m_session->hasToken());
}

void TestSettingsDialog::demoModeExplainsAndLocksTheToken()
{
    QString error;
    const std::optional<GraphEndpoint> simulator
        = GraphEndpoint::make(QStringLiteral("http://127.0.0.1:1"), QStringLiteral("v1.0"), &error);
    QVERIFY2(simulator.has_value(), qPrintable(error));
    m_session->useFixedGraph(*simulator, QStringLiteral("simulator-token"));
    SettingsDialog dialog(m_session.get());
    QVERIFY(!dialog.tokenEdit()->isEnabled());
    QVERIFY(dialog.tokenEdit()->text().isEmpty()); // the simulator's token is not shown
    bool explained = false;
    for (const QLabel *label : dialog.findChildren<QLabel *>())
        explained = explained || label->text().contains(QLatin1String("Demo mode"));
    QVERIFY(explained);
    // Saved for normal runs, while the session stays on the simulator.
    dialog.rootEdit()->setText(QStringLiteral("https://graph.microsoft.com"));
    dialog.intervalBox()->setValue(45);
    dialog.inFlightBox()->setValue(2);
    dialog.accept();
    QCOMPARE(m_settings->refreshIntervalSeconds(), 45);
    // The polling settings apply to the simulator at once.
    QCOMPARE(m_session->monitor()->policy().refreshIntervalSeconds, 45);
    QCOMPARE(m_session->monitor()->policy().maxRequestsInFlight, 2);
    QCOMPARE(m_session->client()->endpoint().root().port(), 1);
}

void TestSettingsDialog::decompressionCapsAreSavedAndApplied()
{
    SettingsDialog dialog(m_session.get());
    QCOMPARE(dialog.maxInflatedBox()->value(), ScanLimits::InflatedGiB.defaultValue);
    QCOMPARE(dialog.maxRatioBox()->value(), ScanLimits::Ratio.defaultValue);
    QCOMPARE(dialog.maxInflatedBox()->maximum(), ScanLimits::InflatedGiB.maximum);
    QVERIFY(!dialog.maxRatioBox()->toolTip().isEmpty());
    dialog.maxInflatedBox()->setValue(3);
    dialog.maxRatioBox()->setValue(500);
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);

    QCOMPARE(m_settings->maxInflatedGiB(), 3);
    QCOMPARE(m_settings->maxInflationRatio(), 500);
    QCOMPARE(m_session->downloads()->scanLimits().maxInflatedBytes, qint64(3) << 30);
    QCOMPARE(m_session->downloads()->scanLimits().maxRatio, 500.0);
}

QTEST_MAIN(TestSettingsDialog)
void TestSettingsDialog::fixesUpGraphAddresses()
{
    SettingsDialog dialog(m_session.get());
    dialog.show();
    // A version in the address and a bare host are what analysts paste; both are fixed up.
    dialog.versionBox()->setCurrentText(QStringLiteral("beta"));
    dialog.rootEdit()->setText(QStringLiteral("https://graph.microsoft.com/v1.0/"));
    QVERIFY(okButton(dialog)->isEnabled());
    QVERIFY2(dialog.validationMessage().isEmpty(), qPrintable(dialog.validationMessage()));
    emit dialog.rootEdit()->editingFinished();
    QCOMPARE(dialog.rootEdit()->text(), QStringLiteral("https://graph.microsoft.com"));
    QCOMPARE(dialog.versionBox()->currentText(), QStringLiteral("v1.0"));

    dialog.rootEdit()->setText(QStringLiteral("graph.microsoft.com/beta"));
    QVERIFY(okButton(dialog)->isEnabled());
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(m_settings->graphRoot(), QStringLiteral("https://graph.microsoft.com"));
    QCOMPARE(m_settings->apiVersion(), QStringLiteral("beta"));

    QString version;
    QCOMPARE(GraphEndpoint::fixUpRoot(QStringLiteral(" localhost:8080 "), &version),
             QStringLiteral("http://localhost:8080"));
    QCOMPARE(GraphEndpoint::fixUpRoot(QStringLiteral("https://graph.microsoft.com/"), &version),
             QStringLiteral("https://graph.microsoft.com"));
    // Other paths are not guessed at: the refusal explains them.
    QCOMPARE(GraphEndpoint::fixUpRoot(QStringLiteral("https://graph.microsoft.com/v2"), &version),
             QStringLiteral("https://graph.microsoft.com/v2"));
}

void TestSettingsDialog::warnsOfAHostThatIsNotGraph()
{
    SettingsDialog dialog(m_session.get());
    dialog.show();
    dialog.rootEdit()->setText(QStringLiteral("https://graph.example.com"));
    QVERIFY(okButton(dialog)->isEnabled());
    QVERIFY2(dialog.validationMessage().contains(QStringLiteral("not a Microsoft Graph address")),
             qPrintable(dialog.validationMessage()));
    // The longest refusal is read whole: the dialog grows to fit it.
    dialog.rootEdit()->setText(QStringLiteral("http://graph.example.com"));
    auto *message = dialog.findChild<QLabel *>(QStringLiteral("graphRootError"));
    QVERIFY(message->isVisible());
    QTRY_VERIFY(message->height() >= message->heightForWidth(message->width()));
    QVERIFY(dialog.validationMessage().endsWith(QStringLiteral("https://graph.example.com.")));
}

void TestSettingsDialog::appearanceIsSaved()
{
    SettingsDialog dialog(m_session.get());
    QCOMPARE(dialog.languageBox()->count(), 3); // the system's, English, Czech
    QCOMPARE(dialog.languageBox()->currentIndex(), 0);
    QVERIFY(!dialog.closeToTrayBox()->isChecked());
    dialog.languageBox()->setCurrentIndex(dialog.languageBox()->findData(QStringLiteral("cs")));
    dialog.themeBox()->setCurrentIndex(dialog.themeBox()->count() - 1); // Dark
    dialog.closeToTrayBox()->setChecked(true);
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QCOMPARE(m_settings->language(), QStringLiteral("cs"));
    QCOMPARE(m_settings->theme(), QStringLiteral("dark"));
    QCOMPARE(m_settings->closeToTray(), true);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 100);
}

#include "tst_gui_settingsdialog.moc"
