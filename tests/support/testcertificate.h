#pragma once

#include <QByteArray>
#include <QtCore/qstringbuilder.h>

// A fresh self-signed RSA certificate and its private key, both PEM, made with OpenSSL for
// the certificate sign-in tests (nothing secret is kept in the repository). validDays may be
// negative for an expired certificate.
struct TestCertificate
{
    QByteArray certificatePem;
    QByteArray privateKeyPem;
    QByteArray combinedPem() const { return certificatePem + privateKeyPem; }

    static TestCertificate make(int validDays = 30);
};
