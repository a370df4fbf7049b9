#include "clisignin.h"

#include "clienvironment.h"
#include "clioptions.h"

#include "app/auth/signinaccount.h"
#include "app/auth/tokenmanager.h"
#include "app/session.h"

namespace CliSignIn {

QString authority(const CliOptions &options, const CliEnvironment &environment)
{
    return options.authorityUrl.isEmpty() ? environment.credential.authorityHost
                                          : options.authorityUrl;
}

bool configure(Session &session, const CliOptions &options, const CliEnvironment &environment,
               QString *error)
{
    TokenManager *signIn = session.signIn();
    signIn->setWaitForSignIn(false);
    const QString authorityText = authority(options, environment);
    if (!authorityText.isEmpty()) {
        // Checked even when unused, so a typo never waits for the day it matters.
        QString why;
        if (!SignInConfig::makeAuthority(authorityText, &why)) {
            *error = (options.authorityUrl.isEmpty()
                          ? QLatin1String(EnvironmentCredential::AuthorityVariable)
                          : QStringLiteral("--authority-url"))
                + QStringLiteral(": ") + why;
            return false;
        }
    }
    if (!environment.token.isEmpty())
        return true;
    const EnvironmentCredential &credential = environment.credential;
    if (credential.isComplete() && options.command != CliOptions::Command::Login) {
        const std::optional<SignInAccount> account
            = credential.account(options.authorityUrl, error);
        if (!account)
            return false;
        signIn->useAccount(*account, credential.secret, false);
        return true;
    }
    signIn->useAccount(session.accountSettings()->account());
    return true;
}

QString sourceName(const Session &session, const CliEnvironment &environment)
{
    if (!environment.token.isEmpty())
        return QStringLiteral("BILLING_MONITOR_TOKEN");
    const TokenManager *signIn = session.signIn();
    if (signIn->state() == TokenManager::State::SignedOut)
        return QStringLiteral("none");
    return signIn->isPersistent() ? QStringLiteral("account") : QStringLiteral("environment");
}

} // namespace CliSignIn
