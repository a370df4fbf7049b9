// Id tokens: the unverified JWT payload the sign-in reads the user's name from. The token
// comes from Entra ID, but a misconfigured authority or a proxy can send anything.
#include "fuzzcheck.h"

#include "app/auth/jwt.h"

#include <QJsonObject>
#include <QString>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString token = QString::fromUtf8(fuzzBytes(data, size));
    const QJsonObject claims = Jwt::unverifiedClaims(token);
    (void)claims.value(QLatin1String("preferred_username")).toString();
    (void)claims.value(QLatin1String("upn")).toString();
    // What was read encodes as a token again and reads back with the same claims.
    if (!claims.isEmpty()) {
        const QString again = QString::fromLatin1(
            Jwt::signingInput({{QStringLiteral("alg"), QStringLiteral("none")}}, claims) + ".c2ln");
        FUZZ_CHECK(Jwt::unverifiedClaims(again).keys() == claims.keys());
    }
    return 0;
}
