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

} // namespace

class TestOperationStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void everyFieldRoundTrips();
    void fileIsVersionedJson();
    void missingFileStartsEmptyWithoutMessage();
    void staleTemporaryFilesAreCleared();
    void unusableFilesAreMovedAside_data();
    void unusableFilesAreMovedAside();
    void unreadableFileIsMovedAside();
    void badEntriesAreLeftOutAndTheOriginalKept();
    void version0IdListIsMigrated();
    void version0ObjectsKeepLabelsAndLocations();
    void attachFillsTheModelAndSavesChanges();
    void newOperationsAreSavedAtOnce();
    void flushWritesPendingChanges();
    void changesDuringABackgroundSaveAreNotLost();
    void saveFailureIsReported();

private:
    bool writeStoreFile(const QByteArray &content) const;
    void verifyKeptAside(const OperationStore::LoadResult &result, const QString &suffix,
                         const QByteArray &content, const QStringList &messageParts) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestOperationStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("data/operations.json"));
}

// Puts the file there as if an earlier run (or another program) had written it.
bool TestOperationStore::writeStoreFile(const QByteArray &content) const
{
    return QDir().mkpath(QFileInfo(m_path).absolutePath()) && writeAll(m_path, content);
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
    TrackedOperation bare;
    bare.id = OtherGuid;
    const TrackedOperation full = fullySetOperation();

    OperationStore store(m_path);
    QVERIFY2(store.save({full, bare}), qPrintable(store.lastError()));

    OperationStore reader(m_path);
    const OperationStore::LoadResult result = reader.load();
    QVERIFY2(result.message.isEmpty(), qPrintable(result.message));
    QVERIFY(result.keptAt.isEmpty());
    QCOMPARE(result.operations.size(), 2);
    compareOperations(result.operations.at(0), full);
    if (QTest::currentTestFailed())
        return;
    compareOperations(result.operations.at(1), bare);
    QVERIFY(!result.operations.at(1).hasBeenChecked());
    QVERIFY(result.operations.at(1).problem.isNull());

    // And once more: what was loaded saves to the same bytes (savedAt aside).
    const QByteArray first = StoreFormat::serialize(result.operations, full.addedAt);
    const StoreFormat::ParseResult again = StoreFormat::parse(first);
    QCOMPARE(StoreFormat::serialize(again.operations, full.addedAt), first);
}

void TestOperationStore::fileIsVersionedJson()
{
    OperationStore store(m_path);
    QVERIFY(store.save({fullySetOperation()}));
    const QJsonObject document = QJsonDocument::fromJson(readAll(m_path)).object();
    QCOMPARE(document.value(QLatin1String("format")).toString(),
             QStringLiteral("billing-monitor-operations"));
    QCOMPARE(document.value(QLatin1String("version")).toInt(), StoreFormat::CurrentVersion);
    QVERIFY(document.value(QLatin1String("savedAt")).toString().endsWith(u'Z'));
    const QJsonArray operations = document.value(QLatin1String("operations")).toArray();
    QCOMPARE(operations.size(), 1);
    QCOMPARE(operations.first().toObject().value(QLatin1String("id")).toString(), Guid);
    // Nothing that looks like a credential is ever written.
    QVERIFY(!readAll(m_path).contains("Bearer"));
    QVERIFY(!readAll(m_path).contains("token"));
}

void TestOperationStore::missingFileStartsEmptyWithoutMessage()
{
    OperationStore store(m_path);
    const OperationStore::LoadResult result = store.load();
    QVERIFY(result.operations.isEmpty());
    QVERIFY(result.message.isEmpty());
    QVERIFY(!result.startedEmpty);
    QVERIFY(!QFile::exists(m_path));
}

void TestOperationStore::staleTemporaryFilesAreCleared()
{
    OperationStore store(m_path);
    QVERIFY(store.save({fullySetOperation()}));
    const QString stale = m_path + QStringLiteral(".xtkcBW");
    const QString keptAside = m_path + QStringLiteral(".corrupt-20261121-203000");
    const QString unrelated = m_path + QStringLiteral(".notes");
    for (const QString &path : {stale, keptAside, unrelated})
        QVERIFY(writeAll(path, "{\"half\":"));

    const OperationStore::LoadResult result = store.load();
    QVERIFY2(result.message.isEmpty(), qPrintable(result.message));
    QCOMPARE(result.operations.size(), 1);
    QVERIFY(!QFile::exists(stale));
    QVERIFY(QFile::exists(keptAside));
    QVERIFY(QFile::exists(unrelated));
}

