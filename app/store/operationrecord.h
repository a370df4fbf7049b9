#pragma once

#include "models/trackedoperation.h"

#include <QJsonObject>
#include <QString>

#include <optional>

// One tracked operation as an entry of the store's file: every field, so the table comes
// back exactly as it was. Empty and invalid fields are left out to keep large files small.
namespace OperationRecord {

QJsonObject toJson(const TrackedOperation &operation);

// Nullopt, with *error set, when the entry has no valid operation id: without it there is
// nothing to track. Anything else that cannot be read is dropped from the entry and named
// in *repairs, so the caller can keep the original file.
std::optional<TrackedOperation> fromJson(const QJsonObject &object, QString *error,
                                         QStringList *repairs);

// A problem as an object of its own (the database keeps it in one column); empty for none.
QJsonObject problemToJson(const Problem &problem);
Problem problemFromJson(const QJsonObject &object);

// An inline manifest as it may be kept on disk: without its storage SAS token, which is a
// credential. A manifest without one is fetched again before anything is downloaded.
QJsonObject manifestWithoutSecrets(const QJsonObject &manifest);

} // namespace OperationRecord
