#include "downloadcommand.h"

#include "manifestfetch.h"
#include "operationprinter.h"
#include "texttable.h"

#include "app/downloads/downloadjob.h"
#include "app/downloads/downloadjobstyle.h"
#include "app/downloads/downloadmanager.h"
#include "models/sizetext.h"

#include <QDir>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>

namespace {

bool isEnded(const DownloadJob *job)
{
    return downloadJobStyle(job->state()).isEnded;
}

QString stateKey(DownloadJob::State state)
{
    return QLatin1String(downloadJobStyle(state).key);
}

bool isLinkFailure(const DownloadJob *job)
{
    return job->failure() == DownloadJob::Failure::LinkExpired
        || job->failure() == DownloadJob::Failure::LinkRefused;
}

QString where(const DownloadJob *job)
{
    switch (job->state()) {
    case DownloadJob::State::Done:
        return job->filePath();
    case DownloadJob::State::Corrupt:
        return job->corruptPath();
    default:
        return job->filePath().isEmpty() ? QString() : job->partPath();
    }
}

QJsonObject jobJson(const DownloadJob *job)
{
    QJsonObject object {
        {QStringLiteral("name"), job->blob().name},
        {QStringLiteral("state"), stateKey(job->state())},
        {QStringLiteral("path"), where(job)},
        {QStringLiteral("bytes"), job->bytesReceived()},
    };
    if (job->state() == DownloadJob::State::Done) {
        object.insert(QStringLiteral("lines"), job->report().lines);
        object.insert(QStringLiteral("uncompressedBytes"), job->report().uncompressedBytes);
    } else {
        object.insert(QStringLiteral("error"), job->message());
    }
    return object;
}

} // namespace

DownloadCommand::DownloadCommand(const CommandContext &context, QObject *parent)
    : CliCommand(context, parent)
    , m_fetch(new ManifestFetch(context.session, this))
    , m_downloads(new DownloadManager(nullptr, this))
{
    m_downloads->setScanLimits(context.options.scanLimits);
    connect(m_fetch, &ManifestFetch::note, this, &DownloadCommand::complain);
    connect(m_fetch, &ManifestFetch::failed, this, [this](ExitCode code, const QString &message) {
        complain(message);
        finish(code);
    });
    connect(m_fetch, &ManifestFetch::loaded, this, &DownloadCommand::onManifest);
    connect(m_downloads, &DownloadManager::jobChanged, this, &DownloadCommand::onJobChanged);
    connect(m_downloads, &DownloadManager::progressed, this, &DownloadCommand::onProgress);
    connect(m_downloads, &DownloadManager::finished, this, [this](const QString &operationId) {
        if (operationId == m_id)
            onFinished();
    });
}

void DownloadCommand::start()
{
    m_id = m_context.options.ids.constFirst();
    const QString folder = m_context.options.destination;
    // Checked before anything is requested: a typo in --dest should cost no request.
    QDir().mkpath(folder);
    if (const QString problem = DownloadManager::folderProblem(folder); !problem.isEmpty()) {
        complain(QStringLiteral("--dest: ") + problem);
        finish(ExitCode::Usage);
        return;
    }
    m_fetch->start(m_id);
}

void DownloadCommand::interrupt()
{
    m_fetch->stop();
    m_downloads->cancelAll(m_id);
    clearProgressLine();
    if (!m_downloads->jobs(m_id).isEmpty()) {
        printResults();
        complain(QStringLiteral("interrupted; the partial files are kept and the next download "
                                "resumes them"));
    }
    finish(ExitCode::Interrupted);
}

void DownloadCommand::onManifest(const Manifest &manifest)
{
    if (manifest.blobs.isEmpty()) {
        complain(QStringLiteral("the manifest lists no files"));
        finish(ExitCode::Success);
        return;
    }
    const QString problem
        = m_downloads->download(m_id, manifest, manifest.blobs, m_context.options.destination);
    if (!problem.isEmpty()) {
        complain(problem);
        finish(ExitCode::Unresolved);
    }
}

