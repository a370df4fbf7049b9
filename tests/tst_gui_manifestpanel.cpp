#include "app/appsettings.h"
#include "app/downloads/downloadjob.h"
#include "app/downloads/downloadjobmodel.h"
#include "app/downloads/downloadmanager.h"
#include "app/downloads/manifestloader.h"
#include "support/simulatedgraph.h"
#include "ui/manifestpanel.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <algorithm>
#include <optional>

namespace {

// The docs' manifest (MANGET), with the SAS expiry given.
QJsonObject docsManifest(const QString &expiry)
{
    const QByteArray json
        = "{\"id\":\"6fe687d7-1e0f-4bd6-9091-4672691f64bc\",\"schemaVersion\":\"1\",\"dataFormat\":"
          "\"c"
          "ompressedJSON\",\"createdDateTime\":\"2023-03-09T06:34:34.87Z\",\"eTag\":\"WYjLro78HdMg6"
          "vUWR\",\"partnerTenantId\":\"0e195b37-4574-4539-bc42-0e539b9684c0\",\"rootDirectory\":\""
          "https://adlsreconbuprodeastus201.blob.core.windows.net/billedusagefastpath/v1/Pa"
          "rtnerTenantId=0e195b37-4574-4539-bc42-0e539b9684c0/BillingMonth=202310\",\"sasToke"
          "n\":\"skoid=0c414a25&sv=2021-08-06&se=EXPIRY&sr=d&sp=rl&sdd=7&sig=RpVY0WBGUHJ2APB3"
          "N76jtMak8loAWY4oiA0%2FaoJX1bM%3D\",\"partitionType\":\"Default\",\"blobCount\":1,\"blobs"
          "\":[{\"name\":\"part-00049-b016029b-a7a7-4c46-9b5e-c925ac317ac6.c000.json.gz\",\"parti"
          "tionValue\":\"default\"}]}";
    QByteArray withExpiry = json;
    withExpiry.replace("EXPIRY", QUrl::toPercentEncoding(expiry));
    return QJsonDocument::fromJson(withExpiry).object();
}

TrackedOperation succeededWithInline(const QJsonObject &manifest)
{
    TrackedOperation operation;
    operation.id = QStringLiteral("6fe687d7-1e0f-4bd6-9091-4672691f64bc");
    operation.last.id = operation.id;
    operation.last.status = OperationStatus::Succeeded;
    operation.last.rawStatus = QStringLiteral("succeeded");
    operation.last.inlineManifest = manifest;
    return operation;
}

// Every text the panel shows, tool tips included.
QString allVisibleText(const QWidget *root)
{
    QStringList texts;
    for (const QLabel *label : root->findChildren<QLabel *>())
        texts << label->text() << label->toolTip();
    for (const QTreeView *tree : root->findChildren<QTreeView *>()) {
        const QAbstractItemModel *model = tree->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            for (int column = 0; column < model->columnCount(); ++column)
                texts << model->index(row, column).data().toString()
                      << model->index(row, column).data(Qt::ToolTipRole).toString();
        }
    }
    return texts.join(QLatin1Char('\n'));
}

// How many pixels of the cell are clearly of that hue: red, green...
int pixelsOfHue(const QImage &image, const QRect &cell, int hue)
{
    int count = 0;
    for (int y = cell.top(); y <= cell.bottom(); ++y) {
        for (int x = cell.left(); x <= cell.right(); ++x) {
            const QColor colour = image.pixelColor(x, y);
            if (colour.hsvSaturation() > 120 && colour.value() > 90
                && qAbs(colour.hsvHue() - hue) < 20)
                ++count;
        }
    }
    return count;
}

} // namespace

class TestGuiManifestPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("BillingMonitorTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_gui_manifestpanel"));
    }

    void init()
    {
        m_graph = std::make_unique<SimulatedGraph>();
        QString error;
        QVERIFY2(m_graph->start(&error), qPrintable(error));
        m_loader = std::make_unique<ManifestLoader>(&m_graph->client);
        m_downloads = std::make_unique<DownloadManager>();
        m_panel = std::make_unique<ManifestPanel>(m_loader.get(), m_downloads.get());
        m_panel->resize(900, 700);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    }
    void cleanup()
    {
        m_panel.reset();
        m_downloads.reset();
        m_loader.reset();
        m_graph.reset();
    }

    void showsFieldsAndHidesTheSas()
    {
        const QDateTime expiry = QDateTime::currentDateTimeUtc().addSecs(3 * 3600 + 120);
        const TrackedOperation operation = succeededWithInline(
            docsManifest(expiry.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"))));
        m_panel->showOperation(operation);

        QCOMPARE(m_panel->fieldText(QStringLiteral("id")),
                 QStringLiteral("6fe687d7-1e0f-4bd6-9091-4672691f64bc"));
        QCOMPARE(m_panel->fieldText(QStringLiteral("schemaVersion")), QStringLiteral("1"));
        QCOMPARE(m_panel->fieldText(QStringLiteral("dataFormat")),
                 QStringLiteral("compressedJSON"));
        QCOMPARE(m_panel->fieldText(QStringLiteral("eTag")), QStringLiteral("WYjLro78HdMg6vUWR"));
        QCOMPARE(m_panel->fieldText(QStringLiteral("partnerTenantId")),
                 QStringLiteral("0e195b37-4574-4539-bc42-0e539b9684c0"));
        QCOMPARE(m_panel->fieldText(QStringLiteral("partitionType")), QStringLiteral("Default"));
        QCOMPARE(m_panel->fieldText(QStringLiteral("blobCount")), QStringLiteral("1"));
        // Local time (TZ=Europe/Berlin in CTest), UTC in the tool tip.
        const QDateTime created = QDateTime(QDate(2023, 3, 9), QTime(6, 34, 34, 870), Qt::UTC);
        QVERIFY2(m_panel->fieldText(QStringLiteral("createdDateTime"))
                     .contains(created.toLocalTime().toString(QStringLiteral("HH:mm:ss"))),
                 qPrintable(m_panel->fieldText(QStringLiteral("createdDateTime"))));
        QVERIFY(m_panel->findChild<QLabel *>(QStringLiteral("createdDateTimeField"))
                    ->toolTip()
                    .contains(QLatin1String("2023-03-09T06:34:34")));
        QVERIFY(m_panel->fieldText(QStringLiteral("rootDirectory"))
                    .startsWith(
                        QLatin1String("https://adlsreconbuprodeastus201.blob.core.windows.net/")));

        const QString expiryText = m_panel->fieldText(QStringLiteral("sasExpiry"));
        QVERIFY2(expiryText.startsWith(QLatin1String("in 3 h ")), qPrintable(expiryText));
        QVERIFY(!m_panel->isExpiryWarningShown());

        const QAbstractItemModel *blobs = blobList()->model();
        QCOMPARE(blobs->rowCount(), 1);
        QCOMPARE(blobs->index(0, DownloadJobModel::NameColumn).data().toString(),
                 QStringLiteral("part-00049-b016029b-a7a7-4c46-9b5e-c925ac317ac6.c000.json.gz"));
        QCOMPARE(blobs->index(0, DownloadJobModel::PartitionColumn).data().toString(),
                 QStringLiteral("default"));

        // Nothing of the SAS is on screen: not the signature, not the token.
        const QString shown = allVisibleText(m_panel.get());
        QVERIFY(!shown.contains(QLatin1String("sig=")));
        QVERIFY(!shown.contains(QLatin1String("RpVY0WBGUHJ2APB3N76jtMak8loAWY4oiA0")));
        QVERIFY(!shown.contains(QLatin1String("skoid")));

        // "Copy manifest JSON" copies the whole object as received.
        for (QPushButton *button : m_panel->findChildren<QPushButton *>()) {
            if (button->text() == QLatin1String("Copy manifest JSON"))
                button->click();
        }
        QCOMPARE(QJsonDocument::fromJson(QApplication::clipboard()->text().toUtf8()).object(),
                 operation.last.inlineManifest);
    }

    void longLinksAreElidedNotScrolled()
    {
        m_panel->showOperation(
            succeededWithInline(docsManifest(QStringLiteral("2099-01-01T00:00:00Z"))));
        const int usualMinimumWidth = m_panel->minimumSizeHint().width();
        // A deep root directory, with a SAS-like query that must never show.
        QJsonObject manifest = docsManifest(QStringLiteral("2099-01-01T00:00:00Z"));
        QString root = manifest.value(QLatin1String("rootDirectory")).toString();
        for (int level = 0; level < 12; ++level)
            root += QStringLiteral("/PartitionLevel%1=0e195b37-4574-4539").arg(level);
        const QString withQuery = root + QStringLiteral("?sv=2021&sig=SECRETSIGNATURE");
        manifest.insert(QLatin1String("rootDirectory"), withQuery);
        TrackedOperation deep = succeededWithInline(manifest);
        deep.id = QStringLiteral("0e195b37-4574-4539-bc42-0e539b9684c0");
        deep.last.id = deep.id;
        m_panel->showOperation(deep);

        auto *field = m_panel->findChild<QLabel *>(QStringLiteral("rootDirectoryField"));
        QVERIFY(field);
        const int fullWidth = field->fontMetrics().horizontalAdvance(root);
        QVERIFY(fullWidth > 1200);
        // The link does not widen the panel, so nothing pushes the details panel's scroll area
        // sideways.
        QCOMPARE(m_panel->minimumSizeHint().width(), usualMinimumWidth);
        QVERIFY(usualMinimumWidth < fullWidth);
        m_panel->resize(usualMinimumWidth + 50, 700);
        QTRY_VERIFY(field->width() < usualMinimumWidth + 50);
        QVERIFY2(field->text().contains(QChar(0x2026)), qPrintable(field->text()));
        QVERIFY(field->fontMetrics().horizontalAdvance(field->text()) <= field->width());
        // Elided in the middle: where it is and what it ends with both stay in sight.
        QVERIFY2(field->text().startsWith(QLatin1String("https://")), qPrintable(field->text()));
        QVERIFY2(field->text().endsWith(QLatin1String("-4539")), qPrintable(field->text()));
        // The whole of it is one hover (or Copy) away, and still without the query.
        QCOMPARE(field->toolTip(), root);
        QCOMPARE(m_panel->fieldText(QStringLiteral("rootDirectory")), root);
        QVERIFY(!allVisibleText(m_panel.get()).contains(QLatin1String("SECRETSIGNATURE")));

        // Room again: the whole link shows.
        m_panel->resize(fullWidth + 400, 700);
        QTRY_COMPARE(field->text(), root);
    }

    void warnsWhenTheSasHasExpired()
    {
        m_panel->showOperation(
            succeededWithInline(docsManifest(QStringLiteral("2023-12-13T12:37:17Z"))));
        QVERIFY(m_panel->isExpiryWarningShown());
        const QString warning
            = m_panel->findChild<QLabel *>(QStringLiteral("sasExpiryWarning"))->text();
        QVERIFY2(warning.contains(QLatin1String("The download link expired at")),
                 qPrintable(warning));
        QVERIFY(warning.contains(QLatin1String("refresh the manifest")));
        QVERIFY(
            m_panel->fieldText(QStringLiteral("sasExpiry")).startsWith(QLatin1String("expired ")));
    }

    void explainsRunningOperations()
    {
        TrackedOperation running = succeededWithInline({});
        running.last.status = OperationStatus::Running;
        running.last.rawStatus = QStringLiteral("running");
        m_panel->showOperation(running);
        QVERIFY(!blobList()->isVisible());
        QCOMPARE(m_graph->simulator.requestCount(), 0);
    }

    void showsWhyAForeignLinkIsNotFetched()
    {
        GraphSimulator foreign;
        QVERIFY(foreign.start());
        SimulatedOperation spec = SimulatedGraph::succeededOperation();
        spec.manifestLinkRoot = foreign.rootUrl();
        m_panel->showOperation(m_graph->fetchOperation(m_graph->simulator.addOperation(spec)));
        QTRY_VERIFY(!m_panel->fieldText(QStringLiteral("id")).isEmpty());
        QVERIFY2(m_panel->noteText().contains(QLatin1String("not fetched")),
                 qPrintable(m_panel->noteText()));
        QVERIFY(m_panel->findChild<QLabel *>(QStringLiteral("foreignLinkNote"))->isVisible());
        QCOMPARE(foreign.requestCount(), 0);
        // Read from the configured Graph instead, and the panel says from where.
        const auto *loadState = m_panel->findChild<QLabel *>(QStringLiteral("manifestLoadState"));
        QCOMPARE(loadState->text(), QStringLiteral("Manifest loaded from Graph."));
        const QString source = loadState->toolTip();
        QVERIFY2(source.startsWith(m_graph->simulator.rootUrl().toString()), qPrintable(source));
        QVERIFY(source.contains(QLatin1String("/manifests/")));
    }

    void downloadsIntoTheChosenFolderAndRetriesAfterRefresh()
    {
        QTemporaryDir folder;
        SimulatedOperation spec = SimulatedGraph::succeededOperation();
        spec.manifest.blobCount = 2;
        spec.manifest.sasLifetimeSeconds = 1;
        const TrackedOperation operation
            = m_graph->fetchOperation(m_graph->simulator.addOperation(spec));
        m_panel->setFolderChooser([&](QWidget *, const QString &) { return folder.path(); });
        m_panel->showOperation(operation);
        QTRY_VERIFY(m_loader->state(operation.id).hasManifest());
        const QDateTime expiry = m_loader->state(operation.id).manifest.sasExpiry();
        QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentDateTimeUtc() > expiry.addMSecs(100), 5000);
        QTRY_VERIFY(m_panel->isExpiryWarningShown()); // the countdown ticks every second

        auto *downloadAll = m_panel->findChild<QPushButton *>(QStringLiteral("downloadAllButton"));
        auto *refreshAndRetry
            = m_panel->findChild<QPushButton *>(QStringLiteral("refreshAndRetryButton"));
        QVERIFY(downloadAll->isEnabled());
        QSignalSpy statusBar(m_panel.get(), &ManifestPanel::messageForStatusBar);
        QTest::mouseClick(downloadAll, Qt::LeftButton);
        QCOMPARE(AppSettings().lastDownloadFolder(), folder.path());
        QTRY_VERIFY(m_downloads->totals(operation.id).failed == 2);
        QVERIFY(refreshAndRetry->isVisible());
        const QString status = statusText(0);
        QVERIFY2(status.contains(QLatin1String("The download link expired at")),
                 qPrintable(status));

        // A total failure says so, and why, once: not "0 of 2 files verified".
        const QString summary = m_panel->downloadSummaryText();
        QVERIFY2(summary.startsWith(QLatin1String("Download failed: none of the 2 files arrived.")),
                 qPrintable(summary));
        QCOMPARE(summary.count(QLatin1String("The download link expired at")), 1);
        QTRY_COMPARE(statusBar.count(), 1);
        const QString message = statusBar.at(0).at(0).toString();
        QVERIFY2(message.startsWith(QLatin1String("Download failed: none of the 2 files arrived. "
                                                  "The download link expired at")),
                 qPrintable(message));
        // Not a byte arrived, so nothing is left behind; the failed files can be retried.
        const QDir operationFolder(QDir(folder.path()).filePath(operation.id));
        QCOMPARE(operationFolder.entryList(QDir::Files | QDir::Hidden), QStringList());
        QVERIFY(retryButton()->isEnabled());

        QTest::mouseClick(refreshAndRetry, Qt::LeftButton);
        QTRY_COMPARE(m_downloads->totals(operation.id).done, 2);
        QTRY_VERIFY(
            m_panel->downloadSummaryText().startsWith(QLatin1String("2 of 2 files verified")));
        QVERIFY(m_panel->findChild<QPushButton *>(QStringLiteral("openFolderButton"))->isEnabled());
        // Each operation's files go to a subfolder named for it, never loose in the folder.
        for (DownloadJob *job : m_downloads->jobs(operation.id)) {
            QVERIFY(QFileInfo::exists(operationFolder.filePath(job->blob().name)));
            QVERIFY(!QFileInfo::exists(QDir(folder.path()).filePath(job->blob().name)));
        }
        QVERIFY(m_panel->downloadSummaryText().contains(
            QLatin1String("Folder: ") + QDir::toNativeSeparators(operationFolder.path())));
    }

    void namesColoursAndRetriesACorruptFile()
    {
        QTemporaryDir folder;
        SimulatedOperation spec = SimulatedGraph::succeededOperation();
        spec.manifest.blobCount = 3;
        spec.manifest.corruptBlobs = {1};
        const TrackedOperation operation = showWithFolder(spec, folder.path());
        QVERIFY(m_loader->state(operation.id).hasManifest());
        const QString corruptName = m_loader->state(operation.id).manifest.blobs.at(1).name;

        QSignalSpy statusBar(m_panel.get(), &ManifestPanel::messageForStatusBar);
        QVERIFY(!retryButton()->isEnabled());
        QTest::mouseClick(button("downloadAllButton"), Qt::LeftButton);
        QTRY_COMPARE(statusBar.count(), 1);
        QCOMPARE(m_downloads->totals(operation.id).done, 2);

        // The summary and the status bar name the corrupt file and where it was kept.
        const QString summary = m_panel->downloadSummaryText();
        QVERIFY2(summary.startsWith(QLatin1String("2 of 3 files verified")), qPrintable(summary));
        QVERIFY2(summary.contains(corruptName + QLatin1String(" is not valid gzip JSON lines")),
                 qPrintable(summary));
        QVERIFY2(summary.contains(corruptName + QLatin1String(".corrupt")), qPrintable(summary));
        const QString message = statusBar.at(0).at(0).toString();
        QVERIFY2(message.startsWith(QLatin1String("Download finished: 2 of 3 files verified; "))
                     && message.contains(corruptName),
                 qPrintable(message));

        // Its row is red with the failure's octagon, a verified one green, painted by the
        // delegate: no widget sits in any row.
        QTreeView *view = blobList();
        QVERIFY(view->findChildren<QProgressBar *>().isEmpty());
        const QImage shot = view->viewport()->grab().toImage();
        const QAbstractItemModel *model = view->model();
        const QRect corruptStatus
            = view->visualRect(model->index(1, DownloadJobModel::StatusColumn));
        const QRect doneStatus = view->visualRect(model->index(0, DownloadJobModel::StatusColumn));
        QVERIFY2(pixelsOfHue(shot, corruptStatus, 0) > 20,
                 qPrintable(QString::number(pixelsOfHue(shot, corruptStatus, 0))));
        QCOMPARE(pixelsOfHue(shot, corruptStatus, 140), 0);
        QVERIFY(pixelsOfHue(shot, doneStatus, 140) > 20);
        QCOMPARE(pixelsOfHue(shot, doneStatus, 0), 0);

        // "Retry failed" fetches the corrupt file again.
        QVERIFY(retryButton()->isEnabled());
        m_graph->simulator.clearRequestLog();
        QTest::mouseClick(retryButton(), Qt::LeftButton);
        QTRY_COMPARE(statusBar.count(), 2);
        int blobRequests = 0;
        for (const SimulatorRequest &request : m_graph->simulator.requestLog())
            blobRequests += request.path.endsWith(corruptName) ? 1 : 0;
        QCOMPARE(blobRequests, 1);
    }

    void showsThePathWhenNoFileManagerOpensTheFolder()
    {
        QTemporaryDir folder;
        SimulatedOperation spec = SimulatedGraph::succeededOperation();
        spec.manifest.blobCount = 1;
        const TrackedOperation operation = showWithFolder(spec, folder.path());
        QTest::mouseClick(button("downloadAllButton"), Qt::LeftButton);
        QTRY_COMPARE(m_downloads->totals(operation.id).done, 1);

        QStringList asked;
        bool opens = false;
        m_panel->setFolderOpener(
            [&](const QString &path, QObject *context, FolderOpener::Done done) {
                asked << path;
                QTimer::singleShot(0, context, [done, opens] { done(opens); });
            });
        auto *notice = m_panel->findChild<QWidget *>(QStringLiteral("folderPathNotice"));
        QVERIFY(notice);
        QVERIFY(!notice->isVisible());
        QTest::mouseClick(button("openFolderButton"), Qt::LeftButton);
        const QString operationFolder = QDir(folder.path()).filePath(operation.id);
        QCOMPARE(asked, QStringList {operationFolder});
        // Nothing opened it: the panel says so and shows the path, selectable, to copy.
        QTRY_VERIFY(notice->isVisible());
        auto *path = notice->findChild<QLineEdit *>(QStringLiteral("folderPath"));
        QCOMPARE(path->text(), QDir::toNativeSeparators(operationFolder));
        QVERIFY(path->isReadOnly());
        QVERIFY(notice->findChildren<QLabel *>().first()->text().contains(
            QLatin1String("No file manager could open the folder")));
        QApplication::clipboard()->clear();
        QTest::mouseClick(button("copyFolderPath"), Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), QDir::toNativeSeparators(operationFolder));

        // A file manager that opens it leaves nothing to say.
        opens = true;
        QTest::mouseClick(button("openFolderButton"), Qt::LeftButton);
        QVERIFY(!notice->isVisible());
        QTest::qWait(20);
        QVERIFY(!notice->isVisible());
        QCOMPARE(asked.size(), 2);
    }

    // xdg-open starts whether or not a file manager is there: its exit code is the answer.
    void folderOpenerTakesXdgOpensAnswer()
    {
        QTemporaryDir bin;
        const QString script = bin.filePath(QStringLiteral("xdg-open"));
        const QByteArray oldPath = qgetenv("PATH");
        qputenv("PATH", QFile::encodeName(bin.path()) + ':' + oldPath);
        const auto answerOf = [&](int exitCode) -> std::optional<bool> {
            QFile file(script);
            file.open(QIODevice::WriteOnly | QIODevice::Truncate);
            file.write(QByteArrayLiteral("#!/bin/sh\nexit ") + QByteArray::number(exitCode) + '\n');
            file.close();
            file.setPermissions(file.permissions() | QFileDevice::ExeUser);
            std::optional<bool> opened;
            QObject context;
            FolderOpener::open(bin.path(), &context, [&](bool ok) { opened = ok; });
            if (!QTest::qWaitFor([&] { return opened.has_value(); }, 5000))
                return std::optional<bool>(); // no answer: the comparisons below say so
            return opened;
        };
        const std::optional<bool> found = answerOf(0);
        const std::optional<bool> missing = answerOf(3); // "a required tool could not be found"
        qputenv("PATH", oldPath);
        QCOMPARE(found, std::optional<bool>(true));
        QCOMPARE(missing, std::optional<bool>(false));
    }

    void columnsFitAndTheStatusElides()
    {
        QTemporaryDir folder;
        SimulatedOperation spec = SimulatedGraph::succeededOperation();
        spec.manifest.blobCount = 2;
        spec.manifest.corruptBlobs = {0};
        const TrackedOperation operation = showWithFolder(spec, folder.path());
        QVERIFY(m_loader->state(operation.id).hasManifest());
        QTest::mouseClick(button("downloadAllButton"), Qt::LeftButton);
        QTRY_COMPARE(m_downloads->totals(operation.id).active, 0);
        const QString summary = m_panel->downloadSummaryText();
        QVERIFY(summary.contains(QLatin1String(".corrupt")));

        // Long file names and folders in the rows and the summary do not widen the panel (the
        // longest line alone is wider than it), so the details panel never scrolls sideways.
        const int narrowest = m_panel->minimumSizeHint().width();
        int longestLine = 0;
        for (const QString &line : summary.split(QLatin1Char('\n')))
            longestLine = std::max(longestLine, m_panel->fontMetrics().horizontalAdvance(line));
        QVERIFY2(narrowest < longestLine / 2,
                 qPrintable(QStringLiteral("%1, %2").arg(narrowest).arg(longestLine)));
        QTreeView *view = blobList();
        QHeaderView *header = view->header();
        // Every column in sight, whatever the width: nothing to scroll sideways to.
        const auto everyColumnFits = [&] {
            const int viewport = view->viewport()->width();
            const int statusEnd = header->sectionViewportPosition(DownloadJobModel::StatusColumn)
                + header->sectionSize(DownloadJobModel::StatusColumn);
            return header->length() <= viewport && statusEnd <= viewport
                && view->horizontalScrollBar()->maximum() == 0;
        };

        // The column the details panel gives it in a usual window.
        m_panel->resize(380, 700);
        QTRY_VERIFY(view->width() <= 380);
        QTRY_VERIFY(everyColumnFits());
        QVERIFY(!view->isColumnHidden(DownloadJobModel::PartitionColumn));
        QVERIFY2(header->sectionSize(DownloadJobModel::StatusColumn) > 60,
                 qPrintable(QString::number(header->sectionSize(DownloadJobModel::StatusColumn))));
        // The corrupt file's long story is elided in its cell and whole in the tool tip.
        const QString status = statusText(0);
        QVERIFY(view->fontMetrics().horizontalAdvance(status)
                > header->sectionSize(DownloadJobModel::StatusColumn));
        QCOMPARE(view->textElideMode(), Qt::ElideRight);
        const QString toolTip = view->model()
                                    ->index(0, DownloadJobModel::StatusColumn)
                                    .data(Qt::ToolTipRole)
                                    .toString();
        QVERIFY2(toolTip.contains(m_downloads->jobs(operation.id).constFirst()->message()),
                 qPrintable(toolTip));

        // As narrow as the panel goes, the partition makes room; with room again it is back.
        m_panel->resize(narrowest, 700);
        QTRY_VERIFY(view->isColumnHidden(DownloadJobModel::PartitionColumn));
        QTRY_VERIFY(everyColumnFits());
        m_panel->resize(1000, 700);
        QTRY_VERIFY(!view->isColumnHidden(DownloadJobModel::PartitionColumn));
        QTRY_VERIFY(everyColumnFits());
    }

    void asksBeforeReplacingFilesDownloadedEarlier()
    {
        QTemporaryDir folder;
        SimulatedOperation spec = SimulatedGraph::succeededOperation();
        spec.manifest.blobCount = 2;
        QStringList asked;
        bool replace = false;
        m_panel->setReplaceConfirmer(
            [&](QWidget *, const QString &where, const QStringList &names) {
                asked = names;
                asked.prepend(where);
                return replace;
            });
        const TrackedOperation operation = showWithFolder(spec, folder.path());
        QVERIFY(m_loader->state(operation.id).hasManifest());
        QTest::mouseClick(button("downloadAllButton"), Qt::LeftButton);
        QTRY_COMPARE(m_downloads->totals(operation.id).done, 2);
        QVERIFY(asked.isEmpty()); // nothing was there to replace
        const QList<DownloadJob *> first = m_downloads->jobs(operation.id);

        // The same export again into the same folder: the analyst is asked, and "Cancel"
        // leaves the files and the jobs as they were.
        QTest::mouseClick(button("downloadAllButton"), Qt::LeftButton);
        const QString operationFolder = QDir(folder.path()).filePath(operation.id);
        QStringList expected {operationFolder};
        for (DownloadJob *job : first)
            expected << job->blob().name;
        QCOMPARE(asked, expected);
        QVERIFY(m_downloads->jobs(operation.id) == first);

        replace = true;
        QTest::mouseClick(button("downloadAllButton"), Qt::LeftButton);
        QVERIFY(m_downloads->jobs(operation.id) != first);
        QTRY_COMPARE(m_downloads->totals(operation.id).done, 2);
    }

