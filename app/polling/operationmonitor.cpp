#include "app/polling/operationmonitor.h"

#include "app/graph/graphclient.h"
#include "app/graph/operationfetch.h"
#include "app/polling/clock.h"
#include "app/polling/networkstatus.h"
#include "models/operationids.h"
#include "models/operationtablemodel.h"

#include <QSet>

namespace {

void apply(TrackedOperation *operation, const PollUpdate &update)
{
    if (update.answered) {
        operation->lastChecked = update.checkedAt;
        operation->lastRetryAfter = update.retryAfter;
        operation->lastRequestId = update.requestId;
        operation->lastClientRequestId = update.clientRequestId;
        operation->problem = update.problem;
    } else if (update.expired) {
        // Expired by age: the model shows the "start a new export" hint instead.
        operation->problem = Problem();
    }
    if (update.operation)
        operation->last = *update.operation;
    operation->nextCheck = update.nextCheck;
    operation->expired = update.expired;
}

bool isAcceptableLocation(const QUrl &url)
{
    return url.isValid() && !url.host().isEmpty() && url.userInfo().isEmpty()
        && GraphEndpoint::isSecureOrLocal(url);
}

} // namespace

OperationMonitor::OperationMonitor(OperationTableModel *model, GraphClient *client, QObject *parent)
    : OperationMonitor(model, client, nullptr, parent)
{ }

OperationMonitor::OperationMonitor(OperationTableModel *model, GraphClient *client,
                                   NetworkStatus *network, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_client(client)
    , m_ownFetcher(std::make_unique<GraphOperationFetcher>(client))
    , m_ownNetwork(network ? nullptr : new NetworkStatus(Clock::system()))
    , m_clock(Clock::system())
    , m_network(network ? network : m_ownNetwork.get())
{
    if (m_ownNetwork)
        m_ownNetwork->watchSystem();
    // The session points the client at its Graph after building the monitor; a Graph on this
    // computer is reachable even while the machine has no network.
    connect(client, &GraphClient::endpointChanged, this, &OperationMonitor::applyOnline);
    init(m_ownFetcher.get());
}

OperationMonitor::OperationMonitor(OperationTableModel *model, OperationFetcher *fetcher,
                                   Clock *clock, NetworkStatus *network, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_clock(clock)
    , m_network(network)
{
    init(fetcher);
}

OperationMonitor::~OperationMonitor()
{
    // The last results still reach the model; nobody needs to hear about activity now.
    m_activityDirty = false;
    flush();
}

void OperationMonitor::init(OperationFetcher *fetcher)
{
    m_scheduler = std::make_unique<PollScheduler>(fetcher, m_clock);
    m_flushAlarm = m_clock->createAlarm([this] { flush(); });
    connect(m_scheduler.get(), &PollScheduler::updated, this, &OperationMonitor::onUpdated);
    connect(m_scheduler.get(), &PollScheduler::activityChanged, this, [this] {
        m_activityDirty = true;
        scheduleFlush();
    });

    if (m_network) {
        connect(m_network, &NetworkStatus::onlineChanged, this, &OperationMonitor::applyOnline);
        connect(m_network, &NetworkStatus::wokeUp, m_scheduler.get(),
                &PollScheduler::resumeAfterSleep);
    }
    applyOnline();

    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { trackRows(first, last); });
    connect(m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first, int last) { untrackRows(first, last); });
    connect(m_model, &QAbstractItemModel::modelReset, this, &OperationMonitor::resyncWithModel);
    if (m_model->rowCount() > 0)
        trackRows(0, m_model->rowCount() - 1);
}

void OperationMonitor::applyOnline()
{
    // A Graph on this computer (the simulator) is reachable without any network.
    const bool local
        = m_client && GraphEndpoint::isLoopbackHost(m_client->endpoint().root().host());
    const bool online = !m_network || m_network->isOnline() || local;
    if (online == m_scheduler->isOnline())
        return;
    m_scheduler->setOnline(online);
    emit onlineChanged(online);
}

void OperationMonitor::holdTracking()
{
    m_holding = true;
}

void OperationMonitor::resumeTracking()
{
    if (!m_holding)
        return;
    m_holding = false;
    // Every row, unchecked: takeUpWaiting() skips the tracked ones as it goes, and asking
    // here too would be 100,000 more lookups on the GUI thread at start-up.
    m_waiting.clear();
    m_waitingNext = 0;
    m_waiting.reserve(m_model->rowCount());
    for (const TrackedOperation &operation : m_model->operations())
        m_waiting.append(operation.id);
    m_scheduler->reserve(m_waiting.size());
    takeUpWaiting();
}

void OperationMonitor::takeUpWaiting()
{
    QStringList elsewhere;
    const qsizetype end = std::min(m_waiting.size(), m_waitingNext + TrackingSlice);
    for (; m_waitingNext < end; ++m_waitingNext) {
        const QString &id = m_waiting.at(m_waitingNext);
        // Removed meanwhile, or added since and so tracked already.
        const TrackedOperation *operation = m_model->find(id);
        if (operation && !m_scheduler->isTracked(id))
            startTracking(*operation, &elsewhere);
    }
    if (m_waitingNext < m_waiting.size()) {
        QMetaObject::invokeMethod(this, &OperationMonitor::takeUpWaiting, Qt::QueuedConnection);
    } else {
        m_waiting.clear();
        m_waitingNext = 0;
    }
    if (!elsewhere.isEmpty())
        emit locationsElsewhere(elsewhere);
}

void OperationMonitor::trackRows(int first, int last)
{
    if (m_holding)
        return; // resumeTracking() takes them up
    QStringList elsewhere;
    m_scheduler->reserve(last - first + 1);
    for (int row = first; row <= last; ++row)
        startTracking(m_model->at(row), &elsewhere);
    if (!elsewhere.isEmpty())
        emit locationsElsewhere(elsewhere);
}

