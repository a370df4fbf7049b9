#include "app/downloads/downloadjob.h"

#include "app/downloads/azurestorageerror.h"
#include "app/downloads/safefilename.h"
#include "models/sizetext.h"
#include "models/timetext.h"

#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QThread>
#include <QTimer>

#include <limits>

namespace {

constexpr qint64 WriteChunkSize = 256 * 1024;
constexpr qint64 MaxErrorBodySize = 64 * 1024;
constexpr int MaxRestartsFromZero = 2;

struct ContentRange
{
    qint64 first = -1;
    qint64 total = -1; // -1 when "*"
};

// "bytes 100-199/1000" (206) or "bytes */1000" (416).
ContentRange parseContentRange(const QByteArray &header)
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(^\s*bytes\s+(?:(\d+)-\d+|\*)/(\d+|\*)\s*$)"),
        QRegularExpression::CaseInsensitiveOption);
    ContentRange range;
    const QRegularExpressionMatch match = pattern.match(QString::fromLatin1(header));
    if (!match.hasMatch())
        return range;
    if (match.capturedLength(1) > 0)
        range.first = match.captured(1).toLongLong();
    if (match.captured(2) != QLatin1String("*"))
        range.total = match.captured(2).toLongLong();
    return range;
}

} // namespace

DownloadJob::DownloadJob(int id, const QString &operationId, const ManifestBlob &blob,
                         const QString &folder, QObject *parent)
    : QObject(parent)
    , m_id(id)
    , m_operationId(operationId)
    , m_blob(blob)
    , m_folder(folder)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &DownloadJob::checkDeadline);
    const QString unsafe = SafeFileName::problem(blob.name);
    if (!unsafe.isEmpty()) {
        m_state = State::Failed;
        m_failure = Failure::UnsafeName;
        m_message = tr("Refused to save \"%1\": %2. Nothing was written.")
                        .arg(blob.name.left(200), unsafe);
        return;
    }
    m_file.setFileName(partPath());
    const QFileInfo part(partPath());
    if (part.exists())
        m_bytesOnDisk = part.size();
}

DownloadJob::~DownloadJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    if (m_verifier) {
        m_verifyCancelled->store(true);
        m_verifier->wait();
        delete m_verifier;
    }
}

QString DownloadJob::filePath() const
{
    if (m_failure == Failure::UnsafeName)
        return {};
    return QDir(m_folder).filePath(m_blob.name);
}

QString DownloadJob::partPath() const
{
    const QString path = filePath();
    return path.isEmpty() ? path : path + QLatin1String(".part");
}

QString DownloadJob::corruptPath() const
{
    const QString path = filePath();
    return path.isEmpty() ? path : path + QLatin1String(".corrupt");
}

QString DownloadJob::inflatedPath() const
{
    if (m_failure == Failure::UnsafeName)
        return {};
    return QDir(m_folder).filePath(inflatedFileName(m_blob.name));
}

QString DownloadJob::inflatedFileName(const QString &blobName)
{
    return SafeFileName::inflatedName(blobName);
}

bool DownloadJob::canRetry() const
{
    // A corrupt file is fetched again from the start: a bad transfer is the likeliest cause.
    return m_failure != Failure::UnsafeName
        && (m_state == State::Failed || m_state == State::Cancelled || m_state == State::Corrupt);
}

qint64 DownloadJob::bytesTotal() const
{
    if (m_total >= 0)
        return m_total;
    return m_blob.sizeInBytes;
}

void DownloadJob::setSource(const QUrl &url, const QDateTime &sasExpiry,
                            const QString &manifestETag)
{
    // The manifest's eTag names the data version; a different one means other bytes.
    if (!m_manifestETag.isEmpty() && manifestETag != m_manifestETag) {
        m_discardPart = true;
        m_etag.clear();
        m_total = -1;
    }
    m_url = url;
    m_sasExpiry = sasExpiry;
    m_manifestETag = manifestETag;
}

