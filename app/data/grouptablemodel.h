#pragma once

#include "app/data/datasummary.h"

#include <QAbstractTableModel>

// A group-by as a table: one row per customer (or product, charge type, ...), with its
// row count and a total per currency. Sorting goes by the raw values of SortRole.
class GroupTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int SortRole = Qt::UserRole;
    enum Column { IdColumn, NameColumn, RowsColumn, FirstCurrencyColumn };

    explicit GroupTableModel(QObject *parent = nullptr);

    void setGroups(const QList<GroupTotals> &groups, const QStringList &currencies);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<GroupTotals> m_groups;
    QStringList m_currencies;
};
