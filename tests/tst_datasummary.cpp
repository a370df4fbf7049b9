#include "app/data/decimal.h"
#include "app/data/exportconversion.h"
#include "app/data/exportfiles.h"
#include "support/exportfixture.h"
#include "support/zlibdata.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return file.fileName();
}

// Usage lines whose totals are known in whole cents: row i bills (i % 97) + 0.01 * (i % 100).
QByteArray usageLines(int first, int count, bool lowerCaseKeys = false)
{
    QByteArray text;
    for (int i = first; i < first + count; ++i) {
        const qint64 cents = (i % 97) * 100 + (i % 100);
        QByteArray line = "{\"CustomerId\":\"c" + QByteArray::number(i % 3)
            + "\",\"CustomerName\":"
              "\"Customer "
            + QByteArray::number(i % 3)
            + "\",\"ChargeType\":\"new\","
              "\"UsageDate\":\"2024-05-"
            + QByteArray::number(10 + i % 5)
            + "T00:00:00Z\","
              "\"BillingPreTaxTotal\":"
            + QByteArray::number(cents / 100) + '.'
            + QByteArray::number(cents % 100).rightJustified(2, '0')
            + ","
              "\"BillingCurrency\":\""
            + (i % 2 ? "EUR" : "USD")
            + "\","
              "\"PricingPreTaxTotal\":\"1.10\",\"PricingCurrency\":\"USD\"}\n";
        if (lowerCaseKeys)
            line = line.toLower().replace("\"eur\"", "\"EUR\"").replace("\"usd\"", "\"USD\"");
        text += line;
    }
    return text;
}

QMap<QString, qint64> expectedCents(int first, int count)
{
    QMap<QString, qint64> cents;
    for (int i = first; i < first + count; ++i)
        cents[QLatin1String(i % 2 ? "EUR" : "USD")] += (i % 97) * 100 + (i % 100);
    return cents;
}

QString centsText(qint64 cents)
{
    return QStringLiteral("%1.%2").arg(cents / 100).arg(cents % 100, 2, 10, QLatin1Char('0'));
}

} // namespace

class TestDataSummary : public QObject
{
    Q_OBJECT

private slots:
    void decimalIsExact()
    {
        Decimal sum;
        Decimal tenth;
        QVERIFY(Decimal::parse("0.1", &tenth));
        for (int i = 0; i < 1000000; ++i)
            sum += tenth;
        QCOMPARE(sum.toString(), QStringLiteral("100000.00"));
        Decimal value;
        QVERIFY(Decimal::parse(" -12.345 ", &value));
        QCOMPARE(value.toString(), QStringLiteral("-12.35"));
        QCOMPARE(value.toExactString(), QStringLiteral("-12.345"));
        QVERIFY(Decimal::parse("1.5E3", &value));
        QCOMPARE(value.toExactString(), QStringLiteral("1500"));
        QVERIFY(Decimal::parse("2e-2", &value));
        QCOMPARE(value.toString(), QStringLiteral("0.02"));
        // Past the ninth decimal an amount is rounded, half away from zero.
        QVERIFY(Decimal::parse("0.0000000015", &value));
        QCOMPARE(value.toExactString(), QStringLiteral("0.000000002"));
        QVERIFY(Decimal::parse("-1234567.89123456789", &value));
        QCOMPARE(value.toExactString(), QStringLiteral("-1234567.891234568"));
        QVERIFY(Decimal::parse("12345678901234567890", &value));
        QCOMPARE(value.toExactString(), QStringLiteral("12345678901234567890"));
        // The short path for plain amounts and the general one agree at their border.
        const std::pair<const char *, const char *> exact[] = {
            {"1.", "1"},
            {".5", "0.5"},
            {"-0", "0"},
            {"+7.25", "7.25"},
            {"9999999999999999999", "9999999999999999999"},
            {"0.123456789", "0.123456789"},
            {"-0.1234567895", "-0.12345679"},
            {"12.5e1", "125"},
        };
        for (const auto &[text, expected] : exact) {
            QVERIFY2(Decimal::parse(text, &value), text);
            QCOMPARE(value.toExactString(), QLatin1String(expected));
        }
        for (const char *bad : {".", "-", "1..2", "1.2.", "1-2", "+-1"})
            QVERIFY2(!Decimal::parse(bad, &value), bad);
        for (const char *bad : {"", "abc", "1.2.3", "1e", "--1", "12,50", "1e99"})
            QVERIFY2(!Decimal::parse(bad, &value), bad);
    }

