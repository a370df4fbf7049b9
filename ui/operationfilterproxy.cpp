#include "operationfilterproxy.h"

#include "models/operationstatus.h"
#include "models/operationtablemodel.h"

#include <QIdentityProxyModel>

#include <algorithm>

namespace {

// QSortFilterProxyModel's comparison of two sort values with its defaults: text
// case-sensitively and not locale-aware, anything else by QVariant::compare(); an invalid
// value sorts last.
bool variantLess(const QVariant &left, const QVariant &right)
{
    if (!left.isValid())
        return false;
    if (!right.isValid())
        return true;
    if (left.userType() == QMetaType::QString)
        return left.toString().compare(right.toString(), Qt::CaseSensitive) < 0;
    return QVariant::compare(left, right) == QPartialOrdering::Less;
}

} // namespace

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
    : QAbstractProxyModel(parent)
{ }

void OperationFilterProxy::setStateFilter(StateFilter filter)
{
    if (filter == m_stateFilter)
        return;
    m_stateFilter = filter;
    refilter();
}

void OperationFilterProxy::setFilterFixedString(const QString &text)
{
    if (text == m_filterText)
        return;
    m_filterText = text;
    refilter();
}

bool OperationFilterProxy::isFiltering() const
{
    return m_stateFilter != StateFilter::All || !m_filterText.isEmpty();
}

int OperationFilterProxy::sortRole() const
{
    return OperationTableModel::SortRole;
}

bool OperationFilterProxy::acceptsRow(int sourceRow) const
{
    const QAbstractItemModel *source = sourceModel();
    if (m_stateFilter != StateFilter::All) {
        const QModelIndex index = source->index(sourceRow, 0);
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
    if (m_filterText.isEmpty())
        return true;
    const int columns = source->columnCount();
    for (int column = 0; column < columns; ++column) {
        if (source->index(sourceRow, column)
                .data()
                .toString()
                .contains(m_filterText, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

void OperationFilterProxy::setSourceModel(QAbstractItemModel *source)
{
    beginResetModel();
    for (const QMetaObject::Connection &connection : std::as_const(m_sourceConnections))
        disconnect(connection);
    m_sourceConnections.clear();
    QAbstractProxyModel::setSourceModel(source);
    if (source)
        connectSource(source);
    // An identity proxy below may get its own source later.
    for (auto *proxy = qobject_cast<QIdentityProxyModel *>(source); proxy;
         proxy = qobject_cast<QIdentityProxyModel *>(proxy->sourceModel())) {
        connect(proxy, &QAbstractProxyModel::sourceModelChanged, this,
                &OperationFilterProxy::findTable, Qt::UniqueConnection);
    }
    findTable();
    rebuild();
    endResetModel();
}

// Called inside the reset an identity proxy below makes when it changes source, so the
// rebuild at the end of that reset reads keys from the right place.
void OperationFilterProxy::findTable()
{
    QAbstractItemModel *model = sourceModel();
    while (auto *proxy = qobject_cast<QIdentityProxyModel *>(model))
        model = proxy->sourceModel();
    m_table = qobject_cast<OperationTableModel *>(model);
}

void OperationFilterProxy::connectSource(QAbstractItemModel *source)
{
    auto &c = m_sourceConnections;
    c << connect(source, &QAbstractItemModel::dataChanged, this,
                 &OperationFilterProxy::onDataChanged);
    c << connect(source, &QAbstractItemModel::headerDataChanged, this,
                 [this](Qt::Orientation orientation, int first, int last) {
                     if (orientation == Qt::Horizontal)
                         emit headerDataChanged(orientation, first, last);
                     else if (rowCount() > 0)
                         emit headerDataChanged(orientation, 0, rowCount() - 1);
                 });
    c << connect(source, &QAbstractItemModel::rowsInserted, this,
                 &OperationFilterProxy::onRowsInserted);
    c << connect(source, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                 &OperationFilterProxy::onRowsAboutToBeRemoved);
    c << connect(source, &QAbstractItemModel::rowsRemoved, this,
                 &OperationFilterProxy::onRowsRemoved);
    c << connect(source, &QAbstractItemModel::layoutAboutToBeChanged, this,
                 &OperationFilterProxy::onLayoutAboutToBeChanged);
    c << connect(source, &QAbstractItemModel::layoutChanged, this,
                 &OperationFilterProxy::onLayoutChanged);
    // Without a signal, as QSortFilterProxyModel does (QAbstractProxyModel has already
    // invalidated the persistent indexes): a source usually goes with its window, and the
    // window's slots must not run while it is being destroyed.
    c << connect(source, &QObject::destroyed, this, [this] {
        m_proxyToSource.clear();
        m_sourceToProxy.clear();
        m_numbers.clear();
        m_values.clear();
    });
    // A flat table never does these; should a source do them, start over.
    const auto begin = [this] {
        beginResetModel();
    };
    const auto end = [this] {
        rebuild();
        endResetModel();
    };
    c << connect(source, &QAbstractItemModel::modelAboutToBeReset, this, begin);
    c << connect(source, &QAbstractItemModel::modelReset, this, end);
    c << connect(source, &QAbstractItemModel::rowsAboutToBeMoved, this, begin);
    c << connect(source, &QAbstractItemModel::rowsMoved, this, end);
    c << connect(source, &QAbstractItemModel::columnsAboutToBeInserted, this, begin);
    c << connect(source, &QAbstractItemModel::columnsInserted, this, end);
    c << connect(source, &QAbstractItemModel::columnsAboutToBeRemoved, this, begin);
    c << connect(source, &QAbstractItemModel::columnsRemoved, this, end);
    c << connect(source, &QAbstractItemModel::columnsAboutToBeMoved, this, begin);
    c << connect(source, &QAbstractItemModel::columnsMoved, this, end);
}

QModelIndex OperationFilterProxy::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || !sourceModel())
        return {};
    return sourceModel()->index(m_proxyToSource.at(size_t(proxyIndex.row())), proxyIndex.column());
}

QModelIndex OperationFilterProxy::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.model() != sourceModel()
        || sourceIndex.parent().isValid() || size_t(sourceIndex.row()) >= m_sourceToProxy.size())
        return {};
    const int row = m_sourceToProxy[size_t(sourceIndex.row())];
    return row < 0 ? QModelIndex() : createIndex(row, sourceIndex.column());
}

QModelIndex OperationFilterProxy::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex OperationFilterProxy::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex OperationFilterProxy::sibling(int row, int column, const QModelIndex &index) const
{
    return index.isValid() ? this->index(row, column) : QModelIndex();
}

int OperationFilterProxy::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_proxyToSource.size());
}

