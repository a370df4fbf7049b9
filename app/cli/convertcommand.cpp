#include "convertcommand.h"

#include "operationprinter.h"
#include "summarizecommand.h"

#include "app/data/exportfiles.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

void ConvertCommand::startWithFiles(const QStringList &paths)
{
    ExportConversion::Request request;
    request.paths = paths;
    request.format = m_context.options.convertToXlsx ? ExportConversion::Format::Xlsx
                                                     : ExportConversion::Format::Csv;
    request.out = m_context.options.outPath;
    request.splitByCustomer = m_context.options.splitByCustomer;
    request.options.limits = m_context.options.scanLimits;
    request.options.cancelled = &m_cancelled;
    request.options.progress = &m_progress;
    const qint64 size = ExportFiles::totalSize(paths);
    // One summary pass for the columns and customers, then the conversion's passes; the
    // progress total is corrected once their number is known.
    runWork(
        size * 2,
        [this, request] {
            m_summary = ExportFiles::summarize(request.paths, request.options);
            if (!m_summary.problems.isEmpty() || m_cancelled)
                return;
            m_result = ExportConversion::convert(request, m_summary);
        },
        [this] {
            const ExitCode files = reportFileProblems(
                m_summary, [this](const QString &message) { complain(message); });
            if (files != ExitCode::Success) {
                complain(QStringLiteral("nothing was written"));
                finish(files);
                return;
            }
            if (!m_result.ok) {
                complain(m_result.error);
                finish(ExitCode::OperationFailed);
                return;
            }
            OperationPrinter &printer = *m_context.printer;
            if (printer.isJson()) {
                printer.printJson(
                    {{QStringLiteral("rows"), m_result.rows},
                     {QStringLiteral("files"), QJsonArray::fromStringList(m_result.written)}});
            } else {
                for (const QString &path : m_result.written)
                    printer.printLine(QDir::toNativeSeparators(path));
            }
            *m_context.err << "billing-monitor-cli: " << m_result.rows << " rows written to "
                           << m_result.written.size()
                           << (m_result.written.size() == 1 ? " file" : " files") << '\n';
            m_context.err->flush();
            finish(ExitCode::Success);
        });
}
