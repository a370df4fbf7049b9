#include "app/appsettings.h"
#include "app/auth/memorysecretstore.h"
#include "app/auth/signinaccount.h"
#include "app/auth/tokenmanager.h"
#include "app/graph/graphclient.h"
#include "app/graph/graphendpoint.h"
#include "app/session.h"
#include "app/simulator/graphsimulator.h"
#include "models/timetext.h"
#include "ui/accountbutton.h"
#include "ui/messagebanner.h"
#include "ui/signinconfigform.h"
#include "ui/signindialog.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>

// The sign-in dialog and the account button against the simulator's Entra ID: a device code
// with its code, Copy and countdown; the browser (the test follows the authorize redirect
// into the dialog's listener); app-only with a secret, a refused one explained with Copy
// details; and the "Sign in again" banner that appears when renewal is refused and goes
// once signed in again.
class TestSignInDialog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void deviceCodeShowsTheCodeAndSignsIn();
    void browserSignsInThroughTheRedirect();
    void wrongSecretIsExplainedWithCopyDetails();
    void secretIsKeptInTheKeychainOnly();
    void badConfigurationIsRefusedBeforeAnyRequest();
    void signInAgainBannerComesAndGoes();

private:
    void fillIn(SignInDialog &dialog) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<AccountSettings> m_accounts;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<GraphSimulator> m_graph;
    std::unique_ptr<Session> m_session;
};

void TestSignInDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<AppSettings>(m_dir->filePath(QStringLiteral("settings.ini")));
    m_accounts = std::make_unique<AccountSettings>(m_dir->filePath(QStringLiteral("account.ini")));
    m_secrets = std::make_unique<MemorySecretStore>();
    m_graph = std::make_unique<GraphSimulator>();
    QVERIFY(m_graph->start());
    m_session
        = std::make_unique<Session>(m_settings.get(), nullptr, m_secrets.get(), m_accounts.get());
    QString error;
    const std::optional<GraphEndpoint> endpoint = GraphEndpoint::make(
        m_graph->rootUrl().toString(), QLatin1String(GraphEndpoint::DefaultVersion), &error);
    QVERIFY2(endpoint, qPrintable(error));
    m_session->useFixedGraph(*endpoint, QString());
}

void TestSignInDialog::cleanup()
{
    m_session.reset();
    m_graph.reset();
    m_secrets.reset();
    m_accounts.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestSignInDialog::fillIn(SignInDialog &dialog) const
{
    dialog.registration()->tenantEdit()->setText(QLatin1String(EntraSimulator::TenantDomain));
    dialog.registration()->clientIdEdit()->setText(QLatin1String(EntraSimulator::ClientId));
    dialog.findChild<QLineEdit *>(QStringLiteral("authority"))
        ->setText(m_graph->authorityUrl().toString());
}

void TestSignInDialog::deviceCodeShowsTheCodeAndSignsIn()
{
    AccountButton button(m_session.get());
    QCOMPARE(button.text(), QStringLiteral("Sign in…"));
    SignInDialog dialog(m_session.get());
    fillIn(dialog);
    dialog.setMethod(SignInDialog::Method::DeviceCode);
    dialog.show();
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::mouseClick(dialog.startButton(), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&] { return !dialog.userCodeLabel()->text().isEmpty(); }, 5000));
    const QString code = dialog.userCodeLabel()->text();
    QCOMPARE(code.size(), 9);
    QVERIFY(!dialog.startButton()->isEnabled());
    const auto labels = dialog.findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.begin(), labels.end(), [](QLabel *label) {
        return label->text().contains(QStringLiteral("expires in 1"));
    }));
    for (QPushButton *copy : dialog.findChildren<QPushButton *>()) {
        if (copy->text() == QStringLiteral("&Copy code"))
            QTest::mouseClick(copy, Qt::LeftButton);
    }
    QCOMPARE(QApplication::clipboard()->text(), code);
    // The README's screenshot, when asked for: SIGNIN_SCREENSHOT=resources/screenshot-signin.png.
    if (const QString shot = qEnvironmentVariable("SIGNIN_SCREENSHOT"); !shot.isEmpty())
        QVERIFY2(dialog.grab().save(shot), qPrintable(shot));

    QVERIFY(accepted.wait(10000));
    QCOMPARE(m_session->signIn()->state(), TokenManager::State::SignedIn);
    QCOMPARE(button.text(), QLatin1String(EntraSimulator::UserName));
    // The menu's arrow has room of its own beside the name.
    QVERIFY(button.sizeHint().width() >= button.fontMetrics().horizontalAdvance(button.text())
                + button.style()->pixelMetric(QStyle::PM_MenuButtonIndicator, nullptr, &button));
    // In the window's one time format, like the table and "next check" beside it.
    QCOMPARE(button.renewalLabel()->text(),
             QStringLiteral("Sign-in renews at %1")
                 .arg(TimeText::localShort(m_session->signIn()->renewsAt())));
    // The account facts are shared with the CLI; the refresh token went to the keychain.
    QVERIFY(QTest::qWaitFor([&] { return m_accounts->account().secretInKeychain; }, 5000));
    QCOMPARE(m_accounts->account().userName, QLatin1String(EntraSimulator::UserName));
    QCOMPARE(m_secrets->entries.size(), 1);
}

