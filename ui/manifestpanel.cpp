#include "manifestpanel.h"

#include "downloadjobdelegate.h"
#include "elidedlabel.h"
#include "flowlayout.h"
#include "folderopener.h"
#include "models/sizetext.h"
#include "models/timetext.h"

#include "app/appsettings.h"
#include "app/downloads/downloadjob.h"
#include "app/downloads/downloadjobmodel.h"
#include "app/downloads/downloadmanager.h"
#include "app/downloads/manifestloader.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// Only what identifies a place: a query there could hold a SAS, which is never shown.
QString urlWithoutSecrets(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo)
        .toDisplayString();
}

QString defaultChooseFolder(QWidget *parent, const QString &startFolder)
{
    return QFileDialog::getExistingDirectory(parent, ManifestPanel::tr("Download the files to"),
                                             startFolder);
}

bool defaultConfirmReplace(QWidget *parent, const QString &folder, const QStringList &names)
{
    const QString text
        = ManifestPanel::tr("%n files of this export are already in %1. Download them again "
                            "and replace them?",
                            nullptr, int(names.size()))
              .arg(QDir::toNativeSeparators(folder));
    return QMessageBox::question(parent, ManifestPanel::tr("Replace downloaded files?"), text,
                                 QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        == QMessageBox::Yes;
}

bool isProblem(const DownloadJob *job)
{
    return job->state() == DownloadJob::State::Failed
        || job->state() == DownloadJob::State::Corrupt;
}

// What went wrong with one file, naming it unless the message already does.
QString problemLine(const DownloadJob *job)
{
    if (job->message().contains(job->blob().name))
        return job->message();
    return ManifestPanel::tr("%1: %2").arg(job->blob().name, job->message());
}

} // namespace

