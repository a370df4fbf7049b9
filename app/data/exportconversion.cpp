#include "app/data/exportconversion.h"

#include "app/data/cellformat.h"
#include "app/data/outputsafety.h"
#include "app/data/tablerowsink.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>

#include <xlsxwriter.h>

#include <memory>

namespace ExportConversion {

namespace {

using Cells = TableRowSink::Cells;

constexpr int CustomersPerPass = 64;
constexpr std::size_t FlushBytes = 256 * 1024;
constexpr std::size_t MaxCellChars = 32767; // Excel's limit for one cell

struct ColumnTypes
{
    std::vector<char> numeric;
    std::vector<char> date;

    explicit ColumnTypes(const QStringList &columns)
    {
        for (const QString &column : columns) {
            numeric.push_back(ExportColumns::isNumericColumn(column));
            date.push_back(ExportColumns::isDateColumn(column));
        }
    }
};

// The text of one CSV line for `cells`, CRLF included.
void appendCsvRow(std::string &out, const Cells &cells, const ColumnTypes &types,
                  std::string &scratch)
{
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0)
            out.push_back(',');
        std::string_view value = cells[i];
        if (types.date[i])
            value = CellFormat::isoDate(value, &scratch);
        CellFormat::appendCsvField(out, value, types.numeric[i]);
    }
    out.append("\r\n");
}

std::string csvHeader(const QStringList &columns)
{
    std::string header = "\xEF\xBB\xBF";
    for (int i = 0; i < columns.size(); ++i) {
        if (i > 0)
            header.push_back(',');
        CellFormat::appendCsvField(header, columns.at(i).toStdString(), false);
    }
    header.append("\r\n");
    return header;
}

class TableWriter
{
public:
    virtual ~TableWriter() = default;
    virtual bool write(const Cells &cells) = 0;
    virtual bool finish() = 0;
    QString error;
};

class CsvFile : public TableWriter
{
public:
    CsvFile(const QString &path, const QStringList &columns)
        : m_file(path)
        , m_types(columns)
    {
        if (!m_file.open(QIODevice::WriteOnly))
            error = QStringLiteral("could not create %1: %2")
                        .arg(QDir::toNativeSeparators(path), m_file.errorString());
        m_buffer = csvHeader(columns);
    }

    bool write(const Cells &cells) override
    {
        appendCsvRow(m_buffer, cells, m_types, m_scratch);
        return m_buffer.size() < FlushBytes || flush();
    }

    bool finish() override
    {
        if (!flush())
            return false;
        if (!m_file.commit()) {
            error = QStringLiteral("could not write %1: %2")
                        .arg(QDir::toNativeSeparators(m_file.fileName()), m_file.errorString());
            return false;
        }
        return true;
    }

private:
    bool flush()
    {
        if (!error.isEmpty())
            return false;
        if (m_file.write(m_buffer.data(), qint64(m_buffer.size())) != qint64(m_buffer.size())) {
            error = QStringLiteral("could not write %1: %2")
                        .arg(QDir::toNativeSeparators(m_file.fileName()), m_file.errorString());
            return false;
        }
        m_buffer.clear();
        return true;
    }

    QSaveFile m_file; // a half-written file never takes the name
    ColumnTypes m_types;
    std::string m_buffer;
    std::string m_scratch;
};

// One workbook, written with libxlsxwriter in constant-memory mode: rows go to disk as
// they come, so a workbook of millions of rows costs no more memory than one of ten.
class Workbook : public TableWriter
{
public:
    Workbook(const QString &path, const QStringList &columns, const DataSummary &summary,
             const GroupTotals *customer, int rowsPerSheet)
        : m_path(path)
        , m_temporary(QFileInfo(path).dir().filePath(
              QStringLiteral(".%1.part").arg(QFileInfo(path).fileName())))
        , m_columns(columns)
        , m_types(columns)
        , m_rowsPerSheet(rowsPerSheet)
    {
        QFile::remove(m_temporary);
        lxw_workbook_options options {};
        options.constant_memory = LXW_TRUE;
        options.use_zip64 = LXW_TRUE;
        const QByteArray encoded = QFile::encodeName(m_temporary);
        m_book = workbook_new_opt(encoded.constData(), &options);
        if (!m_book) {
            error = QStringLiteral("could not create %1").arg(QDir::toNativeSeparators(path));
            return;
        }
        m_bold = workbook_add_format(m_book);
        format_set_bold(m_bold);
        m_money = workbook_add_format(m_book);
        format_set_num_format(m_money, "#,##0.00");
        m_date = workbook_add_format(m_book);
        format_set_num_format(m_date, "yyyy-mm-dd");
        m_dateTime = workbook_add_format(m_book);
        format_set_num_format(m_dateTime, "yyyy-mm-dd hh:mm:ss");
        writeSummary(summary, customer);
        if (!customer)
            writeCustomers(summary);
    }

