#include "app/graph/tokenprovider.h"

#include <QtGlobal>

void StaticTokenProvider::requestToken(QObject *context, const TokenCallback &done,
                                       const QString &rejected)
{
    Q_UNUSED(context)
    Q_UNUSED(rejected)
    done(TokenGrant {m_token, {}});
}

QString StaticTokenProvider::fromEnvironment()
{
    return qEnvironmentVariable(EnvironmentVariable).trimmed();
}

QString StaticTokenProvider::takeFromEnvironment()
{
    const QString token = fromEnvironment();
    qunsetenv(EnvironmentVariable);
    return token;
}

void PreferredTokenProvider::requestToken(QObject *context, const TokenCallback &done,
                                          const QString &rejected)
{
    if (useFixed())
        m_fixed->requestToken(context, done, rejected);
    else
        m_fallback->requestToken(context, done, rejected);
}

bool PreferredTokenProvider::canRenew() const
{
    return useFixed() ? m_fixed->canRenew() : m_fallback->canRenew();
}
