#include "operationwatcher.h"

#include "app/polling/operationmonitor.h"
#include "app/session.h"
#include "models/operationtablemodel.h"

OperationWatcher::OperationWatcher(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    OperationTableModel *model = session->model();
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                onRowsChanged(topLeft.row(), bottomRight.row());
            });
}

void OperationWatcher::watch(const QStringList &ids)
{
    for (const QString &id : ids)
        remember(id);
    m_session->monitor()->track(ids);
    m_session->start();
}

void OperationWatcher::follow(const QString &id)
{
    remember(id);
    m_session->start();
}

void OperationWatcher::remember(const QString &id)
{
    if (m_watched.contains(id))
        return;
    m_watched.insert(id);
    m_ids << id;
}

void OperationWatcher::stop()
{
    m_session->monitor()->stop();
}

QList<TrackedOperation> OperationWatcher::operations() const
{
    QList<TrackedOperation> operations;
    for (const QString &id : m_ids) {
        if (const TrackedOperation *operation = m_session->model()->find(id)) {
            operations << *operation;
        } else {
            TrackedOperation untracked;
            untracked.id = id;
            operations << untracked;
        }
    }
    return operations;
}

bool OperationWatcher::hasAnswer(const TrackedOperation &operation)
{
    return operation.hasKnownStatus() || !operation.problem.isNull();
}

void OperationWatcher::onRowsChanged(int first, int last)
{
    const OperationTableModel *model = m_session->model();
    for (int row = first; row <= last && row < model->rowCount(); ++row) {
        const TrackedOperation &operation = model->at(row);
        if (!m_watched.contains(operation.id) || !hasAnswer(operation))
            continue;
        const QString now = signature(operation);
        if (m_signatures.value(operation.id) == now)
            continue;
        m_signatures.insert(operation.id, now);
        emit changed(operation);
    }
}

QString OperationWatcher::signature(const TrackedOperation &operation)
{
    const Problem &problem = operation.problem;
    return QStringList {operationStatusKey(operation.status()), operation.last.rawStatus,
                        Problem::kindKey(problem.kind), QString::number(problem.httpStatus),
                        problem.code}
        .join(QLatin1Char('\x1f'));
}
