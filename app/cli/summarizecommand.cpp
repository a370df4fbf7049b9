#include "summarizecommand.h"

#include "operationprinter.h"
#include "texttable.h"

#include "app/data/exportfiles.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

namespace {

// A JSON string, escaped as QJsonDocument does.
QString jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray {text}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

// {"EUR": 1234.56}: exact decimal text, never a binary floating-point rendering.
QString totalsJson(const CurrencyTotals &totals)
{
    QStringList entries;
    for (auto it = totals.cbegin(); it != totals.cend(); ++it)
        entries.append(jsonString(it.key()) + QStringLiteral(": ") + it.value().toString(2));
    return QLatin1Char('{') + entries.join(QStringLiteral(", ")) + QLatin1Char('}');
}

QString totalsText(const CurrencyTotals &totals)
{
    QStringList parts;
    for (auto it = totals.cbegin(); it != totals.cend(); ++it)
        parts.append(it.value().toString(2) + QLatin1Char(' ')
                     + (it.key().isEmpty() ? QStringLiteral("(no currency)") : it.key()));
    return parts.join(QStringLiteral(", "));
}

} // namespace

QString SummarizeCommand::summaryJsonLine(const DataSummary &summary)
{
    const auto date = [](const QString &value) {
        return value.isEmpty() ? QStringLiteral("null") : jsonString(value);
    };
    return QStringLiteral("{\"kind\": %1, \"files\": %2, \"rows\": %3, \"from\": %4, \"to\": %5, "
                          "\"totals\": %6}")
        .arg(jsonString(ExportColumns::kindKey(summary.kind)))
        .arg(summary.files)
        .arg(summary.rows)
        .arg(date(summary.from), date(summary.to), totalsJson(summary.totals));
}

QString SummarizeCommand::groupJsonLine(Grouping grouping, const GroupTotals &group)
{
    return QStringLiteral("{\"by\": %1, \"id\": %2, \"name\": %3, \"rows\": %4, \"totals\": %5}")
        .arg(jsonString(Groupings::key(grouping)), jsonString(group.id), jsonString(group.name))
        .arg(group.rows)
        .arg(totalsJson(group.totals));
}

ExitCode reportFileProblems(const DataSummary &summary,
                            const std::function<void(QString)> &complain)
{
    for (const FileProblem &problem : summary.problems)
        complain(QStringLiteral("%1: %2").arg(problem.file, problem.error));
    return summary.problems.isEmpty() ? ExitCode::Success : ExitCode::OperationFailed;
}

void SummarizeCommand::startWithFiles(const QStringList &paths)
{
    ScanOptions options;
    options.limits = m_context.options.scanLimits;
    options.cancelled = &m_cancelled;
    options.progress = &m_progress;
    runWork(
        ExportFiles::totalSize(paths),
        [this, paths, options] { m_summary = ExportFiles::summarize(paths, options); },
        [this] {
            print(m_summary);
            finish(reportFileProblems(m_summary,
                                      [this](const QString &message) { complain(message); }));
        });
}

void SummarizeCommand::print(const DataSummary &summary)
{
    const Grouping grouping = *Groupings::fromKey(m_context.options.groupBy);
    OperationPrinter &printer = *m_context.printer;
    if (printer.isJson()) {
        printer.printLine(summaryJsonLine(summary));
        for (const GroupTotals &group : summary.groupsBy(grouping))
            printer.printLine(groupJsonLine(grouping, group));
        return;
    }
    const bool usage = summary.kind == ExportColumns::Kind::Usage;
    QString text;
    QTextStream out(&text);
    out << "Kind:      " << ExportColumns::kindKey(summary.kind) << '\n'
        << "Files:     " << summary.files << '\n'
        << "Rows:      " << summary.rows << '\n';
    if (!summary.from.isEmpty())
        out << "Dates:     " << summary.from << " to " << summary.to << '\n';
    out << "Customers: " << summary.count(Grouping::Customer)
        << ", subscriptions: " << summary.count(Grouping::Subscription)
        << ", products: " << summary.count(Grouping::Product) << '\n'
        << (usage ? "BillingPreTaxTotal: " : "Total:     ") << totalsText(summary.totals) << '\n';
    if (usage && !summary.pricingTotals.isEmpty())
        out << "PricingPreTaxTotal: " << totalsText(summary.pricingTotals) << '\n';
    if (!usage && !summary.subtotals.isEmpty())
        out << "Subtotal:  " << totalsText(summary.subtotals) << '\n';
    if (!usage && !summary.taxTotals.isEmpty())
        out << "TaxTotal:  " << totalsText(summary.taxTotals) << '\n';
    if (summary.hasQuantity)
        out << "BillableQuantity: " << summary.quantity.toExactString() << '\n';
    if (!summary.missingColumns.isEmpty())
        out << "Not in the data (left out): " << summary.missingColumns.join(QStringLiteral(", "))
            << '\n';
    if (summary.badAmounts > 0) {
        out << summary.badAmounts << " amounts are not numbers and were not added, e.g. "
            << summary.badAmountExamples.join(QStringLiteral("; ")) << '\n';
    }
    out.flush();
    printer.printLine(text.chopped(1));

    TextTable table({Groupings::key(grouping), QStringLiteral("name"), QStringLiteral("rows"),
                     QStringLiteral("totals")},
                    false);
    for (const GroupTotals &group : summary.groupsBy(grouping)) {
        table.addRow({{group.id.isEmpty() ? QStringLiteral("(none)") : group.id},
                      {group.name},
                      {QString::number(group.rows)},
                      {totalsText(group.totals)}});
    }
    printer.printLine(QString());
    printer.printLine(table.render().chopped(1));
}
