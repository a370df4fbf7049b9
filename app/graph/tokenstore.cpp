#include "app/graph/tokenstore.h"

#include <qt6keychain/keychain.h>

TokenStore::TokenStore(QObject *parent)
    : QObject(parent)
{ }

QString TokenStore::serviceName()
{
    return QStringLiteral("billing-monitor");
}

QString TokenStore::keyName()
{
    return QStringLiteral("graph-access-token");
}

void TokenStore::read()
{
    auto *job = new QKeychain::ReadPasswordJob(serviceName(), this);
    job->setKey(keyName());
    // No plain-text fallback: a token must never end up in a settings file.
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, &TokenStore::onReadFinished);
    job->start();
}

void TokenStore::write(const QString &token)
{
    QKeychain::Job *job = nullptr;
    const bool erasing = token.isEmpty();
    if (erasing) {
        job = new QKeychain::DeletePasswordJob(serviceName(), this);
    } else {
        auto *writeJob = new QKeychain::WritePasswordJob(serviceName(), this);
        writeJob->setTextData(token);
        job = writeJob;
    }
    job->setKey(keyName());
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this,
            [this, erasing](QKeychain::Job *finished) { onWriteFinished(finished, erasing); });
    job->start();
}

void TokenStore::onReadFinished(QKeychain::Job *job)
{
    auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(job);
    switch (job->error()) {
    case QKeychain::NoError:
        emit readFinished(readJob->textData().trimmed(), {});
        return;
    case QKeychain::EntryNotFound:
        emit readFinished({}, {});
        return;
    default:
        emit readFinished(
            {}, tr("The system keychain could not be read (%1).").arg(job->errorString()));
        return;
    }
}

void TokenStore::onWriteFinished(QKeychain::Job *job, bool erasing)
{
    if (job->error() == QKeychain::NoError) {
        emit writeFinished(true,
                           erasing ? tr("The token was removed from the system keychain.")
                                   : tr("The token is saved in the system keychain."));
        return;
    }
    if (erasing && job->error() == QKeychain::EntryNotFound) {
        emit writeFinished(true, tr("No token is stored in the system keychain."));
        return;
    }
    // Headless sessions and desktops without a Secret Service end here (OtherError).
    emit writeFinished(false,
                       erasing ? tr("The system keychain is not available (%1); nothing was "
                                    "removed from it.")
                                     .arg(job->errorString())
                               : tr("The system keychain is not available (%1). The token is kept "
                                    "for this session only; enter it again after a restart.")
                                     .arg(job->errorString()));
}
