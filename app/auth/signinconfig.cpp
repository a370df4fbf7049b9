#include "app/auth/signinconfig.h"

#include "app/graph/graphendpoint.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace {

bool isGuid(const QString &text)
{
    static const QRegularExpression guid(QStringLiteral(
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return guid.match(text).hasMatch();
}

bool isDomain(const QString &text)
{
    static const QRegularExpression domain(
        QStringLiteral("^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+"
                       "[a-zA-Z]{2,63}$"));
    return domain.match(text).hasMatch();
}

QString tenantProblem(const QString &tenant)
{
    if (isGuid(tenant) || isDomain(tenant))
        return {};
    return QCoreApplication::translate("SignInConfig",
                                       "\"%1\" is not a tenant id (a GUID) or a domain such as "
                                       "contoso.onmicrosoft.com.")
        .arg(tenant);
}

QString clientIdProblem(const QString &clientId)
{
    if (isGuid(clientId))
        return {};
    return QCoreApplication::translate("SignInConfig",
                                       "\"%1\" is not a client id; the Application (client) ID is "
                                       "a GUID such as 1b5e7a4c-2d3f-4a5b-8c9d-0e1f2a3b4c5d.")
        .arg(clientId);
}

} // namespace

std::optional<QUrl> SignInConfig::makeAuthority(const QString &authority, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const QString authorityText
        = authority.trimmed().isEmpty() ? QLatin1String(DefaultAuthority) : authority.trimmed();
    const QUrl url(authorityText, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty()
        || (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        return fail(QCoreApplication::translate(
                        "SignInConfig", "The authority \"%1\" is not a web address such as %2.")
                        .arg(authorityText, QLatin1String(DefaultAuthority)));
    if (scheme == QLatin1String("http") && !GraphEndpoint::isLoopbackHost(url.host()))
        return fail(
            QCoreApplication::translate("SignInConfig",
                                        "Plain http:// is only allowed to this computer; use "
                                        "https://%1.")
                .arg(url.host()));
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment()
        || (!url.path().isEmpty() && url.path() != QLatin1String("/")))
        return fail(QCoreApplication::translate(
                        "SignInConfig", "The authority is scheme and host only, such as %1.")
                        .arg(QLatin1String(DefaultAuthority)));
    if (const QString refusal = GraphEndpoint::nationalCloudRefusal(url.host()); !refusal.isEmpty())
        return fail(refusal);
    QUrl clean;
    clean.setScheme(scheme);
    clean.setHost(url.host().toLower());
    clean.setPort(url.port());
    return clean;
}

std::optional<SignInConfig> SignInConfig::make(const QString &authority, const QString &tenant,
                                               const QString &clientId, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const std::optional<QUrl> authorityUrl = makeAuthority(authority, error);
    if (!authorityUrl)
        return std::nullopt;

    const QString tenantText = tenant.trimmed();
    if (tenantText.isEmpty())
        return fail(
            QCoreApplication::translate("SignInConfig",
                                        "No tenant: give the partner tenant's id or domain (for "
                                        "example contoso.onmicrosoft.com)."));
    if (const QString problem = tenantProblem(tenantText); !problem.isEmpty())
        return fail(problem);
    const QString clientText = clientId.trimmed();
    if (clientText.isEmpty())
        return fail(QCoreApplication::translate(
            "SignInConfig",
            "No client id: give the Application (client) ID of your app "
            "registration."));
    if (const QString problem = clientIdProblem(clientText); !problem.isEmpty())
        return fail(problem);

    SignInConfig config;
    config.authority = *authorityUrl;
    config.tenant = tenantText.toLower();
    config.clientId = clientText.toLower();
    return config;
}

QUrl SignInConfig::endpoint(const QString &name) const
{
    QUrl url = authority;
    url.setPath(QStringLiteral("/%1/oauth2/v2.0/%2").arg(tenant, name));
    return url;
}

QString SignInConfig::enteredProblem(const QString &authority, const QString &tenant,
                                     const QString &clientId)
{
    QString error;
    if (!makeAuthority(authority, &error))
        return error;
    if (const QString tenantText = tenant.trimmed(); !tenantText.isEmpty())
        error = tenantProblem(tenantText);
    if (const QString clientText = clientId.trimmed(); error.isEmpty() && !clientText.isEmpty())
        error = clientIdProblem(clientText);
    return error;
}
