#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

#include <memory>

namespace Translations {

namespace {

QString languageCode(const QLocale &locale)
{
    return locale.name().section(u'_', 0, 0);
}

bool speaks(const QString &code)
{
    for (const Language &language : languages()) {
        if (language.code == code)
            return true;
    }
    return false;
}

// Loaded once per process; install() swaps what they hold.
std::unique_ptr<QTranslator> &qtTranslator()
{
    static std::unique_ptr<QTranslator> translator;
    return translator;
}

std::unique_ptr<QTranslator> &appTranslator()
{
    static std::unique_ptr<QTranslator> translator;
    return translator;
}

void replace(std::unique_ptr<QTranslator> &slot, const QLocale &locale, const QString &name,
             const QString &directory)
{
    if (slot)
        QCoreApplication::removeTranslator(slot.get());
    slot = std::make_unique<QTranslator>();
    if (slot->load(locale, name, QStringLiteral("_"), directory))
        QCoreApplication::installTranslator(slot.get());
    else
        slot.reset();
}

} // namespace

QList<Language> languages()
{
    return {{QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("cs"), QStringLiteral("Čeština")}};
}

QLocale localeFor(const QString &setting)
{
    if (speaks(setting))
        return setting == u"en" ? QLocale(QLocale::English, QLocale::UnitedStates)
                                : QLocale(setting);
    const QStringList preferred = QLocale::system().uiLanguages();
    for (const QString &name : preferred) {
        const QLocale locale(name);
        if (speaks(languageCode(locale)))
            return languageCode(locale) == languageCode(QLocale::system()) ? QLocale::system()
                                                                           : locale;
    }
    return QLocale(QLocale::English, QLocale::UnitedStates);
}

void install(const QLocale &locale)
{
    QLocale::setDefault(locale);
    replace(qtTranslator(), locale, QStringLiteral("qtbase"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    replace(appTranslator(), locale, QStringLiteral("billingmonitor"), QStringLiteral(":/i18n"));
}

} // namespace Translations
