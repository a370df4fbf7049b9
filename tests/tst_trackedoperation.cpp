#include "app/graph/graphendpoint.h"
#include "models/sizetext.h"
#include "models/trackedoperation.h"

#include <QTest>

// The facts decided once about a tracked operation, and the small formatters and checks
// every part of the app shares.
class TestTrackedOperation : public QObject
{
    Q_OBJECT

private slots:
    void statusLabel();
    void finalStates_data();
    void finalStates();
    void ageCountsFromCreation();
    void sizes();
    void secureOrLocal_data();
    void secureOrLocal();
};

namespace {

const QDateTime Created(QDate(2026, 11, 20), QTime(10, 0), Qt::UTC);

TrackedOperation answered(OperationStatus status, const QString &raw)
{
    TrackedOperation operation;
    operation.id = QStringLiteral("6fe687d7-1e0f-4bd6-9091-4672691f64bc");
    operation.last.status = status;
    operation.last.rawStatus = raw;
    return operation;
}

} // namespace

void TestTrackedOperation::statusLabel()
{
    TrackedOperation waiting;
    QCOMPARE(waiting.statusLabel(), QStringLiteral("Not checked yet"));
    // A failed request is not an answer: the status is still not known.
    waiting.problem.kind = Problem::Kind::Unauthorized;
    QCOMPARE(waiting.statusLabel(), QStringLiteral("Not checked yet"));
    // Once checked, "not checked yet" would be wrong: no answer has given a status yet.
    waiting.lastChecked = QDateTime::currentDateTimeUtc();
    QCOMPARE(waiting.statusLabel(), QStringLiteral("No answer yet"));

    QCOMPARE(answered(OperationStatus::Running, QStringLiteral("running")).statusLabel(),
             QStringLiteral("Running"));
    QCOMPARE(answered(OperationStatus::Unknown, QStringLiteral("paused")).statusLabel(),
             QStringLiteral("Unknown (paused)"));

    TrackedOperation expired;
    expired.expired = true;
    QCOMPARE(expired.statusLabel(), QStringLiteral("Expired"));
}

void TestTrackedOperation::finalStates_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("expired");
    QTest::addColumn<bool>("final");
    QTest::newRow("not started") << int(OperationStatus::NotStarted) << false << false;
    QTest::newRow("running") << int(OperationStatus::Running) << false << false;
    QTest::newRow("unknown") << int(OperationStatus::Unknown) << false << false;
    QTest::newRow("succeeded") << int(OperationStatus::Succeeded) << false << true;
    QTest::newRow("failed") << int(OperationStatus::Failed) << false << true;
    QTest::newRow("running, expired") << int(OperationStatus::Running) << true << true;
}

void TestTrackedOperation::finalStates()
{
    QFETCH(int, status);
    QFETCH(bool, expired);
    QFETCH(bool, final);
    TrackedOperation operation = answered(OperationStatus(status), QStringLiteral("x"));
    operation.expired = expired;
    QCOMPARE(operation.isFinal(), final);
}

void TestTrackedOperation::ageCountsFromCreation()
{
    const QDateTime now = Created.addSecs(600);
    TrackedOperation operation;
    QCOMPARE(operation.ageAt(now), qint64(-1)); // nothing to count from

    operation.addedAt = Created.addSecs(300);
    QCOMPARE(operation.ageAt(now), qint64(300)); // from when it was added, until Graph says

    operation.last.createdDateTime = Created;
    operation.last.status = OperationStatus::Running;
    operation.last.rawStatus = QStringLiteral("running");
    QCOMPARE(operation.ageAt(now), qint64(600));

    // A finished export's age stops at its last action: how long it took.
    operation.last.status = OperationStatus::Succeeded;
    operation.last.lastActionDateTime = Created.addSecs(90);
    QCOMPARE(operation.ageAt(now), qint64(90));

    // A clock behind Graph's never makes an age negative.
    operation.last.status = OperationStatus::Running;
    QCOMPARE(operation.ageAt(Created.addSecs(-5)), qint64(0));
}

void TestTrackedOperation::sizes()
{
    const QLocale c = QLocale::c();
    QCOMPARE(sizeText(812, c), QStringLiteral("812 bytes"));
    QCOMPARE(sizeText(1536 * 1024, c), QStringLiteral("1.5 MB"));
    QCOMPARE(sizeText(qint64(2.5 * 1024 * 1024 * 1024), c), QStringLiteral("2.5 GB"));
}

void TestTrackedOperation::secureOrLocal_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("https") << QStringLiteral("https://graph.microsoft.com/v1.0") << true;
    QTest::newRow("HTTPS") << QStringLiteral("HTTPS://storage.example/x") << true;
    QTest::newRow("http localhost") << QStringLiteral("http://localhost:8080/") << true;
    QTest::newRow("http 127.0.0.1") << QStringLiteral("http://127.0.0.1:9000") << true;
    QTest::newRow("http ::1") << QStringLiteral("http://[::1]:9000") << true;
    QTest::newRow("http elsewhere") << QStringLiteral("http://graph.microsoft.com") << false;
    QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1/") << false;
}

void TestTrackedOperation::secureOrLocal()
{
    QFETCH(QString, url);
    QFETCH(bool, allowed);
    QCOMPARE(GraphEndpoint::isSecureOrLocal(QUrl(url)), allowed);
}

QTEST_GUILESS_MAIN(TestTrackedOperation)
#include "tst_trackedoperation.moc"