ManifestPanel::ManifestPanel(ManifestLoader *loader, DownloadManager *downloads, QWidget *parent)
    : QWidget(parent)
    , m_loader(loader)
    , m_downloads(downloads)
    , m_openFolderWith(FolderOpener::open)
    , m_files(new DownloadJobModel(downloads, this))
    , m_chooseFolder(defaultChooseFolder)
    , m_confirmReplace(defaultConfirmReplace)
    , m_message(new QLabel(this))
    , m_content(new QWidget(this))
    , m_loadState(new QLabel(m_content))
    , m_note(new QLabel(m_content))
    , m_form(new QFormLayout)
    , m_expiryWarning(new QLabel(m_content))
    , m_blobs(new QTreeView(m_content))
    , m_decompress(new QCheckBox(tr("Also decompress to .jsonl"), m_content))
    , m_reload(new QPushButton(tr("Refresh manifest"), m_content))
    , m_copyJson(new QPushButton(tr("Copy manifest JSON"), m_content))
    , m_openManifest(new QPushButton(tr("Open manifest"), m_content))
    , m_downloadSelected(new QPushButton(tr("Download selected…"), m_content))
    , m_downloadAll(new QPushButton(tr("Download all…"), m_content))
    , m_cancel(new QPushButton(tr("Cancel"), m_content))
    , m_retry(new QPushButton(tr("Retry failed"), m_content))
    , m_refreshAndRetry(new QPushButton(tr("Refresh manifest and retry"), m_content))
    , m_openFolder(new QPushButton(tr("Open folder"), m_content))
    , m_totalProgress(new QProgressBar(m_content))
    , m_totalText(new QLabel(m_content))
    , m_downloadError(new QLabel(m_content))
    , m_folderNotice(new FolderPathNotice(m_content))
    , m_expiryTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("manifestPanel"));
    m_message->setWordWrap(true);
    for (QLabel *label : {m_loadState, m_note, m_expiryWarning, m_totalText, m_downloadError}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    // Folders and file names are long unbreakable words: they must not widen the narrow
    // column the panel sits in (the whole text is in the tool tip).
    for (QLabel *label : {m_totalText, m_downloadError})
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_loadState->setObjectName(QStringLiteral("manifestLoadState"));
    m_note->setObjectName(QStringLiteral("foreignLinkNote"));
    m_expiryWarning->setObjectName(QStringLiteral("sasExpiryWarning"));
    m_downloadError->setObjectName(QStringLiteral("downloadError"));
    m_totalText->setObjectName(QStringLiteral("downloadSummary"));
    m_blobs->setObjectName(QStringLiteral("blobList"));
    m_decompress->setObjectName(QStringLiteral("decompressCheck"));
    m_downloadAll->setObjectName(QStringLiteral("downloadAllButton"));
    m_downloadSelected->setObjectName(QStringLiteral("downloadSelectedButton"));
    m_refreshAndRetry->setObjectName(QStringLiteral("refreshAndRetryButton"));
    m_openFolder->setObjectName(QStringLiteral("openFolderButton"));
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_retry->setObjectName(QStringLiteral("retryButton"));

    // Ids and links are one unbreakable word: elided, never wrapped at a hyphen or widening
    // the panel.
    addField(QStringLiteral("id"), tr("Manifest id"), new ElidedLabel(m_content));
    addField(QStringLiteral("schemaVersion"), tr("Schema version"));
    addField(QStringLiteral("dataFormat"), tr("Data format"));
    addField(QStringLiteral("createdDateTime"), tr("Created"));
    addField(QStringLiteral("eTag"), tr("eTag"), new ElidedLabel(m_content));
    addField(QStringLiteral("partnerTenantId"), tr("Partner tenant"), new ElidedLabel(m_content));
    addField(QStringLiteral("partitionType"), tr("Partition type"));
    addField(QStringLiteral("rootDirectory"), tr("Root directory"), new ElidedLabel(m_content));
    addField(QStringLiteral("blobCount"), tr("Files"));
    addField(QStringLiteral("sasExpiry"), tr("Link expires"));

    m_blobs->setModel(m_files);
    m_blobs->setItemDelegate(new DownloadJobDelegate(m_blobs));
    m_blobs->setRootIsDecorated(false);
    m_blobs->setUniformRowHeights(true);
    m_blobs->setAllColumnsShowFocus(true);
    m_blobs->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_blobs->setMinimumHeight(120);
    // The panel is a narrow column: every column fits its width, never a sideways scroll.
    // Names and news share what is left after the short columns, elided, whole in their
    // tool tips.
    m_blobs->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_blobs->setTextElideMode(Qt::ElideRight);
    QHeaderView *header = m_blobs->header();
    header->setStretchLastSection(false);
    header->setMinimumSectionSize(fontMetrics().horizontalAdvance(QStringLiteral("0000")));
    header->setSectionResizeMode(DownloadJobModel::NameColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(DownloadJobModel::PartitionColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(DownloadJobModel::SizeColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(DownloadJobModel::ProgressColumn, QHeaderView::Fixed);
    header->resizeSection(DownloadJobModel::ProgressColumn,
                          fontMetrics().horizontalAdvance(QStringLiteral("100 %")) * 2);
    header->setSectionResizeMode(DownloadJobModel::StatusColumn, QHeaderView::Stretch);
    m_blobs->viewport()->installEventFilter(this);

    const AppSettings settings;
    m_decompress->setChecked(settings.decompressDownloads());
    m_downloads->setDecompress(m_decompress->isChecked());
    m_refreshAndRetry->hide();
    m_expiryWarning->hide();
    m_note->hide();
    m_downloadError->hide();
    m_totalProgress->setRange(0, 1000);
    m_totalProgress->setTextVisible(false);

    // The buttons wrap rather than widen the panel, which sits in a narrow column.
    auto *manifestButtons = new FlowLayout;
    manifestButtons->addWidget(m_reload);
    manifestButtons->addWidget(m_copyJson);
    manifestButtons->addWidget(m_openManifest);

    auto *downloadButtons = new FlowLayout;
    downloadButtons->addWidget(m_downloadSelected);
    downloadButtons->addWidget(m_downloadAll);
    downloadButtons->addWidget(m_cancel);
    downloadButtons->addWidget(m_retry);
    downloadButtons->addWidget(m_openFolder);
    downloadButtons->addWidget(m_decompress);

    auto *expiredRow = new QHBoxLayout;
    expiredRow->addWidget(m_expiryWarning, 1);
    expiredRow->addWidget(m_refreshAndRetry);

    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(m_loadState);
    contentLayout->addWidget(m_note);
    contentLayout->addLayout(m_form);
    contentLayout->addLayout(expiredRow);
    contentLayout->addLayout(manifestButtons);
    // The download actions above the files, where they stay in view in a short panel.
    contentLayout->addLayout(downloadButtons);
    contentLayout->addWidget(m_blobs, 1);
    contentLayout->addWidget(m_totalProgress);
    contentLayout->addWidget(m_totalText);
    contentLayout->addWidget(m_downloadError);
    contentLayout->addWidget(m_folderNotice);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_message);
    layout->addWidget(m_content, 1);
    m_content->hide();

    connect(m_loader, &ManifestLoader::stateChanged, this, &ManifestPanel::onManifestStateChanged);
    // The rows follow the jobs through the model; the totals below them follow here.
    const auto updateTotalsOfShown = [this](DownloadJob *job) {
        if (job->operationId() == m_operation.id)
            updateTotals();
    };
    connect(m_downloads, &DownloadManager::jobAdded, this, updateTotalsOfShown);
    connect(m_downloads, &DownloadManager::jobChanged, this, updateTotalsOfShown);
    connect(m_downloads, &DownloadManager::progressed, this, &ManifestPanel::updateTotals);
    connect(m_downloads, &DownloadManager::finished, this, [this](const QString &operationId) {
        if (operationId == m_operation.id)
            emit messageForStatusBar(finishedMessage());
    });
    connect(m_blobs->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ManifestPanel::updateButtons);
    connect(m_decompress, &QCheckBox::toggled, this, [this](bool checked) {
        AppSettings().setDecompressDownloads(checked);
        m_downloads->setDecompress(checked);
    });
    connect(m_reload, &QPushButton::clicked, this, [this] { m_loader->reload(m_operation); });
    connect(m_copyJson, &QPushButton::clicked, this, &ManifestPanel::copyManifestJson);
    connect(m_openManifest, &QPushButton::clicked, this, &ManifestPanel::openManifest);
    connect(m_downloadSelected, &QPushButton::clicked, this, [this] { startDownload(true); });
    connect(m_downloadAll, &QPushButton::clicked, this, [this] { startDownload(false); });
    connect(m_cancel, &QPushButton::clicked, this, &ManifestPanel::cancelSelected);
    connect(m_retry, &QPushButton::clicked, this, &ManifestPanel::retryFailed);
    connect(m_refreshAndRetry, &QPushButton::clicked, this, &ManifestPanel::refreshAndRetry);
    connect(m_openFolder, &QPushButton::clicked, this, &ManifestPanel::openFolder);
    m_expiryTimer->setInterval(1000);
    connect(m_expiryTimer, &QTimer::timeout, this, &ManifestPanel::updateExpiry);

    clear();
}

bool ManifestPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_blobs->viewport() && event->type() == QEvent::Resize)
        fitColumns();
    return QWidget::eventFilter(watched, event);
}

