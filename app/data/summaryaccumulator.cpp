#include "app/data/summaryaccumulator.h"

#include "app/data/stringindex.h"

#include <QSet>

#include <algorithm>
#include <bitset>
#include <cctype>
#include <cstring>

using ExportColumns::Kind;
using ExportColumns::Role;

namespace {

// Amounts per currency: a handful of currencies at most, so a short vector beats a map.
using Money = std::vector<std::pair<std::string, Decimal>>;

// Currency codes are three letters: compared inline, they cost less than a call to memcmp,
// and a row adds its amount to eight totals.
bool sameCode(const std::string &code, std::string_view other)
{
    if (code.size() != other.size())
        return false;
    for (std::size_t i = 0; i < other.size(); ++i) {
        if (code[i] != other[i])
            return false;
    }
    return true;
}

void add(Money &money, std::string_view currency, const Decimal &amount)
{
    for (auto &entry : money) {
        if (sameCode(entry.first, currency)) {
            entry.second += amount;
            return;
        }
    }
    money.emplace_back(std::string(currency), amount);
}

void addAll(Money &into, const Money &from)
{
    for (const auto &entry : from)
        add(into, entry.first, entry.second);
}

QString text(std::string_view bytes)
{
    return QString::fromUtf8(bytes.data(), int(bytes.size()));
}

CurrencyTotals toTotals(const Money &money)
{
    CurrencyTotals totals;
    for (const auto &entry : money)
        totals[text(entry.first)] += entry.second;
    return totals;
}

// "2024-05-01T00:00:00Z" -> "2024-05-01"; empty for anything that is not an ISO date.
std::string_view isoDate(std::string_view value)
{
    if (value.size() < 10 || value[4] != '-' || value[7] != '-')
        return {};
    for (const int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (value[std::size_t(i)] < '0' || value[std::size_t(i)] > '9')
            return {};
    }
    return value.substr(0, 10);
}

void widen(std::string &from, std::string &to, std::string_view date)
{
    if (date.empty())
        return;
    if (from.empty() || date < from)
        from.assign(date);
    if (to.empty() || date > to)
        to.assign(date);
}

const std::vector<Role> &summaryRoles(Kind kind)
{
    static const std::vector<Role> usage {
        Role::CustomerId,      Role::CustomerName,       Role::ProductId,
        Role::SkuName,         Role::ChargeType,         Role::SubscriptionId,
        Role::MeterCategory,   Role::UsageDate,          Role::BillingPreTaxTotal,
        Role::BillingCurrency, Role::PricingPreTaxTotal, Role::PricingCurrency};
    static const std::vector<Role> reconciliation {
        Role::CustomerId,      Role::CustomerName,   Role::ProductId,       Role::SkuName,
        Role::ChargeType,      Role::SubscriptionId, Role::ChargeStartDate, Role::ChargeEndDate,
        Role::Subtotal,        Role::TaxTotal,       Role::Total,           Role::Currency,
        Role::BillableQuantity};
    static const std::vector<Role> none;
    return kind == Kind::Usage ? usage : kind == Kind::Reconciliation ? reconciliation : none;
}

} // namespace

struct SummaryAccumulator::State
{
    struct Group
    {
        std::string name;
        qint64 rows = 0;
        Money totals;
    };

    qint64 usageRows = 0;
    qint64 reconciliationRows = 0;
    qint64 otherRows = 0;
    int files = 0;
    qint64 compressedBytes = 0;
    qint64 inflatedBytes = 0;
    std::string usageFrom, usageTo, chargeFrom, chargeTo;
    Money billing, pricing, subtotal, tax, total;
    Decimal billable;
    bool hasBillable = false;
    StringIndex<Group> groups[GroupingCount];
    StringIndex<Money> perDay; // by ISO date
    std::vector<std::string> columns; // as first seen
    std::unordered_map<std::string, int> foldedColumns;
    std::bitset<ExportColumns::RoleCount> rolesSeen;
    qint64 badAmounts = 0;
    QStringList badAmountExamples;

    // The file being scanned.
    QString fileName;
    Kind fileKind = Kind::Unknown;
    bool fileKindKnown = false;
    qint64 fileRecords = 0;
    std::string productKey;

    Group &group(Grouping grouping, std::string_view id) { return groups[int(grouping)][id]; }

    bool amount(const ColumnRegistry &columns, const RecordView &record, Role role, Decimal *out)
    {
        const int column = columns.column(role);
        if (!record.has(column))
            return false;
        const std::string_view value = record.value(column);
        if (Decimal::parse(value, out))
            return true;
        if (value.find_first_not_of(" \t") == std::string_view::npos)
            return false; // an empty amount is absent, not bad
        ++badAmounts;
        if (badAmountExamples.size() < 5)
            badAmountExamples.append(QStringLiteral("%1 record %2: %3 = \"%4\"")
                                         .arg(fileName)
                                         .arg(fileRecords)
                                         .arg(QLatin1String(ExportColumns::roleName(role)))
                                         .arg(text(value).left(40)));
        return false;
    }
};

