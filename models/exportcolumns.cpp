#include "models/exportcolumns.h"

#include <QHash>

namespace ExportColumns {

namespace {

const char *const RoleNames[RoleCount] = {
    "CustomerId",
    "CustomerName",
    "ProductId",
    "ProductName",
    "SkuId",
    "SkuName",
    "ChargeType",
    "SubscriptionId",
    "SubscriptionDescription",
    "MeterCategory",
    "UsageDate",
    "ChargeStartDate",
    "ChargeEndDate",
    "BillingPreTaxTotal",
    "BillingCurrency",
    "PricingPreTaxTotal",
    "PricingCurrency",
    "Subtotal",
    "TaxTotal",
    "Total",
    "Currency",
    "BillableQuantity",
};

QStringList split(const char *names)
{
    return QString::fromLatin1(names).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

bool containsFolded(const QStringList &columns, const char *name)
{
    return columns.contains(QLatin1String(name), Qt::CaseInsensitive);
}

} // namespace

QString kindKey(Kind kind)
{
    switch (kind) {
    case Kind::Usage:
        return QStringLiteral("usage");
    case Kind::Reconciliation:
        return QStringLiteral("reconciliation");
    case Kind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

const char *roleName(Role role)
{
    return RoleNames[int(role)];
}

bool isNumericColumn(const QString &name)
{
    static const QStringList numeric = split(
        "BillingPreTaxTotal PricingPreTaxTotal Subtotal TaxTotal Total Quantity BillableQuantity "
        "UnitPrice EffectiveUnitPrice PCToBCExchangeRate CreditPercentage "
        "PartnerEarnedCreditPercentage");
    return numeric.contains(name, Qt::CaseInsensitive);
}

bool isDateColumn(const QString &name)
{
    static const QStringList dates
        = split("UsageDate ChargeStartDate ChargeEndDate OrderDate SubscriptionStartDate "
                "SubscriptionEndDate PCToBCExchangeRateDate");
    return dates.contains(name, Qt::CaseInsensitive);
}

const QStringList &documented(Kind kind)
{
    // The order of the attribute-set documentation (alphabetical for usage).
    static const QStringList usage = split(
        "AdditionalInfo AvailabilityId BenefitID BenefitOrderID BenefitType BillingCurrency "
        "BillingPreTaxTotal ChargeEndDate ChargeStartDate ChargeType ConsumedService "
        "CreditPercentage CreditType CustomerCountry CustomerDomainName CustomerId CustomerName "
        "EffectiveUnitPrice EntitlementDescription EntitlementId InvoiceNumber MeterCategory "
        "MeterId MeterName MeterRegion MeterSubCategory MeterType MpnId "
        "PartnerEarnedCreditPercentage PartnerId PartnerName PCToBCExchangeRate PricingCurrency "
        "PricingPreTaxTotal ProductId ProductName PublisherId PublisherName Quantity "
        "ResourceGroup ResourceLocation ResourceURI ServiceInfo1 ServiceInfo2 SkuId SkuName "
        "SubscriptionDescription SubscriptionId Tags Tier2MpnId Unit UnitPrice UnitType "
        "UsageDate");
    static const QStringList reconciliation = split(
        "PartnerId CustomerId CustomerName CustomerDomainName CustomerCountry InvoiceNumber "
        "MpnId Tier2MpnId OrderId OrderDate ProductId SkuId AvailabilityId SkuName ProductName "
        "ChargeType UnitPrice Quantity Subtotal TaxTotal Total Currency "
        "PriceAdjustmentDescription PublisherName PublisherId SubscriptionDescription "
        "SubscriptionId ChargeStartDate ChargeEndDate TermAndBillingCycle EffectiveUnitPrice "
        "UnitType AlternateId BillableQuantity BillingFrequency PricingCurrency "
        "PCToBCExchangeRate PCToBCExchangeRateDate MeterDescription ReservationOrderId "
        "CreditReasonCode SubscriptionStartDate SubscriptionEndDate ReferenceId "
        "ProductQualifiers PromotionId ProductCategory");
    static const QStringList none;
    switch (kind) {
    case Kind::Usage:
        return usage;
    case Kind::Reconciliation:
        return reconciliation;
    case Kind::Unknown:
        break;
    }
    return none;
}

bool isBasic(Kind kind, const QString &name)
{
    static const QStringList usage = split(
        "AdditionalInfo BenefitOrderID BenefitType BillingCurrency BillingPreTaxTotal "
        "ChargeEndDate ChargeStartDate ChargeType CreditPercentage CreditType CustomerId "
        "CustomerName EffectiveUnitPrice EntitlementId InvoiceNumber PartnerId PartnerName "
        "PCToBCExchangeRate PricingCurrency PricingPreTaxTotal ProductId PublisherName Quantity "
        "ResourceURI SkuId SkuName SubscriptionId UnitPrice UnitType UsageDate");
    static const QStringList reconciliation = split(
        "PartnerId CustomerId CustomerName InvoiceNumber Tier2MpnId OrderId OrderDate ProductId "
        "SkuId AvailabilityId SkuName ProductName ChargeType UnitPrice Subtotal TaxTotal Total "
        "Currency PriceAdjustmentDescription PublisherName SubscriptionId ChargeStartDate "
        "ChargeEndDate TermAndBillingCycle EffectiveUnitPrice BillableQuantity PricingCurrency "
        "PCToBCExchangeRate ReservationOrderId CreditReasonCode SubscriptionStartDate "
        "SubscriptionEndDate ReferenceId PromotionId ProductCategory");
    return (kind == Kind::Usage ? usage : reconciliation).contains(name, Qt::CaseInsensitive);
}

Kind kindFromColumns(const QStringList &columns)
{
    if (containsFolded(columns, "BillingPreTaxTotal") || containsFolded(columns, "UsageDate"))
        return Kind::Usage;
    if (containsFolded(columns, "Subtotal") || containsFolded(columns, "Total")
        || containsFolded(columns, "BillableQuantity"))
        return Kind::Reconciliation;
    return Kind::Unknown;
}

QStringList ordered(Kind kind, const QStringList &columns)
{
    QHash<QString, QString> byFolded;
    for (const QString &column : columns)
        byFolded.insert(column.toLower(), column);
    QStringList result;
    for (const QString &name : documented(kind)) {
        const QString found = byFolded.take(name.toLower());
        if (!found.isEmpty())
            result.append(found);
    }
    for (const QString &column : columns) {
        if (byFolded.contains(column.toLower()))
            result.append(column);
    }
    return result;
}

} // namespace ExportColumns