int OperationFilterProxy::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !sourceModel() ? 0 : sourceModel()->columnCount();
}

bool OperationFilterProxy::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0 && columnCount(parent) > 0;
}

QVariant OperationFilterProxy::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!sourceModel())
        return {};
    // The columns are the source's; a row's header is that of the source row it shows.
    if (orientation == Qt::Horizontal)
        return sourceModel()->headerData(section, orientation, role);
    if (section < 0 || section >= rowCount())
        return {};
    return sourceModel()->headerData(m_proxyToSource[size_t(section)], orientation, role);
}

void OperationFilterProxy::sort(int column, Qt::SortOrder order)
{
    if (!sourceModel() || column >= sourceModel()->columnCount())
        column = -1;
    if (column < 0)
        order = Qt::AscendingOrder;
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    refreshKeys();
    std::vector<int> sorted = m_proxyToSource;
    std::sort(sorted.begin(), sorted.end(), [this](int a, int b) { return before(a, b); });
    changeOrder(std::move(sorted));
}

void OperationFilterProxy::refreshKeys()
{
    const int rows = sourceModel() ? sourceModel()->rowCount() : 0;
    m_numberKeys = isSorted() && m_table && OperationTableModel::sortsByNumber(m_sortColumn);
    m_numbers.clear();
    m_values.clear();
    if (!isSorted())
        return;
    if (m_numberKeys) {
        m_numbers.resize(size_t(rows));
        for (int row = 0; row < rows; ++row)
            m_numbers[size_t(row)] = m_table->sortNumber(row, m_sortColumn).value_or(0);
    } else {
        m_values.resize(size_t(rows));
        for (int row = 0; row < rows; ++row)
            m_values[size_t(row)] = sourceModel()->index(row, m_sortColumn).data(sortRole());
    }
}

