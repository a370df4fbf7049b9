#pragma once

#include "app/downloads/downloadjob.h"

#include "models/manifest.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QPointer>

class DownloadManager;

// The files of one operation's manifest, one row each, with the state of their download.
// Rows come from the manifest, so a file shows before it is downloaded; the jobs of the
// DownloadManager are laid over them by blob name. Every change is one dataChanged scoped
// to that file's row (progress ticks only for the rows whose bytes moved), rows are found
// through an index rather than a search, and showing another operation removes and inserts
// rows instead of resetting, so a view keeps its header and scroll state.
class DownloadJobModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DownloadJobModel)

public:
    enum Column {
        NameColumn,
        PartitionColumn,
        SizeColumn,
        ProgressColumn,
        StatusColumn,
        ColumnCount
    };
    enum Role {
        BlobNameRole = Qt::UserRole + 1, // QString, the name exactly as the manifest has it
        StateRole, // int(DownloadJob::State), or -1 before the file's first download
        ProgressRole, // int 0..1000, or -1 when there is nothing to show
        JobIdRole, // int, or -1
    };

    explicit DownloadJobModel(DownloadManager *downloads, QObject *parent = nullptr);

    // Shows these files of that operation. The same operation with the same names keeps its
    // rows (sizes are refreshed); anything else replaces them.
    void setFiles(const QString &operationId, const QList<ManifestBlob> &blobs);
    void clear() { setFiles({}, {}); }
    QString operationId() const { return m_operationId; }

    int rowOf(const QString &blobName) const { return m_rowByName.value(blobName, -1); }
    DownloadJob *jobAt(int row) const { return m_rows.at(row).job; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        ManifestBlob blob;
        QPointer<DownloadJob> job;
        // What the progress columns last showed, so a tick that moved nothing is not sent.
        qint64 shownBytes = -1;
        double shownRate = -1;
    };

    void attach(DownloadJob *job);
    void detach(int jobId);
    void onProgressed();
    void emitRowChanged(int row);
    QVariant displayData(const Row &row, int column) const;
    QString statusText(const Row &row) const;
    int progressPermille(const DownloadJob *job) const;

    DownloadManager *m_downloads;
    QString m_operationId;
    QList<Row> m_rows;
    QHash<QString, int> m_rowByName;
    QHash<int, int> m_rowByJobId;
};
