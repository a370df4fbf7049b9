#include "signindialog.h"

#include "app/auth/browserflow.h"
#include "app/auth/signinaccount.h"
#include "app/auth/tokenmanager.h"
#include "app/session.h"
#include "signinconfigform.h"

#include <QApplication>
#include <QButtonGroup>
#include <QClipboard>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QVBoxLayout>

SignInDialog::SignInDialog(Session *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_openUrl([](const QUrl &url) { return QDesktopServices::openUrl(url); })
    , m_methods(new QButtonGroup(this))
    , m_pages(new QStackedWidget)
    , m_prompt(new QLabel)
    , m_userCode(new QLabel)
    , m_link(new QLabel)
    , m_countdown(new QLabel)
    , m_copyCode(new QPushButton(tr("&Copy code")))
    , m_useSecret(new QRadioButton(tr("Client &secret")))
    , m_secret(new QLineEdit)
    , m_certificate(new QLineEdit)
    , m_status(new QLabel)
    , m_error(new QLabel)
    , m_copyDetails(new QPushButton(tr("Copy &details")))
    , m_start(new QPushButton(tr("&Sign in")))
    , m_close(new QPushButton(tr("Close")))
{
    setWindowTitle(tr("Sign in to Microsoft"));
    setObjectName(QStringLiteral("signInDialog"));

    // Which registration: tenant, client id, and (rarely) the authority.
    m_registration = new SignInConfigForm(session->accountSettings());

    // How: three ways, one page each.
    auto *how = new QGroupBox(tr("Sign in with"));
    auto *howLayout = new QVBoxLayout(how);
    auto *methodRow = new QHBoxLayout;
    const QList<std::pair<Method, QString>> methods {
        {Method::Browser, tr("&Browser")},
        {Method::DeviceCode, tr("&Device code")},
        {Method::AppOnly, tr("A&pp only (automation)")},
    };
    for (const auto &[method, text] : methods) {
        auto *button = new QRadioButton(text);
        m_methods->addButton(button, int(method));
        methodRow->addWidget(button);
    }
    methodRow->addStretch();
    howLayout->addLayout(methodRow);

    auto *browserPage = new QLabel(tr("Your web browser opens Microsoft's sign-in page. After "
                                      "you sign in there, come back here."));
    browserPage->setWordWrap(true);

    auto *devicePage = new QWidget;
    auto *deviceLayout = new QVBoxLayout(devicePage);
    deviceLayout->setContentsMargins(0, 0, 0, 0);
    m_prompt->setWordWrap(true);
    m_prompt->setText(tr("Sign in on any device with a browser: you get a code to enter at "
                         "Microsoft's page. Use this over remote sessions or when no browser "
                         "opens here."));
    m_userCode->setObjectName(QStringLiteral("userCode"));
    m_userCode->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont codeFont = m_userCode->font();
    codeFont.setPointSizeF(codeFont.pointSizeF() * 1.8);
    codeFont.setBold(true);
    codeFont.setFamily(QStringLiteral("monospace"));
    m_userCode->setFont(codeFont);
    m_link->setOpenExternalLinks(true);
    m_link->setTextFormat(Qt::RichText);
    auto *codeRow = new QHBoxLayout;
    codeRow->addWidget(m_userCode);
    codeRow->addWidget(m_copyCode);
    codeRow->addStretch();
    m_copyCode->setVisible(false);
    connect(m_copyCode, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_devicePrompt.userCode);
        m_status->setText(tr("Code copied."));
    });
    deviceLayout->addWidget(m_prompt);
    deviceLayout->addLayout(codeRow);
    deviceLayout->addWidget(m_link);
    deviceLayout->addWidget(m_countdown);
    m_countdownTimer.setInterval(1000);
    connect(&m_countdownTimer, &QTimer::timeout, this, &SignInDialog::tick);

    auto *appPage = new QWidget;
    auto *appLayout = new QFormLayout(appPage);
    auto *useCertificate = new QRadioButton(tr("&Certificate"));
    m_useSecret->setChecked(true);
    m_secret->setObjectName(QStringLiteral("clientSecret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("kept in the system keychain, never in a file"));
    m_certificate->setObjectName(QStringLiteral("certificatePath"));
    m_certificate->setPlaceholderText(tr("PEM file with the certificate and its private key"));
    auto *browse = new QPushButton(tr("Browse…"));
    connect(browse, &QPushButton::clicked, this, [this, useCertificate] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Certificate"), {}, tr("PEM files (*.pem *.crt *.key);;All files (*)"));
        if (!path.isEmpty()) {
            m_certificate->setText(path);
            useCertificate->setChecked(true);
        }
    });
    auto *certificateRow = new QHBoxLayout;
    certificateRow->addWidget(m_certificate, 1);
    certificateRow->addWidget(browse);
    appLayout->addRow(m_useSecret, m_secret);
    appLayout->addRow(useCertificate, certificateRow);

    m_pages->addWidget(browserPage);
    m_pages->addWidget(devicePage);
    m_pages->addWidget(appPage);
    howLayout->addWidget(m_pages);
    connect(m_methods, &QButtonGroup::idClicked, this, [this](int id) {
        stopFlow();
        m_pages->setCurrentIndex(id);
        m_start->setText(id == int(Method::DeviceCode) ? tr("&Get a code") : tr("&Sign in"));
    });

    m_status->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("signInError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText); // server text is shown as text
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: palette(link-visited)"));
    m_copyDetails->setVisible(false);
    connect(m_copyDetails, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_lastError.details()); });

    auto *buttons = new QDialogButtonBox;
    m_start->setObjectName(QStringLiteral("startSignIn"));
    m_start->setDefault(true);
    buttons->addButton(m_start, QDialogButtonBox::ActionRole);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    connect(m_start, &QPushButton::clicked, this, &SignInDialog::start);
    connect(m_close, &QPushButton::clicked, this, &SignInDialog::reject);

    auto *errorRow = new QHBoxLayout;
    errorRow->addWidget(m_error, 1);
    errorRow->addWidget(m_copyDetails, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_registration);
    layout->addWidget(how);
    layout->addWidget(m_status);
    layout->addLayout(errorRow);
    layout->addStretch();
    layout->addWidget(buttons);

    TokenManager *signIn = session->signIn();
    connect(signIn, &TokenManager::signedIn, this, [this] {
        if (m_waitingForAppOnly)
            finishSignIn();
    });
    connect(signIn, &TokenManager::signInFailed, this, [this](const SignInError &error) {
        if (!m_waitingForAppOnly)
            return;
        m_waitingForAppOnly = false;
        showError(error);
    });
    // No display (a remote session): the browser cannot open here.
    const bool canOpenBrowser = !qEnvironmentVariableIsEmpty("DISPLAY")
        || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || QGuiApplication::platformName() != QLatin1String("xcb");
    setMethod(canOpenBrowser ? Method::Browser : Method::DeviceCode);
    resize(560, sizeHint().height());
}

