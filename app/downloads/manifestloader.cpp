#include "app/downloads/manifestloader.h"

#include "app/graph/graphclient.h"

#include "models/graphjson.h"
#include "models/operationids.h"

ManifestSource ManifestSource::forOperation(const TrackedOperation &operation,
                                            const GraphEndpoint &endpoint)
{
    ManifestSource source;
    source.link = operation.last.manifestLink;
    if (!operation.last.inlineManifest.isEmpty()) {
        source.kind = Kind::Inline;
        return source;
    }
    if (source.link.isValid() && !source.link.isEmpty() && endpoint.isGraphOrigin(source.link)) {
        source.kind = Kind::GraphLink;
        source.url = source.link;
        return source;
    }
    source.kind = Kind::ManifestsById;
    QString manifestId = operation.id;
    if (!source.link.isEmpty()) {
        source.linkRefused = true;
        const QString lastSegment = source.link.path().section(QLatin1Char('/'), -1);
        const bool linkNamesManifest = OperationIds::isValid(lastSegment);
        if (linkNamesManifest)
            manifestId = lastSegment.toLower();
        const QString origin = source.link
                                   .adjusted(QUrl::RemovePath | QUrl::RemoveQuery
                                             | QUrl::RemoveFragment | QUrl::RemoveUserInfo)
                                   .toDisplayString();
        source.note = ManifestLoader::tr("The manifest link points to %1, which is not the Graph "
                                         "endpoint (%2), so it is not fetched: your token goes to "
                                         "Graph only. ")
                          .arg(origin, endpoint.root().toDisplayString());
        source.note += linkNamesManifest
            ? ManifestLoader::tr("The manifest %1 is read from Graph instead.").arg(manifestId)
            : ManifestLoader::tr("The link names no manifest id, so Graph is asked for the "
                                 "manifest with the operation's id.");
    }
    source.url = endpoint.manifestUrl(manifestId);
    return source;
}

ManifestLoader::ManifestLoader(GraphClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{ }

void ManifestLoader::load(const TrackedOperation &operation)
{
    const auto it = m_states.constFind(operation.id);
    if (it != m_states.constEnd()
        && (it->status == ManifestState::Status::Loaded
            || it->status == ManifestState::Status::Loading))
        return;
    start(operation, false);
}

void ManifestLoader::reload(const TrackedOperation &operation)
{
    const auto it = m_states.constFind(operation.id);
    if (it != m_states.constEnd() && it->status == ManifestState::Status::Loading)
        return;
    start(operation, true);
}

ManifestState ManifestLoader::state(const QString &operationId) const
{
    ManifestState state = m_states.value(operationId);
    state.operationId = operationId;
    return state;
}

void ManifestLoader::forget(const QString &operationId)
{
    if (const QPointer<GraphCall> call = m_calls.take(operationId))
        call->cancel();
    m_states.remove(operationId);
}

void ManifestLoader::start(const TrackedOperation &operation, bool refreshOperation)
{
    if (operation.status() != OperationStatus::Succeeded)
        return;
    ManifestState &state = m_states[operation.id];
    state.operationId = operation.id;
    state.source = ManifestSource::forOperation(operation, m_client->endpoint());
    state.error.clear();
    state.problem = Problem();

    // The store keeps an inline manifest without its SAS token; the operation has a fresh one.
    if (state.source.kind == ManifestSource::Kind::Inline && !refreshOperation
        && operation.last.inlineManifest.contains(QLatin1String("sasToken"))) {
        setLoaded(operation.id, GraphJson::manifestFromJson(operation.last.inlineManifest));
        return;
    }
    state.status = ManifestState::Status::Loading;
    emit stateChanged(operation.id);

    if (state.source.kind == ManifestSource::Kind::Inline) {
        GraphCall *call
            = m_client->get(m_client->endpoint().operationUrl(operation.id, operation.url));
        m_calls.insert(operation.id, call);
        connect(call, &GraphCall::finished, this,
                [this, operation](const GraphReply &reply) { onOperationReply(operation, reply); });
        return;
    }
    fetchManifest(operation.id, state.source);
}

void ManifestLoader::fetchManifest(const QString &operationId, const ManifestSource &source)
{
    GraphCall *call = m_client->get(source.url);
    m_calls.insert(operationId, call);
    connect(call, &GraphCall::finished, this,
            [this, operationId](const GraphReply &reply) { onManifestReply(operationId, reply); });
}

void ManifestLoader::onManifestReply(const QString &operationId, const GraphReply &reply)
{
    m_calls.remove(operationId);
    if (!m_states.contains(operationId) || reply.cancelled)
        return;
    const QUrl url = m_states.value(operationId).source.url;
    if (!reply.problem.isNull()) {
        setFailed(operationId,
                  ManifestLoader::tr("Could not load the manifest from %1: %2")
                      .arg(url.toDisplayString(), reply.problem.summary()),
                  reply.problem);
        return;
    }
    QString error;
    const std::optional<Manifest> manifest = GraphJson::parseManifest(reply.body, &error);
    if (!manifest) {
        setFailed(operationId,
                  ManifestLoader::tr("The manifest from %1 could not be read: %2")
                      .arg(url.toDisplayString(), error));
        return;
    }
    setLoaded(operationId, *manifest);
}

void ManifestLoader::onOperationReply(const TrackedOperation &operation, const GraphReply &reply)
{
    m_calls.remove(operation.id);
    if (!m_states.contains(operation.id) || reply.cancelled)
        return;
    if (!reply.problem.isNull()) {
        setFailed(operation.id,
                  ManifestLoader::tr("Could not fetch the operation again for a fresh manifest: %1")
                      .arg(reply.problem.summary()),
                  reply.problem);
        return;
    }
    QString error;
    const std::optional<Operation> fresh = GraphJson::parseOperation(reply.body, &error);
    if (!fresh) {
        setFailed(operation.id,
                  ManifestLoader::tr("The operation could not be read: %1").arg(error));
        return;
    }
    TrackedOperation updated = operation;
    updated.last = *fresh;
    if (updated.status() != OperationStatus::Succeeded) {
        setFailed(operation.id,
                  ManifestLoader::tr("Graph now reports the operation as \"%1\"; it "
                                     "has no manifest.")
                      .arg(fresh->rawStatus));
        return;
    }
    ManifestSource source = ManifestSource::forOperation(updated, m_client->endpoint());
    m_states[operation.id].source = source;
    if (source.kind == ManifestSource::Kind::Inline)
        setLoaded(operation.id, GraphJson::manifestFromJson(fresh->inlineManifest));
    else
        fetchManifest(operation.id, source); // the server stopped inlining it
}

void ManifestLoader::setLoaded(const QString &operationId, const Manifest &manifest)
{
    ManifestState &state = m_states[operationId];
    state.status = ManifestState::Status::Loaded;
    state.manifest = manifest;
    state.error.clear();
    state.problem = Problem();
    state.fetchedAt = QDateTime::currentDateTimeUtc();
    emit stateChanged(operationId);
}

void ManifestLoader::setFailed(const QString &operationId, const QString &error,
                               const Problem &problem)
{
    ManifestState &state = m_states[operationId];
    state.status = ManifestState::Status::Failed;
    state.error = error;
    state.problem = problem;
    emit stateChanged(operationId);
}