bool OperationFilterProxy::updateKey(int sourceRow)
{
    const auto row = size_t(sourceRow);
    if (m_numberKeys) {
        const qint64 number = m_table->sortNumber(sourceRow, m_sortColumn).value_or(0);
        const bool changed = number != m_numbers[row];
        m_numbers[row] = number;
        return changed;
    }
    QVariant value = sourceModel()->index(sourceRow, m_sortColumn).data(sortRole());
    const bool changed = variantLess(value, m_values[row]) || variantLess(m_values[row], value);
    m_values[row] = std::move(value);
    return changed;
}

bool OperationFilterProxy::keyLess(int a, int b) const
{
    if (m_numberKeys)
        return m_numbers[size_t(a)] < m_numbers[size_t(b)];
    return variantLess(m_values[size_t(a)], m_values[size_t(b)]);
}

bool OperationFilterProxy::before(int a, int b) const
{
    if (isSorted()) {
        const bool ascending = m_sortOrder == Qt::AscendingOrder;
        if (keyLess(a, b))
            return ascending;
        if (keyLess(b, a))
            return !ascending;
    }
    return a < b;
}

void OperationFilterProxy::rebuild()
{
    refreshKeys();
    m_proxyToSource.clear();
    const int rows = sourceModel() ? sourceModel()->rowCount() : 0;
    m_proxyToSource.reserve(size_t(rows));
    for (int row = 0; row < rows; ++row) {
        if (acceptsRow(row))
            m_proxyToSource.push_back(row);
    }
    if (isSorted()) {
        std::sort(m_proxyToSource.begin(), m_proxyToSource.end(),
                  [this](int a, int b) { return before(a, b); });
    }
    rebuildSourceToProxy();
}

void OperationFilterProxy::rebuildSourceToProxy()
{
    m_sourceToProxy.assign(size_t(sourceModel() ? sourceModel()->rowCount() : 0), -1);
    for (size_t proxyRow = 0; proxyRow < m_proxyToSource.size(); ++proxyRow)
        m_sourceToProxy[size_t(m_proxyToSource[proxyRow])] = int(proxyRow);
}