SignInDialog::~SignInDialog()
{
    stopFlow();
}

void SignInDialog::setMethod(Method method)
{
    m_methods->button(int(method))->setChecked(true);
    m_pages->setCurrentIndex(int(method));
    m_start->setText(method == Method::DeviceCode ? tr("&Get a code") : tr("&Sign in"));
}

void SignInDialog::start()
{
    stopFlow();
    m_error->clear();
    m_copyDetails->setVisible(false);
    QString why;
    const std::optional<SignInConfig> config = SignInConfig::make(
        m_registration->authorityEdit()->text(), m_registration->tenantEdit()->text(),
        m_registration->clientIdEdit()->text(), &why);
    if (!config) {
        showError(SignInError::make(SignInError::Kind::Configuration, why));
        return;
    }
    m_registration->save();
    const Method method = Method(m_methods->checkedId());
    if (method == Method::AppOnly) {
        SignInAccount account;
        account.config = *config;
        QString secret;
        if (m_useSecret->isChecked()) {
            account.flow = SignInAccount::Flow::ClientSecret;
            secret = m_secret->text();
            if (secret.isEmpty()) {
                showError(SignInError::make(SignInError::Kind::Configuration,
                                            tr("Enter the client secret's value.")));
                return;
            }
        } else {
            account.flow = SignInAccount::Flow::Certificate;
            account.certificatePath = m_certificate->text().trimmed();
            if (account.certificatePath.isEmpty()) {
                showError(SignInError::make(SignInError::Kind::Configuration,
                                            tr("Choose the certificate file.")));
                return;
            }
        }
        m_waitingForAppOnly = true;
        setBusy(true, tr("Signing in…"));
        m_session->signIn()->signInAppOnly(account, secret);
        m_secret->clear(); // typed once; from now on only the keychain has it
        return;
    }
    if (method == Method::Browser) {
        auto *flow = new BrowserFlow(m_session->oauth(), *config, this);
        watch(flow);
        connect(flow, &BrowserFlow::authorizeUrlReady, this, [this, flow](const QUrl &url) {
            if (m_openUrl(url)) {
                setBusy(true, tr("Waiting for the sign-in in your browser…"));
                return;
            }
            // No browser: the device code needs none on this computer.
            disconnect(flow, nullptr, this, nullptr);
            flow->cancel();
            flow->deleteLater();
            setMethod(Method::DeviceCode);
            m_status->setText(tr("No web browser could be opened; sign in with a code instead."));
            start();
        });
        flow->start();
        return;
    }
    auto *flow = new DeviceCodeFlow(m_session->oauth(), *config, this);
    watch(flow);
    connect(flow, &DeviceCodeFlow::promptReady, this, &SignInDialog::showPrompt);
    setBusy(true, tr("Asking for a code…"));
    flow->start();
}

