#pragma once

#include "trackedoperation.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QStringList>

#include <array>
#include <functional>
#include <optional>

// The tracked operations, one row each. It is the single store of what the app knows;
// the monitor feeds it in batches, the views and the persistence read it.
// Updates are row-scoped dataChanged signals, never a reset.
class OperationTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OperationTableModel)

public:
    enum Column {
        IdColumn,
        LabelColumn,
        StatusColumn,
        CreatedColumn,
        LastActionColumn,
        AgeColumn,
        LastCheckedColumn,
        ResultColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // a raw, comparable value for every column
        StatusRole, // int(OperationStatus)
        HasProblemRole, // bool
        OperationIdRole, // QString
        HasKnownStatusRole, // bool: TrackedOperation::hasKnownStatus()
    };

    static constexpr int WideUpdateDivisor = 32;

    explicit OperationTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // Appends the operations whose ids are not tracked yet; returns the ids it added.
    QStringList add(const QList<TrackedOperation> &operations);
    // The same; the operations of a list nobody else holds are moved in, not copied.
    QStringList add(QList<TrackedOperation> &&operations);
    // Replaces the rows of these operations (matched by id; unknown ids are ignored) and
    // emits one dataChanged per contiguous run of changed rows, or a single one over the
    // whole table when there are at least WideUpdateDivisor runs and more than one in
    // WideUpdateDivisor rows.
    void update(const QList<TrackedOperation> &operations);
    void remove(const QStringList &ids);
    // Puts operations back at the rows they had, given in ascending row order (as removed
    // from one table): undoing a removal restores the table as it was, not appended.
    void restore(const QList<std::pair<int, TrackedOperation>> &rows);
    bool setLabel(const QString &id, const QString &label);

    bool contains(const QString &id) const { return m_rowById.contains(id); }
    int rowOf(const QString &id) const { return m_rowById.value(id, -1); }
    const TrackedOperation &at(int row) const { return m_operations.at(row); }
    const TrackedOperation *find(const QString &id) const;
    const QList<TrackedOperation> &operations() const { return m_operations; }

    // Whether a column sorts by a number (sortNumber() has one for every row) or by its text.
    static bool sortsByNumber(int column)
    {
        return column == StatusColumn || column == CreatedColumn || column == LastActionColumn
            || column == AgeColumn || column == LastCheckedColumn;
    }
    // The number a column sorts by (SortRole holds the same), or nullopt for a column that
    // sorts by its text; lets a sort proxy read keys without a QVariant. Inline, because a
    // batch over 100,000 rows reads it once a row, and a full sort once a comparison.
    std::optional<qint64> sortNumber(int row, int column) const
    {
        if (column == StatusColumn)
            return m_statusByRow.at(row);
        return sortNumber(m_operations.at(row), column);
    }

    // How many rows are in each state the status bar counts. Kept with every change, so that
    // reading it costs nothing however many rows there are: a sweep updates the model ten
    // times a second, and counting 100,000 rows each time would take the window a frame.
    struct Tally
    {
        std::array<int, StatusCount> byStatus {}; // rows with a known status
        int unanswered = 0; // checked, but every answer so far was a problem
        int unchecked = 0; // not checked yet
    };
    const Tally &tally() const { return m_tally; }

    // Age moves with the clock; call this now and then to repaint it.
    void refreshTimeColumns();
    // For tests: what "now" is when ages are computed.
    void setClock(std::function<QDateTime()> clock);

signals:
    // A tracked operation moved from one status to another (not emitted for additions).
    void statusChanged(const QString &id, OperationStatus from, OperationStatus to);
    // Anything that should be persisted changed: membership, state or a label.
    void contentsChanged();

private:
    QStringList addOperations(const QList<TrackedOperation> &operations,
                              QList<TrackedOperation> *movable);
    QVariant displayData(const TrackedOperation &operation, int column) const;
    QVariant toolTipData(const TrackedOperation &operation, int column) const;
    QVariant sortData(const TrackedOperation &operation, int column) const;
    std::optional<qint64> sortNumber(const TrackedOperation &operation, int column) const;
    void reindexFrom(int row);
    // Adds a row to the tally (delta 1) or takes it out (-1).
    void tallyRow(const TrackedOperation &operation, int delta);

    QList<TrackedOperation> m_operations;
    // Each row's status, beside the rows: re-sorting a big table by status then reads this
    // compact list (a byte a row, so 100,000 rows stay in the cache) instead of a 512-byte
    // row per comparison, which is what it would wait on.
    QList<quint8> m_statusByRow;
    QHash<QString, int> m_rowById;
    Tally m_tally;
    std::function<QDateTime()> m_clock;
};
