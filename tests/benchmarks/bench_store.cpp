// Prints how long the store takes to save and load N tracked operations (every field set
// the way a polled operation has them), and the file size. Not run by CTest.

#include "app/store/operationstore.h"
#include "app/store/storeformat.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>

namespace {

QList<TrackedOperation> makeOperations(int count)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<TrackedOperation> operations;
    operations.reserve(count);
    for (int i = 0; i < count; ++i) {
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

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QTemporaryDir dir;
    for (const int count : {1000, 10000, 100000}) {
        const QList<TrackedOperation> operations = makeOperations(count);
        OperationStore store(dir.filePath(QStringLiteral("operations-%1.json").arg(count)));
        QElapsedTimer timer;
        timer.start();
        const qsizetype bytes
            = StoreFormat::serialize(operations, QDateTime::currentDateTimeUtc()).size();
        const qint64 serializeMs = timer.restart();
        if (!store.save(operations)) {
            std::fprintf(stderr, "save failed: %s\n", qPrintable(store.lastError()));
            return 1;
        }
        const qint64 saveMs = timer.restart();
        const OperationStore::LoadResult loaded = store.load();
        const qint64 loadMs = timer.elapsed();
        std::printf("%7d operations: save %5lld ms (of which serializing %lld ms), load %5lld ms, "
                    "file %6.1f MB (%lld loaded)\n",
                    count, saveMs, serializeMs, loadMs, bytes / 1e6,
                    qint64(loaded.operations.size()));
    }
    return 0;
}
