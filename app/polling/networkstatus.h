#pragma once

#include <QObject>

#include <memory>

class Clock;
class ClockAlarm;

// Whether polling makes sense right now: is there a network, and did the machine just wake
// up? Reachability comes from QNetworkInformation; waking up shows as the wall clock having
// moved far more than the steady clock, which stands still while the machine sleeps.
class NetworkStatus : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 WakeCheckIntervalMs = 5000;

    explicit NetworkStatus(Clock *clock, QObject *parent = nullptr);
    ~NetworkStatus() override;

    // Follows the system's reachability through Qt's default backend. Without a backend
    // (or before it knows) the network counts as online: a wrong "offline" would stop
    // polling for good, a wrong "online" only costs failed requests.
    void watchSystem();

    bool isOnline() const { return m_online; }
    void setOnline(bool online);

signals:
    void onlineChanged(bool online);
    // The wall clock jumped this much beyond the steady clock since the last look.
    void wokeUp(qint64 sleptMs);

private:
    void checkForSleep();

    Clock *m_clock;
    std::unique_ptr<ClockAlarm> m_wakeCheck;
    qint64 m_lastSteadyMs = 0;
    qint64 m_lastWallMs = 0;
    bool m_online = true;
};
