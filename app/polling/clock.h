#pragma once

#include <QDateTime>

#include <functional>
#include <memory>

// A wake-up call on a Clock's steady time line. Re-arming replaces the previous time.
class ClockAlarm
{
public:
    virtual ~ClockAlarm() = default;
    virtual void setAt(qint64 steadyMs) = 0;
    virtual void cancel() = 0;
};

// Where the scheduler reads time and sets its alarms. Two time lines: a steady one that
// only moves forward (and stands still while the machine sleeps) for every wait, and the
// wall clock for what the analyst sees and for ages measured against Graph's timestamps.
// Injecting it lets the policy tests run hours of polling in milliseconds.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual qint64 steadyMs() const = 0;
    virtual QDateTime nowUtc() const = 0;
    // The alarm calls onAlarm from the event loop, never from inside setAt().
    virtual std::unique_ptr<ClockAlarm> createAlarm(std::function<void()> onAlarm) = 0;

    // The real clocks, shared by the whole process.
    static Clock *system();
};

// Time that moves only when told to. advanceBy() fires the alarms that fall due on the way,
// in time order, with the clock standing at each one's time while it runs.
class SimulatedClock final : public Clock
{
public:
    explicit SimulatedClock(const QDateTime &wallStartUtc
                            = QDateTime(QDate(2024, 5, 1), QTime(9, 0), Qt::UTC));
    ~SimulatedClock() override;

    qint64 steadyMs() const override { return m_steadyMs; }
    QDateTime nowUtc() const override { return m_wallStart.addMSecs(m_steadyMs + m_wallOffsetMs); }
    std::unique_ptr<ClockAlarm> createAlarm(std::function<void()> onAlarm) override;

    void advanceBy(qint64 milliseconds);
    void advanceTo(qint64 steadyMs);
    // Steps from alarm to alarm until done() holds or limitMs of simulated time has passed;
    // returns whether done() held.
    bool advanceUntil(const std::function<bool()> &done, qint64 limitMs);
    // The wall clock jumps while the steady clock does not: what a suspended laptop sees.
    void jumpWallClock(qint64 milliseconds) { m_wallOffsetMs += milliseconds; }
    // The earliest armed alarm, or -1.
    qint64 nextAlarmAt() const;

private:
    class Alarm;
    friend class Alarm;

    qint64 m_steadyMs = 0;
    qint64 m_wallOffsetMs = 0;
    QDateTime m_wallStart;
    std::vector<Alarm *> m_alarms;
};
