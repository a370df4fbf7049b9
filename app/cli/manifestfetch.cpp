#include "manifestfetch.h"

#include "operationprinter.h"
#include "operationsweep.h"

#include "app/downloads/manifestloader.h"
#include "app/session.h"
#include "models/statusstyle.h"

ManifestFetch::ManifestFetch(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_sweep(new OperationSweep(session, this))
    , m_loader(new ManifestLoader(session->client(), this))
{
    connect(m_sweep, &OperationSweep::done, this, &ManifestFetch::onSwept);
    connect(m_loader, &ManifestLoader::stateChanged, this, &ManifestFetch::onManifestState);
}

void ManifestFetch::start(const QString &operationId)
{
    m_id = operationId;
    m_sweep->start({operationId});
}

void ManifestFetch::stop()
{
    m_stopped = true;
    m_sweep->stop();
    m_loader->forget(m_id);
}

TrackedOperation ManifestFetch::operation() const
{
    return m_sweep->operations().value(0);
}

void ManifestFetch::onSwept()
{
    if (m_stopped)
        return;
    const TrackedOperation operation = this->operation();
    if (!operation.problem.isNull()) {
        emit failed(CliExit::forProblem(operation.problem),
                    QStringLiteral("could not read operation %1: %2")
                        .arg(operation.id, operation.problem.summary()));
        return;
    }
    if (!operation.hasBeenChecked()) {
        emit failed(ExitCode::Unresolved,
                    QStringLiteral("no answer from Graph about operation %1").arg(operation.id));
        return;
    }
    if (operation.status() != OperationStatus::Succeeded) {
        QString message = QStringLiteral("operation %1 is %2, so it has no manifest")
                              .arg(operation.id, operation.statusLabel());
        if (const QString detail = OperationPrinter::detailText(operation); !detail.isEmpty())
            message += QStringLiteral(" (") + detail + QLatin1Char(')');
        const bool stillGoing = !isTerminal(operation.status()) && !operation.expired;
        if (stillGoing)
            message += QStringLiteral(" yet; 'watch' waits for it to finish");
        emit failed(ExitCode::OperationFailed, message);
        return;
    }
    m_loader->load(operation);
}

void ManifestFetch::onManifestState(const QString &operationId)
{
    if (m_stopped || operationId != m_id)
        return;
    const ManifestState state = m_loader->state(operationId);
    switch (state.status) {
    case ManifestState::Status::Idle:
    case ManifestState::Status::Loading:
        if (!state.source.note.isEmpty())
            emit note(state.source.note);
        return;
    case ManifestState::Status::Loaded:
        emit loaded(state.manifest);
        return;
    case ManifestState::Status::Failed:
        emit failed(CliExit::forManifestProblem(state.problem), state.error);
        return;
    }
}
