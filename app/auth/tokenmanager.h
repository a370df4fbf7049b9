#pragma once

#include "app/auth/oauthclient.h"
#include "app/auth/signinaccount.h"
#include "app/auth/signinerror.h"
#include "app/graph/tokenprovider.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

class SecretStore;

// Hands out the signed-in account's access token and keeps it fresh.
//
// Policy, in one place:
// - The access token lives in memory only. The refresh token (delegated) or client secret
//   (app-only) lives in the SecretStore, i.e. the system keychain, and nowhere else; without
//   a keychain it is kept for this process only, and the user hears so.
// - A token is renewed at refresh_in, or 5 minutes before it expires, in the background
//   while the old one still works; an expired or missing token makes requests wait.
// - One renewal at a time: every request that needs a token meanwhile waits for it.
// - Graph answering 401 to the current token forces one renewal, shared by every request
//   that saw the same token.
// - Every renewal that brings a new refresh token stores it in place of the old one.
// - A refusal (invalid_grant, interaction_required, a bad secret...) means the user must
//   sign in again: the stale secret is forgotten, and requests wait for the new sign-in (the
//   app) or fail with a sign-in problem at once (the command line). A network fault fails
//   only the requests that waited; the next one tries again.
class TokenManager : public QObject, public TokenProvider
{
    Q_OBJECT
public:
    enum class State {
        SignedOut, // requests go out without a token
        SignedIn,
        SignInRequired, // renewal was refused; see lastError()
    };

    TokenManager(OAuthClient *oauth, SecretStore *secrets, QObject *parent = nullptr);

    // The app lets requests wait while the user signs in again; the CLI fails them at once.
    void setWaitForSignIn(bool wait) { m_waitForSignIn = wait; }

    // Takes an account whose secret is in the keychain (from the settings), or in memory
    // when given here (the environment credential). persist=false keeps it out of the
    // settings and the keychain altogether.
    void useAccount(const SignInAccount &account, const QString &secret = {}, bool persist = true);
    // A delegated sign-in succeeded: adopts its tokens and keeps the refresh token.
    void adoptSignIn(SignInAccount account, const TokenResponse &tokens);
    // An app-only sign-in: asks for a first token with this client secret (empty for a
    // certificate), then keeps the secret. Ends with signedIn() or signInFailed().
    void signInAppOnly(const SignInAccount &account, const QString &secret);
    // Forgets the account, its tokens and its keychain entry; answers with signedOut().
    void signOut();

    State state() const { return m_state; }
    SignInAccount account() const { return m_account; }
    SignInError lastError() const { return m_lastError; }
    QDateTime expiresAt() const { return m_expiresAt; } // invalid without a token
    QDateTime renewsAt() const { return m_accessToken.isEmpty() ? QDateTime() : m_renewAt; }
    bool isRenewing() const { return m_renewing; }
    int renewalCount() const { return m_renewals; } // token requests sent, for tests
    QString secretPlace() const;
    // False for an account that lives in this process only (the environment credential).
    bool isPersistent() const
    {
        return m_persist;
    } // "system keychain", or why it is in memory only

    void requestToken(QObject *context, const TokenCallback &done,
                      const QString &rejected = {}) override;
    bool canRenew() const override { return m_state == State::SignedIn; }

signals:
    void stateChanged();
    // The facts to keep in the settings (an empty account after signing out).
    void accountChanged(const SignInAccount &account);
    void signedIn();
    void signInFailed(const SignInError &error);
    void signedOut();
    // A new access token arrived (the status bar shows when it renews).
    void tokenRenewed();
    // Renewal was refused: the user must sign in again; why says so in words.
    void signInRequired(const SignInError &why);
    // The keychain could not keep a secret; it is kept for this session only.
    void keychainProblem(const QString &message);

private:
    struct Waiter
    {
        QPointer<QObject> context;
        TokenCallback done;
    };

    // The account without side effects: no renewal, no answer to waiting requests.
    void reset(const SignInAccount &account, const QString &secret, bool persist);
    void startRenewal();
    void renewWith(const QString &secret);
    void onRenewed(const TokenResponse &tokens, const SignInError &error);
    void takeTokens(const TokenResponse &tokens);
    void storeSecret(const QString &secret);
    void deliver(const TokenGrant &grant);
    void setState(State state);
    void failRenewal(const SignInError &error);

    OAuthClient *m_oauth;
    SecretStore *m_secrets;
    SignInAccount m_account;
    bool m_persist = true;
    bool m_waitForSignIn = false;
    bool m_firstAppOnlyToken = false; // signInAppOnly() waits for its first token
    State m_state = State::SignedOut;
    SignInError m_lastError;
    QString m_secret; // refresh token or client secret, in memory once read or granted
    QString m_accessToken;
    QDateTime m_expiresAt;
    QDateTime m_renewAt;
    QTimer m_renewTimer;
    bool m_renewing = false;
    int m_renewals = 0;
    quint64 m_generation = 0; // bumped when the account changes, so late answers are dropped
    QList<Waiter> m_waiters;
};
