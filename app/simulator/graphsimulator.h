#pragma once

#include "blobstore.h"
#include "entrasimulator.h"
#include "faultprofile.h"
#include "scenario.h"
#include "simulatedoperation.h"
#include "simulatorreply.h"
#include "simulatorrequest.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;
class QTcpSocket;

// A stand-in for Microsoft Graph's partner-billing export API on 127.0.0.1: the export
// POSTs, operations that move through their states on a real clock, manifests, and the
// storage that serves their blobs, plus injectable faults.
// Used by demo mode, tests, `graph-simulator` and `billing-monitor-cli simulate`.
class GraphSimulator : public QObject
{
    Q_OBJECT

public:
    explicit GraphSimulator(QObject *parent = nullptr);
    ~GraphSimulator() override;

    // Binds 127.0.0.1 only (port 0: any free port). False with errorString() on failure.
    bool start(quint16 port = 0);
    QString errorString() const { return m_errorString; }
    // Serves https:// with this certificate (for 127.0.0.1) from the next start(), as Graph
    // does, so a client's cost is measured on the path it takes against Graph. Clients must
    // trust the certificate. False with *error naming the file that could not be used.
    bool useTls(const QString &certificatePath, const QString &keyPath, QString *error);
    bool usesTls() const { return m_tls; }
    QUrl rootUrl() const; // http(s)://127.0.0.1:PORT, without a version
    QUrl operationUrl(const QString &operationId,
                      const QString &version = QStringLiteral("v1.0")) const;

    // Graph routes answer 401 without "Authorization: Bearer <token>", where the token is
    // this one or one the Entra ID stand-in issued and not yet expired. Blob routes use SAS.
    // A random token is made up at construction; an empty one is ignored.
    QString acceptedToken() const { return m_token; }
    void setAcceptedToken(const QString &token);

    // Adds the scenario's operations and fleet, and takes its token, faults and export
    // settings when it has them.
    bool loadScenario(const QString &path, QString *error);

    // The stand-in for Entra ID on the same port (sign-in, token renewal).
    EntraSimulator &entra() { return m_entra; }
    const EntraSimulator &entra() const { return m_entra; }
    // The authority to sign in at: the root URL.
    QUrl authorityUrl() const { return rootUrl(); }
    void loadScenario(const Scenario &scenario);

    // Returns the id (lower case), generated when the operation has none.
    QString addOperation(const SimulatedOperation &operation);
    QStringList addFleet(const FleetSpec &fleet);
    int operationCount() const { return int(m_operations.size()); }
    QStringList operationIds() const; // in the order they were added

    void setFaults(const FaultProfile &faults);
    FaultProfile faults() const { return m_faultInjector.profile(); }
    void setExportSettings(const ExportSettings &settings) { m_exports = settings; }
    ExportSettings exportSettings() const { return m_exports; }
    // Every answer leaves this late, so a client's concurrency shows in
    // peakConcurrentRequests().
    void setResponseDelay(int milliseconds) { m_responseDelayMs = milliseconds; }

    // The request log (Graph and blob routes) and what it adds up to. The log keeps the
    // latest requestLogLimit() requests, so a simulator serving a long sweep does not grow
    // without bound; requestCount() counts every request since the last clear.
    static constexpr int DefaultRequestLogLimit = 50000;
    qint64 elapsedMs() const { return m_clock.elapsed(); } // the clock receivedAtMs uses
    QList<SimulatorRequest> requestLog() const { return m_log; }
    QList<SimulatorRequest> requestsFor(const QString &operationId) const;
    int requestCount() const { return int(m_forgotten + m_log.size()); }
    int requestLogLimit() const { return m_logLimit; }
    void setRequestLogLimit(int requests);
    int peakConcurrentRequests() const { return m_peakInFlight; }
    int peakConnections() const { return m_peakConnections; }
    void clearRequestLog();

private:
    struct LiveOperation
    {
        SimulatedOperation spec;
        qint64 createdAtMs = 0; // on m_clock; negative for operations older than the clock
        QDateTime createdWall;
        int order = 0;
    };

    void handle(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    SimulatorReply route(const QHttpServerRequest &request, SimulatorRequest &record);
    SimulatorReply graphRoute(const QHttpServerRequest &request, const QString &version,
                              const QString &rest, SimulatorRequest &record);
    SimulatorReply operationReply(const QString &version, const QString &id);
    SimulatorReply manifestReply(const QString &id);
    SimulatorReply manifestRefusal(int status) const;
    SimulatorReply exportReply(const QHttpServerRequest &request, const QString &version,
                               const QString &rest);
    SimulatorReply faultReply(FaultInjector::Fault fault, const QHttpServerRequest &request,
                              const QString &version, const SimulatorRequest &record);
    SimulatorReply graphError(int status, const QString &code, const QString &message) const;
    void addGraphHeaders(SimulatorReply &reply, const QHttpServerRequest &request) const;
    void deliver(QHttpServerResponder &&responder, const SimulatorReply &reply, qint64 logIndex);
    void send(QHttpServerResponder &responder, QTcpSocket *socket, const SimulatorReply &reply,
              qint64 logIndex);
    void trackConnection(QTcpSocket *socket);
    void forgetOldRequests();
    void finishRequest();
    QString manifestLinkFor(const LiveOperation &operation, const QString &version) const;
    void publishManifest(const LiveOperation &operation);

    std::unique_ptr<QHttpServer> m_server;
    QElapsedTimer m_clock;
    QString m_errorString;
    quint16 m_port = 0;
    bool m_tls = false;
    QString m_token;
    QHash<QString, LiveOperation> m_operations;
    QHash<QString, QString> m_operationByManifest;
    BlobStore m_blobs;
    EntraSimulator m_entra;
    FaultInjector m_faultInjector;
    ExportSettings m_exports;
    int m_responseDelayMs = 0;
    int m_nextOrder = 0;

    QList<SimulatorRequest> m_log;
    qint64 m_logBase = 0; // requests dropped from the log, so late answers find theirs
    qint64 m_forgotten = 0; // requests since the last clear that the limit dropped
    int m_logLimit = DefaultRequestLogLimit;
    int m_inFlight = 0;
    int m_peakInFlight = 0;
    QSet<QTcpSocket *> m_connections;
    int m_peakConnections = 0;
};
