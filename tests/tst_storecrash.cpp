#include "app/store/operationstore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {

// What a store_child run said before it was killed: the ids each save it began held.
struct ChildLog
{
    int loadedCount = -1;
    QList<QSet<QString>> savingStates; // [g-1]: the state save g wrote
    int lastCompleted = 0; // the last g whose "saved g" line arrived
    QStringList errors;
};

ChildLog replay(const QByteArray &output, QSet<QString> state)
{
    ChildLog log;
    // A line cut off by the kill is not a report.
    const QByteArray complete = output.left(output.lastIndexOf('\n') + 1);
    for (const QByteArray &line : complete.split('\n')) {
        if (line.startsWith("loaded "))
            log.loadedCount = line.mid(7).toInt();
        else if (line.startsWith('+'))
            state.insert(QString::fromLatin1(line.mid(1)));
        else if (line.startsWith('-'))
            state.remove(QString::fromLatin1(line.mid(1)));
        else if (line.startsWith("saving "))
            log.savingStates.append(state);
        else if (line.startsWith("saved "))
            log.lastCompleted = line.mid(6).toInt();
        else if (!line.isEmpty())
            log.errors.append(QString::fromUtf8(line));
    }
    return log;
}

QSet<QString> idsOf(const QList<TrackedOperation> &operations)
{
    QSet<QString> ids;
    for (const TrackedOperation &operation : operations)
        ids.insert(operation.id);
    return ids;
}

} // namespace

class TestStoreCrash : public QObject
{
    Q_OBJECT

private slots:
    void killedWhileSavingLosesNoCompletedSave();
};

void TestStoreCrash::killedWhileSavingLosesNoCompletedSave()
{
    const QString child = QCoreApplication::applicationDirPath() + QStringLiteral("/store_child");
    QVERIFY2(QFileInfo(child).isExecutable(), qPrintable(child));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("operations.db"));

    constexpr int Runs = 40;
    constexpr qint64 Budget = 25000; // ms; later runs are skipped rather than slow CI down
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("seed %u", seed);
    QRandomGenerator random(seed);
    QElapsedTimer elapsed;
    elapsed.start();

    QSet<QString> onDisk; // what the store held when the previous child was killed
    int runs = 0;
    int killedMidSave = 0;
    int inFlightLanded = 0; // killed after the rename but before "saved" was printed
    qint64 savesCompleted = 0;
    for (; runs < Runs && elapsed.elapsed() < Budget; ++runs) {
        QProcess process;
        process.setProgram(child);
        process.setArguments({path, QString::number(random.generate())});
        process.start();
        QVERIFY2(process.waitForStarted(), qPrintable(process.errorString()));
        // Once it is saving, let it run for a random while and kill it without warning.
        QVERIFY2(process.waitForReadyRead(10000), "store_child said nothing");
        QTest::qWait(random.bounded(0, 120));
        process.kill();
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::CrashExit);

        const QByteArray output = process.readAllStandardOutput();
        const ChildLog log = replay(output, onDisk);
        QVERIFY2(log.errors.isEmpty(), qPrintable(log.errors.join(u'\n')));
        QCOMPARE(log.loadedCount, int(onDisk.size()));

        OperationStore store(path);
        const OperationStore::LoadResult loaded = store.load();
        QVERIFY2(loaded.message.isEmpty(), qPrintable(loaded.message));
        const QSet<QString> found = idsOf(loaded.operations);

        // The database holds the last committed save, or the one that was under way: never
        // less, never a mix.
        const QSet<QString> completed
            = log.lastCompleted == 0 ? onDisk : log.savingStates.at(log.lastCompleted - 1);
        const bool oneInFlight = log.savingStates.size() > log.lastCompleted;
        const bool matchesCompleted = found == completed;
        const bool matchesInFlight = oneInFlight && found == log.savingStates.at(log.lastCompleted);
        QVERIFY2(matchesCompleted || matchesInFlight,
                 qPrintable(QStringLiteral("run %1: %2 operations on disk, last completed save "
                                           "%3 held %4")
                                .arg(runs)
                                .arg(found.size())
                                .arg(log.lastCompleted)
                                .arg(completed.size())));
        if (oneInFlight)
            ++killedMidSave;
        if (matchesInFlight && !matchesCompleted)
            ++inFlightLanded;
        savesCompleted += log.lastCompleted;
        onDisk = found;
    }
    qInfo("%d kills, %d of them between \"saving\" and \"saved\" (%d after the new file was in "
          "place); %lld saves completed in all",
          runs, killedMidSave, inFlightLanded, savesCompleted);
    QVERIFY(runs >= 10);
    QVERIFY(savesCompleted > 0);

    // Nothing was ever set aside as unusable, and nothing else piles up beside the database
    // (its write-ahead log and index are SQLite's own).
    QStringList leftovers = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden);
    leftovers.removeAll(QStringLiteral("operations.db-wal"));
    leftovers.removeAll(QStringLiteral("operations.db-shm"));
    QVERIFY2(leftovers == QStringList {QStringLiteral("operations.db")},
             qPrintable(leftovers.join(u' ')));
}

QTEST_GUILESS_MAIN(TestStoreCrash)
#include "tst_storecrash.moc"