void DownloadJob::start(QNetworkAccessManager *network)
{
    if (m_state != State::Queued)
        return;
    m_network = network;
    m_automaticResumes = 0;
    sendRequest();
}

void DownloadJob::sendRequest()
{
    const QFileInfo part(partPath());
    if (part.isSymLink()) {
        fail(Failure::Disk,
             tr("%1 is a symbolic link; refusing to write through it.")
                 .arg(QDir::toNativeSeparators(partPath())));
        return;
    }
    QIODevice::OpenMode mode = QIODevice::WriteOnly;
    mode |= m_discardPart ? QIODevice::Truncate : QIODevice::Append;
    if (!m_file.open(mode)) {
        fail(Failure::Disk,
             tr("Cannot write %1: %2.")
                 .arg(QDir::toNativeSeparators(partPath()), m_file.errorString()));
        return;
    }
    m_discardPart = false;
    m_bytesOnDisk = m_file.size();
    m_requestedOffset = m_bytesOnDisk;
    m_headChecked = false;
    m_httpStatus = 0;
    m_errorBody.clear();
    m_diskError.clear();
    m_restartReason.clear();
    m_partComplete = false;
    m_cancelled = false;
    m_abortQueued = false;
    m_attemptBytes = 0;
    m_pastDeadline = false;

    QNetworkRequest request(m_url);
    // Storage may label a blob Content-Encoding: gzip; Qt would then inflate it on the
    // way in. Asking for identity keeps the bytes exactly as stored.
    request.setRawHeader("Accept-Encoding", "identity");
    if (m_requestedOffset > 0) {
        request.setRawHeader("Range", "bytes=" + QByteArray::number(m_requestedOffset) + '-');
        ++m_resumes;
    }
    request.setTransferTimeout(m_stallTimeoutMs);
    m_reply = m_network->get(request);
    m_attemptClock.start();
    m_deadline.start(m_stallTimeoutMs);
    m_reply->setReadBufferSize(ReadBufferSize);
    connect(m_reply, &QNetworkReply::readyRead, this, &DownloadJob::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &DownloadJob::onFinished);
    setState(State::Downloading,
             m_requestedOffset > 0 ? tr("Resuming after %1…").arg(sizeText(m_requestedOffset))
                                   : tr("Downloading…"));
}

bool DownloadJob::checkResponseHead()
{
    m_headChecked = true;
    m_httpStatus = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray etag = m_reply->rawHeader("ETag");
    const ContentRange range = parseContentRange(m_reply->rawHeader("Content-Range"));

    if (m_httpStatus == 206) {
        if (range.first != m_requestedOffset) {
            restartFromZero(tr("the server resumed at the wrong place"));
            return false;
        }
        const qint64 expected = m_total >= 0 ? m_total : m_blob.sizeInBytes;
        if (expected >= 0 && range.total >= 0 && range.total != expected) {
            restartFromZero(tr("the file changed size on the server"));
            return false;
        }
        if (!m_etag.isEmpty() && !etag.isEmpty() && etag != m_etag) {
            restartFromZero(tr("the file changed on the server"));
            return false;
        }
        m_total = range.total;
    } else if (m_httpStatus == 200) {
        // A full body after a Range request: the server ignored the range.
        if (m_requestedOffset > 0) {
            m_file.resize(0);
            m_bytesOnDisk = 0;
            m_requestedOffset = 0;
        }
        const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
        m_total = length.isValid() ? length.toLongLong() : -1;
    } else if (m_httpStatus == 416) {
        if (range.total >= 0 && range.total == m_requestedOffset) {
            m_partComplete = true; // an earlier run got every byte but stopped before renaming
            m_total = range.total;
        } else {
            restartFromZero(tr("the partial file no longer fits the file on the server"));
        }
        return false;
    } else {
        return false; // an error answer: its body is collected for the message
    }
    if (!etag.isEmpty())
        m_etag = etag;
    return true;
}

