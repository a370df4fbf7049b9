#include "tablesnapshot.h"

#include "models/operationtablemodel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QTableView>

#include <algorithm>

namespace {

TableSnapshot::Kind kindOf(int column)
{
    switch (column) {
    case OperationTableModel::CreatedColumn:
    case OperationTableModel::LastActionColumn:
    case OperationTableModel::LastCheckedColumn:
        return TableSnapshot::Kind::Time;
    case OperationTableModel::AgeColumn:
        return TableSnapshot::Kind::Duration;
    default:
        return TableSnapshot::Kind::Text;
    }
}

QVariant valueOf(const QModelIndex &index, TableSnapshot::Kind kind)
{
    const QString shown = index.data(Qt::DisplayRole).toString();
    if (kind == TableSnapshot::Kind::Text)
        return shown;
    if (shown.isEmpty()) // not known yet: an empty cell, not the epoch or zero
        return {};
    const qint64 raw = index.data(OperationTableModel::SortRole).toLongLong();
    if (kind == TableSnapshot::Kind::Time)
        return QDateTime::fromMSecsSinceEpoch(raw, Qt::UTC);
    return raw;
}

} // namespace

TableSnapshot snapshotOf(const QTableView *view, bool selectedRowsOnly)
{
    const QAbstractItemModel *model = view->model();
    const QHeaderView *header = view->horizontalHeader();
    QList<int> columns;
    TableSnapshot table;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        if (header->isSectionHidden(column))
            continue;
        columns << column;
        table.columns.append(TableSnapshot::Column {
            model->headerData(column, Qt::Horizontal).toString(), kindOf(column)});
    }
    QList<int> rows;
    if (selectedRowsOnly) {
        const QModelIndexList selected = view->selectionModel()->selectedRows();
        for (const QModelIndex &index : selected)
            rows << index.row();
        std::sort(rows.begin(), rows.end());
    } else {
        rows.reserve(model->rowCount());
        for (int row = 0; row < model->rowCount(); ++row)
            rows << row;
    }
    table.rows.reserve(rows.size());
    for (int row : rows) {
        QVariantList values;
        values.reserve(columns.size());
        for (int c = 0; c < columns.size(); ++c)
            values << valueOf(model->index(row, columns.at(c)), table.columns.at(c).kind);
        table.rows << values;
    }
    return table;
}
