#pragma once

#include <QSortFilterProxyModel>

// How the operation table sorts and filters: by the raw value each column sorts on
// (OperationTableModel::SortRole), filtered on every column without regard to case, and
// kept in order while rows change under it.
class OperationSortProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit OperationSortProxy(QObject *parent = nullptr);
};
