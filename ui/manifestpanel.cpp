#include "manifestpanel.h"

#include "flowlayout.h"
#include "models/sizetext.h"
#include "models/timetext.h"

#include "app/downloads/downloadjob.h"
#include "app/downloads/downloadmanager.h"
#include "app/downloads/manifestloader.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

enum Column { NameColumn, PartitionColumn, SizeColumn, ProgressColumn, StatusColumn };
constexpr int BlobNameRole = Qt::UserRole;

// Names come from a server: control characters are shown, not obeyed.
QString printableName(const QString &name)
{
    QString shown;
    for (const QChar c : name)
        shown += (c.unicode() < 0x20 || c.unicode() == 0x7f) ? QChar(0xFFFD) : c;
    return shown;
}

QString stateText(const DownloadJob *job)
{
    switch (job->state()) {
    case DownloadJob::State::Queued:
        return QObject::tr("Waiting");
    case DownloadJob::State::Downloading:
        return QObject::tr("Downloading");
    case DownloadJob::State::Verifying:
        return QObject::tr("Verifying");
    case DownloadJob::State::Done:
        return QObject::tr("Verified");
    case DownloadJob::State::Failed:
        return QObject::tr("Failed");
    case DownloadJob::State::Corrupt:
        return QObject::tr("Corrupt");
    case DownloadJob::State::Cancelled:
        return QObject::tr("Cancelled");
    }
    return {};
}

// A one-line value that never widens the panel: a long id or URL is elided in the middle to
// the width there is, with the whole of it in the tool tip and in the context menu's Copy.
class ElidedLabel : public QLabel
{
public:
    explicit ElidedLabel(QWidget *parent)
        : QLabel(parent)
    {
        auto *copy = new QAction(QObject::tr("Copy"), this);
        connect(copy, &QAction::triggered, this,
                [this] { QGuiApplication::clipboard()->setText(m_fullText); });
        addAction(copy);
        setContextMenuPolicy(Qt::ActionsContextMenu);
    }

    void setFullText(const QString &text)
    {
        m_fullText = text;
        setToolTip(text);
        updateGeometry();
        elide();
    }
    QString fullText() const { return m_fullText; }

    QSize minimumSizeHint() const override
    {
        return {fontMetrics().horizontalAdvance(QStringLiteral("0e19…84c0")),
                QLabel::minimumSizeHint().height()};
    }
    QSize sizeHint() const override
    {
        return {fontMetrics().horizontalAdvance(m_fullText) + 2 * margin(),
                QLabel::sizeHint().height()};
    }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QLabel::resizeEvent(event);
        elide();
    }
    void changeEvent(QEvent *event) override
    {
        QLabel::changeEvent(event);
        if (event->type() == QEvent::FontChange)
            elide();
    }

private:
    void elide()
    {
        const QString shown
            = fontMetrics().elidedText(m_fullText, Qt::ElideMiddle, contentsRect().width());
        if (shown != text())
            setText(shown);
    }

    QString m_fullText;
};

// Only what identifies a place: a query there could hold a SAS, which is never shown.
QString urlWithoutSecrets(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo)
        .toDisplayString();
}

QString defaultChooseFolder(QWidget *parent, const QString &startFolder)
{
    return QFileDialog::getExistingDirectory(parent, QObject::tr("Download the files to"),
                                             startFolder);
}

} // namespace

