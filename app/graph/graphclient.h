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

class GraphClient;
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

// One request: it waits for a token, goes out, and after a 401 to a token that can be
// renewed goes out once more with the renewed one. Emits finished() exactly once, then
// deletes itself later.
class GraphCall : public QObject
{
    Q_OBJECT
public:
    // Aborts the request, or stops it waiting for a token; finished() then reports
    // cancelled = true, not a timeout.
    void cancel();
    QUrl url() const { return m_request.url(); }

signals:
    void finished(const GraphReply &reply);

private:
    friend class GraphClient;
    GraphCall(GraphClient *client, const QNetworkRequest &request, QByteArray payload,
              QByteArray clientRequestId);
    // Sends with this token (none when empty).
    void send(const QString &token);
    // Ends the call before anything went out, e.g. when sign-in was refused.
    void failBeforeSending(const Problem &problem);
    void onReadyRead();
    void onFinished();
    bool retryWithRenewedToken();
    void finishWith(const GraphReply &reply);

    GraphClient *m_client;
    QNetworkRequest m_request;
    QByteArray m_payload; // POST body; a GET when null
    QPointer<QNetworkReply> m_reply;
    QByteArray m_clientRequestId;
    QString m_sentToken;
    QByteArray m_body;
    qint64 m_maxBodySize;
    bool m_cancelled = false;
    bool m_tooLarge = false;
    bool m_retried = false;
    bool m_finished = false;
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
    TokenProvider *tokens() const { return m_tokens; }

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
    friend class GraphCall;
    QNetworkRequest makeRequest(const QUrl &url, QByteArray *clientRequestId) const;
    GraphCall *startCall(const QNetworkRequest &request, const QByteArray &payload,
                         const QByteArray &clientRequestId);
    // Asks for a token (a renewed one when rejected is set) and sends the call with it;
    // requests outside the Graph origin go out at once without one.
    void authorize(GraphCall *call, const QString &rejected = {});

    QNetworkAccessManager *m_network;
    TokenProvider *m_tokens;
    GraphEndpoint m_endpoint;
    int m_transferTimeout;
};
