#include "app/store/operationrecord.h"

#include "models/graphjson.h"
#include "models/operationids.h"

#include <QStringList>

namespace {

// Field names of an entry; the file format depends on them.
const QLatin1String IdKey("id");
const QLatin1String UrlKey("url");
const QLatin1String LabelKey("label");
const QLatin1String AddedAtKey("addedAt");
const QLatin1String LastKey("last");
const QLatin1String ProblemKey("problem");
const QLatin1String LastCheckedKey("lastChecked");
const QLatin1String NextCheckKey("nextCheck");
const QLatin1String LastRetryAfterKey("lastRetryAfter");
const QLatin1String ExpiredKey("expired");

const QLatin1String OdataTypeKey("odataType");
const QLatin1String StatusKey("status");
const QLatin1String RawStatusKey("rawStatus");
const QLatin1String CreatedKey("createdDateTime");
const QLatin1String LastActionKey("lastActionDateTime");
const QLatin1String ManifestLinkKey("manifestLink");
const QLatin1String InlineManifestKey("inlineManifest");
const QLatin1String ErrorKey("error");

const QLatin1String KindKey("kind");
const QLatin1String HttpStatusKey("httpStatus");
const QLatin1String CodeKey("code");
const QLatin1String MessageKey("message");
const QLatin1String RequestIdKey("requestId");
const QLatin1String OccurredAtKey("occurredAt");

void insertText(QJsonObject *object, QLatin1String key, const QString &text)
{
    if (!text.isEmpty())
        object->insert(key, text);
}

void insertDate(QJsonObject *object, QLatin1String key, const QDateTime &dateTime)
{
    if (dateTime.isValid())
        object->insert(key, GraphJson::formatDateTime(dateTime));
}

void insertUrl(QJsonObject *object, QLatin1String key, const QUrl &url)
{
    if (!url.isEmpty())
        object->insert(key, QString::fromLatin1(url.toEncoded()));
}

// Reads and checks entries field by field; whatever cannot be read is noted, not fatal.
class EntryReader
{
public:
    EntryReader(QStringList *repairs, QString id)
        : m_repairs(repairs)
        , m_id(std::move(id))
    { }

    QString text(const QJsonObject &object, QLatin1String key) const
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull())
            return {};
        if (!value.isString())
            note(key);
        return value.toString();
    }

    QDateTime date(const QJsonObject &object, QLatin1String key) const
    {
        const QString raw = text(object, key);
        if (raw.isEmpty())
            return {};
        const QDateTime parsed = GraphJson::parseDateTime(raw);
        if (!parsed.isValid())
            note(key);
        return parsed;
    }

    // Only absolute http(s) URLs are kept: anything else could not be requested anyway.
    QUrl url(const QJsonObject &object, QLatin1String key) const
    {
        const QString raw = text(object, key);
        if (raw.isEmpty())
            return {};
        const QUrl parsed = QUrl::fromEncoded(raw.toLatin1(), QUrl::StrictMode);
        if (!parsed.isValid() || (parsed.scheme() != u"https" && parsed.scheme() != u"http")
            || parsed.host().isEmpty()) {
            note(key);
            return {};
        }
        return parsed;
    }

    QJsonObject object(const QJsonObject &object, QLatin1String key) const
    {
        const QJsonValue value = object.value(key);
        if (!value.isUndefined() && !value.isNull() && !value.isObject())
            note(key);
        return value.toObject();
    }

    void note(QLatin1String key) const
    {
        m_repairs->append(QStringLiteral("%1: unreadable “%2” dropped").arg(m_id, key));
    }

private:
    QStringList *m_repairs;
    QString m_id;
};

QJsonObject operationToJson(const Operation &operation)
{
    QJsonObject object;
    insertText(&object, IdKey, operation.id);
    insertText(&object, OdataTypeKey, operation.odataType);
    object.insert(StatusKey, operationStatusKey(operation.status));
    insertText(&object, RawStatusKey, operation.rawStatus);
    insertDate(&object, CreatedKey, operation.createdDateTime);
    insertDate(&object, LastActionKey, operation.lastActionDateTime);
    insertUrl(&object, ManifestLinkKey, operation.manifestLink);
    if (!operation.inlineManifest.isEmpty())
        object.insert(InlineManifestKey,
                      OperationRecord::manifestWithoutSecrets(operation.inlineManifest));
    const QJsonObject error = operation.error.toJson();
    if (!error.isEmpty())
        object.insert(ErrorKey, error);
    return object;
}

