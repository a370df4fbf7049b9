#include "manifestcommand.h"

#include "manifestfetch.h"
#include "operationprinter.h"

ManifestCommand::ManifestCommand(const CommandContext &context, QObject *parent)
    : CliCommand(context, parent)
    , m_fetch(new ManifestFetch(context.session, this))
{
    connect(m_fetch, &ManifestFetch::note, this, &ManifestCommand::complain);
    connect(m_fetch, &ManifestFetch::failed, this, [this](ExitCode code, const QString &message) {
        complain(message);
        finish(code);
    });
    connect(m_fetch, &ManifestFetch::loaded, this, [this](const Manifest &manifest) {
        m_context.printer->printManifest(manifest);
        finish(ExitCode::Success);
    });
}

void ManifestCommand::start()
{
    m_fetch->start(m_context.options.ids.constFirst());
}

void ManifestCommand::interrupt()
{
    m_fetch->stop();
    finish(ExitCode::Interrupted);
}