void TestOperationStore::unusableFilesAreMovedAside_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QString>("reason");

    QTest::newRow("empty") << QByteArray() << QStringLiteral(".corrupt-")
                           << QStringLiteral("empty");
    QTest::newRow("truncated JSON")
        << QByteArray(R"({"format":"billing-monitor-operations","version":1,"operations":[{"id":)")
        << QStringLiteral(".corrupt-") << QStringLiteral("not valid JSON");
    QTest::newRow("binary junk") << QByteArray("\x00\xff\xfe garbage", 12)
                                 << QStringLiteral(".corrupt-") << QStringLiteral("not valid JSON");
    QTest::newRow("someone else's JSON")
        << QByteArray(R"({"hello":"world"})") << QStringLiteral(".corrupt-")
        << QStringLiteral("not a Billing Monitor");
    QTest::newRow("version is text")
        << QByteArray(R"({"format":"billing-monitor-operations","version":"one","operations":[]})")
        << QStringLiteral(".corrupt-") << QStringLiteral("version");
    QTest::newRow("operations not a list")
        << QByteArray(R"({"format":"billing-monitor-operations","version":1,"operations":{}})")
        << QStringLiteral(".corrupt-") << QStringLiteral("no list of operations");
    QTest::newRow("future version")
        << QByteArray(R"({"format":"billing-monitor-operations","version":7,"operations":[)"
                      R"({"id":"6fe687d7-1e0f-4bd6-9091-4672691f64bc","newField":1}]})")
        << QStringLiteral(".newer-version-") << QStringLiteral("version 7");
}

void TestOperationStore::unusableFilesAreMovedAside()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, suffix);
    QFETCH(QString, reason);

    QVERIFY(writeStoreFile(content));

    OperationTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    OperationStore store(m_path);
    const OperationStore::LoadResult result = store.attach(&model);

    QVERIFY(result.startedEmpty);
    QVERIFY(result.operations.isEmpty());
    QCOMPARE(model.rowCount(), 0);
    verifyKeptAside(result, suffix, content, {reason, QDir::toNativeSeparators(result.keptAt)});
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!QFile::exists(m_path));

    // Starting over writes a fresh file; the one set aside is untouched.
    TrackedOperation operation;
    operation.id = Guid;
    model.add({operation});
    QVERIFY(store.flush());
    QCOMPARE(readAll(result.keptAt), content);
    QCOMPARE(OperationStore(m_path).load().operations.size(), 1);

    // A second bad file on the same second gets a name of its own.
    QVERIFY(writeAll(m_path, content));
    const OperationStore::LoadResult second = OperationStore(m_path).load();
    QVERIFY(second.keptAt != result.keptAt);
    QCOMPARE(readAll(second.keptAt), content);
    QCOMPARE(readAll(result.keptAt), content);
}

void TestOperationStore::unreadableFileIsMovedAside()
{
    // A folder where the file should be cannot be read, even by root.
    QVERIFY(QDir().mkpath(m_path));
    QVERIFY(writeAll(m_path + QStringLiteral("/inside"), "kept"));

    const OperationStore::LoadResult result = OperationStore(m_path).load();
    QVERIFY(result.startedEmpty);
    QVERIFY2(result.message.contains(u"could not be read"), qPrintable(result.message));
    QVERIFY(result.keptAt.startsWith(m_path + QStringLiteral(".unreadable-")));
    QVERIFY(!QFileInfo::exists(m_path));
    QCOMPARE(readAll(result.keptAt + QStringLiteral("/inside")), QByteArray("kept"));
}

