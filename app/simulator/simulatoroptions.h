#pragma once

#include "faultprofile.h"

#include <QString>

#include <optional>

class GraphSimulator;
class QCommandLineParser;

// The simulator's command-line options, shared by `graph-simulator` and
// `billing-monitor-cli simulate` so both accept the same flags.
struct SimulatorOptions
{
    quint16 port = 0;
    QString scenarioPath;
    int fleetCount = 0;
    quint32 fleetSeed = 1;
    double fleetMinSeconds = 5;
    double fleetMaxSeconds = 60;
    double fleetFailureRate = 0.1;
    std::optional<FaultProfile> faults;
    QString token;
    int responseDelayMs = 0;
    int tokenLifetimeSeconds = 0; // of the access tokens its Entra ID issues; 0: an hour
    QString tlsCertificatePath; // both set: serve https://
    QString tlsKeyPath;

    // Adds --port, --scenario, --fleet, --seed, --fleet-min, --fleet-max, --failure-rate,
    // --faults, --token, --delay, --token-lifetime, --tls-cert and --tls-key.
    static void addTo(QCommandLineParser &parser);
    // On failure returns nullopt and sets *error to a message naming the option.
    static std::optional<SimulatorOptions> fromParser(const QCommandLineParser &parser,
                                                      QString *error);
};

// Configures the simulator from the options and starts it.
bool startSimulator(GraphSimulator &simulator, const SimulatorOptions &options, QString *error);

// Paste-able shell lines that point the app at the simulator:
// export BILLING_MONITOR_GRAPH_URL=http(s)://127.0.0.1:PORT
// export BILLING_MONITOR_TOKEN=<token>
QString simulatorShellExports(const GraphSimulator &simulator);

// Comment lines (each starting with '#') that tell how to sign in at the simulator's own
// Entra ID instead of using the fixed token: the authority, tenant and client id, and the
// fake client secret for app-only sign-in.
QString simulatorSignInLines(const GraphSimulator &simulator);
