#include "models/operationids.h"

#include <QTest>

namespace {

const QString Guid = QStringLiteral("6fe687d7-1e0f-4bd6-9091-4672691f64bc");
const QString OtherGuid = QStringLiteral("9ab9cb54-d07f-4f52-9ea6-a09d7de52c14");

// A distinct, well-formed GUID for each number.
QString numberedGuid(int number)
{
    return QStringLiteral("%1-0000-4000-8000-000000000000").arg(number, 8, 16, QLatin1Char('0'));
}

} // namespace

class TestOperationIds : public QObject
{
    Q_OBJECT

private slots:
    void isValid_data();
    void isValid();
    void extract_data();
    void extract();
    void keepsFirstAppearanceOrderWithoutRepeats();
    void refusesInputLongerThanTheLimit();
    void acceptsInputOfExactlyTheLimit();
    void longRunsWithoutIdsFindNothing();
    void stopsAtMaxIdsPerInput();
    void manyRepeatsAreNotTruncation();
};

void TestOperationIds::isValid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");

    QTest::newRow("lower case") << Guid << true;
    QTest::newRow("upper case") << Guid.toUpper() << true;
    QTest::newRow("mixed case") << QStringLiteral("6FE687d7-1e0f-4BD6-9091-4672691F64bc") << true;
    QTest::newRow("surrounding whitespace")
        << QStringLiteral(" \t") + Guid + QStringLiteral("\r\n") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("only whitespace") << QStringLiteral("   ") << false;
    QTest::newRow("braces") << QLatin1Char('{') + Guid + QLatin1Char('}') << false;
    QTest::newRow("quoted") << QLatin1Char('"') + Guid + QLatin1Char('"') << false;
    QTest::newRow("url") << QStringLiteral("https://graph.microsoft.com/v1.0/x/") + Guid << false;
    QTest::newRow("two ids") << Guid + QLatin1Char(' ') + OtherGuid << false;
    QTest::newRow("no hyphens") << QStringLiteral("6fe687d71e0f4bd690914672691f64bc") << false;
    QTest::newRow("hyphen misplaced")
        << QStringLiteral("6fe687d-71e0f-4bd6-9091-4672691f64bc") << false;
    QTest::newRow("non-hex letter")
        << QStringLiteral("6fe687d7-1e0f-4bd6-9091-4672691f64bg") << false;
    QTest::newRow("one digit short") << Guid.chopped(1) << false;
    QTest::newRow("hyphen where a digit belongs")
        << QStringLiteral("-fe687d7-1e0f-4bd6-9091-4672691f64bc") << false;
    QTest::newRow("one digit long") << Guid + QLatin1Char('0') << false;
    QTest::newRow("arabic-indic digit")
        << QStringLiteral("6fe687d7-1e0f-4bd6-9091-4672691f64b") + QChar(0x0663) << false;
    QTest::newRow("fullwidth digit")
        << QChar(0xFF16) + QStringLiteral("fe687d7-1e0f-4bd6-9091-4672691f64bc") << false;
    QTest::newRow("percent-encoded hyphen")
        << QStringLiteral("6fe687d7%2D1e0f%2D4bd6%2D9091%2D4672691f64bc") << false;
}

void TestOperationIds::isValid()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QCOMPARE(OperationIds::isValid(text), valid);
}

