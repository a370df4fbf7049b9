#pragma once

#include "app/auth/secretstore.h"

#include <QHash>

// Secrets in this process's memory only, never on disk: demo mode signs in at the simulator
// with it (so a demo never touches the real keychain), and the unit tests use it as their
// keychain. It answers on the next turn of the event loop, like QtKeychain's jobs. With
// available = false it refuses every call, as a session without a Secret Service does.
class MemorySecretStore final : public SecretStore
{
public:
    void read(const QString &key, QObject *context, SecretDone done) override;
    void write(const QString &key, const QString &value, QObject *context,
               SecretDone done) override;
    void remove(const QString &key, QObject *context, SecretDone done) override;
    QString placeName() const override { return QStringLiteral("memory of this program"); }

    QHash<QString, QString> entries;
    bool available = true;
    int reads = 0; // calls so far, for tests
    int writes = 0;

private:
    void answer(QObject *context, SecretDone done, const SecretResult &result);
};
