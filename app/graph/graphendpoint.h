#pragma once

#include <QString>
#include <QUrl>

#include <optional>

// Where Graph is: a root URL (scheme, host, port only) and an API version. Everything the
// app requests from Graph is built here, and the token's only destination is its origin.
class GraphEndpoint
{
public:
    static constexpr const char *DefaultRoot = "https://graph.microsoft.com";
    static constexpr const char *DefaultVersion = "v1.0";

    GraphEndpoint(); // the defaults above

    // Which of the two pieces make() refused.
    enum class Part { Root, Version };

    // Validates the pieces: a secure-or-local root (isSecureOrLocal()); no path, query,
    // fragment or user info; version v1.0 or beta. On failure returns nullopt, sets *error to
    // a message for the analyst and *refused to the piece at fault.
    static std::optional<GraphEndpoint> make(const QString &root, const QString &version,
                                             QString *error, Part *refused = nullptr);

    QUrl root() const { return m_root; }
    QString version() const { return m_version; }

    // {root}/{version}/reports/partners/billing/<path>, where path is built from
    // validated pieces only.
    QUrl billingUrl(const QString &path) const;
    QUrl operationUrl(const QString &operationId) const;
    // Where an operation is checked: its Location when that is on this Graph origin, else
    // the URL built from its id. Only this origin gets the token, and only its answer may
    // speak for the operation, so a Location anywhere else (another host, 0.0.0.0, one with
    // a user name) is never requested; it stays with the operation for display.
    QUrl operationUrl(const QString &operationId, const QUrl &location) const;
    QUrl manifestUrl(const QString &manifestId) const;

    // Same scheme, host and port as the root, and no user info: the only origin that sees
    // the token.
    bool isGraphOrigin(const QUrl &url) const;

    // What an analyst types, made into what make() accepts where the intent is plain: a bare
    // host gains https:// (http:// for this computer), and a version path ("/v1.0/",
    // "/beta") moves to *version. Anything else comes back as typed, for make() to judge.
    static QString fixUpRoot(const QString &typed, QString *version);
    // Microsoft Graph's own hosts: the global service and the national clouds. The token goes
    // to whatever host is configured, so any other one deserves a warning.
    static bool isMicrosoftGraphHost(const QString &host);

    // Plain http is only ever allowed to these.
    static bool isLoopbackHost(const QString &host);
    // https, or plain http to this computer: the only links the app follows with anything
    // worth protecting (a token, a SAS, an operation's Location).
    static bool isSecureOrLocal(const QUrl &url);

private:
    QUrl m_root;
    QString m_version;
};