    void totalsMatchAnIndependentSumAcrossFilesInParallel()
    {
        QTemporaryDir dir;
        QStringList paths;
        // Two members in one file, CRLF and a byte order mark in another.
        paths << writeFile(dir, QStringLiteral("a.json.gz"),
                           ZlibData::gzip(usageLines(0, 500))
                               + ZlibData::gzip(usageLines(500, 500)));
        paths << writeFile(
            dir, QStringLiteral("b.json.gz"),
            ZlibData::gzip("\xEF\xBB\xBF" + usageLines(1000, 700).replace("\n", "\r\n")));
        paths << writeFile(dir, QStringLiteral("c.json.gz"),
                           ZlibData::gzip(usageLines(1700, 300, true)));
        const DataSummary summary = ExportFiles::summarize(paths, {}, 3);
        QVERIFY(summary.problems.isEmpty());
        QCOMPARE(summary.kind, ExportColumns::Kind::Usage);
        QCOMPARE(summary.files, 3);
        QCOMPARE(summary.rows, 2000);
        const QMap<QString, qint64> expected = expectedCents(0, 2000);
        QCOMPARE(summary.totals.keys(), expected.keys());
        for (auto it = expected.cbegin(); it != expected.cend(); ++it)
            QCOMPARE(summary.totals.value(it.key()).toString(), centsText(it.value()));
        QCOMPARE(summary.pricingTotals.value(QStringLiteral("USD")).toString(),
                 QStringLiteral("2200.00"));
        QCOMPARE(summary.from, QStringLiteral("2024-05-10"));
        QCOMPARE(summary.to, QStringLiteral("2024-05-14"));
        QCOMPARE(summary.count(Grouping::Customer), 3);
        const QList<GroupTotals> customers = summary.groupsBy(Grouping::Customer);
        qint64 rows = 0;
        for (const GroupTotals &customer : customers)
            rows += customer.rows;
        QCOMPARE(rows, 2000);
        QCOMPARE(customers.first().id, QStringLiteral("c0"));
        // One file spells its values in lower case; whichever a worker saw first names it.
        QCOMPARE(customers.first().name.toLower(), QStringLiteral("customer 0"));
        QCOMPARE(summary.perDay.size(), 5);
        QVERIFY(summary.missingColumns.contains(QStringLiteral("MeterCategory")));
        QVERIFY(!summary.missingColumns.contains(QStringLiteral("BillingCurrency")));
    }

    void corruptFileIsNamedAndLeftOut()
    {
        QTemporaryDir dir;
        QByteArray truncated = ZlibData::gzip(usageLines(0, 300));
        truncated.chop(30);
        const QStringList paths {
            writeFile(dir, QStringLiteral("good.json.gz"), ZlibData::gzip(usageLines(0, 100))),
            writeFile(dir, QStringLiteral("truncated.json.gz"), truncated),
        };
        const DataSummary summary = ExportFiles::summarize(paths, {}, 2);
        QCOMPARE(summary.rows, 100);
        QCOMPARE(summary.files, 1);
        QCOMPARE(summary.problems.size(), 1);
        QCOMPARE(summary.problems.first().file, QStringLiteral("truncated.json.gz"));
        QVERIFY(summary.problems.first().error.contains(QLatin1String("truncated")));
    }

