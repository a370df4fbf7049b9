#include "exportbodycheck.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace {

ExportBodyCheck::Problem badRequest(const QString &message)
{
    return {QStringLiteral("BadRequest"), message};
}

ExportBodyCheck::Problem invalidValue(const QString &field, const QJsonValue &value,
                                      const QStringList &allowed)
{
    // Non-strings are shown as JSON (wrapped in an array, because only arrays and objects
    // serialise on their own).
    const QString shown = value.isString()
        ? value.toString()
        : QString::fromUtf8(QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact))
              .mid(1)
              .chopped(1);
    return {QStringLiteral("InvalidRequest"),
            QStringLiteral("Invalid value '%1' for parameter '%2'; expected one of: %3.")
                .arg(shown, field, allowed.join(QStringLiteral(", ")))};
}

} // namespace

ExportBodyCheck::Problem ExportBodyCheck::validate(Kind kind, const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (body.trimmed().isEmpty())
        return badRequest(QStringLiteral("The request body is empty; a JSON object with the "
                                         "export parameters is required."));
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return badRequest(QStringLiteral("The request body is not a JSON object: %1.")
                              .arg(parseError.error != QJsonParseError::NoError
                                       ? parseError.errorString()
                                       : QStringLiteral("found another JSON value")));

    const QStringList known = kind == Kind::Billed
        ? QStringList {QStringLiteral("invoiceId"), QStringLiteral("attributeSet")}
        : QStringList {QStringLiteral("currencyCode"), QStringLiteral("billingPeriod"),
                       QStringLiteral("attributeSet")};
    QHash<QString, QJsonValue> values; // by the documented spelling of the key
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const auto match = std::find_if(known.begin(), known.end(), [&](const QString &name) {
            return name.compare(it.key(), Qt::CaseInsensitive) == 0;
        });
        if (match == known.end())
            return badRequest(QStringLiteral("The parameter '%1' in the request payload is not a "
                                             "valid parameter for the operation 'export'.")
                                  .arg(it.key()));
        values.insert(*match, it.value());
    }

    const auto requireString = [&](const QString &field) -> Problem {
        const QJsonValue value = values.value(field);
        if (value.isUndefined() || value.isNull())
            return badRequest(QStringLiteral("The request is missing the required parameter "
                                             "'%1'.")
                                  .arg(field));
        if (!value.isString() || value.toString().trimmed().isEmpty())
            return {QStringLiteral("InvalidRequest"),
                    QStringLiteral("Parameter '%1' must be a non-empty string.").arg(field)};
        return {};
    };
    const auto requireOneOf = [&](const QString &field, const QStringList &allowed) -> Problem {
        const QJsonValue value = values.value(field);
        const bool ok = value.isString() && allowed.contains(value.toString(), Qt::CaseInsensitive);
        return ok ? Problem {} : invalidValue(field, value, allowed);
    };

    Problem problem;
    if (kind == Kind::Billed) {
        problem = requireString(QStringLiteral("invoiceId"));
    } else {
        problem = requireString(QStringLiteral("currencyCode"));
        if (problem.isEmpty()) {
            if (!values.contains(QStringLiteral("billingPeriod")))
                problem = requireString(QStringLiteral("billingPeriod"));
            else
                problem = requireOneOf(QStringLiteral("billingPeriod"),
                                       {QStringLiteral("current"), QStringLiteral("last")});
        }
    }
    if (problem.isEmpty() && values.contains(QStringLiteral("attributeSet")))
        problem = requireOneOf(QStringLiteral("attributeSet"),
                               {QStringLiteral("full"), QStringLiteral("basic")});
    return problem;
}

bool ExportBodyCheck::asksForBasicAttributes(const QByteArray &body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key().compare(QLatin1String("attributeSet"), Qt::CaseInsensitive) == 0)
            return it.value().toString().compare(QLatin1String("basic"), Qt::CaseInsensitive) == 0;
    }
    return false;
}