private:
    // Shows that export, with "Download" going to folder; returns once its manifest is in.
    TrackedOperation showWithFolder(const SimulatedOperation &spec, const QString &folder)
    {
        const TrackedOperation operation
            = m_graph->fetchOperation(m_graph->simulator.addOperation(spec));
        m_panel->setFolderChooser([folder](QWidget *, const QString &) { return folder; });
        m_panel->showOperation(operation);
        if (!QTest::qWaitFor([&] { return m_loader->state(operation.id).hasManifest(); }, 5000))
            qWarning("The manifest of %s did not load within 5 s", qPrintable(operation.id));
        return operation;
    }
    QTreeView *blobList() const
    {
        return m_panel->findChild<QTreeView *>(QStringLiteral("blobList"));
    }
    QPushButton *button(const char *name) const
    {
        return m_panel->findChild<QPushButton *>(QLatin1String(name));
    }
    QPushButton *retryButton() const { return button("retryButton"); }
    QString statusText(int row) const
    {
        return blobList()->model()->index(row, DownloadJobModel::StatusColumn).data().toString();
    }

    std::unique_ptr<SimulatedGraph> m_graph;
    std::unique_ptr<ManifestLoader> m_loader;
    std::unique_ptr<DownloadManager> m_downloads;
    std::unique_ptr<ManifestPanel> m_panel;
};

QTEST_MAIN(TestGuiManifestPanel)
#include "tst_gui_manifestpanel.moc"