    void badAmountsAreCountedAndMissingColumnsNamed()
    {
        QTemporaryDir dir;
        const QByteArray text = "{\"customerid\":\"x\",\"total\":\"12.50\"}\n"
                                "{\"CUSTOMERID\":\"x\",\"Total\":\"n/a\"}\n"
                                "{\"CustomerId\":\"y\",\"Total\":7,\"Currency\":\"EUR\"}\n"
                                "{\"CustomerId\":\"y\",\"Total\":\"\",\"BillableQuantity\":2}\n";
        const DataSummary summary = ExportFiles::summarize(
            {writeFile(dir, QStringLiteral("r.json.gz"), ZlibData::gzip(text))}, {});
        QCOMPARE(summary.kind, ExportColumns::Kind::Reconciliation);
        QCOMPARE(summary.rows, 4);
        QCOMPARE(summary.badAmounts, 1);
        QCOMPARE(summary.badAmountExamples.size(), 1);
        QVERIFY2(
            summary.badAmountExamples.first().contains(QLatin1String("record 2: Total = \"n/a\"")),
            qPrintable(summary.badAmountExamples.first()));
        // Without a currency the amount is kept, under "".
        QCOMPARE(summary.totals.value(QString()).toString(), QStringLiteral("12.50"));
        QCOMPARE(summary.totals.value(QStringLiteral("EUR")).toString(), QStringLiteral("7.00"));
        QCOMPARE(summary.quantity.toString(), QStringLiteral("2.00"));
        QVERIFY(summary.missingColumns.contains(QStringLiteral("Subtotal")));
        QVERIFY(summary.missingColumns.contains(QStringLiteral("CustomerName")));
        QCOMPARE(summary.count(Grouping::Customer), 2);
    }

    void keysMatchWhateverTheirEscapesOrOrder()
    {
        // The parser compares each key in place with the one at its position in the record
        // before; escaped, reordered, longer and backslashed keys must all still land right.
        QTemporaryDir dir;
        const QByteArray text
            = "{\"CustomerId\":\"a\",\"Total\":1,\"Currency\":\"EUR\"}\n"
              "{\"Customer\\u0049d\":\"b\",\"Total\":2,\"Currency\":\"EUR\"}\n"
              "{\"Total\":3,\"CustomerId\":\"c\",\"Currency\":\"EUR\"}\n"
              "{\"CustomerIdX\":\"d\",\"CustomerId\":\"e\",\"Total\":4,\"Currency\":\"EUR\"}\n"
              "{\"Customer\\\\Id\":\"z\",\"CustomerId\":\"f\",\"Total\":5,\"Currency\":\"EUR\"}\n"
              "{\"Customer\\\\Id\":\"z\",\"Customer\\\"Id\":\"y\",\"CustomerId\":\"g\",\"Total\":6}"
              "\n";
        const DataSummary summary = ExportFiles::summarize(
            {writeFile(dir, QStringLiteral("keys.json.gz"), ZlibData::gzip(text))}, {});
        QVERIFY(summary.problems.isEmpty());
        QCOMPARE(summary.rows, 6);
        QCOMPARE(summary.totals.value(QStringLiteral("EUR")).toString(), QStringLiteral("15.00"));
        QCOMPARE(summary.totals.value(QString()).toString(), QStringLiteral("6.00"));
        QStringList customers;
        for (const GroupTotals &customer : summary.groupsBy(Grouping::Customer))
            customers << customer.id;
        QCOMPARE(customers.join(QLatin1Char(',')), QStringLiteral("a,b,c,e,f,g"));
    }

