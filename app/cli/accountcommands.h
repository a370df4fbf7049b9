#pragma once

#include "clicommand.h"

// account: who is signed in (user or app), tenant, client id, flow, token expiry, and
// where the refresh token or secret is kept. Exit code 4 when nobody is.
class AccountCommand final : public CliCommand
{
    Q_OBJECT
public:
    explicit AccountCommand(const CommandContext &context, QObject *parent = nullptr);
    void start() override;
    void interrupt() override;
};

// logout: forgets the signed-in account and removes its keychain entries.
class LogoutCommand final : public CliCommand
{
    Q_OBJECT
public:
    explicit LogoutCommand(const CommandContext &context, QObject *parent = nullptr);
    void start() override;
    void interrupt() override;
};
