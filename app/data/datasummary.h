#pragma once

#include "app/data/decimal.h"
#include "models/exportcolumns.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

// Amounts per currency code, sorted by code. An amount without a currency is under "".
using CurrencyTotals = QMap<QString, Decimal>;

enum class Grouping { Customer, Product, ChargeType, Subscription, MeterCategory };
constexpr int GroupingCount = 5;

namespace Groupings {
QList<Grouping> all();
QString key(Grouping grouping); // "customer", "product", "chargeType", ... (CLI and JSON)
std::optional<Grouping> fromKey(const QString &key); // case-insensitive
} // namespace Groupings

// One row of a group-by: e.g. one customer with its row count and totals.
struct GroupTotals
{
    QString id; // "" for rows without one
    QString name;
    qint64 rows = 0;
    CurrencyTotals totals; // the kind's main total (see DataSummary::totals)
};

// A file that could not be read to the end, and why.
struct FileProblem
{
    QString file; // the name, without the folder
    QString error;
};

// What one pass over an export's files found. The main total is BillingPreTaxTotal by
// BillingCurrency for usage and Total by Currency for reconciliation; every sum is exact.
struct DataSummary
{
    ExportColumns::Kind kind = ExportColumns::Kind::Unknown;
    int files = 0; // read to the end
    qint64 rows = 0;
    qint64 compressedBytes = 0;
    qint64 inflatedBytes = 0;
    QString from; // yyyy-MM-dd, empty without dates
    QString to;

    CurrencyTotals totals;
    CurrencyTotals pricingTotals; // usage: PricingPreTaxTotal by PricingCurrency
    CurrencyTotals subtotals; // reconciliation: Subtotal by Currency
    CurrencyTotals taxTotals; // reconciliation: TaxTotal by Currency
    // Reconciliation: BillableQuantity. (Usage quantities are in each meter's own unit, so
    // their sum would mean nothing.)
    Decimal quantity;
    bool hasQuantity = false;

    QStringList columns; // documented ones in documented order, then the others as found
    // The documented columns the summary reads that no file has; their figures are left out.
    QStringList missingColumns;
    qint64 badAmounts = 0; // amounts present but not numbers: counted, never taken as zero
    QStringList
        badAmountExamples; // a few, e.g. "part-1.json.gz record 12: BillingPreTaxTotal = \"n/a\""
    QList<FileProblem> problems; // files refused or corrupt; their rows are not in the figures
    bool mixedKinds = false; // usage and reconciliation files together

    std::array<QList<GroupTotals>, GroupingCount> groups; // each sorted by id
    QMap<QString, CurrencyTotals> perDay; // usage: UsageDate -> main total

    const QList<GroupTotals> &groupsBy(Grouping grouping) const { return groups[int(grouping)]; }
    int count(Grouping grouping) const;
    // The customers (or other groups) with the largest main total in `currency`, largest first.
    QList<GroupTotals> top(Grouping grouping, const QString &currency, int count) const;
    // The currency with the largest total, for charts; empty without totals.
    QString mainCurrency() const;
};
