#include "guiapplication.h"

#include "app/appsettings.h"
#include "app/auth/memorysecretstore.h"
#include "app/auth/signinaccount.h"
#include "app/downloads/downloadmanager.h"
#include "app/downloads/manifestloader.h"
#include "app/session.h"
#include "app/simulator/graphsimulator.h"
#include "app/singleinstance.h"
#include "app/store/operationstore.h"
#include "dataview.h"
#include "demomode.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "statusicons.h"
#include "theme.h"
#include "translations.h"
#include "uiresources.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QPointer>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace GuiApplication {

namespace {

struct Options
{
    bool demo = false;
    QString scenario;
    QString screenshot;
    int screenshotDelaySeconds = 5;
    bool dark = false;
    int fleet = 0;
    QString select;
    QString downloadTo;
    QString dataFolder;
    int dataTab = 0;
    QStringList initialText;
};

Options parse(QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "GuiApplication", "Tracks Microsoft Graph partner-billing export operations."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QApplication::translate("GuiApplication",
                                "Run on the built-in Graph simulator with sample operations."));
    const QCommandLineOption scenario(
        QStringLiteral("scenario"),
        QApplication::translate("GuiApplication",
                                "With --demo: load this simulator scenario instead."),
        QStringLiteral("file"));
    const QCommandLineOption fleet(
        QStringLiteral("fleet"),
        QApplication::translate("GuiApplication",
                                "With --demo: add this many operations with random timelines."),
        QStringLiteral("count"));
    const QCommandLineOption data(
        QStringLiteral("data"),
        QApplication::translate("GuiApplication",
                                "Open the Data view on this folder of export files."),
        QStringLiteral("folder"));
    QCommandLineOption screenshot(QStringLiteral("screenshot"), QString(), QStringLiteral("file"));
    QCommandLineOption dataTab(QStringLiteral("data-tab"), QString(), QStringLiteral("index"));
    QCommandLineOption delay(QStringLiteral("screenshot-delay"), QString(),
                             QStringLiteral("seconds"), QStringLiteral("5"));
    QCommandLineOption dark(QStringLiteral("dark"), QString());
    QCommandLineOption select(QStringLiteral("select"), QString(), QStringLiteral("id"));
    // With --select: downloads that operation's files once its manifest is in, so a
    // screenshot shows downloads under way.
    QCommandLineOption downloadTo(QStringLiteral("download-to"), QString(),
                                  QStringLiteral("folder"));
    for (QCommandLineOption *hidden : {&screenshot, &delay, &dark, &select, &downloadTo, &dataTab})
        hidden->setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions(
        {demo, scenario, fleet, data, screenshot, delay, dark, select, downloadTo, dataTab});
    parser.addPositionalArgument(
        QStringLiteral("ids"),
        QApplication::translate("GuiApplication", "Operation ids or URLs to track at once."),
        QStringLiteral("[ids...]"));
    parser.process(app);

    Options options;
    options.demo = parser.isSet(demo);
    options.scenario = parser.value(scenario);
    options.screenshot = parser.value(screenshot);
    options.screenshotDelaySeconds = std::max(0, parser.value(delay).toInt());
    options.dark = parser.isSet(dark);
    options.fleet = std::clamp(parser.value(fleet).toInt(), 0, 1000000);
    options.select = parser.value(select);
    options.downloadTo = parser.value(downloadTo);
    options.dataFolder = parser.value(data);
    options.dataTab = parser.value(dataTab).toInt();
    options.initialText = parser.positionalArguments();
    return options;
}

void setNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("BillingMonitor"));
    QCoreApplication::setApplicationName(QStringLiteral("billing-monitor"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BILLING_MONITOR_VERSION));
}

} // namespace

bool answersWithoutDisplay(int argc, char *argv[])
{
    const QList<QByteArray> textOnly {"-h", "--help", "-?", "--help-all", "-v", "--version"};
    for (int i = 1; i < argc; ++i) {
        if (textOnly.contains(QByteArray(argv[i])))
            return true;
    }
    return false;
}

int answerWithoutDisplay(QCoreApplication &app)
{
    setNames();
    AppSettings settings;
    Translations::install(Translations::localeFor(settings.language()));
    parse(app); // prints the help or the version and exits
    return 0;
}

void describe(QApplication &app)
{
    initUiResources();
    setNames();
    QApplication::setApplicationDisplayName(QStringLiteral("Billing Monitor"));
    // Matches packaging/*.desktop, so Wayland compositors find the icon and name.
    QApplication::setDesktopFileName(QStringLiteral("io.github.billingmonitor.BillingMonitor"));
    app.setWindowIcon(StatusIcons::appIcon());
}

