#pragma once

#include <QObject>
#include <QString>

namespace QKeychain {
class Job;
}

// Keeps the Graph access token in the system keychain (Secret Service, KWallet, Keychain,
// Credential Manager) through QtKeychain. Every call is asynchronous and answers with a
// signal. A keychain that cannot store (headless session, no Secret Service, locked) is
// reported, never papered over with a plain file: the caller then keeps the token in
// memory for this session only. The token never goes into QSettings or a log.
class TokenStore : public QObject
{
    Q_OBJECT
public:
    explicit TokenStore(QObject *parent = nullptr);

    // Reads the stored token; answers with readFinished().
    void read();
    // Stores the token (an empty one erases it); answers with writeFinished().
    void write(const QString &token);

    static QString serviceName();
    static QString keyName();

signals:
    // token is empty when none is stored or the keychain could not be read; message then
    // says why, for the analyst (empty when there simply is no token).
    void readFinished(const QString &token, const QString &message);
    // stored is false when the keychain refused; message explains and says what happens.
    void writeFinished(bool stored, const QString &message);

private:
    void onReadFinished(QKeychain::Job *job);
    void onWriteFinished(QKeychain::Job *job, bool erasing);
};
