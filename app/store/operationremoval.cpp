#include "app/store/operationremoval.h"

#include "models/operationtablemodel.h"

#include <QSet>

namespace OperationRemoval {

QStringList finishedIds(const OperationTableModel &model)
{
    QStringList ids;
    for (const TrackedOperation &operation : model.operations()) {
        if (isTerminal(operation.last.status))
            ids.append(operation.id);
    }
    return ids;
}

QList<TrackedOperation> take(OperationTableModel *model, const QStringList &ids)
{
    const QSet<QString> wanted(ids.cbegin(), ids.cend());
    QList<TrackedOperation> taken;
    QStringList takenIds;
    for (const TrackedOperation &operation : model->operations()) {
        if (wanted.contains(operation.id)) {
            taken.append(operation);
            takenIds.append(operation.id);
        }
    }
    model->remove(takenIds);
    return taken;
}

} // namespace OperationRemoval
