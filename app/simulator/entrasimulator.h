#pragma once

#include "simulatorreply.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

class QHttpServerRequest;

// A stand-in for Microsoft Entra ID's v2.0 endpoints, served by GraphSimulator on the same
// 127.0.0.1 port: /{tenant}/oauth2/v2.0/devicecode, /authorize and /token with the
// authorization_code (PKCE checked), device_code, refresh_token (rotated) and
// client_credentials (secret, or a certificate assertion JWT checked against the registered
// certificate) grants. One app registration in one tenant; the errors answer as Entra ID
// does (error, error_description "AADSTSnnnn: ...", error_codes, trace and correlation ids).
class EntraSimulator
{
public:
    // What the next device-code poll answers; the last entry repeats.
    enum class DevicePoll { Pending, SlowDown, Approve, Decline, Expire };

    static constexpr const char *TenantId = "2f8c9f4e-5d1a-4b7e-9c3d-6a1b2c3d4e5f";
    static constexpr const char *TenantDomain = "contoso.onmicrosoft.com";
    static constexpr const char *ClientId = "6f1e2d3c-4b5a-4987-a6b5-c4d3e2f1a0b9";
    static constexpr const char *UserName = "analyst@contoso.onmicrosoft.com";

    EntraSimulator();

    QString clientSecret() const { return m_clientSecret; } // random per instance
    // The PEM certificate whose key signs accepted client assertions; none by default.
    void setCertificate(const QByteArray &pem) { m_certificatePem = pem; }

    void setAccessTokenLifetime(int seconds) { m_accessTokenLifetime = seconds; }
    void setDeviceInterval(int seconds) { m_deviceInterval = seconds; }
    void setDeviceExpiresIn(int seconds) { m_deviceExpiresIn = seconds; }
    void setDevicePolls(const QList<DevicePoll> &polls) { m_devicePolls = polls; }
    // Every refresh_token grant from now on is refused with this AADSTS code (700082
    // expired, 50173 revoked, 50076 MFA...); 0 accepts them again.
    void setRefreshRefusal(int aadstsCode) { m_refreshRefusal = aadstsCode; }
    // /authorize redirects back at once instead of showing an approval page.
    void setAutoApprove(bool approve) { m_autoApprove = approve; }

    // Whether Graph should accept this bearer token; *expired tells an expired one apart.
    bool acceptsAccessToken(const QString &token, bool *expired) const;
    // How many token requests of a grant type ("refresh_token"...) were answered.
    int grantCount(const QString &grantType) const { return m_grants.value(grantType); }
    QString lastRefreshToken() const { return m_lastRefreshToken; }
    // A refresh token as if the user had signed in earlier (tests start from it).
    QString issueRefreshToken();
    // Makes every access token issued so far expire now.
    void expireAccessTokens();

    // Whether this path is one of ours.
    static bool handles(const QString &path);
    SimulatorReply handle(const QHttpServerRequest &request, const QUrl &root);

private:
    struct AuthorizationCode
    {
        QString challenge;
        QString redirectUri;
        QString scope;
    };
    struct DeviceCode
    {
        qint64 expiresAtMs = 0;
        int polls = 0;
        qint64 lastPollMs = -1;
        int interval = 0;
        bool finished = false;
    };

    SimulatorReply authorize(const QUrlQuery &query, const QString &action, const QUrl &root,
                             const QString &tenant);
    SimulatorReply deviceCode(const QUrlQuery &form);
    SimulatorReply token(const QUrlQuery &form, const QUrl &tokenUrl);
    SimulatorReply grantAuthorizationCode(const QUrlQuery &form);
    SimulatorReply grantDeviceCode(const QUrlQuery &form);
    SimulatorReply grantRefreshToken(const QUrlQuery &form);
    SimulatorReply grantClientCredentials(const QUrlQuery &form, const QUrl &tokenUrl);
    QString checkAssertion(const QString &assertion, const QUrl &tokenUrl) const;
    SimulatorReply tokens(const QString &scope, bool appOnly);
    SimulatorReply error(int status, const QString &error, int code,
                         const QString &description) const;

    QElapsedTimer m_clock;
    QString m_clientSecret;
    QByteArray m_certificatePem;
    int m_accessTokenLifetime = 3600;
    int m_deviceInterval = 1;
    int m_deviceExpiresIn = 900;
    QList<DevicePoll> m_devicePolls {DevicePoll::Pending, DevicePoll::Approve};
    int m_refreshRefusal = 0;
    bool m_autoApprove = false;
    QHash<QString, qint64> m_accessTokens; // token -> expiry on m_clock
    QSet<QString> m_refreshTokens; // valid ones; each is used once
    QString m_lastRefreshToken;
    QHash<QString, AuthorizationCode> m_codes;
    QHash<QString, DeviceCode> m_deviceCodes;
    QHash<QString, int> m_grants;
};
