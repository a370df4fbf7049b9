#pragma once

#include "app/graph/graphendpoint.h"
#include "models/problem.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class TokenProvider;

// What came back from one Graph request, already sorted into "answer" or "problem".
struct GraphReply
{
    int httpStatus = 0; // 0 when no HTTP answer arrived
    QByteArray body; // capped at GraphClient::maxBodySize()
    QByteArray requestId; // the request-id response header
    QByteArray clientRequestId; // the one we sent
    QByteArray retryAfter; // the Retry-After header, verbatim
    QByteArray location; // the Location header, verbatim (202 Accepted)
    QDateTime receivedAt; // UTC
    Problem problem; // null for a 2xx that arrived whole
    bool cancelled = false; // cancel() was called; not a timeout
};

// One request in flight. Emits finished() exactly once, then deletes itself later.
class GraphCall : public QObject
{
    Q_OBJECT
public:
    // Aborts the request; finished() then reports cancelled = true, not a timeout.
    void cancel();
    QUrl url() const { return m_url; }

signals:
    void finished(const GraphReply &reply);

private:
    friend class GraphClient;
    explicit GraphCall(QNetworkReply *reply, QByteArray clientRequestId, qint64 maxBodySize,
                       int deadlineMs, QObject *parent);
    void onReadyRead();
    void onFinished();

    QPointer<QNetworkReply> m_reply;
    QUrl m_url;
    QByteArray m_clientRequestId;
    QByteArray m_body;
    qint64 m_maxBodySize;
    bool m_cancelled = false;
    bool m_tooLarge = false;
    int m_deadlineMs;
    bool m_pastDeadline = false;
};

// Talks to Graph through one QNetworkAccessManager. Every request carries a fresh
// client-request-id, a transfer timeout (no byte moving for that long) and an overall
// deadline of DeadlineTransferTimeouts transfer timeouts, so a reply that trickles a byte
// at a time cannot hold a request slot forever. Authorization is added only when the URL's
// origin is the configured Graph origin, and redirects never leave that origin, so the
// token cannot travel to storage, a foreign link or across a redirect.
class GraphClient : public QObject
{
    Q_OBJECT
public:
    explicit GraphClient(TokenProvider *tokens, QObject *parent = nullptr);

    void setEndpoint(const GraphEndpoint &endpoint);
    const GraphEndpoint &endpoint() const { return m_endpoint; }

    // Starts at PollPolicy::Limits::TransferTimeoutSeconds' default.
    void setTransferTimeout(int milliseconds);
    int transferTimeout() const { return m_transferTimeout; }
    // A Graph answer is small (at most maxBodySize()); a whole request taking longer than
    // this many transfer timeouts is abandoned as timed out.
    static constexpr int DeadlineTransferTimeouts = 4;
    int requestDeadline() const { return m_transferTimeout * DeadlineTransferTimeouts; }
    static constexpr qint64 DefaultMaxBodySize = 4 * 1024 * 1024;
    qint64 maxBodySize() const { return DefaultMaxBodySize; }

    GraphCall *get(const QUrl &url);
    GraphCall *postJson(const QUrl &url, const QJsonObject &body);

    // After a 503 Graph asks for retries on a new connection: drop the idle ones.
    void dropIdleConnections();

    QNetworkAccessManager *network() const { return m_network; }

signals:
    // The Graph origin changed, so whether Graph is on this computer may have changed too.
    void endpointChanged();

private:
    QNetworkRequest makeRequest(const QUrl &url, QByteArray *clientRequestId) const;
    GraphCall *startCall(QNetworkReply *reply, const QByteArray &clientRequestId);

    QNetworkAccessManager *m_network;
    TokenProvider *m_tokens;
    GraphEndpoint m_endpoint;
    int m_transferTimeout;
};
