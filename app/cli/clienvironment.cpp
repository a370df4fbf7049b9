#include "clienvironment.h"

#include "app/graph/tokenprovider.h"

#include <QtGlobal>

#include <cstdio>
#include <unistd.h>

CliEnvironment CliEnvironment::fromProcess()
{
    CliEnvironment environment;
    environment.graphUrl = qEnvironmentVariable(GraphUrlVariable).trimmed();
    environment.token = StaticTokenProvider::fromEnvironment();
    // no-color.org: any value, even an empty one, turns colour off.
    environment.colour = isatty(fileno(stdout)) && !qEnvironmentVariableIsSet("NO_COLOR");
    environment.liveProgress = isatty(fileno(stderr));
    return environment;
}
