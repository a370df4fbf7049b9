// Prints what the list of tracked operations costs. Not run by CTest.
//
//  1. Start-up with N operations stored (10,000 and 100,000, or --count N): the time until
//     the main window is on screen, until the whole table is in place, and the RSS then.
//  2. A busy sweep: 1,000 running operations polled at 20 answers a second for --seconds S
//     (default 60), once without a store and once with it, with the CPU time and the bytes
//     written (/proc/self/io write_bytes: what reaches the disk; wchar: what went through
//     write()) of each, per minute. The answers are applied to the model the way the
//     monitor applies Graph's, so the difference between the two runs is the store's cost.
//
// Run it offscreen: QT_QPA_PLATFORM=offscreen build/tests/bench_store [--count N]
// [--seconds S] [--dir DIR] (DIR on the disk to measure; default a temporary folder).

#include "app/appsettings.h"
#include "app/session.h"
#include "app/store/operationstore.h"
#include "models/operationtablemodel.h"
#include "support/cputime.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cstdio>

namespace {

QList<TrackedOperation> makeOperations(int count, int offset)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<TrackedOperation> operations;
    operations.reserve(count);
    for (int i = offset; i < offset + count; ++i) {
        TrackedOperation operation;
        operation.id
            = QStringLiteral("%1-0000-4000-8000-000000000000").arg(i, 8, 16, QLatin1Char('0'));
        operation.url = QUrl(QStringLiteral("https://graph.microsoft.com/v1.0/reports/partners/"
                                            "billing/operations/")
                             + operation.id);
        operation.label
            = QStringLiteral("Billed usage · G0169%1 · full").arg(i, 5, 10, QLatin1Char('0'));
        operation.addedAt = now.addSecs(-3600);
        operation.last.id = operation.id;
        operation.last.odataType
            = QStringLiteral("#microsoft.graph.partners.billing.runningOperation");
        operation.last.rawStatus = QStringLiteral("running");
        operation.last.status = OperationStatus::Running;
        operation.last.createdDateTime = now.addSecs(-3500);
        operation.last.lastActionDateTime = now.addSecs(-10);
        operation.lastChecked = now;
        operation.nextCheck = now.addSecs(30);
        operation.lastRetryAfter = QStringLiteral("30");
        operations.append(operation);
    }
    return operations;
}

struct Usage
{
    double cpuSeconds = 0;
    qint64 writeBytes = 0;
    qint64 writeCalls = 0; // wchar
};

Usage usageNow(int who = RUSAGE_SELF)
{
    Usage usage;
    usage.cpuSeconds = CpuTime::processMs(who) / 1000.0;
    QFile io(QStringLiteral("/proc/self/io"));
    if (io.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : io.readAll().split('\n')) {
            if (line.startsWith("write_bytes:"))
                usage.writeBytes = line.mid(12).trimmed().toLongLong();
            else if (line.startsWith("wchar:"))
                usage.writeCalls = line.mid(6).trimmed().toLongLong();
        }
    }
    return usage;
}

double residentMegabytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024;
    }
    return 0;
}

void measureStartUp(const QString &folder, int count)
{
    const QString path = folder + QStringLiteral("/startup-%1/operations.db").arg(count);
    QElapsedTimer timer;
    timer.start();
    if (!OperationStore(path).add(makeOperations(count, 0))) {
        std::fprintf(stderr, "could not fill %s\n", qPrintable(path));
        return;
    }
    const qint64 fillMs = timer.elapsed();

    AppSettings settings;
    Session session(&settings);
    const Usage before = usageNow();
    const Usage mainBefore = usageNow(RUSAGE_THREAD);
    timer.restart();
    session.attachStore(path);
    QSignalSpy loaded(session.store(), &OperationStore::loadFinished);
    MainWindow window(&session);
    window.show();
    const bool exposed = QTest::qWaitForWindowExposed(&window);
    const qint64 windowMs = timer.elapsed();
    const int rowsAtWindow = session.model()->rowCount();
    if (loaded.isEmpty() && !loaded.wait(60000))
        std::fprintf(stderr, "the table did not fill within a minute\n");
    const qint64 fullMs = timer.elapsed();
    const double cpuSeconds = usageNow().cpuSeconds - before.cpuSeconds;
    const double mainCpuSeconds = usageNow(RUSAGE_THREAD).cpuSeconds - mainBefore.cpuSeconds;
    std::printf("%7d operations: window shown after %5lld ms%s (%d rows in it), full table "
                "after %5lld ms (%d rows; CPU %.2f s in all, %.2f s of it on the GUI thread), "
                "RSS %6.1f MB; filling the database took %lld ms\n",
                count, windowMs, exposed ? "" : " (not exposed)", rowsAtWindow, fullMs,
                session.model()->rowCount(), cpuSeconds, mainCpuSeconds, residentMegabytes(),
                fillMs);
    timer.restart();
    const qsizetype read = OperationStore(path).load().operations.size();
    std::printf("         reading them alone, without a window: %lld ms (%lld operations)\n",
                timer.elapsed(), qint64(read));
    std::fflush(stdout);
}

