#include "operationtablemodel.h"

#include "statusstyle.h"
#include "timetext.h"

#include <QSet>

#include <algorithm>

namespace {

QString resultText(const TrackedOperation &operation)
{
    const Operation &last = operation.last;
    if (last.status == OperationStatus::Failed && !last.error.isEmpty())
        return last.error.summary();
    if (last.status == OperationStatus::Succeeded) {
        if (!last.inlineManifest.isEmpty())
            return last.inlineManifest.value(QStringLiteral("id")).toString();
        const QString path = last.manifestLink.path();
        return path.mid(path.lastIndexOf(u'/') + 1);
    }
    return {};
}

// The status alone: a problem has its warning icon here and its words in the Result column,
// so a narrow Status column never cuts both in half ("Not che… found.").
QString statusDisplayText(const TrackedOperation &operation)
{
    return operation.statusLabel();
}

bool sameRow(const TrackedOperation &a, const TrackedOperation &b)
{
    // Cheap fields first: most batches change only lastChecked and nextCheck.
    return a.lastChecked == b.lastChecked && a.nextCheck == b.nextCheck && a.expired == b.expired
        && a.label == b.label && a.url == b.url && a.lastRetryAfter == b.lastRetryAfter
        && a.problem.kind == b.problem.kind && a.problem.message == b.problem.message
        && a.problem.httpStatus == b.problem.httpStatus && a.last.status == b.last.status
        && a.last.rawStatus == b.last.rawStatus
        && a.last.lastActionDateTime == b.last.lastActionDateTime
        && a.last.createdDateTime == b.last.createdDateTime
        && a.last.manifestLink == b.last.manifestLink
        && a.last.inlineManifest == b.last.inlineManifest && a.last.error.code == b.last.error.code
        && a.last.error.message == b.last.error.message;
}

} // namespace

OperationTableModel::OperationTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{ }

int OperationTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_operations.size());
}

int OperationTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OperationTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TrackedOperation &operation = m_operations.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(operation, index.column());
    case Qt::EditRole:
        return index.column() == LabelColumn ? QVariant(operation.label)
                                             : displayData(operation, index.column());
    case Qt::ToolTipRole:
        return toolTipData(operation, index.column());
    case SortRole:
        return sortData(operation, index.column());
    case StatusRole:
        return int(operation.status());
    case HasProblemRole:
        return !operation.problem.isNull();
    case OperationIdRole:
        return operation.id;
    case HasKnownStatusRole:
        return operation.hasKnownStatus();
    default:
        return {};
    }
}

QVariant OperationTableModel::displayData(const TrackedOperation &operation, int column) const
{
    switch (column) {
    case IdColumn:
        return operation.id;
    case LabelColumn:
        return operation.label;
    case StatusColumn:
        return statusDisplayText(operation);
    case CreatedColumn:
        return TimeText::local(operation.last.createdDateTime);
    case LastActionColumn:
        return TimeText::local(operation.last.lastActionDateTime);
    case AgeColumn:
        return TimeText::duration(operation.ageAt(m_clock()));
    case LastCheckedColumn:
        return TimeText::local(operation.lastChecked);
    case ResultColumn: {
        const QString result = resultText(operation);
        return result.isEmpty() && !operation.problem.isNull() ? operation.problem.summary()
                                                               : result;
    }
    }
    return {};
}

QVariant OperationTableModel::toolTipData(const TrackedOperation &operation, int column) const
{
    switch (column) {
    case IdColumn:
        return operation.url.isEmpty() ? operation.id : operation.url.toString();
    case StatusColumn:
        if (!operation.problem.isNull())
            return operation.problem.summary();
        if (operation.expired)
            return tr("No longer polled; start a new export or check it again by hand.");
        return operation.last.rawStatus;
    case CreatedColumn:
        return TimeText::utc(operation.last.createdDateTime);
    case LastActionColumn:
        return TimeText::utc(operation.last.lastActionDateTime);
    case AgeColumn:
        return isTerminal(operation.status()) ? tr("Duration from creation to the last action")
                                              : tr("Time since the operation was created");
    case LastCheckedColumn:
        return TimeText::utc(operation.lastChecked);
    case ResultColumn:
        if (operation.last.status == OperationStatus::Failed)
            return operation.last.error.toReportText();
        return operation.last.manifestLink.toString();
    case LabelColumn:
        return operation.label;
    }
    return {};
}

QVariant OperationTableModel::sortData(const TrackedOperation &operation, int column) const
{
    // Text columns sort by their text; the others by the raw value behind what they show.
    if (const std::optional<qint64> number = sortNumber(operation, column))
        return column == StatusColumn ? QVariant(int(*number)) : QVariant(*number);
    return displayData(operation, column);
}

