#include "entrasimulator.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QUuid>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

namespace {

const QRegularExpression &entraPath()
{
    static const QRegularExpression path(QStringLiteral(
        "^/([^/]+)/oauth2/v2\\.0/(authorize|authorize/approve|authorize/decline|devicecode|"
        "token)$"));
    return path;
}

QString randomText(const char *prefix, int words = 3)
{
    QByteArray bytes(words * 8, '\0');
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                          bytes.size() / 4);
    return QLatin1String(prefix)
        + QString::fromLatin1(
               bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray fromBase64Url(const QByteArray &data)
{
    return QByteArray::fromBase64(data, QByteArray::Base64UrlEncoding);
}

QUrlQuery formOf(const QByteArray &body)
{
    QByteArray text = body;
    text.replace('+', ' ');
    return QUrlQuery(QString::fromUtf8(text));
}

QString valueOf(const QUrlQuery &form, const char *key)
{
    return form.queryItemValue(QLatin1String(key), QUrl::FullyDecoded);
}

SimulatorReply jsonReply(int status, const QJsonObject &object)
{
    SimulatorReply reply;
    reply.status = status;
    reply.setHeader("Content-Type", "application/json; charset=utf-8");
    reply.setHeader("Cache-Control", "no-store");
    reply.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return reply;
}

SimulatorReply redirect(const QUrl &target)
{
    SimulatorReply reply;
    reply.status = 302;
    reply.setHeader("Location", target.toEncoded());
    return reply;
}

bool verifyRs256(const QByteArray &certificatePem, const QByteArray &input,
                 const QByteArray &signature)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(
        BIO_new_mem_buf(certificatePem.constData(), int(certificatePem.size())), &BIO_free);
    std::unique_ptr<X509, decltype(&X509_free)> certificate(
        bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr, &X509_free);
    if (!certificate)
        return false;
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(X509_get_pubkey(certificate.get()),
                                                            &EVP_PKEY_free);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                    &EVP_MD_CTX_free);
    return key && context
        && EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha256(), nullptr, key.get()) == 1
        && EVP_DigestVerify(
               context.get(), reinterpret_cast<const unsigned char *>(signature.constData()),
               size_t(signature.size()), reinterpret_cast<const unsigned char *>(input.constData()),
               size_t(input.size()))
        == 1;
}

} // namespace

EntraSimulator::EntraSimulator()
    : m_clientSecret(randomText("sim-secret-"))
{
    m_clock.start();
}

bool EntraSimulator::handles(const QString &path)
{
    return entraPath().match(path).hasMatch();
}

bool EntraSimulator::acceptsAccessToken(const QString &token, bool *expired) const
{
    const auto found = m_accessTokens.constFind(token);
    *expired = found != m_accessTokens.constEnd() && *found <= m_clock.elapsed();
    return found != m_accessTokens.constEnd() && !*expired;
}

QString EntraSimulator::issueRefreshToken()
{
    m_lastRefreshToken = randomText("sim-rt-", 4);
    m_refreshTokens.insert(m_lastRefreshToken);
    return m_lastRefreshToken;
}

void EntraSimulator::expireAccessTokens()
{
    for (qint64 &expiry : m_accessTokens)
        expiry = qMin(expiry, m_clock.elapsed());
}

SimulatorReply EntraSimulator::handle(const QHttpServerRequest &request, const QUrl &root)
{
    const QRegularExpressionMatch match = entraPath().match(request.url().path());
    const QString tenant = match.captured(1);
    const QString action = match.captured(2);
    if (tenant.compare(QLatin1String(TenantId), Qt::CaseInsensitive) != 0
        && tenant.compare(QLatin1String(TenantDomain), Qt::CaseInsensitive) != 0) {
        return error(400, QStringLiteral("invalid_request"), 90002,
                     QStringLiteral("Tenant '%1' not found. Check to make sure you have the "
                                    "correct tenant ID and are signing into the correct cloud.")
                         .arg(tenant));
    }
    if (action.startsWith(QLatin1String("authorize"))) {
        if (request.method() != QHttpServerRequest::Method::Get)
            return error(405, QStringLiteral("invalid_request"), 900561,
                         QStringLiteral("The endpoint only accepts GET requests."));
        return authorize(request.query(), action, root, tenant);
    }
    if (request.method() != QHttpServerRequest::Method::Post)
        return error(405, QStringLiteral("invalid_request"), 900561,
                     QStringLiteral("The endpoint only accepts POST requests."));
    const QUrlQuery form = formOf(request.body());
    if (valueOf(form, "client_id").compare(QLatin1String(ClientId), Qt::CaseInsensitive) != 0) {
        return error(400, QStringLiteral("unauthorized_client"), 700016,
                     QStringLiteral("Application with identifier '%1' was not found in the "
                                    "directory '%2'.")
                         .arg(valueOf(form, "client_id"), tenant));
    }
    if (action == QLatin1String("devicecode"))
        return deviceCode(form);
    QUrl tokenUrl = root;
    tokenUrl.setPath(request.url().path());
    return token(form, tokenUrl);
}

