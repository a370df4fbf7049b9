#include "operationfilterproxy.h"

#include "models/operationstatus.h"
#include "models/operationtablemodel.h"

#include <QIdentityProxyModel>

QString OperationFilterProxy::stateFilterName(StateFilter filter)
{
    switch (filter) {
    case StateFilter::All:
        return tr("All");
    case StateFilter::Unfinished:
        return tr("Unfinished");
    case StateFilter::Succeeded:
        return tr("Succeeded");
    case StateFilter::Failed:
        return tr("Failed");
    case StateFilter::WithProblem:
        return tr("With a problem");
    }
    return {};
}

OperationFilterProxy::OperationFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(OperationTableModel::SortRole);
    connect(this, &QSortFilterProxyModel::sortRoleChanged, this,
            &OperationFilterProxy::updateNumberCompare);
    setFilterKeyColumn(-1);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void OperationFilterProxy::setStateFilter(StateFilter filter)
{
    if (filter == m_stateFilter)
        return;
    m_stateFilter = filter;
    invalidateRowsFilter();
}

bool OperationFilterProxy::isFiltering() const
{
    return m_stateFilter != StateFilter::All || !filterRegularExpression().pattern().isEmpty();
}

bool OperationFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_stateFilter != StateFilter::All) {
        const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
        const auto status = OperationStatus(index.data(OperationTableModel::StatusRole).toInt());
        bool accepted = true;
        switch (m_stateFilter) {
        case StateFilter::All:
            break;
        case StateFilter::Unfinished:
            accepted = !isTerminal(status);
            break;
        case StateFilter::Succeeded:
            accepted = status == OperationStatus::Succeeded;
            break;
        case StateFilter::Failed:
            accepted = status == OperationStatus::Failed;
            break;
        case StateFilter::WithProblem:
            accepted = index.data(OperationTableModel::HasProblemRole).toBool();
            break;
        }
        if (!accepted)
            return false;
    }
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

void OperationFilterProxy::setSourceModel(QAbstractItemModel *source)
{
    QSortFilterProxyModel::setSourceModel(source);
    // An identity proxy below may get its own source later.
    for (auto *proxy = qobject_cast<QIdentityProxyModel *>(source); proxy;
         proxy = qobject_cast<QIdentityProxyModel *>(proxy->sourceModel())) {
        connect(proxy, &QAbstractProxyModel::sourceModelChanged, this,
                &OperationFilterProxy::findTable, Qt::UniqueConnection);
    }
    findTable();
}

void OperationFilterProxy::findTable()
{
    QAbstractItemModel *model = sourceModel();
    while (auto *proxy = qobject_cast<QIdentityProxyModel *>(model))
        model = proxy->sourceModel();
    m_table = qobject_cast<OperationTableModel *>(model);
    updateNumberCompare();
}

void OperationFilterProxy::updateNumberCompare()
{
    m_compareNumbers = m_table && sortRole() == OperationTableModel::SortRole;
}

bool OperationFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_compareNumbers) {
        if (const OperationTableModel *table = m_table.data()) {
            const std::optional<qint64> a = table->sortNumber(left.row(), left.column());
            const std::optional<qint64> b = table->sortNumber(right.row(), right.column());
            if (a && b)
                return *a < *b;
        }
    }
    return QSortFilterProxyModel::lessThan(left, right);
}
