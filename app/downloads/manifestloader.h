#pragma once

#include "app/graph/graphendpoint.h"

#include "models/manifest.h"
#include "models/problem.h"
#include "models/trackedoperation.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

class GraphCall;
class GraphClient;
struct GraphReply;

// Where a succeeded operation's manifest is read from.
//
// 1. The `resourceLocation` object the operation carries inline (Microsoft's sample reads
//    it that way), when present.
// 2. Otherwise `resourceLocation@odata.navigationLink`, fetched with the token, but only
//    when it points at the configured Graph origin.
// 3. Otherwise Graph's own `{graph}/manifests/{id}`. The id is the link's last path segment
//    when that is a GUID (a link to a foreign host still names the manifest, and asking
//    Graph for that id leaks nothing). Without a usable link it is the operation id: in
//    the docs' examples the manifest's id is the operation's id.
// A link to any other origin is shown but never fetched: the token must not travel there,
// and fetching it without the token would only mean trusting a host Graph did not vouch for.
struct ManifestSource
{
    enum class Kind { Inline, GraphLink, ManifestsById };

    Kind kind = Kind::ManifestsById;
    QUrl url; // what is fetched; empty for Inline
    QUrl link; // the operation's navigation link as Graph sent it (may be empty)
    bool linkRefused = false; // the link points outside the Graph origin
    QString note; // for the analyst: why the link was not followed; empty otherwise

    static ManifestSource forOperation(const TrackedOperation &operation,
                                       const GraphEndpoint &endpoint);
};

// What is known about one operation's manifest.
struct ManifestState
{
    enum class Status { Idle, Loading, Loaded, Failed };

    QString operationId;
    Status status = Status::Idle;
    ManifestSource source;
    Manifest manifest; // valid when Loaded (also kept while reloading)
    QString error; // when Failed, phrased for the analyst
    // When Failed on a request Graph refused or did not answer; null when an answer came
    // but could not be read. Lets the CLI tell a refused token from a broken manifest.
    Problem problem;
    QDateTime fetchedAt; // UTC, when the manifest in `manifest` arrived

    bool hasManifest() const { return fetchedAt.isValid(); }
};

// Loads manifests through GraphClient and keeps them per operation id, so selecting an
// operation twice costs one request. Reloading bypasses the cache (a fresh SAS).
class ManifestLoader : public QObject
{
    Q_OBJECT
public:
    explicit ManifestLoader(GraphClient *client, QObject *parent = nullptr);

    // Uses the cache when it holds the manifest or a request is under way; otherwise
    // starts loading. Operations that have not succeeded are ignored.
    void load(const TrackedOperation &operation);
    // Fetches again even if cached. An inline manifest is refreshed by fetching the
    // operation again, since that is where a new SAS would come from.
    void reload(const TrackedOperation &operation);

    ManifestState state(const QString &operationId) const;
    void forget(const QString &operationId);

signals:
    // The state of that operation's manifest changed (loading started, loaded, failed).
    void stateChanged(const QString &operationId);

private:
    void start(const TrackedOperation &operation, bool refreshOperation);
    void fetchManifest(const QString &operationId, const ManifestSource &source);
    void onManifestReply(const QString &operationId, const GraphReply &reply);
    void onOperationReply(const TrackedOperation &operation, const GraphReply &reply);
    void setLoaded(const QString &operationId, const Manifest &manifest);
    void setFailed(const QString &operationId, const QString &error, const Problem &problem = {});

    GraphClient *m_client;
    QHash<QString, ManifestState> m_states;
    QHash<QString, QPointer<GraphCall>> m_calls;
};
