#include "testcertificate.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace {

QByteArray drain(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(size));
}

} // namespace

TestCertificate TestCertificate::make(int validDays)
{
    return make(validDays, nullptr);
}

TestCertificate TestCertificate::forLoopbackServer()
{
    return make(30, "IP:127.0.0.1");
}

TestCertificate TestCertificate::make(int validDays, const char *subjectAltName)
{
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_RSA_gen(2048), &EVP_PKEY_free);
    std::unique_ptr<X509, decltype(&X509_free)> certificate(X509_new(), &X509_free);
    ASN1_INTEGER_set(X509_get_serialNumber(certificate.get()), 1);
    // An expired one started long enough ago to have ended validDays ago.
    X509_gmtime_adj(X509_getm_notBefore(certificate.get()),
                    validDays > 0 ? -60 : long(validDays - 30) * 86400);
    X509_gmtime_adj(X509_getm_notAfter(certificate.get()), long(validDays) * 86400);
    X509_set_pubkey(certificate.get(), key.get());
    X509_NAME *name = X509_get_subject_name(certificate.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>("billing-monitor-test"), -1,
                               -1, 0);
    X509_set_issuer_name(certificate.get(), name);
    if (subjectAltName) {
        X509V3_CTX context;
        X509V3_set_ctx_nodb(&context);
        X509V3_set_ctx(&context, certificate.get(), certificate.get(), nullptr, nullptr, 0);
        X509_EXTENSION *extension
            = X509V3_EXT_conf_nid(nullptr, &context, NID_subject_alt_name, subjectAltName);
        X509_add_ext(certificate.get(), extension, -1);
        X509_EXTENSION_free(extension);
    }
    X509_sign(certificate.get(), key.get(), EVP_sha256());

    TestCertificate result;
    std::unique_ptr<BIO, decltype(&BIO_free)> certificateBio(BIO_new(BIO_s_mem()), &BIO_free);
    PEM_write_bio_X509(certificateBio.get(), certificate.get());
    result.certificatePem = drain(certificateBio.get());
    std::unique_ptr<BIO, decltype(&BIO_free)> keyBio(BIO_new(BIO_s_mem()), &BIO_free);
    PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    result.privateKeyPem = drain(keyBio.get());
    return result;
}
