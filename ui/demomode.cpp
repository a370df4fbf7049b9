#include "demomode.h"

#include "app/auth/signinaccount.h"
#include "app/auth/tokenmanager.h"

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

// The demo is signed in at the simulator's own Entra ID, as a returning user would be, so the
// account button, token renewal, Sign out and signing in again (browser or device code, which
// the simulator approves) all work as they do against Microsoft.
void signInAtTheSimulator(Session *session, GraphSimulator &simulator)
{
    const QString authority = simulator.authorityUrl().toString();
    session->accountSettings()->setConfiguration(QLatin1String(EntraSimulator::TenantDomain),
                                                 QLatin1String(EntraSimulator::ClientId),
                                                 authority);
    SignInAccount account;
    account.flow = SignInAccount::Flow::DeviceCode;
    account.userName = QLatin1String(EntraSimulator::UserName);
    account.secretInKeychain = true;
    account.config = *SignInConfig::make(authority, QLatin1String(EntraSimulator::TenantDomain),
                                         QLatin1String(EntraSimulator::ClientId), nullptr);
    session->signIn()->useAccount(account, simulator.entra().issueRefreshToken());
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
    session->useFixedGraph(*endpoint, QString());
    signInAtTheSimulator(session, *simulator);

    // The simulator lists its operations in the order they were added: the scenario's
    // own first, then any fleet.
    const QStringList ids = simulator->operationIds();
    const qsizetype described = std::min(ids.size(), scenario->operations.size());
    for (qsizetype i = 0; i < described; ++i)
        session->monitor()->track({ids.at(i)}, labelFor(scenario->operations.at(i)));
    if (ids.size() > described)
        session->monitor()->track(ids.mid(described), tr("Demo fleet"));

    Started started;
    started.description = tr("%n sample operations at %1, signed in at its own Entra ID; "
                             "nothing reaches Microsoft.",
                             nullptr, int(ids.size()))
                              .arg(simulator->rootUrl().toString());
    started.simulator = std::move(simulator);
    return started;
}

} // namespace DemoMode
