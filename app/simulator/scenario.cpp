#include "scenario.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <cmath>

namespace {

// Reads one JSON object, remembering the first problem with its key path so the caller can
// check once at the end.
class ObjectReader
{
public:
    ObjectReader(const QJsonObject &object, QString path, QString *error)
        : m_object(object)
        , m_path(std::move(path))
        , m_error(error)
    { }

    bool ok() const { return !m_failed; }

    void allowOnly(std::initializer_list<const char *> keys)
    {
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            const bool known = std::any_of(keys.begin(), keys.end(), [&](const char *key) {
                return it.key() == QLatin1String(key);
            });
            if (!known)
                fail(it.key(), QStringLiteral("unknown key"));
        }
    }

    void seconds(const char *key, qint64 *milliseconds, bool allowNegative = false)
    {
        double value = 0;
        if (number(key, &value, allowNegative ? -1e9 : 0, 1e9))
            *milliseconds = qint64(std::llround(value * 1000));
    }

    bool number(const char *key, double *out, double min, double max)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isUndefined())
            return false;
        if (!value.isDouble() || value.toDouble() < min || value.toDouble() > max) {
            fail(QLatin1String(key),
                 QStringLiteral("expected a number from %1 to %2").arg(min).arg(max));
            return false;
        }
        *out = value.toDouble();
        return true;
    }

    template<typename Int> void integer(const char *key, Int *out, double min, double max)
    {
        double value = 0;
        if (!number(key, &value, min, max))
            return;
        if (value != std::floor(value))
            fail(QLatin1String(key), QStringLiteral("expected a whole number"));
        else
            *out = Int(value);
    }

    void string(const char *key, QString *out)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isUndefined())
            return;
        if (!value.isString())
            fail(QLatin1String(key), QStringLiteral("expected a string"));
        else
            *out = value.toString();
    }

    void guid(const char *key, QString *out)
    {
        QString text;
        string(key, &text);
        if (text.isEmpty())
            return;
        const QUuid uuid(text);
        if (uuid.isNull() || text.size() != 36)
            fail(QLatin1String(key), QStringLiteral("expected a GUID, not \"%1\"").arg(text));
        else
            *out = text.toLower();
    }

    void boolean(const char *key, bool *out)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isUndefined())
            return;
        if (!value.isBool())
            fail(QLatin1String(key), QStringLiteral("expected true or false"));
        else
            *out = value.toBool();
    }

    void retryAfter(const char *key, QByteArray *out)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isUndefined())
            return;
        if (value.isNull())
            out->clear();
        else if (value.isString())
            *out = value.toString().toLatin1();
        else if (value.isDouble() && value.toDouble() >= 0)
            *out = QByteArray::number(value.toDouble());
        else
            fail(QLatin1String(key), QStringLiteral("expected a string, a number >= 0 or null"));
    }

    void outcome(const char *key, SimulatedOperation::Outcome *out, bool allowRunning)
    {
        QString text;
        string(key, &text);
        if (text.isEmpty())
            return;
        if (text == QLatin1String("succeeded"))
            *out = SimulatedOperation::Outcome::Succeeded;
        else if (text == QLatin1String("failed"))
            *out = SimulatedOperation::Outcome::Failed;
        else if (allowRunning && text == QLatin1String("running"))
            *out = SimulatedOperation::Outcome::NeverFinishes;
        else
            fail(QLatin1String(key),
                 QStringLiteral("expected \"succeeded\", \"failed\"%1, not \"%2\"")
                     .arg(allowRunning ? QStringLiteral(" or \"running\"") : QString(), text));
    }

    // A reader for a nested object; nullopt when the key is absent or not an object.
    std::optional<ObjectReader> object(const char *key)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isUndefined())
            return std::nullopt;
        if (!value.isObject()) {
            fail(QLatin1String(key), QStringLiteral("expected an object"));
            return std::nullopt;
        }
        return ObjectReader(value.toObject(), childPath(QLatin1String(key)), m_error);
    }

    QJsonArray array(const char *key)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (!value.isUndefined() && !value.isArray())
            fail(QLatin1String(key), QStringLiteral("expected an array"));
        return value.toArray();
    }

    QJsonValue raw(const char *key) const { return m_object.value(QLatin1String(key)); }

    QString childPath(const QString &key) const
    {
        return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key;
    }

    void fail(const QString &key, const QString &problem)
    {
        if (!m_failed && m_error->isEmpty())
            *m_error = QStringLiteral("%1: %2").arg(childPath(key), problem);
        m_failed = true;
    }

    // Lets a nested reader's failure count for its parent.
    void absorb(const ObjectReader &child) { m_failed = m_failed || child.m_failed; }

