#pragma once

#include "app/auth/oauthclient.h"
#include "app/auth/signinaccount.h"
#include "app/auth/signinerror.h"

#include <QObject>

// One interactive sign-in (browser or device code) from start to a token or an error. Ends
// with exactly one of succeeded() or failed(); the TokenManager then adopts the tokens.
class SignInFlow : public QObject
{
    Q_OBJECT
public:
    virtual void start() = 0;
    // Stops it; failed() reports Kind::Cancelled.
    void cancel();
    bool isFinished() const { return m_finished; }
    SignInConfig config() const { return m_config; }

signals:
    void succeeded(const SignInAccount &account, const TokenResponse &tokens);
    void failed(const SignInError &error);

protected:
    SignInFlow(OAuthClient *oauth, const SignInConfig &config, SignInAccount::Flow flow,
               QObject *parent);
    // Stops timers, listeners and requests; called once when the flow ends.
    virtual void stop() { }
    // Redeems a grant at the token endpoint and ends the flow with its answer.
    void redeem(const QUrlQuery &form);
    void succeed(const TokenResponse &tokens);
    void fail(const SignInError &error);

    OAuthClient *m_oauth;
    SignInConfig m_config;

private:
    SignInAccount::Flow m_flow;
    bool m_finished = false;
};
