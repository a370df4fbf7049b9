#pragma once

#include "manifest.h"
#include "operation.h"
#include "publicerror.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

// Reading and writing Graph's JSON, with the quirks the docs have (graph-api.md §2-3).
namespace GraphJson {

// ISO 8601 as Graph writes it: no offset means UTC (createdDateTime has none), and up to
// 7 fractional digits are accepted (kept to milliseconds). Invalid on anything else.
QDateTime parseDateTime(const QString &text);
// ISO 8601 UTC with milliseconds and a trailing Z.
QString formatDateTime(const QDateTime &dateTime);

// An operation body. The subtype comes from @odata.type, falling back to `status`.
// On failure returns nullopt and sets *error to a readable reason.
std::optional<Operation> parseOperation(const QByteArray &body, QString *error);
Operation operationFromJson(const QJsonObject &object);

std::optional<Manifest> parseManifest(const QByteArray &body, QString *error);
Manifest manifestFromJson(const QJsonObject &object);

// The `error` of a Graph error body {"error":{...}}; empty when the body is not one.
PublicError parseErrorBody(const QByteArray &body);

} // namespace GraphJson
