#include "faultprofile.h"

#include <QHash>
#include <QStringList>

#include <cmath>

namespace {

enum class Field { Rate, Seconds, Milliseconds, Seed };

struct FieldInfo
{
    Field kind;
    double FaultProfile::*rate = nullptr;
};

const QHash<QString, FieldInfo> &fieldsByKey()
{
    static const QHash<QString, FieldInfo> fields = [] {
        QHash<QString, FieldInfo> f;
        const auto rate = [&f](std::initializer_list<const char *> keys, double FaultProfile::*m) {
            for (const char *key : keys)
                f.insert(QString::fromLatin1(key).toLower(), {Field::Rate, m});
        };
        rate({"429", "throttle"}, &FaultProfile::throttle);
        rate({"httpdate", "throttleHttpDate"}, &FaultProfile::throttleHttpDate);
        rate({"500", "serverError"}, &FaultProfile::serverError);
        rate({"503", "unavailable"}, &FaultProfile::unavailable);
        rate({"503bare", "unavailableBare"}, &FaultProfile::unavailableBare);
        rate({"504", "gatewayTimeout"}, &FaultProfile::gatewayTimeout);
        rate({"reset", "connectionReset"}, &FaultProfile::connectionReset);
        rate({"stall"}, &FaultProfile::stall);
        rate({"html", "htmlBody"}, &FaultProfile::htmlBody);
        rate({"truncate", "truncatedBody"}, &FaultProfile::truncatedBody);
        f.insert(QStringLiteral("retryafter"), {Field::Seconds});
        f.insert(QStringLiteral("retryafterseconds"), {Field::Seconds});
        f.insert(QStringLiteral("stallms"), {Field::Milliseconds});
        f.insert(QStringLiteral("seed"), {Field::Seed});
        return f;
    }();
    return fields;
}

} // namespace

bool FaultProfile::isEmpty() const
{
    return throttle <= 0 && serverError <= 0 && unavailable <= 0 && unavailableBare <= 0
        && gatewayTimeout <= 0 && connectionReset <= 0 && stall <= 0 && htmlBody <= 0
        && truncatedBody <= 0;
}

std::optional<FaultProfile> FaultProfile::fromString(const QString &text, QString *error)
{
    FaultProfile profile;
    const QStringList items = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &rawItem : items) {
        const QString item = rawItem.trimmed();
        const qsizetype equals = item.indexOf(QLatin1Char('='));
        const QString key = item.left(equals).trimmed();
        const auto field = fieldsByKey().constFind(key.toLower());
        if (equals < 0 || field == fieldsByKey().constEnd()) {
            *error = QStringLiteral("Unknown fault \"%1\"; expected key=value with a key among "
                                    "429, httpdate, 500, 503, 503bare, 504, reset, stall, html, "
                                    "truncate, retryAfter, stallMs, seed")
                         .arg(item);
            return std::nullopt;
        }
        const QString valueText = item.mid(equals + 1).trimmed();
        bool ok = false;
        const double value = valueText.toDouble(&ok);
        // Qt reads "nan" and "inf" as numbers; neither is a rate or a count.
        ok = ok && std::isfinite(value);
        switch (field->kind) {
        case Field::Rate:
            if (!ok || value < 0 || value > 1) {
                *error
                    = QStringLiteral("Fault rate \"%1\" must be a number from 0 to 1, not \"%2\"")
                          .arg(key, valueText);
                return std::nullopt;
            }
            profile.*(field->rate) = value;
            break;
        case Field::Seconds:
        case Field::Milliseconds:
        case Field::Seed:
            // Range first: converting a double outside qint64 to an integer is undefined.
            if (!ok || value < 0 || value > 4294967295.0 || value != std::floor(value)) {
                *error = QStringLiteral("Fault setting \"%1\" must be a whole number >= 0, not "
                                        "\"%2\"")
                             .arg(key, valueText);
                return std::nullopt;
            }
            if (field->kind == Field::Seconds)
                profile.retryAfterSeconds = int(qMin(value, 86400.0));
            else if (field->kind == Field::Milliseconds)
                profile.stallMs = int(qMin(value, 3600000.0));
            else
                profile.seed = quint32(value);
            break;
        }
    }
    return profile;
}

void FaultInjector::setProfile(const FaultProfile &profile)
{
    m_profile = profile;
    m_random.seed(profile.seed);
}

double FaultInjector::uniform()
{
    return std::uniform_real_distribution<double>(0.0, 1.0)(m_random);
}

FaultInjector::Fault FaultInjector::next()
{
    if (m_profile.isEmpty())
        return Fault::None;
    const double draw = uniform();
    double bound = 0;
    const auto hit = [&](double rate) {
        bound += rate;
        return rate > 0 && draw < bound;
    };
    if (hit(m_profile.throttle))
        return uniform() < m_profile.throttleHttpDate ? Fault::ThrottleHttpDate : Fault::Throttle;
    if (hit(m_profile.serverError))
        return Fault::ServerError;
    if (hit(m_profile.unavailable))
        return Fault::Unavailable;
    if (hit(m_profile.unavailableBare))
        return Fault::UnavailableBare;
    if (hit(m_profile.gatewayTimeout))
        return Fault::GatewayTimeout;
    if (hit(m_profile.connectionReset))
        return Fault::ConnectionReset;
    if (hit(m_profile.stall))
        return Fault::Stall;
    if (hit(m_profile.htmlBody))
        return Fault::HtmlBody;
    if (hit(m_profile.truncatedBody))
        return Fault::TruncatedBody;
    return Fault::None;
}
