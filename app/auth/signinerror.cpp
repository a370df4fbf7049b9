#include "app/auth/signinerror.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace {

struct CodeAdvice
{
    int code;
    const char *text;
};

// The AADSTS codes a partner analyst or their admin meets most, in words.
constexpr CodeAdvice Advice[] = {
    {7000218,
     QT_TRANSLATE_NOOP("SignInError",
                       "The app registration does not allow public client flows. In "
                       "the Entra admin center, open the registration, Authentication, "
                       "and set \"Allow public client flows\" to Yes.")},
    {65001,
     QT_TRANSLATE_NOOP("SignInError",
                       "Consent is missing: an administrator must grant admin consent for "
                       "PartnerBilling.Read.All to the app registration.")},
    {90094,
     QT_TRANSLATE_NOOP("SignInError",
                       "An administrator must grant admin consent for "
                       "PartnerBilling.Read.All to the app registration.")},
    {700016,
     QT_TRANSLATE_NOOP("SignInError",
                       "The application was not found in the tenant: check the client "
                       "id and the tenant, and that the app is registered (or consented) "
                       "in the partner tenant.")},
    {90002,
     QT_TRANSLATE_NOOP("SignInError",
                       "The tenant was not found: check the tenant id or domain. Partner "
                       "billing is available in the global cloud only.")},
    {50020,
     QT_TRANSLATE_NOOP("SignInError",
                       "This account does not exist in the tenant: sign in with an "
                       "account of the partner tenant.")},
    {7000215,
     QT_TRANSLATE_NOOP("SignInError",
                       "The client secret is wrong: use the secret's value (not its id) "
                       "or create a new secret.")},
    {7000222,
     QT_TRANSLATE_NOOP("SignInError",
                       "The client secret has expired: create a new one in the app "
                       "registration.")},
    {700027,
     QT_TRANSLATE_NOOP("SignInError",
                       "The certificate assertion was refused: upload this certificate "
                       "to the app registration, or check that it has not expired.")},
    {700082,
     QT_TRANSLATE_NOOP("SignInError",
                       "The sign-in expired after a period of inactivity. Sign in again.")},
    {50173,
     QT_TRANSLATE_NOOP("SignInError",
                       "The sign-in was revoked (for example after a password change). "
                       "Sign in again.")},
    {70043,
     QT_TRANSLATE_NOOP("SignInError",
                       "A Conditional Access policy limits how long a sign-in lasts. "
                       "Sign in again.")},
    {50076,
     QT_TRANSLATE_NOOP("SignInError",
                       "Multi-factor authentication is required. Sign in again in the "
                       "browser to complete it.")},
    {50078,
     QT_TRANSLATE_NOOP("SignInError",
                       "The multi-factor authentication has expired. Sign in again.")},
    {50011,
     QT_TRANSLATE_NOOP("SignInError",
                       "The redirect address is not registered: add the Mobile and "
                       "desktop platform with redirect URI http://localhost to the app "
                       "registration.")},
    {65002,
     QT_TRANSLATE_NOOP("SignInError",
                       "This client id belongs to a Microsoft application; register your "
                       "own application and use its client id.")},
    {53003,
     QT_TRANSLATE_NOOP("SignInError",
                       "A Conditional Access policy blocked the sign-in; ask the tenant's "
                       "administrator.")},
    {70016, QT_TRANSLATE_NOOP("SignInError", "The sign-in has not been completed yet.")},
    {70019,
     QT_TRANSLATE_NOOP("SignInError",
                       "The code expired before the sign-in was completed. Start again.")},
};

struct ErrorAdvice
{
    const char *error;
    const char *text;
};

// The errors that end a device-code or browser sign-in: their words win over the server's.
constexpr ErrorAdvice FlowErrorWords[] = {
    {"authorization_declined",
     QT_TRANSLATE_NOOP("SignInError", "The sign-in was declined. Start again to retry.")},
    {"access_denied",
     QT_TRANSLATE_NOOP("SignInError", "The sign-in was declined. Start again to retry.")},
    {"expired_token",
     QT_TRANSLATE_NOOP("SignInError",
                       "The code expired before the sign-in was completed. Start again.")},
    {"bad_verification_code",
     QT_TRANSLATE_NOOP("SignInError", "Entra ID did not recognise the device code. Start again.")},
};

// Words for the rest, when the server sent no description of its own.
constexpr ErrorAdvice GenericErrorWords[] = {
    {"invalid_grant",
     QT_TRANSLATE_NOOP("SignInError", "The sign-in is no longer valid. Sign in again.")},
    {"interaction_required",
     QT_TRANSLATE_NOOP("SignInError", "Entra ID asks you to sign in again interactively.")},
    {"invalid_client",
     QT_TRANSLATE_NOOP("SignInError",
                       "Entra ID did not accept the application's credentials (secret or "
                       "certificate).")},
    {"unauthorized_client",
     QT_TRANSLATE_NOOP("SignInError", "The application may not use this way of signing in.")},
};

