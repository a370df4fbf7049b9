#include "app/data/dataloader.h"

#include "app/data/exportfiles.h"

#include <QThread>

DataLoader::DataLoader(QObject *parent)
    : QObject(parent)
{
    m_ticker.setInterval(100);
    connect(&m_ticker, &QTimer::timeout, this,
            [this] { emit progressed(qMin(m_progress->load(), m_total), m_total); });
}

DataLoader::~DataLoader()
{
    if (m_worker) {
        m_cancelled->store(true);
        m_worker->wait();
        delete m_worker;
    }
}

bool DataLoader::load(const QString &folder, QString *error)
{
    if (m_worker) {
        *error = tr("Still busy with the previous folder.");
        return false;
    }
    QString problem;
    const QStringList files = ExportFiles::inFolder(folder, &problem);
    if (files.isEmpty()) {
        *error = problem;
        return false;
    }
    m_folder = folder;
    m_files = files;
    run(
        ExportFiles::totalSize(files),
        [this, files, limits = m_limits] {
            ScanOptions options;
            options.limits = limits;
            options.cancelled = m_cancelled.get();
            options.progress = m_progress.get();
            DataSummary summary = ExportFiles::summarize(files, options);
            QList<QStringList> preview
                = ExportFiles::preview(files, summary.columns, PreviewRows, options);
            m_summary = std::move(summary);
            m_preview = std::move(preview);
        },
        [this] { emit loaded(); });
    return true;
}

void DataLoader::convert(const ExportConversion::Request &request)
{
    if (m_worker)
        return;
    auto result = std::make_shared<ExportConversion::Result>();
    ExportConversion::Request own = request;
    own.paths = m_files;
    own.options.limits = m_limits;
    run(
        ExportFiles::totalSize(m_files) * ExportConversion::passes(own, m_summary),
        [this, own, result]() mutable {
            own.options.cancelled = m_cancelled.get();
            own.options.progress = m_progress.get();
            *result = ExportConversion::convert(own, m_summary);
        },
        [this, result] { emit converted(*result); });
}

void DataLoader::cancel()
{
    if (m_cancelled)
        m_cancelled->store(true);
}

void DataLoader::run(qint64 total, std::function<void()> work, std::function<void()> done)
{
    m_cancelled = std::make_shared<std::atomic_bool>(false);
    m_progress = std::make_shared<std::atomic<qint64>>(0);
    m_total = total;
    m_worker = QThread::create(std::move(work));
    connect(m_worker, &QThread::finished, this, [this, done = std::move(done)] {
        m_ticker.stop();
        m_worker->deleteLater();
        m_worker = nullptr;
        if (m_cancelled->load()) {
            emit cancelled();
            return;
        }
        emit progressed(m_total, m_total);
        done();
    });
    m_ticker.start();
    m_worker->start();
}