std::optional<qint64> OperationTableModel::sortNumber(const TrackedOperation &operation,
                                                      int column) const
{
    if (!sortsByNumber(column))
        return std::nullopt;
    switch (column) {
    case StatusColumn:
        return int(operation.status());
    case CreatedColumn:
        return operation.last.createdDateTime.toMSecsSinceEpoch();
    case LastActionColumn:
        return operation.last.lastActionDateTime.toMSecsSinceEpoch();
    case AgeColumn:
        return operation.ageAt(m_clock());
    case LastCheckedColumn:
        return operation.lastChecked.toMSecsSinceEpoch();
    default:
        return std::nullopt;
    }
}

QVariant OperationTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Operation id");
    case LabelColumn:
        return tr("Label");
    case StatusColumn:
        return tr("Status");
    case CreatedColumn:
        return tr("Created");
    case LastActionColumn:
        return tr("Last action");
    case AgeColumn:
        return tr("Age / duration");
    case LastCheckedColumn:
        return tr("Last checked");
    case ResultColumn:
        return tr("Result");
    }
    return {};
}

Qt::ItemFlags OperationTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags result = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == LabelColumn)
        result |= Qt::ItemIsEditable;
    return result;
}

bool OperationTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != LabelColumn
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    return setLabel(m_operations.at(index.row()).id, value.toString());
}

QStringList OperationTableModel::add(const QList<TrackedOperation> &operations)
{
    return addOperations(operations, nullptr);
}

QStringList OperationTableModel::add(QList<TrackedOperation> &&operations)
{
    return addOperations(operations, operations.isDetached() ? &operations : nullptr);
}

// `movable` is `operations` itself when its rows may be moved out.
QStringList OperationTableModel::addOperations(const QList<TrackedOperation> &operations,
                                               QList<TrackedOperation> *movable)
{
    // Positions in `operations` of the new ones, not copies: start-up adds 100,000 rows in
    // chunks, and each copy of a row is two dozen reference counts.
    QList<qsizetype> fresh;
    fresh.reserve(operations.size());
    QStringList ids;
    ids.reserve(operations.size());
    const int first = int(m_operations.size());
    // Reserved up front: growing to 100,000 ids step by step would rehash them all again
    // at every doubling.
    m_rowById.reserve(m_rowById.size() + operations.size());
    for (qsizetype i = 0; i < operations.size(); ++i) {
        const QString &id = operations.at(i).id;
        if (id.isEmpty())
            continue;
        // One lookup per row, as hashing ids is most of what adding costs: an id already
        // tracked, or repeated in this batch, leaves the size as it was.
        const qsizetype known = m_rowById.size();
        int &row = m_rowById[id];
        if (m_rowById.size() == known)
            continue;
        row = first + int(fresh.size());
        fresh.append(i);
        ids.append(id);
    }
    if (fresh.isEmpty())
        return {};
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    for (const qsizetype i : std::as_const(fresh)) {
        const TrackedOperation &operation = operations.at(i);
        m_statusByRow.append(quint8(operation.status()));
        tallyRow(operation, 1);
        if (movable)
            m_operations.append(std::move((*movable)[i]));
        else
            m_operations.append(operation);
    }
    endInsertRows();
    emit contentsChanged();
    return ids;
}

void OperationTableModel::update(const QList<TrackedOperation> &operations)
{
    QList<int> changedRows;
    changedRows.reserve(operations.size());
    QList<std::pair<QString, std::pair<OperationStatus, OperationStatus>>> transitions;
    for (const TrackedOperation &operation : operations) {
        const int row = rowOf(operation.id);
        if (row < 0)
            continue;
        TrackedOperation &current = m_operations[row];
        if (sameRow(current, operation))
            continue;
        const OperationStatus before = current.status();
        const bool wasChecked = current.hasBeenChecked();
        tallyRow(current, -1);
        current = operation;
        tallyRow(current, 1);
        m_statusByRow[row] = quint8(current.status());
        changedRows.append(row);
        if (before != current.status() && (wasChecked || current.expired))
            transitions.append({current.id, {before, current.status()}});
    }
    if (changedRows.isEmpty())
        return;
    std::sort(changedRows.begin(), changedRows.end());
    QList<std::pair<int, int>> runs;
    for (const int row : std::as_const(changedRows)) {
        if (!runs.isEmpty() && runs.last().second == row - 1)
            runs.last().second = row;
        else
            runs.append({row, row});
    }
    // A sort proxy re-sorts once per signal that touches its sort column, at a cost that
    // grows with the whole table: many scattered runs cost (runs x rows). Past a few runs
    // per hundred rows (and a few dozen in all), one signal over the table lets it re-sort
    // once instead.
    if (runs.size() >= WideUpdateDivisor
        && qint64(runs.size()) * WideUpdateDivisor > m_operations.size()) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    } else {
        for (const auto &[first, last] : std::as_const(runs))
            emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
    }
    for (const auto &[id, change] : std::as_const(transitions))
        emit statusChanged(id, change.first, change.second);
    emit contentsChanged();
}

