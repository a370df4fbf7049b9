#include "app/downloads/azurestorageerror.h"

#include <QXmlStreamReader>

bool AzureStorageError::isAuthenticationFailure() const
{
    return code == QLatin1String("AuthenticationFailed");
}

bool AzureStorageError::saysSignatureOutOfTimeFrame() const
{
    return authenticationErrorDetail.contains(QLatin1String("time frame"), Qt::CaseInsensitive)
        || authenticationErrorDetail.contains(QLatin1String("expired"), Qt::CaseInsensitive);
}

QString AzureStorageError::summary() const
{
    // Storage appends "RequestId:…\nTime:…" lines to the message; they belong in logs.
    const QString firstLine = message.section(QLatin1Char('\n'), 0, 0).trimmed();
    if (code.isEmpty())
        return firstLine;
    if (firstLine.isEmpty())
        return code;
    return code + QLatin1String(": ") + firstLine;
}

AzureStorageError AzureStorageError::parse(const QByteArray &body)
{
    AzureStorageError error;
    QXmlStreamReader xml(body);
    if (!xml.readNextStartElement() || xml.name() != QLatin1String("Error"))
        return {};
    while (xml.readNextStartElement()) {
        const QStringView name = xml.name();
        if (name == QLatin1String("Code"))
            error.code = xml.readElementText().trimmed();
        else if (name == QLatin1String("Message"))
            error.message = xml.readElementText().trimmed();
        else if (name == QLatin1String("AuthenticationErrorDetail"))
            error.authenticationErrorDetail = xml.readElementText().trimmed();
        else
            xml.skipCurrentElement();
    }
    if (xml.hasError())
        return {};
    return error;
}
