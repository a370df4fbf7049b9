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
    // Over SSH or on a console a browser cannot open (or would be a text one): device code.
    environment.canOpenBrowser = !qEnvironmentVariableIsEmpty("DISPLAY")
        || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
    environment.credential = EnvironmentCredential::fromProcess();
    return environment;
}
