#include "exportfixture.h"

#include "zlibdata.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace {

// "12.34" or "-0.5" as cents, from the text as written (the generator writes 2 decimals).
qint64 cents(const QJsonValue &value)
{
    const QString text
        = value.isString() ? value.toString() : QString::number(value.toDouble(), 'f', 2);
    const bool negative = text.startsWith(QLatin1Char('-'));
    const QStringList parts = text.mid(negative ? 1 : 0).split(QLatin1Char('.'));
    const qint64 whole = parts.value(0).toLongLong();
    const qint64 fraction = parts.value(1).leftJustified(2, QLatin1Char('0')).left(2).toLongLong();
    const qint64 magnitude = whole * 100 + fraction;
    return negative ? -magnitude : magnitude;
}

} // namespace

QStringList ExportFixture::write(const QString &folder, int files, int lines,
                                 BlobGenerator::Shape shape)
{
    QStringList paths;
    for (int i = 0; i < files; ++i) {
        QFile file(QDir(folder).filePath(QStringLiteral("part-%1.json.gz").arg(i)));
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(BlobGenerator::gzipJsonLines(quint64(1000 + i), lines, 0, shape));
        paths << file.fileName();
    }
    return paths;
}

ExportFixture::Expected ExportFixture::expected(const QStringList &paths,
                                                BlobGenerator::Shape shape)
{
    Expected expected;
    const QString amount
        = shape.reconciliation ? QStringLiteral("Total") : QStringLiteral("BillingPreTaxTotal");
    const QString currencyKey
        = shape.reconciliation ? QStringLiteral("Currency") : QStringLiteral("BillingCurrency");
    for (const QString &path : paths) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        const QList<QByteArray> lines = ZlibData::gunzip(file.readAll()).split('\n');
        for (const QByteArray &line : lines) {
            if (line.trimmed().isEmpty())
                continue;
            const QJsonObject record = QJsonDocument::fromJson(line).object();
            ++expected.rows;
            const QString currency = record.value(currencyKey).toString();
            const qint64 value = cents(record.value(amount));
            expected.centsByCurrency[currency] += value;
            const QString customer = record.value(QStringLiteral("CustomerId")).toString();
            ++expected.rowsByCustomer[customer];
            expected.centsByCustomer[customer][currency] += value;
            const QString date = record
                                     .value(shape.reconciliation ? QStringLiteral("ChargeStartDate")
                                                                 : QStringLiteral("UsageDate"))
                                     .toString()
                                     .left(10);
            if (expected.from.isEmpty() || date < expected.from)
                expected.from = date;
            const QString end = shape.reconciliation
                ? record.value(QStringLiteral("ChargeEndDate")).toString().left(10)
                : date;
            if (end > expected.to)
                expected.to = end;
        }
    }
    return expected;
}

QString ExportFixture::python()
{
    const QString system
        = QStandardPaths::findExecutable(QStringLiteral("python3"), {QStringLiteral("/usr/bin")});
    return system.isEmpty() ? QStringLiteral("python3") : system;
}

QString ExportFixture::centsText(qint64 value)
{
    const qint64 magnitude = value < 0 ? -value : value;
    return QStringLiteral("%1%2.%3")
        .arg(value < 0 ? QStringLiteral("-") : QString())
        .arg(magnitude / 100)
        .arg(magnitude % 100, 2, 10, QLatin1Char('0'));
}
