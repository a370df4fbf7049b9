#include "app/data/tablerowsink.h"

TableRowSink::TableRowSink(const QStringList &columns)
    : m_columns(columns)
    , m_cells(std::size_t(columns.size()))
{ }

bool TableRowSink::wantsColumn(const ColumnRegistry &columns, int column)
{
    if (column == 0)
        m_tableColumn.clear(); // a new file: its columns are numbered afresh
    const std::string &name = columns.name(column);
    const int index = m_columns.indexOf(QString::fromUtf8(name.data(), int(name.size())), 0);
    int found = index;
    if (found < 0) {
        const QString folded = QString::fromUtf8(name.data(), int(name.size()));
        for (int i = 0; i < m_columns.size() && found < 0; ++i) {
            if (m_columns.at(i).compare(folded, Qt::CaseInsensitive) == 0)
                found = i;
        }
    }
    if (int(m_tableColumn.size()) <= column)
        m_tableColumn.resize(std::size_t(column) + 1, -1);
    m_tableColumn[std::size_t(column)] = found;
    return found >= 0;
}

void TableRowSink::record(const ColumnRegistry &, const RecordView &record)
{
    std::fill(m_cells.begin(), m_cells.end(), std::string_view());
    const int count = qMin(record.columnCount, int(m_tableColumn.size()));
    for (int column = 0; column < count; ++column) {
        const int target = m_tableColumn[std::size_t(column)];
        if (target >= 0 && record.has(column))
            m_cells[std::size_t(target)] = record.values[column];
    }
    row(m_cells);
}
