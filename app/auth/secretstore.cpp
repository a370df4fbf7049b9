#include "app/auth/secretstore.h"

#include <QCoreApplication>
#include <QPointer>

#include <qt6keychain/keychain.h>

namespace {

QString unavailable(const QKeychain::Job *job)
{
    return QCoreApplication::translate("SecretStore", "The system keychain is not available (%1).")
        .arg(job->errorString());
}

// Runs the job and answers through done unless context is gone.
void run(QKeychain::Job *job, const QString &key, QObject *context,
         std::function<void(QKeychain::Job *)> answer)
{
    job->setKey(key);
    // No plain-text fallback: a secret must never end up in a settings file.
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    QPointer<QObject> guard(context);
    QObject::connect(job, &QKeychain::Job::finished, job,
                     [guard, answer = std::move(answer)](QKeychain::Job *finished) {
                         if (guard)
                             answer(finished);
                     });
    job->start();
}

} // namespace

void KeychainSecretStore::read(const QString &key, QObject *context, SecretDone done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    run(job, key, context, [done = std::move(done)](QKeychain::Job *finished) {
        SecretResult result;
        switch (finished->error()) {
        case QKeychain::NoError:
            result.ok = true;
            result.value = static_cast<QKeychain::ReadPasswordJob *>(finished)->textData();
            break;
        case QKeychain::EntryNotFound:
            break;
        default:
            result.message = unavailable(finished);
            break;
        }
        done(result);
    });
}

void KeychainSecretStore::write(const QString &key, const QString &value, QObject *context,
                                SecretDone done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setTextData(value);
    run(job, key, context, [done = std::move(done)](QKeychain::Job *finished) {
        SecretResult result;
        result.ok = finished->error() == QKeychain::NoError;
        if (!result.ok)
            result.message = unavailable(finished);
        done(result);
    });
}

void KeychainSecretStore::remove(const QString &key, QObject *context, SecretDone done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    run(job, key, context, [done = std::move(done)](QKeychain::Job *finished) {
        SecretResult result;
        result.ok = finished->error() == QKeychain::NoError
            || finished->error() == QKeychain::EntryNotFound;
        if (!result.ok)
            result.message = unavailable(finished);
        done(result);
    });
}
