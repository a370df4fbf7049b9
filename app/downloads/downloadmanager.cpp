#include "app/downloads/downloadmanager.h"

#include "app/downloads/downloadfolders.h"
#include "app/downloads/safefilename.h"
#include "app/graph/graphendpoint.h"
#include "models/sizetext.h"

#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QSet>
#include <QStorageInfo>
#include <QTemporaryFile>

DownloadManager::DownloadManager(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network ? network : new QNetworkAccessManager(this))
{
    m_ticker.setInterval(250);
    connect(&m_ticker, &QTimer::timeout, this, &DownloadManager::onTick);
    m_clock.start();
}

DownloadManager::~DownloadManager()
{
    qDeleteAll(m_jobs); // jobs wait for their verification threads
}

void DownloadManager::setMaxParallel(int count)
{
    m_maxParallel = PollPolicy::Limits::ParallelDownloads.clamp(count);
    schedule();
}

void DownloadManager::setDecompress(bool decompress)
{
    m_decompress = decompress;
    prepareUnverifiedJobs();
}

void DownloadManager::setScanLimits(const ScanLimits &limits)
{
    m_limits = limits;
    prepareUnverifiedJobs();
}

void DownloadManager::prepareUnverifiedJobs() const
{
    for (DownloadJob *job : std::as_const(m_jobs)) {
        if (job->state() == DownloadJob::State::Queued
            || job->state() == DownloadJob::State::Downloading)
            prepare(job);
    }
}

void DownloadManager::prepare(DownloadJob *job) const
{
    job->setDecompress(m_decompress);
    job->setScanLimits(m_limits);
    job->setStallTimeout(m_stallTimeoutMs);
}

QString DownloadManager::storageLinkProblem(const Manifest &manifest)
{
    const QUrl root(manifest.rootDirectory);
    if (manifest.rootDirectory.isEmpty() || !root.isValid() || root.host().isEmpty())
        return tr("The manifest has no usable rootDirectory, so there is nothing to "
                  "download from.");
    if (GraphEndpoint::isSecureOrLocal(root))
        return {};
    return tr("The manifest's storage location (%1) is not https; the files are not "
              "downloaded over an unencrypted link.")
        .arg(root.adjusted(QUrl::RemovePath | QUrl::RemoveQuery).toDisplayString());
}

QString DownloadManager::folderProblem(const QString &folder)
{
    const QFileInfo info(folder);
    if (folder.isEmpty())
        return tr("No folder was chosen.");
    if (!info.exists())
        return tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(folder));
    if (!info.isDir())
        return QStringLiteral("%1 is not a folder.").arg(QDir::toNativeSeparators(folder));
    // Permission bits lie (ACLs, read-only mounts, root): only creating a file tells.
    QTemporaryFile probe(QDir(folder).filePath(QStringLiteral(".billing-monitor-XXXXXX")));
    if (!probe.open())
        return tr("The folder %1 cannot be written to: %2.")
            .arg(QDir::toNativeSeparators(folder), probe.errorString());
    return {};
}

QString DownloadManager::operationFolder(const QString &base, const QString &operationId)
{
    if (!SafeFileName::problem(operationId).isEmpty() || QFileInfo(base).fileName() == operationId)
        return base;
    return QDir(base).filePath(operationId);
}

QStringList DownloadManager::existingFiles(const QString &folder, const QList<ManifestBlob> &blobs)
{
    QStringList existing;
    for (const ManifestBlob &blob : blobs) {
        if (SafeFileName::problem(blob.name).isEmpty()
            && QFileInfo::exists(QDir(folder).filePath(blob.name)))
            existing.append(blob.name);
    }
    return existing;
}

QString DownloadManager::download(const QString &operationId, const Manifest &manifest,
                                  const QList<ManifestBlob> &blobs, const QString &folder)
{
    if (const QString problem = storageLinkProblem(manifest); !problem.isEmpty())
        return problem;
    if (const QString problem = folderProblem(folder); !problem.isEmpty())
        return problem;

    qint64 knownBytes = 0;
    for (const ManifestBlob &blob : blobs)
        knownBytes += qMax<qint64>(0, blob.sizeInBytes);
    const QStorageInfo storage(folder);
    if (storage.isValid() && knownBytes > 0 && storage.bytesAvailable() >= 0
        && knownBytes > storage.bytesAvailable()) {
        return tr("The files need %1 but only %2 is free in %3.")
            .arg(sizeText(knownBytes), sizeText(storage.bytesAvailable()),
                 QDir::toNativeSeparators(folder));
    }

    QStringList names;
    for (const ManifestBlob &blob : blobs)
        names.append(blob.name);
    if (const QString clash = SafeFileName::collisionProblem(names); !clash.isEmpty())
        return clash;

    const QString canonicalFolder = QFileInfo(folder).canonicalFilePath();
    m_folders.insert(operationId, canonicalFolder);
    DownloadFolders::remember(operationId, canonicalFolder);
    QSet<QString> seen;
    for (const ManifestBlob &blob : blobs) {
        bool busy = false;
        for (DownloadJob *old : m_jobs) {
            if (old->operationId() != operationId || old->blob().name != blob.name)
                continue;
            if (old->isActive() || old->state() == DownloadJob::State::Queued) {
                busy = true;
                continue;
            }
            m_jobs.removeOne(old);
            emit jobRemoved(old->id());
            old->deleteLater();
            break;
        }
        if (busy || seen.contains(blob.name))
            continue; // a manifest listing a name twice would have two jobs fight over a file
        seen.insert(blob.name);
        auto *job = new DownloadJob(m_nextId++, operationId, blob, canonicalFolder, this);
        job->setSource(manifest.blobUrl(blob), manifest.sasExpiry(), manifest.eTag);
        prepare(job);
        connect(job, &DownloadJob::stateChanged, this, [this, job] { onJobStateChanged(job); });
        m_jobs.append(job);
        emit jobAdded(job);
    }
    m_running.insert(operationId);
    schedule();
    return {};
}

