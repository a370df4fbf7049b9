#pragma once

#include "manifestspec.h"
#include "simulatorreply.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <random>

// The manifests of succeeded operations and the storage that serves their blobs under
// /blob/<container>/<directory>/<name>, guarded by SAS tokens instead of the Graph token.
class BlobStore
{
public:
    BlobStore();

    // Idempotent: the first call for an id decides its spec and creation time.
    void addManifest(const QString &manifestId, const ManifestSpec &spec, const QDateTime &created);
    bool hasManifest(const QString &manifestId) const { return m_manifests.contains(manifestId); }

    // The manifest as GET /manifests/{id} returns it, with a SAS issued now.
    QJsonObject manifestJson(const QString &manifestId, const QUrl &root, const QDateTime &now);

    // Answers GET <path>?<query> on the blob route. `path` is the URL path, decoded.
    SimulatorReply serve(const QString &path, const QUrlQuery &query, const QByteArray &range,
                         const QDateTime &now);

private:
    struct StoredManifest
    {
        QString directory; // /blob/... without a trailing slash
        ManifestSpec spec;
        QDateTime created;
        QStringList blobNames;
    };
    struct BlobKey
    {
        QString manifestId;
        int index = 0;
    };

    const QByteArray &content(const QString &manifestId, int index);

    QByteArray m_signingKey;
    QHash<QString, StoredManifest> m_manifests;
    QHash<QString, BlobKey> m_blobsByPath; // normalised full path -> blob
    QHash<QString, QByteArray> m_contentCache; // "<manifestId>/<index>" -> bytes served
    QHash<QString, int> m_requestCounts; // same key -> requests seen, for dropRequests
    std::mt19937 m_dropRandom {1};
};
