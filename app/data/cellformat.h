#pragma once

#include <QString>

#include <string>
#include <string_view>

// How a cell's text becomes what a spreadsheet reads the same way in every locale.
namespace CellFormat {

// A date or date-time as ISO 8601 without the time zone: "2024-05-01T00:00:00Z" becomes
// "2024-05-01", "2024-05-01T13:45:10.5Z" becomes "2024-05-01 13:45:10". Any other text is
// returned unchanged.
std::string_view isoDate(std::string_view value, std::string *scratch);

struct DateTime
{
    int year = 0, month = 0, day = 0, hour = 0, minute = 0;
    double second = 0;
};
// The parts of an ISO date or date-time; false for anything else.
bool parseIsoDate(std::string_view value, DateTime *out);

// Appends one CSV field: quoted when it holds a separator, quote or line break; text that
// a spreadsheet would run as a formula (=, +, -, @ at the start) gets a leading apostrophe
// unless `numeric` says it is a number.
void appendCsvField(std::string &out, std::string_view value, bool numeric);

// A file name for one customer's file: its name, made safe, and the start of its id.
QString customerFileName(const QString &name, const QString &id, const QString &extension);

} // namespace CellFormat
