#pragma once

#include "app/auth/signinflow.h"

#include <QDateTime>
#include <QTimer>

// What the user needs to finish a device-code sign-in on another device.
struct DeviceCodePrompt
{
    QString userCode;
    QString verificationUri;
    QString message; // Entra ID's own sentence, with the link and the code
    QDateTime expiresAt; // UTC
};

// Sign-in with a device code (RFC 8628): ask for a code, show it, poll the token endpoint at
// `interval` until the user has signed in elsewhere. authorization_pending keeps polling,
// slow_down adds 5 s for the rest of the flow; a decline, an expired or unknown code end it.
// The interval is kept within MaxIntervalSeconds whatever the answer says: a code lives
// about 15 minutes, so a longer wait could only miss the user's sign-in.
class DeviceCodeFlow final : public SignInFlow
{
    Q_OBJECT
public:
    DeviceCodeFlow(OAuthClient *oauth, const SignInConfig &config, QObject *parent = nullptr);

    static constexpr int MaxIntervalSeconds = 300;

    void start() override;
    int intervalSeconds() const { return m_interval; }
    DeviceCodePrompt prompt() const { return m_prompt; }

signals:
    void promptReady(const DeviceCodePrompt &prompt);

private:
    void stop() override;
    void poll();
    void onPolled(const QJsonObject &answer, const SignInError &error);

    QTimer m_pollTimer;
    QString m_deviceCode;
    DeviceCodePrompt m_prompt;
    int m_interval = 5;
};
