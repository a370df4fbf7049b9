#include "app/graph/tokenprovider.h"

#include <QtGlobal>

QString StaticTokenProvider::fromEnvironment()
{
    return qEnvironmentVariable(EnvironmentVariable).trimmed();
}
