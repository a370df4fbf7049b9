#include "support/cliprocess.h"
#include "support/exportfixture.h"
#include "support/zlibdata.h"

#include "app/data/scanreport.h"
#include "app/downloads/downloadfolders.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

// summarize and convert, run as the real billing-monitor-cli on files the simulator's
// generator wrote, checked against totals computed here without the data engine.
class TestCliData : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void summarizeJsonMatchesAnIndependentSum();
    void summarizeByOtherGroupsAndAsText();
    void summarizeFindsTheDownloadFolderOfAnId();
    void corruptFileIsExitOneWithItsName();
    void convertToCsvIsExcelFriendly();
    void convertToWorkbookReadsBackInOpenpyxl();
    void convertSplitsByCustomer();
    void convertRefusesASymbolicLink();
    void decompressionCapsAreOptions();
    void usageErrors();

private:
    using Run = CliProcess;
    static Run run(const QStringList &arguments);

    QTemporaryDir m_dir;
    QString m_folder;
    QStringList m_paths;
    ExportFixture::Expected m_expected;
};

void TestCliData::initTestCase()
{
    QVERIFY2(QFileInfo(CliProcess::executable()).isExecutable(),
             qPrintable(CliProcess::executable()));
    QVERIFY(m_dir.isValid());
    m_folder = m_dir.filePath(QStringLiteral("export"));
    QVERIFY(QDir().mkpath(m_folder));
    m_paths = ExportFixture::write(m_folder, 3, 1500);
    QCOMPARE(m_paths.size(), 3);
    m_expected = ExportFixture::expected(m_paths);
    QCOMPARE(m_expected.rows, 4500);
}

TestCliData::Run TestCliData::run(const QStringList &arguments)
{
    // Big workbooks take a while on a loaded machine.
    return CliProcess::run(arguments, QProcessEnvironment::systemEnvironment(), 60000);
}

void TestCliData::summarizeJsonMatchesAnIndependentSum()
{
    const Run result = run({QStringLiteral("--json"), QStringLiteral("summarize"), m_folder});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const QStringList lines = result.lines();
    QCOMPARE(lines.size(), 1 + m_expected.rowsByCustomer.size());

    // The first line, key by key and in order; totals exact to the cent.
    QString totals;
    for (auto it = m_expected.centsByCurrency.cbegin(); it != m_expected.centsByCurrency.cend();
         ++it)
        totals += (totals.isEmpty() ? QString() : QStringLiteral(", "))
            + QStringLiteral("\"%1\": %2").arg(it.key(), ExportFixture::centsText(it.value()));
    QCOMPARE(lines.first(),
             QStringLiteral("{\"kind\": \"usage\", \"files\": 3, \"rows\": 4500, \"from\": \"%1\", "
                            "\"to\": \"%2\", \"totals\": {%3}}")
                 .arg(m_expected.from, m_expected.to, totals));
    QVERIFY(m_expected.centsByCurrency.size() >= 3);

    for (const QString &line : lines.mid(1)) {
        const QJsonObject group = QJsonDocument::fromJson(line.toUtf8()).object();
        QCOMPARE(group.value(QStringLiteral("by")).toString(), QStringLiteral("customer"));
        const QString id = group.value(QStringLiteral("id")).toString();
        QVERIFY2(m_expected.rowsByCustomer.contains(id), qPrintable(id));
        QCOMPARE(group.value(QStringLiteral("rows")).toInteger(),
                 m_expected.rowsByCustomer.value(id));
        QVERIFY(!group.value(QStringLiteral("name")).toString().isEmpty());
        const QJsonObject groupTotals = group.value(QStringLiteral("totals")).toObject();
        const QMap<QString, qint64> expected = m_expected.centsByCustomer.value(id);
        QCOMPARE(groupTotals.keys(), expected.keys());
        for (auto it = expected.cbegin(); it != expected.cend(); ++it)
            QVERIFY2(line.contains(QStringLiteral("\"%1\": %2")
                                       .arg(it.key(), ExportFixture::centsText(it.value()))),
                     qPrintable(line));
    }
}

void TestCliData::summarizeByOtherGroupsAndAsText()
{
    Run result = run({QStringLiteral("--json"), QStringLiteral("summarize"), m_folder,
                      QStringLiteral("--by"), QStringLiteral("meterCategory")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains(
        QLatin1String("{\"by\": \"meterCategory\", \"id\": \"Virtual Machines\"")));
    result = run(
        {QStringLiteral("summarize"), m_folder, QStringLiteral("--by"), QStringLiteral("product")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QLatin1String("Kind:      usage")), qPrintable(result.out));
    QVERIFY(result.out.contains(QLatin1String("Rows:      4500")));
    QVERIFY(result.out.contains(QLatin1String("Azure plan")));
}

void TestCliData::summarizeFindsTheDownloadFolderOfAnId()
{
    // A new id each run: the download folders are remembered across runs.
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    Run result = run({QStringLiteral("summarize"), id});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QLatin1String("no download of")), qPrintable(result.err));
    DownloadFolders::remember(id, m_folder);
    result = run({QStringLiteral("--json"), QStringLiteral("summarize"),
                  QStringLiteral("https://graph.microsoft.com/v1.0/reports/partners/billing/"
                                 "operations/")
                      + id});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY(
        result.out.startsWith(QLatin1String("{\"kind\": \"usage\", \"files\": 3, \"rows\": 4500")));
}

