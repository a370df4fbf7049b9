#include "app/appsettings.h"
#include "app/session.h"
#include "models/operationtablemodel.h"
#include "ui/mainwindow.h"
#include "ui/operationtableview.h"
#include "ui/statusbarwidgets.h"

#include <QAbstractItemModelTester>
#include <QAccessible>
#include <QApplication>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>

// What a screen reader hears: every control has a name, statuses are said in words (not
// only drawn as icons), and the keyboard reaches every part of the window.
class TestAccessibility : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void everyControlHasAName();
    void statusBarCountsReadAsWords();
    void tableCellsSayTheirStatus();
    void keyboardReachesEveryPart();

private:
    void add(OperationStatus status, int count);
    static QString nameOf(QObject *object);

    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    int m_next = 0;
};

void TestAccessibility::init()
{
    m_settings = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("settings.ini")));
    m_session = std::make_unique<Session>(m_settings.get());
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_window->sortProxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    add(OperationStatus::Running, 2);
    add(OperationStatus::Failed, 1);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->selectOperation(m_session->model()->at(2).id));
}

void TestAccessibility::cleanup()
{
    m_tester.reset();
    m_window.reset();
    m_session.reset();
    m_settings.reset();
}

void TestAccessibility::add(OperationStatus status, int count)
{
    QList<TrackedOperation> operations;
    for (int i = 0; i < count; ++i) {
        TrackedOperation operation;
        operation.id
            = QStringLiteral("00000000-0000-4000-8000-%1").arg(++m_next, 12, 10, QLatin1Char('0'));
        operation.last.id = operation.id;
        operation.last.status = status;
        operation.last.rawStatus = operationStatusKey(status);
        operation.last.createdDateTime = QDateTime::currentDateTimeUtc().addSecs(-600);
        operation.lastChecked = QDateTime::currentDateTimeUtc();
        operations << operation;
    }
    m_session->model()->add(operations);
}

QString TestAccessibility::nameOf(QObject *object)
{
    QAccessibleInterface *interface = QAccessible::queryAccessibleInterface(object);
    return interface ? interface->text(QAccessible::Name) : QString();
}

void TestAccessibility::everyControlHasAName()
{
    QStringList nameless;
    int controls = 0;
    for (QWidget *widget : m_window->findChildren<QWidget *>()) {
        if (!widget->isVisibleTo(m_window.get()) || !(widget->focusPolicy() & Qt::TabFocus))
            continue;
        ++controls;
        if (nameOf(widget).trimmed().isEmpty())
            nameless << QStringLiteral("%1 \"%2\"")
                            .arg(QLatin1String(widget->metaObject()->className()),
                                 widget->objectName());
    }
    QVERIFY(controls > 8);
    QVERIFY2(nameless.isEmpty(), qPrintable(nameless.join(u'\n')));
}

void TestAccessibility::statusBarCountsReadAsWords()
{
    auto *running = m_window->statusSummary()->findChild<QLabel *>(QStringLiteral("count-running"));
    auto *failed = m_window->statusSummary()->findChild<QLabel *>(QStringLiteral("count-failed"));
    QVERIFY(running && failed);
    QTRY_COMPARE(nameOf(running), QStringLiteral("2 running"));
    QCOMPARE(nameOf(failed), QStringLiteral("1 failed"));
    // The icon beside the number says the same, for a reader that stops on it.
    const QList<QLabel *> labels = m_window->statusSummary()->findChildren<QLabel *>();
    const int index = int(labels.indexOf(running));
    QVERIFY(index > 0);
    QCOMPARE(nameOf(labels.at(index - 1)), QStringLiteral("2 running"));
}

void TestAccessibility::tableCellsSayTheirStatus()
{
    QAccessibleInterface *table = QAccessible::queryAccessibleInterface(m_window->table());
    QVERIFY(table);
    QCOMPARE(table->role(), QAccessible::Table);
    QCOMPARE(table->text(QAccessible::Name), QStringLiteral("Tracked operations"));
    QAccessibleTableInterface *cells = table->tableInterface();
    QVERIFY(cells);
    QCOMPARE(cells->rowCount(), 3);
    QStringList statuses;
    for (int row = 0; row < cells->rowCount(); ++row) {
        QAccessibleInterface *cell = cells->cellAt(row, OperationTableModel::StatusColumn);
        QVERIFY(cell);
        statuses << cell->text(QAccessible::Name);
    }
    statuses.sort();
    QCOMPARE(statuses,
             QStringList(
                 {QStringLiteral("Failed"), QStringLiteral("Running"), QStringLiteral("Running")}));
}

void TestAccessibility::keyboardReachesEveryPart()
{
    // Tab from the table goes round the whole window and comes back, passing the input
    // bar, the filter and the quick filter on the way.
    m_window->table()->setFocus(Qt::OtherFocusReason);
    QTRY_VERIFY(m_window->table()->hasFocus());
    QSet<QString> visited;
    for (int step = 0; step < 60; ++step) {
        QWidget *focus = QApplication::focusWidget();
        QVERIFY(focus);
        visited.insert(focus->objectName());
        QTest::keyClick(focus, Qt::Key_Tab);
        if (QApplication::focusWidget() == m_window->table())
            break;
    }
    QVERIFY2(visited.contains(QStringLiteral("filter")),
             qPrintable(QStringList(visited.values()).join(u',')));
    QVERIFY(visited.contains(QStringLiteral("quickFilter")));
    QVERIFY(visited.contains(QStringLiteral("operationsTable")));
    QCOMPARE(QApplication::focusWidget(), m_window->table());
}

QTEST_MAIN(TestAccessibility)
#include "tst_gui_accessibility.moc"
