#pragma once

#include "manifest.h"
#include "operation.h"
#include "publicerror.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

// Reading and writing Graph's JSON, with the quirks of the documented examples: dates
// without an offset, "completed" beside "succeeded", a manifest inline or behind a link.
namespace GraphJson {

// ISO 8601 as Graph writes it: no offset means UTC (createdDateTime has none), and up to
// 7 fractional digits are accepted (kept to milliseconds). Invalid on anything else.
QDateTime parseDateTime(const QString &text);
// ISO 8601 UTC with milliseconds and a trailing Z.
QString formatDateTime(const QDateTime &dateTime);
// A time as Graph wrote it, rewritten as UTC with a trailing Z and exactly the fractional
// digits it came with ("2024-05-01T10:20:30.1234567Z", "2023-03-09T08:12:53Z"). Empty
// when parseDateTime() cannot read it.
QString formatGraphDateTime(const QString &graphText);

// An operation body. The subtype comes from @odata.type, falling back to `status`.
// On failure returns nullopt and sets *error to a readable reason.
//
// A known @odata.type is the stronger signal, because it decides which members exist:
// it picks the subtype data (manifest link, error) and also the status whenever `status`
// is absent, unrecognised or contradicts it (a runningOperation saying "failed"). A
// status that fits the type (notStarted for a runningOperation) is kept. rawStatus is
// always the server's own text; when `status` is absent it is the type's status key
// ("running", "succeeded", "failed"), so a parsed operation never has an empty rawStatus.
// The id must be a GUID and comes out in lower case, like OperationIds::extract().
std::optional<Operation> parseOperation(const QByteArray &body, QString *error);
// The lenient half of parseOperation(): maps whatever is there, validates nothing.
Operation operationFromJson(const QJsonObject &object);

// A manifest body; fails when rootDirectory, the blobs list or a blob's name is missing.
std::optional<Manifest> parseManifest(const QByteArray &body, QString *error);
// Lenient: unknown members are ignored, missing ones stay empty, `json` is the object.
Manifest manifestFromJson(const QJsonObject &object);

// The `error` of a Graph error body {"error":{...}}; empty when the body is not one.
// A hostile {"error":"text"} gives an error whose message is that text.
PublicError parseErrorBody(const QByteArray &body);

// A JSON value as one line of text, for servers that send the wrong type: strings as they
// are, whole numbers without a fraction or exponent ("5000"), true/false, objects and
// arrays as compact JSON, and an empty string for null or a missing member.
QString valueText(const QJsonValue &value);

} // namespace GraphJson
