#pragma once

#include "clicommand.h"

#include <QStringList>
#include <QTimer>

#include <atomic>
#include <functional>

class QThread;

// What summarize and convert share: finding the export's files, running the data engine
// on a worker thread with progress on stderr, and stopping it on Ctrl+C.
class DataCommand : public CliCommand
{
    Q_OBJECT
public:
    explicit DataCommand(const CommandContext &context, QObject *parent = nullptr);
    ~DataCommand() override;

    void start() override;
    void interrupt() override;

protected:
    // The files are known and exist; start the work with runWork().
    virtual void startWithFiles(const QStringList &paths) = 0;
    // Runs `work` off the event loop, then `done` on it. `progressTotal` is the number of
    // compressed bytes the work reads, for the progress line.
    void runWork(qint64 progressTotal, std::function<void()> work, std::function<void()> done);

    std::atomic_bool m_cancelled {false};
    std::atomic<qint64> m_progress {0};

private:
    void showProgress();
    void clearProgress();

    QThread *m_worker = nullptr;
    QTimer m_progressTimer;
    qint64 m_progressTotal = 0;
    bool m_progressShown = false;
};
