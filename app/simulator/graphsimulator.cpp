#include "graphsimulator.h"

#include "exportbodycheck.h"
#include "httpdate.h"

#include <QFile>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

#include <random>

namespace {

using Fault = FaultInjector::Fault;

QByteArray headerValue(const QHttpServerRequest &request, const QByteArray &name)
{
    for (const auto &header : request.headers()) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

bool hasHeader(const QHttpServerRequest &request, const QByteArray &name)
{
    const auto headers = request.headers();
    return std::any_of(headers.begin(), headers.end(), [&](const auto &header) {
        return header.first.compare(name, Qt::CaseInsensitive) == 0;
    });
}

QByteArray methodName(const QHttpServerRequest &request)
{
    switch (request.method()) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    default:
        return "OTHER";
    }
}

bool isGuid(const QString &text)
{
    static const QRegularExpression guid(QStringLiteral(
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return guid.match(text).hasMatch();
}

QString newGuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

quint64 stableHash(const QString &text)
{
    quint64 hash = 0xcbf29ce484222325ull;
    for (const QChar c : text)
        hash = (hash ^ c.unicode()) * 0x100000001b3ull;
    return hash;
}

// Graph writes createdDateTime without offset or fraction, lastActionDateTime with seven
// fractional digits and Z, as the documented examples do; both quirks are reproduced on
// purpose.
QString createdText(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
}

QString lastActionText(const QDateTime &time, const QString &id)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz"))
        + QStringLiteral("%1Z").arg(stableHash(id) % 10000, 4, 10, QLatin1Char('0'));
}

QJsonObject publicErrorJson(const PublicError &error)
{
    QJsonObject object;
    const auto put = [&object](const char *key, const QString &value) {
        if (!value.isEmpty())
            object.insert(QLatin1String(key), value);
    };
    put("code", error.code);
    put("message", error.message);
    put("target", error.target);
    if (!error.details.isEmpty()) {
        QJsonArray details;
        for (const PublicErrorDetail &detail : error.details) {
            details.append(QJsonObject {{QStringLiteral("code"), detail.code},
                                        {QStringLiteral("message"), detail.message},
                                        {QStringLiteral("target"), detail.target}});
        }
        object.insert(QStringLiteral("details"), details);
    }
    if (!error.innerError.isEmpty())
        object.insert(QStringLiteral("innerError"), error.innerError);
    return object;
}

QByteArray jsonBytes(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

GraphSimulator::GraphSimulator(QObject *parent)
    : QObject(parent)
    , m_server(std::make_unique<QHttpServer>())
    , m_token(QStringLiteral("sim-")
              + QString::number(QRandomGenerator::system()->generate64(), 36))
{
    m_clock.start();
    // One entry point for every request, so logging, authentication and faults apply the
    // same way everywhere.
    m_server->setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            handle(request, std::move(responder));
        });
}

GraphSimulator::~GraphSimulator()
{
    // The server's sockets report their disconnection while it is destroyed; every member
    // they report to must still be alive then.
    m_server.reset();
}

bool GraphSimulator::start(quint16 port)
{
    m_port = m_server->listen(QHostAddress::LocalHost, port);
    if (m_port == 0) {
        m_errorString = port == 0
            ? QStringLiteral("Cannot listen on 127.0.0.1")
            : QStringLiteral("Cannot listen on 127.0.0.1:%1 (in use?)").arg(port);
        return false;
    }
    m_errorString.clear();
    return true;
}

bool GraphSimulator::useTls(const QString &certificatePath, const QString &keyPath, QString *error)
{
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(certificatePath);
    if (certificates.isEmpty()) {
        *error = QStringLiteral("%1 holds no PEM certificate").arg(certificatePath);
        return false;
    }
    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(keyPath, keyFile.errorString());
        return false;
    }
    const QByteArray pem = keyFile.readAll();
    QSslKey key(pem, QSsl::Ec);
    if (key.isNull())
        key = QSslKey(pem, QSsl::Rsa);
    if (key.isNull()) {
        *error = QStringLiteral("%1 holds no unencrypted PEM EC or RSA private key").arg(keyPath);
        return false;
    }
    m_server->sslSetup(certificates.first(), key);
    m_tls = true;
    return true;
}

