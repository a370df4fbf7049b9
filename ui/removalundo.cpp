#include "removalundo.h"

#include "app/store/operationremoval.h"
#include "models/operationtablemodel.h"

#include <QAction>
#include <QKeySequence>
#include <QSet>
#include <QUndoCommand>
#include <QUndoStack>

#include <algorithm>

namespace {

class RemoveOperationsCommand : public QUndoCommand
{
public:
    RemoveOperationsCommand(RemovalUndo *owner, OperationTableModel *model, QStringList ids,
                            const QString &text)
        : QUndoCommand(text)
        , m_owner(owner)
        , m_model(model)
        , m_ids(std::move(ids))
    { }

    // Taken afresh on every redo: between an undo and a redo, polling may have moved on.
    void redo() override
    {
        // take() returns them in table order, so their rows come out ascending.
        const QSet<QString> wanted(m_ids.cbegin(), m_ids.cend());
        QList<int> rows;
        for (const QString &id : wanted) {
            if (m_model->contains(id))
                rows << m_model->rowOf(id);
        }
        std::sort(rows.begin(), rows.end());
        const QList<TrackedOperation> taken = OperationRemoval::take(m_model, m_ids);
        m_removed.clear();
        for (qsizetype i = 0; i < taken.size() && i < rows.size(); ++i)
            m_removed.append({rows.at(i), taken.at(i)});
    }
    void undo() override
    {
        m_model->restore(m_removed);
        QStringList ids;
        for (const auto &[row, operation] : std::as_const(m_removed))
            ids << operation.id;
        emit m_owner->restored(ids);
    }

    int removedCount() const { return int(m_removed.size()); }

private:
    RemovalUndo *m_owner;
    OperationTableModel *m_model;
    QStringList m_ids;
    QList<std::pair<int, TrackedOperation>> m_removed;
};

} // namespace

RemovalUndo::RemovalUndo(OperationTableModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_stack(new QUndoStack(this))
{ }

int RemovalUndo::removeOperations(const QStringList &ids)
{
    const QStringList present = tracked(ids);
    return push(present, tr("Remove %Ln operation(s)", nullptr, int(present.size())));
}

int RemovalUndo::removeFinished()
{
    return push(OperationRemoval::finishedIds(*m_model), tr("Remove finished operations"));
}

QAction *RemovalUndo::createUndoAction(QObject *parent) const
{
    QAction *action = m_stack->createUndoAction(parent, tr("&Undo"));
    action->setShortcut(QKeySequence::Undo);
    return action;
}

QAction *RemovalUndo::createRedoAction(QObject *parent) const
{
    QAction *action = m_stack->createRedoAction(parent, tr("&Redo"));
    action->setShortcut(QKeySequence::Redo);
    return action;
}

QStringList RemovalUndo::tracked(const QStringList &ids) const
{
    QStringList present;
    QSet<QString> seen;
    for (const QString &id : ids) {
        if (m_model->contains(id) && !seen.contains(id)) {
            seen.insert(id);
            present.append(id);
        }
    }
    return present;
}

int RemovalUndo::push(const QStringList &ids, const QString &text)
{
    if (ids.isEmpty())
        return 0;
    auto *command = new RemoveOperationsCommand(this, m_model, ids, text);
    m_stack->push(command); // runs redo()
    return command->removedCount();
}
