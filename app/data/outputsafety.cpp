#include "app/data/outputsafety.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QStorageInfo>

namespace OutputSafety {

QString problem(const QString &path, qint64 neededBytes)
{
    const QFileInfo info(path);
    const QString shown = QDir::toNativeSeparators(path);
    if (info.isSymLink())
        return QStringLiteral("%1 is a symbolic link; refusing to write through it").arg(shown);
    if (info.exists() && !info.isFile())
        return QStringLiteral("%1 exists and is not a file").arg(shown);
    if (neededBytes <= 0)
        return {};
    const QStorageInfo storage(info.absolutePath());
    if (storage.isValid() && storage.bytesAvailable() >= 0
        && neededBytes > storage.bytesAvailable()) {
        const QLocale locale = QLocale::c();
        return QStringLiteral("%1 needs about %2 but only %3 is free there")
            .arg(shown, locale.formattedDataSize(neededBytes),
                 locale.formattedDataSize(storage.bytesAvailable()));
    }
    return {};
}

} // namespace OutputSafety
