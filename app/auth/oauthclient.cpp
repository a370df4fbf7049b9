#include "app/auth/oauthclient.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>

namespace {

constexpr qint64 MaxAnswerBytes = 1024 * 1024;

// Longer than any token Entra ID issues (an hour or so, a day at most with continuous access
// evaluation), and short enough that now plus it is always a valid time.
constexpr qint64 MaxLifetimeSeconds = 10LL * 366 * 24 * 3600;

// A lifetime in whole seconds, or -1 when absent or implausible (negative, not a number, or
// past MaxLifetimeSeconds).
qint64 secondsOf(const QJsonValue &value)
{
    // Entra ID sends numbers; some servers send them as strings.
    double seconds = -1;
    if (value.isDouble()) {
        seconds = value.toDouble();
    } else if (value.isString()) {
        bool ok = false;
        const qint64 parsed = value.toString().trimmed().toLongLong(&ok);
        if (ok)
            seconds = double(parsed);
    }
    // Compared as doubles first: converting a NaN or huge double to an integer is undefined.
    if (!(seconds >= 0 && seconds <= double(MaxLifetimeSeconds)))
        return -1;
    return qint64(seconds);
}

} // namespace

QDateTime TokenResponse::renewAt() const
{
    if (refreshInSeconds > 0 && refreshInSeconds < expiresInSeconds)
        return receivedAt.addSecs(refreshInSeconds);
    constexpr qint64 Lead = 5 * 60;
    const qint64 lead = expiresInSeconds >= 2 * Lead ? Lead : expiresInSeconds / 2;
    return receivedAt.addSecs(expiresInSeconds - lead);
}

OAuthClient::OAuthClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

void OAuthClient::postForm(const QUrl &url, const QUrlQuery &form, QObject *context, JsonDone done)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(m_transferTimeout);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    // Encoded here, item by item: QUrlQuery leaves '+' alone, which a form decoder reads as
    // a space.
    QByteArray body;
    for (const auto &[key, value] : form.queryItems(QUrl::FullyDecoded)) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    QNetworkReply *reply = m_network->post(request, body);
    QPointer<QObject> guard(context);
    connect(reply, &QNetworkReply::finished, this, [reply, guard, done = std::move(done)] {
        reply->deleteLater();
        if (!guard)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0) {
            done({}, SignInError::make(SignInError::Kind::Network, reply->errorString()));
            return;
        }
        QJsonObject answer;
        const SignInError error = readAnswer(status, reply->read(MaxAnswerBytes), &answer);
        done(answer, error);
    });
}

SignInError OAuthClient::readAnswer(int httpStatus, const QByteArray &body, QJsonObject *answer)
{
    if (httpStatus < 200 || httpStatus >= 300)
        return SignInError::fromReply(httpStatus, body);
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject()) {
        return SignInError::make(SignInError::Kind::BadReply,
                                 QCoreApplication::translate("OAuthClient",
                                                             "Entra ID's answer is not a JSON "
                                                             "object (HTTP %1).")
                                     .arg(httpStatus));
    }
    *answer = document.object();
    return {};
}

void OAuthClient::requestToken(const QUrl &tokenEndpoint, const QUrlQuery &form, QObject *context,
                               TokenDone done)
{
    postForm(tokenEndpoint, form, context,
             [done = std::move(done)](const QJsonObject &answer, const SignInError &error) {
                 if (!error.isNull()) {
                     done({}, error);
                     return;
                 }
                 SignInError parseError;
                 const TokenResponse tokens = parseTokens(answer, &parseError);
                 done(tokens, parseError);
             });
}

TokenResponse OAuthClient::parseTokens(const QJsonObject &answer, SignInError *error)
{
    TokenResponse tokens;
    tokens.receivedAt = QDateTime::currentDateTimeUtc();
    tokens.accessToken = answer.value(QLatin1String("access_token")).toString();
    tokens.refreshToken = answer.value(QLatin1String("refresh_token")).toString();
    tokens.idToken = answer.value(QLatin1String("id_token")).toString();
    tokens.expiresInSeconds = secondsOf(answer.value(QLatin1String("expires_in")));
    tokens.refreshInSeconds = qMax<qint64>(0, secondsOf(answer.value(QLatin1String("refresh_in"))));
    if (tokens.accessToken.isEmpty() || tokens.expiresInSeconds <= 0) {
        *error = SignInError::make(
            SignInError::Kind::BadReply,
            QCoreApplication::translate("OAuthClient",
                                        "Entra ID's answer has no access token or no "
                                        "expiry."));
        return {};
    }
    return tokens;
}
