#include "app/downloads/downloadjobmodel.h"

#include "app/downloads/downloadjobstyle.h"
#include "app/downloads/downloadmanager.h"

#include "models/sizetext.h"
#include "models/timetext.h"

#include <algorithm>

namespace {

// Names come from a server: control characters are shown, not obeyed.
QString printableName(const QString &name)
{
    QString shown;
    shown.reserve(name.size());
    for (const QChar c : name)
        shown += (c.unicode() < 0x20 || c.unicode() == 0x7f) ? QChar(0xFFFD) : c;
    return shown;
}

} // namespace

DownloadJobModel::DownloadJobModel(DownloadManager *downloads, QObject *parent)
    : QAbstractTableModel(parent)
    , m_downloads(downloads)
{
    connect(m_downloads, &DownloadManager::jobAdded, this, &DownloadJobModel::attach);
    connect(m_downloads, &DownloadManager::jobChanged, this, &DownloadJobModel::attach);
    connect(m_downloads, &DownloadManager::jobRemoved, this, &DownloadJobModel::detach);
    connect(m_downloads, &DownloadManager::progressed, this, &DownloadJobModel::onProgressed);
}

void DownloadJobModel::setFiles(const QString &operationId, const QList<ManifestBlob> &blobs)
{
    const bool sameNames = operationId == m_operationId && blobs.size() == m_rows.size()
        && std::equal(blobs.begin(), blobs.end(), m_rows.begin(),
                      [](const ManifestBlob &blob, const Row &row) {
                          return blob.name == row.blob.name;
                      });
    if (sameNames) {
        for (int row = 0; row < m_rows.size(); ++row) {
            const ManifestBlob &blob = blobs.at(row);
            Row &shown = m_rows[row];
            if (blob.partitionValue != shown.blob.partitionValue
                || blob.sizeInBytes != shown.blob.sizeInBytes) {
                shown.blob = blob;
                emitRowChanged(row);
            }
        }
        return;
    }
    if (!m_rows.isEmpty()) {
        beginRemoveRows({}, 0, int(m_rows.size()) - 1);
        m_rows.clear();
        m_rowByName.clear();
        m_rowByJobId.clear();
        endRemoveRows();
    }
    m_operationId = operationId;
    if (blobs.isEmpty())
        return;
    beginInsertRows({}, 0, int(blobs.size()) - 1);
    for (const ManifestBlob &blob : blobs) {
        // A name listed twice is one file on disk; the first row stands for it.
        if (!m_rowByName.contains(blob.name))
            m_rowByName.insert(blob.name, int(m_rows.size()));
        m_rows.append({blob, nullptr});
    }
    for (DownloadJob *job : m_downloads->jobs(operationId)) {
        const int row = m_rowByName.value(job->blob().name, -1);
        if (row >= 0) {
            m_rows[row].job = job;
            m_rowByJobId.insert(job->id(), row);
        }
    }
    endInsertRows();
}

void DownloadJobModel::attach(DownloadJob *job)
{
    if (job->operationId() != m_operationId)
        return;
    const int row = m_rowByName.value(job->blob().name, -1);
    if (row < 0)
        return;
    if (m_rows.at(row).job != job) {
        if (m_rows.at(row).job)
            m_rowByJobId.remove(m_rows.at(row).job->id());
        m_rows[row].job = job;
        m_rowByJobId.insert(job->id(), row);
    }
    emitRowChanged(row);
}

void DownloadJobModel::detach(int jobId)
{
    const auto found = m_rowByJobId.constFind(jobId);
    if (found == m_rowByJobId.constEnd())
        return;
    const int row = *found;
    m_rowByJobId.erase(found);
    m_rows[row].job = nullptr;
    emitRowChanged(row);
}

void DownloadJobModel::onProgressed()
{
    for (int row = 0; row < m_rows.size(); ++row) {
        const Row &shown = m_rows.at(row);
        if (!shown.job || !shown.job->isActive())
            continue;
        if (shown.job->bytesReceived() != shown.shownBytes
            || shown.job->bytesPerSecond() != shown.shownRate)
            emitRowChanged(row);
    }
}

