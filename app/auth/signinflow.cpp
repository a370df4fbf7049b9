#include "app/auth/signinflow.h"

#include "app/auth/jwt.h"

SignInFlow::SignInFlow(OAuthClient *oauth, const SignInConfig &config, SignInAccount::Flow flow,
                       QObject *parent)
    : QObject(parent)
    , m_oauth(oauth)
    , m_config(config)
    , m_flow(flow)
{ }

void SignInFlow::cancel()
{
    fail(SignInError::make(SignInError::Kind::Cancelled, {}));
}

void SignInFlow::redeem(const QUrlQuery &form)
{
    m_oauth->requestToken(m_config.tokenEndpoint(), form, this,
                          [this](const TokenResponse &tokens, const SignInError &error) {
                              if (error.isNull())
                                  succeed(tokens);
                              else
                                  fail(error);
                          });
}

void SignInFlow::succeed(const TokenResponse &tokens)
{
    if (m_finished)
        return;
    m_finished = true;
    stop();
    SignInAccount account;
    account.flow = m_flow;
    account.config = m_config;
    // Who signed in, for the account button and `account`; the id token came straight from
    // Entra ID over the connection that answered the token request.
    const QJsonObject claims = Jwt::unverifiedClaims(tokens.idToken);
    account.userName = claims.value(QLatin1String("preferred_username")).toString();
    if (account.userName.isEmpty())
        account.userName = claims.value(QLatin1String("upn")).toString();
    account.tokenExpiresAt = tokens.expiresAt();
    emit succeeded(account, tokens);
}

void SignInFlow::fail(const SignInError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    stop();
    emit failed(error);
}
