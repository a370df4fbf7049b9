#include "blobgenerator.h"

#include <zlib.h>

#include <cstdio>

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

const char *const Skus[] = {"Azure plan",
                            "Microsoft 365 E3",
                            "Dynamics 365 Sales",
                            "Windows Server Datacenter",
                            "Azure Reserved VM Instance",
                            "Power BI Pro"};
const char *const MeterCategories[]
    = {"Virtual Machines", "Storage", "Bandwidth", "Azure App Service", "SQL Database", "Licenses"};
const char *const Currencies[] = {"USD", "EUR", "GBP"};

// Writes line number `index` into `out` (which has room for 2 KiB) and returns its length.
class LineWriter
{
public:
    explicit LineWriter(quint64 seed)
        : m_random(seed)
        , m_partner(makeGuid(m_random))
    {
        for (Guid &customer : m_customers)
            customer = makeGuid(m_random);
        std::snprintf(m_invoice, sizeof m_invoice, "G0%09llu",
                      (unsigned long long)(m_random.next() % 1000000000ull));
    }

    int write(char *out, int index)
    {
        const int customer = m_random.below(CustomerCount);
        const int sku = m_random.below(int(std::size(Skus)));
        const int day = 1 + m_random.below(28);
        const double quantity = double(m_random.below(1000000)) / 1000.0;
        const double unitPrice = double(1 + m_random.below(500000)) / 10000.0;
        const double total = quantity * unitPrice;
        const char *currency = Currencies[customer % std::size(Currencies)];
        const Guid entitlement = makeGuid(m_random);
        const Guid subscription = makeGuid(m_random);
        return std::snprintf(
            out, 2048,
            "{\"PartnerId\":\"%s\",\"CustomerId\":\"%s\",\"CustomerName\":\"Customer %d\","
            "\"InvoiceNumber\":\"%s\",\"ProductId\":\"DZH318Z0%04X\",\"SkuId\":\"%04d\","
            "\"SkuName\":\"%s\",\"SubscriptionId\":\"%s\",\"ChargeStartDate\":"
            "\"2024-05-01T00:00:00Z\",\"ChargeEndDate\":\"2024-05-31T00:00:00Z\","
            "\"UsageDate\":\"2024-05-%02dT00:00:00Z\",\"MeterCategory\":\"%s\","
            "\"Quantity\":%.3f,\"UnitPrice\":%.4f,\"BillingPreTaxTotal\":%.2f,"
            "\"BillingCurrency\":\"%s\",\"PricingPreTaxTotal\":%.2f,\"PricingCurrency\":\"%s\","
            "\"EntitlementId\":\"%s\",\"LineNumber\":%d}\n",
            m_partner.text, m_customers[customer].text, customer + 1, m_invoice, sku * 257, sku + 1,
            Skus[sku], subscription.text, day,
            MeterCategories[m_random.below(int(std::size(MeterCategories)))], quantity, unitPrice,
            total, currency, total, currency, entitlement.text, index + 1);
    }

private:
    static constexpr int CustomerCount = 50;
    Random m_random;
    Guid m_partner;
    Guid m_customers[CustomerCount];
    char m_invoice[16];
};

// In size mode, unique lines stop here and their compressed form repeats (see below).
constexpr qint64 UniqueBytesPerBlob = 32 * 1024 * 1024;

} // namespace

QByteArray BlobGenerator::jsonLines(quint64 seed, int lineCount)
{
    LineWriter writer(seed);
    QByteArray lines;
    char line[2048];
    for (int i = 0; i < lineCount; ++i)
        lines.append(line, writer.write(line, i));
    return lines;
}

QByteArray BlobGenerator::gzipJsonLines(quint64 seed, int lineCount, qint64 targetBytes)
{
    // Raw deflate inside a hand-written gzip wrapper (header: no name, mtime 0, so the
    // bytes depend on the seed only), because the size mode below repeats deflate blocks
    // and must compute the trailer itself.
    QByteArray out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x04\x03", 10);
    out.reserve(lineCount > 0 ? qMax(1024, lineCount * 250) : targetBytes + 4 * 1024 * 1024);
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

    LineWriter writer(seed);
    constexpr int ChunkLines = 256;
    QByteArray chunk(ChunkLines * 2048, Qt::Uninitialized);
    uLong crc = crc32(0, nullptr, 0);
    qint64 total = 0;
    int written = 0;
    const auto done = [&] {
        return lineCount > 0 ? written >= lineCount
                             : out.size() >= targetBytes || total >= UniqueBytesPerBlob;
    };
    while (!done()) {
        const int batch = lineCount > 0 ? qMin(ChunkLines, lineCount - written) : ChunkLines;
        int size = 0;
        for (int i = 0; i < batch; ++i)
            size += writer.write(chunk.data() + size, written + i);
        written += batch;
        crc = crc32(crc, reinterpret_cast<const Bytef *>(chunk.constData()), uInt(size));
        total += size;
        pump(chunk.constData(), size, Z_NO_FLUSH);
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
