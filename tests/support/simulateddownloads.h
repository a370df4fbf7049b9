#pragma once

#include "app/downloads/downloadmanager.h"
#include "app/downloads/manifestloader.h"
#include "support/simulatedgraph.h"

// Where a download test starts: the simulated Graph, a manifest loader on its client and a
// download manager on the client's own network (so a shared network must still send no
// token to storage).
struct SimulatedDownloads
{
    bool start(QString *error) { return graph.start(error); }
    // The export's manifest, loaded as SimulatedGraph::loadManifest does; operationId is its id.
    Manifest loadManifest(const SimulatedOperation &spec);

    SimulatedGraph graph;
    ManifestLoader loader {&graph.client};
    DownloadManager downloads {graph.client.network()};
    QString operationId;
};
