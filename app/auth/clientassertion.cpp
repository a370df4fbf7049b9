#include "app/auth/clientassertion.h"

#include "app/auth/jwt.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QJsonObject>
#include <QSslCertificate>
#include <QUuid>

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>

namespace {

struct BioFree
{
    void operator()(BIO *bio) const { BIO_free(bio); }
};
struct KeyFree
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct DigestFree
{
    void operator()(EVP_MD_CTX *context) const { EVP_MD_CTX_free(context); }
};

std::optional<QByteArray> signRs256(const QByteArray &pem, const QByteArray &input, QString *error)
{
    std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    // A null passphrase callback with no data: an encrypted key fails instead of prompting.
    std::unique_ptr<EVP_PKEY, KeyFree> key(
        bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, const_cast<char *>(""))
            : nullptr);
    if (!key) {
        *error = QCoreApplication::translate(
            "ClientAssertion",
            "The file holds no unencrypted private key (PEM \"PRIVATE "
            "KEY\" or \"RSA PRIVATE KEY\").");
        return std::nullopt;
    }
    if (EVP_PKEY_base_id(key.get()) != EVP_PKEY_RSA) {
        *error = QCoreApplication::translate(
            "ClientAssertion",
            "The private key is not an RSA key; Entra ID certificates for "
            "apps use RSA.");
        return std::nullopt;
    }
    std::unique_ptr<EVP_MD_CTX, DigestFree> context(EVP_MD_CTX_new());
    size_t length = 0;
    if (!context
        || EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1
        || EVP_DigestSign(context.get(), nullptr, &length,
                          reinterpret_cast<const unsigned char *>(input.constData()),
                          size_t(input.size()))
            != 1) {
        *error = QCoreApplication::translate("ClientAssertion",
                                             "Could not sign with the private key.");
        return std::nullopt;
    }
    QByteArray signature(qsizetype(length), '\0');
    if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                       reinterpret_cast<const unsigned char *>(input.constData()),
                       size_t(input.size()))
        != 1) {
        *error = QCoreApplication::translate("ClientAssertion",
                                             "Could not sign with the private key.");
        return std::nullopt;
    }
    signature.resize(qsizetype(length));
    return signature;
}

} // namespace

namespace ClientAssertion {

std::optional<QByteArray> fromPem(const QByteArray &pem, const SignInConfig &config, QString *error)
{
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(pem, QSsl::Pem);
    if (certificates.isEmpty()) {
        *error = QCoreApplication::translate(
            "ClientAssertion", "The file holds no certificate (PEM \"CERTIFICATE\").");
        return std::nullopt;
    }
    const QSslCertificate &certificate = certificates.constFirst();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (certificate.expiryDate().isValid() && certificate.expiryDate() < now) {
        *error = QCoreApplication::translate(
                     "ClientAssertion",
                     "The certificate expired on %1; upload a new one to the app "
                     "registration.")
                     .arg(certificate.expiryDate().toString(Qt::ISODate));
        return std::nullopt;
    }
    const QByteArray der = certificate.toDer();
    const QJsonObject header {
        {QStringLiteral("alg"), QStringLiteral("RS256")},
        {QStringLiteral("typ"), QStringLiteral("JWT")},
        {QStringLiteral("x5t#S256"),
         QString::fromLatin1(
             Jwt::base64Url(QCryptographicHash::hash(der, QCryptographicHash::Sha256)))},
        {QStringLiteral("x5t"),
         QString::fromLatin1(
             Jwt::base64Url(QCryptographicHash::hash(der, QCryptographicHash::Sha1)))},
    };
    const qint64 issued = now.toSecsSinceEpoch();
    const QJsonObject claims {
        {QStringLiteral("aud"), config.tokenEndpoint().toString()},
        {QStringLiteral("iss"), config.clientId},
        {QStringLiteral("sub"), config.clientId},
        {QStringLiteral("jti"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {QStringLiteral("nbf"), issued},
        {QStringLiteral("iat"), issued},
        {QStringLiteral("exp"), issued + LifetimeSeconds},
    };
    const QByteArray input = Jwt::signingInput(header, claims);
    const std::optional<QByteArray> signature = signRs256(pem, input, error);
    if (!signature)
        return std::nullopt;
    return input + '.' + Jwt::base64Url(*signature);
}

std::optional<QByteArray> fromPemFile(const QString &path, const SignInConfig &config,
                                      QString *error)
{
    QFile file(path);
    constexpr qint64 MaxPemBytes = 1024 * 1024;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("ClientAssertion",
                                             "Cannot read the certificate file %1: %2")
                     .arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > MaxPemBytes) {
        *error = QCoreApplication::translate("ClientAssertion",
                                             "%1 is too large to be a PEM certificate file.")
                     .arg(path);
        return std::nullopt;
    }
    const std::optional<QByteArray> assertion = fromPem(file.readAll(), config, error);
    if (!assertion)
        *error = QCoreApplication::translate("ClientAssertion", "%1: %2").arg(path, *error);
    return assertion;
}

} // namespace ClientAssertion
