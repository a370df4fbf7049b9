#include "operationprinter.h"

#include "texttable.h"

#include "models/graphjson.h"
#include "models/statusstyle.h"
#include "models/timetext.h"

#include <QJsonDocument>
#include <QTextStream>

namespace {

constexpr const char *ProblemAnsiColour = "33";

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue dateOrNull(const QDateTime &dateTime)
{
    return textOrNull(GraphJson::formatDateTime(dateTime));
}

// Graph's own digits when it sent the time (7 fractional digits stay 7, none stay none);
// milliseconds only for a time that came from elsewhere, such as the store.
QJsonValue graphDateOrNull(const QString &sentText, const QDateTime &dateTime)
{
    return sentText.isEmpty() ? dateOrNull(dateTime)
                              : textOrNull(GraphJson::formatGraphDateTime(sentText));
}

const char *statusColour(const TrackedOperation &operation)
{
    return statusStyle(operation.status()).ansiColour;
}

} // namespace

OperationPrinter::OperationPrinter(QTextStream *out, bool json, bool colour)
    : m_out(out)
    , m_json(json)
    , m_colour(colour && !json)
{ }

void OperationPrinter::printOperations(const QList<TrackedOperation> &operations)
{
    if (!m_json) {
        printTable(operations);
        return;
    }
    for (const TrackedOperation &operation : operations)
        printJson(operationJson(operation));
}

void OperationPrinter::printChange(const TrackedOperation &operation)
{
    if (m_json) {
        printJson(operationJson(operation));
        return;
    }
    const QDateTime at
        = operation.lastChecked.isValid() ? operation.lastChecked : QDateTime::currentDateTimeUtc();
    const QString status = terminalSafe(operation.statusLabel());
    QString line = TimeText::localShort(at) + QLatin1String("  ") + operation.id
        + QLatin1String("  ") + ansiColoured(status, statusColour(operation), m_colour);
    const QString detail = terminalSafe(detailText(operation));
    if (!detail.isEmpty()) {
        constexpr int StatusWidth = 11; // "Not started", the longest status word
        line += QString(std::max(0, StatusWidth - int(status.size())) + 2, QLatin1Char(' '))
            + ansiColoured(detail, operation.problem.isNull() ? nullptr : ProblemAnsiColour,
                           m_colour);
    }
    printLine(line);
}

void OperationPrinter::printFinal(const QList<TrackedOperation> &operations)
{
    if (!m_json) {
        printTable(operations);
        return;
    }
    for (const TrackedOperation &operation : operations) {
        QJsonObject object = operationJson(operation);
        object.insert(QStringLiteral("final"), true);
        printJson(object);
    }
}

void OperationPrinter::printManifest(const Manifest &manifest)
{
    if (m_json) {
        // Graph's own object, as received: every field it sent, spelled as it spelled them.
        printJson(manifest.json);
        return;
    }
    TextTable facts({QStringLiteral("MANIFEST"), manifest.id}, false);
    auto fact = [&facts](const QString &name, const QString &value) {
        if (!value.isEmpty())
            facts.addRow({{name}, {value}});
    };
    fact(QStringLiteral("Created"), TimeText::local(manifest.createdDateTime));
    fact(QStringLiteral("Data format"), manifest.dataFormat);
    fact(QStringLiteral("Schema version"), manifest.schemaVersion);
    fact(QStringLiteral("Partner tenant"), manifest.partnerTenantId);
    fact(QStringLiteral("Partition type"), manifest.partitionType);
    fact(QStringLiteral("eTag"), manifest.eTag);
    fact(QStringLiteral("Root directory"), manifest.rootDirectory);
    fact(QStringLiteral("Link expires"), TimeText::local(manifest.sasExpiry()));
    fact(QStringLiteral("Blobs"), QString::number(manifest.blobCount));
    *m_out << facts.render() << '\n';

    TextTable blobs({QStringLiteral("BLOB"), QStringLiteral("PARTITION"), QStringLiteral("SIZE")},
                    false);
    for (const ManifestBlob &blob : manifest.blobs) {
        blobs.addRow({{blob.name},
                      {blob.partitionValue},
                      {blob.sizeInBytes >= 0 ? QString::number(blob.sizeInBytes) : QString()}});
    }
    *m_out << blobs.render();
    m_out->flush();
}

void OperationPrinter::printExportStarted(const QString &id, const QUrl &url, const QString &label)
{
    if (m_json) {
        printJson({{QStringLiteral("id"), id},
                   {QStringLiteral("url"), url.toString(QUrl::FullyEncoded)},
                   {QStringLiteral("label"), label}});
        return;
    }
    printLine(id);
}

