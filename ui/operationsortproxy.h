#pragma once

#include <QPointer>
#include <QSortFilterProxyModel>

class OperationTableModel;

// How the operation table sorts and filters: by the raw value each column sorts on
// (OperationTableModel::SortRole), filtered on every column without regard to case, and
// kept in order while rows change under it.
//
// Columns that sort by a number are compared straight from the table model, without a
// QVariant per comparison: re-sorting 100,000 rows after a big batch then takes
// milliseconds instead of a tenth of a second. That needs the table model below, through
// identity proxies only (rows there are the table's rows); otherwise rows compare as usual.
class OperationSortProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit OperationSortProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *source) override;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void findTable();

    QPointer<OperationTableModel> m_table;
};
