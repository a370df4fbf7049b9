#include "graphjson.h"

#include "operationids.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>

#include <cmath>

namespace GraphJson {

namespace {

constexpr int MaxFractionDigits = 7;
// A status longer than this is junk; it is cut so a table cell can still show it.
constexpr int MaxRawStatusLength = 256;
// How much of a hostile value is quoted back in an error message.
constexpr int MaxQuotedLength = 64;

const QString RunningType = QStringLiteral("#microsoft.graph.partners.billing.runningOperation");
const QString SuccessType
    = QStringLiteral("#microsoft.graph.partners.billing.exportSuccessOperation");
const QString FailedType = QStringLiteral("#microsoft.graph.partners.billing.failedOperation");

enum class Subtype { Unknown, Running, Success, Failed };

QString elided(const QString &text, int maxLength)
{
    if (text.size() <= maxLength)
        return text;
    return text.left(maxLength) + QChar(0x2026);
}

// A fixed-width run of ASCII digits; -1 when any character is not one.
int readDigits(QStringView text, qsizetype start, int count)
{
    if (start + count > text.size())
        return -1;
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const char16_t c = text[start + i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

bool hasCharAt(QStringView text, qsizetype index, char16_t c)
{
    return index < text.size() && text[index] == c;
}

Subtype subtypeFromOdataType(const QString &odataType)
{
    if (odataType == RunningType)
        return Subtype::Running;
    if (odataType == SuccessType)
        return Subtype::Success;
    if (odataType == FailedType)
        return Subtype::Failed;
    return Subtype::Unknown;
}

Subtype subtypeFromStatus(OperationStatus status)
{
    switch (status) {
    case OperationStatus::NotStarted:
    case OperationStatus::Running:
        return Subtype::Running;
    case OperationStatus::Succeeded:
        return Subtype::Success;
    case OperationStatus::Failed:
        return Subtype::Failed;
    case OperationStatus::Unknown:
    case OperationStatus::Expired:
        break;
    }
    return Subtype::Unknown;
}

OperationStatus statusOfSubtype(Subtype subtype)
{
    switch (subtype) {
    case Subtype::Running:
        return OperationStatus::Running;
    case Subtype::Success:
        return OperationStatus::Succeeded;
    case Subtype::Failed:
        return OperationStatus::Failed;
    case Subtype::Unknown:
        break;
    }
    return OperationStatus::Unknown;
}

// Only an absolute http(s) link may be followed; anything else is dropped.
QUrl navigationLink(const QJsonValue &value)
{
    const QUrl url(value.toString(), QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty()
        || (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        return {};
    return url;
}

PublicError publicErrorFromValue(const QJsonValue &value)
{
    if (value.isObject())
        return PublicError::fromJson(value.toObject());
    PublicError error;
    if (value.isString())
        error.message = value.toString();
    return error;
}

std::optional<QJsonObject> parseObject(const QByteArray &body, QString *error)
{
    if (body.trimmed().isEmpty()) {
        *error = QCoreApplication::translate("GraphJson", "The reply is empty");
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QCoreApplication::translate("GraphJson", "The reply is not JSON: %1 at offset %2")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = document.isArray()
            ? QCoreApplication::translate("GraphJson", "The reply is a JSON array, not an object")
            : QCoreApplication::translate("GraphJson", "The reply is not a JSON object");
        return std::nullopt;
    }
    return document.object();
}

} // namespace

QDateTime parseDateTime(const QString &text)
{
    // Hand-parsed because Qt::ISODate reads "no offset" as local time and takes only
    // milliseconds; Graph sends both 7 fractional digits and offset-less values.
    const QStringView view(text);
    const int year = readDigits(view, 0, 4);
    const int month = readDigits(view, 5, 2);
    const int day = readDigits(view, 8, 2);
    const int hour = readDigits(view, 11, 2);
    const int minute = readDigits(view, 14, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || !hasCharAt(view, 4, u'-')
        || !hasCharAt(view, 7, u'-') || !hasCharAt(view, 10, u'T') || !hasCharAt(view, 13, u':'))
        return {};

    qsizetype position = 16;
    int second = 0;
    int millisecond = 0;
    if (hasCharAt(view, position, u':')) {
        second = readDigits(view, position + 1, 2);
        if (second < 0)
            return {};
        position += 3;
        if (hasCharAt(view, position, u'.')) {
            ++position;
            int digits = 0;
            while (readDigits(view, position, 1) >= 0) {
                if (digits < 3)
                    millisecond = millisecond * 10 + readDigits(view, position, 1);
                ++digits;
                ++position;
            }
            if (digits == 0 || digits > MaxFractionDigits)
                return {};
            for (int i = digits; i < 3; ++i)
                millisecond *= 10;
        }
    }

    int offsetSeconds = 0;
    if (position == view.size()) {
        // No offset: Graph means UTC (createdDateTime is written this way).
    } else if (view.mid(position) == u"Z") {
        position = view.size();
    } else if (hasCharAt(view, position, u'+') || hasCharAt(view, position, u'-')) {
        const int sign = view[position] == u'-' ? -1 : 1;
        const int offsetHours = readDigits(view, position + 1, 2);
        const bool colon = hasCharAt(view, position + 3, u':');
        const int offsetMinutes = readDigits(view, position + (colon ? 4 : 3), 2);
        position += colon ? 6 : 5;
        if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59
            || position != view.size())
            return {};
        offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60);
    } else {
        return {};
    }

    const QDate date(year, month, day);
    const QTime time(hour, minute, second, millisecond);
    if (!date.isValid() || !time.isValid())
        return {};
    // The offset can push a time past year 9999 or before year 1, which ISO 8601 text (and
    // so the store and the CLI) cannot hold; such a time is refused like any other bad one.
    const QDateTime utc = QDateTime(date, time, Qt::UTC).addSecs(-offsetSeconds);
    if (utc.date().year() < 1 || utc.date().year() > 9999)
        return {};
    return utc;
}

QString formatDateTime(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return {};
    return dateTime.toUTC().toString(Qt::ISODateWithMs);
}

QString formatGraphDateTime(const QString &graphText)
{
    const QDateTime parsed = parseDateTime(graphText);
    if (!parsed.isValid())
        return {};
    // An offset moves whole minutes, so the fraction Graph sent holds in UTC as well.
    constexpr int FractionAt = 19; // after "yyyy-MM-ddTHH:mm:ss"
    QString fraction;
    if (graphText.size() > FractionAt && graphText.at(FractionAt) == u'.') {
        int end = FractionAt + 1;
        while (end < graphText.size() && graphText.at(end).isDigit())
            ++end;
        fraction = graphText.mid(FractionAt, end - FractionAt);
    }
    return parsed.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + fraction + u'Z';
}

QString valueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double: {
        const double number = value.toDouble();
        constexpr double ExactIntegerLimit = 9007199254740992.0; // 2^53
        if (std::trunc(number) == number && std::fabs(number) < ExactIntegerLimit)
            return QString::number(qint64(number));
        return QString::number(number, 'g', QLocale::FloatingPointShortest);
    }
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

Operation operationFromJson(const QJsonObject &object)
{
    Operation operation;
    operation.id = object.value(QLatin1String("id")).toString();
    if (OperationIds::isValid(operation.id))
        operation.id = operation.id.trimmed().toLower();
    operation.odataType = object.value(QLatin1String("@odata.type")).toString();
    const QString createdText = object.value(QLatin1String("createdDateTime")).toString();
    const QString lastActionText = object.value(QLatin1String("lastActionDateTime")).toString();
    operation.createdDateTime = parseDateTime(createdText);
    operation.lastActionDateTime = parseDateTime(lastActionText);
    if (operation.createdDateTime.isValid())
        operation.createdDateTimeText = createdText;
    if (operation.lastActionDateTime.isValid())
        operation.lastActionDateTimeText = lastActionText;

    const QJsonValue statusValue = object.value(QLatin1String("status"));
    operation.rawStatus = elided(valueText(statusValue), MaxRawStatusLength);
    const OperationStatus reported = statusValue.isString()
        ? operationStatusFromGraph(statusValue.toString())
        : OperationStatus::Unknown;

    Subtype subtype = subtypeFromOdataType(operation.odataType);
    if (subtype == Subtype::Unknown) {
        subtype = subtypeFromStatus(reported);
        operation.status = reported;
    } else {
        operation.status
            = subtypeFromStatus(reported) == subtype ? reported : statusOfSubtype(subtype);
        if (operation.rawStatus.isEmpty())
            operation.rawStatus = operationStatusKey(operation.status);
    }

    if (subtype == Subtype::Success) {
        operation.manifestLink
            = navigationLink(object.value(QLatin1String("resourceLocation@odata.navigationLink")));
        operation.inlineManifest = object.value(QLatin1String("resourceLocation")).toObject();
    } else if (subtype == Subtype::Failed) {
        operation.error = publicErrorFromValue(object.value(QLatin1String("error")));
    }
    return operation;
}

std::optional<Operation> parseOperation(const QByteArray &body, QString *error)
{
    const std::optional<QJsonObject> object = parseObject(body, error);
    if (!object)
        return std::nullopt;

    const QJsonValue id = object->value(QLatin1String("id"));
    if (id.isUndefined() || id.isNull() || id.toString().isEmpty()) {
        *error = id.isString() || id.isUndefined() || id.isNull()
            ? QCoreApplication::translate("GraphJson", "The reply has no operation id")
            : QCoreApplication::translate("GraphJson",
                                          "The reply's operation id is not a string: %1")
                  .arg(elided(valueText(id), MaxQuotedLength));
        return std::nullopt;
    }
    if (!OperationIds::isValid(id.toString())) {
        *error = QCoreApplication::translate("GraphJson",
                                             "The reply's operation id is not a GUID: \"%1\"")
                     .arg(elided(id.toString(), MaxQuotedLength));
        return std::nullopt;
    }

    Operation operation = operationFromJson(*object);
    if (operation.rawStatus.isEmpty()) {
        *error = QCoreApplication::translate(
            "GraphJson", "The reply has neither a status nor a known @odata.type");
        return std::nullopt;
    }
    return operation;
}

Manifest manifestFromJson(const QJsonObject &object)
{
    const auto text = [&object](const char *key) {
        return object.value(QLatin1String(key)).toString();
    };
    Manifest manifest;
    manifest.id = text("id");
    manifest.schemaVersion = text("schemaVersion");
    manifest.dataFormat = text("dataFormat");
    manifest.createdDateTime = parseDateTime(text("createdDateTime"));
    manifest.eTag = text("eTag");
    manifest.partnerTenantId = text("partnerTenantId");
    manifest.partitionType = text("partitionType");
    manifest.rootDirectory = text("rootDirectory");
    manifest.sasToken = text("sasToken");
    manifest.json = object;

    const QJsonArray blobs = object.value(QLatin1String("blobs")).toArray();
    for (const QJsonValue &value : blobs) {
        const QJsonObject blobObject = value.toObject();
        ManifestBlob blob;
        blob.name = blobObject.value(QLatin1String("name")).toString();
        blob.partitionValue = blobObject.value(QLatin1String("partitionValue")).toString();
        // Int64 may come as a string (OData's IEEE754Compatible form) or as a number.
        const QJsonValue size = blobObject.value(QLatin1String("sizeInBytes"));
        qint64 bytes = -1;
        if (size.isString()) {
            bool ok = false;
            const qint64 parsed = size.toString().toLongLong(&ok);
            if (ok)
                bytes = parsed;
        } else {
            bytes = size.toInteger(-1);
        }
        blob.sizeInBytes = qMax(bytes, qint64(-1));
        manifest.blobs.append(blob);
    }

    const QJsonValue blobCount = object.value(QLatin1String("blobCount"));
    manifest.blobCount = blobCount.isDouble() ? blobCount.toInt() : int(manifest.blobs.size());
    return manifest;
}

std::optional<Manifest> parseManifest(const QByteArray &body, QString *error)
{
    const std::optional<QJsonObject> object = parseObject(body, error);
    if (!object)
        return std::nullopt;

    if (object->value(QLatin1String("rootDirectory")).toString().isEmpty()) {
        *error = QCoreApplication::translate("GraphJson", "The manifest has no rootDirectory");
        return std::nullopt;
    }
    const QJsonValue blobs = object->value(QLatin1String("blobs"));
    if (!blobs.isArray()) {
        *error = QCoreApplication::translate("GraphJson", "The manifest has no list of blobs");
        return std::nullopt;
    }
    const QJsonArray blobArray = blobs.toArray();
    for (qsizetype i = 0; i < blobArray.size(); ++i) {
        if (blobArray.at(i).toObject().value(QLatin1String("name")).toString().isEmpty()) {
            *error = QCoreApplication::translate("GraphJson", "Blob %1 of the manifest has no name")
                         .arg(i + 1);
            return std::nullopt;
        }
    }
    return manifestFromJson(*object);
}

PublicError parseErrorBody(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return {};
    return publicErrorFromValue(document.object().value(QLatin1String("error")));
}

} // namespace GraphJson
