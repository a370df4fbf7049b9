#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// A table for a terminal: columns padded to their widest cell, two spaces apart. A cell
// may carry an SGR colour; the padding is counted without it, so colour never shifts
// the columns.
class TextTable
{
public:
    struct Cell
    {
        QString text;
        const char *ansiColour = nullptr; // e.g. "32"; null for plain text
    };

    explicit TextTable(QStringList headers, bool colour);

    void addRow(const QList<Cell> &cells);
    bool isEmpty() const { return m_rows.isEmpty(); }
    // Every line, each ending in '\n'; the last column is never padded.
    QString render() const;

private:
    QString renderRow(const QList<Cell> &cells, const QList<int> &widths) const;

    QList<Cell> m_headers;
    QList<QList<Cell>> m_rows;
    bool m_colour;
};

// Wraps text in an SGR colour when colour is on.
QString ansiColoured(const QString &text, const char *ansiColour, bool colour);
