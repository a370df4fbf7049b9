#include "graphsimulator.h"
#include "simulatoroptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int signalPipe[2];

void onSignal(int)
{
    const char byte = 1;
    // Only async-signal-safe work here; the event loop does the rest.
    [[maybe_unused]] const ssize_t written = ::write(signalPipe[1], &byte, 1);
}

// Ctrl+C and SIGTERM end the event loop, so the server closes its port cleanly.
void quitOnSignals(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("graph-simulator"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BILLING_MONITOR_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("A local stand-in for Microsoft Graph's partner billing export API."));
    parser.addHelpOption();
    parser.addVersionOption();
    SimulatorOptions::addTo(parser);
    parser.process(app);

    QTextStream err(stderr);
    QString error;
    const std::optional<SimulatorOptions> options = SimulatorOptions::fromParser(parser, &error);
    GraphSimulator simulator;
    if (!options || !startSimulator(simulator, *options, &error)) {
        err << "graph-simulator: " << error << Qt::endl;
        return 2;
    }

    QTextStream out(stdout);
    out << simulatorShellExports(simulator);
    const QStringList ids = simulator.operationIds();
    out << "# " << ids.size() << " operations; e.g. GET "
        << simulator.operationUrl(ids.value(0, QStringLiteral("<id>"))).toString()
        << "\n# To watch a fleet in the app: billing-monitor --demo --fleet " << ids.size()
        << " (the app runs its own simulator)\n# Ctrl+C to stop" << Qt::endl;

    quitOnSignals(app);
    return app.exec();
}
