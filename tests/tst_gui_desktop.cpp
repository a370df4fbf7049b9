#include "app/appsettings.h"
#include "app/graph/graphendpoint.h"
#include "app/session.h"
#include "models/operationtablemodel.h"
#include "ui/detailspanel.h"
#include "ui/helpdialogs.h"
#include "ui/mainwindow.h"
#include "ui/notifier.h"
#include "ui/operationtableview.h"
#include "ui/statusbarwidgets.h"
#include "ui/theme.h"
#include "ui/trayicon.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The window as a desktop citizen: quick filters and their count, the table going out to
// the clipboard and to files, themes, the tray's words, the title and the diagnostics.
class TestDesktop : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void quickFiltersAndTheirCount();
    void detailsFollowTheSelection();
    void copyRowsGivesExcelReadyText();
    void exportsTheVisibleTableToCsv();
    void exportsAWorkbook();
    void themeSwitchesAndIsRemembered();
    void trayTellsWhatRunsAndWhatFailed();
    void demoTitleNamesTheAppOnce();
    void diagnosticsCountStatesAndHoldNoSecret();
    void finishedBannerCountsUntilRead();

private:
    QString add(OperationStatus status, const QString &label, bool withProblem = false);
    QStringList shownIds() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_sortTester;
    int m_next = 0;
};

