#include "tableexport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryFile>

#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>

namespace TableExport {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TableExport", text);
}

QString titleOf(const TableSnapshot::Column &column)
{
    return column.kind == TableSnapshot::Kind::Time ? tr("%1 (UTC)").arg(column.title)
                                                    : column.title;
}

QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n')
        && !text.contains(u'\r'))
        return text;
    QString quoted = text;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

// Clipboard cells cannot hold tabs or line breaks: they would start a new cell or row.
QString tsvField(const QString &original)
{
    QString text = original;
    for (QChar &c : text) {
        if (c == u'\t' || c == u'\n' || c == u'\r')
            c = u' ';
    }
    return text;
}

QString durationText(qint64 seconds)
{
    return QStringLiteral("%1:%2:%3")
        .arg(seconds / 3600)
        .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

bool hasValue(const QVariant &value, TableSnapshot::Kind kind)
{
    switch (kind) {
    case TableSnapshot::Kind::Time:
        return value.toDateTime().isValid();
    case TableSnapshot::Kind::Duration:
        return !value.isNull() && value.isValid();
    case TableSnapshot::Kind::Text:
        break;
    }
    return !value.toString().isEmpty();
}

// How one text format writes the cells it is given.
struct TextFormat
{
    QString (*text)(const QString &);
    QString (*time)(const QDateTime &);
    QString (*duration)(qint64 seconds);
    QChar separator;
    QString lineEnd;
};

QString writeText(const TableSnapshot &table, const TextFormat &format)
{
    QString text;
    QStringList fields;
    for (const TableSnapshot::Column &column : table.columns)
        fields << format.text(titleOf(column));
    text += fields.join(format.separator) + format.lineEnd;
    for (const QVariantList &row : table.rows) {
        fields.clear();
        for (int c = 0; c < table.columns.size(); ++c) {
            const TableSnapshot::Kind kind = table.columns.at(c).kind;
            const QVariant value = row.value(c);
            if (!hasValue(value, kind))
                fields << QString();
            else if (kind == TableSnapshot::Kind::Time)
                fields << format.time(value.toDateTime().toUTC());
            else if (kind == TableSnapshot::Kind::Duration)
                fields << format.duration(value.toLongLong());
            else
                fields << format.text(value.toString());
        }
        text += fields.join(format.separator) + format.lineEnd;
    }
    return text;
}

} // namespace

QByteArray toCsv(const TableSnapshot &table)
{
    const TextFormat csv {csvField, [](const QDateTime &utc) { return utc.toString(Qt::ISODate); },
                          [](qint64 seconds) { return QString::number(seconds); }, u',',
                          QStringLiteral("\r\n")};
    return QByteArrayLiteral("\xEF\xBB\xBF") + writeText(table, csv).toUtf8();
}

QString toTabSeparated(const TableSnapshot &table)
{
    const TextFormat tsv {
        tsvField,
        [](const QDateTime &utc) { return utc.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")); },
        durationText, u'\t', QStringLiteral("\n")};
    return writeText(table, tsv);
}

bool writeCsv(const TableSnapshot &table, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toCsv(table)) < 0 || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

bool writeXlsx(const TableSnapshot &table, const QString &path, QString *error)
{
    // libxlsxwriter writes the whole file on close; a temporary file beside the target keeps
    // an older workbook intact until the new one is complete.
    QTemporaryFile temporary(
        QFileInfo(path).absoluteDir().filePath(QStringLiteral(".XXXXXX.xlsx")));
    if (!temporary.open()) {
        *error = temporary.errorString();
        return false;
    }
    temporary.close();
    const QByteArray temporaryPath = QFile::encodeName(temporary.fileName());

    lxw_workbook *workbook = workbook_new(temporaryPath.constData());
    if (!workbook) {
        *error = tr("The workbook could not be created.");
        return false;
    }
    lxw_worksheet *sheet
        = workbook_add_worksheet(workbook, tr("Operations").toUtf8().left(31).constData());
    lxw_format *header = workbook_add_format(workbook);
    format_set_bold(header);
    format_set_bottom(header, LXW_BORDER_THIN);
    lxw_format *timeFormat = workbook_add_format(workbook);
    format_set_num_format(timeFormat, "yyyy-mm-dd hh:mm:ss");
    lxw_format *durationFormat = workbook_add_format(workbook);
    format_set_num_format(durationFormat, "[h]:mm:ss");

    const int columnCount = int(table.columns.size());
    for (int c = 0; c < columnCount; ++c) {
        const TableSnapshot::Column &column = table.columns.at(c);
        const QString title = titleOf(column);
        worksheet_write_string(sheet, 0, lxw_col_t(c), title.toUtf8().constData(), header);
        double width = std::max<double>(title.size() + 2, 12);
        if (column.kind == TableSnapshot::Kind::Time)
            width = std::max(width, 20.0);
        else if (column.kind == TableSnapshot::Kind::Text)
            width = std::max(width, 24.0);
        worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), width, nullptr);
    }
    lxw_row_t rowNumber = 1;
    for (const QVariantList &row : table.rows) {
        for (int c = 0; c < columnCount; ++c) {
            const TableSnapshot::Kind kind = table.columns.at(c).kind;
            const QVariant value = row.value(c);
            if (!hasValue(value, kind))
                continue;
            const auto column = lxw_col_t(c);
            if (kind == TableSnapshot::Kind::Time) {
                const QDateTime utc = value.toDateTime().toUTC();
                lxw_datetime cell {
                    utc.date().year(),   utc.date().month(),
                    utc.date().day(),    utc.time().hour(),
                    utc.time().minute(), utc.time().second() + utc.time().msec() / 1000.0};
                worksheet_write_datetime(sheet, rowNumber, column, &cell, timeFormat);
            } else if (kind == TableSnapshot::Kind::Duration) {
                worksheet_write_number(sheet, rowNumber, column,
                                       double(value.toLongLong()) / 86400.0, durationFormat);
            } else {
                worksheet_write_string(sheet, rowNumber, column,
                                       value.toString().toUtf8().constData(), nullptr);
            }
        }
        ++rowNumber;
    }
    worksheet_freeze_panes(sheet, 1, 0);
    if (columnCount > 0)
        worksheet_autofilter(sheet, 0, 0, rowNumber - 1, lxw_col_t(columnCount - 1));

    const lxw_error result = workbook_close(workbook);
    if (result != LXW_NO_ERROR) {
        *error = QString::fromUtf8(lxw_strerror(result));
        return false;
    }
    if (std::rename(temporaryPath.constData(), QFile::encodeName(path).constData()) != 0) {
        *error = tr("The workbook could not be moved to %1.").arg(QDir::toNativeSeparators(path));
        return false;
    }
    temporary.setAutoRemove(false);
    return true;
}

} // namespace TableExport
