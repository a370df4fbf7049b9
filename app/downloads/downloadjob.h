#pragma once

#include "app/downloads/gzipjsonlinesverifier.h"

#include "models/manifest.h"

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <atomic>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QThread;

// One blob on its way to disk: streamed into "<name>.part", resumed with a Range request
// after an interruption, verified off the GUI thread, then renamed to "<name>" (or to
// "<name>.corrupt" when it is not gzip JSON lines). A partial file with bytes in it survives
// a failure or a cancel, so the next attempt resumes where this one stopped; an empty one
// is removed.
class DownloadJob : public QObject
{
    Q_OBJECT
public:
    enum class State { Queued, Downloading, Verifying, Done, Failed, Corrupt, Cancelled };
    enum class Failure {
        None,
        UnsafeName, // the blob name cannot be a file name here
        LinkExpired, // Storage refused the SAS after its `se` (or said it was out of time)
        LinkRefused, // Storage refused the SAS for another reason
        Http, // any other error status
        Network, // the connection failed or stalled, and the automatic resumes ran out
        Disk, // the file could not be created or written (full disk, permissions)
    };

    // How many times a dropped connection is resumed without asking the analyst.
    static constexpr int MaxAutomaticResumes = 3;
    // No byte for this long ends the attempt (a stalled connection, not a slow one).
    static constexpr int StallTimeoutMs = 60000;
    // Nor may an attempt trickle: after its first stall timeout it must have averaged
    // MinimumBytesPerSecond, so its deadline is the stall timeout plus the time the bytes it
    // delivered take at that rate. A server sending a byte a second never trips the stall
    // timeout, but is cut off after about a minute instead of holding the download for ever;
    // the bytes stay on disk and the next attempt resumes after them.
    static constexpr qint64 MinimumBytesPerSecond = 4 * 1024;
    static qint64 attemptDeadlineMs(qint64 bytesDelivered, int stallTimeoutMs);
    // What Qt may buffer per reply: with readyRead draining it, memory stays flat.
    static constexpr qint64 ReadBufferSize = 1024 * 1024;

    DownloadJob(int id, const QString &operationId, const ManifestBlob &blob, const QString &folder,
                QObject *parent = nullptr);
    ~DownloadJob() override;

    int id() const { return m_id; }
    QString operationId() const { return m_operationId; }
    const ManifestBlob &blob() const { return m_blob; }
    QString folder() const { return m_folder; }
    // Where the verified file ends up; empty for an unsafe name.
    QString filePath() const;
    QString partPath() const;
    QString corruptPath() const;
    QString inflatedPath() const; // "x.json.gz" -> "x.jsonl"

    State state() const { return m_state; }
    Failure failure() const { return m_failure; }
    QString message() const { return m_message; } // the latest news, for the analyst
    bool isActive() const { return m_state == State::Downloading || m_state == State::Verifying; }
    bool canRetry() const;

    qint64 bytesReceived() const { return m_bytesOnDisk; } // including a resumed part
    qint64 bytesTotal() const; // -1 until known
    double bytesPerSecond() const { return m_rate; }
    const JsonLinesReport &report() const { return m_report; }
    int restartsFromZero() const { return m_restartsFromZero; }
    int resumes() const { return m_resumes; } // Range requests sent, automatic or not

    // Where to download from, and what the link is worth. A changed manifest eTag means the
    // data changed: the partial file is then discarded instead of resumed.
    void setSource(const QUrl &url, const QDateTime &sasExpiry, const QString &manifestETag);
    void setDecompress(bool decompress) { m_decompress = decompress; }
    // StallTimeoutMs unless set (tests set a shorter one); the deadline follows it.
    void setStallTimeout(int milliseconds) { m_stallTimeoutMs = qMax(1, milliseconds); }
    void setScanLimits(const ScanLimits &limits) { m_limits = limits; }

    void start(QNetworkAccessManager *network);
    void cancel();
    // Back to Queued after a failure or cancel; the partial file is kept for a resume.
    void requeue();
    // Updates the rate estimate; called a few times a second by the manager.
    void sampleRate(qint64 elapsedMs);

    static QString inflatedFileName(const QString &blobName);

signals:
    void stateChanged();

private:
    void sendRequest();
    void onReadyRead();
    void onFinished();
    void abortSoon();
    void checkDeadline();
    bool checkResponseHead();
    void restartFromZero(const QString &why);
    void startVerification();
    void onVerified();
    void setState(State state, const QString &message, Failure failure = Failure::None);
    void fail(Failure failure, const QString &message);
    void removeEmptyPart();
    QString describeHttpFailure() const;

    const int m_id;
    const QString m_operationId;
    const ManifestBlob m_blob;
    const QString m_folder;
    QUrl m_url;
    QDateTime m_sasExpiry;
    QString m_manifestETag;
    bool m_decompress = false;
    int m_stallTimeoutMs = StallTimeoutMs;
    QTimer m_deadline;
    ScanLimits m_limits;

    QNetworkAccessManager *m_network = nullptr;
    QPointer<QNetworkReply> m_reply;
    QFile m_file;
    State m_state = State::Queued;
    Failure m_failure = Failure::None;
    QString m_message;

    // Per attempt.
    qint64 m_requestedOffset = 0;
    bool m_headChecked = false;
    int m_httpStatus = 0;
    QByteArray m_errorBody; // the body of an error answer, capped
    QString m_diskError;
    QString m_restartReason;
    bool m_partComplete = false; // a 416 said the part already holds the whole blob
    bool m_cancelled = false;
    bool m_abortQueued = false;
    QElapsedTimer m_attemptClock;
    qint64 m_attemptBytes = 0; // body bytes this attempt delivered
    bool m_pastDeadline = false;

    // Across attempts.
    qint64 m_bytesOnDisk = 0;
    qint64 m_total = -1; // from Content-Length or Content-Range
    QByteArray m_etag; // the blob's ETag, to notice a blob replaced between attempts
    int m_automaticResumes = 0;
    int m_restartsFromZero = 0;
    int m_resumes = 0;
    bool m_discardPart = false;

    qint64 m_lastSampleMs = -1;
    qint64 m_lastSampleBytes = 0;
    double m_rate = 0;

    QThread *m_verifier = nullptr;
    std::shared_ptr<std::atomic_bool> m_verifyCancelled;
    std::shared_ptr<JsonLinesReport> m_verifyResult;
    JsonLinesReport m_report;
};
