#include "app/downloads/downloadfolders.h"

#include <QSettings>

namespace DownloadFolders {

// Explicit names: the app and the CLI have different application names.
const auto Organisation = QStringLiteral("BillingMonitor");
const auto FileName = QStringLiteral("download-folders");

void remember(const QString &operationId, const QString &folder)
{
    QSettings settings(QSettings::IniFormat, QSettings::UserScope, Organisation, FileName);
    settings.setValue(operationId.toLower(), folder);
}

QString folder(const QString &operationId)
{
    QSettings settings(QSettings::IniFormat, QSettings::UserScope, Organisation, FileName);
    return settings.value(operationId.toLower()).toString();
}

} // namespace DownloadFolders
