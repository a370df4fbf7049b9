#include "blobgenerator.h"

#include "models/exportcolumns.h"

#include <zlib.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <unordered_set>

namespace {

// splitmix64: fast, and good enough to make the lines look varied and compress realistically.
class Random
{
public:
    explicit Random(quint64 seed)
        : m_state(seed)
    { }

    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int below(int bound) { return int(next() % quint64(bound)); }

private:
    quint64 m_state;
};

struct Guid
{
    char text[37];
};

Guid makeGuid(Random &random)
{
    const quint64 a = random.next();
    const quint64 b = random.next();
    Guid guid;
    std::snprintf(guid.text, sizeof guid.text, "%08x-%04x-4%03x-%04x-%012llx", unsigned(a >> 32),
                  unsigned(a >> 16) & 0xffff, unsigned(a) & 0xfff,
                  0x8000 | (unsigned(b >> 48) & 0x3fff),
                  (unsigned long long)(b & 0xffffffffffffull));
    return guid;
}

struct Customer
{
    const char *name;
    const char *domain;
    const char *country;
    const char *currency; // the billing currency
    int rateMilli; // USD -> billing currency, in thousandths
    int taxPercent;
};

const Customer Customers[] = {
    {"Contoso Ltd", "contoso.onmicrosoft.com", "DE", "EUR", 921, 19},
    {"Fabrikam Inc", "fabrikam.onmicrosoft.com", "US", "USD", 1000, 0},
    {"Northwind Traders", "northwindtraders.com", "GB", "GBP", 787, 20},
    {"Adventure Works", "adventure-works.com", "US", "USD", 1000, 0},
    {"Tailspin Toys", "tailspintoys.com", "FR", "EUR", 921, 20},
    {"Wide World Importers", "wideworldimporters.com", "NL", "EUR", 921, 21},
    {"Litware Inc", "litwareinc.com", "US", "USD", 1000, 0},
    {"Proseware GmbH", "proseware.de", "DE", "EUR", 921, 19},
    {"Woodgrove Bank", "woodgrovebank.com", "GB", "GBP", 787, 20},
    {"Coho Winery", "cohowinery.com", "US", "USD", 1000, 0},
    {"Alpine Ski House", "alpineskihouse.at", "AT", "EUR", 921, 20},
    {"Fourth Coffee", "fourthcoffee.com", "US", "USD", 1000, 0},
};
constexpr int CustomerCount = int(std::size(Customers));
constexpr int SubscriptionsPerCustomer = 2;

struct Meter
{
    const char *category;
    const char *subCategory;
    const char *name;
    const char *unit;
    const char *service;
    const char *resource; // the end of the resource URI
    qint64 priceMicros; // USD per unit, in millionths
    int maxQuantity;
};

const Meter Meters[] = {
    {"Virtual Machines", "Dsv5 Series", "D4s v5", "1 Hour", "Microsoft.Compute",
     "Microsoft.Compute/virtualMachines/vm-app", 192000, 24},
    {"Storage", "Standard Page Blob", "LRS Data Stored", "1 GB/Month", "Microsoft.Storage",
     "Microsoft.Storage/storageAccounts/stdata", 45000, 400},
    {"Bandwidth", "Rtn Preference: MGN", "Standard Data Transfer Out", "1 GB", "Microsoft.Network",
     "Microsoft.Network/publicIPAddresses/pip-web", 87000, 90},
    {"SQL Database", "General Purpose - Compute Gen5", "vCore", "1 Hour", "Microsoft.Sql",
     "Microsoft.Sql/servers/sql-prod/databases/orders", 505000, 48},
    {"Azure App Service", "Premium v3 Plan", "P1 v3 App", "1 Hour", "Microsoft.Web",
     "Microsoft.Web/serverFarms/plan-web", 225000, 24},
    {"Log Analytics", "Analytics Logs", "Data Ingestion", "1 GB", "Microsoft.OperationalInsights",
     "Microsoft.OperationalInsights/workspaces/law-ops", 2760000, 12},
};

struct License
{
    const char *productId;
    const char *skuId;
    const char *name;
    qint64 priceCents; // USD per seat and month
};

const License Licenses[] = {
    {"CFQ7TTC0LFLX", "0002", "Microsoft 365 E3", 3600},
    {"CFQ7TTC0LCHC", "0002", "Microsoft 365 Business Premium", 2200},
    {"CFQ7TTC0LH18", "0001", "Microsoft 365 Business Basic", 600},
    {"CFQ7TTC0LHSF", "0001", "Power BI Pro", 1000},
    {"CFQ7TTC0LH0R", "0002", "Dynamics 365 Sales Enterprise", 10500},
    {"CFQ7TTC0LF8Q", "0001", "Exchange Online (Plan 1)", 400},
};
const char *const RenewalCharges[]
    = {"new", "renew", "cycleCharge", "addQuantity", "removeQuantity"};

// "12.34" from a count of hundredths (or another power of ten).
std::string fixed(qint64 value, int places)
{
    const bool negative = value < 0;
    qint64 magnitude = negative ? -value : value;
    qint64 unit = 1;
    for (int i = 0; i < places; ++i)
        unit *= 10;
    char text[48];
    std::snprintf(text, sizeof text, "%s%lld.%0*lld", negative ? "-" : "",
                  (long long)(magnitude / unit), places, (long long)(magnitude % unit));
    return text;
}

// One JSON line at a time; a column outside the attribute set is left out.
class Line
{
public:
    Line(std::string *out, const std::unordered_set<std::string> *included)
        : m_out(out)
        , m_included(included)
    {
        m_out->push_back('{');
    }
    void text(const char *name, const std::string &value) { add(name, value, true); }
    void number(const char *name, const std::string &value) { add(name, value, false); }
    void end() { m_out->append("}\n"); }

private:
    void add(const char *name, const std::string &value, bool quoted)
    {
        if (m_included && !m_included->count(name))
            return;
        if (m_out->back() != '{')
            m_out->push_back(',');
        m_out->push_back('"');
        m_out->append(name);
        m_out->append(quoted ? "\":\"" : "\":");
        for (const char c : value) {
            if (quoted && (c == '"' || c == '\\'))
                m_out->push_back('\\');
            m_out->push_back(c);
        }
        if (quoted)
            m_out->push_back('"');
    }