private:
    QJsonObject m_object;
    QString m_path;
    QString *m_error;
    bool m_failed = false;
};

void readBlobIndexes(ObjectReader &reader, const char *key, QList<int> *indexes)
{
    const QJsonArray array = reader.array(key);
    if (!array.isEmpty())
        indexes->clear();
    for (const QJsonValue &index : array) {
        if (!index.isDouble() || index.toDouble() < 0)
            reader.fail(QLatin1String(key), QStringLiteral("expected blob indexes"));
        indexes->append(index.toInt());
    }
}

void readManifest(ObjectReader &reader, ManifestSpec *spec)
{
    reader.allowOnly({"blobCount", "linesPerBlob", "blobSizeBytes", "sasLifetimeSeconds",
                      "reportBlobSizes", "dataFormat", "blobNames", "corruptBlobs", "stallBlobs",
                      "trickleBlobs", "dropAfterBytes", "dropRequests", "dropRate", "kind",
                      "attributeSet"});
    reader.integer("blobCount", &spec->blobCount, 0, 10000);
    reader.integer("linesPerBlob", &spec->linesPerBlob, 0, 1e8);
    reader.integer("blobSizeBytes", &spec->blobSizeBytes, 0, 4e9);
    reader.integer("sasLifetimeSeconds", &spec->sasLifetimeSeconds, -1e9, 1e9);
    reader.boolean("reportBlobSizes", &spec->reportBlobSizes);
    reader.string("dataFormat", &spec->dataFormat);
    reader.integer("dropAfterBytes", &spec->dropAfterBytes, -1, 4e9);
    reader.integer("dropRequests", &spec->dropRequests, -1, 1e9);
    reader.number("dropRate", &spec->dropRate, 0, 1);
    QString kind
        = spec->reconciliation ? QStringLiteral("reconciliation") : QStringLiteral("usage");
    reader.string("kind", &kind);
    if (kind != QLatin1String("usage") && kind != QLatin1String("reconciliation"))
        reader.fail(QStringLiteral("kind"), QStringLiteral("expected usage or reconciliation"));
    spec->reconciliation = kind == QLatin1String("reconciliation");
    QString attributes = spec->basicAttributes ? QStringLiteral("basic") : QStringLiteral("full");
    reader.string("attributeSet", &attributes);
    if (attributes != QLatin1String("full") && attributes != QLatin1String("basic"))
        reader.fail(QStringLiteral("attributeSet"), QStringLiteral("expected full or basic"));
    spec->basicAttributes = attributes == QLatin1String("basic");
    const QJsonArray names = reader.array("blobNames");
    if (!names.isEmpty())
        spec->blobNames.clear();
    for (const QJsonValue &name : names) {
        if (!name.isString() || name.toString().isEmpty())
            reader.fail(QStringLiteral("blobNames"), QStringLiteral("expected non-empty strings"));
        spec->blobNames.append(name.toString());
    }
    readBlobIndexes(reader, "corruptBlobs", &spec->corruptBlobs);
    readBlobIndexes(reader, "stallBlobs", &spec->stallBlobs);
    readBlobIndexes(reader, "trickleBlobs", &spec->trickleBlobs);
    if (spec->linesPerBlob == 0 && spec->blobSizeBytes == 0)
        reader.fail(QStringLiteral("linesPerBlob"),
                    QStringLiteral("0 needs a blobSizeBytes to fill up to"));
}

