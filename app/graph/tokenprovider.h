#pragma once

#include <QString>

// Where the bearer token comes from. The client asks for it per request, so a sign-in
// flow can plug in behind this without touching the client.
class TokenProvider
{
public:
    virtual ~TokenProvider() = default;
    // Empty when there is no token; the request then goes out without Authorization.
    virtual QString accessToken() const = 0;
    // Graph answered 401 with this token; a provider that can refresh should do so.
    virtual void tokenRejected() { }
};

// A token typed into Settings or taken from BILLING_MONITOR_TOKEN. Held in memory only.
class StaticTokenProvider final : public TokenProvider
{
public:
    explicit StaticTokenProvider(QString token = {})
        : m_token(std::move(token))
    { }
    QString accessToken() const override { return m_token; }
    void setToken(const QString &token) { m_token = token; }

    static constexpr const char *EnvironmentVariable = "BILLING_MONITOR_TOKEN";
    // The environment variable's value, trimmed; empty when unset.
    static QString fromEnvironment();
    // The same, and removes the variable from this process's environment, so programs the
    // app starts (a browser, a file manager) never inherit the token.
    static QString takeFromEnvironment();

private:
    QString m_token;
};
