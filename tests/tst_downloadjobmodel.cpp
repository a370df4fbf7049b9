#include "app/downloads/downloadjobmodel.h"
#include "app/downloads/downloadjobstyle.h"
#include "app/downloads/downloadmanager.h"
#include "app/downloads/manifestloader.h"
#include "models/sizetext.h"
#include "support/simulateddownloads.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

// The rows a dataChanged spy saw; -1 for a signal wider than one row.
QList<int> changedRows(const QSignalSpy &spy)
{
    QList<int> rows;
    for (const QList<QVariant> &signal : spy) {
        const auto topLeft = signal.at(0).value<QModelIndex>();
        const auto bottomRight = signal.at(1).value<QModelIndex>();
        rows.append(topLeft.row() == bottomRight.row() ? topLeft.row() : -1);
    }
    return rows;
}

} // namespace

class TestDownloadJobModel : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_env = std::make_unique<SimulatedDownloads>();
        QString error;
        QVERIFY2(m_env->start(&error), qPrintable(error));
        m_model = std::make_unique<DownloadJobModel>(&m_env->downloads);
        // Alive for the whole test: every signal the model sends is checked as it goes.
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(m_folder.isValid());
    }
    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
        m_env.reset();
    }

    void everyStateHasOneStyle()
    {
        const QList<DownloadJob::State> states {
            DownloadJob::State::Queued,    DownloadJob::State::Downloading,
            DownloadJob::State::Verifying, DownloadJob::State::Done,
            DownloadJob::State::Failed,    DownloadJob::State::Corrupt,
            DownloadJob::State::Cancelled};
        QSet<QString> keys;
        for (DownloadJob::State state : states) {
            const DownloadJobStyle &style = downloadJobStyle(state);
            QCOMPARE(style.state, state);
            QVERIFY(!downloadStateText(state).isEmpty());
            keys.insert(QLatin1String(style.key));
        }
        QCOMPARE(keys.size(), states.size()); // the CLI can tell every state apart
        // A file that did not arrive intact is red in the window and in a terminal.
        for (DownloadJob::State state : {DownloadJob::State::Failed, DownloadJob::State::Corrupt}) {
            QCOMPARE(downloadJobStyle(state).rgb, 0xdc2626u);
            QCOMPARE(QByteArray(downloadJobStyle(state).ansiColour), QByteArray("31"));
            QVERIFY(downloadJobStyle(state).isEnded);
        }
        QCOMPARE(downloadStateText(DownloadJob::State::Done), QStringLiteral("Verified"));
        QCOMPARE(QByteArray(downloadJobStyle(DownloadJob::State::Done).key),
                 QByteArray("verified"));
        QVERIFY(!downloadJobStyle(DownloadJob::State::Downloading).isEnded);
    }

    void rowsComeFromTheManifestBeforeAnyDownload()
    {
        SimulatedOperation spec = SimulatedGraph::succeededOperation();
        spec.manifest.blobCount = 3;
        spec.manifest.reportBlobSizes = true;
        const Manifest manifest = m_env->loadManifest(spec);
        QCOMPARE(manifest.blobs.size(), 3);
        m_model->setFiles(m_env->operationId, manifest.blobs);

        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(m_model->columnCount(), int(DownloadJobModel::ColumnCount));
        for (int row = 0; row < 3; ++row) {
            const ManifestBlob &blob = manifest.blobs.at(row);
            QCOMPARE(m_model->rowOf(blob.name), row);
            QCOMPARE(data(row, DownloadJobModel::NameColumn), blob.name);
            QCOMPARE(data(row, DownloadJobModel::NameColumn, Qt::ToolTipRole),
                     blob.name + QLatin1String("\nPartition: ") + blob.partitionValue);
            QCOMPARE(data(row, DownloadJobModel::PartitionColumn), blob.partitionValue);
            QVERIFY(!data(row, DownloadJobModel::SizeColumn).isEmpty());
            QCOMPARE(data(row, DownloadJobModel::StatusColumn), QString());
            QCOMPARE(index(row, 0).data(DownloadJobModel::StateRole).toInt(), -1);
            QCOMPARE(index(row, 0).data(DownloadJobModel::ProgressRole).toInt(), -1);
            QVERIFY(!m_model->jobAt(row));
        }
        QCOMPARE(m_model->rowOf(QStringLiteral("not-in-the-manifest.json.gz")), -1);
        QCOMPARE(m_model->headerData(DownloadJobModel::StatusColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Status"));
    }

    void eachJobChangeIsOneRowScopedSignal()
    {
        SimulatedOperation spec = SimulatedGraph::succeededOperation();
        spec.manifest.blobCount = 3;
        spec.manifest.corruptBlobs = {1};
        const Manifest manifest = m_env->loadManifest(spec);
        m_model->setFiles(m_env->operationId, manifest.blobs);

        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy finished(&m_env->downloads, &DownloadManager::finished);
        QCOMPARE(m_env->downloads.download(m_env->operationId, manifest, manifest.blobs,
                                           m_folder.path()),
                 QString());
        QVERIFY(finished.wait(10000));

        const QList<int> rows = changedRows(changed);
        QVERIFY2(!rows.contains(-1), "a dataChanged spanned more than one row");
        QCOMPARE(QSet<int>(rows.begin(), rows.end()), QSet<int>({0, 1, 2}));
        // Every change of a job is a signal of its own row, and only of its row.
        for (DownloadJob *job : m_env->downloads.jobs(m_env->operationId))
            QCOMPARE(m_model->jobAt(m_model->rowOf(job->blob().name)), job);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(removed.count(), 0);

        for (int row : {0, 2}) {
            QCOMPARE(index(row, 0).data(DownloadJobModel::StateRole).toInt(),
                     int(DownloadJob::State::Done));
            QCOMPARE(index(row, 0).data(DownloadJobModel::ProgressRole).toInt(), 1000);
            QVERIFY2(
                data(row, DownloadJobModel::StatusColumn).startsWith(QLatin1String("Verified: ")),
                qPrintable(data(row, DownloadJobModel::StatusColumn)));
        }
        // The corrupt file: its state, no progress (its bytes were set aside), and the whole
        // story, naming the file, in the tool tip.
        QCOMPARE(index(1, 0).data(DownloadJobModel::StateRole).toInt(),
                 int(DownloadJob::State::Corrupt));
        QCOMPARE(index(1, 0).data(DownloadJobModel::ProgressRole).toInt(), -1);
        QVERIFY(data(1, DownloadJobModel::StatusColumn).startsWith(QLatin1String("Corrupt: ")));
        const QString toolTip = data(1, DownloadJobModel::StatusColumn, Qt::ToolTipRole);
        QVERIFY2(toolTip.contains(manifest.blobs.at(1).name + QLatin1String(" is not valid gzip")),
                 qPrintable(toolTip));

        // A tick of the progress timer after the end moved no byte: no signal at all.
        changed.clear();
        emit m_env->downloads.progressed();
        QCOMPARE(changed.count(), 0);
    }

    void anotherOperationReplacesTheRowsWithoutAReset()
    {
        SimulatedOperation first = SimulatedGraph::succeededOperation();
        first.manifest.blobCount = 3;
        const Manifest firstManifest = m_env->loadManifest(first);
        const QString firstId = m_env->operationId;
        m_model->setFiles(firstId, firstManifest.blobs);

        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

        // The details panel shows the same operation on every poll: nothing moves.
        m_model->setFiles(firstId, firstManifest.blobs);
        QCOMPARE(removed.count() + inserted.count() + changed.count(), 0);
        // A refreshed manifest that learnt a size: that row alone changes.
        QList<ManifestBlob> sized = firstManifest.blobs;
        sized[2].sizeInBytes = 4096;
        m_model->setFiles(firstId, sized);
        QCOMPARE(changedRows(changed), QList<int>({2}));
        QCOMPARE(data(2, DownloadJobModel::SizeColumn), sizeText(4096));

        // Another operation: its rows replace these, with its jobs laid over them.
        SimulatedOperation second = SimulatedGraph::succeededOperation();
        second.manifest.blobCount = 2;
        const Manifest secondManifest = m_env->loadManifest(second);
        QSignalSpy finished(&m_env->downloads, &DownloadManager::finished);
        QCOMPARE(m_env->downloads.download(m_env->operationId, secondManifest,
                                           {secondManifest.blobs.at(1)}, m_folder.path()),
                 QString());
        QVERIFY(finished.wait(10000));
        changed.clear();
        m_model->setFiles(m_env->operationId, secondManifest.blobs);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_model->operationId(), m_env->operationId);
        QVERIFY(!m_model->jobAt(0));
        QVERIFY(m_model->jobAt(1));
        QCOMPARE(index(1, 0).data(DownloadJobModel::StateRole).toInt(),
                 int(DownloadJob::State::Done));

        // Jobs of an operation not on show do not touch these rows.
        changed.clear();
        QCOMPARE(
            m_env->downloads.download(firstId, firstManifest, firstManifest.blobs, m_folder.path()),
            QString());
        QVERIFY(finished.wait(10000));
        QCOMPARE(changed.count(), 0);

        // A download again replaces the job of that file: the row follows the new one.
        DownloadJob *old = m_model->jobAt(1);
        QCOMPARE(m_env->downloads.download(m_env->operationId, secondManifest,
                                           {secondManifest.blobs.at(1)}, m_folder.path()),
                 QString());
        QVERIFY(m_model->jobAt(1) != old);
        QCOMPARE(m_model->jobAt(1), m_env->downloads.jobs(m_env->operationId).constFirst());
        QVERIFY(finished.wait(10000));

        m_model->clear();
        QCOMPARE(m_model->rowCount(), 0);
        QCOMPARE(reset.count(), 0);
    }

private:
    QModelIndex index(int row, int column) const { return m_model->index(row, column); }
    QString data(int row, int column, int role = Qt::DisplayRole) const
    {
        return m_model->index(row, column).data(role).toString();
    }

    std::unique_ptr<SimulatedDownloads> m_env;
    std::unique_ptr<DownloadJobModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QTemporaryDir m_folder;
};

QTEST_GUILESS_MAIN(TestDownloadJobModel)
#include "tst_downloadjobmodel.moc"
