#include "app/downloads/azurestorageerror.h"
#include "app/downloads/downloadjob.h"
#include "app/downloads/downloadmanager.h"
#include "app/downloads/manifestloader.h"
#include "app/downloads/safefilename.h"
#include "models/timetext.h"
#include "support/simulateddownloads.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

} // namespace

class TestDownload : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_env = std::make_unique<SimulatedDownloads>();
        QString error;
        QVERIFY2(m_env->start(&error), qPrintable(error));
        m_folderDir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_folderDir->isValid());
        m_folder = QDir(m_folderDir->path());
    }
    void cleanup()
    {
        m_env.reset();
        m_folderDir.reset();
    }

    void safeFileNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("problem"); // empty: accepted
        QTest::newRow("blob name")
            << QStringLiteral("part-00049-b016029b.c000.json.gz") << QString();
        QTest::newRow("unicode") << QStringLiteral("Rechnung-Müller.json.gz") << QString();
        QTest::newRow("empty") << QString() << QStringLiteral("empty");
        QTest::newRow("slash") << QStringLiteral("a/b.json.gz") << QStringLiteral("path separator");
        QTest::newRow("backslash")
            << QStringLiteral("a\\b.json.gz") << QStringLiteral("path separator");
        QTest::newRow("absolute") << QStringLiteral("/etc/passwd")
                                  << QStringLiteral("path separator");
        QTest::newRow("parent") << QStringLiteral("..") << QStringLiteral("\"..\"");
        QTest::newRow("dot") << QStringLiteral(".") << QStringLiteral("\"..\"");
        QTest::newRow("climb") << QStringLiteral("../evil.json.gz")
                               << QStringLiteral("path separator");
        QTest::newRow("dots inside") << QStringLiteral("a..b.gz") << QStringLiteral("\"..\"");
        QTest::newRow("nul") << QStringLiteral("a") + QChar(0) + QStringLiteral("b")
                             << QStringLiteral("control");
        QTest::newRow("newline") << QStringLiteral("a\nb.gz") << QStringLiteral("control");
        QTest::newRow("drive") << QStringLiteral("C:evil.gz") << QStringLiteral("Windows");
        QTest::newRow("stream") << QStringLiteral("x.gz:stream") << QStringLiteral("Windows");
        QTest::newRow("question") << QStringLiteral("x?.gz") << QStringLiteral("Windows");
        QTest::newRow("CON") << QStringLiteral("CON") << QStringLiteral("reserved");
        QTest::newRow("nul.txt") << QStringLiteral("nul.json.gz") << QStringLiteral("reserved");
        QTest::newRow("com1") << QStringLiteral("com1.gz") << QStringLiteral("reserved");
        QTest::newRow("lpt9") << QStringLiteral("LPT9") << QStringLiteral("reserved");
        QTest::newRow("console") << QStringLiteral("console.json.gz") << QString();
        QTest::newRow("trailing dot")
            << QStringLiteral("x.gz.") << QStringLiteral("dot or a space");
        QTest::newRow("trailing space")
            << QStringLiteral("x.gz ") << QStringLiteral("dot or a space");
        QTest::newRow("too long") << QString(300, QLatin1Char('a'))
                                  << QStringLiteral("longer than");
    }
    void safeFileNames()
    {
        QFETCH(QString, name);
        QFETCH(QString, problem);
        const QString found = SafeFileName::problem(name);
        if (problem.isEmpty())
            QVERIFY2(found.isEmpty(), qPrintable(found));
        else
            QVERIFY2(found.contains(problem), qPrintable(found));
    }

    void parsesStorageErrors()
    {
        // The shape from microsoft/AzureStorageExplorer#3219, with Storage's BOM.
        const QByteArray expired
            = "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"utf-8\"?><Error>"
              "<Code>AuthenticationFailed</Code><Message>Server failed to "
              "authenticate the request.\nRequestId:1\nTime:2023</Message>"
              "<AuthenticationErrorDetail>Signature not valid in the specified "
              "time frame: Start [a] - Expiry [b] - Current [c]"
              "</AuthenticationErrorDetail></Error>";
        const AzureStorageError error = AzureStorageError::parse(expired);
        QVERIFY(error.isAuthenticationFailure());
        QVERIFY(error.saysSignatureOutOfTimeFrame());
        QCOMPARE(
            error.summary(),
            QStringLiteral("AuthenticationFailed: Server failed to authenticate the request."));

        const AzureStorageError notFound = AzureStorageError::parse(
            "<?xml version=\"1.0\"?><Error><Code>BlobNotFound</Code><Message>x</Message></Error>");
        QCOMPARE(notFound.code, QStringLiteral("BlobNotFound"));
        QVERIFY(!notFound.isAuthenticationFailure());

        QVERIFY(AzureStorageError::parse("<html><body>Forbidden</body></html>").isNull());
        QVERIFY(AzureStorageError::parse("{\"error\":{}}").isNull());
        QVERIFY(AzureStorageError::parse("<Error><Code>Trunc").isNull());
    }

    void namesInflatedCopies()
    {
        QCOMPARE(DownloadJob::inflatedFileName(QStringLiteral("part-1.c000.json.gz")),
                 QStringLiteral("part-1.c000.jsonl"));
        QCOMPARE(DownloadJob::inflatedFileName(QStringLiteral("x.gz")), QStringLiteral("x.jsonl"));
        QCOMPARE(DownloadJob::inflatedFileName(QStringLiteral("x.jsonl.gz")),
                 QStringLiteral("x.jsonl"));
        QCOMPARE(DownloadJob::inflatedFileName(QStringLiteral("x")), QStringLiteral("x.jsonl"));
    }

    void refusesUnusableFolders()
    {
        Manifest manifest = m_env->loadManifest(SimulatedGraph::succeededOperation());
        QCOMPARE(m_env->downloads.download(m_env->operationId, manifest, manifest.blobs,
                                           m_folder.filePath(QStringLiteral("missing"))),
                 QStringLiteral("The folder %1 does not exist.")
                     .arg(m_folder.filePath(QStringLiteral("missing"))));
        QVERIFY(writeFile(m_folder.filePath(QStringLiteral("file")), "x"));
        QVERIFY(m_env->downloads
                    .download(m_env->operationId, manifest, manifest.blobs,
                              m_folder.filePath(QStringLiteral("file")))
                    .endsWith(QLatin1String("is not a folder.")));
        // /proc refuses new files even to root, unlike permission bits.
        const QString readOnly = DownloadManager::folderProblem(QStringLiteral("/proc"));
        QVERIFY2(readOnly.startsWith(QLatin1String("The folder /proc cannot be written to: ")),
                 qPrintable(readOnly));
        QVERIFY(m_env->downloads.jobs(m_env->operationId).isEmpty());
    }

    void refusesPlainHttpStorageElsewhere()
    {
        Manifest manifest;
        manifest.rootDirectory = QStringLiteral("http://storage.example/container/dir");
        manifest.sasToken = QStringLiteral("se=2030-01-01T00%3A00%3A00Z&sig=x");
        manifest.blobs = {ManifestBlob {QStringLiteral("a.json.gz"), QStringLiteral("default")}};
        const QString problem = m_env->downloads.download(QStringLiteral("op"), manifest,
                                                          manifest.blobs, m_folder.path());
        QVERIFY2(problem.contains(QLatin1String("is not https")), qPrintable(problem));
        QVERIFY(m_env->downloads.jobs(QStringLiteral("op")).isEmpty());
    }

    void downloadsAndVerifiesSeveralBlobs()
    {
        SimulatedOperation operation = SimulatedGraph::succeededOperation();
        operation.manifest.blobCount = 4;
        operation.manifest.linesPerBlob = 700;
        operation.manifest.reportBlobSizes = true;
        const Manifest manifest = m_env->loadManifest(operation);
        QCOMPARE(manifest.blobs.size(), 4);
        m_env->graph.simulator.clearRequestLog();

        m_env->downloads.setMaxParallel(2);
        m_env->downloads.setDecompress(true);
        QSignalSpy finished(&m_env->downloads, &DownloadManager::finished);
        QCOMPARE(m_env->downloads.download(m_env->operationId, manifest, manifest.blobs,
                                           m_folder.path()),
                 QString());
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toString(), m_env->operationId);

        const DownloadManager::Totals totals = m_env->downloads.totals(m_env->operationId);
        QCOMPARE(totals.files, 4);
        QCOMPARE(totals.done, 4);
        QCOMPARE(totals.failed, 0);
        QCOMPARE(totals.lines, 4 * 700);
        qint64 expectedBytes = 0;
        for (const ManifestBlob &blob : manifest.blobs) {
            const QString path = m_folder.filePath(blob.name);
            QVERIFY2(QFileInfo::exists(path), qPrintable(path));
            QCOMPARE(QFileInfo(path).size(), blob.sizeInBytes);
            QVERIFY(!QFileInfo::exists(path + QLatin1String(".part")));
            const QByteArray inflated
                = readFile(m_folder.filePath(DownloadJob::inflatedFileName(blob.name)));
            QCOMPARE(inflated.count('\n'), 700);
            expectedBytes += blob.sizeInBytes;
        }
        QCOMPARE(totals.bytesReceived, expectedBytes);
        QCOMPARE(totals.bytesTotal, expectedBytes);
        for (DownloadJob *job : m_env->downloads.jobs(m_env->operationId)) {
            QCOMPARE(job->state(), DownloadJob::State::Done);
            QVERIFY2(job->message().contains(QLatin1String("700 lines")),
                     qPrintable(job->message()));
        }

        // Storage is authorised by the SAS alone: not one blob request carried the token.
        int blobRequests = 0;
        for (const SimulatorRequest &request : m_env->graph.simulator.requestLog()) {
            if (!request.path.startsWith(QLatin1String("/blob/")))
                continue;
            ++blobRequests;
            QVERIFY2(!request.hadAuthorization, qPrintable(request.path));
            QCOMPARE(request.status, 200);
        }
        QCOMPARE(blobRequests, 4);
        QVERIFY(m_env->graph.simulator.peakConcurrentRequests() <= 2);
    }

    void resumesCutDownloadByteIdentical()
    {
        SimulatedOperation operation = SimulatedGraph::succeededOperation();
        operation.manifest.blobCount = 1;
        operation.manifest.blobSizeBytes = 600 * 1024;
        operation.manifest.linesPerBlob = 0;
        operation.manifest.dropAfterBytes = 200 * 1024; // the first request breaks off here
        operation.manifest.dropRequests = 1;
        const Manifest manifest = m_env->loadManifest(operation);
        m_env->graph.simulator.clearRequestLog();

        QSignalSpy finished(&m_env->downloads, &DownloadManager::finished);
        QCOMPARE(m_env->downloads.download(m_env->operationId, manifest, manifest.blobs,
                                           m_folder.path()),
                 QString());
        QVERIFY(finished.wait(10000));
        DownloadJob *job = m_env->downloads.jobs(m_env->operationId).value(0);
        QVERIFY(job);
        QCOMPARE(job->state(), DownloadJob::State::Done);
        QCOMPARE(job->resumes(), 1);
        QCOMPARE(job->restartsFromZero(), 0);
        // The first answer is cut off after its headers; the second resumes it.
        QCOMPARE(blobStatuses(), QList<int>({200, 206}));

        // A clean download of the same blob elsewhere (the simulator only cuts the first).
        const QByteArray resumed = readFile(m_folder.filePath(manifest.blobs.first().name));
        QVERIFY(resumed.size() > 400 * 1024);
        QCOMPARE(resumed, downloadCleanCopy(manifest));
    }

    void resumesPartialFileFromAnEarlierRun()
    {
        SimulatedOperation operation = SimulatedGraph::succeededOperation();
        operation.manifest.blobCount = 1;
        operation.manifest.linesPerBlob = 3000;
        const Manifest manifest = m_env->loadManifest(operation);
        const QByteArray clean = downloadCleanCopy(manifest);
        const QString name = manifest.blobs.first().name;

        for (const qint64 partSize : {qint64(clean.size() / 3), qint64(clean.size())}) {
            QTemporaryDir folder;
            QVERIFY(writeFile(QDir(folder.path()).filePath(name + QLatin1String(".part")),
                              clean.left(partSize)));
            m_env->graph.simulator.clearRequestLog();
            DownloadJob *job = downloadInto(manifest, folder.path());
            QCOMPARE(job->state(), DownloadJob::State::Done);
            QCOMPARE(job->resumes(), 1);
            QCOMPARE(readFile(QDir(folder.path()).filePath(name)), clean);
            // A part that is already whole gets 416 with the full size: verified, not refetched.
            QCOMPARE(blobStatuses(), QList<int>({partSize == clean.size() ? 416 : 206}));
        }
    }

    void restartsWhenThePartDoesNotFit()
    {
        SimulatedOperation operation = SimulatedGraph::succeededOperation();
        operation.manifest.blobCount = 1;
        const Manifest manifest = m_env->loadManifest(operation);
        const QByteArray clean = downloadCleanCopy(manifest);
        const QString name = manifest.blobs.first().name;
        QVERIFY(writeFile(m_folder.filePath(name + QLatin1String(".part")),
                          QByteArray(clean.size() + 100, 'x')));
        m_env->graph.simulator.clearRequestLog();

        DownloadJob *job = downloadInto(manifest, m_folder.path());
        QCOMPARE(job->state(), DownloadJob::State::Done);
        QCOMPARE(job->restartsFromZero(), 1);
        QCOMPARE(blobStatuses(), QList<int>({416, 200}));
        QCOMPARE(readFile(m_folder.filePath(name)), clean);
    }

    void setsCorruptFileAside()
    {
        SimulatedOperation operation = SimulatedGraph::succeededOperation();
        operation.manifest.blobCount = 2;
        operation.manifest.corruptBlobs = {1};
        const Manifest manifest = m_env->loadManifest(operation);
        QSignalSpy finished(&m_env->downloads, &DownloadManager::finished);
        QCOMPARE(m_env->downloads.download(m_env->operationId, manifest, manifest.blobs,
                                           m_folder.path()),
                 QString());
        QVERIFY(finished.wait(10000));

        const QList<DownloadJob *> jobs = m_env->downloads.jobs(m_env->operationId);
        QCOMPARE(jobs.size(), 2);
        QCOMPARE(jobs.at(0)->state(), DownloadJob::State::Done);
        DownloadJob *corrupt = jobs.at(1);
        QCOMPARE(corrupt->state(), DownloadJob::State::Corrupt);
        const QString name = manifest.blobs.at(1).name;
        QVERIFY2(
            corrupt->message().startsWith(name + QLatin1String(" is not valid gzip JSON lines: ")),
            qPrintable(corrupt->message()));
        QVERIFY2(corrupt->message().contains(QLatin1String("kept aside as ") + name
                                             + QLatin1String(".corrupt")),
                 qPrintable(corrupt->message()));
        QVERIFY(QFileInfo::exists(m_folder.filePath(name + QLatin1String(".corrupt"))));
        QVERIFY(!QFileInfo::exists(m_folder.filePath(name)));
        QVERIFY(!QFileInfo::exists(m_folder.filePath(name + QLatin1String(".part"))));
        QCOMPARE(m_env->downloads.totals(m_env->operationId).failed, 1);

        // A corrupt file can be fetched again (a bad transfer is the likeliest cause); the
        // simulator serves the same bad bytes, so it is set aside again, from a fresh start.
        QVERIFY(corrupt->canRetry());
        m_env->graph.simulator.clearRequestLog();
        m_env->downloads.retry(corrupt->id());
        QCOMPARE(corrupt->state(), DownloadJob::State::Downloading);
        QVERIFY(finished.wait(10000));
        QCOMPARE(corrupt->state(), DownloadJob::State::Corrupt);
        QCOMPARE(blobStatuses(), QList<int>({200}));
        QVERIFY(QFileInfo::exists(m_folder.filePath(name + QLatin1String(".corrupt"))));
        QCOMPARE(jobs.at(0)->state(), DownloadJob::State::Done);
    }

    void explainsExpiredLinkAndRetriesWithFreshManifest()
    {
        SimulatedOperation operation = SimulatedGraph::succeededOperation();
        operation.manifest.blobCount = 2;
        operation.manifest.sasLifetimeSeconds = 1;
        const TrackedOperation tracked = trackedOperation(operation);
        m_env->loader.load(tracked);
        QTRY_COMPARE(m_env->loader.state(m_env->operationId).status, ManifestState::Status::Loaded);
        const Manifest stale = m_env->loader.state(m_env->operationId).manifest;
        QVERIFY(stale.sasExpiry().isValid());
        QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentDateTimeUtc() > stale.sasExpiry().addMSecs(100),
                                 5000);

        QSignalSpy finished(&m_env->downloads, &DownloadManager::finished);
        QCOMPARE(m_env->downloads.download(m_env->operationId, stale, stale.blobs, m_folder.path()),
                 QString());
        QVERIFY(finished.wait(10000));
        const QString expectedMessage
            = QStringLiteral("The download link expired at %1; refresh the "
                             "manifest to get a new one.")
                  .arg(TimeText::localShort(stale.sasExpiry()));
        for (DownloadJob *job : m_env->downloads.jobs(m_env->operationId)) {
            QCOMPARE(job->state(), DownloadJob::State::Failed);
            QCOMPARE(job->failure(), DownloadJob::Failure::LinkExpired);
            QCOMPARE(job->message(), expectedMessage);
        }
        QCOMPARE(m_env->downloads.totals(m_env->operationId).linkExpired, 2);
        // Not one byte arrived: no empty .part is left to look like a broken download.
        QCOMPARE(m_folder.entryList(QDir::Files | QDir::Hidden), QStringList());

        // "Refresh manifest and retry": a fresh SAS, then the failed files again.
        m_env->loader.reload(tracked);
        QTRY_COMPARE(m_env->loader.state(m_env->operationId).status, ManifestState::Status::Loaded);
        const Manifest fresh = m_env->loader.state(m_env->operationId).manifest;
        QVERIFY(fresh.sasToken != stale.sasToken);
        QCOMPARE(m_env->downloads.retryWithManifest(m_env->operationId, fresh), 2);
        QVERIFY(finished.wait(10000));
        QCOMPARE(m_env->downloads.totals(m_env->operationId).done, 2);
    }

    void refusesHostileNamesAndWritesNothingOutside()
    {
        SimulatedOperation operation = SimulatedGraph::succeededOperation();
        operation.manifest.blobNames
            = {QStringLiteral("../evil.json.gz"), QStringLiteral("a/b.json.gz"),
               QStringLiteral(".."), QStringLiteral("CON.json.gz"), QStringLiteral("ok.json.gz")};
        const Manifest manifest = m_env->loadManifest(operation);
        QCOMPARE(manifest.blobs.size(), 5);
        const QString inner = m_folder.filePath(QStringLiteral("inner"));
        QVERIFY(QDir().mkpath(inner));
        m_env->graph.simulator.clearRequestLog();

        QSignalSpy finished(&m_env->downloads, &DownloadManager::finished);
        QCOMPARE(m_env->downloads.download(m_env->operationId, manifest, manifest.blobs, inner),
                 QString());
        QVERIFY(finished.wait(10000));
        const QList<DownloadJob *> jobs = m_env->downloads.jobs(m_env->operationId);
        QCOMPARE(jobs.size(), 5);
        for (DownloadJob *job : jobs) {
            if (job->blob().name == QLatin1String("ok.json.gz")) {
                QCOMPARE(job->state(), DownloadJob::State::Done);
                continue;
            }
            QCOMPARE(job->state(), DownloadJob::State::Failed);
            QCOMPARE(job->failure(), DownloadJob::Failure::UnsafeName);
            QVERIFY2(
                job->message().startsWith(QLatin1String("Refused to save \"") + job->blob().name),
                qPrintable(job->message()));
            QVERIFY(!job->canRetry());
        }
        // Only the safe blob was requested, and only it is on disk.
        QCOMPARE(blobStatuses(), QList<int>({200}));
        QCOMPARE(QDir(inner).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList({QStringLiteral("ok.json.gz")}));
        QCOMPARE(
            QDir(m_folder.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
            QStringList({QStringLiteral("inner")}));
    }

    void refusesBlobNamesThatCollideBeforeDownloading_data()
    {
        QTest::addColumn<QStringList>("names");
        QTest::newRow("same .jsonl")
            << QStringList {QStringLiteral("x.gz"), QStringLiteral("x.json.gz")};
        QTest::newRow("a part of another")
            << QStringList {QStringLiteral("y.json.gz"), QStringLiteral("y.json.gz.part")};
        QTest::newRow("a corrupt one of another")
            << QStringList {QStringLiteral("y.json.gz.corrupt"), QStringLiteral("y.json.gz")};
        QTest::newRow("letter case")
            << QStringList {QStringLiteral("A.json.gz"), QStringLiteral("a.json.gz")};
    }
    void refusesBlobNamesThatCollideBeforeDownloading()
    {
        QFETCH(QStringList, names);
        SimulatedOperation operation = SimulatedGraph::succeededOperation();
        operation.manifest.blobNames = names;
        const Manifest manifest = m_env->loadManifest(operation);
        m_env->graph.simulator.clearRequestLog();
        const QString problem = m_env->downloads.download(m_env->operationId, manifest,
                                                          manifest.blobs, m_folder.path());
        QVERIFY2(problem.contains(QLatin1String("would both be saved as")), qPrintable(problem));
        QVERIFY(m_env->downloads.jobs(m_env->operationId).isEmpty());
        QCOMPARE(blobStatuses(), QList<int>());
        QVERIFY(SafeFileName::collisionProblem(
                    {QStringLiteral("a.json.gz"), QStringLiteral("b.json.gz")})
                    .isEmpty());
    }

    void explainsFilesThatCannotBeWritten()
    {
        SimulatedOperation operation = SimulatedGraph::succeededOperation();
        operation.manifest.blobCount = 2;
        const Manifest manifest = m_env->loadManifest(operation);
        // A directory where the part file should go, and a part file that is a symbolic link
        // (writing through it could land anywhere).
        const QString blocked
            = m_folder.filePath(manifest.blobs.at(0).name + QLatin1String(".part"));
        QVERIFY(QDir().mkpath(blocked));
        const QString target = m_folder.filePath(QStringLiteral("elsewhere"));
        QVERIFY(writeFile(target, "keep"));
        QVERIFY(QFile::link(target,
                            m_folder.filePath(manifest.blobs.at(1).name + QLatin1String(".part"))));
        m_env->graph.simulator.clearRequestLog();

        QSignalSpy finished(&m_env->downloads, &DownloadManager::finished);
        QCOMPARE(m_env->downloads.download(m_env->operationId, manifest, manifest.blobs,
                                           m_folder.path()),
                 QString());
        QVERIFY(finished.wait(10000));
        const QList<DownloadJob *> jobs = m_env->downloads.jobs(m_env->operationId);
        QCOMPARE(jobs.at(0)->failure(), DownloadJob::Failure::Disk);
        QVERIFY2(jobs.at(0)->message().startsWith(QLatin1String("Cannot write ") + blocked),
                 qPrintable(jobs.at(0)->message()));
        QCOMPARE(jobs.at(1)->failure(), DownloadJob::Failure::Disk);
        QVERIFY2(jobs.at(1)->message().contains(QLatin1String("is a symbolic link")),
                 qPrintable(jobs.at(1)->message()));
        QCOMPARE(readFile(target), QByteArray("keep"));
        QVERIFY(blobStatuses().isEmpty());
        QVERIFY(jobs.at(0)->canRetry());
    }

    void cancelKeepsThePartAndRetryFinishes()
    {
        SimulatedOperation operation = SimulatedGraph::succeededOperation();
        operation.manifest.blobCount = 3;
        const Manifest manifest = m_env->loadManifest(operation);
        m_env->downloads.setMaxParallel(1);
        QCOMPARE(m_env->downloads.download(m_env->operationId, manifest, manifest.blobs,
                                           m_folder.path()),
                 QString());
        m_env->downloads.cancelAll(m_env->operationId);
        for (DownloadJob *job : m_env->downloads.jobs(m_env->operationId)) {
            QCOMPARE(job->state(), DownloadJob::State::Cancelled);
            QVERIFY(job->canRetry());
        }
        QSignalSpy finished(&m_env->downloads, &DownloadManager::finished);
        for (DownloadJob *job : m_env->downloads.jobs(m_env->operationId))
            m_env->downloads.retry(job->id());
        QVERIFY(finished.wait(10000));
        QCOMPARE(m_env->downloads.totals(m_env->operationId).done, 3);
    }

    void stalledTransferCanBeCancelledAndResumed()
    {
        SimulatedOperation operation = SimulatedGraph::succeededOperation();
        operation.manifest.blobCount = 1;
        operation.manifest.linesPerBlob = 2000;
        operation.manifest.reportBlobSizes = true;
        operation.manifest.stallBlobs = {0};
        const Manifest manifest = m_env->loadManifest(operation);
        const qint64 size = manifest.blobs.at(0).sizeInBytes;
        QVERIFY(size > 0);
        QCOMPARE(m_env->downloads.download(m_env->operationId, manifest, manifest.blobs,
                                           m_folder.path()),
                 QString());
        DownloadJob *job = m_env->downloads.jobs(m_env->operationId).constFirst();
        // The simulator sends half and then holds the connection: the job is under way,
        // stuck at half.
        QTRY_COMPARE(job->bytesReceived(), size / 2);
        QTest::qWait(300);
        QCOMPARE(job->state(), DownloadJob::State::Downloading);
        QCOMPARE(job->bytesReceived(), size / 2);

        m_env->downloads.cancel(job->id());
        QCOMPARE(job->state(), DownloadJob::State::Cancelled);
        QCOMPARE(QFileInfo(job->partPath()).size(), size / 2); // kept: it has bytes
        QSignalSpy finished(&m_env->downloads, &DownloadManager::finished);
        m_env->downloads.retry(job->id());
        QVERIFY(finished.wait(10000));
        QCOMPARE(job->state(), DownloadJob::State::Done);
        QCOMPARE(job->resumes(), 1);
        QCOMPARE(QFileInfo(job->filePath()).size(), size);
    }

    void tricklingTransferMeetsItsDeadline()
    {
        // A byte a second never trips a stall timeout: the deadline grows only by the time
        // the delivered bytes take at the minimum rate.
        QCOMPARE(DownloadJob::attemptDeadlineMs(0, 60000), qint64(60000));
        QCOMPARE(DownloadJob::attemptDeadlineMs(60, 60000), qint64(60000 + 60000 / 4096));
        QCOMPARE(DownloadJob::attemptDeadlineMs(DownloadJob::MinimumBytesPerSecond * 60, 60000),
                 qint64(120000));

        // The simulator sends the first answer a byte every 100 ms, so the 300 ms stall
        // timeout never trips; only the attempt's deadline ends it, and the resume fetches
        // the rest at full speed.
        SimulatedOperation operation = SimulatedGraph::succeededOperation();
        operation.manifest.blobCount = 1;
        operation.manifest.trickleBlobs = {0};
        const Manifest manifest = m_env->loadManifest(operation);
        m_env->graph.simulator.clearRequestLog();
        m_env->downloads.setStallTimeout(300);

        QSignalSpy finished(&m_env->downloads, &DownloadManager::finished);
        QCOMPARE(m_env->downloads.download(m_env->operationId, manifest, manifest.blobs,
                                           m_folder.path()),
                 QString());
        DownloadJob *job = m_env->downloads.jobs(m_env->operationId).value(0);
        QVERIFY(job);
        QStringList messages;
        connect(job, &DownloadJob::stateChanged, this, [&] { messages << job->message(); });
        QVERIFY(finished.wait(10000));
        QCOMPARE(job->state(), DownloadJob::State::Done);
        QCOMPARE(job->resumes(), 1);
        QCOMPARE(blobStatuses(), QList<int>({200, 206}));
        QVERIFY2(messages.filter(QStringLiteral("too slow")).size() == 1,
                 qPrintable(messages.join(QLatin1Char('\n'))));
        QCOMPARE(readFile(job->filePath()), downloadCleanCopy(manifest));
    }

    void eachOperationGetsItsOwnFolder()
    {
        const QString id = QStringLiteral("6fe687d7-1e0f-4bd6-9091-4672691f64bc");
        const QString base = m_folder.path();
        QCOMPARE(DownloadManager::operationFolder(base, id), m_folder.filePath(id));
        // Picking the operation's own folder again does not nest it a second time.
        QCOMPARE(DownloadManager::operationFolder(m_folder.filePath(id), id),
                 m_folder.filePath(id));
        // An id that cannot be a folder name keeps the files in the folder picked.
        QCOMPARE(DownloadManager::operationFolder(base, QStringLiteral("../up")), base);

        const ManifestBlob there {QStringLiteral("part-00000.json.gz"), {}, -1};
        const ManifestBlob notThere {QStringLiteral("part-00001.json.gz"), {}, -1};
        const ManifestBlob hostile {QStringLiteral("../part-00000.json.gz"), {}, -1};
        QVERIFY(writeFile(m_folder.filePath(there.name), "x"));
        QVERIFY(writeFile(m_folder.filePath(notThere.name + QLatin1String(".part")), "x"));
        QCOMPARE(DownloadManager::existingFiles(base, {there, notThere, hostile}),
                 QStringList({there.name}));
    }

private:
    TrackedOperation trackedOperation(const SimulatedOperation &operation)
    {
        const TrackedOperation tracked
            = m_env->graph.fetchOperation(m_env->graph.simulator.addOperation(operation));
        m_env->operationId = tracked.id;
        return tracked;
    }

    // The statuses the blob route answered, in order (0: cut off without a whole answer).
    QList<int> blobStatuses() const
    {
        QList<int> statuses;
        for (const SimulatorRequest &request : m_env->graph.simulator.requestLog()) {
            if (request.path.startsWith(QLatin1String("/blob/")))
                statuses.append(request.status);
        }
        return statuses;
    }

    DownloadJob *downloadInto(const Manifest &manifest, const QString &folder)
    {
        const QString operationId = QStringLiteral("copy-%1").arg(++m_copies);
        QSignalSpy finished(&m_env->downloads, &DownloadManager::finished);
        if (!m_env->downloads.download(operationId, manifest, {manifest.blobs.first()}, folder)
                 .isEmpty())
            return nullptr;
        finished.wait(10000);
        return m_env->downloads.jobs(operationId).value(0);
    }

    QByteArray downloadCleanCopy(const Manifest &manifest)
    {
        QTemporaryDir folder;
        DownloadJob *job = downloadInto(manifest, folder.path());
        if (!job || job->state() != DownloadJob::State::Done)
            return {};
        return readFile(QDir(folder.path()).filePath(manifest.blobs.first().name));
    }

    std::unique_ptr<SimulatedDownloads> m_env;
    std::unique_ptr<QTemporaryDir> m_folderDir;
    QDir m_folder;
    int m_copies = 0;
};

QTEST_GUILESS_MAIN(TestDownload)
#include "tst_download.moc"