    std::string *m_out;
    const std::unordered_set<std::string> *m_included;
};

// Writes one record after another, from a seed.
class LineWriter
{
public:
    LineWriter(quint64 seed, BlobGenerator::Shape shape)
        : m_random(seed)
        , m_shape(shape)
    {
        // The customers and their subscriptions are the same in every blob of an export.
        Random stable(0xB111);
        m_partner = makeGuid(stable);
        for (int c = 0; c < CustomerCount; ++c) {
            m_customers[c] = makeGuid(stable);
            for (int s = 0; s < SubscriptionsPerCustomer; ++s)
                m_subscriptions[c][s] = makeGuid(stable);
        }
        for (Guid &meter : m_meters)
            meter = makeGuid(stable);
        std::snprintf(m_invoice, sizeof m_invoice, "G0%08llu",
                      (unsigned long long)(stable.next() % 100000000ull));
        if (shape.basic) {
            const ExportColumns::Kind kind = shape.reconciliation
                ? ExportColumns::Kind::Reconciliation
                : ExportColumns::Kind::Usage;
            for (const QString &column : ExportColumns::documented(kind)) {
                if (ExportColumns::isBasic(kind, column))
                    m_basic.insert(column.toStdString());
            }
        }
    }

    void write(std::string *out)
    {
        if (m_shape.reconciliation)
            writeReconciliation(out);
        else
            writeUsage(out);
    }

private:
    void writeCommon(Line &line, int customer, int subscription)
    {
        const Customer &who = Customers[customer];
        line.text("PartnerId", m_partner.text);
        line.text("PartnerName", "Trey Research CSP");
        line.text("CustomerId", m_customers[customer].text);
        line.text("CustomerName", who.name);
        line.text("CustomerDomainName", who.domain);
        line.text("CustomerCountry", who.country);
        line.text("MpnId", "4390934");
        line.text("Tier2MpnId", "6013458");
        line.text("InvoiceNumber", m_invoice);
        line.text("SubscriptionId", m_subscriptions[customer][subscription].text);
        line.text("SubscriptionDescription", subscription == 0 ? "Production" : "Development");
        line.text("PublisherName", "Microsoft");
        line.text("PublisherId", "");
    }

