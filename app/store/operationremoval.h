#pragma once

#include "models/trackedoperation.h"

#include <QList>
#include <QStringList>

class OperationTableModel;

// Taking operations out of the table so that they can be put back exactly (Undo). The
// monitor stops polling rows that leave the model and resumes for rows that come back, and
// the store saves either change like any other.
namespace OperationRemoval {

// Operations Graph reported as succeeded or failed: they never change again, which is what
// "Remove finished" clears. Expired operations that never finished are kept.
QStringList finishedIds(const OperationTableModel &model);

// Removes these operations and returns them whole, in table order; unknown ids are ignored.
// OperationTableModel::add() of the result restores them.
QList<TrackedOperation> take(OperationTableModel *model, const QStringList &ids);

} // namespace OperationRemoval