void readManifestInto(ObjectReader &parent, ManifestSpec *spec)
{
    if (auto reader = parent.object("manifest")) {
        readManifest(*reader, spec);
        parent.absorb(*reader);
    }
}

PublicError readError(ObjectReader &reader)
{
    PublicError error;
    reader.allowOnly({"code", "message", "target", "details", "innerError"});
    reader.string("code", &error.code);
    reader.string("message", &error.message);
    reader.string("target", &error.target);
    const QJsonArray details = reader.array("details");
    for (const QJsonValue &value : details) {
        if (!value.isObject()) {
            reader.fail(QStringLiteral("details"), QStringLiteral("expected objects"));
            continue;
        }
        const QJsonObject object = value.toObject();
        error.details.append({object.value(QLatin1String("code")).toString(),
                              object.value(QLatin1String("message")).toString(),
                              object.value(QLatin1String("target")).toString()});
    }
    const QJsonValue inner = reader.raw("innerError");
    if (!inner.isUndefined() && !inner.isObject())
        reader.fail(QStringLiteral("innerError"), QStringLiteral("expected an object"));
    error.innerError = inner.toObject();
    return error;
}

SimulatedOperation readOperation(ObjectReader &reader, const QByteArray &retryAfter,
                                 const ManifestSpec &manifest)
{
    SimulatedOperation op;
    op.retryAfter = retryAfter;
    op.manifest = manifest;
    reader.allowOnly({"id", "notStartedSeconds", "runningSeconds", "outcome", "ageSeconds",
                      "status", "retryAfter", "error", "inlineManifest", "manifestLinkRoot",
                      "expiresAfterSeconds", "expiredStatus", "manifestId", "manifest"});
    reader.guid("id", &op.id);
    reader.seconds("notStartedSeconds", &op.notStartedMs);
    reader.seconds("runningSeconds", &op.runningMs);
    reader.outcome("outcome", &op.outcome, true);
    reader.seconds("ageSeconds", &op.ageMs);
    reader.string("status", &op.finalStatus);
    reader.retryAfter("retryAfter", &op.retryAfter);
    if (auto errorReader = reader.object("error")) {
        op.error = readError(*errorReader);
        reader.absorb(*errorReader);
    }
    reader.boolean("inlineManifest", &op.inlineManifest);
    QString linkRoot;
    reader.string("manifestLinkRoot", &linkRoot);
    if (!linkRoot.isEmpty()) {
        op.manifestLinkRoot = QUrl(linkRoot, QUrl::StrictMode);
        if (!op.manifestLinkRoot.isValid() || op.manifestLinkRoot.host().isEmpty())
            reader.fail(QStringLiteral("manifestLinkRoot"),
                        QStringLiteral("expected an absolute URL, not \"%1\"").arg(linkRoot));
    }
    reader.seconds("expiresAfterSeconds", &op.expiresAfterMs);
    reader.integer("expiredStatus", &op.expiredStatus, 404, 410);
    if (op.expiredStatus != 404 && op.expiredStatus != 410)
        reader.fail(QStringLiteral("expiredStatus"), QStringLiteral("expected 404 or 410"));
    reader.guid("manifestId", &op.manifestId);
    readManifestInto(reader, &op.manifest);
    return op;
}

FleetSpec readFleet(ObjectReader &reader, const QByteArray &retryAfter,
                    const ManifestSpec &manifest)
{
    FleetSpec fleet;
    fleet.retryAfter = retryAfter;
    fleet.manifest = manifest;
    reader.allowOnly(
        {"count", "seed", "minSeconds", "maxSeconds", "failureRate", "retryAfter", "manifest"});
    reader.integer("count", &fleet.count, 0, 1e6);
    reader.integer("seed", &fleet.seed, 0, 4294967295.0);
    reader.number("minSeconds", &fleet.minSeconds, 0, 1e7);
    reader.number("maxSeconds", &fleet.maxSeconds, 0, 1e7);
    reader.number("failureRate", &fleet.failureRate, 0, 1);
    reader.retryAfter("retryAfter", &fleet.retryAfter);
    readManifestInto(reader, &fleet.manifest);
    if (fleet.maxSeconds < fleet.minSeconds)
        reader.fail(QStringLiteral("maxSeconds"), QStringLiteral("must be >= minSeconds"));
    return fleet;
}

