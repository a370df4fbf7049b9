#include "trackcommand.h"

#include "operationprinter.h"

#include "app/store/operationstore.h"
#include "models/trackedoperation.h"

#include <QTextStream>

TrackCommand::TrackCommand(const CommandContext &context, QObject *parent)
    : CliCommand(context, parent)
{ }

void TrackCommand::start()
{
    QList<TrackedOperation> operations;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QString &id : m_context.options.ids) {
        TrackedOperation operation;
        operation.id = id;
        operation.label = m_context.options.label;
        operation.addedAt = now;
        operations.append(operation);
    }
    finish(track(m_context, operations, true) ? ExitCode::Success : ExitCode::Unresolved);
}

void TrackCommand::interrupt()
{
    finish(ExitCode::Interrupted);
}

bool TrackCommand::track(const CommandContext &context, const QList<TrackedOperation> &operations,
                         bool report)
{
    OperationStore store(OperationStore::defaultDatabasePath());
    const OperationStore::LoadResult opened = store.open();
    if (!opened.message.isEmpty()) {
        *context.err << "billing-monitor-cli: " << opened.message << '\n';
        context.err->flush();
    }
    QStringList added;
    if (!store.add(operations, &added)) {
        *context.err << "billing-monitor-cli: the operations were not tracked: "
                     << store.lastError() << '\n';
        context.err->flush();
        return false;
    }
    for (const TrackedOperation &operation : operations) {
        if (report)
            context.printer->printTrackResult(operation.id, added.contains(operation.id));
    }
    return true;
}