    ~Workbook() override
    {
        if (m_book) {
            workbook_close(m_book);
            QFile::remove(m_temporary);
        }
    }

    bool write(const Cells &cells) override
    {
        if (!m_sheet || m_row > lxw_row_t(m_rowsPerSheet))
            newDataSheet();
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const std::string_view value = cells[i];
            if (value.empty())
                continue;
            writeCell(m_sheet, m_row, lxw_col_t(i), value, i);
        }
        ++m_row;
        return true;
    }

    bool finish() override
    {
        if (!m_sheet)
            newDataSheet(); // the columns, even without rows
        const lxw_error result = workbook_close(m_book);
        m_book = nullptr;
        if (result != LXW_NO_ERROR) {
            error = QStringLiteral("could not write %1: %2")
                        .arg(QDir::toNativeSeparators(m_path),
                             QString::fromLatin1(lxw_strerror(result)));
            QFile::remove(m_temporary);
            return false;
        }
        QFile::remove(m_path);
        if (!QFile::rename(m_temporary, m_path)) {
            error = QStringLiteral("could not rename the finished workbook to %1")
                        .arg(QDir::toNativeSeparators(m_path));
            return false;
        }
        return true;
    }

private:
    void text(lxw_worksheet *sheet, lxw_row_t row, lxw_col_t column, const QString &value,
              lxw_format *format = nullptr)
    {
        worksheet_write_string(sheet, row, column,
                               value.left(int(MaxCellChars)).toUtf8().constData(), format);
    }

    void money(lxw_worksheet *sheet, lxw_row_t row, lxw_col_t column, const Decimal &value)
    {
        worksheet_write_number(sheet, row, column, value.toDouble(), m_money);
    }

    void writeCell(lxw_worksheet *sheet, lxw_row_t row, lxw_col_t column, std::string_view value,
                   std::size_t index)
    {
        if (m_types.numeric[index]) {
            Decimal number;
            if (Decimal::parse(value, &number)) {
                worksheet_write_number(sheet, row, column, number.toDouble(), nullptr);
                return;
            }
        } else if (m_types.date[index]) {
            CellFormat::DateTime date;
            if (CellFormat::parseIsoDate(value, &date) && date.year >= 1900) {
                lxw_datetime when {date.year, date.month,  date.day,
                                   date.hour, date.minute, date.second};
                const bool midnight = date.hour == 0 && date.minute == 0 && date.second == 0;
                worksheet_write_datetime(sheet, row, column, &when, midnight ? m_date : m_dateTime);
                return;
            }
        }
        m_scratch.assign(value.substr(0, MaxCellChars));
        worksheet_write_string(sheet, row, column, m_scratch.c_str(), nullptr);
    }

    void writeSummary(const DataSummary &summary, const GroupTotals *customer)
    {
        lxw_worksheet *sheet = workbook_add_worksheet(m_book, "Summary");
        worksheet_set_column(sheet, 0, 0, 28, nullptr);
        worksheet_set_column(sheet, 1, 4, 18, nullptr);
        lxw_row_t row = 0;
        const auto pair = [&](const QString &label, const QString &value) {
            text(sheet, row, 0, label, m_bold);
            text(sheet, row, 1, value);
            ++row;
        };
        pair(QStringLiteral("Kind"), ExportColumns::kindKey(summary.kind));
        if (customer) {
            pair(QStringLiteral("Customer"), customer->name);
            pair(QStringLiteral("Customer id"), customer->id);
        } else {
            pair(QStringLiteral("Files"), QString::number(summary.files));
        }
        text(sheet, row, 0, QStringLiteral("Rows"), m_bold);
        worksheet_write_number(sheet, row++, 1, double(customer ? customer->rows : summary.rows),
                               nullptr);
        pair(QStringLiteral("From"), summary.from);
        pair(QStringLiteral("To"), summary.to);
        ++row;
        const bool usage = summary.kind == ExportColumns::Kind::Usage;
        text(sheet, row, 0, QStringLiteral("Currency"), m_bold);
        text(sheet, row, 1, usage ? QStringLiteral("BillingPreTaxTotal") : QStringLiteral("Total"),
             m_bold);
        ++row;
        const CurrencyTotals &totals = customer ? customer->totals : summary.totals;
        for (auto it = totals.cbegin(); it != totals.cend(); ++it) {
            text(sheet, row, 0, it.key().isEmpty() ? QStringLiteral("(none)") : it.key());
            money(sheet, row++, 1, it.value());
        }
        if (!customer && !summary.missingColumns.isEmpty()) {
            ++row;
            pair(QStringLiteral("Not in the data"),
                 summary.missingColumns.join(QStringLiteral(", ")));
        }
        if (!customer && summary.badAmounts > 0)
            pair(QStringLiteral("Amounts that are not numbers"),
                 QString::number(summary.badAmounts));
    }

    void writeCustomers(const DataSummary &summary)
    {
        lxw_worksheet *sheet = workbook_add_worksheet(m_book, "Customers");
        const QStringList currencies = summary.totals.keys();
        text(sheet, 0, 0, QStringLiteral("CustomerId"), m_bold);
        text(sheet, 0, 1, QStringLiteral("CustomerName"), m_bold);
        text(sheet, 0, 2, QStringLiteral("Rows"), m_bold);
        for (int i = 0; i < currencies.size(); ++i)
            text(sheet, 0, lxw_col_t(3 + i),
                 currencies.at(i).isEmpty() ? QStringLiteral("(no currency)") : currencies.at(i),
                 m_bold);
        worksheet_set_column(sheet, 0, 0, 38, nullptr);
        worksheet_set_column(sheet, 1, 1, 30, nullptr);
        worksheet_freeze_panes(sheet, 1, 0);
        lxw_row_t row = 1;
        for (const GroupTotals &customer : summary.groupsBy(Grouping::Customer)) {
            text(sheet, row, 0, customer.id);
            text(sheet, row, 1, customer.name);
            worksheet_write_number(sheet, row, 2, double(customer.rows), nullptr);
            for (int i = 0; i < currencies.size(); ++i) {
                if (customer.totals.contains(currencies.at(i)))
                    money(sheet, row, lxw_col_t(3 + i), customer.totals.value(currencies.at(i)));
            }
            ++row;
        }
    }

    void newDataSheet()
    {
        ++m_sheets;
        const QByteArray name
            = m_sheets == 1 ? QByteArray("Data") : "Data " + QByteArray::number(m_sheets);
        m_sheet = workbook_add_worksheet(m_book, name.constData());
        for (int i = 0; i < m_columns.size(); ++i)
            text(m_sheet, 0, lxw_col_t(i), m_columns.at(i), m_bold);
        worksheet_freeze_panes(m_sheet, 1, 0);
        m_row = 1;
    }

    QString m_path;
    QString m_temporary;
    QStringList m_columns;
    ColumnTypes m_types;
    int m_rowsPerSheet;
    lxw_workbook *m_book = nullptr;
    lxw_worksheet *m_sheet = nullptr;
    lxw_format *m_bold = nullptr;
    lxw_format *m_money = nullptr;
    lxw_format *m_date = nullptr;
    lxw_format *m_dateTime = nullptr;
    lxw_row_t m_row = 0;
    int m_sheets = 0;
    std::string m_scratch;
};

