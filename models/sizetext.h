#pragma once

#include <QLocale>
#include <QString>

// How the app writes a size: "812 bytes", "1.5 MB", "2.5 GB", in the download list, the
// download messages and the CLI's progress line alike. The CLI passes QLocale::c() so its
// output reads the same on every machine.
QString sizeText(qint64 bytes, const QLocale &locale = QLocale());
