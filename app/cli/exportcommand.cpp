#include "exportcommand.h"

#include "operationprinter.h"
#include "trackcommand.h"
#include "watchcommand.h"

#include "app/exports/exportstarter.h"
#include "app/session.h"
#include "models/operationtablemodel.h"

ExportCommand::ExportCommand(const CommandContext &context, QObject *parent)
    : CliCommand(context, parent)
    , m_starter(new ExportStarter(context.session->client(), context.session->monitor(), this))
{
    connect(m_starter, &ExportStarter::exportStarted, this, &ExportCommand::onStarted);
    connect(m_starter, &ExportStarter::exportFailed, this, &ExportCommand::onFailed);
}

void ExportCommand::start()
{
    // The options were validated when parsed, so this only fails on a bug.
    if (!m_starter->start(m_context.options.exportRequest)) {
        complain(QStringLiteral("the export request is not valid"));
        finish(ExitCode::Usage);
    }
}

void ExportCommand::interrupt()
{
    if (m_watch) {
        m_watch->interrupt();
        return;
    }
    // Graph may already have the request; without its answer the operation is unknown.
    complain(QStringLiteral("interrupted before Graph answered; if the request reached Graph "
                            "the export may run, but its operation id is unknown"));
    finish(ExitCode::Interrupted);
}

void ExportCommand::onStarted(const QString &id, const QString &label)
{
    const TrackedOperation *operation = m_context.session->model()->find(id);
    const QUrl url = operation ? operation->url : QUrl();
    m_context.printer->printExportStarted(id, url, label);
    if (m_context.options.trackExport && operation
        && !TrackCommand::track(m_context, {*operation}, false)) {
        finish(ExitCode::Unresolved);
        return;
    }
    if (!m_context.options.watchExport) {
        finish(ExitCode::Success);
        return;
    }
    m_watch = new WatchCommand(m_context, this);
    connect(m_watch, &CliCommand::finished, this, &ExportCommand::finish);
    m_watch->startFollowing(id);
}

void ExportCommand::onFailed(const Problem &problem)
{
    complain(ExportStarter::failureText(problem));
    finish(CliExit::forProblem(problem));
}
