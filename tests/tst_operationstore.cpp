#include "app/store/operationdatabase.h"
#include "app/store/operationstore.h"
#include "app/store/storeformat.h"
#include "models/operationtablemodel.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString Guid = QStringLiteral("6fe687d7-1e0f-4bd6-9091-4672691f64bc");
const QString OtherGuid = QStringLiteral("9ab9cb54-d07f-4f52-9ea6-a09d7de52c14");

QString numberedGuid(int number)
{
    return QStringLiteral("%1-0000-4000-8000-000000000000").arg(number, 8, 16, QLatin1Char('0'));
}

QDateTime utc(int day, int hour, int minute, int second, int ms)
{
    return QDateTime(QDate(2026, 11, day), QTime(hour, minute, second, ms), Qt::UTC);
}

// Every field of a tracked operation set to something other than its default.
TrackedOperation fullySetOperation()
{
    TrackedOperation operation;
    operation.id = Guid;
    operation.url = QUrl::fromEncoded(
        "https://graph.microsoft.com/beta/reports/partners/billing/operations/" + Guid.toLatin1());
    operation.label = QStringLiteral("Billed usage · G016907411 · full — “quoted” ✓");
    operation.addedAt = utc(20, 8, 0, 1, 2);

    Operation &last = operation.last;
    last.id = Guid;
    last.odataType = QStringLiteral("#microsoft.graph.partners.billing.failedOperation");
    last.status = OperationStatus::Failed;
    last.rawStatus = QStringLiteral("failed");
    last.createdDateTime = utc(20, 8, 12, 53, 0);
    last.lastActionDateTime = utc(20, 8, 37, 48, 504);
    last.manifestLink
        = QUrl::fromEncoded("https://graph.microsoft.com/v1.0/reports/partners/billing/manifests/"
                            "8fe347d7-1e0f-4bd6-9091-4672691f32db?x=%20y");
    last.inlineManifest = QJsonObject {
        {QStringLiteral("id"), QStringLiteral("8fe347d7-1e0f-4bd6-9091-4672691f32db")},
        {QStringLiteral("blobCount"), 2},
        {QStringLiteral("blobs"),
         QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("a.json.gz")}}}},
        {QStringLiteral("sasToken"), QStringLiteral("sv=2024&se=2026-12-01&sig=SECRET%2Bsig")},
    };
    last.error.code = QStringLiteral("5000");
    last.error.message = QStringLiteral("No data available");
    last.error.target = QStringLiteral("invoiceId");
    last.error.details = {{QStringLiteral("D1"), QStringLiteral("first"), QStringLiteral("t1")},
                          {QStringLiteral("D2"), QStringLiteral("second"), QString()}};
    last.error.innerError = QJsonObject {
        {QStringLiteral("request-id"), QStringLiteral("req-inner")},
        {QStringLiteral("date"), QStringLiteral("2026-11-20T08:37:48")},
        {QStringLiteral("nested"), QJsonObject {{QStringLiteral("deep"), true}}},
    };
    last.error.requestId = QStringLiteral("req-inner");
    last.error.date = QStringLiteral("2026-11-20T08:37:48");

    operation.problem.kind = Problem::Kind::Throttled;
    operation.problem.httpStatus = 429;
    operation.problem.code = QStringLiteral("TooManyRequests");
    operation.problem.message = QStringLiteral("Please retry again later.");
    operation.problem.requestId = QStringLiteral("req-problem");
    operation.problem.occurredAt = utc(20, 9, 0, 0, 7);

    operation.lastChecked = utc(20, 9, 0, 0, 8);
    operation.nextCheck = utc(20, 9, 0, 2, 136);
    operation.lastRetryAfter = QStringLiteral("2.128");
    operation.expired = true;
    return operation;
}

void compareField(bool equal, const char *name)
{
    QVERIFY2(equal, name);
}

