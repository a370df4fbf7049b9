#pragma once

#include <QString>
#include <QUrl>

#include <optional>

// Which Microsoft Entra ID to sign in with: the authority host, the partner's tenant and the
// client id of the partner's own app registration. Every sign-in endpoint is built here.
//
// Partner billing is served by the global cloud only, so the authorities of the US
// Government and China clouds are refused before any request. Plain http is allowed only to
// this computer, where tests and the built-in simulator stand in for Entra ID.
struct SignInConfig
{
    static constexpr const char *DefaultAuthority = "https://login.microsoftonline.com";
    // Delegated sign-in (browser, device code): billing data, a refresh token, who signed in.
    static constexpr const char *DelegatedScopes
        = "https://graph.microsoft.com/PartnerBilling.Read.All offline_access openid profile";
    // App-only sign-in takes the application permissions granted to the registration.
    static constexpr const char *AppOnlyScope = "https://graph.microsoft.com/.default";

    QUrl authority; // scheme, host and port only
    QString tenant; // a GUID or a domain such as contoso.onmicrosoft.com
    QString clientId; // a GUID

    // Checks the pieces; on failure returns nullopt and sets *error to a message that says
    // what to fix. An empty authority means the default.
    static std::optional<SignInConfig> make(const QString &authority, const QString &tenant,
                                            const QString &clientId, QString *error);

    // The authority alone, checked the same way; empty text means the default.
    static std::optional<QUrl> makeAuthority(const QString &authority, QString *error);

    // What is wrong with the pieces entered so far, leaving blanks be: Settings may keep a
    // tenant before the client id is known. Empty when nothing entered is wrong.
    static QString enteredProblem(const QString &authority, const QString &tenant,
                                  const QString &clientId);

    // {authority}/{tenant}/oauth2/v2.0/{name}: "authorize", "token" or "devicecode".
    QUrl endpoint(const QString &name) const;
    QUrl tokenEndpoint() const { return endpoint(QStringLiteral("token")); }

    bool operator==(const SignInConfig &other) const
    {
        return authority == other.authority && tenant == other.tenant && clientId == other.clientId;
    }
};
