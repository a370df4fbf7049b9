#pragma once

#include "support/simulatedgraph.h"

#include "app/polling/operationmonitor.h"
#include "models/operationtablemodel.h"

#include <QAbstractItemModelTester>

#include <memory>

// Where an end-to-end test or benchmark starts: the simulated Graph and its client (see
// SimulatedGraph), a table model, and an OperationMonitor polling the simulator into it.
// Tests keep a QAbstractItemModelTester on the model for the fixture's whole life;
// benchmarks leave it out, since it would measure itself.
struct MonitoredGraph : SimulatedGraph
{
    enum class ModelChecks { On, Off };

    explicit MonitoredGraph(ModelChecks checks = ModelChecks::On);

    OperationTableModel model;
    std::unique_ptr<QAbstractItemModelTester> tester; // declared after the model it watches
    OperationMonitor monitor {&model, &client};
};
