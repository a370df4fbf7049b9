#pragma once

#include <QSortFilterProxyModel>

// Sorts the operations table and filters it two ways at once: by text in any column (the
// filter box) and by a quick filter on the state (All, Unfinished, Succeeded, Failed, With a
// problem).
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

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    StateFilter m_stateFilter = StateFilter::All;
};