ManifestPanel::ManifestPanel(ManifestLoader *loader, DownloadManager *downloads, QWidget *parent)
    : QWidget(parent)
    , m_loader(loader)
    , m_downloads(downloads)
    , m_chooseFolder(defaultChooseFolder)
    , m_message(new QLabel(this))
    , m_content(new QWidget(this))
    , m_loadState(new QLabel(m_content))
    , m_note(new QLabel(m_content))
    , m_form(new QFormLayout)
    , m_expiryWarning(new QLabel(m_content))
    , m_blobs(new QTreeWidget(m_content))
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
    , m_expiryTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("manifestPanel"));
    m_message->setWordWrap(true);
    for (QLabel *label : {m_loadState, m_note, m_expiryWarning, m_totalText, m_downloadError}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
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

    m_blobs->setColumnCount(5);
    m_blobs->setHeaderLabels(
        {tr("Name"), tr("Partition"), tr("Size"), tr("Progress"), tr("Status")});
    m_blobs->setRootIsDecorated(false);
    m_blobs->setUniformRowHeights(true);
    m_blobs->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_blobs->header()->setStretchLastSection(true);
    m_blobs->setMinimumHeight(120);

    m_decompress->setChecked(QSettings().value(QLatin1String(DecompressKey), false).toBool());
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

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_message);
    layout->addWidget(m_content, 1);
    m_content->hide();

    connect(m_loader, &ManifestLoader::stateChanged, this, &ManifestPanel::onManifestStateChanged);
    connect(m_downloads, &DownloadManager::jobAdded, this, [this](DownloadJob *job) {
        if (job->operationId() == m_operation.id) {
            updateJobRow(job);
            updateTotals();
        }
    });
    connect(m_downloads, &DownloadManager::jobChanged, this, [this](DownloadJob *job) {
        if (job->operationId() == m_operation.id) {
            updateJobRow(job);
            updateTotals();
        }
    });
    connect(m_downloads, &DownloadManager::progressed, this, [this] {
        for (DownloadJob *job : m_downloads->jobs(m_operation.id)) {
            if (job->isActive())
                updateJobRow(job);
        }
        updateTotals();
    });
    connect(m_downloads, &DownloadManager::finished, this, [this](const QString &operationId) {
        if (operationId != m_operation.id)
            return;
        const DownloadManager::Totals totals = m_downloads->totals(operationId);
        emit messageForStatusBar(
            tr("Download finished: %1 of %n files verified.", nullptr, totals.files)
                .arg(totals.done));
    });
    connect(m_blobs, &QTreeWidget::itemSelectionChanged, this, &ManifestPanel::updateButtons);
    connect(m_decompress, &QCheckBox::toggled, this, [this](bool checked) {
        QSettings().setValue(QLatin1String(DecompressKey), checked);
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
        m_blobs->clear();
    }
    m_loader->load(operation); // a no-op when cached or under way
    updateManifest();
}

