#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

// Why a sign-in or a token renewal did not succeed, with everything a tenant's admin needs
// to look it up: the OAuth error, the AADSTS codes, trace and correlation ids and the time.
struct SignInError
{
    enum class Kind {
        None,
        Refused, // Entra ID answered with an OAuth error (invalid_grant, AADSTS...)
        Network, // no answer: connection refused, TLS, timeout
        BadReply, // an answer that is not what the protocol says
        Configuration, // bad tenant, client id, authority, certificate: nothing was sent
        Cancelled, // the user stopped it
        TimedOut, // the user did not finish in time (device code or browser)
        NoSecret, // the refresh token or secret is not in the keychain (any more)
    };

    Kind kind = Kind::None;
    QString error; // "invalid_grant", "authorization_declined"...
    QString description; // error_description, as sent
    QList<int> codes; // error_codes: the AADSTS numbers
    QString traceId;
    QString correlationId;
    QString timestamp; // as sent by Entra ID
    int httpStatus = 0;
    QDateTime occurredAt; // UTC, our clock

    bool isNull() const { return kind == Kind::None; }
    // Only a new interactive sign-in helps: the refresh token expired, was revoked, or a
    // policy (MFA, sign-in frequency) asks for the user.
    bool needsInteraction() const;
    // The first AADSTS code, 0 when none.
    int code() const { return codes.isEmpty() ? 0 : codes.constFirst(); }

    // One or two sentences for the user: what happened and what to do.
    QString explanation() const;
    // Every fact, one per line, for "Copy details".
    QString details() const;

    // An error answer of the token or device-code endpoint. A body that is not an OAuth
    // error gives a BadReply naming the HTTP status.
    static SignInError fromReply(int httpStatus, const QByteArray &body);
    // An error the authorize endpoint sent back through the browser's redirect.
    static SignInError fromRedirect(const QString &error, const QString &description);
    static SignInError make(Kind kind, const QString &description);
};