void compareOperations(const TrackedOperation &actual, const TrackedOperation &expected)
{
    compareField(actual.id == expected.id, "id");
    compareField(actual.url == expected.url, "url");
    compareField(actual.url.toEncoded() == expected.url.toEncoded(), "url bytes");
    compareField(actual.label == expected.label, "label");
    compareField(actual.addedAt == expected.addedAt, "addedAt");
    compareField(actual.last.id == expected.last.id, "last.id");
    compareField(actual.last.odataType == expected.last.odataType, "last.odataType");
    compareField(actual.last.status == expected.last.status, "last.status");
    compareField(actual.last.rawStatus == expected.last.rawStatus, "last.rawStatus");
    compareField(actual.last.createdDateTime == expected.last.createdDateTime,
                 "last.createdDateTime");
    compareField(actual.last.lastActionDateTime == expected.last.lastActionDateTime,
                 "last.lastActionDateTime");
    compareField(actual.last.manifestLink == expected.last.manifestLink, "last.manifestLink");
    compareField(actual.last.inlineManifest == expected.last.inlineManifest, "last.inlineManifest");
    const PublicError &error = actual.last.error;
    const PublicError &expectedError = expected.last.error;
    compareField(error.code == expectedError.code, "error.code");
    compareField(error.message == expectedError.message, "error.message");
    compareField(error.target == expectedError.target, "error.target");
    compareField(error.details.size() == expectedError.details.size(), "error.details size");
    for (qsizetype i = 0; i < error.details.size() && i < expectedError.details.size(); ++i) {
        compareField(error.details.at(i).code == expectedError.details.at(i).code, "detail.code");
        compareField(error.details.at(i).message == expectedError.details.at(i).message,
                     "detail.message");
        compareField(error.details.at(i).target == expectedError.details.at(i).target,
                     "detail.target");
    }
    compareField(error.innerError == expectedError.innerError, "error.innerError");
    compareField(error.requestId == expectedError.requestId, "error.requestId");
    compareField(error.date == expectedError.date, "error.date");
    compareField(actual.problem.kind == expected.problem.kind, "problem.kind");
    compareField(actual.problem.httpStatus == expected.problem.httpStatus, "problem.httpStatus");
    compareField(actual.problem.code == expected.problem.code, "problem.code");
    compareField(actual.problem.message == expected.problem.message, "problem.message");
    compareField(actual.problem.requestId == expected.problem.requestId, "problem.requestId");
    compareField(actual.problem.occurredAt == expected.problem.occurredAt, "problem.occurredAt");
    compareField(actual.lastChecked == expected.lastChecked, "lastChecked");
    compareField(actual.nextCheck == expected.nextCheck, "nextCheck");
    compareField(actual.lastRetryAfter == expected.lastRetryAfter, "lastRetryAfter");
    compareField(actual.expired == expected.expired, "expired");
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeAll(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

// What the store keeps of an operation: everything but the manifest's SAS token.
TrackedOperation asStored(TrackedOperation operation)
{
    operation.last.inlineManifest.remove(QLatin1String("sasToken"));
    return operation;
}

TrackedOperation bareOperation(const QString &id, const QString &label = {})
{
    TrackedOperation operation;
    operation.id = id;
    operation.label = label;
    return operation;
}

// Runs SQL on the file through a connection of its own, as another program would.
QVariant querySql(const QString &path, const QString &sql)
{
    QVariant result;
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("test-side"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql) && query.next())
                result = query.value(0);
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("test-side"));
    return result;
}

} // namespace

class TestOperationStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void everyFieldRoundTrips();
    void operationUrlsRoundTripInAnyMix();
    void databaseIsVersionedSqliteInWalMode();
    void noSecretIsStored();
    void missingDatabaseStartsEmptyWithoutMessage();
    void unusableDatabasesAreMovedAside_data();
    void unusableDatabasesAreMovedAside();
    void unreadableDatabaseIsMovedAside();
    void legacyIdListIsImportedOnce();
    void legacyCurrentFormatIsImportedWhole();
    void legacyObjectsKeepLabelsAndLocations();
    void unusableLegacyFileIsMovedAside();
    void oversizedLegacyFileIsRefusedUnread();
    void attachFillsTheModelInTheBackground();
    void changesAreWrittenRowByRow();
    void checkedTimesWaitForTheirInterval();
    void additionsWhileLoadingKeepTheStoredOperation();
    void twoWritersKeepEachOthersOperations();
    void othersAdditionsAppearInTheModel();
    void flushWritesPendingChanges();
    void changesDuringAWriteGoInTheNext();
    void changesThatCannotBeSavedAreKeptAndReported();

private:
    bool writeFile(const QString &path, const QByteArray &content) const;
    void verifyKeptAside(const OperationStore::LoadResult &result, const QString &suffix,
                         const QByteArray &content, const QStringList &messageParts) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    QString m_legacyPath;
};

void TestOperationStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("data/operations.db"));
    m_legacyPath = m_dir->filePath(QStringLiteral("data/operations.json"));
}

// Puts the file there as if an earlier run (or another program) had written it.
bool TestOperationStore::writeFile(const QString &path, const QByteArray &content) const
{
    return QDir().mkpath(QFileInfo(path).absolutePath()) && writeAll(path, content);
}

