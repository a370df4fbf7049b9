#pragma once

#include "app/data/datasummary.h"
#include "app/data/filescan.h"

#include <QString>
#include <QStringList>

// Converts an export's files to what finance opens: a CSV (UTF-8 with a byte order mark so
// that Excel takes it as UTF-8, "." decimals and ISO dates whatever the locale) or an
// Excel workbook (a summary sheet, a per-customer sheet, and the rows split across sheets
// at Excel's limit, with numbers and dates typed). Optionally one file per customer.
namespace ExportConversion {

enum class Format { Csv, Xlsx };

// Excel's 1,048,576 rows per sheet, less the header.
constexpr int ExcelRowsPerSheet = 1048575;

struct Request
{
    QStringList paths;
    Format format = Format::Csv;
    // The file to write; with splitByCustomer, the folder (created when missing).
    QString out;
    bool splitByCustomer = false;
    ScanOptions options;
    int rowsPerSheet = ExcelRowsPerSheet;
};

struct Result
{
    bool ok = false;
    QString error; // names the file at fault
    QStringList written; // the files written, in order
    qint64 rows = 0;
};

QString extension(Format format); // "csv", "xlsx"

// Writes the conversion. `summary` is the same files' summary: it gives the columns (in
// documented order), the customers and the figures of the summary sheet. Refuses to
// write through a symbolic link, and to start when the disk lacks what the data needs.
// How many passes over the data this needs (a workbook per customer takes one per 64).
int passes(const Request &request, const DataSummary &summary);
Result convert(const Request &request, const DataSummary &summary);

} // namespace ExportConversion
