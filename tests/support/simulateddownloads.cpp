#include "simulateddownloads.h"

Manifest SimulatedDownloads::loadManifest(const SimulatedOperation &spec)
{
    TrackedOperation tracked;
    const Manifest manifest = graph.loadManifest(&loader, spec, &tracked);
    operationId = tracked.id;
    return manifest;
}
