#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

// The pieces of JSON Web Tokens the sign-in reads and writes (RFC 7515/7519).
namespace Jwt {

// base64url without padding, as JWTs and PKCE want it.
QByteArray base64Url(const QByteArray &data);

// The claims of a token, unverified: good for showing who signed in from an id token just
// received from Entra ID over TLS, never for deciding access. Empty when not a JWT.
QJsonObject unverifiedClaims(const QString &token);

// "header.payload" of a JWT with these parts, ready to be signed.
QByteArray signingInput(const QJsonObject &header, const QJsonObject &claims);

} // namespace Jwt
