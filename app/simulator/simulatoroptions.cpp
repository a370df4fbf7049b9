#include "simulatoroptions.h"

#include "graphsimulator.h"

#include <QCommandLineParser>

#include <cmath>

namespace {

enum class Kind { Any, Whole };

bool readNumber(const QCommandLineParser &parser, const QString &name, double min, double max,
                double *out, QString *error, Kind kind = Kind::Any)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const double value = parser.value(name).toDouble(&ok);
    // Qt reads "nan" and "inf" as numbers; NaN passes every comparison, so it is refused
    // first, and only a value already in range is ever converted to an integer.
    if (!ok || !std::isfinite(value) || value < min || value > max
        || (kind == Kind::Whole && value != std::floor(value))) {
        *error = QStringLiteral("--%1 must be %2 from %3 to %4, not \"%5\"")
                     .arg(name,
                          kind == Kind::Whole ? QStringLiteral("a whole number")
                                              : QStringLiteral("a number"))
                     .arg(min)
                     .arg(max, 0, 'f', 0)
                     .arg(parser.value(name));
        return false;
    }
    *out = value;
    return true;
}

} // namespace

void SimulatorOptions::addTo(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("port"), QStringLiteral("Port on 127.0.0.1 (default: any free port)."),
         QStringLiteral("N")},
        {QStringLiteral("scenario"), QStringLiteral("Scenario JSON file to load."),
         QStringLiteral("FILE")},
        {QStringLiteral("fleet"), QStringLiteral("Add N operations with random timelines."),
         QStringLiteral("N")},
        {QStringLiteral("seed"), QStringLiteral("Seed of the fleet (default 1)."),
         QStringLiteral("S")},
        {QStringLiteral("fleet-min"),
         QStringLiteral("Shortest fleet operation, in seconds (default 5)."),
         QStringLiteral("SECONDS")},
        {QStringLiteral("fleet-max"),
         QStringLiteral("Longest fleet operation, in seconds (default 60)."),
         QStringLiteral("SECONDS")},
        {QStringLiteral("failure-rate"),
         QStringLiteral("Share of fleet operations that fail (default 0.1)."),
         QStringLiteral("RATE")},
        {QStringLiteral("faults"),
         QStringLiteral("Fault rates, e.g. 429=0.1,503=0.05,reset=0.01,stall=0.01,seed=7."),
         QStringLiteral("SPEC")},
        {QStringLiteral("token"), QStringLiteral("Bearer token to accept (default: a random one)."),
         QStringLiteral("TOKEN")},
        {QStringLiteral("delay"),
         QStringLiteral("Answer every request this many milliseconds late."), QStringLiteral("MS")},
        {QStringLiteral("token-lifetime"),
         QStringLiteral("Lifetime of the access tokens its Entra ID issues, in seconds "
                        "(default 3600), to watch them renew."),
         QStringLiteral("SECONDS")},
        {QStringLiteral("tls-cert"),
         QStringLiteral("Serve https:// with this PEM certificate for 127.0.0.1 (with "
                        "--tls-key); clients must trust it."),
         QStringLiteral("FILE")},
        {QStringLiteral("tls-key"),
         QStringLiteral("The certificate's unencrypted PEM private key."), QStringLiteral("FILE")},
    });
}

