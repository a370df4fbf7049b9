#include "listcommand.h"

#include "operationprinter.h"

#include "app/store/operationstore.h"

ListCommand::ListCommand(const CommandContext &context, QObject *parent)
    : CliCommand(context, parent)
{ }

void ListCommand::start()
{
    OperationStore store(OperationStore::defaultDatabasePath());
    const OperationStore::LoadResult loaded = store.load();
    if (!loaded.message.isEmpty())
        complain(loaded.message);
    m_context.printer->printTracked(loaded.operations);
    finish(loaded.savingBlocked ? ExitCode::Unresolved : ExitCode::Success);
}

void ListCommand::interrupt()
{
    finish(ExitCode::Interrupted);
}