SimulatorReply EntraSimulator::authorize(const QUrlQuery &query, const QString &action,
                                         const QUrl &root, const QString &tenant)
{
    const QUrl redirectUri(valueOf(query, "redirect_uri"));
    const bool loopback = redirectUri.scheme() == QLatin1String("http")
        && (redirectUri.host() == QLatin1String("localhost")
            || redirectUri.host() == QLatin1String("127.0.0.1"));
    if (valueOf(query, "client_id").compare(QLatin1String(ClientId), Qt::CaseInsensitive) != 0)
        return error(400, QStringLiteral("unauthorized_client"), 700016,
                     QStringLiteral("Application with identifier '%1' was not found.")
                         .arg(valueOf(query, "client_id")));
    // Never redirect to an address that is not registered (http://localhost, any port).
    if (!loopback)
        return error(400, QStringLiteral("invalid_request"), 50011,
                     QStringLiteral("The redirect URI '%1' specified in the request does not "
                                    "match the redirect URIs configured for the application.")
                         .arg(redirectUri.toString()));
    const auto back = [&](const QList<std::pair<QString, QString>> &items) {
        QUrl target = redirectUri;
        QUrlQuery answer;
        for (const auto &[key, value] : items)
            answer.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
        target.setQuery(answer);
        return redirect(target);
    };
    const QString state = valueOf(query, "state");
    if (valueOf(query, "response_type") != QLatin1String("code")
        || valueOf(query, "code_challenge").isEmpty()
        || valueOf(query, "code_challenge_method") != QLatin1String("S256")) {
        return back({{QStringLiteral("error"), QStringLiteral("invalid_request")},
                     {QStringLiteral("error_description"),
                      QStringLiteral("AADSTS9002325: Proof Key for Code Exchange is required.")},
                     {QStringLiteral("state"), state}});
    }
    if (action == QLatin1String("authorize/decline")) {
        return back({{QStringLiteral("error"), QStringLiteral("access_denied")},
                     {QStringLiteral("error_description"),
                      QStringLiteral("AADSTS65004: User declined to consent to access the app.")},
                     {QStringLiteral("state"), state}});
    }
    if (action == QLatin1String("authorize/approve") || m_autoApprove) {
        const QString code = randomText("sim-code-");
        m_codes.insert(
            code,
            {valueOf(query, "code_challenge"), redirectUri.toString(), valueOf(query, "scope")});
        return back({{QStringLiteral("code"), code}, {QStringLiteral("state"), state}});
    }
    // An approval page, as a stand-in for Microsoft's sign-in pages.
    const auto link = [&](const char *what) {
        QUrl url = root;
        url.setPath(
            QStringLiteral("/%1/oauth2/v2.0/authorize/%2").arg(tenant, QLatin1String(what)));
        url.setQuery(query);
        return url.toString(QUrl::FullyEncoded).toHtmlEscaped();
    };
    SimulatorReply reply;
    reply.setHeader("Content-Type", "text/html; charset=utf-8");
    reply.body = QStringLiteral(
                     "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Sign in - Graph "
                     "simulator</title></head><body style=\"font-family:sans-serif;margin:3em\">"
                     "<h1>Graph simulator: sign in</h1><p>Billing Monitor asks to read partner "
                     "billing data as <b>%1</b>.</p><p><a href=\"%2\">Approve</a> &nbsp; "
                     "<a href=\"%3\">Decline</a></p></body></html>")
                     .arg(QLatin1String(UserName), link("approve"), link("decline"))
                     .toUtf8();
    return reply;
}

