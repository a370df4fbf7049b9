#include "operationsortproxy.h"

#include "models/operationtablemodel.h"

#include <QIdentityProxyModel>

OperationSortProxy::OperationSortProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(OperationTableModel::SortRole);
    setFilterKeyColumn(-1);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void OperationSortProxy::setSourceModel(QAbstractItemModel *source)
{
    QSortFilterProxyModel::setSourceModel(source);
    // An identity proxy below may get its own source later.
    for (auto *proxy = qobject_cast<QIdentityProxyModel *>(source); proxy;
         proxy = qobject_cast<QIdentityProxyModel *>(proxy->sourceModel())) {
        connect(proxy, &QAbstractProxyModel::sourceModelChanged, this,
                &OperationSortProxy::findTable, Qt::UniqueConnection);
    }
    findTable();
}

void OperationSortProxy::findTable()
{
    QAbstractItemModel *model = sourceModel();
    while (auto *proxy = qobject_cast<QIdentityProxyModel *>(model))
        model = proxy->sourceModel();
    m_table = qobject_cast<OperationTableModel *>(model);
}

bool OperationSortProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_table && sortRole() == OperationTableModel::SortRole) {
        const std::optional<qint64> a = m_table->sortNumber(left.row(), left.column());
        const std::optional<qint64> b = m_table->sortNumber(right.row(), right.column());
        if (a && b)
            return *a < *b;
    }
    return QSortFilterProxyModel::lessThan(left, right);
}