// The original was set aside under `suffix`, byte for byte, and the message names every part.
void TestOperationStore::verifyKeptAside(const OperationStore::LoadResult &result,
                                         const QString &suffix, const QByteArray &content,
                                         const QStringList &messageParts) const
{
    for (const QString &part : messageParts)
        QVERIFY2(result.message.contains(part), qPrintable(result.message));
    QVERIFY2(result.keptAt.startsWith(m_path + suffix), qPrintable(result.keptAt));
    QCOMPARE(readAll(result.keptAt), content);
}

void TestOperationStore::everyFieldRoundTrips()
{
    const TrackedOperation bare = bareOperation(OtherGuid);
    const TrackedOperation full = fullySetOperation();

    OperationStore store(m_path);
    QStringList added;
    QVERIFY2(store.add({full, bare}, &added), qPrintable(store.lastError()));
    QCOMPARE(added, QStringList({Guid, OtherGuid}));

    const OperationStore::LoadResult result = OperationStore(m_path).load();
    QVERIFY2(result.message.isEmpty(), qPrintable(result.message));
    QVERIFY(result.keptAt.isEmpty());
    QCOMPARE(result.operations.size(), 2);
    compareOperations(result.operations.at(0), asStored(full));
    if (QTest::currentTestFailed())
        return;
    compareOperations(result.operations.at(1), bare);
    QVERIFY(!result.operations.at(1).hasBeenChecked());
    QVERIFY(result.operations.at(1).problem.isNull());

    // Adding an operation tracked already changes nothing about it.
    TrackedOperation again = bareOperation(Guid, QStringLiteral("another label"));
    QVERIFY(store.add({again}, &added));
    QVERIFY(added.isEmpty());
    QCOMPARE(OperationStore(m_path).load().operations.at(0).label, full.label);
}

// Reading takes a short way for URLs that begin like the one before (the same Graph
// folder, another id); whatever mix of them the list holds, each comes back as it was.
void TestOperationStore::operationUrlsRoundTripInAnyMix()
{
    const QByteArray graph
        = "https://graph.microsoft.com/v1.0/reports/partners/billing/operations/";
    const QList<QByteArray> urls {
        graph + "00000001-0000-4000-8000-000000000000",
        graph + "00000002-0000-4000-8000-000000000000",
        "http://127.0.0.1:8080/v1.0/reports/partners/billing/operations/"
        "00000003-0000-4000-8000-000000000000",
        graph + "00000004-0000-4000-8000-000000000000?api-version=2",
        graph + "00000005-0000-4000-8000-000000000000",
        graph + "a%20b",
        graph + "00000007-0000-4000-8000-000000000000#part",
        graph + "00000008-0000-4000-8000-000000000000",
        "https://GRAPH.microsoft.com/v1.0/reports/partners/billing/operations/"
        "00000009-0000-4000-8000-000000000000",
        graph + "0000000a-0000-4000-8000-000000000000",
        "https://graph.microsoft.com/beta/reports/partners/billing/operations/"
        "0000000b-0000-4000-8000-000000000000",
        {},
        graph + "0000000d-0000-4000-8000-000000000000",
    };
    QList<TrackedOperation> operations;
    for (int i = 0; i < urls.size(); ++i) {
        TrackedOperation operation = bareOperation(numberedGuid(i + 1));
        operation.url = QUrl::fromEncoded(urls.at(i), QUrl::StrictMode);
        operations.append(operation);
    }
    QVERIFY2(OperationStore(m_path).add(operations), "could not store the operations");

    const OperationStore::LoadResult result = OperationStore(m_path).load();
    QCOMPARE(result.operations.size(), operations.size());
    for (int i = 0; i < operations.size(); ++i) {
        const QUrl &loaded = result.operations.at(i).url;
        QCOMPARE(loaded, operations.at(i).url);
        QCOMPARE(loaded.toEncoded(), operations.at(i).url.toEncoded());
        QCOMPARE(loaded.host(), operations.at(i).url.host());
        QCOMPARE(loaded.path(), operations.at(i).url.path());
    }
}

void TestOperationStore::databaseIsVersionedSqliteInWalMode()
{
    QVERIFY(OperationStore(m_path).add({fullySetOperation()}));
    QCOMPARE(querySql(m_path, QStringLiteral("PRAGMA journal_mode")).toString(),
             QStringLiteral("wal"));
    QCOMPARE(querySql(m_path, QStringLiteral("PRAGMA user_version")).toInt(),
             OperationDatabase::SchemaVersion);
    QCOMPARE(querySql(m_path, QStringLiteral("SELECT status FROM operations")).toString(),
             QStringLiteral("failed"));
    QCOMPARE(querySql(m_path, QStringLiteral("SELECT label FROM operations")).toString(),
             fullySetOperation().label);
}

