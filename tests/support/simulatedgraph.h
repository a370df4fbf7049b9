#pragma once

#include "app/graph/graphclient.h"
#include "app/graph/tokenprovider.h"
#include "app/simulator/graphsimulator.h"
#include "models/manifest.h"
#include "models/trackedoperation.h"

#include <QString>

class ManifestLoader;

Q_DECLARE_METATYPE(GraphReply)

// The reply the call finishes with; an empty reply when none comes within 10 s.
GraphReply waitForReply(GraphCall *call);

// Points a client at the simulator's v1.0 endpoint, as Settings would; false with *error.
bool pointAtSimulator(GraphClient *client, const GraphSimulator &simulator, QString *error);

// Where a network test starts: a GraphSimulator on 127.0.0.1 (an ephemeral port) and a
// GraphClient pointed at it, carrying the token the simulator accepts.
struct SimulatedGraph
{
    // Starts the simulator and points the client at it; false with *error on failure.
    bool start(QString *error);

    // An export that succeeded long ago, so its manifest is published at once.
    static SimulatedOperation succeededOperation();
    // The operation as the app would track it after one poll through the client; only the id
    // is set when no parsable answer comes within 5 s.
    TrackedOperation fetchOperation(const QString &id);
    // Adds the export, fetches it as above and loads its manifest with loader. The manifest
    // is empty when it did not load within 5 s (a warning says so; callers assert on it).
    Manifest loadManifest(ManifestLoader *loader, const SimulatedOperation &spec,
                          TrackedOperation *operation = nullptr);

    GraphSimulator simulator;
    StaticTokenProvider tokens {simulator.acceptedToken()};
    GraphClient client {&tokens};
};
