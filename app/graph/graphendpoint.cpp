#include "app/graph/graphendpoint.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>

GraphEndpoint::GraphEndpoint()
    : m_root(QUrl(QLatin1String(DefaultRoot)))
    , m_version(QLatin1String(DefaultVersion))
{ }

QString GraphEndpoint::fixUpRoot(const QString &typed, QString *version)
{
    QString text = typed.trimmed();
    if (text.isEmpty())
        return text;
    // "graph.microsoft.com" and "graph.microsoft.com/v1.0": a host without a scheme.
    static const QRegularExpression scheme(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*://"));
    if (!scheme.match(text).hasMatch())
        text.prepend(isLoopbackHost(text.section(u'/', 0, 0).section(u':', 0, 0))
                         ? QStringLiteral("http://")
                         : QStringLiteral("https://"));
    // ".../v1.0/" or ".../beta": the version belongs in its own field.
    static const QRegularExpression versionPath(
        QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]*://[^/?#]+)/(v1\\.0|beta)/?$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = versionPath.match(text);
    if (match.hasMatch()) {
        if (version)
            *version = match.captured(2).toLower();
        return match.captured(1);
    }
    if (text.endsWith(u'/') && text.count(u'/') == 3)
        text.chop(1);
    return text;
}

bool GraphEndpoint::isMicrosoftGraphHost(const QString &host)
{
    static const QStringList hosts {QStringLiteral("graph.microsoft.com"),
                                    QStringLiteral("graph.microsoft.us"),
                                    QStringLiteral("dod-graph.microsoft.us"),
                                    QStringLiteral("microsoftgraph.chinacloudapi.cn")};
    return hosts.contains(host.toLower());
}

bool GraphEndpoint::isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool GraphEndpoint::isSecureOrLocal(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return scheme == QLatin1String("https")
        || (scheme == QLatin1String("http") && isLoopbackHost(url.host()));
}

std::optional<GraphEndpoint> GraphEndpoint::make(const QString &root, const QString &version,
                                                 QString *error, Part *refused)
{
    Part part = Part::Root;
    const auto fail = [error, refused, &part](const QString &message) {
        if (error)
            *error = message;
        if (refused)
            *refused = part;
        return std::nullopt;
    };

    const QString text = root.trimmed();
    if (text.isEmpty())
        return fail(QCoreApplication::translate("GraphEndpoint", "The Graph address is empty."));
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return fail(
            QCoreApplication::translate("GraphEndpoint", "\"%1\" is not a web address such as %2.")
                .arg(text, QLatin1String(DefaultRoot)));
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return fail(QCoreApplication::translate(
                        "GraphEndpoint", "The Graph address must start with https:// (not %1://).")
                        .arg(url.scheme()));
    if (!isSecureOrLocal(url))
        return fail(QCoreApplication::translate(
                        "GraphEndpoint",
                        "Plain http:// would send the token unencrypted; it is only "
                        "allowed to this computer (localhost, 127.0.0.1, ::1). Use "
                        "https://%1.")
                        .arg(url.host()));
    if (!url.userInfo().isEmpty())
        return fail(QCoreApplication::translate(
            "GraphEndpoint", "The Graph address must not contain a user name or password."));
    if (!url.path().isEmpty() && url.path() != QLatin1String("/"))
        return fail(
            QCoreApplication::translate("GraphEndpoint",
                                        "The Graph address is scheme, host and port only (%1); put "
                                        "the API version in its own field, not \"%2\".")
                .arg(QLatin1String(DefaultRoot), url.path()));
    if (url.hasQuery() || url.hasFragment())
        return fail(QCoreApplication::translate("GraphEndpoint",
                                                "The Graph address must not contain '?' or '#'."));

    part = Part::Version;
    const QString trimmedVersion = version.trimmed();
    if (trimmedVersion != QLatin1String("v1.0") && trimmedVersion != QLatin1String("beta"))
        return fail(QCoreApplication::translate("GraphEndpoint",
                                                "The API version must be v1.0 or beta, not \"%1\".")
                        .arg(trimmedVersion));

    GraphEndpoint endpoint;
    QUrl clean;
    clean.setScheme(scheme);
    clean.setHost(url.host());
    clean.setPort(url.port());
    endpoint.m_root = clean;
    endpoint.m_version = trimmedVersion;
    return endpoint;
}

QUrl GraphEndpoint::billingUrl(const QString &path) const
{
    QUrl url = m_root;
    // Tolerant mode keeps the percent escapes of the pieces instead of escaping them again.
    url.setPath(QLatin1Char('/') + m_version + QLatin1String("/reports/partners/billing/") + path,
                QUrl::TolerantMode);
    return url;
}

QUrl GraphEndpoint::operationUrl(const QString &operationId) const
{
    return billingUrl(QLatin1String("operations/")
                      + QString::fromLatin1(QUrl::toPercentEncoding(operationId)));
}

QUrl GraphEndpoint::operationUrl(const QString &operationId, const QUrl &location) const
{
    return isGraphOrigin(location) ? location : operationUrl(operationId);
}

QUrl GraphEndpoint::manifestUrl(const QString &manifestId) const
{
    return billingUrl(QLatin1String("manifests/")
                      + QString::fromLatin1(QUrl::toPercentEncoding(manifestId)));
}

bool GraphEndpoint::isGraphOrigin(const QUrl &url) const
{
    const auto defaultPort = [](const QUrl &u) {
        return u.port(u.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0 ? 443
                                                                                           : 80);
    };
    return url.isValid() && url.userInfo().isEmpty()
        && url.scheme().compare(m_root.scheme(), Qt::CaseInsensitive) == 0
        && url.host().compare(m_root.host(), Qt::CaseInsensitive) == 0
        && defaultPort(url) == defaultPort(m_root);
}