void TestOperationStore::noSecretIsStored()
{
    QVERIFY(OperationStore(m_path).add({fullySetOperation()}));
    QVERIFY(fullySetOperation().last.inlineManifest.contains(QLatin1String("sasToken")));
    const QByteArray bytes = readAll(m_path) + readAll(m_path + QStringLiteral("-wal"));
    QVERIFY(bytes.contains("a.json.gz")); // the manifest is there ...
    QVERIFY(!bytes.contains("SECRET")); // ... without its SAS token
    QVERIFY(!bytes.contains("sasToken"));
    QVERIFY(!bytes.contains("Bearer"));
}

void TestOperationStore::missingDatabaseStartsEmptyWithoutMessage()
{
    const OperationStore::LoadResult result = OperationStore(m_path).load();
    QVERIFY(result.operations.isEmpty());
    QVERIFY(result.message.isEmpty());
    QVERIFY(!result.startedEmpty);
    QCOMPARE(result.imported, -1);
    QVERIFY(QFile::exists(m_path));
}

void TestOperationStore::unusableDatabasesAreMovedAside_data()
{
    QTest::addColumn<QByteArray>("kind");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QString>("reason");

    QTest::newRow("binary junk") << QByteArray("junk") << QStringLiteral(".corrupt-")
                                 << QStringLiteral("not a database");
    QTest::newRow("someone else's database") << QByteArray("foreign") << QStringLiteral(".corrupt-")
                                             << QStringLiteral("not a Billing Monitor database");
    QTest::newRow("newer version")
        << QByteArray("newer") << QStringLiteral(".newer-version-") << QStringLiteral("version 7");
    QTest::newRow("damaged pages") << QByteArray("damaged") << QStringLiteral(".corrupt-")
                                   << QStringLiteral("could not be used");
}