SimulatorReply EntraSimulator::deviceCode(const QUrlQuery &form)
{
    Q_UNUSED(form)
    const QString device = randomText("sim-device-");
    QString userCode;
    for (int i = 0; i < 9; ++i)
        userCode += QLatin1Char(
            "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"[QRandomGenerator::global()->bounded(32)]);
    DeviceCode state;
    state.expiresAtMs = m_clock.elapsed() + qint64(m_deviceExpiresIn) * 1000;
    state.interval = m_deviceInterval;
    m_deviceCodes.insert(device, state);
    const QString verification = QStringLiteral("https://microsoft.com/devicelogin");
    return jsonReply(
        200,
        {{QStringLiteral("device_code"), device},
         {QStringLiteral("user_code"), userCode},
         {QStringLiteral("verification_uri"), verification},
         {QStringLiteral("expires_in"), m_deviceExpiresIn},
         {QStringLiteral("interval"), m_deviceInterval},
         {QStringLiteral("message"),
          QStringLiteral("To sign in, use a web browser to open the page %1 and enter the code "
                         "%2 to authenticate.")
              .arg(verification, userCode)}});
}

SimulatorReply EntraSimulator::token(const QUrlQuery &form, const QUrl &tokenUrl)
{
    const QString grant = valueOf(form, "grant_type");
    m_grants[grant] += 1;
    if (grant == QLatin1String("authorization_code"))
        return grantAuthorizationCode(form);
    if (grant == QLatin1String("urn:ietf:params:oauth:grant-type:device_code"))
        return grantDeviceCode(form);
    if (grant == QLatin1String("refresh_token"))
        return grantRefreshToken(form);
    if (grant == QLatin1String("client_credentials"))
        return grantClientCredentials(form, tokenUrl);
    return error(400, QStringLiteral("unsupported_grant_type"), 70003,
                 QStringLiteral("The app requested an unsupported grant type '%1'.").arg(grant));
}

SimulatorReply EntraSimulator::grantAuthorizationCode(const QUrlQuery &form)
{
    const auto found = m_codes.constFind(valueOf(form, "code"));
    if (found == m_codes.constEnd())
        return error(400, QStringLiteral("invalid_grant"), 54005,
                     QStringLiteral("OAuth2 Authorization code was already redeemed, please "
                                    "retry with a new valid code or use an existing refresh "
                                    "token."));
    const AuthorizationCode code = *found;
    m_codes.erase(found);
    if (valueOf(form, "redirect_uri") != code.redirectUri)
        return error(400, QStringLiteral("invalid_grant"), 50148,
                     QStringLiteral("The redirect_uri does not match the one of the "
                                    "authorization request."));
    const QByteArray challenge = base64Url(QCryptographicHash::hash(
        valueOf(form, "code_verifier").toLatin1(), QCryptographicHash::Sha256));
    if (challenge != code.challenge.toLatin1())
        return error(400, QStringLiteral("invalid_grant"), 501481,
                     QStringLiteral("The Code_Verifier does not match the code_challenge "
                                    "supplied in the authorization request."));
    return tokens(code.scope, false);
}

SimulatorReply EntraSimulator::grantDeviceCode(const QUrlQuery &form)
{
    const auto found = m_deviceCodes.find(valueOf(form, "device_code"));
    if (found == m_deviceCodes.end() || found->finished)
        return error(400, QStringLiteral("bad_verification_code"), 70018,
                     QStringLiteral("Invalid verification code entered."));
    DeviceCode &device = *found;
    const qint64 now = m_clock.elapsed();
    if (now >= device.expiresAtMs) {
        device.finished = true;
        return error(400, QStringLiteral("expired_token"), 70019,
                     QStringLiteral("Verification code expired."));
    }
    const DevicePoll poll = m_devicePolls.isEmpty()
        ? DevicePoll::Approve
        : m_devicePolls.at(qMin(device.polls, int(m_devicePolls.size()) - 1));
    ++device.polls;
    device.lastPollMs = now;
    switch (poll) {
    case DevicePoll::Pending:
        return error(400, QStringLiteral("authorization_pending"), 70016,
                     QStringLiteral("OAuth 2.0 device flow error. Authorization is pending. "
                                    "Continue polling."));
    case DevicePoll::SlowDown:
        return error(400, QStringLiteral("slow_down"), 70016,
                     QStringLiteral("OAuth 2.0 device flow error. Polling too fast; slow down."));
    case DevicePoll::Decline:
        device.finished = true;
        return error(400, QStringLiteral("authorization_declined"), 70000,
                     QStringLiteral("The user declined the sign-in."));
    case DevicePoll::Expire:
        device.finished = true;
        return error(400, QStringLiteral("expired_token"), 70019,
                     QStringLiteral("Verification code expired."));
    case DevicePoll::Approve:
        break;
    }
    device.finished = true;
    return tokens(valueOf(form, "scope").isEmpty()
                      ? QStringLiteral("https://graph.microsoft.com/PartnerBilling.Read.All "
                                       "offline_access openid profile")
                      : valueOf(form, "scope"),
                  false);
}

