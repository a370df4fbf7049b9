#include "operationsortproxy.h"

#include "models/operationtablemodel.h"

OperationSortProxy::OperationSortProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(OperationTableModel::SortRole);
    setFilterKeyColumn(-1);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}