void TestOperationStore::unusableDatabasesAreMovedAside()
{
    QFETCH(QByteArray, kind);
    QFETCH(QString, suffix);
    QFETCH(QString, reason);

    QVERIFY(QDir().mkpath(QFileInfo(m_path).absolutePath()));
    if (kind == "junk") {
        QVERIFY(writeAll(m_path, QByteArray(8192, 'x')));
    } else if (kind == "foreign") {
        querySql(m_path, QStringLiteral("CREATE TABLE notes (text TEXT)"));
    } else {
        QList<TrackedOperation> many;
        for (int i = 0; i < 400; ++i)
            many.append(bareOperation(numberedGuid(i), QString(200, QLatin1Char('l'))));
        QVERIFY(OperationStore(m_path).add(many));
        querySql(m_path, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        if (kind == "newer") {
            querySql(m_path, QStringLiteral("PRAGMA user_version=7"));
        } else {
            // Scribble over the pages after the first: the header stays a valid SQLite one.
            QFile file(m_path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.size() > 16 * 4096);
            QVERIFY(file.seek(4096));
            QVERIFY(file.write(QByteArray(8 * 4096, '\xA5')) == 8 * 4096);
        }
    }
    querySql(m_path, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    const QByteArray content = readAll(m_path);

    OperationTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    OperationStore store(m_path);
    QSignalSpy finished(&store, &OperationStore::loadFinished);
    store.attach(&model);
    QVERIFY(finished.wait(10000));
    const QString message = finished.first().first().toString();
    QVERIFY2(message.contains(reason), qPrintable(message));
    QCOMPARE(model.rowCount(), 0);

    // Kept aside byte for byte, named in the message; a fresh list takes its place.
    const QStringList aside = QDir(QFileInfo(m_path).absolutePath())
                                  .entryList({QStringLiteral("operations.db") + suffix + u'*'});
    QCOMPARE(aside.size(), 1);
    const QString keptAt = QFileInfo(m_path).absolutePath() + u'/' + aside.first();
    QVERIFY2(message.contains(QDir::toNativeSeparators(keptAt)), qPrintable(message));
    QCOMPARE(readAll(keptAt), content);

    model.add({bareOperation(Guid)});
    QVERIFY(store.flush());
    QCOMPARE(readAll(keptAt), content);
    const OperationStore::LoadResult reloaded = OperationStore(m_path).load();
    QVERIFY2(reloaded.message.isEmpty(), qPrintable(reloaded.message));
    QCOMPARE(reloaded.operations.size(), 1);
}

void TestOperationStore::unreadableDatabaseIsMovedAside()
{
    // A folder where the file should be cannot be read, even by root.
    QVERIFY(QDir().mkpath(m_path));
    QVERIFY(writeAll(m_path + QStringLiteral("/inside"), "kept"));

    const OperationStore::LoadResult result = OperationStore(m_path).load();
    QVERIFY(result.startedEmpty);
    QVERIFY2(result.message.contains(u"could not be used"), qPrintable(result.message));
    QVERIFY(result.keptAt.startsWith(m_path + QStringLiteral(".unreadable-")));
    QVERIFY2(result.message.contains(QDir::toNativeSeparators(result.keptAt)),
             qPrintable(result.message));
    QVERIFY(QFileInfo(m_path).isFile());
    QCOMPARE(readAll(result.keptAt + QStringLiteral("/inside")), QByteArray("kept"));
}

void TestOperationStore::legacyIdListIsImportedOnce()
{
    const QByteArray content = R"([
        "6fe687d7-1e0f-4bd6-9091-4672691f64bc",
        "https://graph.microsoft.com/beta/reports/partners/billing/operations/9AB9CB54-D07F-4F52-9EA6-A09D7DE52C14",
        "Location: https://graph.microsoft.com/v1.0/reports/partners/billing/operations/00000001-0000-4000-8000-000000000000",
        "6fe687d7-1e0f-4bd6-9091-4672691f64bc",
        "not an id",
        42
    ])";
    QVERIFY(writeFile(m_legacyPath, content));

    const OperationStore::LoadResult result = OperationStore(m_path).load();
    QCOMPARE(result.imported, 3);
    QCOMPARE(result.operations.size(), 3);
    QCOMPARE(result.operations.at(0).id, Guid);
    QVERIFY(result.operations.at(0).url.isEmpty());
    QCOMPARE(result.operations.at(1).id, OtherGuid);
    QCOMPARE(result.operations.at(1).url.toString(),
             QStringLiteral("https://graph.microsoft.com/beta/reports/partners/billing/"
                            "operations/9AB9CB54-D07F-4F52-9EA6-A09D7DE52C14"));
    QCOMPARE(result.operations.at(2).id, numberedGuid(1));
    const QString kept = m_legacyPath + QStringLiteral(".migrated");
    for (const QString &part :
         {QStringLiteral("imported"), QStringLiteral("version 0): 3."), QStringLiteral("not an id"),
          QStringLiteral("entry 6"), QDir::toNativeSeparators(kept)})
        QVERIFY2(result.message.contains(part), qPrintable(result.message));
    QVERIFY(!QFile::exists(m_legacyPath));
    QCOMPARE(readAll(kept), content);

    // Once only: the next start finds nothing to import and says nothing.
    const OperationStore::LoadResult next = OperationStore(m_path).load();
    QVERIFY2(next.message.isEmpty(), qPrintable(next.message));
    QCOMPARE(next.imported, -1);
    QCOMPARE(next.operations.size(), 3);

    // A list put back by hand is imported again without doubling anything.
    QVERIFY(writeAll(m_legacyPath, content));
    const OperationStore::LoadResult again = OperationStore(m_path).load();
    QCOMPARE(again.imported, 0);
    QCOMPARE(again.operations.size(), 3);
    QVERIFY(QFile::exists(kept + QStringLiteral("-2")));
}

void TestOperationStore::legacyCurrentFormatIsImportedWhole()
{
    const TrackedOperation full = fullySetOperation();
    QVERIFY(writeFile(
        m_legacyPath,
        StoreFormat::serialize({full, bareOperation(OtherGuid)}, QDateTime::currentDateTimeUtc())));
    const OperationStore::LoadResult result = OperationStore(m_path).load();
    QCOMPARE(result.imported, 2);
    QVERIFY2(result.message.contains(u"version 1"), qPrintable(result.message));
    QCOMPARE(result.operations.size(), 2);
    compareOperations(result.operations.at(0), asStored(full));
    QVERIFY(!readAll(m_path + QStringLiteral("-wal")).contains("SECRET"));
}

