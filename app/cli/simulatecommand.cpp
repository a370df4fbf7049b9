#include "simulatecommand.h"

#include "operationprinter.h"

#include "app/simulator/graphsimulator.h"
#include "app/simulator/simulatoroptions.h"

#include <QCommandLineParser>

SimulateCommand::SimulateCommand(const CommandContext &context, QObject *parent)
    : CliCommand(context, parent)
    , m_simulator(new GraphSimulator(this))
{ }

SimulateCommand::~SimulateCommand() = default;

void SimulateCommand::start()
{
    QCommandLineParser parser;
    SimulatorOptions::addTo(parser);
    QString error;
    if (!parser.parse(QStringList {QStringLiteral("billing-monitor-cli simulate")}
                      + m_context.options.simulatorArguments)) {
        error = parser.errorText();
    } else if (!parser.positionalArguments().isEmpty()) {
        error = QStringLiteral("unexpected argument '%1'")
                    .arg(parser.positionalArguments().constFirst());
    }
    std::optional<SimulatorOptions> options;
    if (error.isEmpty())
        options = SimulatorOptions::fromParser(parser, &error);
    if (!options || !startSimulator(*m_simulator, *options, &error)) {
        complain(QStringLiteral("simulate: ") + error);
        finish(ExitCode::Usage);
        return;
    }
    OperationPrinter *printer = m_context.printer;
    const QString exports
        = simulatorShellExports(*m_simulator) + simulatorSignInLines(*m_simulator);
    printer->printLine(exports.chopped(exports.endsWith(QLatin1Char('\n')) ? 1 : 0));
    const QStringList ids = m_simulator->operationIds();
    if (!ids.isEmpty()) {
        printer->printLine(QStringLiteral("# %1 operations, e.g. billing-monitor-cli status %2")
                               .arg(ids.size())
                               .arg(ids.constFirst()));
    }
    printer->printLine(QStringLiteral("# serving until Ctrl+C"));
}

void SimulateCommand::interrupt()
{
    finish(ExitCode::Success);
}