void TestOperationStore::badEntriesAreLeftOutAndTheOriginalKept()
{
    const QByteArray content = R"({"format":"billing-monitor-operations","version":1,
        "operations":[
            {"id":"6fe687d7-1e0f-4bd6-9091-4672691f64bc","label":"good",
             "addedAt":"yesterday","url":"ftp://example.com/x"},
            {"id":"not-a-guid","label":"bad"},
            {"label":"no id"},
            {"id":"9AB9CB54-D07F-4F52-9EA6-A09D7DE52C14","label":"upper case"}
        ]})";
    QVERIFY(writeStoreFile(content));

    OperationTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    OperationStore store(m_path);
    const OperationStore::LoadResult result = store.attach(&model);

    QVERIFY(!result.startedEmpty);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.at(0).id, Guid);
    QCOMPARE(model.at(0).label, QStringLiteral("good"));
    QVERIFY(!model.at(0).addedAt.isValid());
    QVERIFY(model.at(0).url.isEmpty());
    QCOMPARE(model.at(1).id, OtherGuid);
    verifyKeptAside(
        result, QStringLiteral(".partial-"), content,
        {QStringLiteral("not-a-guid"), QStringLiteral("“url”"), QStringLiteral("and 1 more")});
    if (QTest::currentTestFailed())
        return;

    // The readable part is written back in full once loading is done.
    QTRY_VERIFY(!store.hasPendingChanges());
    const OperationStore::LoadResult reloaded = OperationStore(m_path).load();
    QVERIFY2(reloaded.message.isEmpty(), qPrintable(reloaded.message));
    QCOMPARE(reloaded.operations.size(), 2);
}

void TestOperationStore::version0IdListIsMigrated()
{
    const QByteArray content = R"([
        "6fe687d7-1e0f-4bd6-9091-4672691f64bc",
        "https://graph.microsoft.com/beta/reports/partners/billing/operations/9AB9CB54-D07F-4F52-9EA6-A09D7DE52C14",
        "Location: https://graph.microsoft.com/v1.0/reports/partners/billing/operations/00000001-0000-4000-8000-000000000000",
        "6fe687d7-1e0f-4bd6-9091-4672691f64bc",
        "not an id",
        42
    ])";
    QVERIFY(writeStoreFile(content));

    OperationTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    OperationStore store(m_path);
    const OperationStore::LoadResult result = store.attach(&model);

    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.at(0).id, Guid);
    QVERIFY(model.at(0).url.isEmpty());
    QVERIFY(model.at(0).label.isEmpty());
    QCOMPARE(model.at(1).id, OtherGuid);
    QCOMPARE(model.at(1).url.toString(),
             QStringLiteral("https://graph.microsoft.com/beta/reports/partners/billing/"
                            "operations/9AB9CB54-D07F-4F52-9EA6-A09D7DE52C14"));
    QCOMPARE(model.at(2).id, numberedGuid(1));
    QVERIFY(!model.at(2).hasBeenChecked());
    verifyKeptAside(
        result, QStringLiteral(".version0-"), content,
        {QStringLiteral("version 0"), QStringLiteral("not an id"), QStringLiteral("entry 6")});
    if (QTest::currentTestFailed())
        return;

    // Rewritten in the current format straight away.
    QTRY_VERIFY(!store.hasPendingChanges());
    const StoreFormat::ParseResult current = StoreFormat::parse(readAll(m_path));
    QCOMPARE(current.outcome, StoreFormat::ParseResult::Outcome::Loaded);
    QCOMPARE(current.version, StoreFormat::CurrentVersion);
    QCOMPARE(current.operations.size(), 3);
}

void TestOperationStore::version0ObjectsKeepLabelsAndLocations()
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

void TestOperationStore::attachFillsTheModelAndSavesChanges()
{
    TrackedOperation first = fullySetOperation();
    TrackedOperation second;
    second.id = OtherGuid;
    second.label = QStringLiteral("second");
    QVERIFY(OperationStore(m_path).save({first, second}));
    const QByteArray before = readAll(m_path);

    OperationTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    OperationStore store(m_path);
    store.setSaveDelay(20);
    const OperationStore::LoadResult result = store.attach(&model);
    QVERIFY(result.message.isEmpty());
    QCOMPARE(model.rowCount(), 2);
    compareOperations(model.at(0), first);
    // Loading alone writes nothing.
    QVERIFY(!store.hasPendingChanges());
    QTest::qWait(50);
    QCOMPARE(readAll(m_path), before);

    // A label edit and a removal each reach the disk.
    QVERIFY(
        model.setData(model.index(1, OperationTableModel::LabelColumn), QStringLiteral("renamed")));
    QVERIFY(store.hasPendingChanges());
    QTRY_VERIFY(!store.hasPendingChanges());
    QCOMPARE(OperationStore(m_path).load().operations.at(1).label, QStringLiteral("renamed"));

    model.remove({Guid});
    QTRY_VERIFY(!store.hasPendingChanges());
    const QList<TrackedOperation> left = OperationStore(m_path).load().operations;
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.first().id, OtherGuid);
}

