#include "fakefetcher.h"

#include "models/graphjson.h"

FakeFetcher::FakeFetcher(SimulatedClock *clock)
    : m_clock(clock)
    , m_alarm(clock->createAlarm([this] { deliverDue(); }))
{
    m_responder = [](const Request &request, int) {
        return Answer {running(request.id)};
    };
}

QUrl FakeFetcher::operationUrl(const QString &id, const QUrl &ownUrl) const
{
    if (!ownUrl.isEmpty())
        return ownUrl;
    return QUrl(
        QStringLiteral("https://%1/v1.0/reports/partners/billing/operations/%2").arg(m_host, id));
}

void FakeFetcher::fetch(const QString &id, const QUrl &url, Done done)
{
    Request request;
    request.id = id;
    request.url = url;
    request.sentAtMs = m_clock->steadyMs();
    const int index = int(m_requests.size());
    m_requests.append(request);
    m_peakInFlight = std::max(m_peakInFlight, ++m_inFlight);

    const int nth = m_countById[id]++;
    Answer answer = m_responder(request, nth);
    answer.outcome.receivedAt = m_clock->nowUtc().addMSecs(answer.latencyMs);
    const qint64 at = request.sentAtMs + std::max<qint64>(answer.latencyMs, 0);
    m_pending.emplace(at, std::make_pair(index, std::make_pair(std::move(done), answer.outcome)));
    m_alarm->setAt(m_pending.begin()->first);
}

void FakeFetcher::deliverDue()
{
    while (!m_pending.empty() && m_pending.begin()->first <= m_clock->steadyMs()) {
        auto node = m_pending.extract(m_pending.begin());
        auto &[index, delivery] = node.mapped();
        Request &request = m_requests[index];
        request.answeredAtMs = m_clock->steadyMs();
        request.httpStatus = delivery.second.httpStatus;
        --m_inFlight;
        delivery.first(delivery.second);
    }
    if (!m_pending.empty())
        m_alarm->setAt(m_pending.begin()->first);
}

void FakeFetcher::cancelAll()
{
    for (const auto &[at, delivery] : m_pending)
        m_requests[delivery.first].cancelled = true;
    m_inFlight -= int(m_pending.size());
    m_pending.clear();
    m_alarm->cancel();
}

void FakeFetcher::dropIdleConnections()
{
    ++m_drops;
    m_inFlightAtLastDrop = m_inFlight;
}

QList<FakeFetcher::Request> FakeFetcher::requestsFor(const QString &id) const
{
    QList<Request> matching;
    for (const Request &request : m_requests) {
        if (request.id == id)
            matching.append(request);
    }
    return matching;
}

FetchOutcome FakeFetcher::running(const QString &id, const QByteArray &retryAfter,
                                  const QDateTime &created)
{
    FetchOutcome outcome;
    Operation operation;
    operation.id = id;
    operation.status = OperationStatus::Running;
    operation.rawStatus = QStringLiteral("running");
    operation.createdDateTime = created;
    outcome.operation = operation;
    outcome.httpStatus = 200;
    outcome.retryAfter = retryAfter;
    return outcome;
}

FetchOutcome FakeFetcher::finished(const QString &id, OperationStatus status)
{
    FetchOutcome outcome = running(id);
    outcome.operation->status = status;
    outcome.operation->rawStatus = operationStatusKey(status);
    return outcome;
}

FetchOutcome FakeFetcher::problem(int httpStatus, const QByteArray &retryAfter)
{
    FetchOutcome outcome;
    outcome.httpStatus = httpStatus;
    outcome.retryAfter = retryAfter;
    outcome.problem.httpStatus = httpStatus;
    outcome.problem.message = QStringLiteral("HTTP %1").arg(httpStatus);
    if (httpStatus == 429 || (httpStatus == 503 && !retryAfter.isEmpty()))
        outcome.problem.kind = Problem::Kind::Throttled;
    else if (httpStatus >= 500)
        outcome.problem.kind = Problem::Kind::ServerError;
    else if (httpStatus == 404 || httpStatus == 410)
        outcome.problem.kind = Problem::Kind::NotFound;
    else if (httpStatus == 401)
        outcome.problem.kind = Problem::Kind::Unauthorized;
    else
        outcome.problem.kind = Problem::Kind::HttpError;
    return outcome;
}

FetchOutcome FakeFetcher::timeout()
{
    FetchOutcome outcome;
    outcome.problem.kind = Problem::Kind::Timeout;
    outcome.problem.message = QStringLiteral("timed out");
    return outcome;
}