    void writeUsage(std::string *out)
    {
        const int customer = m_random.below(CustomerCount);
        const int subscription = m_random.below(SubscriptionsPerCustomer);
        const int meterIndex = m_random.below(int(std::size(Meters)));
        const Meter &meter = Meters[meterIndex];
        const Customer &who = Customers[customer];
        const int day = 1 + m_random.below(31);
        const bool credit = m_random.below(4) == 0; // partner earned credit
        const qint64 effectiveMicros = credit ? meter.priceMicros * 85 / 100 : meter.priceMicros;
        const qint64 quantity = 1 + m_random.below(meter.maxQuantity * 10000); // 1/10000ths
        // FLOOR(EffectiveUnitPrice x Quantity x PCToBCExchangeRate, 2), in cents.
        const qint64 pricingCents = effectiveMicros * quantity / 100000000;
        const qint64 billingCents = effectiveMicros * quantity * who.rateMilli / 100000000000;
        char date[32];
        std::snprintf(date, sizeof date, "2024-05-%02dT00:00:00", day);
        char resource[256];
        std::snprintf(resource, sizeof resource,
                      "/subscriptions/%s/resourceGroups/rg-%s/providers/%s",
                      m_subscriptions[customer][subscription].text,
                      subscription == 0 ? "prod" : "dev", meter.resource);

        Line line(out, m_shape.basic ? &m_basic : nullptr);
        writeCommon(line, customer, subscription);
        line.text("ProductId", "DZH318Z0BQ3Q");
        line.text("SkuId", "0001");
        line.text("AvailabilityId", "DZH318Z0BP1X");
        line.text("SkuName", "Azure plan");
        line.text("ProductName", "Azure plan");
        line.text("ChargeStartDate", "2024-05-01T00:00:00");
        line.text("ChargeEndDate", "2024-05-31T00:00:00");
        line.text("UsageDate", date);
        line.text("MeterType", "1 Compute Hour");
        line.text("MeterCategory", meter.category);
        line.text("MeterId", m_meters[meterIndex].text);
        line.text("MeterSubCategory", meter.subCategory);
        line.text("MeterName", meter.name);
        line.text("MeterRegion", customer % 3 == 0 ? "US East" : "EU West");
        line.text("Unit", meter.unit);
        line.text("ResourceLocation", customer % 3 == 0 ? "eastus" : "westeurope");
        line.text("ConsumedService", meter.service);
        line.text("ResourceGroup", subscription == 0 ? "rg-prod" : "rg-dev");
        line.text("ResourceURI", resource);
        line.text("ChargeType", m_random.below(20) == 0 ? "Adjustment" : "new");
        line.number("UnitPrice", fixed(meter.priceMicros, 6));
        line.number("Quantity", fixed(quantity, 4));
        line.text("UnitType", meter.unit);
        line.number("BillingPreTaxTotal", fixed(billingCents, 2));
        line.text("BillingCurrency", who.currency);
        line.number("PricingPreTaxTotal", fixed(pricingCents, 2));
        line.text("PricingCurrency", "USD");
        line.text("ServiceInfo1", "");
        line.text("ServiceInfo2", "");
        line.text("Tags", subscription == 0 ? "{\"env\":\"prod\"}" : "{\"env\":\"dev\"}");
        line.text("AdditionalInfo", "{\"ServiceType\":\"Standard\"}");
        line.number("EffectiveUnitPrice", fixed(effectiveMicros, 6));
        line.number("PCToBCExchangeRate", fixed(who.rateMilli, 3));
        line.text("PCToBCExchangeRateDate", "2024-04-30T00:00:00");
        line.text("EntitlementId", m_subscriptions[customer][subscription].text);
        line.text("EntitlementDescription", "Azure plan");
        line.number("PartnerEarnedCreditPercentage", credit ? "15" : "0");
        line.number("CreditPercentage", "0");
        line.text("CreditType", "Credit Not Applied");
        line.text("BenefitOrderID", "");
        line.text("BenefitID", "");
        line.text("BenefitType", "");
        line.end();
    }

