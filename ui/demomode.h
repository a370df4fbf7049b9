#pragma once

#include <QString>

#include <memory>

class GraphSimulator;
class Session;

// `billing-monitor --demo`: the built-in Graph simulator runs in this process on 127.0.0.1,
// the session talks to it with its token, and the scenario's operations are tracked with
// labels that say what each will do, so the analyst can watch the whole life of an export.
namespace DemoMode {

// The scenario compiled into the app.
QString defaultScenarioPath();

struct Started
{
    std::unique_ptr<GraphSimulator> simulator;
    QString description; // for the window's banner
};

// Starts the simulator with the scenario, plus fleetCount operations with random timelines
// (`--demo --fleet N`), and points the session at it. On failure returns no simulator and
// sets *error.
Started start(Session *session, const QString &scenarioPath, int fleetCount, QString *error);

} // namespace DemoMode
