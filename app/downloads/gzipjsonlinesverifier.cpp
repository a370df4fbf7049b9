#include "app/downloads/gzipjsonlinesverifier.h"

#include "app/data/filescan.h"
#include "app/data/outputsafety.h"

#include <QFileInfo>
#include <QSaveFile>

namespace {

JsonLinesReport refusal(ScanReport::Outcome outcome, const QString &error)
{
    JsonLinesReport report;
    report.outcome = outcome;
    report.error = error;
    return report;
}

} // namespace

JsonLinesReport verifyGzipJsonLinesFile(const QString &path, const QString &inflatedPath,
                                        const std::atomic_bool *cancelled, const ScanLimits &limits)
{
    ScanOptions options;
    options.limits = limits;
    options.cancelled = cancelled;
    if (inflatedPath.isEmpty())
        return scanFile(path, nullptr, options);

    const qint64 needed = qMax(gzipStatedSize(path), QFileInfo(path).size());
    if (const QString problem = OutputSafety::problem(inflatedPath, needed); !problem.isEmpty())
        return refusal(ScanReport::Outcome::Unreadable, problem);
    // QSaveFile: a half-written copy never takes the final name.
    QSaveFile output(inflatedPath);
    if (!output.open(QIODevice::WriteOnly))
        return refusal(
            ScanReport::Outcome::Unreadable,
            QStringLiteral("could not create %1: %2").arg(inflatedPath, output.errorString()));
    JsonLinesReport report = scanFile(path, nullptr, options, &output);
    if (!report.ok)
        return report; // the unfinished copy is discarded with `output`
    if (!output.commit()) {
        report.ok = false;
        report.outcome = ScanReport::Outcome::Unreadable;
        report.error
            = QStringLiteral("could not write %1: %2").arg(inflatedPath, output.errorString());
    }
    return report;
}
