#include "app/graph/tokenprovider.h"

#include <QtGlobal>

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
