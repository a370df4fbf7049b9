#include "app/auth/tokenmanager.h"

#include "app/auth/clientassertion.h"
#include "app/auth/secretstore.h"

#include <QCoreApplication>
#include <QUrlQuery>

#include <limits>
#include <utility>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TokenManager", text);
}

// The form that renews the account's token: a refresh token for delegated sign-ins, the
// client credentials for app-only ones.
std::optional<QUrlQuery> renewalForm(const SignInAccount &account, const QString &secret,
                                     SignInError *error)
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("client_id"), account.config.clientId);
    switch (account.flow) {
    case SignInAccount::Flow::Browser:
    case SignInAccount::Flow::DeviceCode:
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
        form.addQueryItem(QStringLiteral("scope"), QLatin1String(SignInConfig::DelegatedScopes));
        form.addQueryItem(QStringLiteral("refresh_token"), secret);
        return form;
    case SignInAccount::Flow::ClientSecret:
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
        form.addQueryItem(QStringLiteral("scope"), QLatin1String(SignInConfig::AppOnlyScope));
        form.addQueryItem(QStringLiteral("client_secret"), secret);
        return form;
    case SignInAccount::Flow::Certificate: {
        QString why;
        const std::optional<QByteArray> assertion
            = ClientAssertion::fromPemFile(account.certificatePath, account.config, &why);
        if (!assertion) {
            *error = SignInError::make(SignInError::Kind::Configuration, why);
            return std::nullopt;
        }
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
        form.addQueryItem(QStringLiteral("scope"), QLatin1String(SignInConfig::AppOnlyScope));
        form.addQueryItem(QStringLiteral("client_assertion_type"),
                          QLatin1String(ClientAssertion::AssertionType));
        form.addQueryItem(QStringLiteral("client_assertion"), QString::fromLatin1(*assertion));
        return form;
    }
    case SignInAccount::Flow::None:
        break;
    }
    *error = SignInError::make(SignInError::Kind::Configuration, tr("Nobody is signed in."));
    return std::nullopt;
}

Problem problemNow(Problem::Kind kind, const QString &message)
{
    Problem problem;
    problem.kind = kind;
    problem.message = message;
    problem.occurredAt = QDateTime::currentDateTimeUtc();
    return problem;
}

// What a request hears when the sign-in was refused: the row (or the CLI's exit code 4)
// says to sign in again, and why.
Problem signInAgainProblem(const SignInError &why)
{
    return problemNow(Problem::Kind::Unauthorized, tr("Sign in again: %1").arg(why.explanation()));
}

} // namespace

TokenManager::TokenManager(OAuthClient *oauth, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_oauth(oauth)
    , m_secrets(secrets)
{
    m_renewTimer.setSingleShot(true);
    connect(&m_renewTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::SignedIn && !m_renewing)
            startRenewal();
    });
}

QString TokenManager::secretPlace() const
{
    if (!m_account.needsSecret())
        return m_account.flow == SignInAccount::Flow::Certificate
            ? tr("none needed (certificate file %1)").arg(m_account.certificatePath)
            : QString();
    if (!m_persist)
        return tr("environment variables");
    if (m_account.secretInKeychain)
        return m_secrets->placeName();
    return tr("memory of this program only (the system keychain was not available)");
}

void TokenManager::useAccount(const SignInAccount &account, const QString &secret, bool persist)
{
    reset(account, secret, persist);
    if (m_state == State::SignedOut)
        deliver({});
    else if (!m_waiters.isEmpty())
        startRenewal();
}

void TokenManager::reset(const SignInAccount &account, const QString &secret, bool persist)
{
    ++m_generation;
    m_account = account;
    m_persist = persist;
    m_secret = secret;
    m_accessToken.clear();
    m_expiresAt = {};
    m_renewAt = {};
    m_renewTimer.stop();
    m_renewing = false;
    m_lastError = {};
    m_firstAppOnlyToken = false;
    setState(account.isSignedIn() ? State::SignedIn : State::SignedOut);
}

void TokenManager::adoptSignIn(SignInAccount account, const TokenResponse &tokens)
{
    reset(account, tokens.refreshToken, true);
    takeTokens(tokens);
    storeSecret(tokens.refreshToken);
    emit signedIn();
    deliver({m_accessToken, {}});
}

void TokenManager::signInAppOnly(const SignInAccount &account, const QString &secret)
{
    reset(account, secret, true);
    m_firstAppOnlyToken = true;
    startRenewal();
}

void TokenManager::signOut()
{
    const SignInAccount previous = m_account;
    const bool removeSecret = m_persist && previous.needsSecret();
    useAccount({});
    m_secret.clear();
    emit accountChanged({});
    if (!removeSecret) {
        emit signedOut();
        return;
    }
    m_secrets->remove(previous.secretKey(), this, [this](const SecretResult &result) {
        if (!result.ok)
            emit keychainProblem(result.message);
        emit signedOut();
    });
}

void TokenManager::requestToken(QObject *context, const TokenCallback &done,
                                const QString &rejected)
{
    if (m_state == State::SignedOut) {
        done({});
        return;
    }
    if (m_state == State::SignInRequired && !m_waitForSignIn) {
        done({{}, signInAgainProblem(m_lastError)});
        return;
    }
    if (m_state == State::SignedIn) {
        // Graph refused the current token: it is no good to anyone any more.
        if (!rejected.isEmpty() && rejected == m_accessToken)
            m_accessToken.clear();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (!m_accessToken.isEmpty() && now < m_expiresAt) {
            done({m_accessToken, {}});
            if (now >= m_renewAt && !m_renewing)
                startRenewal();
            return;
        }
    }
    m_waiters.append({QPointer<QObject>(context), done});
    if (m_state == State::SignedIn && !m_renewing)
        startRenewal();
}

