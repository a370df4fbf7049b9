#pragma once

#include <QObject>
#include <QString>

#include <functional>

// The answer of a secret store.
struct SecretResult
{
    bool ok = false; // read: found; write/remove: done (removing a missing entry is done)
    QString value; // read only
    // When not ok: why, for the user; empty when a read simply found nothing.
    QString message;
};
using SecretDone = std::function<void(const SecretResult &result)>;

// Where refresh tokens and client secrets live: the system keychain and nothing else. Every
// call answers later, through done, unless context is gone by then. Unit tests use an
// in-memory fake.
class SecretStore
{
public:
    virtual ~SecretStore() = default;
    virtual void read(const QString &key, QObject *context, SecretDone done) = 0;
    virtual void write(const QString &key, const QString &value, QObject *context, SecretDone done)
        = 0;
    virtual void remove(const QString &key, QObject *context, SecretDone done) = 0;
    // Where the secrets are kept, for `account`: "system keychain".
    virtual QString placeName() const = 0;
};

// The system keychain through QtKeychain (Secret Service, KWallet...). Never falls back to
// a plain file: a keychain that cannot store is reported, and the caller keeps the secret
// for this session only.
class KeychainSecretStore final : public SecretStore
{
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("billing-monitor"))
        : m_service(std::move(service))
    { }
    void read(const QString &key, QObject *context, SecretDone done) override;
    void write(const QString &key, const QString &value, QObject *context,
               SecretDone done) override;
    void remove(const QString &key, QObject *context, SecretDone done) override;
    QString placeName() const override { return QStringLiteral("system keychain"); }

private:
    QString m_service;
};
