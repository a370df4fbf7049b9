#include "operationstyleproxy.h"

#include "models/operationtablemodel.h"
#include "statuscolours.h"
#include "statusicons.h"

#include <QGuiApplication>

OperationStyleProxy::OperationStyleProxy(QObject *parent)
    : QIdentityProxyModel(parent)
    , m_palette(QGuiApplication::palette())
{
    rebuildColours();
}

void OperationStyleProxy::setPalette(const QPalette &palette)
{
    if (palette == m_palette)
        return;
    m_palette = palette;
    rebuildColours();
    if (rowCount() > 0) {
        // Only the looks change: nothing moves, so a sort proxy above has nothing to re-sort.
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1),
                         {Qt::BackgroundRole, Qt::ForegroundRole, Qt::DecorationRole});
    }
}

// The filter proxy above asks for an index of every cell when it filters by text, and the
// identity proxy's own index() maps the parent down, asks the source and maps the answer
// back up: for a flat table, most of what filtering 100,000 rows costs.
QModelIndex OperationStyleProxy::index(int row, int column, const QModelIndex &parent) const
{
    const QAbstractItemModel *source = m_flatSource.data();
    if (!source)
        return QIdentityProxyModel::index(row, column, parent);
    if (parent.isValid() || row < 0 || column < 0 || row >= source->rowCount()
        || column >= source->columnCount())
        return {};
    return createIndex(row, column);
}

void OperationStyleProxy::setSourceModel(QAbstractItemModel *source)
{
    m_flatSource = qobject_cast<QAbstractTableModel *>(source);
    QIdentityProxyModel::setSourceModel(source);
}

void OperationStyleProxy::rebuildColours()
{
    for (int i = 0; i < StatusCount; ++i) {
        const auto status = OperationStatus(i);
        m_backgrounds[i] = StatusColours::background(status, m_palette);
        m_foregrounds[i] = StatusColours::foreground(status, m_palette);
    }
}

OperationStatus OperationStyleProxy::displayedStatus(const QModelIndex &sourceIndex,
                                                     bool *checked) const
{
    const auto status
        = OperationStatus(sourceIndex.siblingAtColumn(OperationTableModel::StatusColumn)
                              .data(OperationTableModel::StatusRole)
                              .toInt());
    // A row that has no answer yet has no status to colour: the model reports Unknown for
    // it, which would read as "Graph said something odd".
    *checked = sourceIndex.data(OperationTableModel::HasKnownStatusRole).toBool();
    return status;
}

QVariant OperationStyleProxy::data(const QModelIndex &index, int role) const
{
    if (role != Qt::BackgroundRole && role != Qt::ForegroundRole && role != Qt::DecorationRole)
        return QIdentityProxyModel::data(index, role);
    if (!index.isValid())
        return {};
    const QModelIndex source = mapToSource(index);
    bool checked = true;
    const OperationStatus status = displayedStatus(source, &checked);
    const bool isStatusColumn = index.column() == OperationTableModel::StatusColumn;

    switch (role) {
    case Qt::BackgroundRole:
        if (!checked)
            return {};
        return m_backgrounds.at(int(status));
    case Qt::ForegroundRole:
        if (!checked || !isStatusColumn)
            return {};
        return m_foregrounds.at(int(status));
    case Qt::DecorationRole:
        if (!isStatusColumn)
            return {};
        return StatusIcons::icon(checked ? status : OperationStatus::NotStarted,
                                 source.data(OperationTableModel::HasProblemRole).toBool(),
                                 m_palette);
    }
    return {};
}
