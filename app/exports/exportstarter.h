#pragma once

#include "app/exports/exportrequest.h"
#include "models/problem.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

class GraphCall;
class GraphClient;
class OperationMonitor;
struct GraphReply;

// Starts an export and hands the new operation to the monitor the moment Graph accepts it.
// Graph gives the operation's address only once, in the 202's Location header (some Graph
// SDKs drop it), so it is kept verbatim and tracked at once; the store saves new rows
// immediately.
class ExportStarter : public QObject
{
    Q_OBJECT
public:
    ExportStarter(GraphClient *client, OperationMonitor *monitor, QObject *parent = nullptr);

    // Validates and sends. Returns false, sending nothing, when the request is invalid
    // (ExportRequest::validate() says why) or another export is still being sent.
    bool start(const ExportRequest &request);
    // Sends a body as given, without the client-side checks. start() ends here; tests use it
    // to see how a server-side refusal is reported.
    bool post(const QUrl &url, const QJsonObject &body, const QString &label);
    bool isBusy() const { return !m_call.isNull(); }

    // Readable text for the analyst: what went wrong, the Graph code and message, and the
    // request id to quote to support.
    static QString failureText(const Problem &problem);

signals:
    void busyChanged(bool busy);
    // Graph accepted the export and the operation is tracked (or already was).
    void exportStarted(const QString &id, const QString &label);
    // Nothing was tracked: Graph refused, did not answer, or answered without a Location.
    void exportFailed(const Problem &problem);

private:
    void onFinished(const GraphReply &reply, const QUrl &requestUrl, const QString &label);
    Problem missingLocationProblem(const GraphReply &reply) const;

    GraphClient *m_client;
    OperationMonitor *m_monitor;
    QPointer<GraphCall> m_call;
};
