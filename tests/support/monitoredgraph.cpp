#include "monitoredgraph.h"

MonitoredGraph::MonitoredGraph(ModelChecks checks)
{
    if (checks == ModelChecks::On)
        tester = std::make_unique<QAbstractItemModelTester>(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
}