void TestOperationStore::newOperationsAreSavedAtOnce()
{
    OperationTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    OperationStore store(m_path);
    store.setSaveDelay(60 * 60 * 1000); // an hour: only the additions path can save in time
    store.attach(&model);

    TrackedOperation operation;
    operation.id = Guid;
    operation.url = QUrl::fromEncoded("http://127.0.0.1:1/v1.0/reports/partners/billing/operations/"
                                      + Guid.toLatin1());
    model.add({operation});
    QTRY_VERIFY(!store.hasPendingChanges());
    const QList<TrackedOperation> saved = OperationStore(m_path).load().operations;
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.first().url, operation.url);

    // Other changes wait for the delay.
    model.setLabel(Guid, QStringLiteral("later"));
    QTest::qWait(50);
    QVERIFY(store.hasPendingChanges());
}

void TestOperationStore::flushWritesPendingChanges()
{
    OperationTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    {
        OperationStore store(m_path);
        store.setSaveDelay(60 * 60 * 1000);
        store.attach(&model);
        TrackedOperation operation;
        operation.id = Guid;
        model.add({operation});
        QTRY_VERIFY(!store.hasPendingChanges());
        model.setLabel(Guid, QStringLiteral("flushed on quit"));
        QVERIFY(store.hasPendingChanges());
        QVERIFY(store.flush());
        QVERIFY(!store.hasPendingChanges());
    }
    QCOMPARE(OperationStore(m_path).load().operations.first().label,
             QStringLiteral("flushed on quit"));
}

void TestOperationStore::changesDuringABackgroundSaveAreNotLost()
{
    OperationTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Enough rows that each save takes a while, so changes land while one is being written.
    QList<TrackedOperation> many;
    for (int i = 0; i < 3000; ++i) {
        TrackedOperation operation = fullySetOperation();
        operation.id = numberedGuid(i);
        many.append(operation);
    }
    auto store = std::make_unique<OperationStore>(m_path);
    store->setSaveDelay(1);
    store->attach(&model);
    model.add(many);
    for (int i = 0; i < 30; ++i) {
        TrackedOperation operation;
        operation.id = numberedGuid(10000 + i);
        model.add({operation});
        model.setLabel(numberedGuid(i), QStringLiteral("relabelled %1").arg(i));
        QTest::qWait(2);
    }
    model.remove({numberedGuid(5)});
    QTRY_VERIFY_WITH_TIMEOUT(!store->hasPendingChanges(), 20000);

    const QList<TrackedOperation> saved = OperationStore(m_path).load().operations;
    QCOMPARE(saved.size(), model.rowCount());
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(saved.at(row).id, model.at(row).id);
        QCOMPARE(saved.at(row).label, model.at(row).label);
    }

    // Destroyed while a save is under way: it finishes, and nothing dangles.
    model.setLabel(numberedGuid(0), QStringLiteral("last words"));
    QTRY_VERIFY(store->hasPendingChanges());
    QTest::qWait(2);
    store.reset();
    QVERIFY(OperationStore(m_path).load().message.isEmpty());
}

void TestOperationStore::saveFailureIsReported()
{
    // The store's folder is a file: nothing can be written, and the analyst hears it once.
    QVERIFY(writeAll(m_dir->filePath(QStringLiteral("data")), "in the way"));
    OperationTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    OperationStore store(m_path);
    QSignalSpy failed(&store, &OperationStore::saveFailed);
    QSignalSpy resumed(&store, &OperationStore::savingResumed);
    store.attach(&model);

    TrackedOperation operation;
    operation.id = Guid;
    model.add({operation});
    QVERIFY(!store.flush());
    QVERIFY(!store.flush());
    QCOMPARE(failed.size(), 1);
    QVERIFY(!failed.first().first().toString().isEmpty());
    QVERIFY(store.hasPendingChanges());

    QVERIFY(QFile::remove(m_dir->filePath(QStringLiteral("data"))));
    QVERIFY(store.flush());
    QCOMPARE(resumed.size(), 1);
    QCOMPARE(OperationStore(m_path).load().operations.size(), 1);
}

QTEST_GUILESS_MAIN(TestOperationStore)
#include "tst_operationstore.moc"
