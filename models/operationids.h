#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

// Finds operation ids in whatever the analyst pasted: bare GUIDs, operation URLs, a
// "Location: ..." header line, several per line. Only a well-formed GUID ever comes out
// (lower case, in order of appearance, without repeats), so nothing else can reach a URL.
namespace OperationIds {

constexpr int MaxInputLength = 1 << 20; // longer input is refused, not scanned
constexpr int MaxIdsPerInput = 10000;

bool isValid(QStringView text); // exactly one GUID, nothing around it
QStringList extract(QStringView text);

} // namespace OperationIds
