#pragma once

#include "app/graph/operationfetch.h"
#include "app/polling/clock.h"

#include <QList>
#include <QUrl>

#include <functional>
#include <map>
#include <memory>

// An OperationFetcher for scheduler tests in simulated time: it records every request and
// answers through the SimulatedClock, after the latency the test's responder chooses, so
// hours of polling run in milliseconds and nothing touches a network.
class FakeFetcher final : public OperationFetcher
{
public:
    struct Request
    {
        QString id;
        QUrl url;
        qint64 sentAtMs = 0;
        qint64 answeredAtMs = -1; // -1 while in flight
        int httpStatus = 0;
        bool cancelled = false; // cancelAll() aborted it: it is never answered
    };
    struct Answer
    {
        FetchOutcome outcome;
        qint64 latencyMs = 100;
    };
    // Decides the answer to a request; `nth` counts the requests for that id, from 0.
    using Responder = std::function<Answer(const Request &request, int nth)>;

    explicit FakeFetcher(SimulatedClock *clock);

    void setResponder(Responder responder) { m_responder = std::move(responder); }
    // Requests go to https://<host>/v1.0/... unless the operation has its own URL.
    void setHost(const QString &host) { m_host = host; }

    QUrl operationUrl(const QString &id, const QUrl &ownUrl) const override;
    void fetch(const QString &id, const QUrl &url, Done done) override;
    void cancelAll() override;
    void dropIdleConnections() override;

    const QList<Request> &requests() const { return m_requests; }
    QList<Request> requestsFor(const QString &id) const;
    int inFlight() const { return m_inFlight; }
    int peakInFlight() const { return m_peakInFlight; }
    int drops() const { return m_drops; }
    int inFlightAtLastDrop() const { return m_inFlightAtLastDrop; }

    // Ready-made answers.
    static FetchOutcome running(const QString &id, const QByteArray &retryAfter = {},
                                const QDateTime &created = {});
    static FetchOutcome finished(const QString &id, OperationStatus status);
    static FetchOutcome problem(int httpStatus, const QByteArray &retryAfter = {});
    static FetchOutcome timeout();

private:
    void deliverDue();

    SimulatedClock *m_clock;
    std::unique_ptr<ClockAlarm> m_alarm;
    Responder m_responder;
    QString m_host = QStringLiteral("graph.example");
    QList<Request> m_requests;
    QHash<QString, int> m_countById;
    std::multimap<qint64, std::pair<int, std::pair<Done, FetchOutcome>>> m_pending;
    int m_inFlight = 0;
    int m_peakInFlight = 0;
    int m_drops = 0;
    int m_inFlightAtLastDrop = -1;
};
