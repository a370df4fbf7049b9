// The window under load: a fleet of operations (10,000 by default) that progress and finish
// on the in-process simulator, polled by the real session and shown in the real main window,
// sorted by status so finished rows move. Prints figures; asserts nothing.
//
//   bench_gui_sweep [--count N] [--rps R] [--seconds S] [--min S] [--max S]
//
// The largest gap between ticks of a 5 ms timer on the GUI thread is how long the window
// could not respond; run it under xvfb-run for a real X11 window, or offscreen.

#include "app/appsettings.h"
#include "app/graph/graphendpoint.h"
#include "app/polling/operationmonitor.h"
#include "app/polling/pollpolicy.h"
#include "app/session.h"
#include "app/simulator/graphsimulator.h"
#include "app/simulator/scenario.h"
#include "models/operationtablemodel.h"
#include "support/benchoptions.h"
#include "ui/mainwindow.h"
#include "ui/uiresources.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    initUiResources();
    QCommandLineParser parser;
    const QCommandLineOption count = BenchOptions::count(QStringLiteral("10000"));
    const QCommandLineOption rps = BenchOptions::rps(QStringLiteral("200"));
    const QCommandLineOption seconds(QStringLiteral("seconds"),
                                     QStringLiteral("Stop after this long at the latest."),
                                     QStringLiteral("s"), QStringLiteral("180"));
    const QCommandLineOption shortest(QStringLiteral("min"),
                                      QStringLiteral("Shortest operation, seconds."),
                                      QStringLiteral("s"), QStringLiteral("10"));
    const QCommandLineOption longest(QStringLiteral("max"),
                                     QStringLiteral("Longest operation, seconds."),
                                     QStringLiteral("s"), QStringLiteral("90"));
    BenchOptions::process(&parser, {count, rps, seconds, shortest, longest}, app);

    GraphSimulator simulator;
    if (!simulator.start()) {
        std::fprintf(stderr, "simulator: %s\n", qPrintable(simulator.errorString()));
        return 1;
    }
    FleetSpec fleet;
    fleet.count = int(BenchOptions::number(parser, count, 1, 10000000));
    fleet.minSeconds = BenchOptions::number(parser, shortest, 0, 86400);
    fleet.maxSeconds = BenchOptions::number(parser, longest, 0, 86400);
    const QStringList ids = simulator.addFleet(fleet);

    QTemporaryDir home;
    AppSettings settings(home.filePath(QStringLiteral("settings.ini")));
    Session session(&settings);
    session.useFixedGraph(
        *GraphEndpoint::make(simulator.rootUrl().toString(), QStringLiteral("v1.0"), nullptr),
        simulator.acceptedToken());
    PollPolicy policy = session.monitor()->policy();
    policy.maxRequestsPerSecond = BenchOptions::number(parser, rps, 0.001, 1e9);
    session.monitor()->setPolicy(policy);

    MainWindow window(&session);
    window.resize(1400, 800);
    window.show();
    window.sortProxy()->sort(OperationTableModel::StatusColumn, Qt::AscendingOrder);
    session.monitor()->track(ids);
    session.start();

    QElapsedTimer tickClock;
    qint64 lastTick = 0;
    std::vector<qint64> gaps;
    int peakInFlight = 0;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    QObject::connect(&ticker, &QTimer::timeout, &app, [&] {
        const qint64 now = tickClock.elapsed();
        gaps.push_back(now - lastTick);
        lastTick = now;
        peakInFlight = std::max(peakInFlight, session.monitor()->requestsInFlight());
    });
    const OperationTableModel *model = session.model();
    QTimer doneCheck;
    QObject::connect(&doneCheck, &QTimer::timeout, &app, [&] {
        const auto &operations = model->operations();
        if (std::all_of(operations.begin(), operations.end(),
                        [](const TrackedOperation &op) { return isTerminal(op.status()); }))
            app.quit();
    });
    QTimer::singleShot(int(BenchOptions::number(parser, seconds, 1, 86400)) * 1000, &app,
                       &QApplication::quit);

    QElapsedTimer wall;
    wall.start();
    tickClock.start();
    ticker.start(5);
    doneCheck.start(500);
    app.exec();
    const double elapsed = wall.elapsed() / 1000.0;

    int finished = 0;
    for (const TrackedOperation &operation : model->operations())
        finished += isTerminal(operation.status()) ? 1 : 0;
    std::sort(gaps.begin(), gaps.end());
    const auto percentile = [&](double p) -> qint64 {
        return gaps.empty() ? 0 : gaps[std::min(gaps.size() - 1, size_t(p * gaps.size()))];
    };
    std::printf("platform              %s\n", qPrintable(QGuiApplication::platformName()));
    std::printf("operations            %d (%d finished)\n", int(ids.size()), finished);
    std::printf("ceiling               %.0f requests/s, %d in flight\n",
                policy.maxRequestsPerSecond, policy.maxRequestsInFlight);
    std::printf("wall time             %.1f s\n", elapsed);
    std::printf("requests              %d (%.1f per second)\n", simulator.requestCount(),
                simulator.requestCount() / elapsed);
    std::printf("peak in flight        %d (client), %d (server)\n", peakInFlight,
                simulator.peakConcurrentRequests());
    std::printf("GUI tick gap          max %lld ms, p99 %lld ms, median %lld ms (5 ms timer)\n",
                percentile(1.0), percentile(0.99), percentile(0.5));
    return 0;
}
