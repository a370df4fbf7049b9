#pragma once

#include <QString>

// Blob names come from a server and become file names in a folder the analyst picked, so
// each one is checked before anything touches the disk. A name is accepted only if it
// stays a single plain file name on Linux, macOS and Windows alike.
namespace SafeFileName {

// The longest name accepted, in UTF-8 bytes. File systems allow 255; the rest is kept free
// for the suffixes the downloader adds (".part", ".corrupt").
constexpr int MaxBytes = 240;

// Empty when `name` is safe to create inside a folder; otherwise why not, in a sentence
// for the analyst, e.g. "contains a path separator".
QString problem(const QString &name);

} // namespace SafeFileName