void TestSignInDialog::browserSignsInThroughTheRedirect()
{
    m_graph->entra().setAutoApprove(true);
    SignInDialog dialog(m_session.get());
    fillIn(dialog);
    dialog.setMethod(SignInDialog::Method::Browser);
    QNetworkAccessManager browser;
    browser.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    QByteArray landed;
    dialog.setUrlOpener([&](const QUrl &url) {
        QNetworkReply *reply = browser.get(QNetworkRequest(url));
        connect(reply, &QNetworkReply::finished, this, [&landed, reply] {
            landed = reply->readAll();
            reply->deleteLater();
        });
        return true;
    });
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.show();
    QTest::mouseClick(dialog.startButton(), Qt::LeftButton);
    QVERIFY(accepted.wait(10000));
    QVERIFY(QTest::qWaitFor([&] { return !landed.isEmpty(); }, 5000));
    QVERIFY2(landed.contains("You are signed in"), landed.constData());
    QCOMPARE(m_session->signIn()->account().flow, SignInAccount::Flow::Browser);
}

void TestSignInDialog::wrongSecretIsExplainedWithCopyDetails()
{
    SignInDialog dialog(m_session.get());
    fillIn(dialog);
    dialog.setMethod(SignInDialog::Method::AppOnly);
    dialog.secretEdit()->setText(QStringLiteral("wrong-secret"));
    dialog.show();
    QTest::mouseClick(dialog.startButton(), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&] { return !dialog.errorLabel()->text().isEmpty(); }, 5000));
    QVERIFY2(dialog.errorLabel()->text().contains(QStringLiteral("client secret is wrong")),
             qPrintable(dialog.errorLabel()->text()));
    QVERIFY(dialog.detailsForCopy().contains(QStringLiteral("Correlation ID")));
    QVERIFY(!dialog.detailsForCopy().contains(QStringLiteral("wrong-secret")));
    QVERIFY(dialog.startButton()->isEnabled());
    QVERIFY(dialog.isVisible());
    QVERIFY(m_secrets->entries.isEmpty());
}

void TestSignInDialog::secretIsKeptInTheKeychainOnly()
{
    SignInDialog dialog(m_session.get());
    fillIn(dialog);
    dialog.setMethod(SignInDialog::Method::AppOnly);
    dialog.secretEdit()->setText(m_graph->entra().clientSecret());
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.show();
    QTest::mouseClick(dialog.startButton(), Qt::LeftButton);
    QVERIFY(accepted.wait(5000));
    QVERIFY(dialog.secretEdit()->text().isEmpty());
    QVERIFY(QTest::qWaitFor([&] { return m_accounts->account().secretInKeychain; }, 5000));
    QCOMPARE(m_secrets->entries.value(m_accounts->account().secretKey()),
             m_graph->entra().clientSecret());
    m_accounts->sync();
    QFile file(m_dir->filePath(QStringLiteral("account.ini")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(m_graph->entra().clientSecret().toUtf8()));
}

void TestSignInDialog::badConfigurationIsRefusedBeforeAnyRequest()
{
    SignInDialog dialog(m_session.get());
    fillIn(dialog);
    dialog.findChild<QLineEdit *>(QStringLiteral("authority"))
        ->setText(QStringLiteral("https://login.chinacloudapi.cn"));
    dialog.show();
    QTest::mouseClick(dialog.startButton(), Qt::LeftButton);
    QVERIFY2(dialog.errorLabel()->text().contains(QStringLiteral("China")),
             qPrintable(dialog.errorLabel()->text()));
    QCOMPARE(m_graph->requestCount(), 0);
}

void TestSignInDialog::signInAgainBannerComesAndGoes()
{
    AccountButton button(m_session.get());
    SignInAccount user;
    user.flow = SignInAccount::Flow::DeviceCode;
    user.userName = QLatin1String(EntraSimulator::UserName);
    user.secretInKeychain = true;
    user.config = *SignInConfig::make(m_graph->authorityUrl().toString(),
                                      QLatin1String(EntraSimulator::TenantDomain),
                                      QLatin1String(EntraSimulator::ClientId), nullptr);
    m_secrets->entries.insert(user.secretKey(), m_graph->entra().issueRefreshToken());
    m_graph->entra().setRefreshRefusal(700082);
    m_session->signIn()->useAccount(user);
    QCOMPARE(button.text(), QLatin1String(EntraSimulator::UserName));

    const QString id = m_graph->addOperation({});
    GraphCall *call = m_session->client()->get(m_session->client()->endpoint().operationUrl(id));
    QSignalSpy finished(call, &GraphCall::finished);
    QVERIFY(QTest::qWaitFor([&] { return !button.banner()->isHidden(); }, 5000));
    QVERIFY2(button.banner()->text().contains(QStringLiteral("Sign in again")),
             qPrintable(button.banner()->text()));
    QVERIFY(button.banner()->text().contains(QStringLiteral("inactivity")));
    QCOMPARE(finished.count(), 0); // waiting, not failed

    m_graph->entra().setRefreshRefusal(0);
    button.showSignInDialog();
    auto *dialog = button.window()->findChild<SignInDialog *>();
    if (!dialog) {
        const auto top = QApplication::topLevelWidgets();
        for (QWidget *widget : top) {
            if (auto *found = qobject_cast<SignInDialog *>(widget))
                dialog = found;
        }
    }
    QVERIFY(dialog);
    QCOMPARE(dialog->registration()->tenantEdit()->text(),
             QString()); // nothing configured in this test
    fillIn(*dialog);
    dialog->setMethod(SignInDialog::Method::DeviceCode);
    QTest::mouseClick(dialog->startButton(), Qt::LeftButton);
    QVERIFY(finished.wait(15000));
    QVERIFY(button.banner()->isHidden());
    QCOMPARE(m_session->signIn()->state(), TokenManager::State::SignedIn);
}

QTEST_MAIN(TestSignInDialog)
#include "tst_gui_signindialog.moc"