Operation operationFromJson(const QJsonObject &object, const EntryReader &read)
{
    Operation operation;
    operation.id = read.text(object, IdKey);
    operation.odataType = read.text(object, OdataTypeKey);
    operation.rawStatus = read.text(object, RawStatusKey);
    const QString status = read.text(object, StatusKey);
    operation.status = status.isEmpty() ? operationStatusFromGraph(operation.rawStatus)
                                        : operationStatusFromKey(status);
    operation.createdDateTime = read.date(object, CreatedKey);
    operation.lastActionDateTime = read.date(object, LastActionKey);
    operation.manifestLink = read.url(object, ManifestLinkKey);
    operation.inlineManifest = read.object(object, InlineManifestKey);
    operation.error = PublicError::fromJson(read.object(object, ErrorKey));
    return operation;
}

QJsonObject problemObject(const Problem &problem)
{
    QJsonObject object;
    object.insert(KindKey, Problem::kindKey(problem.kind));
    if (problem.httpStatus != 0)
        object.insert(HttpStatusKey, problem.httpStatus);
    insertText(&object, CodeKey, problem.code);
    insertText(&object, MessageKey, problem.message);
    insertText(&object, RequestIdKey, problem.requestId);
    insertDate(&object, OccurredAtKey, problem.occurredAt);
    return object;
}

Problem problemFromObject(const QJsonObject &object, const EntryReader &read)
{
    Problem problem;
    if (object.isEmpty())
        return problem;
    problem.kind = Problem::kindFromKey(read.text(object, KindKey));
    problem.httpStatus = object.value(HttpStatusKey).toInt();
    problem.code = read.text(object, CodeKey);
    problem.message = read.text(object, MessageKey);
    problem.requestId = read.text(object, RequestIdKey);
    problem.occurredAt = read.date(object, OccurredAtKey);
    // A problem whose kind this version does not know is still a problem worth showing.
    if (problem.isNull() && (!problem.message.isEmpty() || problem.httpStatus != 0))
        problem.kind = Problem::Kind::HttpError;
    return problem;
}

} // namespace

namespace OperationRecord {

QJsonObject toJson(const TrackedOperation &operation)
{
    QJsonObject object;
    object.insert(IdKey, operation.id);
    insertUrl(&object, UrlKey, operation.url);
    insertText(&object, LabelKey, operation.label);
    insertDate(&object, AddedAtKey, operation.addedAt);
    const QJsonObject last = operationToJson(operation.last);
    if (last.size() > 1 || operation.last.status != OperationStatus::Unknown)
        object.insert(LastKey, last);
    if (!operation.problem.isNull())
        object.insert(ProblemKey, problemObject(operation.problem));
    insertDate(&object, LastCheckedKey, operation.lastChecked);
    insertDate(&object, NextCheckKey, operation.nextCheck);
    insertText(&object, LastRetryAfterKey, operation.lastRetryAfter);
    if (operation.expired)
        object.insert(ExpiredKey, true);
    return object;
}

std::optional<TrackedOperation> fromJson(const QJsonObject &object, QString *error,
                                         QStringList *repairs)
{
    const QString id = object.value(IdKey).toString().trimmed();
    if (!OperationIds::isValid(id)) {
        *error = id.isEmpty() ? QStringLiteral("an entry has no operation id")
                              : QStringLiteral("“%1” is not an operation id").arg(id.left(60));
        return std::nullopt;
    }
    const EntryReader read(repairs, id.toLower());
    TrackedOperation operation;
    operation.id = id.toLower();
    operation.url = read.url(object, UrlKey);
    operation.label = read.text(object, LabelKey);
    operation.addedAt = read.date(object, AddedAtKey);
    operation.last = operationFromJson(read.object(object, LastKey), read);
    operation.problem = problemFromObject(read.object(object, ProblemKey), read);
    operation.lastChecked = read.date(object, LastCheckedKey);
    operation.nextCheck = read.date(object, NextCheckKey);
    operation.lastRetryAfter = read.text(object, LastRetryAfterKey);
    operation.expired = object.value(ExpiredKey).toBool();
    return operation;
}

QJsonObject problemToJson(const Problem &problem)
{
    return problem.isNull() ? QJsonObject() : problemObject(problem);
}

Problem problemFromJson(const QJsonObject &object)
{
    QStringList ignored; // a stored problem is only shown, never acted on
    return problemFromObject(object, EntryReader(&ignored, QString()));
}

QJsonObject manifestWithoutSecrets(const QJsonObject &manifest)
{
    QJsonObject kept = manifest;
    kept.remove(QLatin1String("sasToken"));
    return kept;
}

} // namespace OperationRecord
