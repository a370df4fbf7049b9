#pragma once

#include <QString>

#include <string_view>

// A money amount or quantity held as an integer count of billionths, so that adding up a
// million rows gives exactly what a calculator would: 0.1 + 0.2 is 0.3, to the cent and
// beyond. Billing amounts carry at most a few decimals; anything past the ninth is rounded.
class Decimal
{
public:
    static constexpr int Places = 9;

    Decimal() = default;

    // Parses a JSON number or numeric string ("12.5", "-0.004", "1.2E3", " 7 "). Returns
    // false for anything else, including an empty text and values beyond 10^20.
    static bool parse(std::string_view text, Decimal *out);
    static Decimal fromUnits(__int128 units)
    {
        Decimal d;
        d.m_units = units;
        return d;
    }

    Decimal &operator+=(const Decimal &other)
    {
        m_units += other.m_units;
        return *this;
    }
    friend Decimal operator+(Decimal a, const Decimal &b) { return a += b; }
    friend bool operator==(const Decimal &a, const Decimal &b) { return a.m_units == b.m_units; }
    friend bool operator!=(const Decimal &a, const Decimal &b) { return a.m_units != b.m_units; }
    friend bool operator<(const Decimal &a, const Decimal &b) { return a.m_units < b.m_units; }

    bool isZero() const { return m_units == 0; }
    __int128 units() const { return m_units; }

    // Rounded half away from zero to `places` decimals (0..9), always with that many
    // digits after a '.': "1234.50". Never localised: this is the text files and JSON get.
    QString toString(int places = 2) const;
    // The shortest exact text: "1234.5", "0.001", "-3".
    QString toExactString() const;
    double toDouble() const;

private:
    __int128 m_units = 0;
};
