#pragma once

#include "models/operation.h"
#include "models/problem.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

class GraphCall;
class GraphClient;
struct GraphReply;

// What one check of an operation gave: its state, or the problem that prevented it.
struct FetchOutcome
{
    std::optional<Operation> operation; // set only for a 2xx with a readable operation
    Problem problem; // null exactly when operation is set
    int httpStatus = 0;
    QByteArray retryAfter; // verbatim
    QDateTime receivedAt; // UTC
    // Which request it was, for a support ticket: the request-id header, and the
    // client-request-id the app sent.
    QString requestId;
    QString clientRequestId;

    // The answer of a 2xx, or a problem the body explains; cancelled calls never get here.
    static FetchOutcome fromReply(const GraphReply &reply, const QString &operationId);
};

// How the scheduler asks about an operation. The Graph-backed one is below; tests plug in
// fakes, so the scheduling decisions are testable without a network.
class OperationFetcher
{
public:
    using Done = std::function<void(const FetchOutcome &)>;

    virtual ~OperationFetcher() = default;
    // Where a check of this operation goes: its own URL (an export's Location) when that is
    // on the Graph origin, else the one the endpoint builds from the id.
    virtual QUrl operationUrl(const QString &id, const QUrl &ownUrl) const = 0;
    // Starts a check; calls done exactly once, later, from the event loop, unless
    // cancelAll() aborts the check first.
    virtual void fetch(const QString &id, const QUrl &url, Done done) = 0;
    // Aborts every check still in flight; their done callbacks are never called.
    virtual void cancelAll() = 0;
    // Closes idle connections, so the next request opens a new one (Graph asks for that
    // after a 503).
    virtual void dropIdleConnections() = 0;
};

class GraphOperationFetcher final : public OperationFetcher
{
public:
    explicit GraphOperationFetcher(GraphClient *client)
        : m_client(client)
    { }

    QUrl operationUrl(const QString &id, const QUrl &ownUrl) const override;
    void fetch(const QString &id, const QUrl &url, Done done) override;
    void cancelAll() override;
    void dropIdleConnections() override;

private:
    GraphClient *m_client;
    // Calls that may still be in flight; finished ones vanish when they delete themselves.
    QList<QPointer<GraphCall>> m_calls;
};