void DownloadJobModel::emitRowChanged(int row)
{
    Row &changed = m_rows[row];
    changed.shownBytes = changed.job ? changed.job->bytesReceived() : -1;
    changed.shownRate = changed.job ? changed.job->bytesPerSecond() : -1;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int DownloadJobModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DownloadJobModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DownloadJobModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const DownloadJob *job = row.job;
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, index.column());
    case Qt::ToolTipRole:
        // The partition too: a narrow view hides its column.
        if (index.column() == NameColumn)
            return row.blob.partitionValue.isEmpty()
                ? printableName(row.blob.name)
                : tr("%1\nPartition: %2")
                      .arg(printableName(row.blob.name), row.blob.partitionValue);
        if (index.column() == StatusColumn && job)
            return job->message().isEmpty()
                ? statusText(row)
                : downloadStateText(job->state()) + QLatin1Char('\n') + job->message();
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case BlobNameRole:
        return row.blob.name;
    case StateRole:
        return job ? int(job->state()) : -1;
    case ProgressRole:
        return progressPermille(job);
    case JobIdRole:
        return job ? job->id() : -1;
    }
    return {};
}

QVariant DownloadJobModel::displayData(const Row &row, int column) const
{
    const DownloadJob *job = row.job;
    switch (column) {
    case NameColumn:
        return printableName(row.blob.name);
    case PartitionColumn:
        return row.blob.partitionValue;
    case SizeColumn: {
        const qint64 size
            = job && job->bytesTotal() >= 0 ? job->bytesTotal() : row.blob.sizeInBytes;
        return size >= 0 ? sizeText(size) : tr("—");
    }
    case ProgressColumn:
        if (!job || job->state() != DownloadJob::State::Downloading)
            return QString();
        return job->bytesTotal() > 0
            ? tr("%1 %").arg(job->bytesReceived() * 100 / job->bytesTotal())
            : sizeText(job->bytesReceived());
    case StatusColumn:
        return statusText(row);
    }
    return {};
}

QString DownloadJobModel::statusText(const Row &row) const
{
    const DownloadJob *job = row.job;
    if (!job)
        return QString();
    const QString state = downloadStateText(job->state());
    switch (job->state()) {
    case DownloadJob::State::Queued:
    case DownloadJob::State::Verifying:
        return state;
    case DownloadJob::State::Downloading: {
        if (job->bytesPerSecond() <= 0)
            return job->message(); // "Resuming after …", "Connection lost …; resuming…"
        QString text = tr("%1 · %2/s").arg(state, sizeText(qint64(job->bytesPerSecond())));
        if (job->bytesTotal() > 0)
            text = tr("%1 · %2 left")
                       .arg(text,
                            TimeText::duration(qint64((job->bytesTotal() - job->bytesReceived())
                                                      / job->bytesPerSecond())));
        return text;
    }
    case DownloadJob::State::Done:
    case DownloadJob::State::Failed:
    case DownloadJob::State::Corrupt:
    case DownloadJob::State::Cancelled:
        return job->message().isEmpty() ? state : tr("%1: %2").arg(state, job->message());
    }
    return state;
}

int DownloadJobModel::progressPermille(const DownloadJob *job) const
{
    if (!job || job->state() == DownloadJob::State::Corrupt
        || job->failure() == DownloadJob::Failure::UnsafeName)
        return -1; // nothing of it is on disk
    if (job->state() == DownloadJob::State::Done)
        return 1000;
    const qint64 total = job->bytesTotal();
    return total > 0 ? int(std::clamp<qint64>(job->bytesReceived() * 1000 / total, 0, 1000)) : 0;
}

QVariant DownloadJobModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case PartitionColumn:
        return tr("Partition");
    case SizeColumn:
        return tr("Size");
    case ProgressColumn:
        return tr("Progress");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}