SimulatorReply EntraSimulator::grantRefreshToken(const QUrlQuery &form)
{
    const QString presented = valueOf(form, "refresh_token");
    if (m_refreshRefusal == 700082)
        return error(400, QStringLiteral("invalid_grant"), 700082,
                     QStringLiteral("The refresh token has expired due to inactivity. The token "
                                    "was issued on 2026-08-01 and was inactive for 90.00:00:00."));
    if (m_refreshRefusal == 50076)
        return error(400, QStringLiteral("interaction_required"), 50076,
                     QStringLiteral("Due to a configuration change made by your administrator, "
                                    "or because you moved to a new location, you must use "
                                    "multi-factor authentication to access the resource."));
    if (m_refreshRefusal != 0 || !m_refreshTokens.remove(presented))
        return error(400, QStringLiteral("invalid_grant"),
                     m_refreshRefusal ? m_refreshRefusal : 50173,
                     QStringLiteral("The provided grant has expired due to it being revoked, a "
                                    "fresh auth token is needed."));
    return tokens(valueOf(form, "scope"), false);
}

SimulatorReply EntraSimulator::grantClientCredentials(const QUrlQuery &form, const QUrl &tokenUrl)
{
    const QString secret = valueOf(form, "client_secret");
    const QString assertion = valueOf(form, "client_assertion");
    if (secret.isEmpty() && assertion.isEmpty())
        return error(401, QStringLiteral("invalid_client"), 7000218,
                     QStringLiteral("The request body must contain the following parameter: "
                                    "'client_assertion' or 'client_secret'."));
    if (!secret.isEmpty() && secret != m_clientSecret)
        return error(401, QStringLiteral("invalid_client"), 7000215,
                     QStringLiteral("Invalid client secret provided. Ensure the secret being "
                                    "sent in the request is the client secret value, not the "
                                    "client secret ID."));
    if (secret.isEmpty()) {
        if (valueOf(form, "client_assertion_type")
            != QLatin1String("urn:ietf:params:oauth:client-assertion-type:jwt-bearer"))
            return error(400, QStringLiteral("invalid_request"), 50027,
                         QStringLiteral("Invalid client_assertion_type."));
        const QString why = checkAssertion(assertion, tokenUrl);
        if (!why.isEmpty())
            return error(401, QStringLiteral("invalid_client"), 700027,
                         QStringLiteral("Client assertion failed signature validation or "
                                        "claims check: %1")
                             .arg(why));
    }
    if (valueOf(form, "scope") != QLatin1String("https://graph.microsoft.com/.default"))
        return error(400, QStringLiteral("invalid_scope"), 1002012,
                     QStringLiteral("The provided value for scope %1 is not valid. Client "
                                    "credential flows must have a scope value with /.default.")
                         .arg(valueOf(form, "scope")));
    return tokens(valueOf(form, "scope"), true);
}

