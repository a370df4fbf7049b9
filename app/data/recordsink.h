#pragma once

#include <QStringList>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "models/exportcolumns.h"

// The columns of one file, in the order their keys were first seen, matched
// case-insensitively: "customerName" and "CustomerName" are one column.
class ColumnRegistry
{
public:
    ColumnRegistry();

    // The column of `key`, registered if new; `isNew` says whether it was.
    int find(std::string_view key, bool *isNew);
    int count() const { return int(m_names.size()); }
    const std::string &name(int column) const { return m_names[std::size_t(column)]; }
    QStringList names() const;
    // The column a summary role reads, or -1 when the file has none.
    int column(ExportColumns::Role role) const { return m_roles[int(role)]; }

private:
    std::vector<std::string> m_names;
    std::unordered_map<std::string, int> m_byFolded;
    int m_roles[ExportColumns::RoleCount];
};

// One record as the scanner hands it over: the values of the columns the sink asked for.
// Strings are unescaped, numbers and booleans are their JSON text, objects and arrays their
// raw JSON; a null or missing value is absent. Valid only during RecordSink::record().
struct RecordView
{
    const std::string_view *values;
    const unsigned *stamps;
    unsigned stamp;
    int columnCount;

    bool has(int column) const
    {
        return column >= 0 && column < columnCount && stamps[column] == stamp;
    }
    std::string_view value(int column) const
    {
        return has(column) ? values[column] : std::string_view();
    }
};

// Receives the records of one file, on the thread that scans it.
class RecordSink
{
public:
    virtual ~RecordSink() = default;
    // A column was seen for the first time: whether records should carry its values.
    // Columns not asked for are skipped by the parser, which is what makes a summary fast.
    virtual bool wantsColumn(const ColumnRegistry &columns, int column) = 0;
    virtual void record(const ColumnRegistry &columns, const RecordView &record) = 0;
};
