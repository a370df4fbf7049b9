#pragma once

#include "models/problem.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

// What a provider answers when a request asks for a token.
struct TokenGrant
{
    QString token; // empty: the request goes out without Authorization
    Problem problem; // not null: the request does not go out and fails with this
};
using TokenCallback = std::function<void(const TokenGrant &grant)>;

// Where the bearer token comes from. Asking is asynchronous, so a request waits while a
// token is renewed instead of going out without one; the client asks per request, so a
// sign-in can plug in behind this without touching the client.
class TokenProvider
{
public:
    virtual ~TokenProvider() = default;
    // Answers through done exactly once, at once or later, unless context is gone by then.
    // rejected is the token Graph just answered 401 to: a provider that can renew does so
    // once for all the requests that saw it, and hands out the new token.
    virtual void requestToken(QObject *context, const TokenCallback &done,
                              const QString &rejected = {})
        = 0;
    // Whether a 401 is worth one renewal and one retry of the request.
    virtual bool canRenew() const { return false; }
};

// A token typed into Settings or taken from BILLING_MONITOR_TOKEN. Held in memory only.
class StaticTokenProvider final : public TokenProvider
{
public:
    explicit StaticTokenProvider(QString token = {})
        : m_token(std::move(token))
    { }
    void requestToken(QObject *context, const TokenCallback &done,
                      const QString &rejected = {}) override;
    QString accessToken() const { return m_token; }
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

// The first provider when it has a fixed token (BILLING_MONITOR_TOKEN, a typed token, the
// simulator's), the second otherwise: the order of precedence in one place.
class PreferredTokenProvider final : public TokenProvider
{
public:
    PreferredTokenProvider(StaticTokenProvider *fixed, TokenProvider *fallback)
        : m_fixed(fixed)
        , m_fallback(fallback)
    { }
    void requestToken(QObject *context, const TokenCallback &done,
                      const QString &rejected = {}) override;
    bool canRenew() const override;

private:
    bool useFixed() const { return !m_fixed->accessToken().isEmpty() || !m_fallback; }

    StaticTokenProvider *m_fixed;
    TokenProvider *m_fallback;
};
