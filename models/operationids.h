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

struct Extraction
{
    QStringList ids;
    bool tooLong = false; // longer than MaxInputLength: nothing was scanned
    bool truncated = false; // more than MaxIdsPerInput distinct ids: the rest were dropped
};

// Exactly one GUID, nothing around it but whitespace (a pasted line keeps its newline).
bool isValid(QStringView text);
// Every GUID standing on its own: one glued to more hex digits, letters, '-' or '_' is
// part of something longer and is skipped. A GUID right after a percent escape ("%2F")
// or a backslash escape ("\n") still counts, as pasted URLs and JSON strings have them.
Extraction scan(QStringView text);
// scan(text).ids; empty when the input is too long.
QStringList extract(QStringView text);

} // namespace OperationIds
