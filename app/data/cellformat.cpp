#include "app/data/cellformat.h"

#include "app/downloads/safefilename.h"

#include <QCryptographicHash>

namespace CellFormat {

namespace {

bool digitsAt(std::string_view value, std::size_t at, std::size_t count, int *out)
{
    if (value.size() < at + count)
        return false;
    int number = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (value[i] < '0' || value[i] > '9')
            return false;
        number = number * 10 + (value[i] - '0');
    }
    *out = number;
    return true;
}

} // namespace

bool parseIsoDate(std::string_view value, DateTime *out)
{
    DateTime parsed;
    if (!digitsAt(value, 0, 4, &parsed.year) || value.size() < 10 || value[4] != '-'
        || value[7] != '-' || !digitsAt(value, 5, 2, &parsed.month)
        || !digitsAt(value, 8, 2, &parsed.day) || parsed.month < 1 || parsed.month > 12
        || parsed.day < 1 || parsed.day > 31)
        return false;
    if (value.size() > 10) {
        int second = 0;
        if ((value[10] != 'T' && value[10] != ' ') || value.size() < 19 || value[13] != ':'
            || value[16] != ':' || !digitsAt(value, 11, 2, &parsed.hour)
            || !digitsAt(value, 14, 2, &parsed.minute) || !digitsAt(value, 17, 2, &second))
            return false;
        parsed.second = second;
    }
    *out = parsed;
    return true;
}

std::string_view isoDate(std::string_view value, std::string *scratch)
{
    DateTime date;
    if (!parseIsoDate(value, &date))
        return value;
    if (date.hour == 0 && date.minute == 0 && int(date.second) == 0)
        return value.substr(0, 10);
    scratch->assign(value.substr(0, 10)).append(1, ' ').append(value.substr(11, 8));
    return *scratch;
}

void appendCsvField(std::string &out, std::string_view value, bool numeric)
{
    const bool formula = !numeric && !value.empty()
        && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@');
    const bool quote = formula || value.find_first_of(",\"\r\n") != std::string_view::npos
        || (!value.empty() && (value.front() == ' ' || value.back() == ' '));
    if (!quote) {
        out.append(value);
        return;
    }
    out.push_back('"');
    if (formula)
        out.push_back('\'');
    for (const char c : value) {
        if (c == '"')
            out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

QString customerFileName(const QString &name, const QString &id, const QString &extension)
{
    QString safe;
    for (const QChar c : name.left(60)) {
        safe += (c.isLetterOrNumber() || c == QLatin1Char(' ') || c == QLatin1Char('-')
                 || c == QLatin1Char('_'))
            ? c
            : QLatin1Char('_');
    }
    safe = safe.simplified();
    // The id keeps two customers of one name apart; a hash of it keeps odd ids out of names.
    QString tag = id.left(8);
    if (!SafeFileName::problem(tag).isEmpty() || tag.contains(QLatin1Char('.')))
        tag = QString::fromLatin1(
            QCryptographicHash::hash(id.toUtf8(), QCryptographicHash::Sha1).toHex().left(8));
    if (tag.isEmpty())
        tag = QStringLiteral("no-id");
    const QString file = (safe.isEmpty() ? QString() : safe + QLatin1Char(' ')) + QLatin1Char('(')
        + tag + QStringLiteral(").") + extension;
    return SafeFileName::problem(file).isEmpty() ? file : tag + QLatin1Char('.') + extension;
}

} // namespace CellFormat
