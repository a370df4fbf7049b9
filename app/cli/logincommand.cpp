#include "logincommand.h"

#include "clienvironment.h"
#include "clioptions.h"
#include "clisignin.h"

#include "app/auth/browserflow.h"
#include "app/auth/devicecodeflow.h"
#include "app/auth/tokenmanager.h"
#include "app/session.h"

#include <QProcess>
#include <QTextStream>

namespace {

// $BROWSER when set (as Python's webbrowser and xdg-open read it), else xdg-open.
bool openBrowser(const QUrl &url)
{
    QStringList command = QProcess::splitCommand(qEnvironmentVariable("BROWSER"));
    if (command.isEmpty())
        command = {QStringLiteral("xdg-open")};
    const QString program = command.takeFirst();
    return QProcess::startDetached(program, command << url.toString(QUrl::FullyEncoded));
}

} // namespace

LoginCommand::LoginCommand(const CommandContext &context, QObject *parent)
    : CliCommand(context, parent)
{ }

void LoginCommand::say(const QString &text)
{
    *m_context.err << text << '\n';
    m_context.err->flush();
}

void LoginCommand::start()
{
    AccountSettings *settings = m_context.session->accountSettings();
    const CliOptions &options = m_context.options;
    const EnvironmentCredential &credential = m_context.environment.credential;
    const auto pick = [](const QString &flag, const QString &variable, const QString &last) {
        return !flag.isEmpty() ? flag : !variable.isEmpty() ? variable : last;
    };
    const QString tenant = pick(options.tenant, credential.tenant, settings->tenant());
    const QString clientId = pick(options.clientId, credential.clientId, settings->clientId());
    const QString authority
        = pick(CliSignIn::authority(options, m_context.environment), {}, settings->authority());
    QString error;
    const std::optional<SignInConfig> config
        = SignInConfig::make(authority, tenant, clientId, &error);
    if (!config) {
        complain(QStringLiteral("login: ") + error);
        finish(ExitCode::Usage);
        return;
    }
    settings->setConfiguration(tenant, clientId, authority);
    if (!m_context.environment.token.isEmpty())
        say(QStringLiteral("Note: BILLING_MONITOR_TOKEN is set and wins over this sign-in "
                           "until it is unset."));
    if (options.deviceCode || !m_context.environment.canOpenBrowser)
        startDeviceCode(*config);
    else
        startBrowser(*config);
}

void LoginCommand::startBrowser(const SignInConfig &config)
{
    auto *flow = new BrowserFlow(m_context.session->oauth(), config, this);
    watch(flow);
    connect(flow, &BrowserFlow::authorizeUrlReady, this, [this, flow, config](const QUrl &url) {
        if (!openBrowser(url)) {
            say(QStringLiteral("No web browser could be opened; signing in with a device code "
                               "instead."));
            disconnect(flow, nullptr, this, nullptr);
            flow->cancel();
            flow->deleteLater();
            startDeviceCode(config);
            return;
        }
        say(QStringLiteral("A web browser has been opened at %1\nContinue the sign-in in the "
                           "web browser. If no web browser is available, use login "
                           "--device-code.")
                .arg(url.toString(QUrl::RemoveQuery)));
    });
    flow->start();
}

void LoginCommand::startDeviceCode(const SignInConfig &config)
{
    auto *flow = new DeviceCodeFlow(m_context.session->oauth(), config, this);
    watch(flow);
    connect(flow, &DeviceCodeFlow::promptReady, this, [this](const DeviceCodePrompt &prompt) {
        say(prompt.message);
        say(QStringLiteral("The code expires at %1 UTC.")
                .arg(prompt.expiresAt.toUTC().toString(QStringLiteral("HH:mm:ss"))));
    });
    flow->start();
}

void LoginCommand::watch(SignInFlow *flow)
{
    m_flow = flow;
    connect(flow, &SignInFlow::succeeded, this, &LoginCommand::onSucceeded);
    connect(flow, &SignInFlow::failed, this, &LoginCommand::onFailed);
}

void LoginCommand::onSucceeded(const SignInAccount &account, const TokenResponse &tokens)
{
    TokenManager *signIn = m_context.session->signIn();
    // The account is written once the keychain has answered about the refresh token.
    connect(signIn, &TokenManager::keychainProblem, this,
            [this](const QString &message) { complain(message); });
    connect(signIn, &TokenManager::accountChanged, this, [this](const SignInAccount &kept) {
        say(QStringLiteral("Signed in as %1.").arg(kept.displayName()));
        finish(ExitCode::Success);
    });
    signIn->adoptSignIn(account, tokens);
}

void LoginCommand::onFailed(const SignInError &error)
{
    if (error.kind == SignInError::Kind::Cancelled) {
        finish(ExitCode::Interrupted);
        return;
    }
    complain(QStringLiteral("login: ") + error.explanation());
    const QString details = error.details();
    if (error.kind == SignInError::Kind::Refused && !details.isEmpty())
        say(details);
    finish(CliExit::forSignInError(error));
}

void LoginCommand::interrupt()
{
    if (m_flow)
        m_flow->cancel();
    finish(ExitCode::Interrupted);
}