void TestOperationStore::legacyObjectsKeepLabelsAndLocations()
{
    const QByteArray content = R"([
        {"id":"6fe687d7-1e0f-4bd6-9091-4672691f64bc","label":"  March invoice  "},
        {"location":"https://graph.microsoft.com/v1.0/reports/partners/billing/operations/9ab9cb54-d07f-4f52-9ea6-a09d7de52c14",
         "label":"from Location"},
        {"id":"00000001-0000-4000-8000-000000000000",
         "url":"https://graph.microsoft.com/v1.0/reports/partners/billing/operations/00000002-0000-4000-8000-000000000000"},
        {"label":"nothing to track"}
    ])";
    const StoreFormat::ParseResult result = StoreFormat::parse(content);
    QCOMPARE(result.outcome, StoreFormat::ParseResult::Outcome::Migrated);
    QCOMPARE(result.version, 0);
    QCOMPARE(result.operations.size(), 3);
    QCOMPARE(result.operations.at(0).label, QStringLiteral("March invoice"));
    QVERIFY(result.operations.at(0).url.isEmpty());
    QCOMPARE(result.operations.at(1).id, OtherGuid);
    QCOMPARE(result.operations.at(1).label, QStringLiteral("from Location"));
    QVERIFY(result.operations.at(1).url.path().endsWith(OtherGuid));
    // The id field wins over a URL naming another operation, and that URL is not kept.
    QCOMPARE(result.operations.at(2).id, numberedGuid(1));
    QVERIFY(result.operations.at(2).url.isEmpty());
    QCOMPARE(result.repairs.size(), 1);
    QVERIFY(result.repairs.first().contains(u"entry 4"));
}

void TestOperationStore::unusableLegacyFileIsMovedAside()
{
    const QByteArray content
        = R"({"format":"billing-monitor-operations","version":1,"operations":[{"id":)";
    QVERIFY(writeFile(m_legacyPath, content));
    const OperationStore::LoadResult result = OperationStore(m_path).load();
    QVERIFY(result.operations.isEmpty());
    QVERIFY2(result.message.contains(u"not valid JSON"), qPrintable(result.message));
    QVERIFY(!QFile::exists(m_legacyPath));
    const QStringList aside = QDir(QFileInfo(m_path).absolutePath())
                                  .entryList({QStringLiteral("operations.json.corrupt-*")});
    QCOMPARE(aside.size(), 1);
    QVERIFY2(result.message.contains(aside.first()), qPrintable(result.message));
}

void TestOperationStore::oversizedLegacyFileIsRefusedUnread()
{
    // Valid JSON just over the limit: reading it whole is what took gigabytes.
    QByteArray content = "[\"" + Guid.toLatin1() + "\"";
    content += QByteArray(OperationStore::MaxLegacyFileBytes - content.size(), ' ');
    content += "]";
    QVERIFY(content.size() > OperationStore::MaxLegacyFileBytes);
    QVERIFY(writeFile(m_legacyPath, content));
    content.clear();

    const OperationStore::LoadResult result = OperationStore(m_path).load();
    QVERIFY(result.operations.isEmpty());
    QCOMPARE(result.imported, -1);
    for (const QString &part :
         {QStringLiteral("more than the 64 MB"), QDir::toNativeSeparators(m_legacyPath)})
        QVERIFY2(result.message.contains(part), qPrintable(result.message));
    // Left as it was, for the analyst to split.
    QCOMPARE(QFileInfo(m_legacyPath).size(), OperationStore::MaxLegacyFileBytes + 1);
}

void TestOperationStore::attachFillsTheModelInTheBackground()
{
    QList<TrackedOperation> many;
    for (int i = 0; i < 12000; ++i) {
        TrackedOperation operation = fullySetOperation();
        operation.id = numberedGuid(i);
        operation.last.id = operation.id;
        many.append(operation);
    }
    QVERIFY(OperationStore(m_path).add(many));

    OperationTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    OperationStore store(m_path);
    QSignalSpy finished(&store, &OperationStore::loadFinished);
    store.attach(&model);
    // attach() returns at once; the rows arrive in chunks through the event loop.
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(store.isLoading());
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.size(), 1);
    QVERIFY(finished.first().first().toString().isEmpty());
    QCOMPARE(model.rowCount(), 12000);
    compareOperations(model.at(0), asStored(many.at(0)));
    QCOMPARE(model.at(11999).id, numberedGuid(11999));
    // Loading writes nothing back.
    QVERIFY(!store.hasPendingChanges());
}

