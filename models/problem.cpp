#include "problem.h"

#include <QCoreApplication>
#include <array>
#include <utility>

namespace {

// clang-format off
constexpr std::array<std::pair<Problem::Kind, const char *>, 10> Keys{{
    {Problem::Kind::None,         "none"},
    {Problem::Kind::Unauthorized, "unauthorized"},
    {Problem::Kind::Forbidden,    "forbidden"},
    {Problem::Kind::NotFound,     "notFound"},
    {Problem::Kind::Throttled,    "throttled"},
    {Problem::Kind::ServerError,  "serverError"},
    {Problem::Kind::Timeout,      "timeout"},
    {Problem::Kind::Network,      "network"},
    {Problem::Kind::BadReply,     "badReply"},
    {Problem::Kind::HttpError,    "httpError"},
}};
// clang-format on

// Used only when neither a code nor a message explains the problem.
QString fallbackText(Problem::Kind kind)
{
    switch (kind) {
    case Problem::Kind::None:
        break;
    case Problem::Kind::Unauthorized:
        return QCoreApplication::translate("Problem", "Not signed in or the sign-in expired");
    case Problem::Kind::Forbidden:
        return QCoreApplication::translate("Problem", "Access denied");
    case Problem::Kind::NotFound:
        return QCoreApplication::translate("Problem", "Operation not found");
    case Problem::Kind::Throttled:
        return QCoreApplication::translate("Problem", "Throttled by Graph");
    case Problem::Kind::ServerError:
        return QCoreApplication::translate("Problem", "Graph server error");
    case Problem::Kind::Timeout:
        return QCoreApplication::translate("Problem", "Timed out");
    case Problem::Kind::Network:
        return QCoreApplication::translate("Problem", "Network error");
    case Problem::Kind::BadReply:
        return QCoreApplication::translate("Problem", "Unreadable reply");
    case Problem::Kind::HttpError:
        return QCoreApplication::translate("Problem", "HTTP error");
    }
    return {};
}

} // namespace

bool Problem::isTransient() const
{
    switch (kind) {
    case Kind::Throttled:
    case Kind::ServerError:
    case Kind::Timeout:
    case Kind::Network:
        return true;
    case Kind::None:
    case Kind::Unauthorized:
    case Kind::Forbidden:
    case Kind::NotFound:
    case Kind::BadReply:
    case Kind::HttpError:
        break;
    }
    return false;
}

QString Problem::summary() const
{
    if (isNull())
        return {};
    QString explanation = code;
    if (!code.isEmpty() && !message.isEmpty())
        explanation += QLatin1String(": ");
    explanation += message;
    if (explanation.isEmpty() && httpStatus == 0)
        explanation = fallbackText(kind);
    if (httpStatus == 0)
        return explanation;
    const QString status = QStringLiteral("HTTP %1").arg(httpStatus);
    return explanation.isEmpty() ? status : status + QStringView(u" \u00b7 ") + explanation;
}

QString Problem::kindKey(Kind kind)
{
    for (const auto &[candidate, key] : Keys) {
        if (candidate == kind)
            return QLatin1String(key);
    }
    return QStringLiteral("none");
}

Problem::Kind Problem::kindFromKey(const QString &key)
{
    for (const auto &[kind, candidate] : Keys) {
        if (key == QLatin1String(candidate))
            return kind;
    }
    return Kind::None;
}
