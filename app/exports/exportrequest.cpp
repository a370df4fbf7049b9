#include "app/exports/exportrequest.h"

#include <QRegularExpression>

#include <algorithm>
#include <iterator>

namespace {

// The docs' invoice ids (G016907411, G012040490, G031809528) are one letter and nine
// digits; a little room either side of nine keeps older or longer series accepted.
const QRegularExpression &invoiceIdPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Z][0-9]{9,11}$"));
    return pattern;
}

const QRegularExpression &currencyCodePattern()
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Z]{3}$"));
    return pattern;
}

QString exportPath(ExportRequest::Kind kind)
{
    switch (kind) {
    case ExportRequest::Kind::BilledUsage:
        return QStringLiteral("usage/billed/export");
    case ExportRequest::Kind::UnbilledUsage:
        return QStringLiteral("usage/unbilled/export");
    case ExportRequest::Kind::BilledReconciliation:
        return QStringLiteral("reconciliation/billed/export");
    case ExportRequest::Kind::UnbilledReconciliation:
        return QStringLiteral("reconciliation/unbilled/export");
    }
    Q_UNREACHABLE();
}

} // namespace

QList<ExportRequest::Kind> ExportRequest::kinds()
{
    return {Kind::BilledUsage, Kind::UnbilledUsage, Kind::BilledReconciliation,
            Kind::UnbilledReconciliation};
}

QString ExportRequest::kindName(Kind kind)
{
    switch (kind) {
    case Kind::BilledUsage:
        return tr("Billed usage");
    case Kind::UnbilledUsage:
        return tr("Unbilled usage");
    case Kind::BilledReconciliation:
        return tr("Billed reconciliation");
    case Kind::UnbilledReconciliation:
        return tr("Unbilled reconciliation");
    }
    Q_UNREACHABLE();
}

bool ExportRequest::usesInvoice(Kind kind)
{
    return kind == Kind::BilledUsage || kind == Kind::BilledReconciliation;
}

ExportRequest ExportRequest::normalized() const
{
    ExportRequest result;
    result.kind = kind;
    if (usesInvoice()) {
        result.invoiceId = invoiceId.trimmed().toUpper();
        result.currencyCode.clear();
        result.billingPeriod.clear();
    } else {
        result.currencyCode = currencyCode.trimmed().toUpper();
        result.billingPeriod = billingPeriod.trimmed().toLower();
    }
    result.attributeSet = attributeSet.trimmed().toLower();
    if (result.attributeSet.isEmpty())
        result.attributeSet = QStringLiteral("full");
    return result;
}

QList<ExportRequest::FieldError> ExportRequest::validate() const
{
    QList<FieldError> errors;
    for (const Field field :
         {Field::InvoiceId, Field::CurrencyCode, Field::BillingPeriod, Field::AttributeSet}) {
        const QString message = errorFor(field);
        if (!message.isEmpty())
            errors.append({field, message});
    }
    return errors;
}

QString ExportRequest::errorFor(Field field) const
{
    switch (field) {
    case Field::InvoiceId:
        return usesInvoice() ? invoiceIdError(invoiceId) : QString();
    case Field::CurrencyCode:
        return usesInvoice() ? QString() : currencyCodeError(currencyCode);
    case Field::BillingPeriod:
        return usesInvoice() ? QString() : billingPeriodError(billingPeriod);
    case Field::AttributeSet:
        return attributeSetError(attributeSet);
    }
    Q_UNREACHABLE();
}

QUrl ExportRequest::url(const GraphEndpoint &endpoint) const
{
    return endpoint.billingUrl(exportPath(kind));
}

QJsonObject ExportRequest::body() const
{
    const ExportRequest request = normalized();
    QJsonObject body;
    if (request.usesInvoice()) {
        body.insert(QStringLiteral("invoiceId"), request.invoiceId);
    } else {
        body.insert(QStringLiteral("currencyCode"), request.currencyCode);
        body.insert(QStringLiteral("billingPeriod"), request.billingPeriod);
    }
    body.insert(QStringLiteral("attributeSet"), request.attributeSet);
    return body;
}

QString ExportRequest::label() const
{
    const ExportRequest request = normalized();
    QStringList parts {kindName(kind)};
    if (request.usesInvoice())
        parts << request.invoiceId;
    else
        parts << request.currencyCode << request.billingPeriod;
    parts << request.attributeSet;
    return parts.join(QStringLiteral(" · "));
}

