#include "app/polling/networkstatus.h"

#include "app/polling/clock.h"
#include "app/polling/pollpolicy.h"

#include <QNetworkInformation>

NetworkStatus::NetworkStatus(Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_wakeCheck(clock->createAlarm([this] { checkForSleep(); }))
    , m_lastSteadyMs(clock->steadyMs())
    , m_lastWallMs(clock->nowUtc().toMSecsSinceEpoch())
{
    m_wakeCheck->setAt(m_lastSteadyMs + WakeCheckIntervalMs);
}

NetworkStatus::~NetworkStatus() = default;

void NetworkStatus::watchSystem()
{
    if (!QNetworkInformation::instance() && !QNetworkInformation::loadDefaultBackend())
        return;
    QNetworkInformation *information = QNetworkInformation::instance();
    const auto apply = [this](QNetworkInformation::Reachability reachability) {
        // Local and Site still reach a Graph simulator or a proxy; only "no network at all"
        // is worth pausing for.
        setOnline(reachability != QNetworkInformation::Reachability::Disconnected);
    };
    connect(information, &QNetworkInformation::reachabilityChanged, this, apply);
    apply(information->reachability());
}

void NetworkStatus::setOnline(bool online)
{
    if (online == m_online)
        return;
    m_online = online;
    emit onlineChanged(online);
}

void NetworkStatus::checkForSleep()
{
    const qint64 steady = m_clock->steadyMs();
    const qint64 wall = m_clock->nowUtc().toMSecsSinceEpoch();
    const qint64 jump = (wall - m_lastWallMs) - (steady - m_lastSteadyMs);
    m_lastSteadyMs = steady;
    m_lastWallMs = wall;
    m_wakeCheck->setAt(steady + WakeCheckIntervalMs);
    if (jump > PollPolicy::SleepJumpMs)
        emit wokeUp(jump);
}
