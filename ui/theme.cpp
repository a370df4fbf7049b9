#include "theme.h"

#include "darkpalette.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace Theme {

namespace {

struct Original
{
    QString styleName;
    QPalette palette;
};

// What the platform chose, captured before the first change, for System to go back to.
const Original &original()
{
    static const Original captured {QApplication::style()->name(), QApplication::palette()};
    return captured;
}

Choice &currentChoice()
{
    static Choice choice = Choice::System;
    return choice;
}

} // namespace

Choice fromSetting(const QString &setting)
{
    if (setting == u"light")
        return Choice::Light;
    if (setting == u"dark")
        return Choice::Dark;
    return Choice::System;
}

QString toSetting(Choice choice)
{
    switch (choice) {
    case Choice::Light:
        return QStringLiteral("light");
    case Choice::Dark:
        return QStringLiteral("dark");
    case Choice::System:
        break;
    }
    return QStringLiteral("system");
}

QString displayName(Choice choice)
{
    switch (choice) {
    case Choice::Light:
        return QApplication::translate("Theme", "&Light");
    case Choice::Dark:
        return QApplication::translate("Theme", "&Dark");
    case Choice::System:
        break;
    }
    return QApplication::translate("Theme", "&System");
}

void apply(Choice choice)
{
    const Original &before = original();
    if (choice == currentChoice() && choice == Choice::System)
        return;
    if (choice == Choice::System) {
        QApplication::setStyle(QStyleFactory::create(before.styleName));
        QApplication::setPalette(before.palette);
    } else {
        QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion"));
        const QPalette palette = choice == Choice::Dark ? darkPalette() : fusion->standardPalette();
        QApplication::setStyle(fusion);
        QApplication::setPalette(palette);
    }
    currentChoice() = choice;
}

Choice current()
{
    return currentChoice();
}

} // namespace Theme
