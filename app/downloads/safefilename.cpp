#include "app/downloads/safefilename.h"

#include <QStringList>

namespace SafeFileName {

namespace {

// Names Windows keeps for devices, with or without an extension ("CON", "nul.txt").
bool isWindowsDeviceName(const QString &name)
{
    const QString stem = name.section(QLatin1Char('.'), 0, 0).trimmed().toUpper();
    static const QStringList plain
        = {QStringLiteral("CON"), QStringLiteral("PRN"),    QStringLiteral("AUX"),
           QStringLiteral("NUL"), QStringLiteral("CONIN$"), QStringLiteral("CONOUT$")};
    if (plain.contains(stem))
        return true;
    if (stem.size() == 4
        && (stem.startsWith(QLatin1String("COM")) || stem.startsWith(QLatin1String("LPT")))) {
        const QChar digit = stem.at(3);
        // Windows also maps the superscript digits ¹ ² ³ to ports.
        return (digit >= QLatin1Char('0') && digit <= QLatin1Char('9')) || digit == QChar(0x00B9)
            || digit == QChar(0x00B2) || digit == QChar(0x00B3);
    }
    return false;
}

} // namespace

QString problem(const QString &name)
{
    if (name.isEmpty())
        return QStringLiteral("the name is empty");
    if (name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\')))
        return QStringLiteral("the name contains a path separator");
    // ".." cannot climb without a separator, but a name holding it is refused anyway:
    // tools and shells downstream may join it into a path.
    if (name.contains(QLatin1String("..")) || name == QLatin1String("."))
        return QStringLiteral("the name contains \"..\" or is \".\"");
    for (const QChar c : name) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return QStringLiteral("the name contains a control character (U+%1)")
                .arg(c.unicode(), 4, 16, QLatin1Char('0'));
    }
    // Drive letters ("C:x") and alternate data streams ("x:stream") on Windows, and the
    // other characters Windows does not allow in a file name.
    static const QString forbidden = QStringLiteral("<>:\"|?*");
    for (const QChar c : name) {
        if (forbidden.contains(c))
            return QStringLiteral("the name contains \"%1\", which Windows does not allow").arg(c);
    }
    if (name.endsWith(QLatin1Char('.')) || name.endsWith(QLatin1Char(' ')))
        return QStringLiteral("the name ends with a dot or a space, which Windows drops");
    if (name.startsWith(QLatin1Char(' ')))
        return QStringLiteral("the name starts with a space");
    if (isWindowsDeviceName(name))
        return QStringLiteral("the name is reserved for a device on Windows");
    if (name.toUtf8().size() > MaxBytes)
        return QStringLiteral("the name is longer than %1 bytes").arg(MaxBytes);
    return {};
}

} // namespace SafeFileName