QString ExportRequest::invoiceIdError(const QString &invoiceId)
{
    const QString normalized = invoiceId.trimmed().toUpper();
    if (normalized.isEmpty())
        return tr("Enter the invoice id, for example G016907411.");
    if (!invoiceIdPattern().match(normalized).hasMatch())
        return tr("“%1” is not an invoice id: expected a letter followed by 9 to 11 digits, "
                  "for example G016907411.")
            .arg(invoiceId.trimmed().left(40));
    return {};
}

namespace {

// The active currency codes of ISO 4217 (list one), sorted; funds and metals (X..) are left
// out apart from the CFA, CFP and East Caribbean francs and dollar, which are money.
constexpr QStringView Iso4217Codes[] = {
    u"AED", u"AFN", u"ALL", u"AMD", u"ANG", u"AOA", u"ARS", u"AUD", u"AWG", u"AZN", u"BAM", u"BBD",
    u"BDT", u"BGN", u"BHD", u"BIF", u"BMD", u"BND", u"BOB", u"BOV", u"BRL", u"BSD", u"BTN", u"BWP",
    u"BYN", u"BZD", u"CAD", u"CDF", u"CHE", u"CHF", u"CHW", u"CLF", u"CLP", u"CNY", u"COP", u"COU",
    u"CRC", u"CUC", u"CUP", u"CVE", u"CZK", u"DJF", u"DKK", u"DOP", u"DZD", u"EGP", u"ERN", u"ETB",
    u"EUR", u"FJD", u"FKP", u"GBP", u"GEL", u"GHS", u"GIP", u"GMD", u"GNF", u"GTQ", u"GYD", u"HKD",
    u"HNL", u"HRK", u"HTG", u"HUF", u"IDR", u"ILS", u"INR", u"IQD", u"IRR", u"ISK", u"JMD", u"JOD",
    u"JPY", u"KES", u"KGS", u"KHR", u"KMF", u"KPW", u"KRW", u"KWD", u"KYD", u"KZT", u"LAK", u"LBP",
    u"LKR", u"LRD", u"LSL", u"LYD", u"MAD", u"MDL", u"MGA", u"MKD", u"MMK", u"MNT", u"MOP", u"MRU",
    u"MUR", u"MVR", u"MWK", u"MXN", u"MXV", u"MYR", u"MZN", u"NAD", u"NGN", u"NIO", u"NOK", u"NPR",
    u"NZD", u"OMR", u"PAB", u"PEN", u"PGK", u"PHP", u"PKR", u"PLN", u"PYG", u"QAR", u"RON", u"RSD",
    u"RUB", u"RWF", u"SAR", u"SBD", u"SCR", u"SDG", u"SEK", u"SGD", u"SHP", u"SLE", u"SLL", u"SOS",
    u"SRD", u"SSP", u"STN", u"SVC", u"SYP", u"SZL", u"THB", u"TJS", u"TMT", u"TND", u"TOP", u"TRY",
    u"TTD", u"TWD", u"TZS", u"UAH", u"UGX", u"USD", u"USN", u"UYI", u"UYU", u"UYW", u"UZS", u"VED",
    u"VES", u"VND", u"VUV", u"WST", u"XAF", u"XCD", u"XOF", u"XPF", u"YER", u"ZAR", u"ZMW", u"ZWL"};

bool isIso4217(const QString &code)
{
    return std::binary_search(std::begin(Iso4217Codes), std::end(Iso4217Codes), QStringView(code));
}

} // namespace

QString ExportRequest::currencyCodeError(const QString &currencyCode)
{
    const QString normalized = currencyCode.trimmed().toUpper();
    if (normalized.isEmpty())
        return tr("Enter the invoice currency, for example USD.");
    if (!currencyCodePattern().match(normalized).hasMatch())
        return tr("“%1” is not a currency code: expected 3 letters (ISO 4217), for example USD.")
            .arg(currencyCode.trimmed().left(40));
    if (!isIso4217(normalized))
        return tr("“%1” is not an ISO 4217 currency; use the invoice's currency code, for "
                  "example USD or EUR.")
            .arg(normalized);
    return {};
}

QString ExportRequest::billingPeriodError(const QString &billingPeriod)
{
    const QString normalized = billingPeriod.trimmed().toLower();
    if (normalized == u"current" || normalized == u"last")
        return {};
    if (normalized.isEmpty())
        return tr("Choose the billing period: current or last.");
    return tr("“%1” is not a billing period: expected current or last.")
        .arg(billingPeriod.trimmed().left(40));
}

QString ExportRequest::attributeSetError(const QString &attributeSet)
{
    const QString normalized = attributeSet.trimmed().toLower();
    if (normalized.isEmpty() || normalized == u"full" || normalized == u"basic")
        return {};
    return tr("“%1” is not an attribute set: expected full or basic.")
        .arg(attributeSet.trimmed().left(40));
}