QUrl GraphSimulator::rootUrl() const
{
    QUrl url;
    url.setScheme(m_tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    return url;
}

QUrl GraphSimulator::operationUrl(const QString &operationId, const QString &version) const
{
    QUrl url = rootUrl();
    url.setPath(
        QStringLiteral("/%1/reports/partners/billing/operations/%2").arg(version, operationId));
    return url;
}

void GraphSimulator::setAcceptedToken(const QString &token)
{
    if (!token.isEmpty())
        m_token = token;
}

bool GraphSimulator::loadScenario(const QString &path, QString *error)
{
    const std::optional<Scenario> scenario = Scenario::fromFile(path, error);
    if (!scenario)
        return false;
    loadScenario(*scenario);
    return true;
}

void GraphSimulator::loadScenario(const Scenario &scenario)
{
    setAcceptedToken(scenario.token);
    for (const SimulatedOperation &operation : scenario.operations)
        addOperation(operation);
    if (scenario.fleet)
        addFleet(*scenario.fleet);
    if (scenario.exports)
        m_exports = *scenario.exports;
    if (scenario.faults)
        setFaults(*scenario.faults);
}

QString GraphSimulator::addOperation(const SimulatedOperation &operation)
{
    LiveOperation live;
    live.spec = operation;
    live.spec.id = (operation.id.isEmpty() ? newGuid() : operation.id).toLower();
    live.spec.manifestId
        = (operation.manifestId.isEmpty() ? newGuid() : operation.manifestId).toLower();
    live.createdAtMs = m_clock.elapsed() - operation.ageMs;
    live.createdWall = QDateTime::currentDateTimeUtc().addMSecs(-operation.ageMs);
    live.order = m_nextOrder++;
    m_operationByManifest.insert(live.spec.manifestId, live.spec.id);
    m_operations.insert(live.spec.id, live);
    return live.spec.id;
}

QStringList GraphSimulator::addFleet(const FleetSpec &fleet)
{
    std::mt19937 random(fleet.seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    QStringList ids;
    ids.reserve(fleet.count);
    for (int i = 0; i < fleet.count; ++i) {
        // Ids come from the seed too, so a fleet is the same on every run.
        const quint32 a = random(), b = random(), c = random(), d = random();
        const QUuid uuid(a, quint16(b >> 16), quint16((b & 0x0fff) | 0x4000),
                         uchar(((c >> 24) & 0x3f) | 0x80), uchar(c >> 16), uchar(c >> 8), uchar(c),
                         uchar(d >> 24), uchar(d >> 16), uchar(d >> 8), uchar(d));
        SimulatedOperation operation;
        operation.id = uuid.toString(QUuid::WithoutBraces);
        const double totalSeconds
            = fleet.minSeconds + unit(random) * (fleet.maxSeconds - fleet.minSeconds);
        const qint64 totalMs = qint64(totalSeconds * 1000);
        operation.notStartedMs = qint64(unit(random) * 0.2 * double(totalMs));
        operation.runningMs = totalMs - operation.notStartedMs;
        operation.outcome = unit(random) < fleet.failureRate
            ? SimulatedOperation::Outcome::Failed
            : SimulatedOperation::Outcome::Succeeded;
        operation.retryAfter = fleet.retryAfter;
        operation.manifest = fleet.manifest;
        ids.append(addOperation(operation));
    }
    return ids;
}

QStringList GraphSimulator::operationIds() const
{
    QList<const LiveOperation *> ordered;
    for (const LiveOperation &operation : m_operations)
        ordered.append(&operation);
    std::sort(ordered.begin(), ordered.end(),
              [](const LiveOperation *a, const LiveOperation *b) { return a->order < b->order; });
    QStringList ids;
    for (const LiveOperation *operation : ordered)
        ids.append(operation->spec.id);
    return ids;
}

void GraphSimulator::setFaults(const FaultProfile &faults)
{
    m_faultInjector.setProfile(faults);
}

QList<SimulatorRequest> GraphSimulator::requestsFor(const QString &operationId) const
{
    const QString id = operationId.toLower();
    QList<SimulatorRequest> requests;
    for (const SimulatorRequest &request : m_log) {
        if (request.operationId == id)
            requests.append(request);
    }
    return requests;
}

void GraphSimulator::setRequestLogLimit(int requests)
{
    m_logLimit = qMax(1, requests);
    forgetOldRequests();
}

void GraphSimulator::forgetOldRequests()
{
    if (m_log.size() <= m_logLimit)
        return;
    // The older half goes at once, so the cost of moving the rest is spread thin.
    const qsizetype drop = m_log.size() - qMax(1, m_logLimit / 2);
    m_log.remove(0, drop);
    m_logBase += drop;
    m_forgotten += drop;
}

void GraphSimulator::clearRequestLog()
{
    m_logBase += m_log.size();
    m_log.clear();
    m_forgotten = 0;
    m_peakInFlight = m_inFlight;
    m_peakConnections = int(m_connections.size());
}

void GraphSimulator::handle(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    trackConnection(responder.socket());
    m_peakInFlight = qMax(m_peakInFlight, ++m_inFlight);

    SimulatorRequest record;
    record.method = methodName(request);
    record.path = request.url().path();
    record.hadAuthorization = hasHeader(request, "Authorization");
    record.clientRequestId = QString::fromLatin1(headerValue(request, "client-request-id"));
    record.receivedAtMs = m_clock.elapsed();
    const SimulatorReply reply = route(request, record);
    m_log.append(record);
    const qint64 logIndex = m_logBase + m_log.size() - 1;
    forgetOldRequests();
    deliver(std::move(responder), reply, logIndex);
}

SimulatorReply GraphSimulator::route(const QHttpServerRequest &request, SimulatorRequest &record)
{
    const QString path = request.url().path();
    if (path.startsWith(QLatin1String("/blob/"))) {
        if (request.method() != QHttpServerRequest::Method::Get) {
            SimulatorReply reply;
            reply.status = 405;
            return reply;
        }
        return m_blobs.serve(path, request.query(), headerValue(request, "Range"),
                             QDateTime::currentDateTimeUtc());
    }
    if (EntraSimulator::handles(path))
        return m_entra.handle(request, rootUrl());

    static const QRegularExpression graphPath(
        QStringLiteral("^/(v1\\.0|beta)/reports/partners/billing/(.+)$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = graphPath.match(path);
    SimulatorReply reply;
    if (!match.hasMatch()) {
        reply = graphError(404, QStringLiteral("BadRequest"),
                           QStringLiteral("Resource not found for the segment '%1'.")
                               .arg(path.section(QLatin1Char('/'), 1, 1)));
    } else {
        reply = graphRoute(request, match.captured(1).toLower(), match.captured(2), record);
    }
    addGraphHeaders(reply, request);
    return reply;
}

SimulatorReply GraphSimulator::graphRoute(const QHttpServerRequest &request, const QString &version,
                                          const QString &rest, SimulatorRequest &record)
{
    const QByteArray authorization = headerValue(request, "Authorization");
    const bool bearer = authorization.left(7).compare("Bearer ", Qt::CaseInsensitive) == 0;
    const QByteArray presented = authorization.mid(7);
    bool expired = false;
    const bool accepted = bearer
        && (presented == m_token.toUtf8()
            || m_entra.acceptsAccessToken(QString::fromLatin1(presented), &expired));
    if (!accepted) {
        SimulatorReply reply = graphError(
            401, QStringLiteral("InvalidAuthenticationToken"),
            authorization.isEmpty() ? QStringLiteral("Access token is empty.")
                : expired ? QStringLiteral("Lifetime validation failed, the token is expired.")
                          : QStringLiteral("Access token validation failure."));
        reply.setHeader("WWW-Authenticate",
                        "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/"
                        "common/oauth2/authorize\", client_id=\"00000003-0000-0000-c000-"
                        "000000000000\"");
        return reply;
    }

    static const QRegularExpression operationPath(QStringLiteral("^operations/([^/]+)$"),
                                                  QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch operation = operationPath.match(rest);
    if (operation.hasMatch())
        record.operationId = operation.captured(1).toLower();

    const Fault fault = m_faultInjector.next();
    if (fault != Fault::None)
        return faultReply(fault, request, version, record);

    static const QRegularExpression manifestPath(QStringLiteral("^manifests/([^/]+)$"),
                                                 QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression exportPath(QStringLiteral("^[^/]+/[^/]+/export$"),
                                               QRegularExpression::CaseInsensitiveOption);
    const bool isGet = request.method() == QHttpServerRequest::Method::Get;
    const bool isPost = request.method() == QHttpServerRequest::Method::Post;
    if (operation.hasMatch() && isGet)
        return operationReply(version, operation.captured(1));
    const QRegularExpressionMatch manifest = manifestPath.match(rest);
    if (manifest.hasMatch() && isGet)
        return manifestReply(manifest.captured(1));
    if (exportPath.match(rest).hasMatch() && isPost)
        return exportReply(request, version, rest);
    if (operation.hasMatch() || manifest.hasMatch() || exportPath.match(rest).hasMatch()) {
        return graphError(405, QStringLiteral("BadRequest"),
                          QStringLiteral("The HTTP method '%1' is not allowed for this resource.")
                              .arg(QString::fromLatin1(methodName(request))));
    }
    return graphError(404, QStringLiteral("BadRequest"),
                      QStringLiteral("Resource not found for the segment '%1'.")
                          .arg(rest.section(QLatin1Char('/'), 0, 0)));
}

SimulatorReply GraphSimulator::operationReply(const QString &version, const QString &rawId)
{
    if (!isGuid(rawId)) {
        return graphError(404, QStringLiteral("itemNotFound"),
                          QStringLiteral("'%1' is not a valid operation id.").arg(rawId));
    }
    const auto found = m_operations.constFind(rawId.toLower());
    if (found == m_operations.constEnd()) {
        return graphError(404, QStringLiteral("itemNotFound"),
                          QStringLiteral("The operation '%1' was not found.").arg(rawId));
    }
    const LiveOperation &live = *found;
    const SimulatedOperation &spec = live.spec;
    const qint64 age = m_clock.elapsed() - live.createdAtMs;
    const SimulatedOperation::Phase phase = spec.phaseAt(age);
    if (phase == SimulatedOperation::Phase::Expired) {
        return spec.expiredStatus == 410
            ? graphError(410, QStringLiteral("resourceGone"),
                         QStringLiteral("The operation '%1' has expired.").arg(spec.id))
            : graphError(404, QStringLiteral("itemNotFound"),
                         QStringLiteral("The operation '%1' was not found.").arg(spec.id));
    }

    QJsonObject body {
        {QStringLiteral("id"), spec.id},
        {QStringLiteral("status"), spec.statusText(phase)},
        {QStringLiteral("createdDateTime"), createdText(live.createdWall)},
        {QStringLiteral("lastActionDateTime"),
         lastActionText(live.createdWall.addMSecs(spec.phaseStartMs(age)), spec.id)},
    };
    SimulatorReply reply;
    switch (phase) {
    case SimulatedOperation::Phase::NotStarted:
    case SimulatedOperation::Phase::Running:
        body.insert(QStringLiteral("@odata.type"),
                    QStringLiteral("#microsoft.graph.partners.billing.runningOperation"));
        if (!spec.retryAfter.isEmpty())
            reply.setHeader("Retry-After", spec.retryAfter);
        break;
    case SimulatedOperation::Phase::Succeeded:
        body.insert(QStringLiteral("@odata.type"),
                    QStringLiteral("#microsoft.graph.partners.billing.exportSuccessOperation"));
        publishManifest(live);
        if (spec.inlineManifest) {
            body.insert(
                QStringLiteral("resourceLocation"),
                m_blobs.manifestJson(spec.manifestId, rootUrl(), QDateTime::currentDateTimeUtc()));
        } else {
            body.insert(QStringLiteral("resourceLocation@odata.navigationLink"),
                        manifestLinkFor(live, version));
        }
        break;
    case SimulatedOperation::Phase::Failed:
        body.insert(QStringLiteral("@odata.type"),
                    QStringLiteral("#microsoft.graph.partners.billing.failedOperation"));
        body.insert(QStringLiteral("error"), publicErrorJson(spec.error));
        break;
    case SimulatedOperation::Phase::Expired:
        break;
    }
    reply.body = jsonBytes(body);
    return reply;
}

SimulatorReply GraphSimulator::manifestReply(const QString &rawId)
{
    const QString id = rawId.toLower();
    const auto owner = m_operationByManifest.constFind(id);
    const auto operation = owner == m_operationByManifest.constEnd()
        ? m_operations.constEnd()
        : m_operations.constFind(*owner);
    // Graph checks the caller's rights before it looks for the manifest.
    if (operation != m_operations.constEnd() && operation->spec.manifestStatus != 0)
        return manifestRefusal(operation->spec.manifestStatus);
    // A manifest exists only once its operation has succeeded (and not expired).
    if (!isGuid(rawId) || operation == m_operations.constEnd()
        || operation->spec.phaseAt(m_clock.elapsed() - operation->createdAtMs)
            != SimulatedOperation::Phase::Succeeded) {
        return graphError(404, QStringLiteral("itemNotFound"),
                          QStringLiteral("The manifest '%1' was not found.").arg(rawId));
    }
    publishManifest(*operation);
    SimulatorReply reply;
    reply.body = jsonBytes(m_blobs.manifestJson(id, rootUrl(), QDateTime::currentDateTimeUtc()));
    return reply;
}

SimulatorReply GraphSimulator::manifestRefusal(int status) const
{
    switch (status) {
    case 401:
        return graphError(401, QStringLiteral("InvalidAuthenticationToken"),
                          QStringLiteral("Access token validation failure."));
    case 403:
        return graphError(403, QStringLiteral("Forbidden"),
                          QStringLiteral("Either the signed-in user does not have sufficient "
                                         "privileges, or you need to use a different account."));
    default:
        return graphError(status, QStringLiteral("UnknownError"),
                          QStringLiteral("The manifest could not be served."));
    }
}

SimulatorReply GraphSimulator::exportReply(const QHttpServerRequest &request,
                                           const QString &version, const QString &rest)
{
    const QStringList parts = rest.toLower().split(QLatin1Char('/'));
    const bool knownData
        = parts.at(0) == QLatin1String("usage") || parts.at(0) == QLatin1String("reconciliation");
    const bool knownPeriod
        = parts.at(1) == QLatin1String("billed") || parts.at(1) == QLatin1String("unbilled");
    if (!knownData || !knownPeriod) {
        return graphError(404, QStringLiteral("BadRequest"),
                          QStringLiteral("Resource not found for the segment '%1'.")
                              .arg(knownData ? parts.at(1) : parts.at(0)));
    }
    const auto kind = parts.at(1) == QLatin1String("billed") ? ExportBodyCheck::Kind::Billed
                                                             : ExportBodyCheck::Kind::Unbilled;
    const ExportBodyCheck::Problem problem = ExportBodyCheck::validate(kind, request.body());
    if (!problem.isEmpty())
        return graphError(400, problem.code, problem.message);

    switch (m_exports.forcedStatus) {
    case 403:
        return graphError(403, QStringLiteral("Forbidden"),
                          QStringLiteral("Either the signed-in user does not have sufficient "
                                         "privileges, or you need to use a different account."));
    case 429: {
        SimulatorReply reply = graphError(429, QStringLiteral("TooManyRequests"),
                                          QStringLiteral("Please retry again later."));
        reply.setHeader("Retry-After",
                        QByteArray::number(m_faultInjector.profile().retryAfterSeconds));
        return reply;
    }
    case 500:
        return graphError(500, QStringLiteral("InternalServerError"),
                          QStringLiteral("An internal server error occurred."));
    default:
        break;
    }

    SimulatedOperation operation;
    operation.runningMs = m_exports.succeedAfterMs;
    operation.outcome = m_exports.outcome;
    operation.retryAfter = m_exports.retryAfter;
    operation.manifest = m_exports.manifest;
    operation.manifest.reconciliation = parts.at(0) == QLatin1String("reconciliation");
    operation.manifest.basicAttributes = ExportBodyCheck::asksForBasicAttributes(request.body());
    const QString id = addOperation(operation);
    SimulatorReply reply;
    reply.status = 202;
    if (!m_exports.omitLocation)
        reply.setHeader("Location", operationUrl(id, version).toEncoded());
    return reply;
}

SimulatorReply GraphSimulator::faultReply(Fault fault, const QHttpServerRequest &request,
                                          const QString &version, const SimulatorRequest &record)
{
    const FaultProfile &profile = m_faultInjector.profile();
    const QByteArray seconds = QByteArray::number(profile.retryAfterSeconds);
    SimulatorReply reply;
    switch (fault) {
    case Fault::Throttle:
    case Fault::ThrottleHttpDate:
        reply = graphError(429, QStringLiteral("TooManyRequests"),
                           QStringLiteral("Please retry again later."));
        reply.setHeader("Retry-After",
                        fault == Fault::Throttle ? seconds
                                                 : httpDate(QDateTime::currentDateTimeUtc().addSecs(
                                                     profile.retryAfterSeconds)));
        return reply;
    case Fault::ServerError:
        return graphError(500, QStringLiteral("InternalServerError"),
                          QStringLiteral("An internal server error occurred."));
    case Fault::Unavailable:
    case Fault::UnavailableBare:
        reply = graphError(503, QStringLiteral("serviceNotAvailable"),
                           QStringLiteral("The service is temporarily unavailable."));
        if (fault == Fault::Unavailable)
            reply.setHeader("Retry-After", seconds);
        return reply;
    case Fault::GatewayTimeout:
        return graphError(504, QStringLiteral("UnknownError"),
                          QStringLiteral("The gateway did not receive a timely response."));
    case Fault::ConnectionReset:
        reply.closeWithoutAnswer = true;
        return reply;
    case Fault::Stall:
        reply.closeWithoutAnswer = true;
        reply.holdMs = profile.stallMs;
        return reply;
    case Fault::HtmlBody:
        reply.setHeader("Content-Type", "text/html; charset=utf-8");
        reply.body = "<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body>"
                     "<h1>The service is temporarily unavailable</h1><p>Please try again later."
                     "</p></body></html>";
        return reply;
    case Fault::TruncatedBody: {
        // GETs have no side effects, so the true answer can be computed and cut in half.
        if (request.method() == QHttpServerRequest::Method::Get && !record.operationId.isEmpty())
            reply = operationReply(version, record.operationId);
        else
            reply = graphError(500, QStringLiteral("InternalServerError"),
                               QStringLiteral("An internal server error occurred."));
        reply.cutAfterBytes = reply.body.size() / 2;
        return reply;
    }
    case Fault::None:
        break;
    }
    return reply;
}

SimulatorReply GraphSimulator::graphError(int status, const QString &code,
                                          const QString &message) const
{
    SimulatorReply reply;
    reply.status = status;
    const QJsonObject error {
        {QStringLiteral("code"), code},
        {QStringLiteral("message"), message},
        {QStringLiteral("innerError"),
         QJsonObject {{QStringLiteral("date"), createdText(QDateTime::currentDateTimeUtc())}}},
    };
    reply.body = jsonBytes(QJsonObject {{QStringLiteral("error"), error}});
    return reply;
}

void GraphSimulator::addGraphHeaders(SimulatorReply &reply, const QHttpServerRequest &request) const
{
    const QByteArray requestId = newGuid().toLatin1();
    if (reply.body.startsWith("{\"error\"")) {
        // Put the same request-id into the error body as into the header.
        QJsonObject document = QJsonDocument::fromJson(reply.body).object();
        QJsonObject error = document.value(QStringLiteral("error")).toObject();
        QJsonObject inner = error.value(QStringLiteral("innerError")).toObject();
        inner.insert(QStringLiteral("request-id"), QString::fromLatin1(requestId));
        const QByteArray clientRequestId = headerValue(request, "client-request-id");
        if (!clientRequestId.isEmpty())
            inner.insert(QStringLiteral("client-request-id"), QString::fromLatin1(clientRequestId));
        error.insert(QStringLiteral("innerError"), inner);
        document.insert(QStringLiteral("error"), error);
        reply.body = jsonBytes(document);
    }
    const bool hasContentType
        = std::any_of(reply.headers.begin(), reply.headers.end(),
                      [](const auto &h) { return h.first == "Content-Type"; });
    if (!hasContentType)
        reply.setHeader("Content-Type", "application/json");
    reply.setHeader("request-id", requestId);
    const QByteArray clientRequestId = headerValue(request, "client-request-id");
    if (!clientRequestId.isEmpty())
        reply.setHeader("client-request-id", clientRequestId);
    reply.setHeader("x-ms-ags-diagnostic",
                    "{\"ServerInfo\":{\"DataCenter\":\"Loopback\",\"Slice\":\"E\",\"Ring\":\"0\","
                    "\"ScaleUnit\":\"000\",\"RoleInstance\":\"graph-simulator\"}}");
}

QString GraphSimulator::manifestLinkFor(const LiveOperation &operation,
                                        const QString &version) const
{
    const QUrl root
        = operation.spec.manifestLinkRoot.isEmpty() ? rootUrl() : operation.spec.manifestLinkRoot;
    QUrl link = root.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment);
    link.setPath(QStringLiteral("/%1/reports/partners/billing/manifests/%2")
                     .arg(version, operation.spec.manifestId));
    return link.toString();
}

void GraphSimulator::publishManifest(const LiveOperation &operation)
{
    const SimulatedOperation &spec = operation.spec;
    m_blobs.addManifest(spec.manifestId, spec.manifest,
                        operation.createdWall.addMSecs(spec.notStartedMs + spec.runningMs));
}

void GraphSimulator::trackConnection(QTcpSocket *socket)
{
    if (m_connections.contains(socket))
        return;
    m_connections.insert(socket);
    m_peakConnections = qMax(m_peakConnections, int(m_connections.size()));
    const auto forget = [this, socket] {
        m_connections.remove(socket);
    };
    connect(socket, &QTcpSocket::disconnected, this, forget);
    connect(socket, &QObject::destroyed, this, forget);
}

void GraphSimulator::finishRequest()
{
    --m_inFlight;
}

void GraphSimulator::deliver(QHttpServerResponder &&responder, const SimulatorReply &reply,
                             qint64 logIndex)
{
    QPointer<QTcpSocket> socket = responder.socket();
    const int delay = reply.holdMs + m_responseDelayMs;
    const bool closesConnection
        = reply.closeWithoutAnswer || reply.cutAfterBytes >= 0 || reply.trickleMs > 0;
    if (delay <= 0 && !closesConnection) {
        send(responder, socket, reply, logIndex);
        finishRequest();
        return;
    }

    // Answered later (or cut off outside the server's request handling): the responder
    // lives on, and the request counts as in flight until answered or the client leaves.
    auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
    struct Pending
    {
        QMetaObject::Connection onDisconnect;
        bool finished = false;
    };
    auto pending = std::make_shared<Pending>();
    const auto finish = [this, pending] {
        if (pending->finished)
            return;
        pending->finished = true;
        disconnect(pending->onDisconnect);
        finishRequest();
    };
    pending->onDisconnect = connect(socket, &QTcpSocket::disconnected, this, finish);
    QTimer::singleShot(qMax(0, delay), this, [this, held, socket, reply, logIndex, finish] {
        // The client may have given up meanwhile: the responder's raw socket pointer is
        // then dangling, so only the guarded one decides.
        if (socket && socket->state() == QAbstractSocket::ConnectedState) {
            if (reply.closeWithoutAnswer)
                socket->abort();
            else
                send(*held, socket, reply, logIndex);
        }
        finish();
    });
}

void GraphSimulator::send(QHttpServerResponder &responder, QTcpSocket *socket,
                          const SimulatorReply &reply, qint64 logIndex)
{
    const qsizetype index = logIndex - m_logBase;
    if (index >= 0 && index < m_log.size()) {
        SimulatorRequest &record = m_log[index];
        record.status = reply.status;
        record.answeredAtMs = m_clock.elapsed();
        for (const auto &header : reply.headers) {
            if (header.first == "Retry-After")
                record.retryAfter = header.second;
        }
    }

    responder.writeStatusLine(QHttpServerResponder::StatusCode(reply.status));
    responder.writeHeader("Date", httpDate(QDateTime::currentDateTimeUtc()));
    for (const auto &header : reply.headers)
        responder.writeHeader(header.first, header.second);
    responder.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
    if (reply.cutAfterBytes >= 0) {
        responder.writeBody(reply.body.left(reply.cutAfterBytes));
        if (!reply.holdOpenAfterCut)
            socket->disconnectFromHost();
        return;
    }
    responder.writeBody(QByteArray());
    if (reply.trickleMs > 0) {
        // Owned by the socket, so that a client giving up ends the trickle too.
        auto *trickle = new QTimer(socket);
        trickle->setInterval(reply.trickleMs);
        connect(trickle, &QTimer::timeout, socket,
                [socket, trickle, body = reply.body, sent = qsizetype(0)]() mutable {
                    if (sent >= body.size()) {
                        trickle->deleteLater();
                        return;
                    }
                    socket->write(body.constData() + sent, 1);
                    ++sent;
                });
        trickle->start();
        return;
    }
    // Written straight to the socket: QIODevice keeps a reference to the QByteArray
    // instead of copying it, which matters for blobs of hundreds of megabytes.
    socket->write(reply.body);
}
