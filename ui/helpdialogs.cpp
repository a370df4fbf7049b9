#include "helpdialogs.h"

#include "app/appsettings.h"
#include "app/auth/signinaccount.h"
#include "app/auth/tokenmanager.h"
#include "app/session.h"
#include "app/store/operationstore.h"
#include "models/operationstatus.h"
#include "models/operationtablemodel.h"
#include "models/statusstyle.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QHeaderView>
#include <QMessageBox>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStyle>
#include <QSysInfo>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <map>

namespace HelpDialogs {

namespace {

QString tr(const char *text)
{
    return QApplication::translate("HelpDialogs", text);
}

QDialog *makeDialog(QWidget *parent, const QString &title, QWidget *content, const QSize &size)
{
    auto *dialog = new QDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(content, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->resize(size);
    return dialog;
}

QString plainText(const QAction *action)
{
    QString text = action->text();
    text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    text.remove(QStringLiteral("…"));
    return text;
}

} // namespace

void showShortcuts(QWidget *parent, const QList<QAction *> &actions)
{
    QList<QPair<QString, QString>> rows;
    for (const QAction *action : actions) {
        const QList<QKeySequence> keys = action->shortcuts();
        if (keys.isEmpty())
            continue;
        QStringList names;
        for (const QKeySequence &key : keys)
            names << key.toString(QKeySequence::NativeText);
        rows.append({plainText(action), names.join(QStringLiteral(", "))});
    }
    rows.append({tr("Move between the filter, the table and the details"),
                 QKeySequence(Qt::Key_Tab).toString(QKeySequence::NativeText)});
    rows.append({tr("Open the menu of the selected rows"),
                 QKeySequence(Qt::SHIFT | Qt::Key_F10).toString(QKeySequence::NativeText)});

    auto *table = new QTableWidget(int(rows.size()), 2);
    table->setObjectName(QStringLiteral("shortcutsTable"));
    table->setAccessibleName(tr("Keyboard shortcuts"));
    table->setHorizontalHeaderLabels({tr("Action"), tr("Keys")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    for (int row = 0; row < rows.size(); ++row) {
        table->setItem(row, 0, new QTableWidgetItem(rows.at(row).first));
        table->setItem(row, 1, new QTableWidgetItem(rows.at(row).second));
    }
    QDialog *dialog = makeDialog(parent, tr("Keyboard Shortcuts"), table, QSize(560, 520));
    dialog->setObjectName(QStringLiteral("shortcutsDialog"));
    dialog->show();
}

void showUserGuide(QWidget *parent)
{
    const QString html = tr(
        "<h2>Billing Monitor</h2>"
        "<p>Billing Monitor follows Microsoft Graph partner-billing exports from the request "
        "to verified files on disk.</p>"
        "<h3>Track operations</h3>"
        "<p>Paste anything that holds operation ids anywhere in the window (Ctrl+V): bare "
        "GUIDs, operation URLs, <i>Location</i> headers or whole lists. Ids already tracked "
        "are skipped. <b>File → New export</b> (Ctrl+N) asks Graph for a new export and "
        "tracks it at once.</p>"
        "<h3>Read the table</h3>"
        "<p>Each status has its own colour and icon shape. An amber warning means the last "
        "request had a problem; the last known status stays. Type in the filter (Ctrl+F) or "
        "pick a quick filter to narrow the table; while a filter is on, the count beside it "
        "says how many rows are shown. Right-click the header to choose columns.</p>"
        "<h3>Details, manifests and downloads</h3>"
        "<p>Select a row to see its details (Ctrl+D shows or hides them): the whole error of a "
        "failed export, or the manifest and files of a succeeded one. Select files and press "
        "<b>Download selected</b>, or <b>Download all</b>; every file is verified before it "
        "is kept.</p>"
        "<h3>Take the table along</h3>"
        "<p><b>File → Export table</b> writes the rows and columns you see to an Excel "
        "workbook or a CSV file. <b>Edit → Copy rows</b> (Ctrl+C) puts the selected rows on "
        "the clipboard, ready to paste into Excel.</p>"
        "<h3>Polling</h3>"
        "<p>Running exports are checked on their own, more often while they are young, and "
        "always as slowly as Graph asks. F5 checks everything now. Finished exports are not "
        "checked again; exports older than the expiry in Settings are marked expired.</p>"
        "<h3>Appearance and language</h3>"
        "<p><b>View → Theme</b> switches between the system's look, light and dark. Settings "
        "(Ctrl+,) also choose the language and whether closing the window keeps the app in "
        "the tray.</p>");
    auto *browser = new QTextBrowser;
    browser->setObjectName(QStringLiteral("userGuide"));
    browser->setAccessibleName(tr("User guide"));
    browser->setOpenExternalLinks(false);
    browser->setHtml(html);
    QDialog *dialog = makeDialog(parent, tr("User Guide"), browser, QSize(640, 620));
    dialog->setObjectName(QStringLiteral("userGuideDialog"));
    dialog->show();
}

QString aboutText()
{
    return tr("<h3>Billing Monitor %1</h3>"
              "<p>Tracks Microsoft Graph partner-billing export operations from the request to "
              "verified files.</p>"
              "<p>Built on %2 with Qt %3; running on Qt %4.<br>Licence: proprietary, all rights "
              "reserved. Qt is used under the GNU LGPL version 3.</p>")
        .arg(QLatin1String(BILLING_MONITOR_VERSION), QLatin1String(BILLING_MONITOR_BUILD_DATE),
             QLatin1String(QT_VERSION_STR), QLatin1String(qVersion()));
}

void showAbout(QWidget *parent)
{
    QMessageBox::about(parent, tr("About Billing Monitor"), aboutText());
}

QString diagnostics(const Session *session)
{
    const AppSettings *settings = session->settings();
    QStringList lines;
    lines << QStringLiteral("Billing Monitor %1 (built %2)")
                 .arg(QLatin1String(BILLING_MONITOR_VERSION),
                      QLatin1String(BILLING_MONITOR_BUILD_DATE));
    lines << QStringLiteral("Qt %1 (built with %2), platform %3, style %4")
                 .arg(QLatin1String(qVersion()), QLatin1String(QT_VERSION_STR),
                      QGuiApplication::platformName(), QApplication::style()->name());
    lines << QStringLiteral("System: %1 (%2), locale %3")
                 .arg(QSysInfo::prettyProductName(), QSysInfo::currentCpuArchitecture(),
                      QLocale().name());
    lines << QString();
    lines << QStringLiteral("Settings (%1):").arg(QDir::toNativeSeparators(settings->fileName()));
    lines << QStringLiteral("  Graph address: %1, API version %2")
                 .arg(settings->graphRoot(), settings->apiVersion());
    lines << QStringLiteral("  Refresh interval %1 s, %2 requests in flight, %3 per second, "
                            "expiry %4 h, transfer timeout %5 s")
                 .arg(settings->refreshIntervalSeconds())
                 .arg(settings->maxRequestsInFlight())
                 .arg(settings->maxRequestsPerSecond())
                 .arg(settings->expiryHours())
                 .arg(settings->transferTimeoutSeconds());
    lines << QStringLiteral("  Language %1, theme %2, keep in tray %3")
                 .arg(settings->language().isEmpty() ? QStringLiteral("system")
                                                     : settings->language(),
                      settings->theme(),
                      settings->closeToTray() ? QStringLiteral("yes") : QStringLiteral("no"));
    // Where the token comes from, never the token itself.
    const SignInAccount account = session->signIn()->account();
    lines << QStringLiteral("  Access token: %1; from %2")
                 .arg(session->hasToken() ? QStringLiteral("present") : QStringLiteral("none"),
                      session->tokenSource() == Session::TokenSource::Environment
                          ? QLatin1String(StaticTokenProvider::EnvironmentVariable)
                          : QStringLiteral("sign-in (%1)")
                                .arg(account.isSignedIn() ? SignInAccount::flowKey(account.flow)
                                                          : QStringLiteral("signed out")));
    lines << QStringLiteral("  Demo mode: %1")
                 .arg(session->usesFixedGraph() ? QStringLiteral("yes") : QStringLiteral("no"));
    lines << QString();
    lines << QStringLiteral("Data:");
    lines << QStringLiteral("  Tracked operations: %1")
                 .arg(session->store() ? QDir::toNativeSeparators(session->store()->databasePath())
                                       : QStringLiteral("not saved (demo mode)"));
    lines << QStringLiteral("  Data folder: %1")
                 .arg(QDir::toNativeSeparators(
                     QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    lines << QString();
    const QList<TrackedOperation> &operations = session->model()->operations();
    std::map<QString, int> counts;
    for (const TrackedOperation &operation : operations) {
        counts[operation.hasKnownStatus() ? operationStatusKey(operation.status())
                                          : QStringLiteral("notCheckedYet")]++;
        if (!operation.problem.isNull())
            counts[QStringLiteral("withProblem")]++;
    }
    QStringList parts;
    for (const auto &[key, count] : counts)
        parts << QStringLiteral("%1 %2").arg(key).arg(count);
    lines << QStringLiteral("Operations: %1 tracked%2")
                 .arg(operations.size())
                 .arg(parts.isEmpty() ? QString()
                                      : QStringLiteral(" (") + parts.join(u", ") + u')');
    return lines.join(u'\n') + u'\n';
}

} // namespace HelpDialogs
