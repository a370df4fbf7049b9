#include "demomode.h"

#include "app/graph/graphendpoint.h"
#include "app/polling/operationmonitor.h"
#include "app/session.h"
#include "app/simulator/graphsimulator.h"
#include "app/simulator/scenario.h"
#include "uiresources.h"

#include <QCoreApplication>

#include <algorithm>

namespace DemoMode {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("DemoMode", text, disambiguation, n);
}

// What the operation is going to do, for its label: the demo explains itself.
QString labelFor(const SimulatedOperation &operation)
{
    const qint64 remainingMs = operation.notStartedMs + operation.runningMs - operation.ageMs;
    const QString when
        = remainingMs > 0 ? tr("after %1 s").arg((remainingMs + 999) / 1000) : tr("already");
    QString label;
    switch (operation.outcome) {
    case SimulatedOperation::Outcome::Succeeded:
        label = tr("Demo: succeeds %1").arg(when);
        break;
    case SimulatedOperation::Outcome::Failed:
        label = tr("Demo: fails %1").arg(when);
        break;
    case SimulatedOperation::Outcome::NeverFinishes:
        label = tr("Demo: keeps running");
        break;
    }
    if (operation.expiresAfterMs >= 0)
        label += tr(", then expires (HTTP %1)").arg(operation.expiredStatus);
    if (!operation.finalStatus.isEmpty())
        label += tr(", reports “%1”").arg(operation.finalStatus);
    if (operation.inlineManifest)
        label += tr(", inline manifest");
    return label;
}

} // namespace

QString defaultScenarioPath()
{
    initUiResources();
    return QStringLiteral(":/scenarios/demo.json");
}

Started start(Session *session, const QString &scenarioPath, int fleetCount, QString *error)
{
    QString scenarioError;
    const std::optional<Scenario> scenario = Scenario::fromFile(scenarioPath, &scenarioError);
    if (!scenario) {
        *error = tr("The demo scenario %1 cannot be used: %2").arg(scenarioPath, scenarioError);
        return {};
    }
    auto simulator = std::make_unique<GraphSimulator>();
    if (!simulator->start()) {
        *error
            = tr("The built-in Graph simulator could not start: %1").arg(simulator->errorString());
        return {};
    }
    simulator->loadScenario(*scenario);
    if (fleetCount > 0) {
        FleetSpec fleet;
        fleet.count = fleetCount;
        simulator->addFleet(fleet);
    }

    QString endpointError;
    const std::optional<GraphEndpoint> endpoint
        = GraphEndpoint::make(simulator->rootUrl().toString(),
                              QLatin1String(GraphEndpoint::DefaultVersion), &endpointError);
    if (!endpoint) {
        *error = endpointError;
        return {};
    }
    session->useFixedGraph(*endpoint, simulator->acceptedToken());

    // The simulator lists its operations in the order they were added: the scenario's
    // own first, then any fleet.
    const QStringList ids = simulator->operationIds();
    const qsizetype described = std::min(ids.size(), scenario->operations.size());
    for (qsizetype i = 0; i < described; ++i)
        session->monitor()->track({ids.at(i)}, labelFor(scenario->operations.at(i)));
    if (ids.size() > described)
        session->monitor()->track(ids.mid(described), tr("Demo fleet"));

    Started started;
    started.description = tr("%n sample operations at %1; nothing reaches Microsoft Graph.",
                             nullptr, int(ids.size()))
                              .arg(simulator->rootUrl().toString());
    started.simulator = std::move(simulator);
    return started;
}

} // namespace DemoMode
