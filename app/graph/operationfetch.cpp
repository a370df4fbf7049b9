#include "app/graph/operationfetch.h"

#include "app/graph/graphclient.h"
#include "models/graphjson.h"

#include <QCoreApplication>

#include <utility>

FetchOutcome FetchOutcome::fromReply(const GraphReply &reply, const QString &operationId)
{
    FetchOutcome outcome;
    outcome.httpStatus = reply.httpStatus;
    outcome.retryAfter = reply.retryAfter;
    outcome.receivedAt = reply.receivedAt;
    outcome.requestId = QString::fromLatin1(reply.requestId);
    outcome.clientRequestId = QString::fromLatin1(reply.clientRequestId);
    outcome.problem = reply.problem;
    if (!outcome.problem.isNull())
        return outcome;

    const auto badReply = [&](const QString &message) {
        outcome.problem.kind = Problem::Kind::BadReply;
        outcome.problem.httpStatus = reply.httpStatus;
        outcome.problem.requestId = QString::fromLatin1(reply.requestId);
        outcome.problem.occurredAt = reply.receivedAt;
        outcome.problem.message = message;
        return outcome;
    };
    QString error;
    std::optional<Operation> operation = GraphJson::parseOperation(reply.body, &error);
    if (!operation)
        return badReply(
            QCoreApplication::translate("FetchOutcome", "Graph's answer is not an operation: %1")
                .arg(error));
    if (operation->id.compare(operationId, Qt::CaseInsensitive) != 0)
        return badReply(QCoreApplication::translate(
                            "FetchOutcome", "Graph answered about operation %1 instead of %2.")
                            .arg(operation->id, operationId));
    outcome.operation = std::move(operation);
    return outcome;
}

QUrl GraphOperationFetcher::operationUrl(const QString &id, const QUrl &ownUrl) const
{
    return m_client->endpoint().operationUrl(id, ownUrl);
}

void GraphOperationFetcher::fetch(const QString &id, const QUrl &url, Done done)
{
    GraphCall *call = m_client->get(url);
    m_calls.removeIf([](const QPointer<GraphCall> &known) { return known.isNull(); });
    m_calls.append(call);
    QObject::connect(call, &GraphCall::finished, m_client,
                     [id, done = std::move(done)](const GraphReply &reply) {
                         // A cancelled check tells nothing about the operation.
                         if (!reply.cancelled)
                             done(FetchOutcome::fromReply(reply, id));
                     });
}

void GraphOperationFetcher::cancelAll()
{
    const QList<QPointer<GraphCall>> calls = std::exchange(m_calls, {});
    for (const QPointer<GraphCall> &call : calls) {
        if (call)
            call->cancel();
    }
}

void GraphOperationFetcher::dropIdleConnections()
{
    m_client->dropIdleConnections();
}
