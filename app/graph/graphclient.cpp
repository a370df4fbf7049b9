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

GraphCall::GraphCall(GraphClient *client, const QNetworkRequest &request, QByteArray payload,
                     QByteArray clientRequestId)
    : QObject(client)
    , m_client(client)
    , m_request(request)
    , m_payload(std::move(payload))
    , m_clientRequestId(std::move(clientRequestId))
    , m_maxBodySize(client->maxBodySize())
    , m_deadlineMs(client->requestDeadline())
{ }

void GraphCall::send(const QString &token)
{
    if (m_cancelled || m_finished)
        return;
    QNetworkRequest request = m_request;
    m_sentToken = token.trimmed();
    if (isUsableToken(m_sentToken))
        request.setRawHeader("Authorization", "Bearer " + m_sentToken.toLatin1());
    else
        m_sentToken.clear();
    m_body.clear();
    m_tooLarge = false;
    QNetworkAccessManager *network = m_client->network();
    QNetworkReply *reply
        = m_payload.isNull() ? network->get(request) : network->post(request, m_payload);
    m_reply = reply;
    reply->setParent(this);
    // The transfer timeout only notices silence; this notices a reply that never ends. The
    // clock starts when the request goes out, not while it waits for its token.
    // A timer owned by the reply goes with it: a QTimer::singleShot stays registered for
    // the whole deadline after its reply is gone, and at 1,000 requests a second the
    // thread's 100,000 waiting timers made every timer start and every request slower.
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    deadline->setTimerType(Qt::PreciseTimer); // a coarse timer may fire up to 5 % early
    connect(deadline, &QTimer::timeout, this, [this, reply] {
        if (m_reply != reply || reply->isFinished())
            return;
        m_pastDeadline = true;
        m_reply->abort();
    });
    deadline->start(m_deadlineMs);
    connect(reply, &QNetworkReply::readyRead, this, &GraphCall::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &GraphCall::onFinished);
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply] {
        // Refuse an announced oversize body before a byte of it arrives.
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > m_maxBodySize && !m_tooLarge) {
            m_tooLarge = true;
            reply->abort();
        }
    });
}

void GraphCall::failBeforeSending(const Problem &problem)
{
    // The caller connects to finished() after get() returns, so the answer comes later.
    QMetaObject::invokeMethod(
        this,
        [this, problem] {
            if (m_finished)
                return;
            GraphReply result;
            result.clientRequestId = m_clientRequestId;
            result.receivedAt = QDateTime::currentDateTimeUtc();
            result.problem = problem;
            if (!result.problem.occurredAt.isValid())
                result.problem.occurredAt = result.receivedAt;
            finishWith(result);
        },
        Qt::QueuedConnection);
}

void GraphCall::cancel()
{
    if (m_finished)
        return;
    m_cancelled = true;
    if (m_reply && !m_reply->isFinished()) {
        m_reply->abort();
        return;
    }
    // Still waiting for a token: nothing went out.
    GraphReply result;
    result.clientRequestId = m_clientRequestId;
    result.receivedAt = QDateTime::currentDateTimeUtc();
    result.cancelled = true;
    result.problem.kind = Problem::Kind::Network;
    result.problem.message = GraphClient::tr("The request was cancelled.");
    result.problem.occurredAt = result.receivedAt;
    finishWith(result);
}

void GraphCall::finishWith(const GraphReply &reply)
{
    m_finished = true;
    emit finished(reply);
    deleteLater();
}

bool GraphCall::retryWithRenewedToken()
{
    if (m_retried || m_cancelled || m_sentToken.isEmpty() || !m_client->m_tokens
        || !m_client->m_tokens->canRenew())
        return false;
    m_retried = true;
    m_reply->deleteLater();
    m_reply = nullptr;
    m_client->authorize(this, m_sentToken);
    return true;
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
    // One 401 to a token that can be renewed is answered by renewing it and asking again.
    if (result.httpStatus == 401 && !m_tooLarge && retryWithRenewedToken())
        return;
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
        const QUrl target = url().resolved(QUrl::fromEncoded(result.location));
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

    finishWith(result);
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
    return request;
}

GraphCall *GraphClient::get(const QUrl &url)
{
    QByteArray clientRequestId;
    return startCall(makeRequest(url, &clientRequestId), QByteArray(), clientRequestId);
}

GraphCall *GraphClient::postJson(const QUrl &url, const QJsonObject &body)
{
    QByteArray clientRequestId;
    QNetworkRequest request = makeRequest(url, &clientRequestId);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return startCall(request, QJsonDocument(body).toJson(QJsonDocument::Compact), clientRequestId);
}

GraphCall *GraphClient::startCall(const QNetworkRequest &request, const QByteArray &payload,
                                  const QByteArray &clientRequestId)
{
    auto *call = new GraphCall(this, request, payload, clientRequestId);
    authorize(call);
    return call;
}

void GraphClient::authorize(GraphCall *call, const QString &rejected)
{
    // Only the Graph origin ever sees the token.
    if (!m_tokens || !m_endpoint.isGraphOrigin(call->url())) {
        call->send({});
        return;
    }
    QPointer<GraphCall> guard(call);
    m_tokens->requestToken(
        call,
        [guard](const TokenGrant &grant) {
            if (!guard)
                return;
            if (grant.problem.isNull())
                guard->send(grant.token);
            else
                guard->failBeforeSending(grant.problem);
        },
        rejected);
}

void GraphClient::dropIdleConnections()
{
    m_network->clearConnectionCache();
}
