#pragma once

#include <QString>
#include <QStringList>

// The documented columns of Graph's partner billing exports, and the few the summary reads.
// Graph does not document the case of the JSON keys, so every match is case-insensitive.
namespace ExportColumns {

enum class Kind { Unknown, Usage, Reconciliation };

QString kindKey(Kind kind); // "usage", "reconciliation", "unknown": for JSON and files

// The columns the summary, grouping and charts read. Each is found by its documented name.
enum class Role {
    CustomerId,
    CustomerName,
    ProductId,
    ProductName,
    SkuId,
    SkuName,
    ChargeType,
    SubscriptionId,
    SubscriptionDescription,
    MeterCategory,
    UsageDate,
    ChargeStartDate,
    ChargeEndDate,
    BillingPreTaxTotal,
    BillingCurrency,
    PricingPreTaxTotal,
    PricingCurrency,
    Subtotal,
    TaxTotal,
    Total,
    Currency,
    BillableQuantity,
    Count
};
constexpr int RoleCount = int(Role::Count);

// The documented name of a role's column, e.g. "BillingPreTaxTotal".
const char *roleName(Role role);
// Whether a column holds an amount, a quantity or a price (written as a number), or a date.
bool isNumericColumn(const QString &name);
bool isDateColumn(const QString &name);

// Every documented column of the kind, full attribute set, in documented order.
const QStringList &documented(Kind kind);
// Whether the column is also in the "basic" attribute set.
bool isBasic(Kind kind, const QString &name);

// Told from the columns present: a usage export has BillingPreTaxTotal or UsageDate, a
// reconciliation export Subtotal, Total or BillableQuantity.
Kind kindFromColumns(const QStringList &columns);

// `columns` (as found, in first-seen order) reordered: the kind's documented columns first
// in documented order, then the others as found.
QStringList ordered(Kind kind, const QStringList &columns);

} // namespace ExportColumns