void ManifestPanel::fitColumns()
{
    // When the panel is too narrow for every column, the partition goes first: it is
    // usually the same for every file, and the name's tool tip still says it. Widths come
    // from the contents, as the header's own sizes may not be laid out yet.
    const QHeaderView *header = m_blobs->header();
    const QAbstractItemView *view = m_blobs; // QTreeView hides sizeHintForColumn()
    const auto contentWidth = [&](int column) {
        return std::max(view->sizeHintForColumn(column), header->sectionSizeHint(column));
    };
    const int needed = contentWidth(DownloadJobModel::PartitionColumn)
        + contentWidth(DownloadJobModel::SizeColumn)
        + header->sectionSize(DownloadJobModel::ProgressColumn)
        + 2 * fontMetrics().horizontalAdvance(QStringLiteral("part-00000-…"));
    m_blobs->setColumnHidden(DownloadJobModel::PartitionColumn,
                             m_blobs->viewport()->width() < needed);
}

QLabel *ManifestPanel::addField(const QString &key, const QString &label, QLabel *value)
{
    if (!value) {
        value = new QLabel(m_content);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setWordWrap(true);
    }
    value->setObjectName(key + QLatin1String("Field"));
    m_form->addRow(label + QLatin1Char(':'), value);
    m_fields.insert(key, value);
    return value;
}

