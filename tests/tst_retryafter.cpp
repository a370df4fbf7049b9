#include "app/graph/retryafter.h"

#include <QTest>

class TestRetryAfter : public QObject
{
    Q_OBJECT

private slots:
    void delay_data();
    void delay();
    void dateFormsAgree();
};

namespace {

const QDateTime Now(QDate(2015, 10, 21), QTime(7, 28, 0), Qt::UTC);
constexpr qint64 Absent = -1;

} // namespace

void TestRetryAfter::delay_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<qint64>("expectedMs"); // Absent: treated as no header

    QTest::newRow("integer") << QByteArray("120") << qint64(120000);
    QTest::newRow("zero") << QByteArray("0") << qint64(0);
    QTest::newRow("spaces around") << QByteArray("  7 ") << qint64(7000);
    QTest::newRow("fractional, Graph's own example") << QByteArray("2.128") << qint64(2128);
    QTest::newRow("fraction rounds up, never early") << QByteArray("0.0001") << qint64(1);
    QTest::newRow("half a second") << QByteArray("0.5") << qint64(500);
    QTest::newRow("an hour is obeyed") << QByteArray("3600") << qint64(3600000);
    QTest::newRow("huge is clamped to an hour")
        << QByteArray("99999999999999999999") << RetryAfter::MaxDelayMs;
    QTest::newRow("a day is clamped") << QByteArray("86400") << RetryAfter::MaxDelayMs;
    QTest::newRow("HTTP-date GMT") << QByteArray("Wed, 21 Oct 2015 07:28:30 GMT") << qint64(30000);
    QTest::newRow("HTTP-date +0000")
        << QByteArray("Wed, 21 Oct 2015 07:29:00 +0000") << qint64(60000);
    QTest::newRow("HTTP-date UTC") << QByteArray("Wed, 21 Oct 2015 07:28:05 UTC") << qint64(5000);
    QTest::newRow("HTTP-date with offset")
        << QByteArray("Wed, 21 Oct 2015 09:28:10 +0200") << qint64(10000);
    QTest::newRow("RFC 850 date") << QByteArray("Wednesday, 21-Oct-15 07:28:20 GMT")
                                  << qint64(20000);
    QTest::newRow("date in the past means now")
        << QByteArray("Wed, 21 Oct 2015 07:00:00 GMT") << qint64(0);
    QTest::newRow("date far ahead is clamped")
        << QByteArray("Thu, 22 Oct 2015 07:28:00 GMT") << RetryAfter::MaxDelayMs;
    QTest::newRow("empty") << QByteArray() << Absent;
    QTest::newRow("blank") << QByteArray("   ") << Absent;
    QTest::newRow("negative") << QByteArray("-5") << Absent;
    QTest::newRow("plus sign") << QByteArray("+5") << Absent;
    QTest::newRow("exponent") << QByteArray("1e3") << Absent;
    QTest::newRow("inf") << QByteArray("inf") << Absent;
    QTest::newRow("nan") << QByteArray("nan") << Absent;
    QTest::newRow("two dots") << QByteArray("1.2.3") << Absent;
    QTest::newRow("trailing dot") << QByteArray("5.") << Absent;
    QTest::newRow("leading dot") << QByteArray(".5") << Absent;
    QTest::newRow("unit") << QByteArray("5s") << Absent;
    QTest::newRow("words") << QByteArray("soon") << Absent;
    QTest::newRow("broken date") << QByteArray("Wed, 32 Oct 2015 07:28:00 GMT") << Absent;
    QTest::newRow("date without zone") << QByteArray("Wed, 21 Oct 2015 07:28:00 XYZ") << Absent;
    QTest::newRow("control bytes") << QByteArray("5\r\nX-Evil: 1") << Absent;
}

void TestRetryAfter::delay()
{
    QFETCH(QByteArray, header);
    QFETCH(qint64, expectedMs);
    const std::optional<qint64> delay = RetryAfter::delayMs(header, Now);
    if (expectedMs == Absent) {
        QVERIFY2(!delay, qPrintable(QStringLiteral("got %1").arg(delay.value_or(0))));
    } else {
        QVERIFY(delay);
        QCOMPARE(*delay, expectedMs);
    }
}

void TestRetryAfter::dateFormsAgree()
{
    const QDateTime gmt = RetryAfter::parseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT");
    QVERIFY(gmt.isValid());
    QCOMPARE(gmt, QDateTime(QDate(1994, 11, 6), QTime(8, 49, 37), Qt::UTC));
    QCOMPARE(RetryAfter::parseHttpDate("Sun, 06 Nov 1994 08:49:37 +0000"), gmt);
    QCOMPARE(RetryAfter::parseHttpDate("Sunday, 06-Nov-94 08:49:37 GMT"), gmt);
    QVERIFY(!RetryAfter::parseHttpDate("120").isValid());
}

QTEST_GUILESS_MAIN(TestRetryAfter)
#include "tst_retryafter.moc"
