#include "manifest.h"

#include "graphjson.h"

#include <QByteArrayList>

namespace {

// The contract is "no leading '?'", but a copied token often has one; it is not part of it.
QByteArray tokenBytes(const QString &sasToken)
{
    QByteArray token = sasToken.toUtf8();
    if (token.startsWith('?'))
        token.remove(0, 1);
    return token;
}

} // namespace

QDateTime Manifest::sasExpiry() const
{
    const QByteArrayList parameters = tokenBytes(sasToken).split('&');
    for (const QByteArray &parameter : parameters) {
        if (!parameter.startsWith("se="))
            continue;
        const QString value = QString::fromUtf8(QByteArray::fromPercentEncoding(parameter.mid(3)));
        // Storage also accepts a bare date, which means the start of that day in UTC.
        const QDate date = QDate::fromString(value, Qt::ISODate);
        if (value.size() == 10 && date.isValid())
            return QDateTime(date, QTime(0, 0), Qt::UTC);
        return GraphJson::parseDateTime(value);
    }
    return {};
}

QUrl Manifest::blobUrl(const ManifestBlob &blob) const
{
    if (rootDirectory.isEmpty() || blob.name.isEmpty())
        return {};
    QByteArray root = rootDirectory.toUtf8();
    // A trailing slash would make "//" and name a different blob.
    if (root.endsWith('/'))
        root.chop(1);
    QByteArray encoded = root + '/' + QUrl::toPercentEncoding(blob.name, "/!$&'()*+,;=:@");
    const QByteArray token = tokenBytes(sasToken);
    if (!token.isEmpty())
        encoded += '?' + token;
    // The token is already percent-encoded: TolerantMode only encodes what is not allowed
    // raw (spaces, non-ASCII) and leaves existing escapes such as %2F and %3D untouched.
    return QUrl::fromEncoded(encoded, QUrl::TolerantMode);
}
