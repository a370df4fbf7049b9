#pragma once

#include <QList>
#include <QLocale>
#include <QString>

// The languages the window speaks. English is the source language (its translation holds
// only plural forms); Czech is complete, and Qt's own Czech strings translate the standard
// dialogs. The command line never loads any of this: scripts parse its English.
namespace Translations {

struct Language
{
    QString code; // the settings value: "en", "cs"
    QString nativeName; // how the language names itself: "English", "Čeština"
};

QList<Language> languages();

// The locale for a language setting: an empty setting follows the system's preferred
// languages and falls back to English when none of them is one the app speaks.
QLocale localeFor(const QString &setting);

// Replaces the application's translators with Qt's and the app's for this locale, and makes
// it the default locale, so numbers read the way the language writes them. Call before
// creating widgets; widgets made earlier keep their words.
void install(const QLocale &locale);

} // namespace Translations
