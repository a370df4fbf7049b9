#include "datacommand.h"

#include "app/data/exportfiles.h"
#include "app/downloads/downloadfolders.h"

#include <QDir>
#include <QLocale>
#include <QTextStream>
#include <QThread>

DataCommand::DataCommand(const CommandContext &context, QObject *parent)
    : CliCommand(context, parent)
{
    m_progressTimer.setInterval(200);
    connect(&m_progressTimer, &QTimer::timeout, this, &DataCommand::showProgress);
}

DataCommand::~DataCommand()
{
    if (m_worker) {
        m_cancelled = true;
        m_worker->wait();
        delete m_worker;
    }
}

void DataCommand::start()
{
    QString folder = m_context.options.dataFolder;
    if (folder.isEmpty()) {
        const QString id = m_context.options.ids.constFirst();
        folder = DownloadFolders::folder(id);
        if (folder.isEmpty()) {
            complain(QStringLiteral("no download of %1 is known here; run 'download %1 --dest "
                                    "DIR' first, or pass the folder")
                         .arg(id));
            finish(ExitCode::Usage);
            return;
        }
    }
    QString error;
    const QStringList paths = ExportFiles::inFolder(folder, &error);
    if (paths.isEmpty()) {
        complain(error);
        finish(ExitCode::Usage);
        return;
    }
    startWithFiles(paths);
}

void DataCommand::interrupt()
{
    m_cancelled = true;
    if (!m_worker)
        finish(ExitCode::Interrupted);
}

void DataCommand::runWork(qint64 progressTotal, std::function<void()> work,
                          std::function<void()> done)
{
    m_progressTotal = progressTotal;
    m_worker = QThread::create(std::move(work));
    connect(m_worker, &QThread::finished, this, [this, done = std::move(done)] {
        m_progressTimer.stop();
        clearProgress();
        m_worker->deleteLater();
        m_worker = nullptr;
        if (m_cancelled) {
            complain(QStringLiteral("interrupted"));
            finish(ExitCode::Interrupted);
            return;
        }
        done();
    });
    m_progressTimer.start();
    m_worker->start();
}

void DataCommand::showProgress()
{
    if (!m_context.environment.liveProgress || m_progressTotal <= 0)
        return;
    const qint64 done = m_progress.load();
    *m_context.err << "\r\x1b[K"
                   << QStringLiteral("%1% of %2 compressed")
                          .arg(qMin<qint64>(100, done * 100 / m_progressTotal))
                          .arg(QLocale::c().formattedDataSize(m_progressTotal));
    m_context.err->flush();
    m_progressShown = true;
}

void DataCommand::clearProgress()
{
    if (!m_progressShown)
        return;
    *m_context.err << "\r\x1b[K";
    m_context.err->flush();
    m_progressShown = false;
}
