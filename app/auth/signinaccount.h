#pragma once

#include "app/auth/signinconfig.h"

#include <QDateTime>
#include <QSettings>
#include <QString>

#include <memory>

// Who is signed in and how: the facts, never a secret. The app and the command line keep
// one account in one settings file, so signing in with either signs in both.
struct SignInAccount
{
    enum class Flow {
        None,
        Browser, // authorization code with PKCE
        DeviceCode,
        ClientSecret, // app-only
        Certificate, // app-only, signed client assertion
    };

    Flow flow = Flow::None;
    SignInConfig config;
    QString userName; // preferred_username of a delegated sign-in; empty for app-only
    QString certificatePath; // Certificate: the PEM file with certificate and private key
    QDateTime tokenExpiresAt; // UTC, of the last access token
    // Whether the refresh token (delegated) or client secret is in the system keychain; false
    // when it is kept for the running program only.
    bool secretInKeychain = false;

    bool isSignedIn() const { return flow != Flow::None; }
    bool isAppOnly() const { return flow == Flow::ClientSecret || flow == Flow::Certificate; }
    // Whether renewing needs a secret from the keychain: a refresh token or a client secret.
    bool needsSecret() const { return flow != Flow::None && flow != Flow::Certificate; }
    // The keychain entry of the refresh token or client secret.
    QString secretKey() const;

    static QString flowKey(Flow flow); // "browser", "device-code", "client-secret", "certificate"
    static Flow flowFromKey(const QString &key);
    // "user@contoso.com" or "app 1b5e…" with the tenant.
    QString displayName() const;
};

// Keeps the account facts and the sign-in configuration (tenant, client id, authority) in
// BillingMonitor/account.conf beside the app's settings.
class AccountSettings
{
public:
    AccountSettings(); // the user's file
    explicit AccountSettings(const QString &iniFile); // for tests

    SignInAccount account() const;
    void setAccount(const SignInAccount &account);
    void clearAccount();

    // What the sign-in dialog and `login` start from.
    QString tenant() const;
    QString clientId() const;
    QString authority() const; // empty: the default
    void setConfiguration(const QString &tenant, const QString &clientId, const QString &authority);

    void sync() { m_settings->sync(); }

private:
    std::unique_ptr<QSettings> m_settings;
};
