#pragma once

#include "app/auth/signinflow.h"

#include <QTimer>
#include <QUrl>

class LoopbackReceiver;

// Sign-in in the system browser: authorization code with PKCE (S256) and state, redirected
// to a listener on 127.0.0.1 at a free port, then redeemed with the verifier. Widgets and
// the CLI open authorizeUrl() themselves (the core has no GUI); when they cannot, they offer
// a device code instead. Gives up after the timeout (5 minutes by default) or cancel().
class BrowserFlow final : public SignInFlow
{
    Q_OBJECT
public:
    static constexpr int DefaultTimeoutSeconds = 5 * 60;

    BrowserFlow(OAuthClient *oauth, const SignInConfig &config, QObject *parent = nullptr);
    ~BrowserFlow() override;

    void setTimeoutSeconds(int seconds) { m_timeoutSeconds = seconds; }
    // Listens and prepares the address; emits authorizeUrlReady() or failed().
    void start() override;
    QUrl authorizeUrl() const { return m_authorizeUrl; }

signals:
    void authorizeUrlReady(const QUrl &url);

private:
    void stop() override;
    void onReceived(const QUrlQuery &query);

    LoopbackReceiver *m_receiver;
    QTimer m_timeout;
    int m_timeoutSeconds = DefaultTimeoutSeconds;
    QByteArray m_verifier;
    QUrl m_authorizeUrl;
};