ExportSettings readExports(ObjectReader &reader, const ManifestSpec &manifest)
{
    ExportSettings exports;
    exports.manifest = manifest;
    reader.allowOnly({"succeedAfterSeconds", "outcome", "retryAfter", "forcedStatus",
                      "omitLocation", "manifest"});
    reader.seconds("succeedAfterSeconds", &exports.succeedAfterMs);
    reader.outcome("outcome", &exports.outcome, false);
    reader.retryAfter("retryAfter", &exports.retryAfter);
    reader.integer("forcedStatus", &exports.forcedStatus, 0, 599);
    if (exports.forcedStatus != 0 && exports.forcedStatus != 403 && exports.forcedStatus != 429
        && exports.forcedStatus != 500)
        reader.fail(QStringLiteral("forcedStatus"), QStringLiteral("expected 0, 403, 429 or 500"));
    reader.boolean("omitLocation", &exports.omitLocation);
    readManifestInto(reader, &exports.manifest);
    return exports;
}

} // namespace

std::optional<Scenario> Scenario::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("Not valid JSON at offset %1: %2")
                     .arg(parseError.offset)
                     .arg(parseError.errorString());
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = QStringLiteral("A scenario must be a JSON object");
        return std::nullopt;
    }
    error->clear();
    ObjectReader reader(document.object(), QString(), error);
    reader.allowOnly({"description", "token", "retryAfter", "manifest", "operations", "fleet",
                      "exports", "faults"});

    Scenario scenario;
    reader.string("description", &scenario.description);
    reader.string("token", &scenario.token);
    QByteArray retryAfter = SimulatedOperation().retryAfter;
    reader.retryAfter("retryAfter", &retryAfter);
    ManifestSpec manifest;
    readManifestInto(reader, &manifest);

    const QJsonArray operations = reader.array("operations");
    for (qsizetype i = 0; i < operations.size() && reader.ok(); ++i) {
        const QString path = QStringLiteral("operations[%1]").arg(i);
        if (!operations.at(i).isObject()) {
            reader.fail(path, QStringLiteral("expected an object"));
            break;
        }
        ObjectReader opReader(operations.at(i).toObject(), path, error);
        scenario.operations.append(readOperation(opReader, retryAfter, manifest));
        reader.absorb(opReader);
    }
    if (auto fleetReader = reader.object("fleet")) {
        scenario.fleet = readFleet(*fleetReader, retryAfter, manifest);
        reader.absorb(*fleetReader);
    }
    if (auto exportsReader = reader.object("exports")) {
        scenario.exports = readExports(*exportsReader, manifest);
        reader.absorb(*exportsReader);
    }
    const QJsonValue faults = reader.raw("faults");
    if (!faults.isUndefined()) {
        QString faultError;
        if (!faults.isString())
            reader.fail(QStringLiteral("faults"), QStringLiteral("expected a string"));
        else if (!(scenario.faults = FaultProfile::fromString(faults.toString(), &faultError)))
            reader.fail(QStringLiteral("faults"), faultError);
    }
    if (!reader.ok())
        return std::nullopt;
    return scenario;
}

std::optional<Scenario> Scenario::fromFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("Cannot read scenario %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    constexpr qint64 MaxScenarioBytes = 16 << 20;
    if (file.size() > MaxScenarioBytes) {
        *error = QStringLiteral("Scenario %1 is larger than 16 MiB").arg(path);
        return std::nullopt;
    }
    QString problem;
    auto scenario = fromJson(file.readAll(), &problem);
    if (!scenario)
        *error = QStringLiteral("Scenario %1: %2").arg(path, problem);
    return scenario;
}
