#pragma once

#include "app/auth/signinconfig.h"

#include <QByteArray>
#include <QString>

#include <optional>

// The signed JWT an app-only sign-in with a certificate sends instead of a secret: RS256 with
// the certificate's SHA-256 thumbprint in x5t#S256 (and SHA-1 in x5t for older tenants),
// aud the token endpoint, iss = sub = client id, a fresh jti, valid for 9 minutes from now.
// Parsing and signing are OpenSSL's; nothing here is hand-written cryptography.
namespace ClientAssertion {

constexpr const char *AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
constexpr int LifetimeSeconds = 9 * 60;

// pem holds the certificate and its (unencrypted) private key, in either order.
std::optional<QByteArray> fromPem(const QByteArray &pem, const SignInConfig &config,
                                  QString *error);
std::optional<QByteArray> fromPemFile(const QString &path, const SignInConfig &config,
                                      QString *error);

} // namespace ClientAssertion
