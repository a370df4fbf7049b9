#pragma once

#include "models/trackedoperation.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

// The operations.json that releases before the SQLite store kept, which OperationStore
// imports once:
//   {"format":"billing-monitor-operations","version":1,"savedAt":"...","operations":[...]}
// Older shapes are read through a chain of migration steps, one per version. Version 0 is
// what analysts keep by hand: a plain JSON array of operation ids (or of Location URLs), or
// of {"id": ..., "label": ...} objects. serialize() writes version 1, as those releases did.
namespace StoreFormat {

constexpr int CurrentVersion = 1;
constexpr const char *FormatName = "billing-monitor-operations";

QByteArray serialize(const QList<TrackedOperation> &operations, const QDateTime &savedAt);

struct ParseResult
{
    enum class Outcome {
        Loaded, // the current version; repairs may still list dropped entries or fields
        Migrated, // an older version, read through the migration chain
        Corrupt, // not readable as any version: error says why
        NewerVersion, // written by a newer release: error says which version
    };
    Outcome outcome = Outcome::Corrupt;
    int version = -1; // the version the data was written in, when known
    QList<TrackedOperation> operations;
    QString error;
    QStringList repairs; // entries or fields that could not be read and were left out
};

ParseResult parse(const QByteArray &data);

} // namespace StoreFormat
