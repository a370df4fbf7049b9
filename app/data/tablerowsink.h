#pragma once

#include "app/data/recordsink.h"

#include <QStringList>

#include <string_view>
#include <vector>

// Hands records over as rows of a fixed table: `columns` (matched case-insensitively), a
// cell per column, empty when the record lacks it. What previews and conversions write.
class TableRowSink : public RecordSink
{
public:
    using Cells = std::vector<std::string_view>;

    explicit TableRowSink(const QStringList &columns);

    bool wantsColumn(const ColumnRegistry &columns, int column) override;
    void record(const ColumnRegistry &columns, const RecordView &record) override;

    virtual void row(const Cells &cells) = 0;

    const QStringList &columns() const { return m_columns; }

private:
    QStringList m_columns;
    std::vector<int> m_tableColumn; // per file column: the table's, or -1
    Cells m_cells;
};
