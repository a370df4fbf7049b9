#include "publicerror.h"

#include "graphjson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace {

QString joinedCodeAndMessage(const QString &code, const QString &message)
{
    if (code.isEmpty())
        return message;
    if (message.isEmpty())
        return code;
    return code + QLatin1String(": ") + message;
}

QJsonObject innerErrorOf(const QJsonObject &error)
{
    // Graph writes innerError; plain OData services write innererror.
    const QJsonValue inner = error.value(QLatin1String("innerError"));
    return inner.isObject() ? inner.toObject()
                            : error.value(QLatin1String("innererror")).toObject();
}

void appendLine(QString *report, QLatin1String label, const QString &value)
{
    if (!value.isEmpty())
        *report += label + QLatin1String(": ") + value + QLatin1Char('\n');
}

} // namespace

QString PublicError::summary() const
{
    return joinedCodeAndMessage(code, message);
}

QString PublicError::toReportText() const
{
    QString report;
    appendLine(&report, QLatin1String("Code"), code);
    appendLine(&report, QLatin1String("Message"), message);
    appendLine(&report, QLatin1String("Target"), target);
    appendLine(&report, QLatin1String("Request ID"), requestId);
    appendLine(&report, QLatin1String("Date"), date);
    for (qsizetype i = 0; i < details.size(); ++i) {
        const PublicErrorDetail &detail = details.at(i);
        QString line = joinedCodeAndMessage(detail.code, detail.message);
        if (!detail.target.isEmpty())
            line += QLatin1String(" (target: ") + detail.target + QLatin1Char(')');
        report
            += QCoreApplication::translate("PublicError", "Detail %1: %2\n").arg(i + 1).arg(line);
    }
    if (!innerError.isEmpty()) {
        report += QLatin1String("Inner error:\n")
            + QString::fromUtf8(QJsonDocument(innerError).toJson(QJsonDocument::Indented));
    }
    return report.trimmed();
}

PublicError PublicError::fromJson(const QJsonObject &error)
{
    PublicError result;
    result.code = GraphJson::valueText(error.value(QLatin1String("code")));
    result.message = GraphJson::valueText(error.value(QLatin1String("message")));
    result.target = GraphJson::valueText(error.value(QLatin1String("target")));

    const QJsonValue details = error.value(QLatin1String("details"));
    const QJsonArray detailArray = details.isArray() ? details.toArray() : QJsonArray();
    for (const QJsonValue &value : detailArray) {
        PublicErrorDetail detail;
        if (value.isObject()) {
            const QJsonObject object = value.toObject();
            detail.code = GraphJson::valueText(object.value(QLatin1String("code")));
            detail.message = GraphJson::valueText(object.value(QLatin1String("message")));
            detail.target = GraphJson::valueText(object.value(QLatin1String("target")));
        } else {
            detail.message = GraphJson::valueText(value);
        }
        if (!detail.code.isEmpty() || !detail.message.isEmpty() || !detail.target.isEmpty())
            result.details.append(detail);
    }

    result.innerError = innerErrorOf(error);
    // Newer Graph writes request-id, older examples requestId.
    const QJsonValue requestId = result.innerError.value(QLatin1String("request-id"));
    result.requestId = GraphJson::valueText(
        requestId.isUndefined() ? result.innerError.value(QLatin1String("requestId")) : requestId);
    result.date = GraphJson::valueText(result.innerError.value(QLatin1String("date")));
    return result;
}

QJsonObject PublicError::toJson() const
{
    QJsonObject object;
    if (!code.isEmpty())
        object.insert(QLatin1String("code"), code);
    if (!message.isEmpty())
        object.insert(QLatin1String("message"), message);
    if (!target.isEmpty())
        object.insert(QLatin1String("target"), target);
    if (!details.isEmpty()) {
        QJsonArray array;
        for (const PublicErrorDetail &detail : details) {
            QJsonObject item;
            if (!detail.code.isEmpty())
                item.insert(QLatin1String("code"), detail.code);
            if (!detail.message.isEmpty())
                item.insert(QLatin1String("message"), detail.message);
            if (!detail.target.isEmpty())
                item.insert(QLatin1String("target"), detail.target);
            array.append(item);
        }
        object.insert(QLatin1String("details"), array);
    }
    // requestId and date live in innerError; put them back if only the fields have them,
    // so fromJson(toJson()) gives the same error.
    QJsonObject inner = innerError;
    if (!requestId.isEmpty() && !inner.contains(QLatin1String("request-id"))
        && !inner.contains(QLatin1String("requestId")))
        inner.insert(QLatin1String("request-id"), requestId);
    if (!date.isEmpty() && !inner.contains(QLatin1String("date")))
        inner.insert(QLatin1String("date"), date);
    if (!inner.isEmpty())
        object.insert(QLatin1String("innerError"), inner);
    return object;
}