void ManifestPanel::showOperation(const TrackedOperation &operation)
{
    const bool sameOperation = operation.id == m_operation.id;
    m_operation = operation;
    if (operation.status() != OperationStatus::Succeeded) {
        m_content->hide();
        m_message->show();
        m_message->setText(tr("The export's files are listed here once it has succeeded."));
        m_expiryTimer->stop();
        return;
    }
    m_message->hide();
    m_content->show();
    if (!sameOperation) {
        m_retryAfterRefresh = false;
        m_downloadError->hide();
        m_folderNotice->hide();
        m_files->clear();
    }
    m_loader->load(operation); // a no-op when cached or under way
    updateManifest();
}

void ManifestPanel::clear()
{
    m_operation = {};
    m_retryAfterRefresh = false;
    m_files->clear();
    m_folderNotice->hide();
    m_content->hide();
    m_message->show();
    m_message->setText(tr("Select a succeeded export to see its files."));
    m_expiryTimer->stop();
}

void ManifestPanel::onManifestStateChanged(const QString &operationId)
{
    if (operationId != m_operation.id)
        return;
    const ManifestState state = m_loader->state(operationId);
    if (m_retryAfterRefresh && state.status == ManifestState::Status::Loaded) {
        m_retryAfterRefresh = false;
        const int retried = m_downloads->retryWithManifest(operationId, state.manifest);
        emit messageForStatusBar(tr("Manifest refreshed; retrying %n file(s).", nullptr, retried));
    } else if (m_retryAfterRefresh && state.status == ManifestState::Status::Failed) {
        m_retryAfterRefresh = false;
    }
    updateManifest();
}

void ManifestPanel::updateManifest()
{
    const ManifestState state = m_loader->state(m_operation.id);
    m_loadState->setToolTip({});
    switch (state.status) {
    case ManifestState::Status::Idle:
        m_loadState->clear();
        break;
    case ManifestState::Status::Loading:
        m_loadState->setText(state.hasManifest() ? tr("Refreshing the manifest…")
                                                 : tr("Loading the manifest…"));
        break;
    case ManifestState::Status::Loaded:
        // The address is in the tool tip: a long unbreakable URL in this wrapped sentence
        // would widen the panel.
        if (state.source.kind == ManifestSource::Kind::Inline) {
            m_loadState->setText(tr("Manifest included in the operation."));
        } else {
            m_loadState->setText(tr("Manifest loaded from Graph."));
            m_loadState->setToolTip(urlWithoutSecrets(state.source.url));
        }
        break;
    case ManifestState::Status::Failed:
        m_loadState->setText(state.error);
        break;
    }
    m_note->setVisible(!state.source.note.isEmpty());
    m_note->setText(state.source.note);

    const Manifest &manifest = state.manifest;
    const bool has = state.hasManifest();
    auto set = [this, has](const QString &key, const QString &text, const QString &toolTip = {}) {
        QLabel *field = m_fields.value(key);
        if (auto *elided = qobject_cast<ElidedLabel *>(field)) {
            elided->setFullText(has ? text : QString());
            return;
        }
        field->setText(has ? text : QString());
        field->setToolTip(has ? toolTip : QString());
    };
    set(QStringLiteral("id"), manifest.id);
    set(QStringLiteral("schemaVersion"), manifest.schemaVersion);
    set(QStringLiteral("dataFormat"), manifest.dataFormat);
    set(QStringLiteral("createdDateTime"), TimeText::local(manifest.createdDateTime),
        TimeText::utc(manifest.createdDateTime));
    set(QStringLiteral("eTag"), manifest.eTag);
    set(QStringLiteral("partnerTenantId"), manifest.partnerTenantId);
    set(QStringLiteral("partitionType"), manifest.partitionType);
    // The SAS never lives in rootDirectory by the schema; a query there is dropped anyway
    // so that nothing secret is on screen or in a screenshot.
    set(QStringLiteral("rootDirectory"), urlWithoutSecrets(QUrl(manifest.rootDirectory)));
    set(QStringLiteral("blobCount"),
        manifest.blobCount == manifest.blobs.size()
            ? QString::number(manifest.blobCount)
            : tr("%1 (the manifest lists %2)").arg(manifest.blobCount).arg(manifest.blobs.size()));

    m_copyJson->setEnabled(has);
    m_openManifest->setEnabled(state.source.link.isValid() || state.source.url.isValid());
    m_reload->setEnabled(state.status != ManifestState::Status::Loading);
    rebuildBlobList();
    updateExpiry();
    if (has && !m_expiryTimer->isActive())
        m_expiryTimer->start();
    updateTotals();
}

