#pragma once

#include "exitcode.h"

#include "models/manifest.h"
#include "models/trackedoperation.h"

#include <QObject>
#include <QString>

class ManifestLoader;
class OperationSweep;
class Session;

// The manifest of one operation: its current state first (is it succeeded, and where is
// the manifest?), then the manifest itself through the app's ManifestLoader, which decides
// what may be fetched with the token.
class ManifestFetch : public QObject
{
    Q_OBJECT
public:
    explicit ManifestFetch(Session *session, QObject *parent = nullptr);

    void start(const QString &operationId);
    void stop();

    TrackedOperation operation() const;

signals:
    void loaded(const Manifest &manifest);
    // For the analyst: why there is no manifest; a note is something to know on the way.
    void failed(ExitCode code, const QString &message);
    void note(const QString &message);

private:
    void onSwept();
    void onManifestState(const QString &operationId);

    Session *m_session;
    OperationSweep *m_sweep;
    ManifestLoader *m_loader;
    QString m_id;
    bool m_stopped = false;
};
