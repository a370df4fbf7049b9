#include "app/downloads/safefilename.h"

#include <QHash>
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

QString inflatedName(const QString &blobName)
{
    QString name = blobName;
    if (name.endsWith(QLatin1String(".gz"), Qt::CaseInsensitive))
        name.chop(3);
    if (name.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        name.chop(5);
    else if (name.endsWith(QLatin1String(".jsonl"), Qt::CaseInsensitive))
        name.chop(6);
    return name + QLatin1String(".jsonl");
}

QString collisionProblem(const QStringList &blobNames)
{
    QHash<QString, QString> owner; // a file name made, folded -> the blob that makes it
    for (const QString &blob : blobNames) {
        const QStringList made {blob, blob + QLatin1String(".part"),
                                blob + QLatin1String(".corrupt"), inflatedName(blob)};
        for (const QString &file : made) {
            const QString folded = file.toCaseFolded();
            const auto found = owner.constFind(folded);
            if (found != owner.constEnd() && *found != blob)
                return QStringLiteral("The blobs \"%1\" and \"%2\" would both be saved as "
                                      "\"%3\"; nothing was downloaded.")
                    .arg(found->left(200), blob.left(200), file.left(200));
            owner.insert(folded, blob);
        }
    }
    return {};
}

} // namespace SafeFileName
