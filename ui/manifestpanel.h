#pragma once

#include "folderopener.h"
#include "models/trackedoperation.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <functional>

class DownloadJobModel;
class DownloadManager;
class ManifestLoader;
class QCheckBox;
class QFormLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;
class QTreeView;

// The manifest of a succeeded export and the downloads of its files. Loading and
// downloading are done by the core objects it is given; this widget only drives and shows
// them. Embed it in the details panel and feed it the shown operation:
//
//   auto *manifestPanel = new ManifestPanel(loader, downloads);
//   details->setManifestWidget(manifestPanel);
//   connect(details, &DetailsPanel::operationShown, manifestPanel, &ManifestPanel::showOperation);
class ManifestPanel : public QWidget
{
    Q_OBJECT
public:
    ManifestPanel(ManifestLoader *loader, DownloadManager *downloads, QWidget *parent = nullptr);

    // Shows that operation's manifest, loading it on first sight. Cheap to call again with
    // the same operation (the details panel does on every poll).
    void showOperation(const TrackedOperation &operation);
    void clear();
    QString operationId() const { return m_operation.id; }

    // Where "Download" asks for the folder; QFileDialog by default. Tests replace it.
    using FolderChooser = std::function<QString(QWidget *parent, const QString &startFolder)>;
    void setFolderChooser(FolderChooser chooser) { m_chooseFolder = std::move(chooser); }
    // Asked before files downloaded earlier are replaced; a question box by default.
    using ReplaceConfirmer
        = std::function<bool(QWidget *parent, const QString &folder, const QStringList &fileNames)>;
    void setReplaceConfirmer(ReplaceConfirmer confirm) { m_confirmReplace = std::move(confirm); }
    // How "Open folder" opens the download folder; FolderOpener::open by default. When it
    // cannot, the panel shows the path to copy instead.
    void setFolderOpener(FolderOpener::Opener opener) { m_openFolderWith = std::move(opener); }

    // What is on show, for tests and "copy" actions.
    // The whole value, even where the panel shows it elided.
    QString fieldText(const QString &field) const; // "id", "rootDirectory", "sasExpiry", ...
    QString noteText() const;
    QString downloadSummaryText() const;
    bool isExpiryWarningShown() const;

signals:
    void messageForStatusBar(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fitColumns();
    void onManifestStateChanged(const QString &operationId);
    void updateManifest();
    void updateExpiry();
    void rebuildBlobList();
    void updateTotals();
    // One line per failed or corrupt file, naming it.
    QStringList problemLines() const;
    // Why the files failed: the one reason they share, else a line per file.
    QString failureReason() const;
    QString finishedMessage() const;
    QStringList selectedBlobNames() const;
    void updateButtons();
    void startDownload(bool selectedOnly);
    void cancelSelected();
    void retryFailed();
    void refreshAndRetry();
    void copyManifestJson();
    void openManifest();
    void openFolder();
    // A labelled value in the form; a word-wrapped label unless one is given.
    QLabel *addField(const QString &key, const QString &label, QLabel *value = nullptr);

    ManifestLoader *m_loader;
    DownloadManager *m_downloads;
    TrackedOperation m_operation;
    FolderOpener::Opener m_openFolderWith;
    DownloadJobModel *m_files;
    FolderChooser m_chooseFolder;
    ReplaceConfirmer m_confirmReplace;
    bool m_retryAfterRefresh = false;

    QLabel *m_message;
    QWidget *m_content;
    QLabel *m_loadState;
    QLabel *m_note;
    QFormLayout *m_form;
    QHash<QString, QLabel *> m_fields;
    QLabel *m_expiryWarning;
    QTreeView *m_blobs;
    QCheckBox *m_decompress;
    QPushButton *m_reload;
    QPushButton *m_copyJson;
    QPushButton *m_openManifest;
    QPushButton *m_downloadSelected;
    QPushButton *m_downloadAll;
    QPushButton *m_cancel;
    QPushButton *m_retry;
    QPushButton *m_refreshAndRetry;
    QPushButton *m_openFolder;
    QProgressBar *m_totalProgress;
    QLabel *m_totalText;
    QLabel *m_downloadError;
    FolderPathNotice *m_folderNotice;
    QTimer *m_expiryTimer;
};