void OperationFilterProxy::changeOrder(std::vector<int> &&order)
{
    if (order == m_proxyToSource)
        return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    // Views make their persistent indexes (selection, current row) in the signal above.
    const QModelIndexList from = persistentIndexList();
    const std::vector<int> oldOrder = std::exchange(m_proxyToSource, std::move(order));
    rebuildSourceToProxy();
    QModelIndexList to;
    to.reserve(from.size());
    for (const QModelIndex &index : from) {
        const int sourceRow = oldOrder[size_t(index.row())];
        to.append(createIndex(m_sourceToProxy[size_t(sourceRow)], index.column()));
    }
    changePersistentIndexList(from, to);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void OperationFilterProxy::moveRow(int from, int to)
{
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    const auto begin = m_proxyToSource.begin();
    if (from < to)
        std::rotate(begin + from, begin + from + 1, begin + to + 1);
    else
        std::rotate(begin + to, begin + from, begin + from + 1);
    const int low = std::min(from, to);
    const int high = std::max(from, to);
    for (int row = low; row <= high; ++row)
        m_sourceToProxy[size_t(m_proxyToSource[size_t(row)])] = row;
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex &index : before) {
        int row = index.row();
        if (row == from)
            row = to;
        else if (row >= low && row <= high)
            row += from < to ? -1 : 1;
        after.append(createIndex(row, index.column()));
    }
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void OperationFilterProxy::replace(std::vector<int> &&moved)
{
    if (moved.empty())
        return;
    const auto less = [this](int a, int b) {
        return before(a, b);
    };
    if (moved.size() == 1) {
        // One row (a row-scoped signal): it goes where a binary search among the others puts
        // it, and only the rows it passes shift.
        const int row = moved.front();
        const int from = m_sourceToProxy[size_t(row)];
        const auto begin = m_proxyToSource.begin();
        if (from > 0 && less(row, m_proxyToSource[size_t(from - 1)]))
            moveRow(from, int(std::lower_bound(begin, begin + from, row, less) - begin));
        else if (from + 1 < rowCount() && less(m_proxyToSource[size_t(from + 1)], row))
            moveRow(
                from,
                int(std::lower_bound(begin + from + 1, m_proxyToSource.end(), row, less) - begin)
                    - 1);
        return;
    }
    // Keys that all moved alike (every age on a clock tick) leave the order as it is.
    if (std::is_sorted(m_proxyToSource.begin(), m_proxyToSource.end(), less))
        return;
    // The other rows keep their keys, so they stay in order among themselves: take the
    // moved ones out, sort them, and merge.
    std::vector<char> isMoved(m_sourceToProxy.size(), 0);
    for (const int row : moved)
        isMoved[size_t(row)] = 1;
    std::vector<int> remaining;
    remaining.reserve(m_proxyToSource.size() - moved.size());
    for (const int row : m_proxyToSource) {
        if (!isMoved[size_t(row)])
            remaining.push_back(row);
    }
    std::sort(moved.begin(), moved.end(), less);
    std::vector<int> order(m_proxyToSource.size());
    std::merge(remaining.begin(), remaining.end(), moved.begin(), moved.end(), order.begin(), less);
    changeOrder(std::move(order));
}

void OperationFilterProxy::insertAccepted(std::vector<int> &&sourceRows)
{
    if (sourceRows.empty())
        return;
    const auto less = [this](int a, int b) {
        return before(a, b);
    };
    std::sort(sourceRows.begin(), sourceRows.end(), less);
    const int shown = rowCount();
    const int count = int(sourceRows.size());
    std::vector<int> order(m_proxyToSource.size() + sourceRows.size());
    std::merge(m_proxyToSource.begin(), m_proxyToSource.end(), sourceRows.begin(), sourceRows.end(),
               order.begin(), less);
    // Where the new rows land together (at the end of the table's order, most often), they
    // are inserted there; scattered, they are appended and then moved into place, so a big
    // insertion is two signals, not one per place.
    const auto first = std::find(order.begin(), order.end(), sourceRows.front());
    const int at = int(first - order.begin());
    const bool together = std::equal(sourceRows.begin(), sourceRows.end(), first);
    beginInsertRows({}, together ? at : shown, (together ? at : shown) + count - 1);
    if (together) {
        m_proxyToSource = std::move(order);
    } else {
        m_proxyToSource.insert(m_proxyToSource.end(), sourceRows.begin(), sourceRows.end());
    }
    rebuildSourceToProxy();
    endInsertRows();
    if (!together)
        changeOrder(std::move(order));
}

void OperationFilterProxy::removeProxyRows(std::vector<int> &&proxyRows)
{
    if (proxyRows.empty())
        return;
    std::sort(proxyRows.begin(), proxyRows.end());
    const int count = int(proxyRows.size());
    int first = proxyRows.front();
    if (proxyRows.back() - first + 1 != count) {
        // Scattered: gathered at the end first (keeping their order), then removed at once.
        std::vector<char> leaving(m_proxyToSource.size(), 0);
        for (const int row : proxyRows)
            leaving[size_t(row)] = 1;
        std::vector<int> order;
        order.reserve(m_proxyToSource.size());
        for (size_t row = 0; row < m_proxyToSource.size(); ++row) {
            if (!leaving[row])
                order.push_back(m_proxyToSource[row]);
        }
        for (const int row : proxyRows)
            order.push_back(m_proxyToSource[size_t(row)]);
        changeOrder(std::move(order));
        first = rowCount() - count;
    }
    beginRemoveRows({}, first, first + count - 1);
    m_proxyToSource.erase(m_proxyToSource.begin() + first, m_proxyToSource.begin() + first + count);
    rebuildSourceToProxy();
    endRemoveRows();
}

void OperationFilterProxy::refilter()
{
    if (!sourceModel())
        return;
    std::vector<int> leaving;
    std::vector<int> entering;
    for (size_t row = 0; row < m_sourceToProxy.size(); ++row) {
        const bool accepted = acceptsRow(int(row));
        if (m_sourceToProxy[row] >= 0 && !accepted)
            leaving.push_back(m_sourceToProxy[row]);
        else if (m_sourceToProxy[row] < 0 && accepted)
            entering.push_back(int(row));
    }
    removeProxyRows(std::move(leaving));
    insertAccepted(std::move(entering));
}

void OperationFilterProxy::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                         const QList<int> &roles)
{
    if (!topLeft.isValid() || !bottomRight.isValid() || topLeft.parent().isValid())
        return;
    const int first = topLeft.row();
    const int last = bottomRight.row();
    std::vector<int> moved;
    if (isSorted() && topLeft.column() <= m_sortColumn && m_sortColumn <= bottomRight.column()) {
        for (int row = first; row <= last; ++row) {
            if (updateKey(row) && m_sourceToProxy[size_t(row)] >= 0)
                moved.push_back(row);
        }
    }
    std::vector<int> leaving;
    std::vector<int> entering;
    if (isFiltering()) {
        for (int row = first; row <= last; ++row) {
            const int proxyRow = m_sourceToProxy[size_t(row)];
            const bool accepted = acceptsRow(row);
            if (proxyRow >= 0 && !accepted)
                leaving.push_back(proxyRow);
            else if (proxyRow < 0 && accepted)
                entering.push_back(row);
        }
    }
    if (!leaving.empty()) {
        for (const int proxyRow : leaving)
            m_sourceToProxy[size_t(m_proxyToSource[size_t(proxyRow)])] = -2;
        moved.erase(std::remove_if(moved.begin(), moved.end(),
                                   [this](int row) { return m_sourceToProxy[size_t(row)] == -2; }),
                    moved.end());
        removeProxyRows(std::move(leaving));
    }
    replace(std::move(moved));
    insertAccepted(std::move(entering));

    int top = rowCount();
    int bottom = -1;
    for (int row = first; row <= last; ++row) {
        const int proxyRow = m_sourceToProxy[size_t(row)];
        if (proxyRow >= 0) {
            top = std::min(top, proxyRow);
            bottom = std::max(bottom, proxyRow);
        }
    }
    if (bottom >= 0)
        emit dataChanged(index(top, topLeft.column()), index(bottom, bottomRight.column()), roles);
}

