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

// The decompressed copy's name: "x.json.gz" and "x.gz" both become "x.jsonl".
QString inflatedName(const QString &blobName);

// Empty when the files the downloader makes of these blobs ("<name>", "<name>.part",
// "<name>.corrupt", the .jsonl copy) are all distinct, else which names collide (e.g.
// "x.gz" and "x.json.gz" share "x.jsonl"). Compared ignoring case, as on Windows and
// macOS. Checked before anything is downloaded.
QString collisionProblem(const QStringList &blobNames);

} // namespace SafeFileName
