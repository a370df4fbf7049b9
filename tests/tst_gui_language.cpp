#include "app/appsettings.h"
#include "app/session.h"
#include "models/operationstatus.h"
#include "ui/mainwindow.h"
#include "ui/statusbarwidgets.h"
#include "ui/translations.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

// The window speaks Czech when asked, Qt's own dialogs too, with Czech plurals and numbers;
// and back in English, plurals read right there as well.
class TestLanguage : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void followsTheSystemOrTheSetting();
    void menusAreCzech();
    void czechPluralsHaveThreeForms();
    void qtDialogsAndNumbersAreCzech();
    void englishPluralsReadRight();
    void acceleratorsAreUniqueInEveryMenu_data();
    void acceleratorsAreUniqueInEveryMenu();

private:
    std::unique_ptr<MainWindow> makeWindow();
    static QStringList menuTitles(const MainWindow &window);

    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<Session> m_session;
};

void TestLanguage::cleanup()
{
    m_session.reset();
    m_settings.reset();
    Translations::install(QLocale(QLocale::English, QLocale::UnitedStates));
}

std::unique_ptr<MainWindow> TestLanguage::makeWindow()
{
    m_settings = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("settings.ini")));
    m_session = std::make_unique<Session>(m_settings.get());
    return std::make_unique<MainWindow>(m_session.get());
}

QStringList TestLanguage::menuTitles(const MainWindow &window)
{
    QStringList titles;
    for (const QAction *action : window.menuBar()->actions())
        titles << action->text();
    return titles;
}

void TestLanguage::followsTheSystemOrTheSetting()
{
    QCOMPARE(Translations::localeFor(QStringLiteral("cs")).language(), QLocale::Czech);
    QCOMPARE(Translations::localeFor(QStringLiteral("en")).language(), QLocale::English);
    // The tests run with LANG unset or C: the system's language is not one the app
    // speaks, so it falls back to English.
    if (QLocale::system().language() != QLocale::Czech)
        QCOMPARE(Translations::localeFor(QString()).language(), QLocale::English);
}

void TestLanguage::menusAreCzech()
{
    Translations::install(Translations::localeFor(QStringLiteral("cs")));
    const auto window = makeWindow();
    QCOMPARE(menuTitles(*window),
             QStringList({QStringLiteral("&Soubor"), QStringLiteral("Úpr&avy"),
                          QStringLiteral("&Zobrazit"), QStringLiteral("Nápo&věda")}));
    const QMenu *file = window->menuBar()->actions().first()->menu();
    QCOMPARE(file->actions().first()->text(), QStringLiteral("&Nový export…"));
    QStringList items;
    for (const QAction *action : file->actions())
        items << action->text();
    QVERIFY2(items.contains(QStringLiteral("&Exportovat tabulku…")), qPrintable(items.join(u'|')));
}

void TestLanguage::czechPluralsHaveThreeForms()
{
    Translations::install(Translations::localeFor(QStringLiteral("cs")));
    QCOMPARE(StatusSummary::countText(OperationStatus::Running, 1),
             QStringLiteral("1 operace běží"));
    QCOMPARE(StatusSummary::countText(OperationStatus::Running, 3),
             QStringLiteral("3 operace běží"));
    QCOMPARE(StatusSummary::countText(OperationStatus::Running, 5),
             QStringLiteral("5 operací běží"));
    QCOMPARE(StatusSummary::countText(OperationStatus::Failed, 12000),
             QStringLiteral("12\u00a0000 operací selhalo"));
}

void TestLanguage::qtDialogsAndNumbersAreCzech()
{
    Translations::install(Translations::localeFor(QStringLiteral("cs")));
    QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Zrušit"));
    QCOMPARE(QLocale().toString(10000), QStringLiteral("10\u00a0000"));
}

void TestLanguage::englishPluralsReadRight()
{
    Translations::install(Translations::localeFor(QStringLiteral("en")));
    const auto window = makeWindow();
    QCOMPARE(menuTitles(*window),
             QStringList({QStringLiteral("&File"), QStringLiteral("&Edit"), QStringLiteral("&View"),
                          QStringLiteral("&Help")}));
    QCOMPARE(QCoreApplication::translate("MainWindow", "Copied %Ln id(s).", nullptr, 1),
             QStringLiteral("Copied 1 id."));
    QCOMPARE(QCoreApplication::translate("MainWindow", "Copied %Ln id(s).", nullptr, 1200),
             QStringLiteral("Copied 1,200 ids."));
}

void TestLanguage::acceleratorsAreUniqueInEveryMenu_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QStringLiteral("en");
    QTest::newRow("Czech") << QStringLiteral("cs");
}

void TestLanguage::acceleratorsAreUniqueInEveryMenu()
{
    QFETCH(QString, language);
    Translations::install(Translations::localeFor(language));
    const auto window = makeWindow();
    const QRegularExpression accelerator(QStringLiteral("&([^&])"));
    QList<QList<QAction *>> menus {window->menuBar()->actions()};
    for (QAction *top : window->menuBar()->actions())
        menus << top->menu()->actions();
    QStringList clashes;
    for (const QList<QAction *> &menu : menus) {
        QMap<QString, QString> taken;
        for (const QAction *action : menu) {
            const QRegularExpressionMatch match = accelerator.match(action->text());
            if (!match.hasMatch())
                continue;
            const QString key = match.captured(1).toLower();
            if (taken.contains(key))
                clashes << taken.value(key) + QStringLiteral(" / ") + action->text();
            taken.insert(key, action->text());
        }
    }
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u'\n')));
}

QTEST_MAIN(TestLanguage)
#include "tst_gui_language.moc"