void TestOperationStore::changesAreWrittenRowByRow()
{
    QVERIFY(OperationStore(m_path).add({fullySetOperation(), bareOperation(OtherGuid)}));
    OperationTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    OperationStore store(m_path);
    store.setWriteInterval(20);
    store.attach(&model);
    QVERIFY(store.flush());
    QCOMPARE(model.rowCount(), 2);

    // Another program changes the first row behind our back: rows this store does not
    // change are not rewritten, so its change survives ours.
    querySql(m_path,
             QStringLiteral("UPDATE operations SET label = 'theirs' WHERE id = '%1'").arg(Guid));
    QVERIFY(model.setLabel(OtherGuid, QStringLiteral("renamed")));
    QVERIFY(store.hasPendingChanges());
    QTRY_VERIFY(!store.hasPendingChanges());
    QList<TrackedOperation> stored = OperationStore(m_path).load().operations;
    QCOMPARE(stored.at(0).label, QStringLiteral("theirs"));
    QCOMPARE(stored.at(1).label, QStringLiteral("renamed"));

    TrackedOperation finished = model.at(1);
    finished.last.status = OperationStatus::Succeeded;
    finished.last.rawStatus = QStringLiteral("succeeded");
    model.update({finished});
    model.add({bareOperation(numberedGuid(7))});
    model.remove({Guid});
    QTRY_VERIFY(!store.hasPendingChanges());
    stored = OperationStore(m_path).load().operations;
    QCOMPARE(stored.size(), 2);
    QCOMPARE(stored.at(0).id, OtherGuid);
    QCOMPARE(stored.at(0).last.status, OperationStatus::Succeeded);
    QCOMPARE(stored.at(1).id, numberedGuid(7));

    // Removed, then brought back (Undo): stored again.
    model.remove({OtherGuid});
    model.add({finished});
    QTRY_VERIFY(!store.hasPendingChanges());
    QCOMPARE(OperationStore(m_path).load().operations.size(), 2);
}

void TestOperationStore::checkedTimesWaitForTheirInterval()
{
    TrackedOperation running = bareOperation(Guid);
    running.last.status = OperationStatus::Running;
    running.last.rawStatus = QStringLiteral("running");
    QVERIFY(OperationStore(m_path).add({running}));
    OperationTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    OperationStore store(m_path);
    store.setWriteInterval(10);
    store.setChecksInterval(60 * 60 * 1000); // an hour: only flush() can write them in time
    store.attach(&model);
    QVERIFY(store.flush());

    // A poll that only moved the check times is not worth a write of its own ...
    TrackedOperation polled = model.at(0);
    polled.lastChecked = QDateTime::currentDateTimeUtc();
    polled.nextCheck = polled.lastChecked.addSecs(30);
    polled.lastRetryAfter = QStringLiteral("30");
    model.update({polled});
    QTest::qWait(100);
    QVERIFY(store.hasPendingChanges());
    QVERIFY(!OperationStore(m_path).load().operations.at(0).lastChecked.isValid());

    // ... a real change takes them along ...
    polled.label = QStringLiteral("labelled");
    model.update({polled});
    QTRY_VERIFY(!store.hasPendingChanges());
    QCOMPARE(OperationStore(m_path).load().operations.at(0).lastChecked, polled.lastChecked);

    // ... and flush() (on quit) writes whatever waits.
    polled.lastChecked = polled.lastChecked.addSecs(30);
    model.update({polled});
    QTest::qWait(50);
    QVERIFY(store.hasPendingChanges());
    QVERIFY(store.flush());
    QCOMPARE(OperationStore(m_path).load().operations.at(0).lastChecked, polled.lastChecked);
}

void TestOperationStore::additionsWhileLoadingKeepTheStoredOperation()
{
    QVERIFY(OperationStore(m_path).add({fullySetOperation()}));
    OperationTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    OperationStore store(m_path);
    store.attach(&model);
    // Pasted before the load arrived: the stored operation, label and state, wins.
    model.add({bareOperation(Guid), bareOperation(OtherGuid)});
    QVERIFY(store.flush());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.find(Guid)->label, fullySetOperation().label);
    const QList<TrackedOperation> stored = OperationStore(m_path).load().operations;
    QCOMPARE(stored.size(), 2);
    QCOMPARE(stored.at(0).label, fullySetOperation().label);
    QCOMPARE(stored.at(1).id, OtherGuid);
}

