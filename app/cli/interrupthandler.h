#pragma once

#include <QObject>

class QSocketNotifier;

// Turns Ctrl+C into a Qt signal. The first SIGINT is only written to a pipe by the signal
// handler (the one async-signal-safe way out) and read back by the event loop, so the
// command can abort its requests and print what it knows. A second SIGINT, when the
// first has not led anywhere, ends the process at once with 130.
class InterruptHandler : public QObject
{
    Q_OBJECT
public:
    explicit InterruptHandler(QObject *parent = nullptr);
    ~InterruptHandler() override;

signals:
    void interrupted();

private:
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
};