void DownloadManager::cancel(int jobId)
{
    if (DownloadJob *found = job(jobId))
        found->cancel();
}

void DownloadManager::cancelAll(const QString &operationId)
{
    // Queued jobs first, so cancelling an active one does not start the next.
    const QList<DownloadJob *> all = jobs(operationId);
    for (DownloadJob *job : all) {
        if (job->state() == DownloadJob::State::Queued)
            job->cancel();
    }
    for (DownloadJob *job : all)
        job->cancel();
}

void DownloadManager::retry(int jobId)
{
    DownloadJob *found = job(jobId);
    if (!found || !found->canRetry())
        return;
    prepare(found);
    found->requeue();
    m_running.insert(found->operationId());
    schedule();
}

int DownloadManager::retryWithManifest(const QString &operationId, const Manifest &manifest)
{
    int retried = 0;
    for (DownloadJob *job : jobs(operationId)) {
        if (!job->canRetry())
            continue;
        for (const ManifestBlob &blob : manifest.blobs) {
            if (blob.name != job->blob().name)
                continue;
            job->setSource(manifest.blobUrl(blob), manifest.sasExpiry(), manifest.eTag);
            prepare(job);
            job->requeue();
            ++retried;
            break;
        }
    }
    if (retried > 0)
        m_running.insert(operationId);
    schedule();
    return retried;
}

DownloadJob *DownloadManager::job(int jobId) const
{
    for (DownloadJob *job : m_jobs) {
        if (job->id() == jobId)
            return job;
    }
    return nullptr;
}

QList<DownloadJob *> DownloadManager::jobs(const QString &operationId) const
{
    QList<DownloadJob *> result;
    for (DownloadJob *job : m_jobs) {
        if (job->operationId() == operationId)
            result.append(job);
    }
    return result;
}

QString DownloadManager::folder(const QString &operationId) const
{
    return m_folders.value(operationId);
}

DownloadManager::Totals DownloadManager::totals(const QString &operationId) const
{
    Totals totals;
    bool sizeUnknown = false;
    qint64 knownTotal = 0;
    for (DownloadJob *job : m_jobs) {
        if (job->operationId() != operationId)
            continue;
        ++totals.files;
        switch (job->state()) {
        case DownloadJob::State::Done:
            ++totals.done;
            totals.lines += job->report().lines;
            totals.uncompressedBytes += job->report().uncompressedBytes;
            break;
        case DownloadJob::State::Failed:
        case DownloadJob::State::Corrupt:
            ++totals.failed;
            if (job->failure() == DownloadJob::Failure::LinkExpired
                || job->failure() == DownloadJob::Failure::LinkRefused)
                ++totals.linkExpired;
            break;
        case DownloadJob::State::Cancelled:
            ++totals.cancelled;
            break;
        case DownloadJob::State::Queued:
        case DownloadJob::State::Downloading:
        case DownloadJob::State::Verifying:
            ++totals.active;
            break;
        }
        if (job->state() == DownloadJob::State::Corrupt
            || job->failure() == DownloadJob::Failure::UnsafeName)
            continue; // their bytes are not part of what is still to come
        totals.bytesReceived += job->bytesReceived();
        totals.bytesPerSecond += job->bytesPerSecond();
        if (job->bytesTotal() >= 0)
            knownTotal += job->bytesTotal();
        else if (job->state() != DownloadJob::State::Done)
            sizeUnknown = true;
        else
            knownTotal += job->bytesReceived();
    }
    totals.bytesTotal = sizeUnknown ? -1 : knownTotal;
    if (totals.bytesTotal >= 0 && totals.bytesPerSecond > 0)
        totals.etaSeconds
            = qint64((totals.bytesTotal - totals.bytesReceived) / totals.bytesPerSecond);
    return totals;
}

void DownloadManager::schedule()
{
    int active = 0;
    for (DownloadJob *job : std::as_const(m_jobs))
        active += job->isActive() ? 1 : 0;
    for (DownloadJob *job : std::as_const(m_jobs)) {
        if (active >= m_maxParallel)
            break;
        if (job->state() == DownloadJob::State::Queued) {
            ++active;
            job->start(m_network);
        }
    }
    if (active > 0 && !m_ticker.isActive())
        m_ticker.start();
}

void DownloadManager::onJobStateChanged(DownloadJob *job)
{
    emit jobChanged(job);
    if (job->isActive() || job->state() == DownloadJob::State::Queued)
        return;
    // A job that just ended frees a slot; schedule() later so that a burst of state
    // changes (cancel all) does not start and stop jobs in the middle of it.
    QMetaObject::invokeMethod(
        this,
        [this, operationId = job->operationId()] {
            schedule();
            if (m_running.contains(operationId) && totals(operationId).active == 0) {
                m_running.remove(operationId);
                emit finished(operationId);
            }
        },
        Qt::QueuedConnection);
}

void DownloadManager::onTick()
{
    bool anyActive = false;
    for (DownloadJob *job : std::as_const(m_jobs)) {
        job->sampleRate(m_clock.elapsed());
        anyActive = anyActive || job->isActive();
    }
    emit progressed();
    if (!anyActive)
        m_ticker.stop();
}