SummaryAccumulator::SummaryAccumulator()
    : m_state(std::make_unique<State>())
{ }

SummaryAccumulator::~SummaryAccumulator() = default;

void SummaryAccumulator::beginFile(const QString &name)
{
    State &s = *m_state;
    s.fileName = name;
    s.fileKindKnown = false;
    s.fileKind = Kind::Unknown;
    s.fileRecords = 0;
}

void SummaryAccumulator::endFile(const ColumnRegistry &columns, qint64 compressedBytes,
                                 qint64 inflatedBytes, bool ok)
{
    State &s = *m_state;
    for (int column = 0; column < columns.count(); ++column) {
        std::string folded = columns.name(column);
        std::transform(folded.begin(), folded.end(), folded.begin(),
                       [](unsigned char c) { return char(std::tolower(c)); });
        if (s.foldedColumns.emplace(folded, int(s.columns.size())).second)
            s.columns.push_back(columns.name(column));
    }
    for (int role = 0; role < ExportColumns::RoleCount; ++role) {
        if (columns.column(Role(role)) >= 0)
            s.rolesSeen.set(std::size_t(role));
    }
    if (ok) {
        ++s.files;
        s.compressedBytes += compressedBytes;
        s.inflatedBytes += inflatedBytes;
    }
}

bool SummaryAccumulator::wantsColumn(const ColumnRegistry &columns, int column)
{
    for (int role = 0; role < ExportColumns::RoleCount; ++role) {
        if (columns.column(Role(role)) == column)
            return true;
    }
    return false;
}

void SummaryAccumulator::record(const ColumnRegistry &columns, const RecordView &record)
{
    State &s = *m_state;
    ++s.fileRecords;
    if (!s.fileKindKnown) {
        s.fileKind = ExportColumns::kindFromColumns(columns.names());
        s.fileKindKnown = true;
    }
    const auto value = [&](Role role) {
        return record.value(columns.column(role));
    };

    // The main total of this row, by its currency.
    std::string_view currency;
    Decimal main;
    bool hasMain = false;
    Decimal amount;
    if (s.fileKind == Kind::Usage) {
        ++s.usageRows;
        currency = value(Role::BillingCurrency);
        hasMain = s.amount(columns, record, Role::BillingPreTaxTotal, &main);
        if (hasMain)
            add(s.billing, currency, main);
        if (s.amount(columns, record, Role::PricingPreTaxTotal, &amount))
            add(s.pricing, value(Role::PricingCurrency), amount);
        const std::string_view day = isoDate(value(Role::UsageDate));
        widen(s.usageFrom, s.usageTo, day);
        if (hasMain && !day.empty()) {
            add(s.perDay[day], currency, main);
        }
    } else if (s.fileKind == Kind::Reconciliation) {
        ++s.reconciliationRows;
        currency = value(Role::Currency);
        hasMain = s.amount(columns, record, Role::Total, &main);
        if (hasMain)
            add(s.total, currency, main);
        if (s.amount(columns, record, Role::Subtotal, &amount))
            add(s.subtotal, currency, amount);
        if (s.amount(columns, record, Role::TaxTotal, &amount))
            add(s.tax, currency, amount);
        if (s.amount(columns, record, Role::BillableQuantity, &amount)) {
            s.billable += amount;
            s.hasBillable = true;
        }
    } else {
        ++s.otherRows;
    }
    widen(s.chargeFrom, s.chargeTo, isoDate(value(Role::ChargeStartDate)));
    widen(s.chargeFrom, s.chargeTo, isoDate(value(Role::ChargeEndDate)));

    const auto count = [&](Grouping grouping, std::string_view id, std::string_view name) {
        State::Group &group = s.group(grouping, id);
        ++group.rows;
        if (group.name.empty() && !name.empty())
            group.name.assign(name);
        if (hasMain)
            add(group.totals, currency, main);
    };
    const std::string_view customerId = value(Role::CustomerId);
    count(Grouping::Customer, customerId.empty() ? value(Role::CustomerName) : customerId,
          value(Role::CustomerName));
    const std::string_view productId = value(Role::ProductId);
    const std::string_view skuId = value(Role::SkuId);
    if (skuId.empty()) {
        count(Grouping::Product, productId, value(Role::ProductName));
    } else {
        s.productKey.assign(productId).append(1, '/').append(skuId);
        const std::string_view sku = value(Role::SkuName);
        count(Grouping::Product, s.productKey, sku.empty() ? value(Role::ProductName) : sku);
    }
    count(Grouping::ChargeType, value(Role::ChargeType), value(Role::ChargeType));
    count(Grouping::Subscription, value(Role::SubscriptionId),
          value(Role::SubscriptionDescription));
    count(Grouping::MeterCategory, value(Role::MeterCategory), value(Role::MeterCategory));
}