void OperationPrinter::printTracked(const QList<TrackedOperation> &operations)
{
    if (m_json) {
        for (const TrackedOperation &operation : operations) {
            QJsonObject object = operationJson(operation);
            object.insert(QStringLiteral("url"),
                          textOrNull(operation.url.toString(QUrl::FullyEncoded)));
            object.insert(QStringLiteral("addedDateTime"), dateOrNull(operation.addedAt));
            object.insert(QStringLiteral("lastCheckedDateTime"), dateOrNull(operation.lastChecked));
            printJson(object);
        }
        return;
    }
    TextTable table({QStringLiteral("ID"), QStringLiteral("STATUS"), QStringLiteral("LABEL"),
                     QStringLiteral("LAST CHECKED"), QStringLiteral("DETAILS")},
                    m_colour);
    for (const TrackedOperation &operation : operations) {
        table.addRow(
            {{operation.id},
             {operation.statusLabel(), statusColour(operation)},
             {terminalSafe(operation.label)},
             {TimeText::local(operation.lastChecked)},
             {detailText(operation), operation.problem.isNull() ? nullptr : ProblemAnsiColour}});
    }
    *m_out << table.render();
    m_out->flush();
}

void OperationPrinter::printTrackResult(const QString &id, bool added)
{
    if (m_json) {
        printJson({{QStringLiteral("id"), id}, {QStringLiteral("added"), added}});
        return;
    }
    printLine(id + (added ? QStringLiteral("  added") : QStringLiteral("  already tracked")));
}

void OperationPrinter::printJson(const QJsonObject &object)
{
    *m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << '\n';
    m_out->flush();
}

void OperationPrinter::printLine(const QString &line)
{
    *m_out << line << '\n';
    m_out->flush();
}

QJsonObject OperationPrinter::operationJson(const TrackedOperation &operation)
{
    const Operation &last = operation.last;
    QJsonObject object {
        {QStringLiteral("id"), operation.id},
        {QStringLiteral("status"), operationStatusKey(operation.status())},
        {QStringLiteral("rawStatus"), textOrNull(last.rawStatus)},
        {QStringLiteral("createdDateTime"),
         graphDateOrNull(last.createdDateTimeText, last.createdDateTime)},
        {QStringLiteral("lastActionDateTime"),
         graphDateOrNull(last.lastActionDateTimeText, last.lastActionDateTime)},
        {QStringLiteral("manifestUrl"), textOrNull(last.manifestLink.toString(QUrl::FullyEncoded))},
    };
    if (!operation.label.isEmpty())
        object.insert(QStringLiteral("label"), operation.label);
    if (!last.error.isEmpty()) {
        object.insert(QStringLiteral("error"),
                      QJsonObject {{QStringLiteral("code"), textOrNull(last.error.code)},
                                   {QStringLiteral("message"), textOrNull(last.error.message)},
                                   {QStringLiteral("target"), textOrNull(last.error.target)}});
    }
    if (!operation.problem.isNull())
        object.insert(QStringLiteral("problem"), problemJson(operation.problem));
    return object;
}

QJsonObject OperationPrinter::problemJson(const Problem &problem)
{
    return {
        {QStringLiteral("httpStatus"),
         problem.httpStatus > 0 ? QJsonValue(problem.httpStatus) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("code"), textOrNull(problem.code)},
        {QStringLiteral("message"), textOrNull(problem.message)},
        {QStringLiteral("requestId"), textOrNull(problem.requestId)},
    };
}

QString OperationPrinter::detailText(const TrackedOperation &operation)
{
    if (!operation.problem.isNull())
        return operation.problem.summary();
    if (operation.status() == OperationStatus::Failed)
        return operation.last.error.summary();
    return {};
}

void OperationPrinter::printTable(const QList<TrackedOperation> &operations)
{
    TextTable table({QStringLiteral("ID"), QStringLiteral("STATUS"), QStringLiteral("CREATED"),
                     QStringLiteral("LAST ACTION"), QStringLiteral("DETAILS")},
                    m_colour);
    for (const TrackedOperation &operation : operations) {
        table.addRow(
            {{operation.id},
             {operation.statusLabel(), statusColour(operation)},
             {TimeText::local(operation.last.createdDateTime)},
             {TimeText::local(operation.last.lastActionDateTime)},
             {detailText(operation), operation.problem.isNull() ? nullptr : ProblemAnsiColour}});
    }
    *m_out << table.render();
    m_out->flush();
}