void ManifestPanel::updateExpiry()
{
    const ManifestState state = m_loader->state(m_operation.id);
    QLabel *field = m_fields.value(QStringLiteral("sasExpiry"));
    if (!state.hasManifest()) {
        field->clear();
        m_expiryWarning->hide();
        return;
    }
    const QDateTime expiry = state.manifest.sasExpiry();
    if (!expiry.isValid()) {
        field->setText(tr("unknown (the link has no readable expiry)"));
        field->setToolTip({});
        m_expiryWarning->hide();
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 left = now.secsTo(expiry);
    field->setToolTip(TimeText::utc(expiry));
    if (left > 0) {
        field->setText(tr("in %1 (%2)").arg(TimeText::duration(left), TimeText::local(expiry)));
        m_expiryWarning->hide();
    } else {
        field->setText(tr("expired %1").arg(TimeText::local(expiry)));
        m_expiryWarning->setText(
            tr("⚠ The download link expired at %1; refresh the manifest to get a new one.")
                .arg(TimeText::localShort(expiry, now)));
        m_expiryWarning->show();
    }
}

void ManifestPanel::rebuildBlobList()
{
    m_files->setFiles(m_operation.id, m_loader->state(m_operation.id).manifest.blobs);
}

QStringList ManifestPanel::problemLines() const
{
    QStringList lines;
    for (const DownloadJob *job : m_downloads->jobs(m_operation.id)) {
        if (isProblem(job))
            lines.append(problemLine(job));
    }
    return lines;
}

QString ManifestPanel::failureReason() const
{
    // Files usually fail together for one reason (an expired link, a full disk): said once.
    QStringList reasons;
    for (const DownloadJob *job : m_downloads->jobs(m_operation.id)) {
        if (isProblem(job) && !reasons.contains(job->message()))
            reasons.append(job->message());
    }
    if (reasons.size() == 1)
        return reasons.constFirst();
    return problemLines().join(QLatin1Char('\n'));
}

QString ManifestPanel::finishedMessage() const
{
    const DownloadManager::Totals totals = m_downloads->totals(m_operation.id);
    if (totals.done == 0 && totals.failed > 0)
        return tr("Download failed: none of the %n files arrived. %1", nullptr, totals.files)
            .arg(failureReason().section(QLatin1Char('\n'), 0, 0));
    if (totals.failed > 0)
        return tr("Download finished: %1 of %n files verified; %2", nullptr, totals.files)
            .arg(totals.done)
            .arg(problemLines().constFirst());
    return tr("Download finished: %1 of %n files verified.", nullptr, totals.files)
        .arg(totals.done);
}

void ManifestPanel::updateTotals()
{
    const DownloadManager::Totals totals = m_downloads->totals(m_operation.id);
    m_totalProgress->setVisible(totals.files > 0);
    m_totalText->setVisible(totals.files > 0);
    if (totals.files > 0) {
        const qint64 finished = totals.done + totals.failed + totals.cancelled;
        if (totals.bytesTotal > 0)
            m_totalProgress->setValue(int(totals.bytesReceived * 1000 / totals.bytesTotal));
        else
            m_totalProgress->setValue(int(finished * 1000 / totals.files));
        QStringList parts;
        QStringList lines;
        if (totals.active > 0) {
            parts << tr("%1 of %n files done", nullptr, totals.files).arg(finished);
            parts << (totals.bytesTotal >= 0
                          ? tr("%1 of %2")
                                .arg(sizeText(totals.bytesReceived), sizeText(totals.bytesTotal))
                          : sizeText(totals.bytesReceived));
            if (totals.bytesPerSecond > 0)
                parts << tr("%1/s").arg(sizeText(qint64(totals.bytesPerSecond)));
            if (totals.etaSeconds >= 0)
                parts << tr("%1 left").arg(TimeText::duration(totals.etaSeconds));
        } else if (totals.done == 0 && totals.failed > 0) {
            // Not "0 of 2 files verified": nothing arrived, and the analyst needs to know why.
            parts << tr("Download failed: none of the %n files arrived.", nullptr, totals.files);
            lines << failureReason();
        } else {
            parts << tr("%1 of %n files verified (%L2 lines, %3 compressed, %4 uncompressed)",
                        nullptr, totals.files)
                         .arg(totals.done)
                         .arg(totals.lines)
                         .arg(sizeText(totals.bytesReceived), sizeText(totals.uncompressedBytes));
            if (totals.failed > 0)
                parts << tr("%n failed", nullptr, totals.failed);
            if (totals.cancelled > 0)
                parts << tr("%n cancelled", nullptr, totals.cancelled);
            lines << problemLines();
        }
        const QString folder = m_downloads->folder(m_operation.id);
        if (!folder.isEmpty())
            lines << tr("Folder: %1").arg(QDir::toNativeSeparators(folder));
        lines.prepend(parts.join(QStringLiteral(" · ")));
        m_totalText->setText(lines.join(QLatin1Char('\n')));
        m_totalText->setToolTip(m_totalText->text());
    }
    m_refreshAndRetry->setVisible(totals.linkExpired > 0
                                  || (m_expiryWarning->isVisibleTo(this) && totals.failed > 0));
    if (totals.linkExpired > 0 && !m_expiryWarning->isVisibleTo(this)) {
        // Storage refused the link before our clock says it expired (skew, or revoked).
        m_expiryWarning->setText(tr("⚠ Storage refused the download link; refresh the manifest to "
                                    "get a new one."));
        m_expiryWarning->show();
    }
    updateButtons();
}

QStringList ManifestPanel::selectedBlobNames() const
{
    QStringList names;
    for (const QModelIndex &row : m_blobs->selectionModel()->selectedRows())
        names.append(row.data(DownloadJobModel::BlobNameRole).toString());
    return names;
}

void ManifestPanel::updateButtons()
{
    const ManifestState state = m_loader->state(m_operation.id);
    const bool has = state.hasManifest() && !state.manifest.blobs.isEmpty();
    m_downloadAll->setEnabled(has);
    m_downloadSelected->setEnabled(has && m_blobs->selectionModel()->hasSelection());
    const DownloadManager::Totals totals = m_downloads->totals(m_operation.id);
    m_cancel->setEnabled(totals.active > 0);
    bool retryable = false;
    for (DownloadJob *job : m_downloads->jobs(m_operation.id))
        retryable = retryable || job->canRetry();
    m_retry->setEnabled(retryable);
    m_openFolder->setEnabled(totals.done > 0 && !m_downloads->folder(m_operation.id).isEmpty());
    m_refreshAndRetry->setEnabled(state.status != ManifestState::Status::Loading);
}

void ManifestPanel::startDownload(bool selectedOnly)
{
    const ManifestState state = m_loader->state(m_operation.id);
    if (!state.hasManifest())
        return;
    QList<ManifestBlob> blobs;
    if (selectedOnly) {
        const QStringList selected = selectedBlobNames();
        for (const ManifestBlob &blob : state.manifest.blobs) {
            if (selected.contains(blob.name))
                blobs.append(blob);
        }
    } else {
        blobs = state.manifest.blobs;
    }
    if (blobs.isEmpty())
        return;
    AppSettings settings;
    const QString chosen = m_chooseFolder(this, settings.lastDownloadFolder());
    if (chosen.isEmpty())
        return; // the analyst closed the dialog
    settings.setLastDownloadFolder(chosen);
    const QString folder = DownloadManager::operationFolder(chosen, m_operation.id);
    const QStringList existing = DownloadManager::existingFiles(folder, blobs);
    if (!existing.isEmpty() && !m_confirmReplace(this, folder, existing))
        return;
    QDir().mkpath(folder); // what cannot be made is reported by download() below
    const QString problem = m_downloads->download(m_operation.id, state.manifest, blobs, folder);
    m_downloadError->setVisible(!problem.isEmpty());
    m_downloadError->setText(problem);
    m_downloadError->setToolTip(problem);
    updateTotals();
}

void ManifestPanel::cancelSelected()
{
    bool cancelledSome = false;
    for (const QString &name : selectedBlobNames()) {
        const int row = m_files->rowOf(name);
        DownloadJob *job = row >= 0 ? m_files->jobAt(row) : nullptr;
        if (job && (job->isActive() || job->state() == DownloadJob::State::Queued)) {
            m_downloads->cancel(job->id());
            cancelledSome = true;
        }
    }
    if (!cancelledSome)
        m_downloads->cancelAll(m_operation.id);
}

void ManifestPanel::retryFailed()
{
    for (DownloadJob *job : m_downloads->jobs(m_operation.id)) {
        if (job->canRetry())
            m_downloads->retry(job->id());
    }
}

void ManifestPanel::refreshAndRetry()
{
    m_retryAfterRefresh = true;
    m_loader->reload(m_operation);
}

void ManifestPanel::copyManifestJson()
{
    const ManifestState state = m_loader->state(m_operation.id);
    if (!state.hasManifest())
        return;
    QApplication::clipboard()->setText(
        QString::fromUtf8(QJsonDocument(state.manifest.json).toJson(QJsonDocument::Indented)));
    emit messageForStatusBar(tr("Manifest JSON copied (it includes the download link's SAS)."));
}

void ManifestPanel::openManifest()
{
    const ManifestState state = m_loader->state(m_operation.id);
    const QUrl url = state.source.link.isValid() && !state.source.link.isEmpty() ? state.source.link
                                                                                 : state.source.url;
    if (url.isValid())
        QDesktopServices::openUrl(url);
}

void ManifestPanel::openFolder()
{
    const QString folder = m_downloads->folder(m_operation.id);
    if (folder.isEmpty())
        return;
    m_folderNotice->hide();
    const QString id = m_operation.id;
    m_openFolderWith(folder, this, [this, folder, id](bool opened) {
        if (!opened && id == m_operation.id)
            m_folderNotice->showFor(folder);
    });
}

QString ManifestPanel::fieldText(const QString &field) const
{
    const QLabel *label = m_fields.value(field);
    if (const auto *elided = qobject_cast<const ElidedLabel *>(label))
        return elided->fullText();
    return label ? label->text() : QString();
}

QString ManifestPanel::noteText() const
{
    return m_note->isVisibleTo(this) ? m_note->text() : QString();
}

QString ManifestPanel::downloadSummaryText() const
{
    return m_totalText->text();
}

bool ManifestPanel::isExpiryWarningShown() const
{
    return m_expiryWarning->isVisibleTo(this);
}
