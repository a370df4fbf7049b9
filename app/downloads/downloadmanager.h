#pragma once

#include "app/downloads/downloadjob.h"
#include "app/polling/pollpolicy.h"

#include "models/manifest.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

class QNetworkAccessManager;

// Downloads an export's blobs into a folder, a few at a time, with progress in total.
// Requests go out as plain QNetworkRequests: Storage is authorised by the SAS in the URL
// alone, and no Authorization header is ever added here.
class DownloadManager : public QObject
{
    Q_OBJECT
public:
    // Uses `network` when given (it must not add credentials itself), else its own.
    explicit DownloadManager(QNetworkAccessManager *network = nullptr, QObject *parent = nullptr);
    ~DownloadManager() override;

    void setMaxParallel(int count); // clamped to PollPolicy::Limits::ParallelDownloads
    // Also write "<name>.jsonl" beside each verified file. Applies to files not yet verified.
    void setDecompress(bool decompress);
    bool decompress() const { return m_decompress; }
    // DownloadJob::StallTimeoutMs unless set (tests set a shorter one), for jobs queued later.
    void setStallTimeout(int milliseconds) { m_stallTimeoutMs = milliseconds; }
    // The decompression-bomb caps the verification applies to files not yet verified.
    void setScanLimits(const ScanLimits &limits);
    const ScanLimits &scanLimits() const { return m_limits; }

    // Queues `blobs` of the operation's manifest for `folder`. Returns why nothing was
    // queued (the folder cannot be written, the storage link is not https, not enough
    // free space), or an empty string. A blob whose name is unsafe becomes a failed job
    // that says why. Earlier finished jobs for the same blobs are replaced; blobs still
    // in progress are left alone.
    QString download(const QString &operationId, const Manifest &manifest,
                     const QList<ManifestBlob> &blobs, const QString &folder);

    void cancel(int jobId);
    void cancelAll(const QString &operationId);
    void retry(int jobId); // resumes a failed or cancelled job with the link it had
    // A refreshed manifest: every failed or cancelled job of the operation gets the new
    // link and is retried. Returns how many were retried.
    int retryWithManifest(const QString &operationId, const Manifest &manifest);

    DownloadJob *job(int jobId) const;
    QList<DownloadJob *> jobs(const QString &operationId) const;
    QString folder(const QString &operationId) const; // where the last download went

    struct Totals
    {
        int files = 0;
        int done = 0;
        int failed = 0; // failed or corrupt
        int cancelled = 0;
        int active = 0; // downloading, verifying or queued
        int linkExpired = 0; // failed because Storage refused the SAS
        qint64 bytesReceived = 0;
        qint64 bytesTotal = -1; // -1 while any active file's size is unknown
        double bytesPerSecond = 0;
        qint64 etaSeconds = -1; // -1 when unknown
        qint64 lines = 0; // of the verified files
        qint64 uncompressedBytes = 0;
    };
    Totals totals(const QString &operationId) const;

    // Link/SAS check shared with the UI: empty when the manifest's storage location may be
    // downloaded from, else why not.
    static QString storageLinkProblem(const Manifest &manifest);
    // Empty when the folder can take new files, else why not.
    static QString folderProblem(const QString &folder);
    // Where the app puts an operation's files when the analyst picks `base`: a subfolder
    // named for the operation, because every export names its files part-00000-…, so two
    // operations in one folder would overwrite each other. `base` itself when it already is
    // that subfolder, or when the id cannot be a folder name.
    static QString operationFolder(const QString &base, const QString &operationId);
    // The verified files of these blobs that a download into `folder` would replace.
    static QStringList existingFiles(const QString &folder, const QList<ManifestBlob> &blobs);

signals:
    void jobAdded(DownloadJob *job);
    void jobChanged(DownloadJob *job);
    void jobRemoved(int jobId);
    // Bytes moved; emitted a few times a second while anything is active.
    void progressed();
    // Nothing of that operation is queued, downloading or verifying any more.
    void finished(const QString &operationId);

private:
    void schedule();
    void onJobStateChanged(DownloadJob *job);
    void onTick();
    // What a job about to run takes from the manager: decompress or not, and the caps.
    void prepare(DownloadJob *job) const;
    void prepareUnverifiedJobs() const;

    QNetworkAccessManager *m_network;
    QList<DownloadJob *> m_jobs;
    QHash<QString, QString> m_folders;
    QSet<QString> m_running; // operations whose finished() is still to come
    int m_maxParallel = PollPolicy::Limits::ParallelDownloads.defaultValue;
    bool m_decompress = false;
    int m_stallTimeoutMs = DownloadJob::StallTimeoutMs;
    ScanLimits m_limits;
    int m_nextId = 1;
    QTimer m_ticker;
    QElapsedTimer m_clock;
};
