#include "clirunner.h"

#include "accountcommands.h"
#include "clicommand.h"
#include "clisignin.h"
#include "convertcommand.h"
#include "downloadcommand.h"
#include "exportcommand.h"
#include "interrupthandler.h"
#include "listcommand.h"
#include "logincommand.h"
#include "manifestcommand.h"
#include "operationprinter.h"
#include "simulatecommand.h"
#include "statuscommand.h"
#include "summarizecommand.h"
#include "texttable.h"
#include "trackcommand.h"
#include "watchcommand.h"

#include "app/appsettings.h"
#include "app/auth/tokenmanager.h"
#include "app/graph/graphendpoint.h"
#include "app/session.h"

#include <QEventLoop>
#include <QTextStream>

#include <memory>

namespace {

void complain(QTextStream &err, const QString &message)
{
    err << "billing-monitor-cli: " << terminalSafe(message) << '\n';
    err.flush();
}

std::unique_ptr<CliCommand> makeCommand(const CommandContext &context)
{
    using Command = CliOptions::Command;
    switch (context.options.command) {
    case Command::Status:
        return std::make_unique<StatusCommand>(context);
    case Command::Watch:
        return std::make_unique<WatchCommand>(context);
    case Command::Manifest:
        return std::make_unique<ManifestCommand>(context);
    case Command::Download:
        return std::make_unique<DownloadCommand>(context);
    case Command::Export:
        return std::make_unique<ExportCommand>(context);
    case Command::Simulate:
        return std::make_unique<SimulateCommand>(context);
    case Command::Account:
        return std::make_unique<AccountCommand>(context);
    case Command::Logout:
        return std::make_unique<LogoutCommand>(context);
    case Command::Login:
        return std::make_unique<LoginCommand>(context);
    case Command::Summarize:
        return std::make_unique<SummarizeCommand>(context);
    case Command::Convert:
        return std::make_unique<ConvertCommand>(context);
    case Command::List:
        return std::make_unique<ListCommand>(context);
    case Command::Track:
        return std::make_unique<TrackCommand>(context);
    case Command::Help:
    case Command::Version:
        break;
    }
    return nullptr;
}

// --graph-url, else BILLING_MONITOR_GRAPH_URL, else Graph itself; plain http only to
// this computer (GraphEndpoint::make decides).
std::optional<GraphEndpoint> endpointFor(const CliOptions &options,
                                         const CliEnvironment &environment, QString *error)
{
    QString root = QLatin1String(GraphEndpoint::DefaultRoot);
    QString source;
    if (!options.graphUrl.isEmpty()) {
        root = options.graphUrl;
        source = QStringLiteral("--graph-url");
    } else if (!environment.graphUrl.isEmpty()) {
        root = environment.graphUrl;
        source = QLatin1String(CliEnvironment::GraphUrlVariable);
    }
    const QString version = options.apiVersion.isEmpty()
        ? QLatin1String(GraphEndpoint::DefaultVersion)
        : options.apiVersion;
    QString why;
    GraphEndpoint::Part refused = GraphEndpoint::Part::Root;
    std::optional<GraphEndpoint> endpoint = GraphEndpoint::make(root, version, &why, &refused);
    if (!endpoint) {
        if (refused == GraphEndpoint::Part::Version)
            source = QStringLiteral("--api-version");
        *error = source.isEmpty() ? why : source + QStringLiteral(": ") + why;
    }
    return endpoint;
}

} // namespace

namespace Cli {

int run(const QStringList &arguments, const CliEnvironment &environment, QTextStream &out,
        QTextStream &err, InterruptHandler *interrupts)
{
    const CliParseResult parsed = CliArguments::parse(arguments);
    if (!parsed.options) {
        complain(err, parsed.error);
        err << CliArguments::usageHint() << '\n';
        err.flush();
        return CliExit::toInt(ExitCode::Usage);
    }
    const CliOptions &options = *parsed.options;
    if (options.command == CliOptions::Command::Help) {
        out << CliArguments::helpText();
        out.flush();
        return CliExit::toInt(ExitCode::Success);
    }
    if (options.command == CliOptions::Command::Version) {
        out << "billing-monitor-cli " << BILLING_MONITOR_VERSION << '\n';
        out.flush();
        return CliExit::toInt(ExitCode::Success);
    }

    // The Graph objects are the app's own, without its settings or typed token: the
    // endpoint comes from the command line and environment alone, the token from there or
    // the account signed in (with login or in the app).
    AppSettings settings;
    std::unique_ptr<Session> session;
    // list and track work on the shared list alone; simulate is its own Graph.
    const bool needsGraph = options.command != CliOptions::Command::Simulate
        && options.command != CliOptions::Command::List
        && options.command != CliOptions::Command::Track;
    if (needsGraph) {
        QString error;
        const std::optional<GraphEndpoint> endpoint = endpointFor(options, environment, &error);
        if (!endpoint) {
            complain(err, error);
            err << CliArguments::usageHint() << '\n';
            err.flush();
            return CliExit::toInt(ExitCode::Usage);
        }
        session = std::make_unique<Session>(&settings, nullptr, environment.secrets);
        session->useFixedGraph(*endpoint, environment.token);
        if (!CliSignIn::configure(*session, options, environment, &error)) {
            complain(err, error);
            return CliExit::toInt(ExitCode::Usage);
        }
        QObject::connect(session->signIn(), &TokenManager::signInRequired, session.get(),
                         [&err](const SignInError &why) {
                             complain(err,
                                      QStringLiteral("sign-in refused: ") + why.explanation()
                                          + QStringLiteral("\n") + why.details());
                         });
        QObject::connect(session->signIn(), &TokenManager::keychainProblem, session.get(),
                         [&err](const QString &message) { complain(err, message); });
    }

    OperationPrinter printer(&out, options.json, environment.colour);
    const CommandContext context {options, environment, session.get(), &printer, &err};
    std::unique_ptr<CliCommand> command = makeCommand(context);

    QEventLoop loop;
    ExitCode code = ExitCode::Success;
    QObject::connect(command.get(), &CliCommand::finished, &loop, [&](ExitCode finishedWith) {
        code = finishedWith;
        loop.quit();
    });
    if (interrupts)
        QObject::connect(interrupts, &InterruptHandler::interrupted, command.get(),
                         &CliCommand::interrupt);
    command->start();
    if (!command->isFinished())
        loop.exec();

    if (code == ExitCode::AuthenticationRefused && session
        && CliSignIn::sourceName(*session, environment) == QLatin1String("none")
        && options.command != CliOptions::Command::Account)
        complain(err,
                 QStringLiteral("no token: set BILLING_MONITOR_TOKEN, sign in with "
                                "billing-monitor-cli login, or set AZURE_TENANT_ID, "
                                "AZURE_CLIENT_ID and AZURE_CLIENT_SECRET"));
    // Requests still in flight belong to the session; the command goes first.
    command.reset();
    session.reset();
    return CliExit::toInt(code);
}

} // namespace Cli
