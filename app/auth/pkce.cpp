#include "app/auth/pkce.h"

#include "app/auth/jwt.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace {

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, '\0');
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), count / 4);
    return bytes;
}

} // namespace

namespace Pkce {

QByteArray makeVerifier()
{
    return Jwt::base64Url(randomBytes(32));
}

QByteArray challengeFor(const QByteArray &verifier)
{
    return Jwt::base64Url(QCryptographicHash::hash(verifier, QCryptographicHash::Sha256));
}

QByteArray makeState()
{
    return Jwt::base64Url(randomBytes(16));
}

} // namespace Pkce
