#pragma once

#include "datacommand.h"

#include "app/data/datasummary.h"

// summarize <dir|id|url> [--by GROUP]: the kind, rows, dates and totals of an export,
// then one line per group.
class SummarizeCommand : public DataCommand
{
    Q_OBJECT
public:
    using DataCommand::DataCommand;

    // The first --json line, then the group lines: the shape scripts rely on.
    static QString summaryJsonLine(const DataSummary &summary);
    static QString groupJsonLine(Grouping grouping, const GroupTotals &group);

protected:
    void startWithFiles(const QStringList &paths) override;

private:
    void print(const DataSummary &summary);

    DataSummary m_summary;
};

// Shared with convert: names each file that failed on stderr; 1 when any did.
ExitCode reportFileProblems(const DataSummary &summary,
                            const std::function<void(QString)> &complain);
