#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

struct ManifestBlob
{
    QString name;
    QString partitionValue;
    qint64 sizeInBytes = -1; // not in the schema; some services add it, -1 when unknown
};

// partners.billing.manifest: where an export's files are and how to read them.
struct Manifest
{
    QString id;
    QString schemaVersion;
    QString dataFormat; // "compressedJSON" in the example, "compressedJSONLines" in the table
    QDateTime createdDateTime;
    QString eTag;
    QString partnerTenantId;
    QString partitionType;
    QString rootDirectory;
    QString sasToken; // already percent-encoded, without a leading '?'
    int blobCount = 0;
    QList<ManifestBlob> blobs;
    QJsonObject json; // the object as received, for "Copy manifest JSON"

    // The SAS `se` parameter; invalid when absent or unreadable.
    QDateTime sasExpiry() const;
    // rootDirectory + "/" + name + "?" + sasToken, with the token not encoded again.
    QUrl blobUrl(const ManifestBlob &blob) const;
};