void TestOperationStore::twoWritersKeepEachOthersOperations()
{
    // Two windows on one list, as two processes would have them: each adds, removes and
    // quits; neither erases what the other did.
    OperationTableModel first;
    OperationTableModel second;
    QAbstractItemModelTester firstTester(&first,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester secondTester(&second,
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto firstStore = std::make_unique<OperationStore>(m_path);
    auto secondStore = std::make_unique<OperationStore>(m_path);
    firstStore->attach(&first);
    secondStore->attach(&second);
    QVERIFY(firstStore->flush());
    QVERIFY(secondStore->flush());
    first.add({bareOperation(Guid, QStringLiteral("first window"))});
    second.add({bareOperation(OtherGuid, QStringLiteral("second window"))});
    second.add({bareOperation(numberedGuid(3))});
    QVERIFY(firstStore->flush());
    QVERIFY(secondStore->flush());
    second.remove({numberedGuid(3)});
    QVERIFY(secondStore->flush());
    firstStore.reset();
    secondStore.reset();

    const QList<TrackedOperation> stored = OperationStore(m_path).load().operations;
    QCOMPARE(stored.size(), 2);
    QCOMPARE(stored.at(0).label, QStringLiteral("first window"));
    QCOMPARE(stored.at(1).label, QStringLiteral("second window"));
}

void TestOperationStore::othersAdditionsAppearInTheModel()
{
    OperationTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    OperationStore store(m_path);
    store.setWatchInterval(20);
    store.attach(&model);
    QVERIFY(store.flush());
    model.add({bareOperation(Guid)});
    QVERIFY(store.flush());
    QSignalSpy elsewhere(&store, &OperationStore::addedElsewhere);

    // What the CLI's track does.
    QVERIFY(OperationStore(m_path).add({bareOperation(OtherGuid, QStringLiteral("from the CLI"))}));
    QTRY_COMPARE(model.rowCount(), 2);
    QCOMPARE(model.at(1).label, QStringLiteral("from the CLI"));
    QCOMPARE(elsewhere.size(), 1);
    QCOMPARE(elsewhere.first().first().toStringList(), QStringList {OtherGuid});
    // Shown, not written back as this window's change.
    QVERIFY(!store.hasPendingChanges());
}

void TestOperationStore::flushWritesPendingChanges()
{
    OperationTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    {
        OperationStore store(m_path);
        store.setWriteInterval(60 * 60 * 1000);
        store.attach(&model);
        model.add({bareOperation(Guid)});
        QVERIFY(store.flush());
        model.setLabel(Guid, QStringLiteral("flushed on quit"));
        QVERIFY(store.hasPendingChanges());
        QVERIFY(store.flush());
        QVERIFY(!store.hasPendingChanges());
    }
    QCOMPARE(OperationStore(m_path).load().operations.first().label,
             QStringLiteral("flushed on quit"));
}

// Writes run on a thread of their own: what changes while one is on its way is not lost,
// nor taken for written, and a row removed meanwhile is not written back.
void TestOperationStore::changesDuringAWriteGoInTheNext()
{
    OperationTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    OperationStore store(m_path);
    store.setWriteInterval(0);
    store.attach(&model);
    QVERIFY(store.flush());
    QList<TrackedOperation> many;
    for (int i = 0; i < 2000; ++i)
        many.append(bareOperation(numberedGuid(i)));
    model.add(many);
    // The write timer fires and hands the 2,000 rows to the writer...
    QTRY_VERIFY(!QSqlDatabase::connectionNames().filter(QStringLiteral("writer")).isEmpty());
    // ... and these come while it may still be writing them.
    QVERIFY(model.setLabel(numberedGuid(1), QStringLiteral("relabelled")));
    model.add({bareOperation(Guid)});
    model.remove({numberedGuid(2)});
    QTRY_VERIFY(!store.hasPendingChanges());

    const QList<TrackedOperation> stored = OperationStore(m_path).load().operations;
    QCOMPARE(stored.size(), 2000);
    QHash<QString, QString> labels;
    for (const TrackedOperation &operation : stored)
        labels.insert(operation.id, operation.label);
    QCOMPARE(labels.value(numberedGuid(1)), QStringLiteral("relabelled"));
    QVERIFY(labels.contains(Guid));
    QVERIFY(!labels.contains(numberedGuid(2)));
}

// A list that cannot be saved keeps every change for the next attempt and says so once.
void TestOperationStore::changesThatCannotBeSavedAreKeptAndReported()
{
    // Its folder cannot be made: a file is where it should be.
    const QString blocker = QFileInfo(m_path).absolutePath() + QStringLiteral("/not-a-folder");
    QVERIFY(writeFile(blocker, "a file"));
    const QString path = blocker + QStringLiteral("/operations.db");
    OperationTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    OperationStore store(path);
    store.setWriteInterval(20);
    QSignalSpy failed(&store, &OperationStore::saveFailed);
    store.attach(&model);
    QTRY_VERIFY(!store.isLoading());
    model.add({bareOperation(Guid)});
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("not-a-folder")));
    QVERIFY(store.hasPendingChanges());
    QVERIFY(model.setLabel(Guid, QStringLiteral("still unsaved")));
    QVERIFY(!store.flush());
    QVERIFY(store.hasPendingChanges());
    QCOMPARE(failed.count(), 1);
}

QTEST_GUILESS_MAIN(TestOperationStore)
#include "tst_operationstore.moc"
