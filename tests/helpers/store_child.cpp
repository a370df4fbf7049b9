// Child process of tst_storecrash: changes the tracked operations in a tight loop and saves
// each state through the real OperationStore (one transaction per flush), until it is killed. Each
// step is reported on stdout before the next one starts, so the parent knows what every completed
// save held:
//   loaded <n>        the store held n operations at start
//   +<id> / -<id>     an operation added to / removed from the model
//   saving <g>        save number g of the state so far has begun
//   saved <g>         ... and completed
// Usage: store_child <database> <seed>

#include "app/store/operationstore.h"
#include "models/operationtablemodel.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QUuid>

#include <cstdio>

namespace {

void report(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    const QStringList arguments = application.arguments();
    if (arguments.size() != 3) {
        std::fputs("usage: store_child <database> <seed>\n", stderr);
        return 2;
    }
    QRandomGenerator random(arguments.at(2).toUInt());

    OperationTableModel model;
    OperationStore store(arguments.at(1));
    QString loadProblem;
    QObject::connect(&store, &OperationStore::loadFinished,
                     [&loadProblem](const QString &message) { loadProblem = message; });
    store.attach(&model);
    store.flush(); // waits for the load
    if (!loadProblem.isEmpty()) {
        report("load-problem " + loadProblem.toUtf8());
        return 1;
    }
    report("loaded " + QByteArray::number(model.rowCount()));

    for (qint64 generation = 1;; ++generation) {
        const int additions = model.rowCount() < 20 ? 3 : random.bounded(0, 4);
        QList<TrackedOperation> added;
        for (int i = 0; i < additions; ++i) {
            TrackedOperation operation;
            operation.id = QUuid::createUuidV5(QUuid(), QString::number(random.generate64()))
                               .toString(QUuid::WithoutBraces);
            operation.label = QStringLiteral("generation %1").arg(generation);
            operation.addedAt = QDateTime::currentDateTimeUtc();
            added.append(operation);
        }
        for (const QString &id : model.add(added))
            report("+" + id.toLatin1());

        QStringList removed;
        const int removals = model.rowCount() > 60 ? 4 : random.bounded(0, 3);
        for (int i = 0; i < removals && model.rowCount() > 0; ++i) {
            const QString id = model.at(random.bounded(model.rowCount())).id;
            if (!removed.contains(id))
                removed.append(id);
        }
        model.remove(removed);
        for (const QString &id : std::as_const(removed))
            report("-" + id.toLatin1());

        report("saving " + QByteArray::number(generation));
        if (!store.flush()) {
            report("save-failed " + store.lastError().toUtf8());
            return 1;
        }
        report("saved " + QByteArray::number(generation));
    }
}