void ManifestPanel::clear()
{
    m_operation = {};
    m_retryAfterRefresh = false;
    m_blobs->clear();
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
        if (auto *elided = dynamic_cast<ElidedLabel *>(field)) {
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

QTreeWidgetItem *ManifestPanel::itemForBlob(const QString &name) const
{
    for (int row = 0; row < m_blobs->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = m_blobs->topLevelItem(row);
        if (item->data(NameColumn, BlobNameRole).toString() == name)
            return item;
    }
    return nullptr;
}

void ManifestPanel::rebuildBlobList()
{
    const ManifestState state = m_loader->state(m_operation.id);
    QStringList names;
    for (const ManifestBlob &blob : state.manifest.blobs)
        names.append(blob.name);
    QStringList shown;
    for (int row = 0; row < m_blobs->topLevelItemCount(); ++row)
        shown.append(m_blobs->topLevelItem(row)->data(NameColumn, BlobNameRole).toString());
    if (names == shown)
        return; // same files: keep the selection and the progress bars
    m_blobs->clear();
    for (const ManifestBlob &blob : state.manifest.blobs) {
        auto *item = new QTreeWidgetItem(m_blobs);
        item->setData(NameColumn, BlobNameRole, blob.name);
        item->setText(NameColumn, printableName(blob.name));
        item->setToolTip(NameColumn, printableName(blob.name));
        item->setText(PartitionColumn, blob.partitionValue);
        item->setText(SizeColumn, blob.sizeInBytes >= 0 ? sizeText(blob.sizeInBytes) : tr("—"));
        item->setTextAlignment(SizeColumn, Qt::AlignRight | Qt::AlignVCenter);
        auto *bar = new QProgressBar;
        bar->setRange(0, 1000);
        bar->setValue(0);
        bar->setFormat(QString());
        m_blobs->setItemWidget(item, ProgressColumn, bar);
    }
    for (DownloadJob *job : m_downloads->jobs(m_operation.id))
        updateJobRow(job);
}

void ManifestPanel::updateJobRow(DownloadJob *job)
{
    QTreeWidgetItem *item = itemForBlob(job->blob().name);
    if (!item)
        return;
    const qint64 total = job->bytesTotal();
    if (job->blob().sizeInBytes < 0 && total >= 0)
        item->setText(SizeColumn, sizeText(total));
    auto *bar = qobject_cast<QProgressBar *>(m_blobs->itemWidget(item, ProgressColumn));
    if (bar) {
        const bool done = job->state() == DownloadJob::State::Done;
        bar->setValue(done ? 1000 : total > 0 ? int(job->bytesReceived() * 1000 / total) : 0);
        QString text;
        if (job->state() == DownloadJob::State::Downloading) {
            text = total > 0 ? QStringLiteral("%1 %").arg(job->bytesReceived() * 100 / total)
                             : sizeText(job->bytesReceived());
            if (job->bytesPerSecond() > 0) {
                text += QStringLiteral(" · %1/s").arg(sizeText(qint64(job->bytesPerSecond())));
                if (total > 0)
                    text += tr(" · %1 left")
                                .arg(TimeText::duration(qint64((total - job->bytesReceived())
                                                               / job->bytesPerSecond())));
            }
        }
        bar->setFormat(text);
        bar->setTextVisible(!text.isEmpty());
    }
    item->setText(StatusColumn, stateText(job) + QLatin1String(": ") + job->message());
    item->setToolTip(StatusColumn, job->message());
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
        }
        const QString folder = m_downloads->folder(m_operation.id);
        m_totalText->setText(parts.join(QStringLiteral(" · "))
                             + (folder.isEmpty()
                                    ? QString()
                                    : tr("\nFolder: %1").arg(QDir::toNativeSeparators(folder))));
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

void ManifestPanel::updateButtons()
{
    const ManifestState state = m_loader->state(m_operation.id);
    const bool has = state.hasManifest() && !state.manifest.blobs.isEmpty();
    m_downloadAll->setEnabled(has);
    m_downloadSelected->setEnabled(has && !m_blobs->selectedItems().isEmpty());
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
        QSet<QString> selected;
        for (QTreeWidgetItem *item : m_blobs->selectedItems())
            selected.insert(item->data(NameColumn, BlobNameRole).toString());
        for (const ManifestBlob &blob : state.manifest.blobs) {
            if (selected.contains(blob.name))
                blobs.append(blob);
        }
    } else {
        blobs = state.manifest.blobs;
    }
    if (blobs.isEmpty())
        return;
    QSettings settings;
    const QString start = settings.value(QLatin1String(LastFolderKey), QDir::homePath()).toString();
    const QString folder = m_chooseFolder(this, start);
    if (folder.isEmpty())
        return; // the analyst closed the dialog
    settings.setValue(QLatin1String(LastFolderKey), folder);
    const QString problem = m_downloads->download(m_operation.id, state.manifest, blobs, folder);
    m_downloadError->setVisible(!problem.isEmpty());
    m_downloadError->setText(problem);
    updateTotals();
}

void ManifestPanel::cancelSelected()
{
    bool cancelledSome = false;
    const QList<DownloadJob *> jobs = m_downloads->jobs(m_operation.id);
    for (QTreeWidgetItem *item : m_blobs->selectedItems()) {
        for (DownloadJob *job : jobs) {
            if (job->blob().name == item->data(NameColumn, BlobNameRole).toString()
                && (job->isActive() || job->state() == DownloadJob::State::Queued)) {
                m_downloads->cancel(job->id());
                cancelledSome = true;
            }
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
    if (!folder.isEmpty())
        QDesktopServices::openUrl(QUrl::fromLocalFile(folder));
}

QString ManifestPanel::fieldText(const QString &field) const
{
    const QLabel *label = m_fields.value(field);
    if (const auto *elided = dynamic_cast<const ElidedLabel *>(label))
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
