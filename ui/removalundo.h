#pragma once

#include <QObject>
#include <QStringList>

class OperationTableModel;
class QAction;
class QUndoStack;

// Delete and "Remove finished", each one undoable step: Undo puts the removed operations
// back exactly as they were (label, state, Location), and polling resumes for them.
class RemovalUndo : public QObject
{
    Q_OBJECT
public:
    explicit RemovalUndo(OperationTableModel *model, QObject *parent = nullptr);

    // Each returns how many operations were removed; nothing is pushed when it is 0.
    int removeOperations(const QStringList &ids);
    int removeFinished();

    QUndoStack *stack() const { return m_stack; }
    // Edit-menu actions whose text names what they undo/redo ("Undo Remove 3 operations").
    QAction *createUndoAction(QObject *parent) const;
    QAction *createRedoAction(QObject *parent) const;

signals:
    // An undo put these operations back, at the rows they had.
    void restored(const QStringList &ids);

private:
    QStringList tracked(const QStringList &ids) const;
    int push(const QStringList &ids, const QString &text);

    OperationTableModel *m_model;
    QUndoStack *m_stack;
};
