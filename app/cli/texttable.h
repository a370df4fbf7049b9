#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// A table for a terminal: columns padded to their widest cell, two spaces apart. A cell
// may carry an SGR colour; the padding is counted without it, so colour never shifts
// the columns. Cell text passes through terminalSafe(), so only the table's own colours
// ever reach the terminal.
class TextTable
{
public:
    struct Cell
    {
        QString text;
        const char *ansiColour = nullptr; // e.g. "32"; null for plain text
    };

    explicit TextTable(QStringList headers, bool colour);

    void addRow(QList<Cell> cells);
    bool isEmpty() const { return m_rows.isEmpty(); }
    // Every line, each ending in '\n'; the last column is never padded.
    QString render() const;

private:
    QString renderRow(const QList<Cell> &cells, const QList<int> &widths) const;

    QList<Cell> m_headers;
    QList<QList<Cell>> m_rows;
    bool m_colour;
};

// Text from a server made safe to print: a terminal obeys escape sequences (retitling the
// window, writing the clipboard with OSC 52) and line breaks forge output lines, so every
// C0 and C1 control character, DEL and every bidirectional override becomes U+FFFD, and
// tabs and line breaks become spaces.
QString terminalSafe(const QString &text);

// Wraps text in an SGR colour when colour is on.
QString ansiColoured(const QString &text, const char *ansiColour, bool colour);