void TestOperationIds::extract_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("ids");

    const QStringList one {Guid};
    const QStringList two {Guid, OtherGuid};

    QTest::newRow("bare") << Guid << one;
    QTest::newRow("upper case comes out lower") << Guid.toUpper() << one;
    QTest::newRow("operation url")
        << QStringLiteral("https://graph.microsoft.com/v1.0/reports/partners/billing/"
                          "operations/")
            + Guid
        << one;
    QTest::newRow("location header line")
        << QStringLiteral("Location: https://graph.microsoft.com/beta/reports/partners/"
                          "billing/operations/")
            + Guid + QStringLiteral("\r\n")
        << one;
    QTest::newRow("comma separated") << Guid + QLatin1Char(',') + OtherGuid << two;
    QTest::newRow("comma and space") << Guid + QStringLiteral(", ") + OtherGuid << two;
    QTest::newRow("semicolons") << Guid + QLatin1Char(';') + OtherGuid + QLatin1Char(';') << two;
    QTest::newRow("newlines") << QLatin1Char('\n') + Guid + QStringLiteral("\n\n") + OtherGuid
                              << two;
    QTest::newRow("tabs") << Guid + QLatin1Char('\t') + OtherGuid << two;
    QTest::newRow("quoted json array") << QStringLiteral("[\"") + Guid + QStringLiteral("\", \"")
            + OtherGuid
            + QStringLiteral("\"]") << two;
    QTest::newRow("braces") << QLatin1Char('{') + Guid + QStringLiteral("}{") + OtherGuid
            + QLatin1Char('}')
                            << two;
    QTest::newRow("single quotes in odata key")
        << QStringLiteral("operations('") + Guid + QStringLiteral("')") << one;
    QTest::newRow("json body") << QStringLiteral("{\"id\":\"") + Guid + QStringLiteral("\"}")
                               << one;
    QTest::newRow("sentence") << QStringLiteral("Please check ") + Guid + QStringLiteral(". Thanks")
                              << one;
    // A query parameter is fine: only the GUID itself ever reaches a URL.
    QTest::newRow("query string") << QStringLiteral("https://example.com/x?id=") + Guid
            + QStringLiteral("&y=1")
                                  << one;
    QTest::newRow("after percent escape")
        << QStringLiteral("operations%2F") + Guid + QStringLiteral("%22") << one;
    QTest::newRow("after json newline escape")
        << QStringLiteral("\"") + Guid + QStringLiteral("\\n") + OtherGuid + QStringLiteral("\\n\"")
        << two;

    QTest::newRow("empty") << QString() << QStringList();
    QTest::newRow("no id") << QStringLiteral("Location: https://graph.microsoft.com/")
                           << QStringList();
    QTest::newRow("40 hex digits with hyphens")
        << QStringLiteral("6fe687d7-1e0f-4bd6-9091-4672691f64bc0123") << QStringList();
    QTest::newRow("hex glued before") << QStringLiteral("a") + Guid << QStringList();
    QTest::newRow("hex glued after") << Guid + QStringLiteral("f") << QStringList();
    QTest::newRow("hex glued on both sides")
        << QStringLiteral("0123") + Guid + QStringLiteral("4567") << QStringList();
    QTest::newRow("digit glued before") << QStringLiteral("7") + Guid << QStringList();
    QTest::newRow("letter glued before") << QStringLiteral("x") + Guid << QStringList();
    QTest::newRow("letter glued after") << Guid + QStringLiteral("z") << QStringList();
    QTest::newRow("longer hyphenated run")
        << QStringLiteral("1234-") + Guid + QStringLiteral("-5678") << QStringList();
    QTest::newRow("underscore glued") << QStringLiteral("op_") + Guid << QStringList();
    QTest::newRow("40 plain hex digits")
        << QStringLiteral("6fe687d71e0f4bd690914672691f64bc01234567") << QStringList();
    QTest::newRow("path traversal")
        << QStringLiteral("../../operations/../6fe687d7-1e0f-4bd6-9091-../4672691f64bc")
        << QStringList();
    QTest::newRow("percent-encoded digits")
        << QStringLiteral("%36%66%65%36%38%37%64%37-1e0f-4bd6-9091-4672691f64bc") << QStringList();
    QTest::newRow("percent-encoded hyphens")
        << QStringLiteral("6fe687d7%2D1e0f%2D4bd6%2D9091%2D4672691f64bc") << QStringList();
    QTest::newRow("arabic-indic digits")
        << QString(8, QChar(0x0661)) + QStringLiteral("-1e0f-4bd6-9091-4672691f64bc")
        << QStringList();
    QTest::newRow("fullwidth digits")
        << QString(8, QChar(0xFF11)) + QStringLiteral("-1e0f-4bd6-9091-4672691f64bc")
        << QStringList();
    QTest::newRow("arabic-indic digit glued") << Guid + QChar(0x0661) << QStringList();
    QTest::newRow("unicode hyphen") << QStringLiteral("6fe687d7") + QChar(0x2010)
            + QStringLiteral("1e0f-4bd6-9091-4672691f64bc")
                                    << QStringList();
    QTest::newRow("truncated guid") << Guid.chopped(1) << QStringList();
    QTest::newRow("hyphen where a digit belongs")
        << QStringLiteral("6fe687d7-1e0f-4bd6-9091-4672691f-4bc") << QStringList();
    QTest::newRow("all hyphens") << QString(36, QLatin1Char('-')) << QStringList();

    QTest::newRow("glued one skipped, clean one kept")
        << QStringLiteral("ff") + Guid + QLatin1Char(' ') + OtherGuid << QStringList {OtherGuid};
}

void TestOperationIds::extract()
{
    QFETCH(QString, text);
    QFETCH(QStringList, ids);
    QCOMPARE(OperationIds::extract(text), ids);
    const OperationIds::Extraction extraction = OperationIds::scan(text);
    QCOMPARE(extraction.ids, ids);
    QVERIFY(!extraction.tooLong);
    QVERIFY(!extraction.truncated);
}

