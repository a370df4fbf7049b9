#include "app/auth/memorysecretstore.h"

#include <QPointer>
#include <QTimer>

namespace {

SecretResult refused()
{
    SecretResult result;
    result.message = QStringLiteral("The system keychain is not available (The name "
                                    "org.freedesktop.secrets was not provided by any .service "
                                    "files).");
    return result;
}

} // namespace

void MemorySecretStore::answer(QObject *context, SecretDone done, const SecretResult &result)
{
    QTimer::singleShot(0, context, [done = std::move(done), result] { done(result); });
}

void MemorySecretStore::read(const QString &key, QObject *context, SecretDone done)
{
    ++reads;
    if (!available)
        return answer(context, std::move(done), refused());
    SecretResult result;
    result.ok = entries.contains(key);
    result.value = entries.value(key);
    answer(context, std::move(done), result);
}

void MemorySecretStore::write(const QString &key, const QString &value, QObject *context,
                              SecretDone done)
{
    ++writes;
    if (!available)
        return answer(context, std::move(done), refused());
    entries.insert(key, value);
    SecretResult result;
    result.ok = true;
    answer(context, std::move(done), result);
}

void MemorySecretStore::remove(const QString &key, QObject *context, SecretDone done)
{
    if (!available)
        return answer(context, std::move(done), refused());
    entries.remove(key);
    SecretResult result;
    result.ok = true;
    answer(context, std::move(done), result);
}
