// One batch of scattered changes reaching the table through the app's proxies
// (OperationStyleProxy, OperationFilterProxy) sorted by status, the column that changes: the
// cost of a poll result that finishes many operations at once. Prints figures; asserts
// nothing.
//
//   bench_gui_model [--rows N] [--changed K] [--repeat R] [--view]
//
// Every row starts running; each batch moves K rows scattered over the table to succeeded,
// so each one changes its place in the sorted order. The time is that of
// OperationTableModel::update() with everything that hangs on it; with --view a shown
// QTableView hangs on it too and the time includes the repaint that follows. Beside the wall
// time it prints the process's CPU time for the same span, which a loaded machine disturbs
// less.

#include "models/operationtablemodel.h"
#include "ui/operationfilterproxy.h"
#include "ui/operationstyleproxy.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTableView>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <numeric>
#include <vector>

namespace {

TrackedOperation runningOperation(int number, const QDateTime &now)
{
    TrackedOperation operation;
    operation.id
        = QStringLiteral("00000000-0000-4000-8000-%1").arg(number, 12, 10, QLatin1Char('0'));
    operation.addedAt = now.addSecs(-600);
    operation.last.id = operation.id;
    operation.last.status = OperationStatus::Running;
    operation.last.rawStatus = QStringLiteral("running");
    operation.last.createdDateTime = now.addSecs(-600 - number % 3600);
    operation.last.lastActionDateTime = now.addSecs(-60);
    operation.lastChecked = now.addSecs(-5);
    return operation;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption rowsOption(QStringLiteral("rows"), QStringLiteral("Rows."),
                                        QStringLiteral("n"), QStringLiteral("10000"));
    const QCommandLineOption changedOption(QStringLiteral("changed"),
                                           QStringLiteral("Rows changed per batch."),
                                           QStringLiteral("k"), QStringLiteral("1000"));
    const QCommandLineOption repeatOption(QStringLiteral("repeat"),
                                          QStringLiteral("Batches to time."), QStringLiteral("r"),
                                          QStringLiteral("3"));
    const QCommandLineOption viewOption(QStringLiteral("view"),
                                        QStringLiteral("Show the proxies in a table view."));
    parser.addOptions({rowsOption, changedOption, repeatOption, viewOption});
    parser.addHelpOption();
    parser.process(app);
    const int rows = parser.value(rowsOption).toInt();
    const int changed = parser.value(changedOption).toInt();
    const int repeat = parser.value(repeatOption).toInt();
    if (rows <= 0 || changed <= 0 || repeat <= 0 || qint64(changed) * repeat > rows) {
        std::fprintf(stderr, "need rows > 0 and changed x repeat <= rows\n");
        return 1;
    }

    const QDateTime now = QDateTime::currentDateTimeUtc();
    OperationTableModel model;
    model.setClock([now] { return now; });
    QList<TrackedOperation> operations;
    operations.reserve(rows);
    for (int i = 0; i < rows; ++i)
        operations.append(runningOperation(i, now));
    model.add(operations);

    OperationStyleProxy styleProxy;
    styleProxy.setSourceModel(&model);
    OperationFilterProxy sortProxy;
    sortProxy.setSourceModel(&styleProxy);
    sortProxy.sort(OperationTableModel::StatusColumn, Qt::AscendingOrder);
    std::unique_ptr<QTableView> view;
    if (parser.isSet(viewOption)) {
        view = std::make_unique<QTableView>();
        view->setModel(&sortProxy);
        view->resize(1400, 800);
        view->show();
        QApplication::processEvents();
    }

    // Scattered rows, each changed once over all batches.
    std::vector<int> order(rows);
    std::iota(order.begin(), order.end(), 0);
    QRandomGenerator random(42);
    std::shuffle(order.begin(), order.end(), random);

    std::vector<double> times;
    std::vector<double> cpuTimes;
    for (int batchNumber = 0; batchNumber < repeat; ++batchNumber) {
        QList<TrackedOperation> batch;
        batch.reserve(changed);
        for (int i = 0; i < changed; ++i) {
            TrackedOperation operation = model.at(order[size_t(batchNumber) * changed + i]);
            operation.last.status = OperationStatus::Succeeded;
            operation.last.rawStatus = QStringLiteral("succeeded");
            operation.lastChecked = now;
            batch.append(operation);
        }
        QElapsedTimer timer;
        timer.start();
        const std::clock_t cpuStart = std::clock();
        model.update(batch);
        if (view)
            QApplication::processEvents();
        times.push_back(timer.nsecsElapsed() / 1e6);
        cpuTimes.push_back(double(std::clock() - cpuStart) * 1000 / CLOCKS_PER_SEC);
    }
    std::sort(times.begin(), times.end());
    std::sort(cpuTimes.begin(), cpuTimes.end());

    std::printf("rows %d, changed %d per batch, sorted by status%s: median %.1f ms, "
                "best %.1f ms, worst %.1f ms (%d batches); CPU median %.1f ms, best %.1f ms\n",
                rows, changed, view ? ", shown in a view" : "", times[times.size() / 2],
                times.front(), times.back(), repeat, cpuTimes[cpuTimes.size() / 2],
                cpuTimes.front());
    return 0;
}
