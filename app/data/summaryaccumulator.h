#pragma once

#include "app/data/datasummary.h"
#include "app/data/recordsink.h"

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

// Adds records up into a summary, on one worker thread, over as many files as that worker
// scans; workers' accumulators are merged at the end. Keys and currencies stay byte strings
// until then, so a record costs a few hash lookups and integer additions.
class SummaryAccumulator : public RecordSink
{
public:
    SummaryAccumulator();
    ~SummaryAccumulator() override;

    // The file the next records come from; columns are per file.
    void beginFile(const QString &name);
    void endFile(const ColumnRegistry &columns, qint64 compressedBytes, qint64 inflatedBytes,
                 bool ok);

    bool wantsColumn(const ColumnRegistry &columns, int column) override;
    void record(const ColumnRegistry &columns, const RecordView &record) override;

    void mergeFrom(const SummaryAccumulator &other);
    // Everything added, as one summary. `problems` are the files that failed.
    DataSummary result(const QList<FileProblem> &problems) const;

    struct State;

private:
    std::unique_ptr<State> m_state;
};