    void writeReconciliation(std::string *out)
    {
        const int customer = m_random.below(CustomerCount);
        const int subscription = m_random.below(SubscriptionsPerCustomer);
        const License &license = Licenses[m_random.below(int(std::size(Licenses)))];
        const Customer &who = Customers[customer];
        const char *charge = RenewalCharges[m_random.below(int(std::size(RenewalCharges)))];
        const bool removal = std::strcmp(charge, "removeQuantity") == 0;
        const qint64 seats = (1 + m_random.below(300)) * (removal ? -1 : 1);
        // ROUNDDOWN(EffectiveUnitPrice x PCToBCExchangeRate, 2) x BillableQuantity.
        const qint64 seatCents = license.priceCents * who.rateMilli / 1000;
        const qint64 subtotal = seatCents * seats;
        const qint64 tax = subtotal * who.taxPercent / 100;
        const int day = 1 + m_random.below(28);
        char start[32];
        std::snprintf(start, sizeof start, "2024-05-%02dT00:00:00", day);
        char end[32];
        std::snprintf(end, sizeof end, "2024-06-%02dT00:00:00", day - 1 > 0 ? day - 1 : 1);
        const Guid order = makeGuid(m_random);

        Line line(out, m_shape.basic ? &m_basic : nullptr);
        writeCommon(line, customer, subscription);
        line.text("OrderId", order.text);
        line.text("OrderDate", "2024-04-28T09:12:44");
        line.text("ProductId", license.productId);
        line.text("SkuId", license.skuId);
        line.text("AvailabilityId", "CFQ7TTC0K5DM");
        line.text("SkuName", license.name);
        line.text("ProductName", license.name);
        line.text("ChargeType", charge);
        line.number("UnitPrice", fixed(license.priceCents, 2));
        line.number("Quantity", std::to_string(seats));
        line.number("Subtotal", fixed(subtotal, 2));
        line.number("TaxTotal", fixed(tax, 2));
        line.number("Total", fixed(subtotal + tax, 2));
        line.text("Currency", who.currency);
        line.text("PriceAdjustmentDescription", "");
        line.text("ChargeStartDate", start);
        line.text("ChargeEndDate", end);
        line.text("TermAndBillingCycle", "One-Year commitment for monthly/yearly billing");
        line.number("EffectiveUnitPrice", fixed(license.priceCents, 2));
        line.text("UnitType", "Licenses");
        line.text("AlternateId", order.text);
        line.number("BillableQuantity", std::to_string(seats));
        line.text("BillingFrequency", "Monthly");
        line.text("PricingCurrency", "USD");
        line.number("PCToBCExchangeRate", fixed(who.rateMilli, 3));
        line.text("PCToBCExchangeRateDate", "2024-04-30T00:00:00");
        line.text("MeterDescription", "");
        line.text("ReservationOrderId", "");
        line.text("CreditReasonCode", "");
        line.text("SubscriptionStartDate", "2023-06-01T00:00:00");
        line.text("SubscriptionEndDate", "2024-05-31T00:00:00");
        line.text("ReferenceId", order.text);
        line.text("ProductQualifiers", "[]");
        line.text("PromotionId", "");
        line.text("ProductCategory", "Software");
        line.end();
    }

