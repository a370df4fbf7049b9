#include "blobstore.h"

#include "blobgenerator.h"
#include "httpdate.h"
#include "sastoken.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUuid>

namespace {

const QString PartnerTenantId = QStringLiteral("0e195b37-4574-4539-bc42-0e539b9684c0");

// FNV-1a: stable across runs (unlike qHash), so blob contents are reproducible.
quint64 stableHash(const QByteArray &data)
{
    quint64 hash = 0xcbf29ce484222325ull;
    for (char c : data)
        hash = (hash ^ quint8(c)) * 0x100000001b3ull;
    return hash;
}

// Resolves "." and ".." like a URL path would be, so a hostile blob name is found whether
// or not the client normalised the URL.
QString normalisedPath(const QString &path)
{
    QStringList kept;
    for (const QString &segment : path.split(QLatin1Char('/'))) {
        if (segment == QLatin1String("..")) {
            if (!kept.isEmpty())
                kept.removeLast();
        } else if (!segment.isEmpty() && segment != QLatin1String(".")) {
            kept.append(segment);
        }
    }
    return QLatin1Char('/') + kept.join(QLatin1Char('/'));
}

SimulatorReply storageError(int status, const QString &code, const QString &message,
                            const QString &detail)
{
    SimulatorReply reply;
    reply.status = status;
    reply.setHeader("Content-Type", "application/xml");
    reply.setHeader("x-ms-error-code", code.toLatin1());
    QString xml = QStringLiteral("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>%1</Code>"
                                 "<Message>%2\nRequestId:%3\nTime:%4</Message>")
                      .arg(code, message, QUuid::createUuid().toString(QUuid::WithoutBraces),
                           QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (!detail.isEmpty())
        xml += QStringLiteral("<AuthenticationErrorDetail>%1</AuthenticationErrorDetail>")
                   .arg(detail.toHtmlEscaped());
    reply.body = (xml + QStringLiteral("</Error>")).toUtf8();
    return reply;
}

} // namespace

BlobStore::BlobStore()
{
    m_signingKey.resize(32);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(m_signingKey.data()), 8);
}

void BlobStore::addManifest(const QString &manifestId, const ManifestSpec &spec,
                            const QDateTime &created)
{
    if (m_manifests.contains(manifestId))
        return;
    StoredManifest manifest;
    manifest.spec = spec;
    manifest.created = created;
    manifest.directory = QStringLiteral("/blob/billedusagefastpath/v1/PartnerTenantId=%1/"
                                        "ExportId=%2/Fragment=full/PartitionType=default")
                             .arg(PartnerTenantId, manifestId);
    manifest.blobNames = spec.blobNames;
    if (spec.blobNames.isEmpty()) {
        for (int i = 0; i < spec.blobCount; ++i) {
            manifest.blobNames.append(QStringLiteral("part-%1-%2.c000.json.gz")
                                          .arg(i, 5, 10, QLatin1Char('0'))
                                          .arg(manifestId));
        }
    }
    for (int i = 0; i < manifest.blobNames.size(); ++i) {
        const QString path = manifest.directory + QLatin1Char('/') + manifest.blobNames.at(i);
        m_blobsByPath.insert(normalisedPath(path), {manifestId, i});
    }
    m_manifests.insert(manifestId, manifest);
}

QJsonObject BlobStore::manifestJson(const QString &manifestId, const QUrl &root,
                                    const QDateTime &now)
{
    const StoredManifest &manifest = m_manifests[manifestId];
    QJsonArray blobs;
    for (int i = 0; i < manifest.blobNames.size(); ++i) {
        QJsonObject blob {{QStringLiteral("name"), manifest.blobNames.at(i)},
                          {QStringLiteral("partitionValue"), QStringLiteral("default")}};
        if (manifest.spec.reportBlobSizes)
            blob.insert(QStringLiteral("sizeInBytes"), double(content(manifestId, i).size()));
        blobs.append(blob);
    }
    const QDateTime expiry = now.addSecs(manifest.spec.sasLifetimeSeconds);
    // The docs' example has two fractional digits here, unlike the operation's seven.
    const QDateTime created = manifest.created.toUTC();
    const QString createdText = created.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss."))
        + QStringLiteral("%1Z").arg(created.time().msec() / 10, 2, 10, QLatin1Char('0'));
    return QJsonObject {
        {QStringLiteral("id"), manifestId},
        {QStringLiteral("schemaVersion"), QStringLiteral("1")},
        {QStringLiteral("dataFormat"), manifest.spec.dataFormat},
        {QStringLiteral("createdDateTime"), createdText},
        {QStringLiteral("eTag"),
         QString::fromLatin1(QByteArray::number(stableHash(manifestId.toUtf8()), 36))},
        {QStringLiteral("partnerTenantId"), PartnerTenantId},
        {QStringLiteral("rootDirectory"), QString(root.toString() + manifest.directory)},
        {QStringLiteral("sasToken"), SasToken::sign(m_signingKey, manifest.directory, now, expiry)},
        {QStringLiteral("partitionType"), QStringLiteral("Default")},
        {QStringLiteral("blobCount"), int(manifest.blobNames.size())},
        {QStringLiteral("blobs"), blobs},
    };
}