void TokenManager::startRenewal()
{
    m_renewing = true;
    m_renewTimer.stop();
    if (!m_secret.isEmpty() || !m_account.needsSecret()) {
        renewWith(m_secret);
        return;
    }
    if (!m_account.secretInKeychain || !m_persist) {
        failRenewal(SignInError::make(SignInError::Kind::NoSecret,
                                      tr("The sign-in was kept for the program that made it only "
                                         "(no system keychain then). Sign in again.")));
        return;
    }
    const quint64 generation = m_generation;
    m_secrets->read(m_account.secretKey(), this, [this, generation](const SecretResult &result) {
        if (generation != m_generation)
            return;
        if (result.ok && !result.value.isEmpty()) {
            m_secret = result.value;
            renewWith(m_secret);
            return;
        }
        failRenewal(SignInError::make(
            SignInError::Kind::NoSecret,
            result.message.isEmpty()
                ? tr("The sign-in is no longer in the system keychain. Sign in again.")
                : tr("%1 Sign in again.").arg(result.message)));
    });
}

void TokenManager::renewWith(const QString &secret)
{
    SignInError error;
    const std::optional<QUrlQuery> form = renewalForm(m_account, secret, &error);
    if (!form) {
        failRenewal(error);
        return;
    }
    ++m_renewals;
    const quint64 generation = m_generation;
    m_oauth->requestToken(
        m_account.config.tokenEndpoint(), *form, this,
        [this, generation](const TokenResponse &tokens, const SignInError &error) {
            if (generation == m_generation)
                onRenewed(tokens, error);
        });
}

void TokenManager::onRenewed(const TokenResponse &tokens, const SignInError &error)
{
    if (!error.isNull()) {
        failRenewal(error);
        return;
    }
    m_renewing = false;
    takeTokens(tokens);
    if (!tokens.refreshToken.isEmpty() && tokens.refreshToken != m_secret) {
        // Entra ID rotates the refresh token: the new one replaces the old one everywhere.
        m_secret = tokens.refreshToken;
        storeSecret(m_secret);
    } else if (m_firstAppOnlyToken) {
        storeSecret(m_secret);
    } else if (m_persist) {
        emit accountChanged(m_account);
    }
    if (m_firstAppOnlyToken) {
        m_firstAppOnlyToken = false;
        emit signedIn();
    }
    deliver({m_accessToken, {}});
}

void TokenManager::takeTokens(const TokenResponse &tokens)
{
    m_accessToken = tokens.accessToken;
    m_expiresAt = tokens.expiresAt();
    m_renewAt = tokens.renewAt();
    m_account.tokenExpiresAt = m_expiresAt;
    m_lastError = {};
    setState(State::SignedIn);
    const qint64 untilRenewal = QDateTime::currentDateTimeUtc().msecsTo(m_renewAt);
    m_renewTimer.start(
        int(qBound(qint64(0), untilRenewal, qint64(std::numeric_limits<int>::max()))));
    emit tokenRenewed();
}

void TokenManager::storeSecret(const QString &secret)
{
    if (!m_persist || secret.isEmpty()) {
        if (m_persist)
            emit accountChanged(m_account);
        return;
    }
    // The account is written once the keychain answered, so the settings never claim a
    // secret that is not there.
    const quint64 generation = m_generation;
    m_secrets->write(
        m_account.secretKey(), secret, this, [this, generation](const SecretResult &result) {
            if (generation != m_generation)
                return;
            m_account.secretInKeychain = result.ok;
            if (!result.ok) {
                emit keychainProblem(tr("%1 You stay signed in until this program ends; nothing "
                                        "is written to a file instead.")
                                         .arg(result.message));
            }
            emit accountChanged(m_account);
        });
}

void TokenManager::failRenewal(const SignInError &error)
{
    m_renewing = false;
    m_lastError = error;
    if (m_firstAppOnlyToken) {
        m_firstAppOnlyToken = false;
        useAccount({});
        emit signInFailed(error);
        return;
    }
    const bool refused = error.kind == SignInError::Kind::Refused
        || error.kind == SignInError::Kind::NoSecret
        || error.kind == SignInError::Kind::Configuration;
    if (!refused) {
        // A network fault: fail only those who waited; the next request tries again.
        deliver({{},
                 problemNow(Problem::Kind::Network,
                            tr("Could not renew the sign-in: %1").arg(error.explanation()))});
        return;
    }
    m_accessToken.clear();
    if (!m_account.isAppOnly() && error.needsInteraction())
        m_secret.clear(); // a refresh token Entra ID refused is worth nothing
    setState(State::SignInRequired);
    emit signInRequired(error);
    if (!m_waitForSignIn) {
        deliver({{}, signInAgainProblem(error)});
    }
}

void TokenManager::deliver(const TokenGrant &grant)
{
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &waiter : waiters) {
        if (waiter.context)
            waiter.done(grant);
    }
}

void TokenManager::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged();
}