// The AADSTS number at the start of an error_description, when an answer has no error_codes.
QList<int> codesIn(const QString &description)
{
    static const QRegularExpression aadsts(QStringLiteral("AADSTS(\\d+)"));
    const QRegularExpressionMatch match = aadsts.match(description);
    return match.hasMatch() ? QList<int> {match.captured(1).toInt()} : QList<int> {};
}

QString translated(const char *text)
{
    return QCoreApplication::translate("SignInError", text);
}

} // namespace

bool SignInError::needsInteraction() const
{
    return kind == Kind::NoSecret
        || (kind == Kind::Refused
            && (error == QLatin1String("invalid_grant")
                || error == QLatin1String("interaction_required")
                || error == QLatin1String("consent_required")));
}

QString SignInError::explanation() const
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Network:
        return translated(QT_TRANSLATE_NOOP("SignInError", "Could not reach Entra ID: %1"))
            .arg(description);
    case Kind::BadReply:
    case Kind::Configuration:
        return description;
    case Kind::Cancelled:
        return translated(QT_TRANSLATE_NOOP("SignInError", "The sign-in was cancelled."));
    case Kind::TimedOut:
        return translated(QT_TRANSLATE_NOOP("SignInError",
                                            "The sign-in was not completed in time. Start "
                                            "again."));
    case Kind::NoSecret:
        return description.isEmpty() ? translated(QT_TRANSLATE_NOOP(
                   "SignInError", "The sign-in was not remembered. Sign in again."))
                                     : description;
    case Kind::Refused:
        break;
    }
    for (const int code : codes) {
        for (const CodeAdvice &advice : Advice) {
            if (advice.code == code)
                return QStringLiteral("AADSTS%1: %2").arg(code).arg(translated(advice.text));
        }
    }
    for (const ErrorAdvice &advice : FlowErrorWords) {
        if (error == QLatin1String(advice.error))
            return translated(advice.text);
    }
    // error_description is meant for people; its first line is the readable part.
    const QString firstLine = description.section(QLatin1Char('\n'), 0, 0).trimmed();
    if (!firstLine.isEmpty())
        return firstLine;
    for (const ErrorAdvice &advice : GenericErrorWords) {
        if (error == QLatin1String(advice.error))
            return translated(advice.text);
    }
    return error;
}

QString SignInError::details() const
{
    QStringList lines;
    const auto add = [&lines](const char *label, const QString &value) {
        if (!value.isEmpty())
            lines << QLatin1String(label) + QStringLiteral(": ") + value;
    };
    add("Error", error);
    QStringList codeTexts;
    for (const int code : codes)
        codeTexts << QStringLiteral("AADSTS%1").arg(code);
    add("Codes", codeTexts.join(QStringLiteral(", ")));
    add("Description", description.section(QLatin1Char('\n'), 0, 0).trimmed());
    add("Trace ID", traceId);
    add("Correlation ID", correlationId);
    add("Timestamp", timestamp);
    if (httpStatus)
        add("HTTP status", QString::number(httpStatus));
    add("Time", occurredAt.toUTC().toString(Qt::ISODate));
    return lines.join(QLatin1Char('\n'));
}

SignInError SignInError::fromRedirect(const QString &error, const QString &description)
{
    SignInError result = make(Kind::Refused, description);
    result.error = error;
    result.codes = codesIn(description);
    return result;
}

SignInError SignInError::make(Kind kind, const QString &description)
{
    SignInError error;
    error.kind = kind;
    error.description = description;
    error.occurredAt = QDateTime::currentDateTimeUtc();
    return error;
}

SignInError SignInError::fromReply(int httpStatus, const QByteArray &body)
{
    SignInError result;
    result.httpStatus = httpStatus;
    result.occurredAt = QDateTime::currentDateTimeUtc();
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    result.error = json.value(QLatin1String("error")).toString();
    if (result.error.isEmpty()) {
        result.kind = Kind::BadReply;
        result.description = QCoreApplication::translate(
                                 "SignInError", "Entra ID answered HTTP %1 without an OAuth error.")
                                 .arg(httpStatus);
        return result;
    }
    result.kind = Kind::Refused;
    result.description = json.value(QLatin1String("error_description")).toString();
    for (const QJsonValue code : json.value(QLatin1String("error_codes")).toArray()) {
        if (code.isDouble())
            result.codes << code.toInt();
    }
    if (result.codes.isEmpty())
        result.codes = codesIn(result.description);
    result.traceId = json.value(QLatin1String("trace_id")).toString();
    result.correlationId = json.value(QLatin1String("correlation_id")).toString();
    result.timestamp = json.value(QLatin1String("timestamp")).toString();
    return result;
}