void OperationMonitor::startTracking(const TrackedOperation &operation, QStringList *elsewhere)
{
    m_scheduler->track(operation);
    if (hasLocationElsewhere(operation))
        elsewhere->append(operation.id);
}

bool OperationMonitor::hasLocationElsewhere(const TrackedOperation &operation) const
{
    return m_client && !operation.url.isEmpty()
        && !m_client->endpoint().isGraphOrigin(operation.url);
}

QStringList OperationMonitor::idsWithLocationElsewhere() const
{
    QStringList ids;
    for (const TrackedOperation &operation : m_model->operations()) {
        if (hasLocationElsewhere(operation))
            ids.append(operation.id);
    }
    return ids;
}

void OperationMonitor::untrackRows(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        const QString id = m_model->at(row).id;
        m_scheduler->untrack(id);
        m_pending.remove(id);
    }
}

void OperationMonitor::resyncWithModel()
{
    QSet<QString> inModel;
    for (const TrackedOperation &operation : m_model->operations())
        inModel.insert(operation.id);
    for (const QString &id : m_scheduler->trackedIds()) {
        if (!inModel.contains(id))
            m_scheduler->untrack(id);
    }
    QStringList elsewhere;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (!m_scheduler->isTracked(m_model->at(row).id))
            startTracking(m_model->at(row), &elsewhere);
    }
    if (!elsewhere.isEmpty())
        emit locationsElsewhere(elsewhere);
}

OperationMonitor::TrackResult OperationMonitor::track(const QStringList &ids, const QString &label)
{
    TrackResult result;
    QList<TrackedOperation> fresh;
    QSet<QString> seen;
    const QDateTime now = m_clock->nowUtc();
    for (const QString &raw : ids) {
        const QString id = raw.trimmed().toLower();
        if (!OperationIds::isValid(id)) {
            result.rejected.append(raw);
        } else if (m_model->contains(id) || seen.contains(id)) {
            result.alreadyTracked.append(id);
        } else {
            seen.insert(id);
            TrackedOperation operation;
            operation.id = id;
            operation.label = label;
            operation.addedAt = now;
            fresh.append(operation);
        }
    }
    if (!fresh.isEmpty())
        result.added = m_model->add(fresh);
    return result;
}

bool OperationMonitor::trackExport(const QString &id, const QUrl &location, const QString &label)
{
    const QString normalized = id.trimmed().toLower();
    if (!OperationIds::isValid(normalized) || !isAcceptableLocation(location)
        || m_model->contains(normalized))
        return false;
    TrackedOperation operation;
    operation.id = normalized;
    operation.url = location;
    operation.label = label;
    operation.addedAt = m_clock->nowUtc();
    return !m_model->add({operation}).isEmpty();
}

void OperationMonitor::remove(const QStringList &ids)
{
    m_model->remove(ids);
}

QString OperationMonitor::refreshAll()
{
    return m_scheduler->refreshAll();
}

QString OperationMonitor::checkNow(const QString &id)
{
    return m_scheduler->checkNow(id.trimmed().toLower());
}

void OperationMonitor::setRefreshIntervalSeconds(int seconds)
{
    PollPolicy changed = m_scheduler->policy();
    changed.refreshIntervalSeconds = seconds;
    m_scheduler->setPolicy(changed);
}

void OperationMonitor::setPolicy(const PollPolicy &policy)
{
    m_scheduler->setPolicy(policy);
}

PollPolicy OperationMonitor::policy() const
{
    return m_scheduler->policy();
}

void OperationMonitor::start()
{
    m_scheduler->start();
}

void OperationMonitor::stop()
{
    m_scheduler->stop();
    flush();
}

bool OperationMonitor::isRunning() const
{
    return m_scheduler->isRunning();
}

int OperationMonitor::requestsInFlight() const
{
    return m_scheduler->requestsInFlight();
}

QDateTime OperationMonitor::nextCheckAt() const
{
    return m_scheduler->nextCheckAt();
}

QDateTime OperationMonitor::throttledUntil() const
{
    return m_scheduler->throttledUntil();
}

bool OperationMonitor::isOnline() const
{
    return m_scheduler->isOnline();
}

void OperationMonitor::onUpdated(const PollUpdate &update)
{
    auto it = m_pending.find(update.id);
    if (it == m_pending.end()) {
        m_pending.insert(update.id, {update});
        m_pendingOrder.append(update.id);
    } else {
        it->append(update);
    }
    scheduleFlush();
}

void OperationMonitor::scheduleFlush()
{
    if (m_flushArmed)
        return;
    m_flushArmed = true;
    m_flushAlarm->setAt(m_clock->steadyMs() + BatchIntervalMs);
}

void OperationMonitor::flush()
{
    m_flushArmed = false;
    if (m_flushAlarm)
        m_flushAlarm->cancel();
    if (m_model && !m_pending.isEmpty()) {
        QList<TrackedOperation> batch;
        batch.reserve(m_pending.size());
        for (const QString &id : std::as_const(m_pendingOrder)) {
            const auto updates = m_pending.constFind(id);
            const TrackedOperation *current = m_model->find(id);
            if (updates == m_pending.constEnd() || !current)
                continue;
            TrackedOperation operation = *current;
            for (const PollUpdate &update : *updates)
                apply(&operation, update);
            batch.append(operation);
        }
        m_model->update(batch);
    }
    m_pending.clear();
    m_pendingOrder.clear();
    if (m_activityDirty) {
        m_activityDirty = false;
        emit activityChanged();
    }
}
