#include "accountcommands.h"

#include "clisignin.h"
#include "operationprinter.h"

#include "app/auth/signinaccount.h"
#include "app/auth/tokenmanager.h"
#include "app/session.h"

#include <QJsonObject>

AccountCommand::AccountCommand(const CommandContext &context, QObject *parent)
    : CliCommand(context, parent)
{ }

void AccountCommand::start()
{
    const TokenManager *signIn = m_context.session->signIn();
    const SignInAccount account = signIn->account();
    const QString source = CliSignIn::sourceName(*m_context.session, m_context.environment);
    OperationPrinter *printer = m_context.printer;
    if (source == QLatin1String("none")) {
        if (m_context.options.json)
            printer->printJson({{QStringLiteral("signedIn"), false}});
        complain(QStringLiteral("not signed in: run billing-monitor-cli login, or set "
                                "AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET"));
        finish(ExitCode::AuthenticationRefused);
        return;
    }
    if (source == QLatin1String("BILLING_MONITOR_TOKEN")) {
        if (m_context.options.json)
            printer->printJson(
                {{QStringLiteral("signedIn"), true}, {QStringLiteral("source"), source}});
        else
            printer->printLine(QStringLiteral("Using the token in BILLING_MONITOR_TOKEN (it wins "
                                              "over any sign-in)."));
        finish(ExitCode::Success);
        return;
    }
    const QString expiry = account.tokenExpiresAt.isValid()
        ? account.tokenExpiresAt.toUTC().toString(Qt::ISODate)
        : QString();
    if (m_context.options.json) {
        printer->printJson({
            {QStringLiteral("signedIn"), true},
            {QStringLiteral("source"), source},
            {QStringLiteral("user"), account.userName},
            {QStringLiteral("appOnly"), account.isAppOnly()},
            {QStringLiteral("tenant"), account.config.tenant},
            {QStringLiteral("clientId"), account.config.clientId},
            {QStringLiteral("authority"), account.config.authority.toString()},
            {QStringLiteral("flow"), SignInAccount::flowKey(account.flow)},
            {QStringLiteral("tokenExpiresAt"), expiry},
            {QStringLiteral("secretKeptIn"), signIn->secretPlace()},
        });
    } else {
        const QList<std::pair<QString, QString>> rows {
            {QStringLiteral("Signed in as"),
             account.isAppOnly() ? QStringLiteral("app (no user)") : account.userName},
            {QStringLiteral("Tenant"), account.config.tenant},
            {QStringLiteral("Client id"), account.config.clientId},
            {QStringLiteral("Authority"), account.config.authority.toString()},
            {QStringLiteral("Flow"), SignInAccount::flowKey(account.flow)},
            {QStringLiteral("Token expires"),
             expiry.isEmpty() ? QStringLiteral("no token yet (one is fetched when needed)")
                              : expiry},
            {account.isAppOnly() ? QStringLiteral("Secret kept in")
                                 : QStringLiteral("Refresh token kept in"),
             signIn->secretPlace()},
            {QStringLiteral("From"),
             source == QLatin1String("environment") ? QStringLiteral("AZURE_* variables")
                                                    : QStringLiteral("login")},
        };
        for (const auto &[label, value] : rows)
            printer->printLine(
                QStringLiteral("%1 %2").arg(label + QLatin1Char(':'), -22).arg(value));
    }
    finish(ExitCode::Success);
}

void AccountCommand::interrupt()
{
    finish(ExitCode::Interrupted);
}

LogoutCommand::LogoutCommand(const CommandContext &context, QObject *parent)
    : CliCommand(context, parent)
{ }

void LogoutCommand::start()
{
    TokenManager *signIn = m_context.session->signIn();
    // The stored account, not the environment credential: that one lives in variables.
    signIn->useAccount(m_context.session->accountSettings()->account());
    const bool wasSignedIn = signIn->state() != TokenManager::State::SignedOut;
    connect(signIn, &TokenManager::keychainProblem, this,
            [this](const QString &message) { complain(message); });
    connect(signIn, &TokenManager::signedOut, this, [this, wasSignedIn] {
        *m_context.err << (wasSignedIn ? "Signed out.\n" : "Nobody was signed in.\n");
        m_context.err->flush();
        finish(ExitCode::Success);
    });
    signIn->signOut();
}

void LogoutCommand::interrupt()
{
    finish(ExitCode::Interrupted);
}