void DownloadCommand::onJobChanged(DownloadJob *job)
{
    if (!isEnded(job) || m_reported.contains(job->id()))
        return;
    m_reported.insert(job->id());
    clearProgressLine();
    const QString counter
        = QStringLiteral("[%1/%2] ").arg(m_reported.size()).arg(m_downloads->jobs(m_id).size());
    QString line = counter + job->blob().name + QStringLiteral(": ") + stateKey(job->state());
    if (job->state() == DownloadJob::State::Done)
        line += QStringLiteral(", %1 lines").arg(job->report().lines);
    else if (!job->message().isEmpty())
        line += QStringLiteral(": ") + job->message();
    *m_context.err << terminalSafe(line) << '\n';
    m_context.err->flush();
    if (m_context.printer->isJson())
        m_context.printer->printJson(jobJson(job));
}

void DownloadCommand::onProgress()
{
    if (!m_context.environment.liveProgress || isFinished())
        return;
    const DownloadManager::Totals totals = m_downloads->totals(m_id);
    const QLocale locale = QLocale::c();
    QString line = sizeText(totals.bytesReceived, locale);
    if (totals.bytesTotal >= 0)
        line += QStringLiteral(" of ") + sizeText(totals.bytesTotal, locale);
    line += QStringLiteral(" · %1 of %2 files").arg(totals.done).arg(totals.files);
    if (totals.bytesPerSecond > 0)
        line += QStringLiteral(" · ") + sizeText(qint64(totals.bytesPerSecond), locale)
            + QStringLiteral("/s");
    if (totals.etaSeconds >= 0)
        line += QStringLiteral(" · %1 s left").arg(totals.etaSeconds);
    *m_context.err << "\r\x1b[K" << line;
    m_context.err->flush();
    m_progressShown = true;
}

void DownloadCommand::onFinished()
{
    if (isFinished())
        return;
    clearProgressLine();
    printResults();
    const ExitCode code = resultCode();
    if (code == ExitCode::AuthenticationRefused)
        complain(QStringLiteral("Storage refused the download link (it expires a while after "
                                "the manifest is fetched); run download again for a fresh one"));
    else if (code != ExitCode::Success)
        complain(QStringLiteral("not every file arrived intact; run download again to retry "
                                "(finished files are kept, partial ones resume)"));
    finish(code);
}

void DownloadCommand::printResults()
{
    const QList<DownloadJob *> jobs = m_downloads->jobs(m_id);
    if (m_context.printer->isJson()) {
        // Files that ended were printed as they did; the rest end here (a Ctrl+C).
        for (DownloadJob *job : jobs) {
            if (!m_reported.contains(job->id()))
                m_context.printer->printJson(jobJson(job));
        }
        return;
    }
    TextTable table({QStringLiteral("FILE"), QStringLiteral("RESULT"), QStringLiteral("SIZE"),
                     QStringLiteral("LINES"), QStringLiteral("DETAILS")},
                    m_context.printer->isColour());
    for (const DownloadJob *job : jobs) {
        const bool done = job->state() == DownloadJob::State::Done;
        table.addRow({{done ? job->filePath() : job->blob().name},
                      {stateKey(job->state()), downloadJobStyle(job->state()).ansiColour},
                      {QString::number(job->bytesReceived())},
                      {done ? QString::number(job->report().lines) : QString()},
                      {done ? QString() : job->message()}});
    }
    m_context.printer->printLine(table.render().chopped(1));
}

ExitCode DownloadCommand::resultCode() const
{
    ExitCode code = ExitCode::Success;
    for (const DownloadJob *job : m_downloads->jobs(m_id)) {
        if (job->state() == DownloadJob::State::Done)
            continue;
        code = CliExit::worse(
            code, isLinkFailure(job) ? ExitCode::AuthenticationRefused : ExitCode::Unresolved);
    }
    return code;
}

void DownloadCommand::clearProgressLine()
{
    if (!m_progressShown)
        return;
    *m_context.err << "\r\x1b[K";
    m_context.err->flush();
    m_progressShown = false;
}
