#include "simulatedgraph.h"

#include "app/downloads/manifestloader.h"
#include "models/graphjson.h"

#include <QSignalSpy>
#include <QTest>

bool pointAtSimulator(GraphClient *client, const GraphSimulator &simulator, QString *error)
{
    const std::optional<GraphEndpoint> endpoint
        = GraphEndpoint::make(simulator.rootUrl().toString(), QStringLiteral("v1.0"), error);
    if (!endpoint)
        return false;
    client->setEndpoint(*endpoint);
    return true;
}

bool SimulatedGraph::start(QString *error)
{
    if (!simulator.start()) {
        *error = simulator.errorString();
        return false;
    }
    return pointAtSimulator(&client, simulator, error);
}

SimulatedOperation SimulatedGraph::succeededOperation()
{
    SimulatedOperation operation;
    operation.ageMs = 60000;
    operation.notStartedMs = 0;
    operation.runningMs = 1000;
    return operation;
}

Manifest SimulatedGraph::loadManifest(ManifestLoader *loader, const SimulatedOperation &spec,
                                      TrackedOperation *operation)
{
    const TrackedOperation tracked = fetchOperation(simulator.addOperation(spec));
    if (operation)
        *operation = tracked;
    loader->load(tracked);
    if (!QTest::qWaitFor(
            [&] { return loader->state(tracked.id).status != ManifestState::Status::Loading; },
            5000))
        qWarning("The manifest of %s did not load within 5 s", qPrintable(tracked.id));
    return loader->state(tracked.id).manifest;
}

TrackedOperation SimulatedGraph::fetchOperation(const QString &id)
{
    TrackedOperation tracked;
    tracked.id = id;
    GraphCall *call = client.get(simulator.operationUrl(id));
    bool done = false;
    QByteArray body;
    // Ends the connection on return, so a late answer never writes to the locals above.
    QObject receiver;
    QObject::connect(call, &GraphCall::finished, &receiver, [&](const GraphReply &reply) {
        done = true;
        body = reply.body;
    });
    if (!QTest::qWaitFor([&] { return done; }, 5000))
        return tracked;
    QString error;
    if (const std::optional<Operation> operation = GraphJson::parseOperation(body, &error))
        tracked.last = *operation;
    return tracked;
}

GraphReply waitForReply(GraphCall *call)
{
    QSignalSpy finished(call, &GraphCall::finished);
    if (!finished.wait(10000))
        return {};
    return finished.first().first().value<GraphReply>();
}
