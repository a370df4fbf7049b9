#pragma once

#include <QByteArray>

// zlib on whole buffers, for tests that check the app's own gzip handling against it.
namespace ZlibData {

// One gzip member, fastest level.
QByteArray gzip(const QByteArray &data);
// Inflates the first gzip member; *ok (when given) says whether it ended cleanly.
QByteArray gunzip(const QByteArray &data, bool *ok = nullptr);

} // namespace ZlibData
