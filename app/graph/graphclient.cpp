#include "app/graph/graphclient.h"

#include "app/graph/tokenprovider.h"
#include "app/polling/pollpolicy.h"
#include "models/graphjson.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUuid>

namespace {

bool isUsableToken(const QString &token)
{
    // Anything outside printable ASCII could split the header; such a token is not sent.
    for (const QChar c : token) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return false;
    }
    return !token.isEmpty();
}

QString phraseFor(int status, bool hasRetryAfter)
{
    switch (status) {
    case 400:
        return GraphClient::tr("Graph rejected the request as malformed.");
    case 401:
        return GraphClient::tr("Graph did not accept the sign-in; sign in again or check the "
                               "token.");
    case 403:
        return GraphClient::tr("The account may not read partner billing data "
                               "(PartnerBilling.Read.All and a billing role are needed).");
    case 404:
        return GraphClient::tr("Graph does not know this operation (any more).");
    case 410:
        return GraphClient::tr("Graph has removed this operation.");
    case 429:
        return GraphClient::tr("Graph is throttling requests; checks wait until it allows "
                               "them again.");
    case 503:
        return hasRetryAfter ? GraphClient::tr("Graph is temporarily unavailable; checks wait "
                                               "until it allows them again.")
                             : GraphClient::tr("Graph is temporarily unavailable; retrying "
                                               "with backoff.");
    default:
        break;
    }
    if (status >= 500)
        return GraphClient::tr("Graph had a server error; retrying with backoff.");
    return GraphClient::tr("Graph answered with an unexpected HTTP status.");
}

Problem::Kind kindFor(int status, bool hasRetryAfter)
{
    switch (status) {
    case 401:
        return Problem::Kind::Unauthorized;
    case 403:
        return Problem::Kind::Forbidden;
    case 404:
    case 410:
        return Problem::Kind::NotFound;
    case 429:
        return Problem::Kind::Throttled;
    case 503:
        return hasRetryAfter ? Problem::Kind::Throttled : Problem::Kind::ServerError;
    default:
        return status >= 500 ? Problem::Kind::ServerError : Problem::Kind::HttpError;
    }
}

} // namespace

GraphCall::GraphCall(QNetworkReply *reply, QByteArray clientRequestId, qint64 maxBodySize,
                     int deadlineMs, QObject *parent)
    : QObject(parent)
    , m_reply(reply)
    , m_url(reply->request().url())
    , m_clientRequestId(std::move(clientRequestId))
    , m_maxBodySize(maxBodySize)
    , m_deadlineMs(deadlineMs)
{
    reply->setParent(this);
    // The transfer timeout only notices silence; this notices a reply that never ends.
    QTimer::singleShot(deadlineMs, this, [this] {
        if (!m_reply || m_reply->isFinished())
            return;
        m_pastDeadline = true;
        m_reply->abort();
    });
    connect(reply, &QNetworkReply::readyRead, this, &GraphCall::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &GraphCall::onFinished);
    connect(reply, &QNetworkReply::metaDataChanged, this, [this] {
        // Refuse an announced oversize body before a byte of it arrives.
        const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > m_maxBodySize && !m_tooLarge) {
            m_tooLarge = true;
            m_reply->abort();
        }
    });
}

void GraphCall::cancel()
{
    if (!m_reply || m_reply->isFinished())
        return;
    m_cancelled = true;
    m_reply->abort();
}

void GraphCall::onReadyRead()
{
    if (m_tooLarge)
        return;
    m_body += m_reply->read(m_maxBodySize + 1 - m_body.size());
    if (m_body.size() > m_maxBodySize) {
        m_tooLarge = true;
        m_body.clear();
        m_reply->abort();
    }
}