    Random m_random;
    BlobGenerator::Shape m_shape;
    Guid m_partner;
    Guid m_customers[CustomerCount];
    Guid m_subscriptions[CustomerCount][SubscriptionsPerCustomer];
    Guid m_meters[std::size(Meters)];
    char m_invoice[16];
    std::unordered_set<std::string> m_basic;
};

// In size mode, unique lines stop here and their compressed form repeats (see below).
constexpr qint64 UniqueBytesPerBlob = 32 * 1024 * 1024;

} // namespace

QByteArray BlobGenerator::jsonLines(quint64 seed, int lineCount, Shape shape)
{
    LineWriter writer(seed, shape);
    std::string lines;
    for (int i = 0; i < lineCount; ++i)
        writer.write(&lines);
    return QByteArray(lines.data(), qsizetype(lines.size()));
}

QByteArray BlobGenerator::gzipJsonLines(quint64 seed, int lineCount, qint64 targetBytes,
                                        Shape shape)
{
    // Raw deflate inside a hand-written gzip wrapper (header: no name, mtime 0, so the
    // bytes depend on the seed only), because the size mode below repeats deflate blocks
    // and must compute the trailer itself.
    QByteArray out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x04\x03", 10);
    out.reserve(lineCount > 0 ? qMax(1024, lineCount * 400) : targetBytes + 4 * 1024 * 1024);
    z_stream stream {};
    deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    char output[64 * 1024];
    const auto pump = [&](const char *data, int size, int flush) {
        stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data));
        stream.avail_in = uInt(size);
        do {
            stream.next_out = reinterpret_cast<Bytef *>(output);
            stream.avail_out = sizeof output;
            deflate(&stream, flush);
            out.append(output, qsizetype(sizeof output - stream.avail_out));
        } while (stream.avail_out == 0);
    };

    LineWriter writer(seed, shape);
    constexpr int ChunkLines = 256;
    std::string chunk;
    uLong crc = crc32(0, nullptr, 0);
    qint64 total = 0;
    int written = 0;
    const auto done = [&] {
        return lineCount > 0 ? written >= lineCount
                             : out.size() >= targetBytes || total >= UniqueBytesPerBlob;
    };
    while (!done()) {
        const int batch = lineCount > 0 ? qMin(ChunkLines, lineCount - written) : ChunkLines;
        chunk.clear();
        for (int i = 0; i < batch; ++i)
            writer.write(&chunk);
        written += batch;
        const int size = int(chunk.size());
        crc = crc32(crc, reinterpret_cast<const Bytef *>(chunk.data()), uInt(size));
        total += size;
        pump(chunk.data(), size, Z_NO_FLUSH);
    }

    if (lineCount <= 0 && out.size() < targetBytes) {
        // Deflating gigabytes of fresh lines would take tens of seconds for a 200 MB blob.
        // After a full flush no block refers back past this point, so the compressed
        // segment can simply be repeated; the CRC is combined instead of recomputed.
        pump(nullptr, 0, Z_FULL_FLUSH);
        const QByteArray segment = out.mid(10);
        const uLong segmentCrc = crc;
        const qint64 segmentBytes = total;
        while (out.size() < targetBytes) {
            out.append(segment);
            crc = crc32_combine(crc, segmentCrc, z_off_t(segmentBytes));
            total += segmentBytes;
        }
    }
    pump(nullptr, 0, Z_FINISH);
    deflateEnd(&stream);
    for (int shift = 0; shift < 32; shift += 8)
        out.append(char((crc >> shift) & 0xff));
    for (int shift = 0; shift < 32; shift += 8)
        out.append(char((quint64(total) >> shift) & 0xff)); // ISIZE is the size modulo 2^32
    return out;
}
