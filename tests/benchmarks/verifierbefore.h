#pragma once

#include <QString>
#include <QtGlobal>

// The download verifier as it was before the data engine (commit c268e7b), kept only as
// bench_data's baseline: zlib inflating 256 KiB at a time, each line copied out of the
// inflated stream when it straddles two chunks and parsed with QJsonDocument. Its work per
// byte is the old one; what it did besides (writing the inflated copy, cancelling) is
// left out, since the benchmark never asked for it.
namespace VerifierBefore {

// The file's inflated size once every line was checked to be a JSON object, or -1 with
// `error` set.
qint64 verify(const QString &path, QString *error);

} // namespace VerifierBefore
