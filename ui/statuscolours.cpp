#include "statuscolours.h"

#include "models/statusstyle.h"

#include <cmath>

namespace StatusColours {

namespace {

double channelLuminance(double channel)
{
    return channel <= 0.03928 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &colour)
{
    return 0.2126 * channelLuminance(colour.redF()) + 0.7152 * channelLuminance(colour.greenF())
        + 0.0722 * channelLuminance(colour.blueF());
}

// Moves colour toward target in small steps until it reaches minimum contrast on ground.
QColor withContrast(const QColor &colour, const QColor &ground, const QColor &target,
                    double minimum)
{
    for (double amount = 0; amount <= 1.0; amount += 0.05) {
        const QColor candidate = mix(colour, target, amount);
        if (contrastRatio(candidate, ground) >= minimum)
            return candidate;
    }
    return target;
}

QColor hueOnPalette(unsigned int rgb, const QPalette &palette)
{
    const QColor base = QColor::fromRgb(rgb);
    // On a dark base the saturated mid-tone hues are too dark to read; lift them first.
    return isDark(palette) ? mix(base, QColor(Qt::white), 0.25) : base;
}

} // namespace

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor mix(const QColor &a, const QColor &b, double amount)
{
    const double keep = 1.0 - amount;
    return QColor::fromRgbF(float(a.redF() * keep + b.redF() * amount),
                            float(a.greenF() * keep + b.greenF() * amount),
                            float(a.blueF() * keep + b.blueF() * amount));
}

QColor hue(OperationStatus status)
{
    return QColor::fromRgb(statusStyle(status).rgb);
}

QColor background(OperationStatus status, const QPalette &palette)
{
    // Dark bases need a stronger tint to be seen at all.
    const double tint = isDark(palette) ? 0.22 : 0.12;
    return mix(palette.color(QPalette::Base), hue(status), tint);
}

QColor foreground(OperationStatus status, const QPalette &palette)
{
    const QColor ground = background(status, palette);
    const QColor text = palette.color(QPalette::Text);
    return withContrast(mix(hueOnPalette(statusStyle(status).rgb, palette), text, 0.25), ground,
                        text, 4.5);
}

QColor iconColour(OperationStatus status, const QPalette &palette)
{
    return iconColour(statusStyle(status).rgb, palette);
}

QColor problemColour(const QPalette &palette)
{
    return iconColour(ProblemRgb, palette);
}

QColor iconColour(unsigned int rgb, const QPalette &palette)
{
    return withContrast(hueOnPalette(rgb, palette), palette.color(QPalette::Base),
                        palette.color(QPalette::Text), 3.0);
}

QColor textColour(unsigned int rgb, const QPalette &palette)
{
    const QColor text = palette.color(QPalette::Text);
    return withContrast(mix(hueOnPalette(rgb, palette), text, 0.25), palette.color(QPalette::Base),
                        text, 4.5);
}

QPalette onSelection(const QPalette &palette)
{
    QPalette selected = palette;
    selected.setColor(QPalette::Base, palette.color(QPalette::Highlight));
    selected.setColor(QPalette::Text, palette.color(QPalette::HighlightedText));
    return selected;
}

} // namespace StatusColours