void OperationTableModel::remove(const QStringList &ids)
{
    QSet<int> unique;
    for (const QString &id : ids) {
        if (const int row = rowOf(id); row >= 0)
            unique.insert(row);
    }
    QList<int> rows(unique.cbegin(), unique.cend());
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    // Remove contiguous runs from the bottom up, so earlier row numbers stay valid.
    int i = 0;
    while (i < rows.size()) {
        const int last = rows.at(i);
        int first = last;
        while (i + 1 < rows.size() && rows.at(i + 1) == first - 1)
            first = rows.at(++i);
        ++i;
        beginRemoveRows({}, first, last);
        for (int row = first; row <= last; ++row) {
            m_rowById.remove(m_operations.at(row).id);
            tallyRow(m_operations.at(row), -1);
        }
        m_operations.remove(first, last - first + 1);
        m_statusByRow.remove(first, last - first + 1);
        reindexFrom(first);
        endRemoveRows();
    }
    emit contentsChanged();
}

bool OperationTableModel::setLabel(const QString &id, const QString &label)
{
    const int row = rowOf(id);
    if (row < 0)
        return false;
    const QString trimmed = label.trimmed();
    if (m_operations.at(row).label == trimmed)
        return true;
    m_operations[row].label = trimmed;
    const QModelIndex changed = index(row, LabelColumn);
    emit dataChanged(changed, changed, {Qt::DisplayRole, Qt::EditRole, Qt::ToolTipRole, SortRole});
    emit contentsChanged();
    return true;
}

const TrackedOperation *OperationTableModel::find(const QString &id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_operations.at(row);
}

void OperationTableModel::refreshTimeColumns()
{
    if (m_operations.isEmpty())
        return;
    // Only Age moves with the clock; the other columns change through update().
    emit dataChanged(index(0, AgeColumn), index(rowCount() - 1, AgeColumn),
                     {Qt::DisplayRole, SortRole});
}

void OperationTableModel::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
    refreshTimeColumns();
}

void OperationTableModel::restore(const QList<std::pair<int, TrackedOperation>> &rows)
{
    QList<std::pair<int, TrackedOperation>> fresh;
    for (const auto &entry : rows) {
        if (!entry.second.id.isEmpty() && !m_rowById.contains(entry.second.id))
            fresh.append(entry);
    }
    if (fresh.isEmpty())
        return;
    // One insertion at the end, then one layout change that moves the rows to where they
    // were: linear however scattered they are, where inserting each in place would shift
    // the whole table once per row.
    const int first = int(m_operations.size());
    const int count = int(fresh.size());
    beginInsertRows({}, first, first + count - 1);
    for (const auto &entry : std::as_const(fresh)) {
        m_rowById.insert(entry.second.id, int(m_operations.size()));
        m_operations.append(entry.second);
        tallyRow(entry.second, 1);
        // A sort proxy sorts the inserted rows before the layout change below.
        m_statusByRow.append(quint8(entry.second.status()));
    }
    endInsertRows();

    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const int total = int(m_operations.size());
    QList<int> newRowOfOld(total);
    QList<TrackedOperation> ordered;
    ordered.reserve(total);
    int restored = 0;
    int kept = 0;
    for (int row = 0; row < total; ++row) {
        const bool takeRestored
            = restored < count && (fresh.at(restored).first <= row || kept >= first);
        const int old = takeRestored ? first + restored++ : kept++;
        newRowOfOld[old] = row;
        ordered.append(std::move(m_operations[old]));
    }
    m_operations = std::move(ordered);
    for (int row = 0; row < total; ++row)
        m_statusByRow[row] = quint8(m_operations.at(row).status());
    reindexFrom(0);
    const QModelIndexList before = persistentIndexList();
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex &index : before)
        after.append(index.isValid() ? createIndex(newRowOfOld.at(index.row()), index.column())
                                     : QModelIndex());
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    emit contentsChanged();
}

void OperationTableModel::reindexFrom(int row)
{
    for (int i = row; i < m_operations.size(); ++i)
        m_rowById.insert(m_operations.at(i).id, i);
}

void OperationTableModel::tallyRow(const TrackedOperation &operation, int delta)
{
    if (operation.hasKnownStatus())
        m_tally.byStatus[size_t(operation.status())] += delta;
    else if (operation.lastChecked.isValid())
        m_tally.unanswered += delta;
    else
        m_tally.unchecked += delta;
}