void GraphCall::onFinished()
{
    if (!m_tooLarge && m_reply->bytesAvailable() > 0)
        onReadyRead();

    GraphReply result;
    result.clientRequestId = m_clientRequestId;
    result.receivedAt = QDateTime::currentDateTimeUtc();
    result.cancelled = m_cancelled;
    result.httpStatus = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.requestId = m_reply->rawHeader("request-id");
    result.retryAfter = m_reply->rawHeader("Retry-After");
    result.location = m_reply->rawHeader("Location");
    if (!m_tooLarge)
        result.body = m_body;

    Problem &problem = result.problem;
    problem.occurredAt = result.receivedAt;
    problem.httpStatus = result.httpStatus;
    problem.requestId = QString::fromLatin1(result.requestId);
    const QNetworkReply::NetworkError error = m_reply->error();
    const bool aborted = error == QNetworkReply::OperationCanceledError;

    if (m_tooLarge) {
        problem.kind = Problem::Kind::BadReply;
        problem.message = GraphClient::tr("Reply too large: the server sent more than %1 MiB, "
                                          "so it was not read.")
                              .arg(m_maxBodySize / (1024 * 1024));
    } else if (m_pastDeadline) {
        problem.kind = Problem::Kind::Timeout;
        problem.message = GraphClient::tr("Graph's answer took longer than %1 s in all, so it "
                                          "was abandoned.")
                              .arg(m_deadlineMs / 1000.0);
    } else if (m_cancelled) {
        problem.kind = Problem::Kind::Network;
        problem.message = GraphClient::tr("The request was cancelled.");
    } else if (aborted) {
        // Qt reports its transfer timeout with the same code as abort(); only our own flag
        // tells a cancel apart, so an abort we did not ask for is the timeout.
        problem.kind = Problem::Kind::Timeout;
        problem.message = GraphClient::tr("Graph did not answer within %1 s.")
                              .arg(m_reply->request().transferTimeout() / 1000.0);
    } else if (error == QNetworkReply::InsecureRedirectError
               || (result.httpStatus >= 300 && result.httpStatus < 400)) {
        problem.kind = Problem::Kind::HttpError;
        const QUrl target = m_url.resolved(QUrl::fromEncoded(result.location));
        problem.message
            = GraphClient::tr("The server redirected to %1, another origin; the "
                              "redirect was not followed, so the token stays with "
                              "Graph.")
                  .arg(target.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery));
    } else if (result.httpStatus == 0) {
        problem.kind = Problem::Kind::Network;
        problem.message = GraphClient::tr("Could not reach Graph: %1").arg(m_reply->errorString());
    } else if (result.httpStatus < 200 || result.httpStatus >= 300) {
        const bool hasRetryAfter = !result.retryAfter.trimmed().isEmpty();
        problem.kind = kindFor(result.httpStatus, hasRetryAfter);
        const PublicError graphError = GraphJson::parseErrorBody(m_body);
        problem.code = graphError.code;
        problem.message = graphError.message.isEmpty() ? phraseFor(result.httpStatus, hasRetryAfter)
                                                       : graphError.message;
        if (problem.requestId.isEmpty())
            problem.requestId = graphError.requestId;
    } else if (error != QNetworkReply::NoError) {
        // A 2xx whose body broke off (the connection closed before Content-Length was met).
        problem.kind = Problem::Kind::Network;
        problem.message = GraphClient::tr("The answer broke off: %1").arg(m_reply->errorString());
    } else {
        problem = Problem();
    }

    emit finished(result);
    deleteLater();
}

GraphClient::GraphClient(TokenProvider *tokens, QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_tokens(tokens)
    , m_transferTimeout(PollPolicy::Limits::TransferTimeoutSeconds.defaultValue * 1000)
{
    // Only the client decides where a redirect may go; see makeRequest().
    m_network->setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
}

void GraphClient::setEndpoint(const GraphEndpoint &endpoint)
{
    m_endpoint = endpoint;
    emit endpointChanged();
}

void GraphClient::setTransferTimeout(int milliseconds)
{
    m_transferTimeout = qMax(1, milliseconds);
}

QNetworkRequest GraphClient::makeRequest(const QUrl &url, QByteArray *clientRequestId) const
{
    QNetworkRequest request(url);
    *clientRequestId = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    request.setRawHeader("client-request-id", *clientRequestId);
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(m_transferTimeout);
    // Qt 6.4 forwards Authorization across a followed cross-origin redirect, so a redirect
    // may only stay on the same origin.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::SameOriginRedirectPolicy);
    if (m_tokens && m_endpoint.isGraphOrigin(url)) {
        const QString token = m_tokens->accessToken().trimmed();
        if (isUsableToken(token))
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    }
    return request;
}

GraphCall *GraphClient::get(const QUrl &url)
{
    QByteArray clientRequestId;
    QNetworkReply *reply = m_network->get(makeRequest(url, &clientRequestId));
    return startCall(reply, clientRequestId);
}

GraphCall *GraphClient::postJson(const QUrl &url, const QJsonObject &body)
{
    QByteArray clientRequestId;
    QNetworkRequest request = makeRequest(url, &clientRequestId);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply
        = m_network->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    return startCall(reply, clientRequestId);
}

GraphCall *GraphClient::startCall(QNetworkReply *reply, const QByteArray &clientRequestId)
{
    auto *call = new GraphCall(reply, clientRequestId, maxBodySize(), requestDeadline(), this);
    connect(call, &GraphCall::finished, this, [this](const GraphReply &answer) {
        if (answer.httpStatus == 401 && m_tokens)
            m_tokens->tokenRejected();
    });
    return call;
}

void GraphClient::dropIdleConnections()
{
    m_network->clearConnectionCache();
}
