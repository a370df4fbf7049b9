#pragma once

#include <QByteArray>
#include <QString>

// The XML error body Azure Storage sends with a failed request:
// <Error><Code>AuthenticationFailed</Code><Message>…</Message>
// <AuthenticationErrorDetail>Signature not valid in the specified time frame: …</…></Error>
struct AzureStorageError
{
    QString code;
    QString message;
    QString authenticationErrorDetail;

    bool isNull() const { return code.isEmpty() && message.isEmpty(); }
    // The SAS was refused; the download link needs replacing (a fresh manifest).
    bool isAuthenticationFailure() const;
    // Storage says so in the detail; a plain AuthenticationFailed may also be an expired
    // SAS when the manifest's `se` has passed, which the caller knows and we do not.
    bool saysSignatureOutOfTimeFrame() const;
    // "AuthenticationFailed: Server failed to authenticate the request." (first line only)
    QString summary() const;

    // Reads the body; a null error when it is not Storage's XML (HTML, JSON, garbage).
    static AzureStorageError parse(const QByteArray &body);
};