void DownloadJob::onReadyRead()
{
    if (!m_reply)
        return;
    if (!m_headChecked)
        checkResponseHead();
    if (m_partComplete || !m_restartReason.isEmpty() || !m_diskError.isEmpty()) {
        m_reply->skip(m_reply->bytesAvailable());
        abortSoon();
        return;
    }
    if (m_httpStatus != 200 && m_httpStatus != 206) {
        const QByteArray data = m_reply->readAll(); // bounded by the read buffer size
        m_errorBody.append(data.left(MaxErrorBodySize - m_errorBody.size()));
        return;
    }
    while (m_reply->bytesAvailable() > 0) {
        const QByteArray chunk = m_reply->read(WriteChunkSize);
        if (m_file.write(chunk) != chunk.size()) {
            m_diskError = m_file.errorString();
            abortSoon();
            return;
        }
        m_bytesOnDisk += chunk.size();
        m_attemptBytes += chunk.size();
    }
}

qint64 DownloadJob::attemptDeadlineMs(qint64 bytesDelivered, int stallTimeoutMs)
{
    return stallTimeoutMs + bytesDelivered * 1000 / MinimumBytesPerSecond;
}

void DownloadJob::checkDeadline()
{
    if (!m_reply)
        return;
    // Each byte delivered moved the deadline on; only a reply behind it is ended.
    const qint64 left
        = attemptDeadlineMs(m_attemptBytes, m_stallTimeoutMs) - m_attemptClock.elapsed();
    if (left > 0) {
        m_deadline.start(int(qMin<qint64>(left, std::numeric_limits<int>::max())));
        return;
    }
    m_pastDeadline = true;
    m_reply->abort(); // finished() follows synchronously and resumes or fails the download
}

void DownloadJob::abortSoon()
{
    // Not from inside the reply's own signal: QNetworkReply does not expect that.
    if (!m_abortQueued) {
        m_abortQueued = true;
        QMetaObject::invokeMethod(m_reply, &QNetworkReply::abort, Qt::QueuedConnection);
    }
}

