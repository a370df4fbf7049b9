#pragma once

#include <QByteArray>

// Proof Key for Code Exchange (RFC 7636, S256) and the state parameter, from the system's
// cryptographic random source (never a seeded generator).
namespace Pkce {

// 32 random bytes as base64url: 43 characters, the shortest verifier RFC 7636 allows.
QByteArray makeVerifier();
// BASE64URL(SHA256(verifier)).
QByteArray challengeFor(const QByteArray &verifier);
// 16 random bytes as base64url, to tie the answer to this request.
QByteArray makeState();

} // namespace Pkce
