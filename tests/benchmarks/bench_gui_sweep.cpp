// The window under load: a fleet of operations (10,000 by default) that progress and finish
// on the simulator, polled by the real session and shown in the real main window, sorted by
// status so finished rows move. Prints figures; asserts nothing.
//
//   bench_gui_sweep [--count N] [--rps R] [--seconds S] [--min S] [--max S] [--verbose]
//
// What it measures (the P5 figure of compare.sh): the largest gap between ticks of a 5 ms
// timer on the GUI thread, from the first tick after the window has painted its table
// until every operation has finished, which is how long the window could not respond during
// the sweep. The window's first paint of all the rows is start-up, not the sweep: it is
// printed on its own line ("first paint"), from show() to the end of the table's first paint.
//
// The simulator runs in a thread of its own, as Graph is not on the window's thread in real
// use; the figures give the CPU time of both threads. --verbose lists every gap over 16 ms
// with when it happened and the events that took the GUI thread longest during it. Run it
// under xvfb-run for a real X11 window, or offscreen.

#include "app/appsettings.h"
#include "app/graph/graphendpoint.h"
#include "app/polling/operationmonitor.h"
#include "app/polling/pollpolicy.h"
#include "app/session.h"
#include "app/simulator/graphsimulator.h"
#include "app/simulator/scenario.h"
#include "models/operationtablemodel.h"
#include "support/benchoptions.h"
#include "support/cputime.h"
#include "ui/mainwindow.h"
#include "ui/uiresources.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QMetaEnum>
#include <QSemaphore>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <map>
#include <vector>

namespace {

constexpr qint64 FrameMs = 16;

// The simulator, created, run and read in its own thread.
class SimulatorThread final : public QThread
{
public:
    explicit SimulatorThread(const FleetSpec &fleet)
        : m_fleet(fleet)
    { }

    // Starts the thread and waits until the simulator listens with its fleet in place.
    bool begin()
    {
        start();
        m_ready.acquire();
        return error.isEmpty();
    }

    // Set before begin() returns.
    QString error;
    QUrl root;
    QString token;
    QStringList ids;
    // Set when the thread has finished.
    int requests = 0;
    int peakInFlight = 0;
    double cpuSeconds = 0;

protected:
    void run() override
    {
        GraphSimulator simulator;
        if (!simulator.start()) {
            error = simulator.errorString();
            m_ready.release();
            return;
        }
        ids = simulator.addFleet(m_fleet);
        root = simulator.rootUrl();
        token = simulator.acceptedToken();
        m_ready.release();
        exec();
        requests = simulator.requestCount();
        peakInFlight = simulator.peakConcurrentRequests();
        cpuSeconds = CpuTime::threadMs() / 1000.0;
    }

private:
    FleetSpec m_fleet;
    QSemaphore m_ready;
};

// Times every event the GUI thread handles at the top level, to say what a long gap was
// spent on, and notes when the table has first been painted.
class TimedApplication final : public QApplication
{
public:
    using QApplication::QApplication;

    struct Slow
    {
        qint64 endMs;
        qint64 us;
        QByteArray what;
    };

    QElapsedTimer clock; // started when the window is shown
    QWidget *watchedViewport = nullptr;
    qint64 firstPaintMs = -1;
    bool recording = false;
    std::vector<Slow> slow; // top-level events of 1 ms or more, while recording
    // Each widget's own paint events while recording (its children paint apart): how many,
    // and their time in microseconds.
    struct Painting
    {
        int count = 0;
        qint64 us = 0;
        qint64 maxUs = 0;
    };
    std::map<QByteArray, Painting> paints;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        // Read before: the event may delete its receiver (a deferred delete does).
        const QEvent::Type type = event->type();
        const QMetaObject *receiverClass = receiver->metaObject();
        const QMetaObject *parentClass
            = receiver->parent() ? receiver->parent()->metaObject() : nullptr;
        const bool isViewport = receiver == watchedViewport;
        const qint64 start = clock.nsecsElapsed();
        ++m_depth;
        const bool result = QApplication::notify(receiver, event);
        --m_depth;
        const qint64 end = clock.nsecsElapsed();
        // Paint events come inside another event (an update request).
        if (firstPaintMs < 0 && isViewport && type == QEvent::Paint)
            firstPaintMs = end / 1000000;
        if (recording && m_depth == 0 && end - start >= 1000000)
            slow.push_back(
                {end / 1000000, (end - start) / 1000, describe(receiverClass, parentClass, type)});
        if (recording && type == QEvent::Paint) {
            Painting &painting = paints[describe(receiverClass, parentClass, type)];
            ++painting.count;
            painting.us += (end - start) / 1000;
            painting.maxUs = std::max(painting.maxUs, (end - start) / 1000);
        }
        return result;
    }

private:
    static QByteArray describe(const QMetaObject *receiverClass, const QMetaObject *parentClass,
                               QEvent::Type type)
    {
        QByteArray text = receiverClass->className();
        if (parentClass)
            text += QByteArray("(in ") + parentClass->className() + ')';
        const char *name = QMetaEnum::fromType<QEvent::Type>().valueToKey(type);
        return text + ' ' + (name ? QByteArray(name) : QByteArray::number(int(type)));
    }