void DownloadJob::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    if (!m_cancelled)
        onReadyRead(); // whatever arrived with the end of the answer
    const QNetworkReply::NetworkError networkError = reply->error();
    const QString networkErrorText = reply->errorString();
    if (!m_headChecked && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid())
        checkResponseHead();
    m_reply = nullptr;
    reply->deleteLater();
    m_deadline.stop();
    if (!m_file.flush() && m_diskError.isEmpty())
        m_diskError = m_file.errorString();
    m_file.close();
    m_bytesOnDisk = QFileInfo(partPath()).size();

    if (m_cancelled) {
        setState(State::Cancelled,
                 tr("Cancelled after %1; the partial file is kept and Retry resumes it.")
                     .arg(sizeText(m_bytesOnDisk)));
        return;
    }
    if (!m_diskError.isEmpty()) {
        fail(Failure::Disk,
             tr("Could not write %1: %2. The partial file is kept; "
                "free some space or pick another folder, then Retry.")
                 .arg(QDir::toNativeSeparators(partPath()), m_diskError));
        return;
    }
    if (!m_restartReason.isEmpty()) {
        if (m_restartsFromZero >= MaxRestartsFromZero) {
            fail(Failure::Http, tr("Gave up: %1, again.").arg(m_restartReason));
            return;
        }
        ++m_restartsFromZero;
        m_discardPart = true;
        m_etag.clear();
        m_total = -1;
        m_bytesOnDisk = 0;
        sendRequest();
        return;
    }
    if (m_partComplete) {
        startVerification();
        return;
    }
    if (m_httpStatus != 0 && m_httpStatus != 200 && m_httpStatus != 206) {
        const AzureStorageError storage = AzureStorageError::parse(m_errorBody);
        if (m_httpStatus == 403 && storage.isAuthenticationFailure()) {
            const bool pastExpiry
                = m_sasExpiry.isValid() && m_sasExpiry <= QDateTime::currentDateTimeUtc();
            if (pastExpiry || storage.saysSignatureOutOfTimeFrame()) {
                fail(Failure::LinkExpired,
                     m_sasExpiry.isValid()
                         ? tr("The download link expired at %1; refresh the manifest to get a "
                              "new one.")
                               .arg(TimeText::localShort(m_sasExpiry))
                         : tr("The download link expired; refresh the manifest to get a new "
                              "one."));
            } else {
                fail(Failure::LinkRefused,
                     tr("Storage refused the download link (%1); refresh the manifest "
                        "to get a new one.")
                         .arg(storage.summary()));
            }
            return;
        }
        fail(Failure::Http, describeHttpFailure());
        return;
    }
    const bool complete
        = networkError == QNetworkReply::NoError && (m_total < 0 || m_bytesOnDisk == m_total);
    if (complete) {
        startVerification();
        return;
    }
    const QString lost = m_pastDeadline ? tr("too slow: %1 in %2 s")
                                              .arg(sizeText(m_attemptBytes))
                                              .arg(m_attemptClock.elapsed() / 1000.0, 0, 'f', 1)
        : networkError == QNetworkReply::OperationCanceledError
        ? tr("no data arrived for %1 s").arg(m_stallTimeoutMs / 1000.0)
        : networkError == QNetworkReply::NoError ? tr("the answer ended early")
                                                 : networkErrorText;
    if (m_automaticResumes < MaxAutomaticResumes) {
        ++m_automaticResumes;
        m_message
            = tr("Connection lost after %1 (%2); resuming…").arg(sizeText(m_bytesOnDisk), lost);
        emit stateChanged();
        QTimer::singleShot(500 * m_automaticResumes, this, [this] {
            if (m_state == State::Downloading && !m_reply)
                sendRequest();
        });
        return;
    }
    fail(Failure::Network,
         tr("Connection lost after %1: %2. The partial file is "
            "kept; Retry resumes it.")
             .arg(sizeText(m_bytesOnDisk), lost));
}

QString DownloadJob::describeHttpFailure() const
{
    const AzureStorageError storage = AzureStorageError::parse(m_errorBody);
    if (m_httpStatus == 404)
        return storage.isNull()
            ? tr("The file is not on the server (HTTP 404).")
            : tr("The file is not on the server (HTTP 404 %1).").arg(storage.code);
    return storage.isNull()
        ? tr("Storage answered HTTP %1.").arg(m_httpStatus)
        : tr("Storage answered HTTP %1 (%2).").arg(m_httpStatus).arg(storage.summary());
}

void DownloadJob::restartFromZero(const QString &why)
{
    m_restartReason = why;
}

void DownloadJob::startVerification()
{
    setState(State::Verifying, tr("Verifying…"));
    m_verifyCancelled = std::make_shared<std::atomic_bool>(false);
    m_verifyResult = std::make_shared<JsonLinesReport>();
    const QString path = partPath();
    const QString inflated = m_decompress ? inflatedPath() : QString();
    auto cancelled = m_verifyCancelled;
    auto result = m_verifyResult;
    m_verifier = QThread::create([path, inflated, cancelled, result, limits = m_limits] {
        *result = verifyGzipJsonLinesFile(path, inflated, cancelled.get(), limits);
    });
    connect(m_verifier, &QThread::finished, this, &DownloadJob::onVerified);
    m_verifier->start(QThread::LowPriority);
}

