#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QVariant>

// A table as the analyst sees it, ready to leave the app: the visible columns in view order,
// the visible (or selected) rows in view order, and each cell typed for a spreadsheet.
struct TableSnapshot
{
    enum class Kind {
        Text, // QString
        Time, // QDateTime; an invalid one is an empty cell
        Duration, // qint64 seconds; a null QVariant is an empty cell
    };
    struct Column
    {
        QString title;
        Kind kind = Kind::Text;
    };
    QList<Column> columns;
    QList<QVariantList> rows;
};

// Writes a snapshot out. Times are UTC everywhere (the column titles say so), because a file
// travels to people in other time zones; CSV writes them as ISO 8601, the workbook as real
// date cells. Durations are whole seconds in CSV and time cells ([h]:mm:ss) in the workbook.
namespace TableExport {

// UTF-8 with a byte-order mark (how Excel recognises UTF-8 CSV), RFC 4180: fields quoted
// when they hold a comma, quote or line break, quotes doubled, CRLF line ends.
QByteArray toCsv(const TableSnapshot &table);
// Tab-separated lines with a header, for the clipboard: Excel pastes them into cells and
// reads the times ("2026-11-30 14:02:31") and durations ("1:05:00") as values.
QString toTabSeparated(const TableSnapshot &table);

// Both replace the file only when everything was written; on failure *error says why.
bool writeCsv(const TableSnapshot &table, const QString &path, QString *error);
// An .xlsx workbook through libxlsxwriter: a bold, frozen header with a filter, date and
// duration cells with number formats, and columns wide enough for their titles.
bool writeXlsx(const TableSnapshot &table, const QString &path, QString *error);

} // namespace TableExport
