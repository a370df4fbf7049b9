#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUrlQuery>

// A user-delegation-style SAS like the one in the docs' manifest example
// (skoid=...&sktid=...&skt=...&ske=...&sks=b&skv=2021-08-06&sv=2021-08-06&se=...&sr=d&sp=rl
// &sdd=7&sig=...), signed with HMAC-SHA256 over its fields and the directory it grants.
namespace SasToken {

// The token, percent-encoded and without a leading '?'.
QString sign(const QByteArray &key, const QString &directory, const QDateTime &issued,
             const QDateTime &expiry);

struct Verdict
{
    bool valid = false;
    QString detail; // Azure's AuthenticationErrorDetail when not valid
};

Verdict verify(const QByteArray &key, const QString &directory, const QUrlQuery &query,
               const QDateTime &now);

} // namespace SasToken