    int m_depth = 0;
};

struct Gap
{
    qint64 atMs; // when the late tick came, since show()
    qint64 ms;
};

} // namespace

int main(int argc, char **argv)
{
    TimedApplication app(argc, argv);
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
    const QCommandLineOption verbose(
        QStringLiteral("verbose"),
        QStringLiteral("List every gap over 16 ms and what the GUI thread did meanwhile."));
    BenchOptions::process(&parser, {count, rps, seconds, shortest, longest, verbose}, app);

    FleetSpec fleet;
    fleet.count = int(BenchOptions::number(parser, count, 1, 10000000));
    fleet.minSeconds = BenchOptions::number(parser, shortest, 0, 86400);
    fleet.maxSeconds = BenchOptions::number(parser, longest, 0, 86400);
    SimulatorThread simulator(fleet);
    if (!simulator.begin()) {
        std::fprintf(stderr, "simulator: %s\n", qPrintable(simulator.error));
        simulator.wait();
        return 1;
    }

    QTemporaryDir home;
    AppSettings settings(home.filePath(QStringLiteral("settings.ini")));
    Session session(&settings);
    session.useFixedGraph(
        *GraphEndpoint::make(simulator.root.toString(), QStringLiteral("v1.0"), nullptr),
        simulator.token);
    // The list is saved as the app saves it, in a database of its own.
    session.attachStore(home.filePath(QStringLiteral("operations.db")));
    PollPolicy policy = session.monitor()->policy();
    policy.maxRequestsPerSecond = BenchOptions::number(parser, rps, 0.001, 1e9);
    session.monitor()->setPolicy(policy);

    MainWindow window(&session);
    window.resize(1400, 800);
    auto *table = window.findChild<QAbstractItemView *>(QStringLiteral("operationsTable"));
    app.watchedViewport = table ? table->viewport() : nullptr;
    QElapsedTimer wall;
    wall.start();
    app.clock.start();
    window.show();
    window.sortProxy()->sort(OperationTableModel::StatusColumn, Qt::AscendingOrder);
    session.monitor()->track(simulator.ids);
    session.start();

    // The sweep runs from the first tick after the table's first paint until every
    // operation has finished.
    qint64 lastTick = -1;
    qint64 sweepStartMs = -1;
    qint64 sweepEndMs = -1;
    std::vector<Gap> gaps;
    int peakInFlight = 0;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    QObject::connect(&ticker, &QTimer::timeout, &app, [&] {
        const qint64 now = app.clock.elapsed();
        if (sweepStartMs >= 0)
            gaps.push_back({now, now - lastTick});
        else if (app.firstPaintMs >= 0) {
            sweepStartMs = now;
            app.recording = true;
        }
        lastTick = now;
        peakInFlight = std::max(peakInFlight, session.monitor()->requestsInFlight());
    });
    const OperationTableModel *model = session.model();
    QTimer doneCheck;
    QObject::connect(&doneCheck, &QTimer::timeout, &app, [&] {
        const auto &operations = model->operations();
        if (std::all_of(operations.begin(), operations.end(),
                        [](const TrackedOperation &op) { return isTerminal(op.status()); })) {
            sweepEndMs = app.clock.elapsed();
            app.quit();
        }
    });
    QTimer::singleShot(int(BenchOptions::number(parser, seconds, 1, 86400)) * 1000, &app,
                       &QApplication::quit);

    const double cpuBefore = CpuTime::processMs() / 1000.0;
    const double guiCpuBefore = CpuTime::threadMs() / 1000.0;
    ticker.start(5);
    doneCheck.start(500);
    app.exec();
    const double elapsed = wall.elapsed() / 1000.0;
    const double guiCpu = CpuTime::threadMs() / 1000.0 - guiCpuBefore;
    simulator.quit();
    simulator.wait();
    const double processCpu = CpuTime::processMs() / 1000.0 - cpuBefore;

    int finished = 0;
    for (const TrackedOperation &operation : model->operations())
        finished += isTerminal(operation.status()) ? 1 : 0;
    std::vector<qint64> sorted;
    sorted.reserve(gaps.size());
    for (const Gap &gap : gaps)
        sorted.push_back(gap.ms);
    std::sort(sorted.begin(), sorted.end());
    const auto percentile = [&](double p) -> qint64 {
        return sorted.empty() ? 0 : sorted[std::min(sorted.size() - 1, size_t(p * sorted.size()))];
    };
    const auto over
        = std::count_if(sorted.begin(), sorted.end(), [](qint64 ms) { return ms > FrameMs; });
    const qint64 end = sweepEndMs >= 0 ? sweepEndMs : lastTick;
    std::printf("platform              %s\n", qPrintable(QGuiApplication::platformName()));
    std::printf("operations            %d (%d finished%s)\n", int(simulator.ids.size()), finished,
                sweepEndMs >= 0 ? "" : ", stopped by --seconds");
    std::printf("ceiling               %.0f requests/s, %d in flight\n",
                policy.maxRequestsPerSecond, policy.maxRequestsInFlight);
    std::printf("wall time             %.1f s\n", elapsed);
    std::printf("requests              %d (%.1f per second)\n", simulator.requests,
                simulator.requests / elapsed);
    std::printf("peak in flight        %d (client), %d (server)\n", peakInFlight,
                simulator.peakInFlight);
    std::printf(
        "CPU                   %.1f s GUI thread, %.1f s simulator thread, %.1f s process\n",
        guiCpu, simulator.cpuSeconds, processCpu);
    std::printf("first paint           %lld ms (show() to the table's first paint, %d rows)\n",
                app.firstPaintMs, model->rowCount());
    std::printf("sweep                 %.1f s (first tick after the first paint to the last "
                "finish)\n",
                sweepStartMs >= 0 ? (end - sweepStartMs) / 1000.0 : 0.0);
    std::printf("GUI tick gap          max %lld ms, p99.9 %lld ms, p99 %lld ms, median %lld ms "
                "(5 ms timer, %d ticks)\n",
                percentile(1.0), percentile(0.999), percentile(0.99), percentile(0.5),
                int(sorted.size()));
    std::printf("gaps over %lld ms      %d\n", FrameMs, int(over));

    if (parser.isSet(verbose)) {
        // What the GUI thread spent its long events on, by kind: how often, typical, worst.
        std::map<QByteArray, std::vector<qint64>> byKind;
        for (const TimedApplication::Slow &event : app.slow)
            byKind[event.what].push_back(event.us);
        std::printf("events of 1 ms or more, by kind (count, median, p99, max in ms):\n");
        for (auto &[what, durations] : byKind) {
            std::sort(durations.begin(), durations.end());
            const auto at = [&](double p) {
                return durations[std::min(durations.size() - 1, size_t(p * durations.size()))]
                    / 1000.0;
            };
            std::printf("  %6d  %5.1f  %5.1f  %5.1f  %s\n", int(durations.size()), at(0.5),
                        at(0.99), at(1.0), what.constData());
        }
        std::printf("paint events by widget (count, total ms, max ms):\n");
        for (const auto &[what, painting] : app.paints)
            std::printf("  %6d  %7.1f  %5.1f  %s\n", painting.count, painting.us / 1000.0,
                        painting.maxUs / 1000.0, what.constData());
        size_t next = 0;
        for (const Gap &gap : gaps) {
            if (gap.ms <= FrameMs)
                continue;
            std::printf("gap %4lld ms at %7.2f s:", gap.ms,
                        (gap.atMs - std::max<qint64>(sweepStartMs, 0)) / 1000.0);
            // The events that ended within the gap, longest first.
            std::vector<const TimedApplication::Slow *> within;
            while (next < app.slow.size() && app.slow[next].endMs <= gap.atMs) {
                if (app.slow[next].endMs >= gap.atMs - gap.ms)
                    within.push_back(&app.slow[next]);
                ++next;
            }
            std::sort(within.begin(), within.end(),
                      [](const auto *a, const auto *b) { return a->us > b->us; });
            if (within.size() > 3)
                within.resize(3);
            for (const auto *event : within)
                std::printf("  %.1f ms %s;", event->us / 1000.0, event->what.constData());
            std::printf("\n");
        }
    }
    return 0;
}
