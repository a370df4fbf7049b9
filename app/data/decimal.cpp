#include "app/data/decimal.h"

#include <cmath>
#include <cstdint>

namespace {

// 10^0 to 10^38, the most a signed 128-bit integer holds: looked up, since parsing an
// amount scales it by one of them and multiplying that out took longer than the parse.
struct PowersOf10
{
    __int128 value[39] = {};
};

constexpr PowersOf10 makePowersOf10()
{
    PowersOf10 powers;
    __int128 value = 1;
    for (int i = 0; i < 39; ++i) {
        powers.value[i] = value;
        if (i < 38)
            value *= 10;
    }
    return powers;
}

constexpr PowersOf10 Powers = makePowersOf10();

constexpr __int128 pow10(int exponent) // 0 <= exponent <= 38
{
    return Powers.value[exponent];
}

constexpr __int128 Scale = pow10(Decimal::Places);
// Beyond this the sum of millions of rows could overflow; no billing amount comes close.
constexpr __int128 Limit = pow10(20 + Decimal::Places);

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

QString digits(__int128 value) // value >= 0
{
    if (value == 0)
        return QStringLiteral("0");
    char buffer[48];
    int at = sizeof buffer;
    while (value > 0) {
        buffer[--at] = char('0' + int(value % 10));
        value /= 10;
    }
    return QString::fromLatin1(buffer + at, int(sizeof buffer) - at);
}

} // namespace

bool Decimal::parse(std::string_view text, Decimal *out)
{
    std::size_t at = 0;
    std::size_t end = text.size();
    while (at < end && isSpace(text[at]))
        ++at;
    while (end > at && isSpace(text[end - 1]))
        --end;
    if (at == end)
        return false;
    bool negative = false;
    if (text[at] == '-' || text[at] == '+') {
        negative = text[at] == '-';
        ++at;
    }
    // The common amount ("0.88", "-12.5", "1234"): at most 19 digits and a point, and at
    // most nine digits after it, added up in 64 bits. Anything else takes the general path.
    if (end - at <= 20) {
        std::uint64_t digits = 0;
        int count = 0;
        int after = -1; // digits after the point; -1 before it
        std::size_t i = at;
        for (; i < end; ++i) {
            const char c = text[i];
            if (c >= '0' && c <= '9') {
                digits = digits * 10 + std::uint64_t(c - '0');
                ++count;
                if (after >= 0)
                    ++after;
            } else if (c == '.' && after < 0) {
                after = 0;
            } else {
                break;
            }
        }
        if (i == end && count > 0 && count <= 19 && after <= Places) {
            const __int128 units = __int128(digits) * pow10(Places - (after < 0 ? 0 : after));
            out->m_units = negative ? -units : units;
            return true;
        }
    }
    // The significant digits as one integer, and where the decimal point sits in them.
    __int128 mantissa = 0;
    int fractionDigits = 0;
    int digitCount = 0;
    int droppedDigits = 0; // integer digits past what the mantissa holds (only for huge values)
    bool seenPoint = false;
    bool roundUp = false;
    bool droppedFraction = false;
    for (; at < end; ++at) {
        const char c = text[at];
        if (c == '.') {
            if (seenPoint)
                return false;
            seenPoint = true;
            continue;
        }
        if (c < '0' || c > '9')
            break;
        ++digitCount;
        if (seenPoint && fractionDigits >= Places + 4) {
            // Far below a billionth: only whether to round the last kept digit matters.
            if (!droppedFraction)
                roundUp = c >= '5';
            droppedFraction = true;
            continue;
        }
        if (mantissa > Limit) {
            if (!seenPoint)
                ++droppedDigits;
            continue;
        }
        mantissa = mantissa * 10 + (c - '0');
        if (seenPoint)
            ++fractionDigits;
    }
    if (digitCount == 0 || droppedDigits > 0)
        return false;
    int exponent = 0;
    if (at < end && (text[at] == 'e' || text[at] == 'E')) {
        ++at;
        bool negativeExponent = false;
        if (at < end && (text[at] == '-' || text[at] == '+')) {
            negativeExponent = text[at] == '-';
            ++at;
        }
        if (at == end)
            return false;
        for (; at < end && text[at] >= '0' && text[at] <= '9'; ++at) {
            exponent = exponent * 10 + (text[at] - '0');
            if (exponent > 60)
                return false;
        }
        if (negativeExponent)
            exponent = -exponent;
    }
    if (at != end)
        return false;
    // value = mantissa * 10^(exponent - fractionDigits); units = value * 10^Places.
    int shift = Places + exponent - fractionDigits;
    __int128 units = mantissa;
    if (shift >= 0) {
        if (shift > 29 && mantissa != 0)
            return false;
        units = mantissa == 0 ? 0 : units * pow10(shift);
    } else {
        if (shift < -30) {
            units = 0;
        } else {
            const __int128 divisor = pow10(-shift);
            const __int128 remainder = units % divisor;
            units /= divisor;
            roundUp = remainder * 2 >= divisor;
        }
        if (roundUp)
            ++units;
    }
    if (shift >= 0 && droppedFraction && roundUp)
        ++units;
    if (units > Limit)
        return false;
    out->m_units = negative ? -units : units;
    return true;
}

QString Decimal::toString(int places) const
{
    places = qBound(0, places, Places);
    const bool negative = m_units < 0;
    __int128 magnitude = negative ? -m_units : m_units;
    const __int128 step = pow10(Places - places);
    magnitude = (magnitude + step / 2) / step; // half away from zero
    const __int128 unit = pow10(places);
    QString text = digits(magnitude / unit);
    if (places > 0) {
        const QString fraction = digits(magnitude % unit);
        text += QLatin1Char('.') + QString(places - fraction.size(), QLatin1Char('0')) + fraction;
    }
    if (negative && magnitude != 0)
        text.prepend(QLatin1Char('-'));
    return text;
}

QString Decimal::toExactString() const
{
    QString text = toString(Places);
    while (text.endsWith(QLatin1Char('0')))
        text.chop(1);
    if (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return text == QLatin1String("-0") ? QStringLiteral("0") : text;
}

double Decimal::toDouble() const
{
    const __int128 whole = m_units / Scale;
    const __int128 fraction = m_units % Scale;
    return double(whole) + double(fraction) / double(Scale);
}
