#pragma once

#include "app/auth/environmentcredential.h"

#include <QString>

class SecretStore;

// What the CLI takes from its surroundings rather than its arguments.
struct CliEnvironment
{
    static constexpr const char *GraphUrlVariable = "BILLING_MONITOR_GRAPH_URL";

    QString graphUrl; // BILLING_MONITOR_GRAPH_URL; --graph-url wins over it
    QString token; // BILLING_MONITOR_TOKEN, trimmed
    bool colour = false; // stdout is a terminal and NO_COLOR is not set
    bool liveProgress = false; // stderr is a terminal, so a progress line can redraw itself
    bool canOpenBrowser = false; // a graphical session (DISPLAY or WAYLAND_DISPLAY) exists
    EnvironmentCredential credential; // AZURE_* variables
    SecretStore *secrets = nullptr; // null: the system keychain; tests give a fake

    static CliEnvironment fromProcess();
};