QString EntraSimulator::checkAssertion(const QString &assertion, const QUrl &tokenUrl) const
{
    if (m_certificatePem.isEmpty())
        return QStringLiteral("no certificate is registered");
    const QList<QByteArray> parts = assertion.toLatin1().split('.');
    if (parts.size() != 3)
        return QStringLiteral("not a JWT");
    const QJsonObject header = QJsonDocument::fromJson(fromBase64Url(parts.at(0))).object();
    const QJsonObject claims = QJsonDocument::fromJson(fromBase64Url(parts.at(1))).object();
    const QList<QSslCertificate> certificates
        = QSslCertificate::fromData(m_certificatePem, QSsl::Pem);
    if (certificates.isEmpty())
        return QStringLiteral("the registered certificate is unreadable");
    const QByteArray thumbprint = base64Url(
        QCryptographicHash::hash(certificates.constFirst().toDer(), QCryptographicHash::Sha256));
    if (header.value(QLatin1String("alg")).toString() != QLatin1String("RS256"))
        return QStringLiteral("alg is not RS256");
    if (header.value(QLatin1String("x5t#S256")).toString().toLatin1() != thumbprint)
        return QStringLiteral("x5t#S256 names another certificate");
    if (!verifyRs256(m_certificatePem, parts.at(0) + '.' + parts.at(1), fromBase64Url(parts.at(2))))
        return QStringLiteral("the signature does not verify");
    if (claims.value(QLatin1String("aud")).toString() != tokenUrl.toString())
        return QStringLiteral("aud is not the token endpoint");
    if (claims.value(QLatin1String("iss")).toString() != QLatin1String(ClientId)
        || claims.value(QLatin1String("sub")).toString() != QLatin1String(ClientId))
        return QStringLiteral("iss and sub must be the client id");
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const qint64 nbf = qint64(claims.value(QLatin1String("nbf")).toDouble());
    const qint64 exp = qint64(claims.value(QLatin1String("exp")).toDouble());
    if (claims.value(QLatin1String("jti")).toString().isEmpty())
        return QStringLiteral("jti is missing");
    if (exp <= now || nbf > now + 60 || exp - nbf > 600)
        return QStringLiteral("nbf/exp are not a window of at most 10 minutes around now");
    return {};
}

SimulatorReply EntraSimulator::tokens(const QString &scope, bool appOnly)
{
    const QString accessToken = randomText("sim-at-", 4);
    m_accessTokens.insert(accessToken, m_clock.elapsed() + qint64(m_accessTokenLifetime) * 1000);
    QJsonObject answer {{QStringLiteral("token_type"), QStringLiteral("Bearer")},
                        {QStringLiteral("scope"), scope},
                        {QStringLiteral("expires_in"), m_accessTokenLifetime},
                        {QStringLiteral("ext_expires_in"), m_accessTokenLifetime},
                        {QStringLiteral("access_token"), accessToken}};
    const QStringList scopes = scope.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (!appOnly && scopes.contains(QLatin1String("offline_access")))
        answer.insert(QStringLiteral("refresh_token"), issueRefreshToken());
    if (!appOnly && scopes.contains(QLatin1String("openid"))) {
        const QJsonObject claims {{QStringLiteral("aud"), QLatin1String(ClientId)},
                                  {QStringLiteral("tid"), QLatin1String(TenantId)},
                                  {QStringLiteral("preferred_username"), QLatin1String(UserName)},
                                  {QStringLiteral("name"), QStringLiteral("Partner Analyst")}};
        const QByteArray header = R"({"alg":"none","typ":"JWT"})";
        answer.insert(QStringLiteral("id_token"),
                      QString::fromLatin1(
                          base64Url(header) + '.'
                          + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact)) + '.'));
    }
    return jsonReply(200, answer);
}

SimulatorReply EntraSimulator::error(int status, const QString &error, int code,
                                     const QString &description) const
{
    const QString trace = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString correlation = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString timestamp
        = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss'Z'"));
    return jsonReply(
        status,
        {{QStringLiteral("error"), error},
         {QStringLiteral("error_description"),
          QStringLiteral("AADSTS%1: %2\r\nTrace ID: %3\r\nCorrelation ID: %4\r\nTimestamp: %5")
              .arg(code)
              .arg(description, trace, correlation, timestamp)},
         {QStringLiteral("error_codes"), QJsonArray {code}},
         {QStringLiteral("timestamp"), timestamp},
         {QStringLiteral("trace_id"), trace},
         {QStringLiteral("correlation_id"), correlation},
         {QStringLiteral("error_uri"),
          QStringLiteral("https://login.microsoftonline.com/error?code=%1").arg(code)}});
}
