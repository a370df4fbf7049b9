// A sweep of 10,000 operations through the whole engine (OperationMonitor, GraphClient,
// the table model) against the in-process simulator. Prints figures; asserts nothing.
//
//   bench_sweep [--count N] [--rps R] [--in-flight K] [--faults PROFILE]
//
// Every operation has already finished, so each is checked exactly once: the figures are
// those of one sweep at the configured ceiling. The simulator shares the event loop, so the
// largest gap between ticks of a 5 ms timer is what the GUI would feel, with the server's
// work added.

#include "support/benchoptions.h"
#include "support/monitoredgraph.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption countOption = BenchOptions::count(QStringLiteral("10000"));
    const QCommandLineOption rpsOption = BenchOptions::rps(QStringLiteral("20"));
    const QCommandLineOption inFlightOption = BenchOptions::inFlight();
    const QCommandLineOption faultsOption(
        QStringLiteral("faults"),
        QStringLiteral("Simulator faults, e.g. \"500=0.06,504=0.05,reset=0.04\"."),
        QStringLiteral("profile"));
    BenchOptions::process(&parser, {countOption, rpsOption, inFlightOption, faultsOption}, app);
    const int count = int(BenchOptions::number(parser, countOption, 1, 10000000));
    const double rps = BenchOptions::number(parser, rpsOption, 0.001, 1e9);
    const int inFlight = int(BenchOptions::number(parser, inFlightOption, 1, 1000));

    MonitoredGraph graph(MonitoredGraph::ModelChecks::Off);
    GraphSimulator &simulator = graph.simulator;
    OperationTableModel &model = graph.model;
    OperationMonitor &monitor = graph.monitor;
    if (QString error; !graph.start(&error)) {
        std::fprintf(stderr, "simulator: %s\n", qPrintable(error));
        return 1;
    }
    if (parser.isSet(faultsOption)) {
        QString error;
        const std::optional<FaultProfile> faults
            = FaultProfile::fromString(parser.value(faultsOption), &error);
        if (!faults) {
            std::fprintf(stderr, "--faults: %s\n", qPrintable(error));
            return 1;
        }
        simulator.setFaults(*faults);
    }
    QStringList ids;
    ids.reserve(count);
    for (int i = 0; i < count; ++i) {
        SimulatedOperation spec;
        spec.ageMs = 3600 * 1000;
        spec.runningMs = 1000;
        ids.append(simulator.addOperation(spec));
    }

    PollPolicy policy;
    policy.maxRequestsPerSecond = rps;
    policy.maxRequestsInFlight = inFlight;
    monitor.setPolicy(policy);
    monitor.track(ids);

    int peakInFlight = 0; // sampled on every tick

    QElapsedTimer tickClock;
    qint64 lastTick = 0;
    qint64 largestGap = 0;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    QObject::connect(&ticker, &QTimer::timeout, &app, [&] {
        const qint64 now = tickClock.elapsed();
        largestGap = std::max(largestGap, now - lastTick);
        lastTick = now;
        peakInFlight = std::max(peakInFlight, monitor.requestsInFlight());
    });

    // Done when every row is terminal; looked at on a slow timer so the check itself does
    // not show up in the tick gaps.
    QTimer doneCheck;
    QObject::connect(&doneCheck, &QTimer::timeout, &app, [&] {
        if (std::all_of(
                model.operations().begin(), model.operations().end(),
                [](const TrackedOperation &operation) { return isTerminal(operation.status()); }))
            app.quit();
    });

    QElapsedTimer wall;
    wall.start();
    tickClock.start();
    ticker.start(5);
    doneCheck.start(250);
    monitor.start();
    app.exec();
    const qint64 elapsed = wall.elapsed();

    std::printf("operations            %d\n", count);
    std::printf("ceiling               %.1f requests/s, %d in flight\n", rps, inFlight);
    std::printf("requests              %d\n", simulator.requestCount());
    std::printf("wall time             %.2f s\n", double(elapsed) / 1000.0);
    std::printf("requests per second   %.1f\n",
                simulator.requestCount() * 1000.0 / double(elapsed));
    std::printf("peak in flight        %d (client), %d (server)\n", peakInFlight,
                simulator.peakConcurrentRequests());
    std::printf("largest tick gap      %lld ms (5 ms timer)\n", largestGap);
    return 0;
}
