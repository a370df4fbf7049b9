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

} // namespace OperationRecord
