#include "app/auth/devicecodeflow.h"

#include <QCoreApplication>
#include <QUrlQuery>

namespace {

constexpr const char *DeviceCodeGrant = "urn:ietf:params:oauth:grant-type:device_code";
constexpr int SlowDownSeconds = 5; // RFC 8628 §3.5
constexpr int DefaultExpirySeconds = 15 * 60;

} // namespace

DeviceCodeFlow::DeviceCodeFlow(OAuthClient *oauth, const SignInConfig &config, QObject *parent)
    : SignInFlow(oauth, config, SignInAccount::Flow::DeviceCode, parent)
{
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &DeviceCodeFlow::poll);
}

void DeviceCodeFlow::start()
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("client_id"), m_config.clientId);
    form.addQueryItem(QStringLiteral("scope"), QLatin1String(SignInConfig::DelegatedScopes));
    m_oauth->postForm(
        m_config.endpoint(QStringLiteral("devicecode")), form, this,
        [this](const QJsonObject &answer, const SignInError &error) {
            if (isFinished())
                return;
            if (!error.isNull()) {
                fail(error);
                return;
            }
            m_deviceCode = answer.value(QLatin1String("device_code")).toString();
            m_prompt.userCode = answer.value(QLatin1String("user_code")).toString();
            m_prompt.verificationUri = answer.value(QLatin1String("verification_uri")).toString();
            m_prompt.message = answer.value(QLatin1String("message")).toString();
            const int expiresIn
                = answer.value(QLatin1String("expires_in")).toInt(DefaultExpirySeconds);
            m_prompt.expiresAt = QDateTime::currentDateTimeUtc().addSecs(expiresIn);
            m_interval
                = qBound(1, answer.value(QLatin1String("interval")).toInt(5), MaxIntervalSeconds);
            if (m_deviceCode.isEmpty() || m_prompt.userCode.isEmpty()
                || m_prompt.verificationUri.isEmpty()) {
                fail(SignInError::make(
                    SignInError::Kind::BadReply,
                    QCoreApplication::translate("DeviceCodeFlow",
                                                "Entra ID's device-code answer lacks the code or "
                                                "the link.")));
                return;
            }
            if (m_prompt.message.isEmpty())
                m_prompt.message = QCoreApplication::translate(
                                       "DeviceCodeFlow",
                                       "To sign in, open %1 in a web browser and enter the "
                                       "code %2.")
                                       .arg(m_prompt.verificationUri, m_prompt.userCode);
            emit promptReady(m_prompt);
            m_pollTimer.start(m_interval * 1000);
        });
}

void DeviceCodeFlow::stop()
{
    m_pollTimer.stop();
}

void DeviceCodeFlow::poll()
{
    if (isFinished())
        return;
    if (QDateTime::currentDateTimeUtc() >= m_prompt.expiresAt) {
        fail(SignInError::make(SignInError::Kind::TimedOut, {}));
        return;
    }
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QLatin1String(DeviceCodeGrant));
    form.addQueryItem(QStringLiteral("client_id"), m_config.clientId);
    form.addQueryItem(QStringLiteral("device_code"), m_deviceCode);
    m_oauth->postForm(
        m_config.tokenEndpoint(), form, this,
        [this](const QJsonObject &answer, const SignInError &error) { onPolled(answer, error); });
}

void DeviceCodeFlow::onPolled(const QJsonObject &answer, const SignInError &error)
{
    if (isFinished())
        return;
    if (error.isNull()) {
        SignInError parseError;
        const TokenResponse tokens = OAuthClient::parseTokens(answer, &parseError);
        if (parseError.isNull())
            succeed(tokens);
        else
            fail(parseError);
        return;
    }
    if (error.error == QLatin1String("authorization_pending")) {
        m_pollTimer.start(m_interval * 1000);
        return;
    }
    if (error.error == QLatin1String("slow_down")) {
        m_interval = qMin(m_interval + SlowDownSeconds, int(MaxIntervalSeconds));
        m_pollTimer.start(m_interval * 1000);
        return;
    }
    // authorization_declined, expired_token, bad_verification_code, any AADSTS error, or
    // the network: the flow ends, and the user may start again.
    fail(error);
}
