#include "app/polling/clock.h"

#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <limits>

namespace {

class TimerAlarm final : public ClockAlarm
{
public:
    TimerAlarm(const QElapsedTimer &steady, std::function<void()> onAlarm)
        : m_steady(steady)
    {
        m_timer.setSingleShot(true);
        // A coarse timer may fire up to 5 % early; a wait that honours Retry-After must not.
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, std::move(onAlarm));
    }
    void setAt(qint64 steadyMs) override
    {
        const qint64 wait
            = std::clamp<qint64>(steadyMs - m_steady.elapsed(), 0, std::numeric_limits<int>::max());
        m_timer.start(int(wait));
    }
    void cancel() override { m_timer.stop(); }

private:
    const QElapsedTimer &m_steady;
    QTimer m_timer;
};

class SystemClock final : public Clock
{
public:
    SystemClock() { m_steady.start(); }
    qint64 steadyMs() const override { return m_steady.elapsed(); }
    QDateTime nowUtc() const override { return QDateTime::currentDateTimeUtc(); }
    std::unique_ptr<ClockAlarm> createAlarm(std::function<void()> onAlarm) override
    {
        return std::make_unique<TimerAlarm>(m_steady, std::move(onAlarm));
    }

private:
    // CLOCK_MONOTONIC on Linux: it does not count the time the machine was suspended.
    QElapsedTimer m_steady;
};

} // namespace

Clock *Clock::system()
{
    static SystemClock clock;
    return &clock;
}

class SimulatedClock::Alarm final : public ClockAlarm
{
public:
    Alarm(SimulatedClock *clock, std::function<void()> onAlarm)
        : m_clock(clock)
        , m_onAlarm(std::move(onAlarm))
    { }
    ~Alarm() override
    {
        if (m_clock) {
            auto &alarms = m_clock->m_alarms;
            alarms.erase(std::remove(alarms.begin(), alarms.end(), this), alarms.end());
        }
    }
    void setAt(qint64 steadyMs) override
    {
        m_armed = true;
        m_at = steadyMs;
    }
    void cancel() override { m_armed = false; }

    SimulatedClock *m_clock;
    std::function<void()> m_onAlarm;
    bool m_armed = false;
    qint64 m_at = 0;
};

SimulatedClock::SimulatedClock(const QDateTime &wallStartUtc)
    : m_wallStart(wallStartUtc)
{ }

SimulatedClock::~SimulatedClock()
{
    for (Alarm *alarm : m_alarms)
        alarm->m_clock = nullptr;
}

std::unique_ptr<ClockAlarm> SimulatedClock::createAlarm(std::function<void()> onAlarm)
{
    auto alarm = std::make_unique<Alarm>(this, std::move(onAlarm));
    m_alarms.push_back(alarm.get());
    return alarm;
}

qint64 SimulatedClock::nextAlarmAt() const
{
    qint64 next = -1;
    for (const Alarm *alarm : m_alarms) {
        if (alarm->m_armed && (next < 0 || alarm->m_at < next))
            next = alarm->m_at;
    }
    return next;
}

void SimulatedClock::advanceTo(qint64 steadyMs)
{
    for (;;) {
        // Alarms set in the past fire "now", like a zero-length QTimer.
        Alarm *due = nullptr;
        for (Alarm *alarm : m_alarms) {
            if (alarm->m_armed && alarm->m_at <= steadyMs && (!due || alarm->m_at < due->m_at))
                due = alarm;
        }
        if (!due)
            break;
        m_steadyMs = std::max(m_steadyMs, due->m_at);
        due->m_armed = false;
        due->m_onAlarm();
    }
    m_steadyMs = std::max(m_steadyMs, steadyMs);
}

void SimulatedClock::advanceBy(qint64 milliseconds)
{
    advanceTo(m_steadyMs + milliseconds);
}

bool SimulatedClock::advanceUntil(const std::function<bool()> &done, qint64 limitMs)
{
    const qint64 end = m_steadyMs + limitMs;
    while (!done()) {
        const qint64 next = nextAlarmAt();
        if (next < 0 || next > end) {
            advanceTo(end);
            return done();
        }
        advanceTo(std::max(next, m_steadyMs));
    }
    return true;
}
