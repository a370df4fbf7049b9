#pragma once

#include "app/auth/signinerror.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QNetworkAccessManager;

// What the token endpoint grants.
struct TokenResponse
{
    QString accessToken;
    QString refreshToken; // delegated flows only; replaces the previous one
    QString idToken;
    qint64 expiresInSeconds = 0;
    qint64 refreshInSeconds = 0; // 0 when not sent
    QDateTime receivedAt; // UTC

    QDateTime expiresAt() const { return receivedAt.addSecs(expiresInSeconds); }
    // When to renew: at refresh_in when Entra ID sends it, else 5 minutes before expiry
    // (half the lifetime for a token shorter than 10 minutes).
    QDateTime renewAt() const;
};

// The small OAuth 2.0 client the sign-in needs, on a plain QNetworkAccessManager: form POSTs
// to Entra ID's token and device-code endpoints with the full error answer kept, which
// QtNetworkAuth 6.4 drops. It never follows redirects and never logs a token.
class OAuthClient : public QObject
{
    Q_OBJECT
public:
    explicit OAuthClient(QObject *parent = nullptr);

    void setTransferTimeout(int milliseconds) { m_transferTimeout = milliseconds; }

    using JsonDone = std::function<void(const QJsonObject &answer, const SignInError &error)>;
    using TokenDone = std::function<void(const TokenResponse &tokens, const SignInError &error)>;

    // POSTs the form; answers through done (unless context is gone) with the JSON object of
    // a 2xx answer, or the error.
    void postForm(const QUrl &url, const QUrlQuery &form, QObject *context, JsonDone done);
    // The same for a token request: the answer must carry an access token.
    void requestToken(const QUrl &tokenEndpoint, const QUrlQuery &form, QObject *context,
                      TokenDone done);

    // What an HTTP answer of the token or device-code endpoint says: the JSON object of a
    // 2xx answer in `answer`, or why there is none (an OAuth error, or a bad body).
    static SignInError readAnswer(int httpStatus, const QByteArray &body, QJsonObject *answer);
    // The tokens in a 2xx answer of the token endpoint, or why they cannot be used.
    static TokenResponse parseTokens(const QJsonObject &answer, SignInError *error);

private:
    QNetworkAccessManager *m_network;
    int m_transferTimeout = 30000;
};
