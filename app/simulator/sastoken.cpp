#include "sastoken.h"

#include "httpdate.h"

#include <QMessageAuthenticationCode>
#include <QStringList>
#include <QUrl>

namespace {

const QString ObjectId = QStringLiteral("0c414a25-fd23-4785-815f-1258467f9ab7");
const QString TenantId = QStringLiteral("975f013f-7f24-47e8-a7d3-abc4752bf346");
const QString Version = QStringLiteral("2021-08-06");

// The fields in the order they are signed and written; sig comes last.
const char *const SignedFields[]
    = {"skoid", "sktid", "skt", "ske", "sks", "skv", "sv", "se", "sr", "sp", "sdd"};

QString isoSeconds(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QByteArray signature(const QByteArray &key, const QString &directory, const QStringList &values)
{
    const QString toSign = values.join(QLatin1Char('\n')) + QLatin1Char('\n') + directory;
    return QMessageAuthenticationCode::hash(toSign.toUtf8(), key, QCryptographicHash::Sha256)
        .toBase64();
}

} // namespace

QString SasToken::sign(const QByteArray &key, const QString &directory, const QDateTime &issued,
                       const QDateTime &expiry)
{
    const QStringList values = {ObjectId,
                                TenantId,
                                isoSeconds(issued),
                                isoSeconds(issued.addDays(1)),
                                QStringLiteral("b"),
                                Version,
                                Version,
                                isoSeconds(expiry),
                                QStringLiteral("d"),
                                QStringLiteral("rl"),
                                QStringLiteral("7")};
    QStringList pairs;
    for (int i = 0; i < values.size(); ++i) {
        pairs.append(QLatin1String(SignedFields[i]) + QLatin1Char('=')
                     + QString::fromLatin1(QUrl::toPercentEncoding(values.at(i))));
    }
    pairs.append(QStringLiteral("sig=")
                 + QString::fromLatin1(QUrl::toPercentEncoding(
                     QString::fromLatin1(signature(key, directory, values)))));
    return pairs.join(QLatin1Char('&'));
}

SasToken::Verdict SasToken::verify(const QByteArray &key, const QString &directory,
                                   const QUrlQuery &query, const QDateTime &now)
{
    QStringList values;
    for (const char *field : SignedFields) {
        const QString name = QLatin1String(field);
        if (!query.hasQueryItem(name))
            return {false,
                    QStringLiteral("Signature fields not well formed: %1 is missing").arg(name)};
        values.append(query.queryItemValue(name, QUrl::FullyDecoded));
    }
    const QByteArray given
        = query.queryItemValue(QStringLiteral("sig"), QUrl::FullyDecoded).toLatin1();
    const QByteArray expected = signature(key, directory, values);
    // Constant time: the comparison must not tell an attacker how much of it was right.
    int difference = given.size() ^ expected.size();
    for (qsizetype i = 0; i < qMin(given.size(), expected.size()); ++i)
        difference |= given.at(i) ^ expected.at(i);
    if (difference != 0) {
        return {false,
                QStringLiteral("Signature did not match. String to sign used was %1")
                    .arg(values.join(QStringLiteral("\\n")))};
    }
    if (!values.at(9).contains(QLatin1Char('r')))
        return {false,
                QStringLiteral("This request is not authorized to perform this operation "
                               "using this permission.")};
    const QDateTime start = QDateTime::fromString(values.at(2), Qt::ISODate);
    const QDateTime expiry = QDateTime::fromString(values.at(7), Qt::ISODate);
    if (!expiry.isValid() || now >= expiry || (start.isValid() && now < start)) {
        return {false,
                QStringLiteral("Signature not valid in the specified time frame: Start [%1] "
                               "- Expiry [%2] - Current [%3]")
                    .arg(QString::fromLatin1(httpDate(start)),
                         QString::fromLatin1(httpDate(expiry)),
                         QString::fromLatin1(httpDate(now)))};
    }
    return {true, {}};
}
