#include "support/exportfixture.h"

#include "app/data/dataloader.h"
#include "app/data/grouptablemodel.h"
#include "app/data/previewtablemodel.h"
#include "ui/datacharts.h"
#include "ui/dataview.h"

#include <QAbstractItemModelTester>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QLocale>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

// The Data view on files the simulator's generator wrote: summary, group-by, charts,
// preview and export, with model testers alive from before the first row arrives.
class TestGuiDataView : public QObject
{
    Q_OBJECT

private slots:
    void showsSummaryGroupsChartsAndPreview()
    {
        QLocale::setDefault(QLocale::c());
        QTemporaryDir dir;
        const QStringList paths = ExportFixture::write(dir.path(), 2, 800);
        const ExportFixture::Expected expected = ExportFixture::expected(paths);

        DataView view;
        QAbstractItemModelTester groupTester(view.groupModel());
        QAbstractItemModelTester previewTester(view.previewModel());
        QSignalSpy loaded(&view, &DataView::loaded);
        view.show();
        QVERIFY(view.openFolder(dir.path()));
        QVERIFY(loaded.wait(30000));

        const QString summary = view.summaryText();
        QVERIFY2(summary.contains(QLatin1String("Kind: Usage")), qPrintable(summary));
        QVERIFY(summary.contains(QLatin1String("Rows: 1600")));
        QVERIFY(
            summary.contains(QStringLiteral("Dates: %1 to %2").arg(expected.from, expected.to)));
        for (auto it = expected.centsByCurrency.cbegin(); it != expected.centsByCurrency.cend();
             ++it) {
            const QString amount = QLocale::c().toString(double(it.value()) / 100, 'f', 2);
            QVERIFY2(summary.contains(amount + QLatin1Char(' ') + it.key()), qPrintable(summary));
        }

        // Customers by default, largest total first.
        QCOMPARE(view.groupModel()->rowCount(), expected.rowsByCustomer.size());
        auto *combo = view.findChild<QComboBox *>();
        QVERIFY(combo);
        combo->setCurrentIndex(combo->findData(int(Grouping::MeterCategory)));
        QCOMPARE(view.groupModel()->rowCount(), 6);
        QCOMPARE(view.groupModel()
                     ->headerData(GroupTableModel::FirstCurrencyColumn, Qt::Horizontal)
                     .toString(),
                 QStringLiteral("Total EUR"));

        QChart *customers = view.charts()->customersView()->chart();
        QCOMPARE(customers->series().size(), 1);
        auto *bars = qobject_cast<QHorizontalBarSeries *>(customers->series().constFirst());
        QVERIFY(bars);
        // The customers billed in the main currency, largest total at the top.
        const DataSummary &data = view.loader()->summary();
        const QList<GroupTotals> top
            = data.top(Grouping::Customer, data.mainCurrency(), DataCharts::TopCustomers);
        QVERIFY(top.size() >= 3);
        QCOMPARE(bars->barSets().constFirst()->count(), top.size());
        QCOMPARE(bars->barSets().constFirst()->at(top.size() - 1),
                 top.constFirst().totals.value(data.mainCurrency()).toDouble());
        QChart *days = view.charts()->daysView()->chart();
        QCOMPARE(days->series().size(), 1);
        QCOMPARE(qobject_cast<QLineSeries *>(days->series().constFirst())->count(), 31);

        QCOMPARE(view.previewModel()->rowCount(), DataLoader::PreviewRows);
        QCOMPARE(view.previewModel()->headerData(0, Qt::Horizontal).toString(),
                 QStringLiteral("AdditionalInfo"));

        QSignalSpy exported(&view, &DataView::exported);
        const QString out = dir.filePath(QStringLiteral("out.csv"));
        view.exportTo(ExportConversion::Format::Csv, out, false);
        QVERIFY(exported.wait(30000));
        const auto result = exported.constFirst().constFirst().value<ExportConversion::Result>();
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.rows, 1600);
        QVERIFY(QFile::exists(out));

        for (int tab = 0; tab < view.tabs()->count(); ++tab) {
            view.tabs()->setCurrentIndex(tab);
            QVERIFY(!view.grab().isNull());
        }
    }

    void saysWhyAFolderCannotBeRead()
    {
        QTemporaryDir dir;
        DataView view;
        QVERIFY(!view.openFolder(dir.path()));
        QVERIFY(!view.loader()->isBusy());
    }
};

QTEST_MAIN(TestGuiDataView)
#include "tst_gui_dataview.moc"