    void previewKeepsDocumentedOrderAndFirstRows()
    {
        QTemporaryDir dir;
        const QByteArray text = "{\"Zeta\":\"z\",\"BillingCurrency\":\"EUR\",\"AdditionalInfo\":"
                                "{\"k\":[1,2]},\"BillingPreTaxTotal\":1.5}\n";
        const QStringList paths {
            writeFile(dir, QStringLiteral("p.json.gz"), ZlibData::gzip(text.repeated(5)))};
        const DataSummary summary = ExportFiles::summarize(paths, {});
        QCOMPARE(summary.columns,
                 QStringList({QStringLiteral("AdditionalInfo"), QStringLiteral("BillingCurrency"),
                              QStringLiteral("BillingPreTaxTotal"), QStringLiteral("Zeta")}));
        const QList<QStringList> rows = ExportFiles::preview(paths, summary.columns, 3, {});
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.first(),
                 QStringList({QStringLiteral("{\"k\":[1,2]}"), QStringLiteral("EUR"),
                              QStringLiteral("1.5"), QStringLiteral("z")}));
    }

    void workbookSplitsRowsAcrossSheetsAndTypesCells()
    {
        QTemporaryDir dir;
        const QStringList paths {
            writeFile(dir, QStringLiteral("u.json.gz"), ZlibData::gzip(usageLines(0, 2500)))};
        const DataSummary summary = ExportFiles::summarize(paths, {});
        ExportConversion::Request request;
        request.paths = paths;
        request.format = ExportConversion::Format::Xlsx;
        request.out = dir.filePath(QStringLiteral("u.xlsx"));
        request.rowsPerSheet = 1000; // Excel's 1,048,575 in real use
        const ExportConversion::Result result = ExportConversion::convert(request, summary);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.rows, 2500);
        const QString script = QStringLiteral(R"(
import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1], read_only=True)
print(",".join(book.sheetnames))
print(",".join(str(sum(1 for _ in book[n].iter_rows()) - 1) for n in book.sheetnames[2:]))
row = next(book["Data 2"].iter_rows(min_row=2, max_row=2, values_only=True))
header = next(book["Data 2"].iter_rows(max_row=1, values_only=True))
print(isinstance(row[header.index("BillingPreTaxTotal")], (int, float)), row[header.index("UsageDate")].isoformat())
totals = {r[0]: r[1] for r in book["Summary"].iter_rows(values_only=True) if r and r[0] in ("EUR", "USD")}
print("%.2f %.2f" % (totals["EUR"], totals["USD"]))
)");
        QProcess python;
        python.start(ExportFixture::python(), {QStringLiteral("-c"), script, request.out});
        QVERIFY(python.waitForFinished(60000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        const QStringList lines
            = QString::fromUtf8(python.readAllStandardOutput()).split(QLatin1Char('\n'));
        QCOMPARE(lines.value(0), QStringLiteral("Summary,Customers,Data,Data 2,Data 3"));
        QCOMPARE(lines.value(1), QStringLiteral("1000,1000,500"));
        QVERIFY2(lines.value(2).startsWith(QLatin1String("True 2024-05-1")),
                 qPrintable(lines.value(2)));
        const QMap<QString, qint64> expected = expectedCents(0, 2500);
        QCOMPARE(lines.value(3),
                 QStringLiteral("%1 %2").arg(centsText(expected.value(QStringLiteral("EUR"))),
                                             centsText(expected.value(QStringLiteral("USD")))));
    }

    void csvKeepsFormulasInertAndDatesIso()
    {
        QTemporaryDir dir;
        const QByteArray text = "{\"CustomerName\":\"=HYPERLINK(\\\"x\\\")\",\"UsageDate\":"
                                "\"2024-05-02T00:00:00Z\",\"BillingPreTaxTotal\":-1.5,"
                                "\"ChargeStartDate\":\"2024-05-01T13:45:10Z\",\"Note\":\"a,b\"}\n";
        const QStringList paths {writeFile(dir, QStringLiteral("f.json.gz"), ZlibData::gzip(text))};
        const DataSummary summary = ExportFiles::summarize(paths, {});
        ExportConversion::Request request;
        request.paths = paths;
        request.out = dir.filePath(QStringLiteral("f.csv"));
        QVERIFY(ExportConversion::convert(request, summary).ok);
        QFile file(request.out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(),
                 QByteArray(
                     "\xEF\xBB\xBF"
                     "BillingPreTaxTotal,ChargeStartDate,CustomerName,UsageDate,Note\r\n"
                     "-1.5,2024-05-01 13:45:10,\"'=HYPERLINK(\"\"x\"\")\",2024-05-02,\"a,b\"\r\n"));
    }
};

QTEST_GUILESS_MAIN(TestDataSummary)
#include "tst_datasummary.moc"
