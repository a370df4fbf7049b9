#pragma once

#include <QAbstractProxyModel>
#include <QPointer>

#include <vector>

class OperationTableModel;

// Sorts the operations table and filters it two ways at once: by text in any column (the
// filter box) and by a quick filter on the state (All, Unfinished, Succeeded, Failed, With a
// problem). Rows sort by the table's SortRole; rows that sort alike keep the table's order,
// in either direction, as QSortFilterProxyModel's full sort leaves them.
//
// Our own proxy rather than a QSortFilterProxyModel, for big batches: given a dataChanged,
// QSortFilterProxyModel takes every row in its range out and sorts them all back in, so one
// wide signal over 100,000 rows costs 1.7 million virtual comparisons, and scattered narrow
// signals cost (signals x rows). Here the order is two plain vectors and a cached sort key
// per row: a change re-places only the rows whose key changed (sorting those, then merging
// them with the rest), in one layout change per batch, so a batch costs O(k log k + n).
// Inserted rows are appended and merged the same way; removed rows that are scattered in the
// sorted order are first gathered at the end by one layout change, so every source signal
// becomes at most two here, whatever its size.
//
// Columns that sort by a number are read straight from the table model, without a QVariant
// per row. That needs the table model below, through identity proxies only (rows there are
// the table's rows); otherwise keys are the SortRole values, compared as
// QSortFilterProxyModel compares them (text case-sensitively, not locale-aware).
class OperationFilterProxy final : public QAbstractProxyModel
{
    Q_OBJECT
public:
    enum class StateFilter { All, Unfinished, Succeeded, Failed, WithProblem };
    static constexpr StateFilter StateFilters[]
        = {StateFilter::All, StateFilter::Unfinished, StateFilter::Succeeded, StateFilter::Failed,
           StateFilter::WithProblem};
    static QString stateFilterName(StateFilter filter);

    explicit OperationFilterProxy(QObject *parent = nullptr);

    void setStateFilter(StateFilter filter);
    StateFilter stateFilter() const { return m_stateFilter; }
    // Shows only rows with this text, ignoring case, in any column.
    void setFilterFixedString(const QString &text);
    QString filterText() const { return m_filterText; }
    // Whether any row may be hidden: text typed or a quick filter other than All.
    bool isFiltering() const;

    // The role rows sort by: always the table's SortRole.
    int sortRole() const;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    // A column of -1 restores the table's order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setSourceModel(QAbstractItemModel *source) override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void findTable();
    void connectSource(QAbstractItemModel *source);
    bool acceptsRow(int sourceRow) const;
    bool isSorted() const { return m_sortColumn >= 0; }
    // Reads every row's key in the sort column; updateKey() one row's, saying if it changed.
    void refreshKeys();
    bool updateKey(int sourceRow);
    bool keyLess(int sourceRowA, int sourceRowB) const;
    // The proxy's order: by key in the sort order, then by source row.
    bool before(int sourceRowA, int sourceRowB) const;

    // Reads keys, filter and order from scratch, without signals.
    void rebuild();
    void rebuildSourceToProxy();
    // Moves to `order` (the same rows), in one layout change that carries persistent indexes.
    void changeOrder(std::vector<int> &&order);
    // Moves one proxy row, shifting those between, in one layout change.
    void moveRow(int from, int to);
    // Re-places the shown rows whose key changed (`moved`, source rows).
    void replace(std::vector<int> &&moved);
    void insertAccepted(std::vector<int> &&sourceRows);
    void removeProxyRows(std::vector<int> &&proxyRows);
    void refilter();

    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                       const QList<int> &roles);
    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void onRowsRemoved(const QModelIndex &parent, int first, int last);
    void onLayoutAboutToBeChanged();
    void onLayoutChanged();

    QPointer<OperationTableModel> m_table;
    QList<QMetaObject::Connection> m_sourceConnections;
    // Proxy row -> source row, and source row -> proxy row (-1 when filtered out).
    std::vector<int> m_proxyToSource;
    std::vector<int> m_sourceToProxy;
    // Source row -> its key in the sort column, kept for hidden rows too: a number read from
    // the table when the column sorts by one (m_numberKeys), else the SortRole value. Empty
    // when unsorted.
    std::vector<qint64> m_numbers;
    std::vector<QVariant> m_values;
    bool m_numberKeys = false;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    StateFilter m_stateFilter = StateFilter::All;
    QString m_filterText;
    // Between the source's layoutAboutToBeChanged and layoutChanged: our persistent indexes
    // and the source indexes they stood for.
    QModelIndexList m_layoutProxyIndexes;
    QList<QPersistentModelIndex> m_layoutSourceIndexes;
};