// Which customer a row belongs to: its CustomerId, else its CustomerName, as the summary
// groups them.
struct CustomerKey
{
    int idColumn = -1;
    int nameColumn = -1;

    explicit CustomerKey(const QStringList &columns)
    {
        for (int i = 0; i < columns.size(); ++i) {
            if (columns.at(i).compare(QLatin1String("CustomerId"), Qt::CaseInsensitive) == 0)
                idColumn = i;
            else if (columns.at(i).compare(QLatin1String("CustomerName"), Qt::CaseInsensitive) == 0)
                nameColumn = i;
        }
    }

    void of(const Cells &cells, std::string *key) const
    {
        std::string_view id = idColumn >= 0 ? cells[std::size_t(idColumn)] : std::string_view();
        if (id.empty() && nameColumn >= 0)
            id = cells[std::size_t(nameColumn)];
        key->assign(id);
    }
};

// One CSV per customer: rows are gathered per customer and appended in batches, so a
// thousand customers need no thousand open files.
class CustomerCsvFiles : public TableWriter
{
public:
    CustomerCsvFiles(const QStringList &columns, const QHash<QString, QString> &paths)
        : m_types(columns)
        , m_header(csvHeader(columns))
        , m_customer(columns)
        , m_paths(paths)
    { }

    bool write(const Cells &cells) override
    {
        m_customer.of(cells, &m_key);
        Pending &pending = m_pending[m_key];
        if (pending.path.isEmpty()) {
            pending.path = m_paths.value(QString::fromStdString(m_key));
            pending.buffer = m_header;
            pending.truncate = true;
        }
        appendCsvRow(pending.buffer, cells, m_types, m_scratch);
        return pending.buffer.size() < FlushBytes || flush(pending);
    }

