#include "app/data/grouptablemodel.h"

#include <QLocale>

GroupTableModel::GroupTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void GroupTableModel::setGroups(const QList<GroupTotals> &groups, const QStringList &currencies)
{
    beginResetModel();
    m_groups = groups;
    m_currencies = currencies;
    endResetModel();
}

void GroupTableModel::clear()
{
    setGroups({}, {});
}

int GroupTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_groups.size());
}

int GroupTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FirstCurrencyColumn + int(m_currencies.size());
}

QVariant GroupTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const GroupTotals &group = m_groups.at(index.row());
    const int column = index.column();
    if (role == Qt::TextAlignmentRole)
        return column >= RowsColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (role != Qt::DisplayRole && role != SortRole && role != Qt::ToolTipRole)
        return {};
    switch (column) {
    case IdColumn:
        return group.id.isEmpty() && role == Qt::DisplayRole ? tr("(none)") : group.id;
    case NameColumn:
        return group.name;
    case RowsColumn:
        return role == SortRole ? QVariant(group.rows) : QVariant(QLocale().toString(group.rows));
    default:
        break;
    }
    const QString currency = m_currencies.value(column - FirstCurrencyColumn);
    if (!group.totals.contains(currency))
        return role == SortRole ? QVariant(0.0) : QVariant();
    const Decimal total = group.totals.value(currency);
    if (role == SortRole)
        return total.toDouble();
    // Grouped digits for reading; the exact cents either way.
    return QLocale().toString(total.toDouble(), 'f', 2);
}

QVariant GroupTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Id");
    case NameColumn:
        return tr("Name");
    case RowsColumn:
        return tr("Rows");
    default:
        break;
    }
    const QString currency = m_currencies.value(section - FirstCurrencyColumn);
    return currency.isEmpty() ? tr("Total (no currency)") : tr("Total %1").arg(currency);
}