void SignInDialog::watch(SignInFlow *flow)
{
    m_flow = flow;
    connect(flow, &SignInFlow::succeeded, this,
            [this](const SignInAccount &account, const TokenResponse &tokens) {
                m_session->signIn()->adoptSignIn(account, tokens);
                finishSignIn();
            });
    connect(flow, &SignInFlow::failed, this, [this](const SignInError &error) {
        if (error.kind == SignInError::Kind::Cancelled) {
            setBusy(false);
            return;
        }
        showError(error);
    });
}

void SignInDialog::showPrompt(const DeviceCodePrompt &prompt)
{
    m_devicePrompt = prompt;
    m_prompt->setText(prompt.message);
    m_userCode->setText(prompt.userCode);
    m_copyCode->setVisible(true);
    m_link->setText(
        QStringLiteral("<a href=\"%1\">%2</a>")
            .arg(prompt.verificationUri.toHtmlEscaped(), prompt.verificationUri.toHtmlEscaped()));
    setBusy(true, tr("Waiting for the sign-in on the other device…"));
    tick();
    m_countdownTimer.start();
}

void SignInDialog::tick()
{
    const qint64 left = QDateTime::currentDateTimeUtc().secsTo(m_devicePrompt.expiresAt);
    if (left <= 0) {
        m_countdown->setText(tr("The code has expired."));
        m_countdownTimer.stop();
        return;
    }
    m_countdown->setText(
        tr("The code expires in %1:%2.").arg(left / 60).arg(left % 60, 2, 10, QLatin1Char('0')));
}

void SignInDialog::showError(const SignInError &error)
{
    setBusy(false);
    m_countdownTimer.stop();
    m_lastError = error;
    m_error->setText(error.explanation());
    m_copyDetails->setVisible(error.kind == SignInError::Kind::Refused);
    m_status->setText(error.kind == SignInError::Kind::Configuration
                          ? QString()
                          : tr("Nothing was changed. Correct what is needed and sign in again."));
}

void SignInDialog::setBusy(bool busy, const QString &status)
{
    m_status->setText(status);
    m_start->setEnabled(!busy);
    m_close->setText(busy ? tr("Cancel") : tr("Close"));
}

void SignInDialog::stopFlow()
{
    m_countdownTimer.stop();
    if (m_flow && !m_flow->isFinished())
        m_flow->cancel();
    if (m_flow)
        m_flow->deleteLater();
    m_flow = nullptr;
}

void SignInDialog::finishSignIn()
{
    m_waitingForAppOnly = false;
    m_countdownTimer.stop();
    accept();
}

void SignInDialog::reject()
{
    // The first Cancel stops a sign-in in progress; the next closes.
    if (!m_start->isEnabled()) {
        stopFlow();
        m_waitingForAppOnly = false;
        setBusy(false, tr("Cancelled."));
        return;
    }
    QDialog::reject();
}
