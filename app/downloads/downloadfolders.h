#pragma once

#include <QString>

// Where each operation's files were last downloaded, so that "summarize <id>" in the CLI
// and the app's Data view find them. Shared by the app and the CLI: one small INI file in
// the user's configuration folder (BillingMonitor/download-folders.ini).
namespace DownloadFolders {

void remember(const QString &operationId, const QString &folder);
QString folder(const QString &operationId); // empty when none is known

} // namespace DownloadFolders
