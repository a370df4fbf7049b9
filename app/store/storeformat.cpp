#include "app/store/storeformat.h"

#include "models/graphjson.h"
#include "models/operationids.h"
#include "app/store/operationrecord.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <array>

namespace {

const QLatin1String FormatKey("format");
const QLatin1String VersionKey("version");
const QLatin1String SavedAtKey("savedAt");
const QLatin1String OperationsKey("operations");

QJsonObject documentOf(int version, const QJsonArray &operations)
{
    QJsonObject document;
    document.insert(FormatKey, QLatin1String(StoreFormat::FormatName));
    document.insert(VersionKey, version);
    document.insert(OperationsKey, operations);
    return document;
}

// A hand-kept Location URL is worth keeping whole: it names the API version the export was
// started with. Anything else only contributes the ids found in it.
QJsonObject version0Entry(const QString &id, const QString &text, const QString &label)
{
    QJsonObject entry {{QStringLiteral("id"), id}};
    const QUrl url = QUrl::fromEncoded(text.trimmed().toLatin1(), QUrl::StrictMode);
    if (url.isValid() && (url.scheme() == u"https" || url.scheme() == u"http")
        && url.path().section(QLatin1Char('/'), -1).compare(id, Qt::CaseInsensitive) == 0)
        entry.insert(QStringLiteral("url"), QString::fromLatin1(url.toEncoded()));
    if (!label.isEmpty())
        entry.insert(QStringLiteral("label"), label);
    return entry;
}

// Version 0 → 1: a hand-kept JSON array of ids, Location URLs or {id, label} objects.
QJsonValue migrateFrom0(const QJsonValue &document, QStringList *repairs)
{
    QJsonArray operations;
    const QJsonArray entries = document.toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonValue entry = entries.at(i);
        QString text;
        QString label;
        if (entry.isString()) {
            text = entry.toString();
        } else if (entry.isObject()) {
            const QJsonObject object = entry.toObject();
            label = object.value(QLatin1String("label")).toString().trimmed();
            const QString id = object.value(QLatin1String("id")).toString();
            QString url = object.value(QLatin1String("url")).toString();
            if (url.isEmpty())
                url = object.value(QLatin1String("location")).toString();
            // The id field names the operation; a URL alone does too, and a URL naming the
            // same operation is kept with it.
            text = OperationIds::extract(id).isEmpty() ? url : id;
            if (!url.isEmpty() && OperationIds::extract(url) == OperationIds::extract(text))
                text = url;
        }
        const QStringList ids = OperationIds::extract(text);
        if (ids.isEmpty()) {
            repairs->append(QStringLiteral("entry %1: no operation id in %2")
                                .arg(i + 1)
                                .arg(GraphJson::valueText(entry).left(80)));
            continue;
        }
        for (const QString &id : ids)
            operations.append(version0Entry(id, ids.size() == 1 ? text : QString(), label));
    }
    return documentOf(1, operations);
}

using Migration = QJsonValue (*)(const QJsonValue &document, QStringList *repairs);
// migrations[n] turns a version-n document into a version-(n+1) one.
constexpr std::array<Migration, StoreFormat::CurrentVersion> Migrations {&migrateFrom0};

StoreFormat::ParseResult corrupt(const QString &error)
{
    StoreFormat::ParseResult result;
    result.outcome = StoreFormat::ParseResult::Outcome::Corrupt;
    result.error = error;
    return result;
}

} // namespace

namespace StoreFormat {

QByteArray serialize(const QList<TrackedOperation> &operations, const QDateTime &savedAt)
{
    QJsonArray entries;
    for (const TrackedOperation &operation : operations)
        entries.append(OperationRecord::toJson(operation));
    QJsonObject document = documentOf(CurrentVersion, entries);
    document.insert(SavedAtKey, GraphJson::formatDateTime(savedAt));
    return QJsonDocument(document).toJson(QJsonDocument::Compact);
}

ParseResult parse(const QByteArray &data)
{
    if (data.trimmed().isEmpty())
        return corrupt(QStringLiteral("the file is empty"));
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(data, &parseError);
    if (json.isNull())
        return corrupt(QStringLiteral("not valid JSON (%1 at byte %2)")
                           .arg(parseError.errorString())
                           .arg(parseError.offset));

    ParseResult result;
    QJsonValue document;
    if (json.isArray()) {
        result.version = 0;
        document = json.array();
    } else {
        const QJsonObject object = json.object();
        if (object.value(FormatKey).toString() != QLatin1String(FormatName))
            return corrupt(QStringLiteral("not a Billing Monitor operations file"));
        const QJsonValue version = object.value(VersionKey);
        if (!version.isDouble() || version.toDouble() != double(version.toInt())
            || version.toInt() < 1)
            return corrupt(QStringLiteral("the format version is missing or not a number"));
        result.version = version.toInt();
        if (result.version > CurrentVersion) {
            result.outcome = ParseResult::Outcome::NewerVersion;
            result.error = QStringLiteral("written by a newer Billing Monitor (file format "
                                          "version %1; this release reads up to %2)")
                               .arg(result.version)
                               .arg(CurrentVersion);
            return result;
        }
        document = object;
    }

    for (int version = result.version; version < CurrentVersion; ++version)
        document = Migrations.at(version)(document, &result.repairs);

    const QJsonValue entries = document.toObject().value(OperationsKey);
    if (!entries.isArray())
        return corrupt(QStringLiteral("the file has no list of operations"));
    const QJsonArray array = entries.toArray();
    result.operations.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        QString error;
        const std::optional<TrackedOperation> operation
            = OperationRecord::fromJson(array.at(i).toObject(), &error, &result.repairs);
        if (operation)
            result.operations.append(*operation);
        else
            result.repairs.append(QStringLiteral("entry %1: %2").arg(i + 1).arg(error));
    }
    result.outcome = result.version < CurrentVersion ? ParseResult::Outcome::Migrated
                                                     : ParseResult::Outcome::Loaded;
    return result;
}

} // namespace StoreFormat