std::optional<SimulatorOptions> SimulatorOptions::fromParser(const QCommandLineParser &parser,
                                                             QString *error)
{
    SimulatorOptions options;
    double port = 0;
    double fleet = 0;
    double seed = options.fleetSeed;
    double delay = 0;
    double lifetime = 0;
    if (!readNumber(parser, QStringLiteral("port"), 0, 65535, &port, error, Kind::Whole)
        || !readNumber(parser, QStringLiteral("fleet"), 0, 1000000, &fleet, error, Kind::Whole)
        || !readNumber(parser, QStringLiteral("seed"), 0, 4294967295.0, &seed, error, Kind::Whole)
        || !readNumber(parser, QStringLiteral("fleet-min"), 0, 1e7, &options.fleetMinSeconds, error)
        || !readNumber(parser, QStringLiteral("fleet-max"), 0, 1e7, &options.fleetMaxSeconds, error)
        || !readNumber(parser, QStringLiteral("failure-rate"), 0, 1, &options.fleetFailureRate,
                       error)
        || !readNumber(parser, QStringLiteral("delay"), 0, 600000, &delay, error, Kind::Whole)
        || !readNumber(parser, QStringLiteral("token-lifetime"), 2, 86400, &lifetime, error,
                       Kind::Whole))
        return std::nullopt;
    if (options.fleetMaxSeconds < options.fleetMinSeconds) {
        *error = QStringLiteral("--fleet-max must not be smaller than --fleet-min");
        return std::nullopt;
    }
    options.port = quint16(port);
    options.fleetCount = int(fleet);
    options.fleetSeed = quint32(seed);
    options.responseDelayMs = int(delay);
    options.tokenLifetimeSeconds = int(lifetime);
    options.scenarioPath = parser.value(QStringLiteral("scenario"));
    options.token = parser.value(QStringLiteral("token"));
    options.tlsCertificatePath = parser.value(QStringLiteral("tls-cert"));
    options.tlsKeyPath = parser.value(QStringLiteral("tls-key"));
    if (options.tlsCertificatePath.isEmpty() != options.tlsKeyPath.isEmpty()) {
        *error = QStringLiteral("--tls-cert and --tls-key go together");
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("faults"))) {
        QString faultError;
        options.faults
            = FaultProfile::fromString(parser.value(QStringLiteral("faults")), &faultError);
        if (!options.faults) {
            *error = QStringLiteral("--faults: %1").arg(faultError);
            return std::nullopt;
        }
    }
    return options;
}

bool startSimulator(GraphSimulator &simulator, const SimulatorOptions &options, QString *error)
{
    if (!options.scenarioPath.isEmpty() && !simulator.loadScenario(options.scenarioPath, error))
        return false;
    if (options.fleetCount > 0) {
        FleetSpec fleet;
        fleet.count = options.fleetCount;
        fleet.seed = options.fleetSeed;
        fleet.minSeconds = options.fleetMinSeconds;
        fleet.maxSeconds = options.fleetMaxSeconds;
        fleet.failureRate = options.fleetFailureRate;
        simulator.addFleet(fleet);
    }
    // Command-line flags win over the scenario's settings.
    if (options.faults)
        simulator.setFaults(*options.faults);
    simulator.setAcceptedToken(options.token);
    simulator.setResponseDelay(options.responseDelayMs);
    if (options.tokenLifetimeSeconds > 0)
        simulator.entra().setAccessTokenLifetime(options.tokenLifetimeSeconds);
    if (!options.tlsCertificatePath.isEmpty()
        && !simulator.useTls(options.tlsCertificatePath, options.tlsKeyPath, error))
        return false;
    if (!simulator.start(options.port)) {
        *error = simulator.errorString();
        return false;
    }
    return true;
}

QString simulatorShellExports(const GraphSimulator &simulator)
{
    return QStringLiteral("export BILLING_MONITOR_GRAPH_URL=%1\nexport BILLING_MONITOR_TOKEN=%2\n")
        .arg(simulator.rootUrl().toString(), simulator.acceptedToken());
}

QString simulatorSignInLines(const GraphSimulator &simulator)
{
    return QStringLiteral(
               "# To sign in at the simulator's Entra ID instead (unset BILLING_MONITOR_TOKEN):\n"
               "# export AZURE_AUTHORITY_HOST=%1 AZURE_TENANT_ID=%2 AZURE_CLIENT_ID=%3\n"
               "# then billing-monitor-cli login --device-code, or app-only: export "
               "AZURE_CLIENT_SECRET=%4\n")
        .arg(simulator.authorityUrl().toString(), QLatin1String(EntraSimulator::TenantId),
             QLatin1String(EntraSimulator::ClientId), simulator.entra().clientSecret());
}
