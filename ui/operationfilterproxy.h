#pragma once

#include <QPointer>
#include <QSortFilterProxyModel>

class OperationTableModel;

// Sorts the operations table and filters it two ways at once: by text in any column (the
// filter box) and by a quick filter on the state (All, Unfinished, Succeeded, Failed, With a
// problem).
//
// Columns that sort by a number are compared straight from the table model, without a
// QVariant per comparison, so re-sorting 100,000 rows after a big batch reads a compact list.
// That needs the table model below, through identity proxies only (rows there are the
// table's rows); otherwise rows compare as usual.
class OperationFilterProxy final : public QSortFilterProxyModel
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
    // Whether any row may be hidden: text typed or a quick filter other than All.
    bool isFiltering() const;

    void setSourceModel(QAbstractItemModel *source) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void findTable();
    void updateNumberCompare();

    QPointer<OperationTableModel> m_table;
    // Whether lessThan() may read the table's sort numbers: the table is found and the sort
    // role is its SortRole. Kept here because reading the sortRole property costs more than
    // the comparison itself, which runs millions of times in one re-sort.
    bool m_compareNumbers = false;
    StateFilter m_stateFilter = StateFilter::All;
};
