#include "app/exports/exportstarter.h"

#include "app/graph/graphclient.h"
#include "models/operationids.h"
#include "app/polling/operationmonitor.h"

namespace {

// The operation's id is the last path segment of the Location; nothing else in the URL is
// trusted to hold it. A relative Location (RFC 9110 allows it) is resolved against the
// request; an absolute one is kept exactly as sent.
QString operationIdFromLocation(const QByteArray &location, const QUrl &requestUrl, QUrl *url)
{
    const QUrl parsed = QUrl::fromEncoded(location.trimmed(), QUrl::StrictMode);
    if (location.trimmed().isEmpty() || !parsed.isValid())
        return {};
    const QUrl absolute = parsed.isRelative() ? requestUrl.resolved(parsed) : parsed;
    if ((absolute.scheme() != u"https" && absolute.scheme() != u"http")
        || absolute.host().isEmpty())
        return {};
    const QString lastSegment = absolute.path().section(QLatin1Char('/'), -1);
    if (!OperationIds::isValid(lastSegment))
        return {};
    *url = absolute;
    return lastSegment.toLower();
}

} // namespace

ExportStarter::ExportStarter(GraphClient *client, OperationMonitor *monitor, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_monitor(monitor)
{ }

bool ExportStarter::start(const ExportRequest &request)
{
    if (!request.isValid())
        return false;
    const ExportRequest normalized = request.normalized();
    return post(normalized.url(m_client->endpoint()), normalized.body(), normalized.label());
}

bool ExportStarter::post(const QUrl &url, const QJsonObject &body, const QString &label)
{
    if (isBusy())
        return false;
    m_call = m_client->postJson(url, body);
    connect(m_call, &GraphCall::finished, this,
            [this, url, label](const GraphReply &reply) { onFinished(reply, url, label); });
    emit busyChanged(true);
    return true;
}

QString ExportStarter::failureText(const Problem &problem)
{
    QString text = tr("The export was not started: %1").arg(problem.summary());
    if (problem.kind == Problem::Kind::Timeout || problem.kind == Problem::Kind::Network)
        text += QLatin1Char('\n')
            + tr("If Graph received the request it may run the export anyway, but without its "
                 "Location it cannot be tracked.");
    if (!problem.requestId.isEmpty())
        text += QLatin1Char('\n') + tr("Request id: %1").arg(problem.requestId);
    return text;
}

void ExportStarter::onFinished(const GraphReply &reply, const QUrl &requestUrl,
                               const QString &label)
{
    m_call.clear();
    emit busyChanged(false);

    if (!reply.problem.isNull()) {
        emit exportFailed(reply.problem);
        return;
    }

    QUrl location;
    const QString id = operationIdFromLocation(reply.location, requestUrl, &location);
    if (id.isEmpty()) {
        emit exportFailed(missingLocationProblem(reply));
        return;
    }
    // The monitor refuses a Location it would not poll (plain http to another computer);
    // the id alone is still worth tracking, through the configured endpoint.
    if (!m_monitor->trackExport(id, location, label))
        m_monitor->track({id}, label);
    emit exportStarted(id, label);
}

Problem ExportStarter::missingLocationProblem(const GraphReply &reply) const
{
    Problem problem;
    problem.kind = Problem::Kind::BadReply;
    problem.httpStatus = reply.httpStatus;
    problem.requestId = QString::fromLatin1(reply.requestId);
    problem.occurredAt = reply.receivedAt;
    if (reply.location.trimmed().isEmpty())
        problem.message = tr("Graph accepted the export but sent no operation Location; nothing "
                             "to track.");
    else
        problem.message = tr("Graph accepted the export but its Location “%1” names no "
                             "operation; nothing to track.")
                              .arg(QString::fromLatin1(reply.location.left(200)));
    return problem;
}
