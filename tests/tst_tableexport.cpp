#include "app/exports/tableexport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// The table leaving the app: RFC 4180 CSV in UTF-8 with UTC times, tab-separated text for
// the clipboard, and a real workbook with typed cells, read back with openpyxl.
class TestTableExport : public QObject
{
    Q_OBJECT

private slots:
    void csvFollowsRfc4180();
    void tabSeparatedPastesIntoCells();
    void workbookHasTypedCellsAndAFrozenHeader();
    void unwritablePlaceSaysWhy();

private:
    static TableSnapshot sample();
};

TableSnapshot TestTableExport::sample()
{
    TableSnapshot table;
    table.columns = {{QStringLiteral("Operation id"), TableSnapshot::Kind::Text},
                     {QStringLiteral("Label"), TableSnapshot::Kind::Text},
                     {QStringLiteral("Created"), TableSnapshot::Kind::Time},
                     {QStringLiteral("Age / duration"), TableSnapshot::Kind::Duration}};
    // A time given in another zone still leaves as UTC.
    const QDateTime created(QDate(2026, 11, 30), QTime(10, 15, 30), Qt::OffsetFromUTC, 3600);
    table.rows = {
        {QStringLiteral("6fe687d7-1e0f-4bd6-9091-4672691f64bc"),
         QStringLiteral("Billed usage, \"full\" · Česko"), created, qint64(3723)},
        {QStringLiteral("1b5e7a4c-2d3f-4a5b-8c9d-0e1f2a3b4c5d"), QStringLiteral("two\nlines"),
         QDateTime(), QVariant()},
    };
    return table;
}

void TestTableExport::csvFollowsRfc4180()
{
    const QByteArray csv = TableExport::toCsv(sample());
    QCOMPARE(csv,
             QByteArray("\xEF\xBB\xBF"
                        "Operation id,Label,Created (UTC),Age / duration\r\n"
                        "6fe687d7-1e0f-4bd6-9091-4672691f64bc,"
                        "\"Billed usage, \"\"full\"\" \xC2\xB7 \xC4\x8C"
                        "esko\",2026-11-30T09:15:30Z,3723\r\n"
                        "1b5e7a4c-2d3f-4a5b-8c9d-0e1f2a3b4c5d,\"two\nlines\",,\r\n"));
}

void TestTableExport::tabSeparatedPastesIntoCells()
{
    QCOMPARE(TableExport::toTabSeparated(sample()),
             QStringLiteral("Operation id\tLabel\tCreated (UTC)\tAge / duration\n"
                            "6fe687d7-1e0f-4bd6-9091-4672691f64bc\tBilled usage, \"full\" · "
                            "Česko\t2026-11-30 09:15:30\t1:02:03\n"
                            "1b5e7a4c-2d3f-4a5b-8c9d-0e1f2a3b4c5d\ttwo lines\t\t\n"));
}

void TestTableExport::workbookHasTypedCellsAndAFrozenHeader()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("operations.xlsx"));
    QFile old(path);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("an older file, replaced only by a complete workbook");
    old.close();
    QString error;
    QVERIFY2(TableExport::writeXlsx(sample(), path, &error), qPrintable(error));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList({QStringLiteral("operations.xlsx")}));

    const QString script = QStringLiteral(
        "import sys, openpyxl\n"
        "ws = openpyxl.load_workbook(sys.argv[1]).active\n"
        "print(ws.title)\n"
        "print(ws.freeze_panes)\n"
        "print(ws.auto_filter.ref)\n"
        "print(ws['A1'].value, ws['A1'].font.b)\n"
        "print(ws['B2'].value)\n"
        "print(type(ws['C2'].value).__name__, ws['C2'].value.isoformat(), ws['C2'].number_format)\n"
        "print(type(ws['D2'].value).__name__, int(ws['D2'].value.total_seconds()), "
        "ws['D2'].number_format)\n"
        "print(ws['C3'].value, ws['D3'].value)\n");
    QProcess python;
    python.setProcessChannelMode(QProcess::MergedChannels);
    python.start(QStringLiteral(PYTHON3), {QStringLiteral("-c"), script, path});
    QVERIFY(python.waitForFinished(60000));
    const QString output = QString::fromUtf8(python.readAll());
    QVERIFY2(python.exitCode() == 0, qPrintable(output));
    QCOMPARE(output.split(u'\n'),
             QStringList({QStringLiteral("Operations"), QStringLiteral("A2"),
                          QStringLiteral("A1:D3"), QStringLiteral("Operation id True"),
                          QStringLiteral("Billed usage, \"full\" · Česko"),
                          QStringLiteral("datetime 2026-11-30T09:15:30 yyyy-mm-dd hh:mm:ss"),
                          QStringLiteral("timedelta 3723 [h]:mm:ss"), QStringLiteral("None None"),
                          QString()}));
}

void TestTableExport::unwritablePlaceSaysWhy()
{
    QString error;
    QVERIFY(!TableExport::writeCsv(sample(), QStringLiteral("/nonexistent/dir/x.csv"), &error));
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(!TableExport::writeXlsx(sample(), QStringLiteral("/nonexistent/dir/x.xlsx"), &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestTableExport)
#include "tst_tableexport.moc"