    bool finish() override
    {
        for (auto &entry : m_pending) {
            if (!flush(entry.second))
                return false;
        }
        return true;
    }

private:
    struct Pending
    {
        QString path;
        std::string buffer;
        bool truncate = false;
    };

    bool flush(Pending &pending)
    {
        if (pending.path.isEmpty())
            return true;
        QFile file(pending.path);
        const QIODevice::OpenMode mode
            = QIODevice::WriteOnly | (pending.truncate ? QIODevice::Truncate : QIODevice::Append);
        if (QFileInfo(pending.path).isSymLink() || !file.open(mode)
            || file.write(pending.buffer.data(), qint64(pending.buffer.size()))
                != qint64(pending.buffer.size())) {
            error = QStringLiteral("could not write %1: %2")
                        .arg(QDir::toNativeSeparators(pending.path), file.errorString());
            return false;
        }
        pending.truncate = false;
        pending.buffer.clear();
        return true;
    }

    ColumnTypes m_types;
    std::string m_header;
    CustomerKey m_customer;
    QHash<QString, QString> m_paths; // customer key -> file
    std::unordered_map<std::string, Pending> m_pending;
    std::string m_key;
    std::string m_scratch;
};

// Routes rows to a writer per customer key, or to one writer for all.
class RoutingSink : public TableRowSink
{
public:
    RoutingSink(const QStringList &columns, TableWriter *all)
        : TableRowSink(columns)
        , m_all(all)
    { }
    RoutingSink(const QStringList &columns,
                std::unordered_map<std::string, TableWriter *> byCustomer)
        : TableRowSink(columns)
        , m_customer(columns)
        , m_byCustomer(std::move(byCustomer))
    { }

    void row(const Cells &cells) override
    {
        if (!failed.isEmpty())
            return;
        if (cancelled && cancelled->load(std::memory_order_relaxed)) {
            m_stop = true;
            return;
        }
        TableWriter *writer = m_all;
        if (!writer) {
            m_customer.of(cells, &m_key);
            const auto found = m_byCustomer.find(m_key);
            if (found == m_byCustomer.end())
                return; // another pass writes this customer
            writer = found->second;
        }
        ++rows;
        if (!writer->write(cells)) {
            failed = writer->error;
            m_stop = true;
        }
    }

    qint64 rows = 0;
    QString failed;
    const std::atomic_bool *cancelled = nullptr; // the caller's
    std::atomic_bool m_stop {false};

private:
    TableWriter *m_all = nullptr;
    CustomerKey m_customer {QStringList()};
    std::unordered_map<std::string, TableWriter *> m_byCustomer;
    std::string m_key;
};

bool scanAll(const Request &request, RoutingSink *sink, Result *result)
{
    // A failed write stops the pass; the caller's cancel is checked between files.
    ScanOptions options = request.options;
    options.cancelled = &sink->m_stop;
    sink->cancelled = request.options.cancelled;
    for (const QString &path : request.paths) {
        const ScanReport report = scanFile(path, sink, options);
        if (request.options.cancelled && request.options.cancelled->load()) {
            result->error = QStringLiteral("cancelled");
            return false;
        }
        if (!sink->failed.isEmpty()) {
            result->error = sink->failed;
            return false;
        }
        if (!report.ok) {
            result->error = QStringLiteral("%1: %2").arg(QFileInfo(path).fileName(), report.error);
            return false;
        }
    }
    return true;
}

} // namespace

