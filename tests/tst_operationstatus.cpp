#include "models/operationstatus.h"
#include "models/statusstyle.h"

#include <QSet>
#include <QTest>

class TestOperationStatus : public QObject
{
    Q_OBJECT

private slots:
    void fromGraph_data();
    void fromGraph();
    void keysRoundTrip_data();
    void keysRoundTrip();
    void fromKey_data();
    void fromKey();
    void terminal_data();
    void terminal();
    void everyStatusHasItsOwnLook();
};

void TestOperationStatus::fromGraph_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<OperationStatus>("status");

    QTest::newRow("notStarted") << QStringLiteral("notStarted") << OperationStatus::NotStarted;
    QTest::newRow("running") << QStringLiteral("running") << OperationStatus::Running;
    QTest::newRow("succeeded") << QStringLiteral("succeeded") << OperationStatus::Succeeded;
    QTest::newRow("failed") << QStringLiteral("failed") << OperationStatus::Failed;
    // The docs' property table says "completed"; the examples say "succeeded".
    QTest::newRow("completed") << QStringLiteral("completed") << OperationStatus::Succeeded;
    QTest::newRow("unknownFutureValue")
        << QStringLiteral("unknownFutureValue") << OperationStatus::Unknown;
    QTest::newRow("upper case") << QStringLiteral("RUNNING") << OperationStatus::Running;
    QTest::newRow("pascal case") << QStringLiteral("NotStarted") << OperationStatus::NotStarted;
    QTest::newRow("lower case") << QStringLiteral("notstarted") << OperationStatus::NotStarted;
    QTest::newRow("Completed") << QStringLiteral("Completed") << OperationStatus::Succeeded;
    QTest::newRow("Failed") << QStringLiteral("Failed") << OperationStatus::Failed;
    QTest::newRow("empty") << QString() << OperationStatus::Unknown;
    QTest::newRow("surrounding space") << QStringLiteral(" running ") << OperationStatus::Unknown;
    QTest::newRow("snake case") << QStringLiteral("not_started") << OperationStatus::Unknown;
    QTest::newRow("security skipped") << QStringLiteral("skipped") << OperationStatus::Unknown;
    QTest::newRow("expired is ours, not Graph's")
        << QStringLiteral("expired") << OperationStatus::Unknown;
    QTest::newRow("number") << QStringLiteral("2") << OperationStatus::Unknown;
    QTest::newRow("prefix") << QStringLiteral("succeededish") << OperationStatus::Unknown;
    QTest::newRow("dotless i") << QString::fromUtf8("runn\xc4\xb1ng") << OperationStatus::Unknown;
}

void TestOperationStatus::fromGraph()
{
    QFETCH(QString, raw);
    QFETCH(OperationStatus, status);
    QCOMPARE(operationStatusFromGraph(raw), status);
}

void TestOperationStatus::keysRoundTrip_data()
{
    QTest::addColumn<OperationStatus>("status");
    QTest::addColumn<QString>("key");

    QTest::newRow("notStarted") << OperationStatus::NotStarted << QStringLiteral("notStarted");
    QTest::newRow("running") << OperationStatus::Running << QStringLiteral("running");
    QTest::newRow("succeeded") << OperationStatus::Succeeded << QStringLiteral("succeeded");
    QTest::newRow("failed") << OperationStatus::Failed << QStringLiteral("failed");
    QTest::newRow("unknown") << OperationStatus::Unknown << QStringLiteral("unknown");
    QTest::newRow("expired") << OperationStatus::Expired << QStringLiteral("expired");
}

void TestOperationStatus::keysRoundTrip()
{
    QFETCH(OperationStatus, status);
    QFETCH(QString, key);
    QCOMPARE(operationStatusKey(status), key);
    QCOMPARE(operationStatusFromKey(key), status);
}

void TestOperationStatus::fromKey_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<OperationStatus>("status");

    QTest::newRow("completed from an old store")
        << QStringLiteral("completed") << OperationStatus::Succeeded;
    QTest::newRow("empty") << QString() << OperationStatus::Unknown;
    QTest::newRow("garbage") << QStringLiteral("{}") << OperationStatus::Unknown;
    // Keys are written by us in one spelling; only Graph's own words are case-blind.
    QTest::newRow("Expired") << QStringLiteral("Expired") << OperationStatus::Unknown;
}

void TestOperationStatus::fromKey()
{
    QFETCH(QString, key);
    QFETCH(OperationStatus, status);
    QCOMPARE(operationStatusFromKey(key), status);
}

void TestOperationStatus::terminal_data()
{
    QTest::addColumn<OperationStatus>("status");
    QTest::addColumn<bool>("terminal");

    QTest::newRow("notStarted") << OperationStatus::NotStarted << false;
    QTest::newRow("running") << OperationStatus::Running << false;
    QTest::newRow("succeeded") << OperationStatus::Succeeded << true;
    QTest::newRow("failed") << OperationStatus::Failed << true;
    QTest::newRow("unknown keeps polling") << OperationStatus::Unknown << false;
    QTest::newRow("expired") << OperationStatus::Expired << false;
}

void TestOperationStatus::terminal()
{
    QFETCH(OperationStatus, status);
    QFETCH(bool, terminal);
    QCOMPARE(isTerminal(status), terminal);
}

void TestOperationStatus::everyStatusHasItsOwnLook()
{
    const QList<OperationStatus> all {OperationStatus::NotStarted, OperationStatus::Running,
                                      OperationStatus::Succeeded,  OperationStatus::Failed,
                                      OperationStatus::Unknown,    OperationStatus::Expired};
    QSet<QString> texts;
    QSet<QByteArray> icons;
    for (OperationStatus status : all) {
        QCOMPARE(statusStyle(status).status, status);
        QVERIFY(!statusText(status).isEmpty());
        texts.insert(statusText(status));
        icons.insert(QByteArray(statusStyle(status).iconName));
    }
    // Colour is never the only signal: text and icon shape differ for every status.
    QCOMPARE(texts.size(), all.size());
    QCOMPARE(icons.size(), all.size());
}

QTEST_GUILESS_MAIN(TestOperationStatus)
#include "tst_operationstatus.moc"