void DownloadJob::onVerified()
{
    m_verifier->deleteLater();
    m_verifier = nullptr;
    m_report = *m_verifyResult;
    if (m_verifyCancelled->load()) {
        setState(State::Cancelled,
                 tr("Cancelled while verifying; the downloaded file "
                    "is kept as .part and Retry verifies it again."));
        return;
    }
    if (m_report.outcome == ScanReport::Outcome::Unreadable) {
        // The download is fine; the disk or the decompressed copy's path is not.
        fail(Failure::Disk,
             tr("%1: %2. The downloaded file is kept as .part and Retry verifies "
                "it again.")
                 .arg(m_blob.name, m_report.error));
        return;
    }
    if (!m_report.ok) {
        QFile::remove(corruptPath());
        const bool kept = QFile::rename(partPath(), corruptPath());
        m_bytesOnDisk = 0;
        setState(
            State::Corrupt,
            tr("%1 is not valid gzip JSON lines: %2. %3")
                .arg(m_blob.name, m_report.error,
                     kept ? tr("It was kept aside as %1.").arg(QFileInfo(corruptPath()).fileName())
                          : tr("It stays as %1.").arg(QFileInfo(partPath()).fileName())));
        return;
    }
    QFile::remove(filePath());
    QFile::remove(corruptPath()); // what an earlier attempt set aside is now superseded
    if (!QFile::rename(partPath(), filePath())) {
        fail(Failure::Disk,
             tr("Verified, but could not rename %1 to %2.")
                 .arg(QDir::toNativeSeparators(partPath()), QFileInfo(filePath()).fileName()));
        return;
    }
    setState(State::Done,
             // No %n: the command line prints this too, without the app's translations.
             tr("%L1 lines · %2 → %3")
                 .arg(m_report.lines)
                 .arg(sizeText(m_report.compressedBytes), sizeText(m_report.uncompressedBytes)));
}

void DownloadJob::cancel()
{
    if (m_state == State::Queued) {
        setState(State::Cancelled, tr("Cancelled before it started."));
        return;
    }
    if (m_state == State::Verifying) {
        m_verifyCancelled->store(true);
        return;
    }
    if (m_state != State::Downloading)
        return;
    if (m_reply) {
        m_cancelled = true;
        m_reply->abort(); // finished() follows synchronously and reports the cancel
    } else {
        // Between an automatic resume's attempts.
        setState(State::Cancelled,
                 tr("Cancelled after %1; the partial file is kept and Retry resumes it.")
                     .arg(sizeText(m_bytesOnDisk)));
    }
}

void DownloadJob::requeue()
{
    if (!canRetry())
        return;
    if (m_state == State::Corrupt) {
        m_discardPart = true;
        m_etag.clear();
    }
    setState(State::Queued, tr("Waiting…"));
}

void DownloadJob::sampleRate(qint64 elapsedMs)
{
    if (m_state != State::Downloading || m_lastSampleMs < 0) {
        m_lastSampleMs = elapsedMs;
        m_lastSampleBytes = m_bytesOnDisk;
        if (m_state != State::Downloading)
            m_rate = 0;
        return;
    }
    const qint64 interval = elapsedMs - m_lastSampleMs;
    if (interval <= 0)
        return;
    const double current = qMax<qint64>(0, m_bytesOnDisk - m_lastSampleBytes) * 1000.0 / interval;
    // Smoothed so the ETA does not jump with every burst.
    m_rate = m_rate <= 0 ? current : 0.7 * m_rate + 0.3 * current;
    m_lastSampleMs = elapsedMs;
    m_lastSampleBytes = m_bytesOnDisk;
}

void DownloadJob::setState(State state, const QString &message, Failure failure)
{
    if (state == State::Failed || state == State::Cancelled)
        removeEmptyPart();
    m_state = state;
    m_failure = failure;
    m_message = message;
    emit stateChanged();
}

void DownloadJob::removeEmptyPart()
{
    // An attempt that got no byte (an expired link, a 404, a refused connection) leaves
    // nothing worth resuming: an empty .part would only look like a broken download.
    const QFileInfo part(partPath());
    if (m_file.isOpen() || part.filePath().isEmpty() || part.isSymLink() || !part.exists()
        || part.size() > 0)
        return;
    QFile::remove(part.filePath());
}

void DownloadJob::fail(Failure failure, const QString &message)
{
    if (m_file.isOpen())
        m_file.close();
    setState(State::Failed, message, failure);
}
