#include "texttable.h"

#include <algorithm>

QString terminalSafe(const QString &text)
{
    QString safe = text;
    for (QChar &c : safe) {
        const char16_t u = c.unicode();
        if (u == u'\t' || u == u'\n' || u == u'\r')
            c = QLatin1Char(' ');
        else if (u < 0x20 || (u >= 0x7f && u <= 0x9f) || (u >= 0x202a && u <= 0x202e)
                 || (u >= 0x2066 && u <= 0x2069))
            c = QChar::ReplacementCharacter;
    }
    return safe;
}

QString ansiColoured(const QString &text, const char *ansiColour, bool colour)
{
    if (!colour || !ansiColour || text.isEmpty())
        return text;
    return QStringLiteral("\x1b[%1m").arg(QLatin1String(ansiColour)) + text
        + QStringLiteral("\x1b[0m");
}

TextTable::TextTable(QStringList headers, bool colour)
    : m_colour(colour)
{
    for (QString &header : headers)
        m_headers << Cell {std::move(header)};
}

void TextTable::addRow(QList<Cell> cells)
{
    for (Cell &cell : cells)
        cell.text = terminalSafe(cell.text);
    m_rows << cells;
}

QString TextTable::render() const
{
    QList<int> widths(m_headers.size(), 0);
    auto measure = [&widths](const QList<Cell> &cells) {
        for (qsizetype i = 0; i < cells.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths.at(i), int(cells.at(i).text.size()));
    };
    measure(m_headers);
    for (const QList<Cell> &row : m_rows)
        measure(row);

    QString text = renderRow(m_headers, widths);
    for (const QList<Cell> &row : m_rows)
        text += renderRow(row, widths);
    return text;
}

QString TextTable::renderRow(const QList<Cell> &cells, const QList<int> &widths) const
{
    // Trailing empty cells would only leave spaces at the end of the line.
    qsizetype last = std::min(cells.size(), widths.size());
    while (last > 1 && cells.at(last - 1).text.isEmpty())
        --last;
    QString line;
    for (qsizetype i = 0; i < last; ++i) {
        const Cell &cell = cells.at(i);
        line += ansiColoured(cell.text, cell.ansiColour, m_colour);
        if (i + 1 < last)
            line += QString(widths.at(i) - cell.text.size() + 2, QLatin1Char(' '));
    }
    return line + QLatin1Char('\n');
}