void OperationFilterProxy::onRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    const int count = last - first + 1;
    for (int &row : m_proxyToSource) {
        if (row >= first)
            row += count;
    }
    m_sourceToProxy.insert(m_sourceToProxy.begin() + first, size_t(count), -1);
    if (m_numberKeys)
        m_numbers.insert(m_numbers.begin() + first, size_t(count), 0);
    else if (isSorted())
        m_values.insert(m_values.begin() + first, size_t(count), QVariant());
    std::vector<int> accepted;
    for (int row = first; row <= last; ++row) {
        if (isSorted())
            updateKey(row);
        if (acceptsRow(row))
            accepted.push_back(row);
    }
    insertAccepted(std::move(accepted));
}

void OperationFilterProxy::onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    std::vector<int> proxyRows;
    for (int row = first; row <= last; ++row) {
        if (const int proxyRow = m_sourceToProxy[size_t(row)]; proxyRow >= 0)
            proxyRows.push_back(proxyRow);
    }
    removeProxyRows(std::move(proxyRows));
}

void OperationFilterProxy::onRowsRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    const int count = last - first + 1;
    for (int &row : m_proxyToSource) {
        if (row > last)
            row -= count;
    }
    m_sourceToProxy.erase(m_sourceToProxy.begin() + first, m_sourceToProxy.begin() + last + 1);
    if (m_numberKeys)
        m_numbers.erase(m_numbers.begin() + first, m_numbers.begin() + last + 1);
    else if (isSorted())
        m_values.erase(m_values.begin() + first, m_values.begin() + last + 1);
}

void OperationFilterProxy::onLayoutAboutToBeChanged()
{
    emit layoutAboutToBeChanged();
    m_layoutProxyIndexes = persistentIndexList();
    m_layoutSourceIndexes.clear();
    m_layoutSourceIndexes.reserve(m_layoutProxyIndexes.size());
    for (const QModelIndex &index : std::as_const(m_layoutProxyIndexes))
        m_layoutSourceIndexes.append(mapToSource(index));
}

void OperationFilterProxy::onLayoutChanged()
{
    rebuild();
    QModelIndexList to;
    to.reserve(m_layoutSourceIndexes.size());
    for (const QPersistentModelIndex &source : std::as_const(m_layoutSourceIndexes))
        to.append(mapFromSource(source));
    changePersistentIndexList(m_layoutProxyIndexes, to);
    m_layoutProxyIndexes.clear();
    m_layoutSourceIndexes.clear();
    emit layoutChanged();
}