void TestCliData::corruptFileIsExitOneWithItsName()
{
    QTemporaryDir dir;
    ExportFixture::write(dir.path(), 1, 100);
    QFile bad(dir.filePath(QStringLiteral("zz-bad.json.gz")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write(BlobGenerator::gzipJsonLines(5, 100, 0).chopped(40));
    bad.close();
    Run result = run({QStringLiteral("summarize"), dir.path()});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QLatin1String("zz-bad.json.gz: the file ends in the middle")),
             qPrintable(result.err));
    result
        = run({QStringLiteral("convert"), dir.path(), QStringLiteral("--to"), QStringLiteral("csv"),
               QStringLiteral("--out"), dir.filePath(QStringLiteral("x.csv"))});
    QCOMPARE(result.exitCode, 1);
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.csv"))));
}

void TestCliData::convertToCsvIsExcelFriendly()
{
    const QString out = m_dir.filePath(QStringLiteral("all.csv"));
    const Run result = run({QStringLiteral("convert"), m_folder, QStringLiteral("--to"),
                            QStringLiteral("csv"), QStringLiteral("--out"), out});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    const QList<QByteArray> lines = bytes.mid(3).split('\n');
    QCOMPARE(lines.size(), 4500 + 2); // header, rows, and the empty rest after the last CRLF
    // Documented order (alphabetical for usage): AdditionalInfo first.
    QVERIFY2(lines.first().startsWith("AdditionalInfo,AvailabilityId,"), lines.first().constData());
    // Then the undocumented column the sample model adds.
    QVERIFY(lines.first().endsWith("UsageDate,PCToBCExchangeRateDate\r"));
    const QList<QByteArray> header = lines.first().trimmed().split(',');
    const QList<QByteArray> row = lines.at(1).trimmed().split(',');
    const int usageDate = int(header.indexOf("UsageDate"));
    QVERIFY(row.at(usageDate).startsWith("2024-05-"));
    QCOMPARE(row.at(usageDate).size(), 10); // a date, without the time
    const QByteArray total = row.at(int(header.indexOf("BillingPreTaxTotal")));
    QVERIFY2(QRegularExpression(QStringLiteral("^-?\\d+\\.\\d\\d$"))
                 .match(QString::fromLatin1(total))
                 .hasMatch(),
             total.constData());
}

void TestCliData::convertToWorkbookReadsBackInOpenpyxl()
{
    const QString out = m_dir.filePath(QStringLiteral("all.xlsx"));
    const Run result = run({QStringLiteral("convert"), m_folder, QStringLiteral("--to"),
                            QStringLiteral("xlsx"), QStringLiteral("--out"), out});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const QString script = QStringLiteral(R"(
import sys, datetime, openpyxl
book = openpyxl.load_workbook(sys.argv[1], read_only=True)
print(",".join(book.sheetnames))
data = book["Data"]
rows = list(data.iter_rows(values_only=True))
header = rows[0]
print(len(rows) - 1)
first = rows[1]
print(isinstance(first[header.index("BillingPreTaxTotal")], (int, float)))
print(type(first[header.index("UsageDate")]).__name__)
summary = {r[0]: r[1] for r in book["Summary"].iter_rows(values_only=True) if r and r[0]}
print(summary["Rows"])
print(sum(1 for _ in book["Customers"].iter_rows()) - 1)
)");
    QProcess python;
    python.start(ExportFixture::python(), {QStringLiteral("-c"), script, out});
    QVERIFY(python.waitForFinished(60000));
    QCOMPARE(python.exitCode(), 0);
    const QStringList lines
        = QString::fromUtf8(python.readAllStandardOutput()).split(QLatin1Char('\n'));
    QCOMPARE(lines.value(0), QStringLiteral("Summary,Customers,Data"));
    QCOMPARE(lines.value(1), QStringLiteral("4500"));
    QCOMPARE(lines.value(2), QStringLiteral("True"));
    QCOMPARE(lines.value(3), QStringLiteral("datetime"));
    QCOMPARE(lines.value(4), QStringLiteral("4500"));
    QCOMPARE(lines.value(5), QString::number(m_expected.rowsByCustomer.size()));
}