const QByteArray &BlobStore::content(const QString &manifestId, int index)
{
    const QString key = manifestId + QLatin1Char('/') + QString::number(index);
    auto cached = m_contentCache.find(key);
    if (cached != m_contentCache.end())
        return *cached;
    const ManifestSpec &spec = m_manifests.value(manifestId).spec;
    QByteArray bytes = BlobGenerator::gzipJsonLines(stableHash(key.toUtf8()), spec.linesPerBlob,
                                                    spec.blobSizeBytes,
                                                    {spec.reconciliation, spec.basicAttributes});
    if (spec.corruptBlobs.contains(index)) {
        // Keep the gzip header so the damage shows only once inflating starts.
        for (qsizetype i = qMax<qsizetype>(10, bytes.size() / 2);
             i < qMin<qsizetype>(bytes.size(), bytes.size() / 2 + 64); ++i)
            bytes[i] = char(bytes.at(i) ^ 0x5a);
    }
    return *m_contentCache.insert(key, bytes);
}

SimulatorReply BlobStore::serve(const QString &path, const QUrlQuery &query,
                                const QByteArray &range, const QDateTime &now)
{
    const auto found = m_blobsByPath.constFind(normalisedPath(path));
    if (found == m_blobsByPath.constEnd()) {
        return storageError(404, QStringLiteral("BlobNotFound"),
                            QStringLiteral("The specified blob does not exist."), {});
    }
    const BlobKey blob = *found;
    const StoredManifest &manifest = m_manifests[blob.manifestId];
    const SasToken::Verdict verdict
        = SasToken::verify(m_signingKey, manifest.directory, query, now);
    if (!verdict.valid) {
        return storageError(403, QStringLiteral("AuthenticationFailed"),
                            QStringLiteral("Server failed to authenticate the request. Make sure "
                                           "the value of Authorization header is formed correctly "
                                           "including the signature."),
                            verdict.detail);
    }

    const QByteArray &bytes = content(blob.manifestId, blob.index);
    const qint64 size = bytes.size();
    SimulatorReply reply;
    reply.setHeader("Content-Type", "application/octet-stream");
    reply.setHeader("Accept-Ranges", "bytes");
    reply.setHeader("ETag",
                    "\"0x8DC" + QByteArray::number(stableHash(bytes.left(4096)) >> 8, 16).toUpper()
                        + '"');
    reply.setHeader("Last-Modified", httpDate(manifest.created));
    reply.setHeader("x-ms-version", "2021-08-06");
    reply.setHeader("x-ms-blob-type", "BlockBlob");

    qint64 first = 0;
    qint64 last = size - 1;
    if (!range.isEmpty()) {
        static const QRegularExpression pattern(QStringLiteral("^bytes=(\\d*)-(\\d*)$"));
        const QRegularExpressionMatch match = pattern.match(QString::fromLatin1(range).trimmed());
        const QString from = match.captured(1);
        const QString to = match.captured(2);
        if (match.hasMatch() && !(from.isEmpty() && to.isEmpty())) {
            if (from.isEmpty()) { // suffix: the last N bytes
                first = qMax<qint64>(0, size - to.toLongLong());
            } else {
                first = from.toLongLong();
                if (!to.isEmpty())
                    last = qMin(last, to.toLongLong());
            }
            if (first >= size || first > last) {
                SimulatorReply unsatisfiable = storageError(
                    416, QStringLiteral("InvalidRange"),
                    QStringLiteral("The range specified is invalid for the current size of the "
                                   "resource."),
                    {});
                unsatisfiable.setHeader("Content-Range", "bytes */" + QByteArray::number(size));
                return unsatisfiable;
            }
            reply.status = 206;
            reply.setHeader("Content-Range",
                            "bytes " + QByteArray::number(first) + '-' + QByteArray::number(last)
                                + '/' + QByteArray::number(size));
        }
    }
    reply.body = (first == 0 && last == size - 1) ? bytes : bytes.mid(first, last - first + 1);

    const QString countKey = blob.manifestId + QLatin1Char('/') + QString::number(blob.index);
    const int seen = m_requestCounts[countKey]++;
    const ManifestSpec &spec = manifest.spec;
    const bool drop = spec.dropRequests < 0 || seen < spec.dropRequests
        || (spec.dropRate > 0
            && std::uniform_real_distribution<double>(0, 1)(m_dropRandom) < spec.dropRate);
    if (spec.dropAfterBytes >= 0 && drop)
        reply.cutAfterBytes = qMin<qint64>(spec.dropAfterBytes, reply.body.size());
    if (seen == 0 && spec.stallBlobs.contains(blob.index)) {
        reply.cutAfterBytes = reply.body.size() / 2;
        reply.holdOpenAfterCut = true;
    }
    if (seen == 0 && spec.trickleBlobs.contains(blob.index))
        reply.trickleMs = ManifestSpec::TrickleIntervalMs;
    return reply;
}