QString extension(Format format)
{
    return format == Format::Csv ? QStringLiteral("csv") : QStringLiteral("xlsx");
}

int passes(const Request &request, const DataSummary &summary)
{
    if (!request.splitByCustomer || request.format == Format::Csv)
        return 1;
    const int customers = summary.groupsBy(Grouping::Customer).size();
    return qMax(1, (customers + CustomersPerPass - 1) / CustomersPerPass);
}

Result convert(const Request &request, const DataSummary &summary)
{
    Result result;
    const QStringList &columns = summary.columns;
    // What is known of the size: the inflated JSON, which a CSV or a workbook never exceeds.
    const qint64 needed = summary.inflatedBytes;
    if (!request.splitByCustomer) {
        if (const QString problem = OutputSafety::problem(request.out, needed);
            !problem.isEmpty()) {
            result.error = problem;
            return result;
        }
        std::unique_ptr<TableWriter> writer;
        if (request.format == Format::Csv)
            writer = std::make_unique<CsvFile>(request.out, columns);
        else
            writer = std::make_unique<Workbook>(request.out, columns, summary, nullptr,
                                                request.rowsPerSheet);
        if (!writer->error.isEmpty()) {
            result.error = writer->error;
            return result;
        }
        RoutingSink sink(columns, writer.get());
        if (!scanAll(request, &sink, &result))
            return result;
        if (!writer->finish()) {
            result.error = writer->error;
            return result;
        }
        result.rows = sink.rows;
        result.written.append(request.out);
        result.ok = true;
        return result;
    }

    const QDir folder(request.out);
    if (!QDir().mkpath(request.out)) {
        result.error = QStringLiteral("could not create the folder %1")
                           .arg(QDir::toNativeSeparators(request.out));
        return result;
    }
    QHash<QString, QString> paths;
    QList<const GroupTotals *> customers;
    for (const GroupTotals &customer : summary.groupsBy(Grouping::Customer)) {
        const QString path = folder.filePath(
            CellFormat::customerFileName(customer.name, customer.id, extension(request.format)));
        if (const QString problem = OutputSafety::problem(path, 0); !problem.isEmpty()) {
            result.error = problem;
            return result;
        }
        paths.insert(customer.id, path);
        customers.append(&customer);
    }
    if (const QString problem
        = OutputSafety::problem(folder.filePath(QStringLiteral(".space")), needed);
        !problem.isEmpty()) {
        result.error = problem;
        return result;
    }

    if (request.format == Format::Csv) {
        CustomerCsvFiles writer(columns, paths);
        RoutingSink sink(columns, &writer);
        if (!scanAll(request, &sink, &result))
            return result;
        if (!writer.finish()) {
            result.error = writer.error;
            return result;
        }
        result.rows = sink.rows;
    } else {
        for (int first = 0; first < customers.size(); first += CustomersPerPass) {
            std::vector<std::unique_ptr<Workbook>> books;
            std::unordered_map<std::string, TableWriter *> route;
            for (int i = first; i < qMin(int(customers.size()), first + CustomersPerPass); ++i) {
                const GroupTotals *customer = customers.at(i);
                books.push_back(std::make_unique<Workbook>(
                    paths.value(customer->id), columns, summary, customer, request.rowsPerSheet));
                if (!books.back()->error.isEmpty()) {
                    result.error = books.back()->error;
                    return result;
                }
                route.emplace(customer->id.toStdString(), books.back().get());
            }
            RoutingSink sink(columns, std::move(route));
            if (!scanAll(request, &sink, &result))
                return result;
            for (const auto &book : books) {
                if (!book->finish()) {
                    result.error = book->error;
                    return result;
                }
            }
            result.rows += sink.rows;
        }
    }
    for (const GroupTotals *customer : customers)
        result.written.append(paths.value(customer->id));
    result.ok = true;
    return result;
}

} // namespace ExportConversion