void SummaryAccumulator::mergeFrom(const SummaryAccumulator &other)
{
    State &s = *m_state;
    const State &o = *other.m_state;
    s.usageRows += o.usageRows;
    s.reconciliationRows += o.reconciliationRows;
    s.otherRows += o.otherRows;
    s.files += o.files;
    s.compressedBytes += o.compressedBytes;
    s.inflatedBytes += o.inflatedBytes;
    for (const std::string *date : {&o.usageFrom, &o.usageTo})
        widen(s.usageFrom, s.usageTo, *date);
    for (const std::string *date : {&o.chargeFrom, &o.chargeTo})
        widen(s.chargeFrom, s.chargeTo, *date);
    addAll(s.billing, o.billing);
    addAll(s.pricing, o.pricing);
    addAll(s.subtotal, o.subtotal);
    addAll(s.tax, o.tax);
    addAll(s.total, o.total);
    s.billable += o.billable;
    s.hasBillable = s.hasBillable || o.hasBillable;
    for (int g = 0; g < GroupingCount; ++g) {
        for (const auto &theirs : o.groups[g].entries()) {
            State::Group &mine = s.groups[g][theirs.key];
            mine.rows += theirs.value.rows;
            if (mine.name.empty())
                mine.name = theirs.value.name;
            addAll(mine.totals, theirs.value.totals);
        }
    }
    for (const auto &day : o.perDay.entries())
        addAll(s.perDay[day.key], day.value);
    for (const std::string &column : o.columns) {
        std::string folded = column;
        std::transform(folded.begin(), folded.end(), folded.begin(),
                       [](unsigned char c) { return char(std::tolower(c)); });
        if (s.foldedColumns.emplace(folded, int(s.columns.size())).second)
            s.columns.push_back(column);
    }
    s.rolesSeen |= o.rolesSeen;
    s.badAmounts += o.badAmounts;
    for (const QString &example : o.badAmountExamples) {
        if (s.badAmountExamples.size() < 5)
            s.badAmountExamples.append(example);
    }
}

DataSummary SummaryAccumulator::result(const QList<FileProblem> &problems) const
{
    const State &s = *m_state;
    DataSummary summary;
    summary.kind = s.usageRows >= s.reconciliationRows
        ? (s.usageRows > 0 ? Kind::Usage : Kind::Unknown)
        : Kind::Reconciliation;
    summary.mixedKinds = s.usageRows > 0 && s.reconciliationRows > 0;
    summary.files = s.files;
    summary.rows = s.usageRows + s.reconciliationRows + s.otherRows;
    summary.compressedBytes = s.compressedBytes;
    summary.inflatedBytes = s.inflatedBytes;
    const bool usage = summary.kind == Kind::Usage;
    const bool byUsageDate = usage && !s.usageFrom.empty();
    summary.from = text(byUsageDate ? s.usageFrom : s.chargeFrom);
    summary.to = text(byUsageDate ? s.usageTo : s.chargeTo);
    if (usage) {
        summary.totals = toTotals(s.billing);
        summary.pricingTotals = toTotals(s.pricing);
        for (const auto &day : s.perDay.entries())
            summary.perDay.insert(text(day.key), toTotals(day.value));
    } else if (summary.kind == Kind::Reconciliation) {
        summary.totals = toTotals(s.total);
        summary.subtotals = toTotals(s.subtotal);
        summary.taxTotals = toTotals(s.tax);
        summary.quantity = s.billable;
        summary.hasQuantity = s.hasBillable;
    }
    QStringList columns;
    for (const std::string &column : s.columns)
        columns.append(text(column));
    summary.columns = ExportColumns::ordered(summary.kind, columns);
    for (const Role role : summaryRoles(summary.kind)) {
        if (!s.rolesSeen.test(std::size_t(role)))
            summary.missingColumns.append(QLatin1String(ExportColumns::roleName(role)));
    }
    summary.badAmounts = s.badAmounts;
    summary.badAmountExamples = s.badAmountExamples;
    summary.problems = problems;
    for (int g = 0; g < GroupingCount; ++g) {
        QList<GroupTotals> &rows = summary.groups[std::size_t(g)];
        rows.reserve(int(s.groups[g].size()));
        for (const auto &group : s.groups[g].entries())
            rows.append({text(group.key), text(group.value.name), group.value.rows,
                         toTotals(group.value.totals)});
        std::sort(rows.begin(), rows.end(),
                  [](const GroupTotals &a, const GroupTotals &b) { return a.id < b.id; });
    }
    return summary;
}
