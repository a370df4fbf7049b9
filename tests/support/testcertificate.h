#pragma once

#include <QByteArray>
#include <QtCore/qstringbuilder.h>

// A fresh self-signed RSA certificate and its private key, both PEM, made with OpenSSL for
// the certificate sign-in tests and the simulator's https (nothing secret is kept in the
// repository). validDays may be negative for an expired certificate.
struct TestCertificate
{
    QByteArray certificatePem;
    QByteArray privateKeyPem;
    QByteArray combinedPem() const { return certificatePem + privateKeyPem; }

    static TestCertificate make(int validDays = 30);
    // For a TLS server on 127.0.0.1: the address is its subject alternative name.
    static TestCertificate forLoopbackServer();

private:
    static TestCertificate make(int validDays, const char *subjectAltName);
};