void TestDesktop::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<AppSettings>(m_dir->filePath(QStringLiteral("settings.ini")));
    m_session = std::make_unique<Session>(m_settings.get());
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_sortTester = std::make_unique<QAbstractItemModelTester>(
        m_window->sortProxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestDesktop::cleanup()
{
    m_sortTester.reset();
    m_window.reset();
    m_session.reset();
    m_settings.reset();
    m_dir.reset();
    Theme::apply(Theme::Choice::System);
}

QString TestDesktop::add(OperationStatus status, const QString &label, bool withProblem)
{
    TrackedOperation operation;
    operation.id
        = QStringLiteral("00000000-0000-4000-8000-%1").arg(++m_next, 12, 10, QLatin1Char('0'));
    operation.label = label;
    operation.addedAt = QDateTime(QDate(2026, 11, 30), QTime(8, 0), Qt::UTC);
    operation.last.id = operation.id;
    operation.last.status = status;
    operation.last.rawStatus = operationStatusKey(status);
    operation.last.createdDateTime = QDateTime(QDate(2026, 11, 30), QTime(9, 15, 30), Qt::UTC);
    if (isTerminal(status))
        operation.last.lastActionDateTime = operation.last.createdDateTime.addSecs(3723);
    operation.lastChecked = operation.last.createdDateTime.addSecs(3800);
    if (withProblem) {
        operation.problem.kind = Problem::Kind::NotFound;
        operation.problem.httpStatus = 404;
        operation.problem.message = QStringLiteral("Not found.");
    }
    m_session->model()->add({operation});
    return operation.id;
}

QStringList TestDesktop::shownIds() const
{
    QStringList ids;
    for (int row = 0; row < m_window->sortProxy()->rowCount(); ++row)
        ids << m_window->sortProxy()
                   ->index(row, 0)
                   .data(OperationTableModel::OperationIdRole)
                   .toString();
    return ids;
}

void TestDesktop::quickFiltersAndTheirCount()
{
    const QString running = add(OperationStatus::Running, QStringLiteral("usage"));
    const QString succeeded = add(OperationStatus::Succeeded, QStringLiteral("usage, last"));
    const QString failed = add(OperationStatus::Failed, QStringLiteral("reconciliation"));
    const QString troubled = add(OperationStatus::Running, QStringLiteral("usage"), true);
    QVERIFY(!m_window->filterCount()->isVisible());

    using Filter = OperationFilterProxy::StateFilter;
    m_window->setStateFilter(Filter::Unfinished);
    QCOMPARE(shownIds(), QStringList({running, troubled}));
    QTRY_VERIFY(m_window->filterCount()->isVisible());
    QCOMPARE(m_window->filterCount()->text(), QStringLiteral("2 of 4"));
    QCOMPARE(m_window->quickFilter()->currentText(), QStringLiteral("Unfinished"));

    m_window->setStateFilter(Filter::Succeeded);
    QCOMPARE(shownIds(), QStringList({succeeded}));
    m_window->setStateFilter(Filter::Failed);
    QCOMPARE(shownIds(), QStringList({failed}));
    m_window->setStateFilter(Filter::WithProblem);
    QCOMPARE(shownIds(), QStringList({troubled}));

    // Text and state filters combine, and the count follows both.
    m_window->setStateFilter(Filter::All);
    m_window->filterEdit()->setText(QStringLiteral("usage"));
    QCOMPARE(m_window->filterCount()->text(), QStringLiteral("3 of 4"));
    m_window->setStateFilter(Filter::Unfinished);
    QCOMPARE(m_window->filterCount()->text(), QStringLiteral("2 of 4"));
    add(OperationStatus::NotStarted, QStringLiteral("usage, new"));
    QCOMPARE(m_window->filterCount()->text(), QStringLiteral("3 of 5"));

    // Large numbers are grouped the way the locale writes them.
    m_window->filterEdit()->clear();
    m_window->setStateFilter(Filter::All);
    QTRY_VERIFY(!m_window->filterCount()->isVisible());
}

void TestDesktop::detailsFollowTheSelection()
{
    const QString running = add(OperationStatus::Running, QStringLiteral("one"));
    add(OperationStatus::Failed, QStringLiteral("two"));
    QVERIFY(m_window->selectOperation(running));
    QCOMPARE(m_window->selectedIds(), QStringList({running}));
    // Filtering the selected row away leaves no stale details behind.
    QVERIFY(m_window->detailsPanel()->hasOperation());
    m_window->setStateFilter(OperationFilterProxy::StateFilter::Failed);
    QVERIFY(m_window->selectedIds().isEmpty());
    QVERIFY(!m_window->detailsPanel()->hasOperation());
}

void TestDesktop::copyRowsGivesExcelReadyText()
{
    const QString id = add(OperationStatus::Succeeded, QStringLiteral("tab\there"));
    QVERIFY(m_window->selectOperation(id));
    m_window->copyRows();
    const QStringList lines = QGuiApplication::clipboard()->text().split(u'\n');
    QCOMPARE(int(lines.size()), 3); // header, the row, and the final line end
    QVERIFY2(lines.at(0).startsWith(QStringLiteral("Operation id\tLabel\tStatus\tCreated (UTC)")),
             qPrintable(lines.at(0)));
    const QStringList cells = lines.at(1).split(u'\t');
    QCOMPARE(cells.at(0), id);
    QCOMPARE(cells.at(1), QStringLiteral("tab here"));
    QCOMPARE(cells.at(2), QStringLiteral("Succeeded"));
    QCOMPARE(cells.at(3), QStringLiteral("2026-11-30 09:15:30"));
    QCOMPARE(cells.at(4), QStringLiteral("2026-11-30 10:17:33"));
    QCOMPARE(cells.at(5), QStringLiteral("1:02:03"));
}

void TestDesktop::exportsTheVisibleTableToCsv()
{
    add(OperationStatus::Running, QStringLiteral("hidden by the filter"));
    const QString id = add(OperationStatus::Failed, QStringLiteral("say \"hi\", world"));
    m_window->setStateFilter(OperationFilterProxy::StateFilter::Failed);
    const QString path = m_dir->filePath(QStringLiteral("table.csv"));
    QString error;
    QVERIFY2(m_window->exportTableTo(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(int(lines.size()), 3);
    QVERIFY(lines.at(0).startsWith("\xEF\xBB\xBFOperation id,Label,Status,Created (UTC),"));
    QVERIFY2(lines.at(1).startsWith(
                 QByteArray(id.toUtf8()
                            + ",\"say \"\"hi\"\", world\",Failed,2026-11-30T09:15:30Z,"
                              "2026-11-30T10:17:33Z,3723,")),
             lines.at(1).constData());
    QVERIFY(lines.at(1).endsWith('\r'));
}

void TestDesktop::exportsAWorkbook()
{
    add(OperationStatus::Succeeded, QStringLiteral("Billed usage · G016907411"));
    const QString path = m_dir->filePath(QStringLiteral("table.xlsx"));
    QString error;
    QVERIFY2(m_window->exportTableTo(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.read(2), QByteArray("PK")); // a zip, as every .xlsx is
}

void TestDesktop::themeSwitchesAndIsRemembered()
{
    m_window->setTheme(Theme::Choice::Dark);
    QCOMPARE(m_settings->theme(), QStringLiteral("dark"));
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 100);
    QTRY_VERIFY(m_window->table()->palette().color(QPalette::Base).lightness() < 100);
    m_window->setTheme(Theme::Choice::Light);
    QCOMPARE(m_settings->theme(), QStringLiteral("light"));
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 150);
    QMenu *view = nullptr;
    for (QAction *action : m_window->menuBar()->actions()) {
        if (action->text() == QStringLiteral("&View"))
            view = action->menu();
    }
    QVERIFY(view);
    QStringList checked;
    for (QAction *action : view->actions()) {
        if (action->menu() && action->text() == QStringLiteral("&Theme")) {
            for (QAction *theme : action->menu()->actions()) {
                if (theme->isChecked())
                    checked << theme->text();
            }
        }
    }
    QCOMPARE(checked, QStringList({QStringLiteral("&Light")}));
}

void TestDesktop::trayTellsWhatRunsAndWhatFailed()
{
    TrayIcon *tray = m_window->trayIcon();
    QCOMPARE(tray->badgeNumber(), 0);
    QVERIFY(tray->toolTip().endsWith(QStringLiteral("Nothing running")));
    add(OperationStatus::Running, QStringLiteral("a"));
    add(OperationStatus::NotStarted, QStringLiteral("b"));
    QTRY_COMPARE(tray->badgeNumber(), 2);
    QVERIFY(!tray->badgeWarns());
    QVERIFY2(tray->toolTip().endsWith(QStringLiteral("\n2 running")), qPrintable(tray->toolTip()));
    add(OperationStatus::Failed, QStringLiteral("c"));
    QTRY_VERIFY(tray->badgeWarns());
    QCOMPARE(tray->badgeNumber(), 1);
    QVERIFY(tray->toolTip().endsWith(QStringLiteral("\n2 running\n1 failed")));
    QVERIFY(!tray->icon().isNull());
    QStringList menu;
    for (QAction *action : tray->menu()->actions()) {
        if (!action->isSeparator())
            menu << action->text();
    }
    QCOMPARE(menu,
             QStringList({QStringLiteral("&Show Billing Monitor"), QStringLiteral("&Refresh Now"),
                          QStringLiteral("&New Export…"), QStringLiteral("&Quit")}));
}

void TestDesktop::demoTitleNamesTheAppOnce()
{
    QApplication::setApplicationDisplayName(QStringLiteral("Billing Monitor"));
    m_window->setDemoMode(QStringLiteral("3 sample operations"));
    // The platform appends the display name ("Demo mode — Billing Monitor"); the title itself
    // must not hold it too.
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Demo mode"));
}

void TestDesktop::diagnosticsCountStatesAndHoldNoSecret()
{
    QString error;
    const std::optional<GraphEndpoint> graph
        = GraphEndpoint::make(QStringLiteral("http://127.0.0.1:1"), QStringLiteral("v1.0"), &error);
    QVERIFY2(graph.has_value(), qPrintable(error));
    m_session->useFixedGraph(*graph, QStringLiteral("secret-token-value"));
    add(OperationStatus::Running, QStringLiteral("a"));
    add(OperationStatus::Failed, QStringLiteral("b"), true);
    const QString text = HelpDialogs::diagnostics(m_session.get());
    QVERIFY2(text.contains(QStringLiteral("Operations: 2 tracked (failed 1, running 1, "
                                          "withProblem 1)")),
             qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Qt ") + QLatin1String(qVersion())));
    QVERIFY(text.contains(m_settings->fileName()));
    QVERIFY(text.contains(QStringLiteral("Access token: present")));
    QVERIFY(!text.contains(QStringLiteral("secret-token-value")));
}

void TestDesktop::finishedBannerCountsUntilRead()
{
    OperationTableModel *model = m_session->model();
    Notifier notifier(model, nullptr);
    QSignalSpy messages(&notifier, &Notifier::inWindowMessage);
    const auto finish = [model](const QString &id, OperationStatus status) {
        TrackedOperation operation = *model->find(id);
        operation.last.status = status;
        operation.last.rawStatus = operationStatusKey(status);
        model->update({operation});
    };
    const QString first = add(OperationStatus::Running, QStringLiteral("first"));
    const QString second = add(OperationStatus::Running, QStringLiteral("second"));
    const QString third = add(OperationStatus::Running, QStringLiteral("third"));
    finish(first, OperationStatus::Succeeded);
    QTRY_COMPARE(messages.size(), 1);
    QCOMPARE(messages.at(0).at(0).toString(), QStringLiteral("Export ready"));
    // The banner still shows the first: the next one counts both, not only the latest.
    finish(second, OperationStatus::Failed);
    QTRY_COMPARE(messages.size(), 2);
    QCOMPARE(messages.at(1).at(0).toString(), QStringLiteral("2 exports finished"));
    QCOMPARE(messages.at(1).at(1).toString(), QStringLiteral("1 succeeded, 1 failed."));
    // Once read, counting starts anew.
    notifier.acknowledge();
    finish(third, OperationStatus::Succeeded);
    QTRY_COMPARE(messages.size(), 3);
    QCOMPARE(messages.at(2).at(0).toString(), QStringLiteral("Export ready"));
}

QTEST_MAIN(TestDesktop)
#include "tst_gui_desktop.moc"