// 20 answers a second, round robin over the running operations, each moving "last checked"
// and "next check" as a poll that finds the operation still running does.
Usage measureSweep(OperationTableModel *model, int seconds)
{
    QTimer poll;
    poll.setInterval(50);
    int next = 0;
    QObject::connect(&poll, &QTimer::timeout, model, [model, &next] {
        TrackedOperation operation = model->at(next);
        next = (next + 1) % model->rowCount();
        operation.lastChecked = QDateTime::currentDateTimeUtc();
        operation.nextCheck = operation.lastChecked.addSecs(50);
        operation.lastRetryAfter = QStringLiteral("50");
        model->update({operation});
    });
    const Usage before = usageNow();
    poll.start();
    QTest::qWait(seconds * 1000);
    poll.stop();
    const Usage after = usageNow();
    return {after.cpuSeconds - before.cpuSeconds, after.writeBytes - before.writeBytes,
            after.writeCalls - before.writeCalls};
}

void printSweep(const char *what, const Usage &usage, int seconds)
{
    const double perMinute = 60.0 / seconds;
    std::printf("  %-22s CPU %5.2f %% of a core, %8.3f MB written per minute (write_bytes), "
                "%8.3f MB per minute through write() (wchar)\n",
                what, 100.0 * usage.cpuSeconds / seconds, usage.writeBytes * perMinute / 1e6,
                usage.writeCalls * perMinute / 1e6);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication application(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption countOption(
        QStringLiteral("count"), QStringLiteral("Operations at start-up."), QStringLiteral("n"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"),
                                           QStringLiteral("Length of each sweep."),
                                           QStringLiteral("s"), QStringLiteral("60"));
    const QCommandLineOption dirOption(
        QStringLiteral("dir"), QStringLiteral("Where the databases go."), QStringLiteral("folder"));
    parser.addOptions({countOption, secondsOption, dirOption});
    parser.addHelpOption();
    parser.process(application);

    QTemporaryDir temporary(parser.isSet(dirOption)
                                ? parser.value(dirOption) + QStringLiteral("/bench-store-XXXXXX")
                                : QString());
    if (!temporary.isValid()) {
        std::fprintf(stderr, "cannot create a temporary folder\n");
        return 1;
    }
    const QList<int> counts = parser.isSet(countOption)
        ? QList<int> {parser.value(countOption).toInt()}
        : QList<int> {10000, 100000};
    for (const int count : counts)
        measureStartUp(temporary.path(), count);

    const int seconds = std::max(1, parser.value(secondsOption).toInt());
    constexpr int Running = 1000;
    std::printf("%d running operations polled at 20 answers a second for %d s:\n", Running,
                seconds);
    {
        OperationTableModel model;
        model.add(makeOperations(Running, 0));
        printSweep("without a store:", measureSweep(&model, seconds), seconds);
    }
    {
        const QString path = temporary.path() + QStringLiteral("/sweep/operations.db");
        OperationStore(path).add(makeOperations(Running, 0));
        OperationTableModel model;
        OperationStore store(path);
        store.attach(&model);
        store.flush();
        printSweep("with the SQLite store:", measureSweep(&model, seconds), seconds);
    }
    return 0;
}
