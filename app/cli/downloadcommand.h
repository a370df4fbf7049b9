#pragma once

#include "clicommand.h"

#include <QSet>

class DownloadJob;
class DownloadManager;
class ManifestFetch;
struct Manifest;

// download <id|url> --dest DIR: the operation's files through the app's DownloadManager
// (resumable, verified as gzip JSON lines), progress on stderr, one result per file.
class DownloadCommand final : public CliCommand
{
    Q_OBJECT
public:
    explicit DownloadCommand(const CommandContext &context, QObject *parent = nullptr);

    void start() override;
    void interrupt() override;

private:
    void onManifest(const Manifest &manifest);
    void onJobChanged(DownloadJob *job);
    void onProgress();
    void onFinished();
    void printResults();
    ExitCode resultCode() const;
    void clearProgressLine();

    ManifestFetch *m_fetch;
    DownloadManager *m_downloads;
    QString m_id;
    QSet<int> m_reported; // jobs whose result was printed
    bool m_progressShown = false;
};
