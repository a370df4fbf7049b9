// The data summariser: an export file of gzip JSON lines in, the figures of the Data view
// and of `billing-monitor-cli summarize` out. The input is used as the file when it starts like
// gzip; otherwise it is taken as the JSON lines and compressed first, so that the fuzzer
// spends its time on the records rather than on deflate (fuzz_gzipjsonlines covers that).
#include "fuzzcheck.h"

#include "app/data/exportfiles.h"
#include "support/zlibdata.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

namespace {

CurrencyTotals added(const QList<GroupTotals> &groups)
{
    CurrencyTotals sum;
    for (const GroupTotals &group : groups) {
        for (auto it = group.totals.cbegin(); it != group.totals.cend(); ++it)
            sum[it.key()] += it.value();
    }
    return sum;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static QTemporaryDir folder;
    const QByteArray input = fuzzBytes(data, size);
    const QString path = folder.filePath(QStringLiteral("part-1.json.gz"));
    {
        QFile file(path);
        FUZZ_CHECK(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(input.startsWith("\x1f\x8b") ? input : ZlibData::gzip(input));
    }
    const DataSummary summary = ExportFiles::summarize({path}, {}, 1);

    FUZZ_CHECK(summary.problems.isEmpty() == (summary.files == 1));
    for (const FileProblem &problem : summary.problems)
        FUZZ_CHECK(!problem.error.isEmpty());
    if (summary.files == 0)
        FUZZ_CHECK(summary.rows == 0 && summary.totals.isEmpty());
    FUZZ_CHECK(summary.from <= summary.to);
    // Every row is in exactly one group of each grouping, and the groups add up to the
    // total (a file of both kinds keeps one kind's total, so only one kind is checked).
    for (const Grouping grouping : Groupings::all()) {
        qint64 rows = 0;
        for (const GroupTotals &group : summary.groupsBy(grouping))
            rows += group.rows;
        FUZZ_CHECK(rows == summary.rows);
        if (!summary.mixedKinds)
            FUZZ_CHECK(added(summary.groupsBy(grouping)) == summary.totals);
    }
    const QString currency = summary.mainCurrency();
    FUZZ_CHECK(summary.totals.isEmpty() || summary.totals.contains(currency));
    FUZZ_CHECK(summary.top(Grouping::Customer, currency, 5).size()
               <= qMin<qsizetype>(5, summary.groupsBy(Grouping::Customer).size()));
    return 0;
}