void TestOperationIds::keepsFirstAppearanceOrderWithoutRepeats()
{
    const QString text = OtherGuid + QLatin1Char('\n') + Guid.toUpper() + QLatin1Char('\n') + Guid
        + QStringLiteral(", https://graph.microsoft.com/v1.0/reports/partners/billing/"
                         "operations/")
        + OtherGuid.toUpper();
    QCOMPARE(OperationIds::extract(text), (QStringList {OtherGuid, Guid}));
}

void TestOperationIds::refusesInputLongerThanTheLimit()
{
    const QString text = Guid + QString(OperationIds::MaxInputLength, QLatin1Char(' '));
    const OperationIds::Extraction extraction = OperationIds::scan(text);
    QVERIFY(extraction.tooLong);
    QVERIFY(extraction.ids.isEmpty());
    QVERIFY(OperationIds::extract(text).isEmpty());

    // 100k ids are far beyond the limit: refused as a whole, not half-scanned.
    QString many;
    many.reserve(100000 * 37);
    for (int i = 0; i < 100000; ++i)
        many += numberedGuid(i) + QLatin1Char('\n');
    QVERIFY(OperationIds::scan(many).tooLong);
    QVERIFY(OperationIds::extract(many).isEmpty());
}

void TestOperationIds::acceptsInputOfExactlyTheLimit()
{
    QString text(OperationIds::MaxInputLength - Guid.size(), QLatin1Char(' '));
    text += Guid;
    QCOMPARE(text.size(), OperationIds::MaxInputLength);
    const OperationIds::Extraction extraction = OperationIds::scan(text);
    QVERIFY(!extraction.tooLong);
    QCOMPARE(extraction.ids, QStringList {Guid});
}

void TestOperationIds::longRunsWithoutIdsFindNothing()
{
    const int length = OperationIds::MaxInputLength;
    QVERIFY(OperationIds::extract(QString(length, QLatin1Char('a'))).isEmpty());
    QVERIFY(OperationIds::extract(QString(length, QLatin1Char('-'))).isEmpty());

    // Almost-GUIDs repeated: every position looks promising and still fails.
    const QString almost = QStringLiteral("6fe687d7-1e0f-4bd6-9091-4672691f64b-");
    QString text;
    while (text.size() + almost.size() <= length)
        text += almost;
    QVERIFY(OperationIds::extract(text).isEmpty());

    // A GUID at the very end of a long hex run is glued to it and does not count...
    QString hexRun(length - Guid.size() - 1, QLatin1Char('f'));
    QVERIFY(OperationIds::extract(QString(hexRun + Guid)).isEmpty());
    // ...but one separated from it by a space does.
    const QString separated = hexRun + QLatin1Char(' ') + Guid;
    QCOMPARE(OperationIds::extract(separated), QStringList {Guid});
}

void TestOperationIds::stopsAtMaxIdsPerInput()
{
    QString text;
    const int total = OperationIds::MaxIdsPerInput + 5;
    for (int i = 0; i < total; ++i)
        text += numberedGuid(i) + QLatin1Char(',');
    QVERIFY(text.size() <= OperationIds::MaxInputLength);

    const OperationIds::Extraction extraction = OperationIds::scan(text);
    QVERIFY(!extraction.tooLong);
    QVERIFY(extraction.truncated);
    QCOMPARE(extraction.ids.size(), OperationIds::MaxIdsPerInput);
    QCOMPARE(extraction.ids.first(), numberedGuid(0));
    QCOMPARE(extraction.ids.last(), numberedGuid(OperationIds::MaxIdsPerInput - 1));
    QCOMPARE(OperationIds::extract(text).size(), OperationIds::MaxIdsPerInput);
}

void TestOperationIds::manyRepeatsAreNotTruncation()
{
    QString text;
    for (int i = 0; i < OperationIds::MaxIdsPerInput + 100; ++i)
        text += numberedGuid(i % 3) + QLatin1Char(' ');
    text += numberedGuid(OperationIds::MaxIdsPerInput);
    const OperationIds::Extraction extraction = OperationIds::scan(text);
    QVERIFY(!extraction.truncated);
    QCOMPARE(extraction.ids,
             (QStringList {numberedGuid(0), numberedGuid(1), numberedGuid(2),
                           numberedGuid(OperationIds::MaxIdsPerInput)}));
}

QTEST_GUILESS_MAIN(TestOperationIds)
#include "tst_operationids.moc"
