#pragma once

#include "clicommand.h"

#include <QPointer>

class SignInFlow;
struct SignInAccount;
struct SignInConfig;
struct SignInError;
struct TokenResponse;

// login [--tenant T] [--client-id ID] [--device-code]: a delegated sign-in in the browser,
// or with a device code when asked or when no browser can open. Instructions go to stderr;
// the account is shared with the app. Exit codes: 0 signed in, 2 usage, 4 refused
// (declined, expired code, an AADSTS error), 5 network.
class LoginCommand final : public CliCommand
{
    Q_OBJECT
public:
    explicit LoginCommand(const CommandContext &context, QObject *parent = nullptr);
    void start() override;
    void interrupt() override;

private:
    void startBrowser(const SignInConfig &config);
    void startDeviceCode(const SignInConfig &config);
    void watch(SignInFlow *flow);
    void onSucceeded(const SignInAccount &account, const TokenResponse &tokens);
    void onFailed(const SignInError &error);
    void say(const QString &text);

    QPointer<SignInFlow> m_flow;
};
