#include "app/data/jsonlinesscanner.h"
#include "app/downloads/gzipjsonlinesverifier.h"
#include "support/zlibdata.h"

#include <QBuffer>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

QByteArray jsonLines(int count, int firstId = 0)
{
    QByteArray text;
    for (int i = 0; i < count; ++i)
        text += "{\"id\":" + QByteArray::number(firstId + i) + ",\"customerName\":\"Contoso\"}\n";
    return text;
}

JsonLinesReport verifyInChunks(const QByteArray &data, int chunkSize, QIODevice *output = nullptr,
                               const ScanLimits &limits = {})
{
    JsonLinesScanner verifier(nullptr, limits, output);
    for (int offset = 0; offset < data.size(); offset += chunkSize) {
        if (!verifier.addData(data.constData() + offset,
                              qMin(chunkSize, int(data.size()) - offset)))
            return verifier.report();
    }
    verifier.finish();
    return verifier.report();
}

} // namespace

class TestGzipVerifier : public QObject
{
    Q_OBJECT

private slots:
    void countsLinesOfOneMember_data()
    {
        QTest::addColumn<int>("chunkSize");
        QTest::newRow("whole") << (1 << 30);
        QTest::newRow("one byte at a time") << 1;
        QTest::newRow("odd chunks") << 977;
    }
    void countsLinesOfOneMember()
    {
        QFETCH(int, chunkSize);
        const QByteArray text = jsonLines(500);
        const QByteArray compressed = ZlibData::gzip(text);
        const JsonLinesReport report = verifyInChunks(compressed, chunkSize);
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.lines, 500);
        QCOMPARE(report.gzipMembers, 1);
        QCOMPARE(report.compressedBytes, compressed.size());
        QCOMPARE(report.uncompressedBytes, text.size());
    }

    void readsConcatenatedMembers()
    {
        const QByteArray first = jsonLines(10);
        const QByteArray second = jsonLines(7, 10);
        const QByteArray third = jsonLines(3, 17);
        const QByteArray data
            = ZlibData::gzip(first) + ZlibData::gzip(second) + ZlibData::gzip(third);
        for (const int chunkSize : {1, 13, 4096}) {
            const JsonLinesReport report = verifyInChunks(data, chunkSize);
            QVERIFY2(report.ok, qPrintable(report.error));
            QCOMPARE(report.gzipMembers, 3);
            QCOMPARE(report.lines, 20);
            QCOMPARE(report.uncompressedBytes, first.size() + second.size() + third.size());
        }
    }

    void acceptsBlankLinesCrLfAndNoFinalNewline()
    {
        const QByteArray text = "{\"a\":1}\r\n\n   \n{\"b\":2}\n{\"c\":3}";
        const JsonLinesReport report = verifyInChunks(ZlibData::gzip(text), 5);
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.lines, 3);
    }

    void inflatesHighlyCompressedData()
    {
        // 8 MB of near-identical lines deflate to a few KB: one input chunk yields many
        // output buffers, which must all be drained before the stream can end.
        const QByteArray text = jsonLines(1).repeated(200000);
        const QByteArray compressed = ZlibData::gzip(text);
        QVERIFY(compressed.size() < text.size() / 50);
        QBuffer copy;
        copy.open(QIODevice::WriteOnly);
        const JsonLinesReport report = verifyInChunks(compressed, 1 << 20, &copy);
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.lines, 200000);
        QCOMPARE(copy.data(), text);
    }

    void reportsBadData_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("expected");
        const QByteArray good = ZlibData::gzip(jsonLines(200));
        QByteArray flipped = good;
        flipped[flipped.size() / 2] = char(flipped.at(flipped.size() / 2) ^ 0x55);
        QByteArray badCrc = good;
        badCrc[badCrc.size() - 6] = char(badCrc.at(badCrc.size() - 6) ^ 0x01);

        QTest::newRow("empty") << QByteArray() << QStringLiteral("the file is empty");
        QTest::newRow("plain text")
            << QByteArray("{\"a\":1}\n") << QStringLiteral("not a valid gzip file");
        QTest::newRow("truncated") << good.left(good.size() - 20)
                                   << QStringLiteral("ends in the middle of the gzip stream");
        // Damaged deflate data either fails to inflate or inflates to damaged text.
        QTest::newRow("flipped byte")
            << flipped << QStringLiteral("not a valid gzip file|line \\d+ is not valid JSON");
        QTest::newRow("bad checksum") << badCrc << QStringLiteral("not a valid gzip file");
        QTest::newRow("trailing garbage")
            << good + QByteArray("garbage") << QStringLiteral("unexpected data after the end");
        QTest::newRow("not json") << ZlibData::gzip("{\"a\":1}\n{oops}\n")
                                  << QStringLiteral("line 2 is not valid JSON");
        QTest::newRow("array line") << ZlibData::gzip("{\"a\":1}\n[1,2]\n")
                                    << QStringLiteral("line 2 is JSON but not an object");
        QTest::newRow("number line")
            << ZlibData::gzip("42\n")
            << QStringLiteral("line 1 is (JSON but not an object|not valid JSON)");
    }
    void reportsBadData()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, expected);
        for (const int chunkSize : {1, 1 << 20}) {
            const JsonLinesReport report = verifyInChunks(data, chunkSize);
            QVERIFY(!report.ok);
            QVERIFY2(report.error.contains(QRegularExpression(expected)), qPrintable(report.error));
        }
    }

    void refusesEndlessLine()
    {
        const QByteArray text
            = "{\"a\":\"" + QByteArray(ScanLimits::MaxLineBytes + 10, 'x') + "\"}\n";
        ScanLimits limits;
        limits.maxRatio = 1e9; // a line of one letter compresses like a bomb
        const JsonLinesReport report
            = verifyInChunks(ZlibData::gzip(text), 1 << 20, nullptr, limits);
        QVERIFY(!report.ok);
        QVERIFY2(report.error.contains(QLatin1String("line 1 is longer than 16 MiB")),
                 qPrintable(report.error));
    }

    void acceptsByteOrderMarkAndLongLines()
    {
        const QByteArray longLine = "{\"a\":\"" + QByteArray(4 << 20, 'x') + "\"}\r\n";
        const QByteArray text = "\xEF\xBB\xBF{\"a\":1}\n" + longLine + "{\"b\":2}";
        for (const int chunkSize : {7, 1 << 20}) {
            const JsonLinesReport report = verifyInChunks(ZlibData::gzip(text), chunkSize);
            QVERIFY2(report.ok, qPrintable(report.error));
            QCOMPARE(report.lines, 3);
        }
    }

    void reportsFileWithoutRecordsAsEmpty()
    {
        const JsonLinesReport report = verifyInChunks(ZlibData::gzip("\n\r\n   \n"), 1 << 20);
        QVERIFY(!report.ok);
        QCOMPARE(report.outcome, ScanReport::Outcome::Empty);
        QVERIFY2(report.error.contains(QLatin1String("holds no records")),
                 qPrintable(report.error));
    }

    void refusesNewlineBomb()
    {
        // 8 MiB of newlines deflate about a thousandfold: far beyond any billing data.
        const QByteArray bomb = ZlibData::gzip(QByteArray(8 << 20, '\n'));
        QVERIFY(bomb.size() < 64 * 1024);
        ScanLimits limits;
        limits.ratioFloorBytes = 1 << 20;
        const JsonLinesReport report = verifyInChunks(bomb, 1 << 20, nullptr, limits);
        QVERIFY(!report.ok);
        QCOMPARE(report.outcome, ScanReport::Outcome::Refused);
        QVERIFY2(report.error.contains(QLatin1String("decompression bomb")),
                 qPrintable(report.error));
        // Stopped when it crossed the line, not after inflating everything.
        QVERIFY(report.uncompressedBytes < 4 << 20);
    }

    void refusesFileBeyondInflatedSizeLimit()
    {
        const QByteArray text = jsonLines(100000); // about 4 MB of ordinary lines
        ScanLimits limits;
        limits.maxInflatedBytes = 1 << 20;
        const JsonLinesReport report
            = verifyInChunks(ZlibData::gzip(text), 64 * 1024, nullptr, limits);
        QVERIFY(!report.ok);
        QCOMPARE(report.outcome, ScanReport::Outcome::Refused);
        QVERIFY2(report.error.contains(QLatin1String("the limit per file")),
                 qPrintable(report.error));
        QVERIFY(report.uncompressedBytes <= (1 << 20) + (1 << 20));
    }

    void refusesSymbolicLinkAsInflatedCopy()
    {
        QTemporaryDir dir;
        QTemporaryDir elsewhere;
        QFile file(dir.filePath(QStringLiteral("x.json.gz")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(ZlibData::gzip(jsonLines(10)));
        file.close();
        const QString victim = elsewhere.filePath(QStringLiteral("precious.txt"));
        QFile precious(victim);
        QVERIFY(precious.open(QIODevice::WriteOnly));
        precious.write("keep me");
        precious.close();
        const QString copyPath = dir.filePath(QStringLiteral("x.jsonl"));
        QVERIFY(QFile::link(victim, copyPath));

        const JsonLinesReport report = verifyGzipJsonLinesFile(file.fileName(), copyPath);
        QVERIFY(!report.ok);
        QVERIFY2(report.error.contains(QLatin1String("symbolic link")), qPrintable(report.error));
        QVERIFY(precious.open(QIODevice::ReadOnly));
        QCOMPARE(precious.readAll(), QByteArray("keep me"));
    }

    void verifiesFileAndWritesInflatedCopy()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray text = jsonLines(1000);
        QFile file(dir.filePath(QStringLiteral("part-0.json.gz")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(ZlibData::gzip(text));
        file.close();

        const QString copyPath = dir.filePath(QStringLiteral("part-0.jsonl"));
        const JsonLinesReport report = verifyGzipJsonLinesFile(file.fileName(), copyPath);
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.lines, 1000);
        QFile copy(copyPath);
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), text);
    }

    void corruptFileLeavesNoInflatedCopy()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("bad.json.gz")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(ZlibData::gzip(jsonLines(10) + "not json\n"));
        file.close();
        const QString copyPath = dir.filePath(QStringLiteral("bad.jsonl"));
        const JsonLinesReport report = verifyGzipJsonLinesFile(file.fileName(), copyPath);
        QVERIFY(!report.ok);
        QVERIFY2(report.error.contains(QLatin1String("line 11")), qPrintable(report.error));
        QVERIFY(!QFile::exists(copyPath));
    }

    void stopsWhenCancelled()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("x.json.gz")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(ZlibData::gzip(jsonLines(100)));
        file.close();
        const std::atomic_bool cancelled {true};
        const JsonLinesReport report = verifyGzipJsonLinesFile(file.fileName(), {}, &cancelled);
        QVERIFY(!report.ok);
        QCOMPARE(report.outcome, ScanReport::Outcome::Cancelled);
    }

    void reportsMissingFile()
    {
        const JsonLinesReport report = verifyGzipJsonLinesFile(QStringLiteral("/nonexistent/x.gz"));
        QVERIFY(!report.ok);
        QVERIFY2(report.error.startsWith(QLatin1String("could not open /nonexistent/x.gz")),
                 qPrintable(report.error));
    }
};

QTEST_GUILESS_MAIN(TestGzipVerifier)
#include "tst_gzipverifier.moc"