int run(QApplication &app)
{
    AppSettings settings;
    // Before anything says a word, --help included.
    Translations::install(Translations::localeFor(settings.language()));
    const Options options = parse(app);
    // --dark is for screenshots: it does not change the saved choice.
    Theme::apply(options.dark ? Theme::Choice::Dark : Theme::fromSetting(settings.theme()));

    // Started again while it runs: the running window takes the arguments. A demo (or a
    // screenshot) runs beside it, since it never touches the list.
    std::unique_ptr<SingleInstance> instance;
    if (!options.demo && options.screenshot.isEmpty()) {
        instance = std::make_unique<SingleInstance>(
            QFileInfo(OperationStore::defaultDatabasePath()).absolutePath());
        QString reply;
        if (instance->forward(options.initialText, &reply)) {
            std::printf("billing-monitor: %s\n",
                        qPrintable(reply.isEmpty() ? QApplication::translate(
                                       "GuiApplication", "Handed over to the running window.")
                                                   : reply));
            return 0;
        }
        if (!instance->listen())
            std::fprintf(stderr, "billing-monitor: %s\n", qPrintable(instance->errorString()));
    }

    // Demo mode's sign-in lives in memory and a throwaway file, never in the analyst's own.
    MemorySecretStore demoSecrets;
    std::unique_ptr<QTemporaryDir> demoFolder;
    std::unique_ptr<AccountSettings> demoAccounts;
    if (options.demo) {
        demoFolder = std::make_unique<QTemporaryDir>();
        demoAccounts = std::make_unique<AccountSettings>(
            demoFolder->filePath(QStringLiteral("account.ini")));
    }
    Session session(&settings, nullptr, options.demo ? &demoSecrets : nullptr, demoAccounts.get());
    const QString settingsProblem = session.applySettings();
    if (!options.demo)
        session.forgetTypedToken();

    DemoMode::Started demo;
    if (options.demo) {
        QString error;
        demo = DemoMode::start(&session,
                               options.scenario.isEmpty() ? DemoMode::defaultScenarioPath()
                                                          : options.scenario,
                               options.fleet, &error);
        if (!demo.simulator) {
            std::fprintf(stderr, "billing-monitor: %s\n", qPrintable(error));
            QMessageBox::critical(nullptr, QApplication::translate("GuiApplication", "Demo mode"),
                                  error);
            return 1;
        }
    }

    // Demo operations are not the analyst's: they are never saved over the real list.
    if (!demo.simulator)
        session.attachStore(OperationStore::defaultDatabasePath());

    MainWindow window(&session);
    if (demo.simulator)
        window.setDemoMode(demo.description);
    if (instance) {
        // Another start of the app: bring this window forward and track what it was given.
        instance->setHandler([&window](const QStringList &arguments) {
            window.showNormal();
            window.raise();
            window.activateWindow();
            if (arguments.isEmpty())
                return QApplication::translate("GuiApplication",
                                               "The running window was brought forward.");
            return window.addFromText(arguments.join(u'\n'));
        });
    }
    if (!demo.simulator && !session.hasToken()) {
        window.showNotice(
            QApplication::translate("GuiApplication", "Not signed in yet."),
            QApplication::translate(
                "GuiApplication",
                "Sign in to Microsoft with the account button on the toolbar (Settings, Ctrl+, "
                "keeps your app registration), or set %1 to a token obtained elsewhere. To look "
                "around first, start billing-monitor --demo.")
                .arg(QLatin1String(StaticTokenProvider::EnvironmentVariable)),
            MessageBanner::Kind::Information);
    }
    if (!settingsProblem.isEmpty())
        window.statusBar()->showMessage(settingsProblem);
    if (!options.initialText.isEmpty())
        window.addFromText(options.initialText.join(u'\n'));
    session.start();
    window.show();
    if (!options.select.isEmpty())
        window.selectOperation(options.select);
    if (!options.select.isEmpty() && !options.downloadTo.isEmpty()) {
        ManifestLoader *manifests = session.manifestLoader();
        QObject::connect(
            manifests, &ManifestLoader::stateChanged, &window,
            [&options, &session, manifests](const QString &id) {
                const ManifestState state = manifests->state(id);
                if (id != options.select || !state.hasManifest()
                    || !session.downloads()->jobs(id).isEmpty())
                    return;
                const QString folder = DownloadManager::operationFolder(options.downloadTo, id);
                QDir().mkpath(folder);
                session.downloads()->download(id, state.manifest, state.manifest.blobs, folder);
            });
    }
    const QPointer<DataView> data
        = options.dataFolder.isEmpty() ? nullptr : window.openDataView(options.dataFolder);

    if (!options.screenshot.isEmpty()) {
        QTimer::singleShot(options.screenshotDelaySeconds * 1000, &window, [&] {
            // With --data, the Data view (on the tab asked for) is what the picture shows.
            QWidget *shown = &window;
            if (data) {
                data->tabs()->setCurrentIndex(options.dataTab);
                shown = data;
            }
            const bool saved = shown->grab().save(options.screenshot);
            if (!saved)
                std::fprintf(stderr, "billing-monitor: cannot write %s\n",
                             qPrintable(options.screenshot));
            QApplication::exit(saved ? 0 : 1);
        });
    }
    return app.exec();
}

} // namespace GuiApplication