void TestCliData::convertSplitsByCustomer()
{
    const QString out = m_dir.filePath(QStringLiteral("per-customer"));
    const Run result = run({QStringLiteral("--json"), QStringLiteral("convert"), m_folder,
                            QStringLiteral("--to"), QStringLiteral("csv"), QStringLiteral("--out"),
                            out, QStringLiteral("--split-by"), QStringLiteral("customer")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const QStringList files = QDir(out).entryList({QStringLiteral("*.csv")}, QDir::Files);
    QCOMPARE(files.size(), m_expected.rowsByCustomer.size());
    QVERIFY2(files.join(QLatin1Char(' ')).contains(QLatin1String("Contoso Ltd (")),
             qPrintable(files.join(QLatin1Char(' '))));
    qint64 rows = 0;
    for (const QString &name : files) {
        QFile file(QDir(out).filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        rows += file.readAll().count('\n') - 1;
    }
    QCOMPARE(rows, m_expected.rows);
}

void TestCliData::convertRefusesASymbolicLink()
{
    QTemporaryDir elsewhere;
    const QString victim = elsewhere.filePath(QStringLiteral("precious.txt"));
    QFile precious(victim);
    QVERIFY(precious.open(QIODevice::WriteOnly));
    precious.write("keep me");
    precious.close();
    const QString out = m_dir.filePath(QStringLiteral("link.csv"));
    QVERIFY(QFile::link(victim, out));
    const Run result = run({QStringLiteral("convert"), m_folder, QStringLiteral("--to"),
                            QStringLiteral("xlsx"), QStringLiteral("--out"), out});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QLatin1String("symbolic link")), qPrintable(result.err));
    QVERIFY(precious.open(QIODevice::ReadOnly));
    QCOMPARE(precious.readAll(), QByteArray("keep me"));
}

void TestCliData::decompressionCapsAreOptions()
{
    // One real record repeated to 20 MiB packs far tighter than billing data does: taken
    // for a decompression bomb under a low ratio cap, accepted under a high one.
    QFile sample(m_paths.constFirst());
    QVERIFY(sample.open(QIODevice::ReadOnly));
    const QByteArray record = ZlibData::gunzip(sample.readAll()).split('\n').constFirst() + '\n';
    QByteArray text;
    while (text.size() < (20 << 20))
        text += record;
    const QByteArray packed = ZlibData::gzip(text);
    QVERIFY(packed.size() * ScanLimits::Ratio.minimum < text.size());
    QTemporaryDir dense;
    QFile file(dense.filePath(QStringLiteral("part-00000.json.gz")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(packed), packed.size());
    file.close();

    const Run refused
        = run({QStringLiteral("summarize"), dense.path(), QStringLiteral("--max-ratio"),
               QString::number(ScanLimits::Ratio.minimum)});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(QLatin1String("decompression bomb")), qPrintable(refused.err));
    const Run allowed = run({QStringLiteral("--json"), QStringLiteral("summarize"), dense.path(),
                             QStringLiteral("--max-ratio"), QStringLiteral("100000")});
    QVERIFY2(allowed.exitCode == 0, qPrintable(allowed.err));
    QCOMPARE(allowed.json().value(0).value(QStringLiteral("rows")).toInteger(),
             qint64(text.count('\n')));

    QCOMPARE(run({QStringLiteral("summarize"), dense.path(), QStringLiteral("--max-inflated-gib"),
                  QStringLiteral("0")})
                 .exitCode,
             2);
    const Run badRatio = run({QStringLiteral("convert"), dense.path(), QStringLiteral("--to"),
                              QStringLiteral("csv"), QStringLiteral("--out"),
                              dense.filePath(QStringLiteral("x.csv")),
                              QStringLiteral("--max-ratio"), QStringLiteral("many")});
    QCOMPARE(badRatio.exitCode, 2);
    QVERIFY2(badRatio.err.contains(QLatin1String("--max-ratio wants a whole number from 10 to")),
             qPrintable(badRatio.err));
}

void TestCliData::usageErrors()
{
    QCOMPARE(run({QStringLiteral("convert"), m_folder}).exitCode, 2);
    QCOMPARE(run({QStringLiteral("convert"), m_folder, QStringLiteral("--to"),
                  QStringLiteral("pdf"), QStringLiteral("--out"), QStringLiteral("x")})
                 .exitCode,
             2);
    QCOMPARE(run({QStringLiteral("summarize"), m_folder, QStringLiteral("--by"),
                  QStringLiteral("planet")})
                 .exitCode,
             2);
    const Run empty = run({QStringLiteral("summarize"), m_dir.filePath(QStringLiteral("nothing"))});
    QCOMPARE(empty.exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCliData)
#include "tst_cli_data.moc"
