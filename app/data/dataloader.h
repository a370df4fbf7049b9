#pragma once

#include "app/data/datasummary.h"
#include "app/data/exportconversion.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

// Runs the data engine for a view: the summary and the preview of a folder, or a
// conversion, on a worker thread, with progress a few times a second and a cancel that
// takes effect within a megabyte of work. One job at a time.
class DataLoader : public QObject
{
    Q_OBJECT
public:
    static constexpr int PreviewRows = 1000;

    explicit DataLoader(QObject *parent = nullptr);
    ~DataLoader() override;

    // Summarises the export files in `folder`. Returns false (with *error) when there are
    // none; otherwise loaded() or failed() follows.
    bool load(const QString &folder, QString *error);
    // Writes the loaded data out; converted() follows.
    void convert(const ExportConversion::Request &request);
    void cancel();
    bool isBusy() const { return m_worker != nullptr; }
    // The decompression-bomb caps for the next load or conversion.
    void setLimits(const ScanLimits &limits) { m_limits = limits; }
    ScanLimits limits() const { return m_limits; }

    QString folder() const { return m_folder; }
    const QStringList &files() const { return m_files; }
    const DataSummary &summary() const { return m_summary; }
    const QList<QStringList> &preview() const { return m_preview; }

signals:
    void progressed(qint64 done, qint64 total); // compressed bytes
    void loaded();
    void converted(const ExportConversion::Result &result);
    void cancelled();

private:
    void run(qint64 total, std::function<void()> work, std::function<void()> done);

    QString m_folder;
    QStringList m_files;
    DataSummary m_summary;
    QList<QStringList> m_preview;
    QThread *m_worker = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancelled;
    std::shared_ptr<std::atomic<qint64>> m_progress;
    qint64 m_total = 0;
    ScanLimits m_limits;
    QTimer m_ticker;
};
