#include "operationids.h"

#include <QSet>

namespace OperationIds {

namespace {

constexpr int GuidLength = 36;

// ASCII only: digits of other scripts (Arabic-Indic, fullwidth) must never make an id.
bool isHexDigit(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F');
}

bool isHyphenOffset(int offset)
{
    return offset == 8 || offset == 13 || offset == 18 || offset == 23;
}

bool isGuidAt(QStringView text, qsizetype start)
{
    if (text.size() - start < GuidLength)
        return false;
    // Hyphens first: they reject most positions of a long run after one comparison.
    for (int offset : {8, 13, 18, 23}) {
        if (text[start + offset] != u'-')
            return false;
    }
    for (int offset = 0; offset < GuidLength; ++offset) {
        if (!isHyphenOffset(offset) && !isHexDigit(text[start + offset]))
            return false;
    }
    return true;
}

// Characters that would make a neighbouring GUID part of a longer token.
bool continuesToken(QChar c)
{
    return c.isLetterOrNumber() || c == u'-' || c == u'_';
}

bool isStartBoundary(QStringView text, qsizetype start)
{
    if (start == 0 || !continuesToken(text[start - 1]))
        return true;
    const bool afterPercentEscape = start >= 3 && text[start - 3] == u'%'
        && isHexDigit(text[start - 2]) && isHexDigit(text[start - 1]);
    const bool afterBackslashEscape
        = start >= 2 && text[start - 2] == u'\\' && text[start - 1].isLetter();
    return afterPercentEscape || afterBackslashEscape;
}

bool isEndBoundary(QStringView text, qsizetype end)
{
    return end == text.size() || !continuesToken(text[end]);
}

} // namespace

bool isValid(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    return trimmed.size() == GuidLength && isGuidAt(trimmed, 0);
}

Extraction scan(QStringView text)
{
    Extraction result;
    if (text.size() > MaxInputLength) {
        result.tooLong = true;
        return result;
    }
    QSet<QString> seen;
    qsizetype position = 0;
    while (position + GuidLength <= text.size()) {
        if (!isGuidAt(text, position) || !isStartBoundary(text, position)
            || !isEndBoundary(text, position + GuidLength)) {
            ++position;
            continue;
        }
        const QString id = text.mid(position, GuidLength).toString().toLower();
        position += GuidLength;
        if (seen.contains(id))
            continue;
        if (result.ids.size() == MaxIdsPerInput) {
            result.truncated = true;
            break;
        }
        seen.insert(id);
        result.ids.append(id);
    }
    return result;
}

QStringList extract(QStringView text)
{
    return scan(text).ids;
}

} // namespace OperationIds
