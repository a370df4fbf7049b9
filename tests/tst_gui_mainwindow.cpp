#include "app/appsettings.h"
#include "app/data/dataloader.h"
#include "app/graph/graphendpoint.h"
#include "app/session.h"
#include "app/simulator/graphsimulator.h"
#include "app/store/operationstore.h"
#include "models/operationtablemodel.h"
#include "models/statusstyle.h"
#include "ui/addoperationsbar.h"
#include "ui/darkpalette.h"
#include "ui/dataview.h"
#include "ui/detailspanel.h"
#include "ui/mainwindow.h"
#include "ui/messagebanner.h"
#include "ui/operationfilterproxy.h"
#include "ui/operationstyleproxy.h"
#include "ui/operationtableview.h"
#include "ui/statusbarwidgets.h"
#include "ui/statuscolours.h"
#include "ui/statusicons.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

// The window on a Session that talks to the built-in simulator: what the analyst pastes
// becomes rows, the rows take their status colours, and the details show what went wrong.
class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void addsIdsFromTheInputBar();
    void reportsIdsAlreadyTracked();
    void refusesTextWithoutIds();
    void ctrlVAddsFromTheClipboard();
    void ctrlVInTheInputBarPastesText();
    void failedRowShowsTheWholeError();
    void finishedExportIsAnnounced();
    void deleteStopsTracking();
    void throttlingShowsEverywhere();
    void everyColumnSorts();
    void bigScatteredBatchResortsThroughTheProxies();
    void coloursReadInLightAndDark();
    void noNoticeHidesWhatHappenedToTheList();
    void openDataViewTakesChangedCaps();

private:
    QString addSimulated(SimulatedOperation::Outcome outcome, qint64 runningMs = 0);
    int rowOf(const QString &id) const;
    QModelIndex viewIndex(const QString &id, int column) const;
    QString statusTextOf(const QString &id) const;
    void verifyRowColours(const QString &id, OperationStatus status) const;

    GraphSimulator m_simulator;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_styleTester;
    std::unique_ptr<QAbstractItemModelTester> m_sortTester;
};

void TestMainWindow::initTestCase()
{
    QVERIFY2(m_simulator.start(), qPrintable(m_simulator.errorString()));
}

void TestMainWindow::init()
{
    m_simulator.setFaults(FaultProfile());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<AppSettings>(m_dir->filePath(QStringLiteral("settings.ini")));
    m_session = std::make_unique<Session>(m_settings.get());
    QString error;
    const std::optional<GraphEndpoint> endpoint
        = GraphEndpoint::make(m_simulator.rootUrl().toString(), QStringLiteral("v1.0"), &error);
    QVERIFY2(endpoint.has_value(), qPrintable(error));
    m_session->useFixedGraph(*endpoint, m_simulator.acceptedToken());
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_styleTester = std::make_unique<QAbstractItemModelTester>(
        m_window->styleProxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_sortTester = std::make_unique<QAbstractItemModelTester>(
        m_window->sortProxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_session->start();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestMainWindow::cleanup()
{
    m_sortTester.reset();
    m_styleTester.reset();
    m_window.reset();
    m_session.reset();
    m_settings.reset();
    m_dir.reset();
}

QString TestMainWindow::addSimulated(SimulatedOperation::Outcome outcome, qint64 runningMs)
{
    SimulatedOperation operation;
    operation.outcome = outcome;
    operation.runningMs = runningMs;
    operation.retryAfter = {};
    operation.error.code = QStringLiteral("5001");
    operation.error.message = QStringLiteral("The export could not be completed.");
    operation.error.target = QStringLiteral("invoiceId");
    return m_simulator.addOperation(operation);
}

int TestMainWindow::rowOf(const QString &id) const
{
    return m_session->model()->rowOf(id);
}

QModelIndex TestMainWindow::viewIndex(const QString &id, int column) const
{
    const QAbstractItemModel *view = m_window->sortProxy();
    for (int row = 0; row < view->rowCount(); ++row) {
        const QModelIndex index = view->index(row, column);
        if (index.data(OperationTableModel::OperationIdRole).toString() == id)
            return index;
    }
    return {};
}

QString TestMainWindow::statusTextOf(const QString &id) const
{
    return viewIndex(id, OperationTableModel::StatusColumn).data(Qt::DisplayRole).toString();
}

void TestMainWindow::verifyRowColours(const QString &id, OperationStatus status) const
{
    const QPalette palette = m_window->palette();
    const QModelIndex statusCell = viewIndex(id, OperationTableModel::StatusColumn);
    const QModelIndex idCell = viewIndex(id, OperationTableModel::IdColumn);
    QVERIFY(statusCell.isValid());
    // The colours come from the status table through the palette, for the whole row.
    const QColor background = StatusColours::background(status, palette);
    QCOMPARE(statusCell.data(Qt::BackgroundRole).value<QColor>(), background);
    QCOMPARE(idCell.data(Qt::BackgroundRole).value<QColor>(), background);
    QCOMPARE(statusCell.data(Qt::ForegroundRole).value<QColor>(),
             StatusColours::foreground(status, palette));
    // The tint leans toward the status hue: closer to it than the plain base is.
    const QColor hue = QColor::fromRgb(statusStyle(status).rgb);
    const QColor base = palette.color(QPalette::Base);
    const auto distance = [](const QColor &a, const QColor &b) {
        return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green())
            + std::abs(a.blue() - b.blue());
    };
    QVERIFY(distance(background, hue) < distance(base, hue));
    QVERIFY(!statusCell.data(Qt::DecorationRole).value<QIcon>().isNull());
}

void TestMainWindow::addsIdsFromTheInputBar()
{
    const QString succeeded = addSimulated(SimulatedOperation::Outcome::Succeeded);
    const QString failed = addSimulated(SimulatedOperation::Outcome::Failed);
    AddOperationsBar *bar = m_window->addBar();
    bar->input()->setFocus();
    QTest::keyClicks(bar->input(), QStringLiteral("see ") + succeeded.toUpper());
    bar->input()->insert(QStringLiteral(" and https://graph.microsoft.com/v1.0/reports/partners/"
                                        "billing/operations/")
                         + failed);
    QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("addButton")),
                      Qt::LeftButton);

    QCOMPARE(bar->resultText(), QStringLiteral("2 added"));
    QVERIFY(!bar->resultIsError());
    QVERIFY(bar->text().isEmpty());
    QCOMPARE(m_window->sortProxy()->rowCount(), 2);
    QVERIFY(rowOf(succeeded) >= 0);
    QVERIFY(rowOf(failed) >= 0);

    QTRY_COMPARE(statusTextOf(succeeded), statusText(OperationStatus::Succeeded));
    QTRY_COMPARE(statusTextOf(failed), statusText(OperationStatus::Failed));
    verifyRowColours(succeeded, OperationStatus::Succeeded);
    verifyRowColours(failed, OperationStatus::Failed);
    // The summary recounts 100 ms after the last change, so each count is waited for.
    QTRY_COMPARE(m_window->statusSummary()->count(OperationStatus::Succeeded), 1);
    QTRY_COMPARE(m_window->statusSummary()->count(OperationStatus::Failed), 1);
}

void TestMainWindow::reportsIdsAlreadyTracked()
{
    const QString first = addSimulated(SimulatedOperation::Outcome::NeverFinishes);
    const QString second = addSimulated(SimulatedOperation::Outcome::NeverFinishes);
    m_window->addFromText(first);
    QCOMPARE(m_window->addBar()->resultText(), QStringLiteral("1 added"));

    m_window->addFromText(first + QStringLiteral("\n") + second);
    QCOMPARE(m_window->addBar()->resultText(), QStringLiteral("1 added, 1 already tracked"));
    QVERIFY(!m_window->addBar()->resultIsError());
    QCOMPARE(m_window->sortProxy()->rowCount(), 2);

    QTRY_COMPARE(statusTextOf(second), statusText(OperationStatus::Running));
    verifyRowColours(second, OperationStatus::Running);
}

void TestMainWindow::refusesTextWithoutIds()
{
    AddOperationsBar *bar = m_window->addBar();
    bar->setText(QStringLiteral("Invoice G000123 for contoso, no operation here"));
    QTest::keyClick(bar->input(), Qt::Key_Return);
    QVERIFY(bar->resultIsError());
    QVERIFY2(bar->resultText().contains(QLatin1String("No operation id found")),
             qPrintable(bar->resultText()));
    // The text stays, so the analyst can fix it; nothing was added.
    QCOMPARE(bar->text(), QStringLiteral("Invoice G000123 for contoso, no operation here"));
    QCOMPARE(m_session->model()->rowCount(), 0);

    // Typing again clears the stale message.
    QTest::keyClicks(bar->input(), QStringLiteral("x"));
    QVERIFY(bar->resultText().isEmpty());
}

void TestMainWindow::ctrlVAddsFromTheClipboard()
{
    const QString id = addSimulated(SimulatedOperation::Outcome::Succeeded);
    QGuiApplication::clipboard()->setText(QStringLiteral("HTTP/1.1 202 Accepted\r\nLocation: "
                                                         "https://graph.microsoft.com/v1.0/"
                                                         "reports/partners/billing/operations/")
                                          + id + QStringLiteral("\r\n"));
    m_window->table()->setFocus();
    QTest::keyClick(m_window->table(), Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(m_session->model()->rowCount(), 1);
    QCOMPARE(m_window->addBar()->resultText(), QStringLiteral("1 added"));
    // The new row is selected and shown.
    QCOMPARE(m_window->selectedIds(), QStringList {id});
    QCOMPARE(m_window->detailsPanel()->operation().id, id);
    QTRY_COMPARE(statusTextOf(id), statusText(OperationStatus::Succeeded));
}

void TestMainWindow::ctrlVInTheInputBarPastesText()
{
    const QString id = addSimulated(SimulatedOperation::Outcome::Succeeded);
    QGuiApplication::clipboard()->setText(id);
    QLineEdit *input = m_window->addBar()->input();
    input->setFocus();
    QTRY_VERIFY(input->hasFocus());
    QTest::keyClick(input, Qt::Key_V, Qt::ControlModifier);
    // The line edit pasted as usual; nothing is tracked until the analyst presses Add.
    QCOMPARE(input->text(), id);
    QCOMPARE(m_session->model()->rowCount(), 0);
}

void TestMainWindow::failedRowShowsTheWholeError()
{
    const QString failed = addSimulated(SimulatedOperation::Outcome::Failed);
    const QString other = addSimulated(SimulatedOperation::Outcome::NeverFinishes);
    m_window->addFromText(failed + u' ' + other);
    QTRY_COMPARE(statusTextOf(failed), statusText(OperationStatus::Failed));

    const QModelIndex cell = viewIndex(failed, OperationTableModel::LabelColumn);
    QTest::mouseClick(m_window->table()->viewport(), Qt::LeftButton, {},
                      m_window->table()->visualRect(cell).center());
    QCOMPARE(m_window->selectedIds(), QStringList {failed});
    DetailsPanel *details = m_window->detailsPanel();
    QCOMPARE(details->operation().id, failed);
    const QString error = details->errorDetailsText();
    QVERIFY2(error.contains(QLatin1String("5001")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("The export could not be completed.")),
             qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("invoiceId")), qPrintable(error));
    QVERIFY(details->findChild<QPushButton *>(QStringLiteral("copyErrorDetails"))->isVisible());

    // Copy error details puts the operation and its whole error on the clipboard.
    QTest::mouseClick(details->findChild<QPushButton *>(QStringLiteral("copyErrorDetails")),
                      Qt::LeftButton);
    const QString copied = QGuiApplication::clipboard()->text();
    QVERIFY(copied.contains(failed));
    QVERIFY(copied.contains(QLatin1String("5001")));
    // Graph's error names no request: the check that brought it does, for a support ticket.
    const QList<SimulatorRequest> asked = m_simulator.requestsFor(failed);
    QVERIFY(!asked.isEmpty());
    QVERIFY2(copied.contains(QLatin1String("client-request-id (last check): ")
                             + asked.last().clientRequestId),
             qPrintable(copied));
    QVERIFY2(copied.contains(QLatin1String("request-id (last check): ")), qPrintable(copied));
    const QDateTime checked = m_session->model()->find(failed)->lastChecked;
    QVERIFY2(copied.contains(QLatin1String("Date (last check): ")
                             + checked.toUTC().toString(Qt::ISODate)),
             qPrintable(copied));

    // An error that names its request and date keeps them, with nothing added.
    SimulatedOperation named;
    named.outcome = SimulatedOperation::Outcome::Failed;
    named.runningMs = 0;
    named.retryAfter = {};
    named.error.code = QStringLiteral("5002");
    named.error.message = QStringLiteral("Named.");
    named.error.innerError
        = QJsonObject {{QStringLiteral("request-id"), QStringLiteral("r-1")},
                       {QStringLiteral("date"), QStringLiteral("2026-11-30T03:00:00")}};
    const QString namedId = m_simulator.addOperation(named);
    m_window->addFromText(namedId);
    QTRY_COMPARE(statusTextOf(namedId), statusText(OperationStatus::Failed));
    m_window->selectOperation(namedId);
    QTRY_VERIFY(details->errorDetailsText().contains(QLatin1String("r-1")));
    QVERIFY2(!details->errorDetailsText().contains(QLatin1String("(last check)")),
             qPrintable(details->errorDetailsText()));

    // Another row, another story: no error section for a running operation.
    m_window->selectOperation(other);
    QTRY_COMPARE(statusTextOf(other), statusText(OperationStatus::Running));
    QVERIFY(details->errorDetailsText().isEmpty());
}

void TestMainWindow::finishedExportIsAnnounced()
{
    const QString id = addSimulated(SimulatedOperation::Outcome::Succeeded, 1000);
    m_window->addFromText(id);
    QTRY_COMPARE(statusTextOf(id), statusText(OperationStatus::Running));
    // The simulated export finishes a second after it was added; ask again after that.
    QTest::qWait(1200);
    m_window->refreshNow();
    QTRY_COMPARE(statusTextOf(id), statusText(OperationStatus::Succeeded));
    // No tray offscreen, so the window itself says so.
    MessageBanner *notice = m_window->noticeBanner();
    QTRY_VERIFY(notice->isVisible());
    QVERIFY2(notice->text().contains(QLatin1String("succeeded")), qPrintable(notice->text()));
    QCOMPARE(notice->kind(), MessageBanner::Kind::Positive);
}

void TestMainWindow::deleteStopsTracking()
{
    const QString keep = addSimulated(SimulatedOperation::Outcome::NeverFinishes);
    const QString drop = addSimulated(SimulatedOperation::Outcome::NeverFinishes);
    m_window->addFromText(keep + u' ' + drop);
    QTRY_COMPARE(statusTextOf(drop), statusText(OperationStatus::Running));
    QVERIFY(m_window->selectOperation(drop));
    m_window->table()->setFocus();
    QTest::keyClick(m_window->table(), Qt::Key_Delete);
    QCOMPARE(m_session->model()->rowCount(), 1);
    QVERIFY(m_session->model()->contains(keep));
    QVERIFY(!m_session->model()->contains(drop));
    // The details never show an operation that is gone.
    QVERIFY(m_window->detailsPanel()->operation().id != drop);

    // Ctrl+Z puts it back as it was.
    QTest::keySequence(m_window->table(), QKeySequence::keyBindings(QKeySequence::Undo).first());
    QCOMPARE(m_session->model()->rowCount(), 2);
    QVERIFY(m_session->model()->contains(drop));
    QCOMPARE(m_session->model()->find(drop)->label, QString());
    QVERIFY(m_session->model()->find(drop)->hasBeenChecked());
    QTest::keySequence(m_window->table(), QKeySequence::keyBindings(QKeySequence::Redo).first());
    QCOMPARE(m_session->model()->rowCount(), 1);

    // In the input bar, Delete edits text and removes nothing.
    QVERIFY(m_window->selectOperation(keep));
    QLineEdit *input = m_window->addBar()->input();
    input->setText(QStringLiteral("ab"));
    input->setFocus();
    input->setCursorPosition(0);
    QTest::keyClick(input, Qt::Key_Delete);
    QCOMPARE(input->text(), QStringLiteral("b"));
    QCOMPARE(m_session->model()->rowCount(), 1);
}

void TestMainWindow::throttlingShowsEverywhere()
{
    FaultProfile throttled;
    throttled.throttle = 1.0;
    throttled.retryAfterSeconds = 600;
    m_simulator.setFaults(throttled);
    const QString id = addSimulated(SimulatedOperation::Outcome::NeverFinishes);
    m_window->addFromText(id);
    QVERIFY(m_window->selectOperation(id));

    // The row keeps its (lack of) status and carries the problem beside it.
    const QModelIndex status = viewIndex(id, OperationTableModel::StatusColumn);
    QTRY_VERIFY(status.data(OperationTableModel::HasProblemRole).toBool());
    QVERIFY(status.data(Qt::ToolTipRole).toString().contains(QLatin1String("429")));
    const QIcon marked
        = StatusIcons::icon(OperationStatus::NotStarted, true, m_window->styleProxy()->palette());
    QCOMPARE(status.data(Qt::DecorationRole).value<QIcon>().cacheKey(), marked.cacheKey());

    // The details say what happened, with the HTTP status.
    QTRY_VERIFY(m_window->detailsPanel()->problemText().contains(QLatin1String("429")));
    QVERIFY(m_window->detailsPanel()
                ->findChild<QWidget *>(QStringLiteral("problemSection"))
                ->isVisible());

    // The status bar says until when, and F5 says why nothing goes out now.
    auto *throttle = m_window->statusSummary()->findChild<QLabel *>(QStringLiteral("throttle"));
    QTRY_VERIFY(throttle->isVisible());
    QVERIFY2(throttle->text().startsWith(QLatin1String("Throttled until")),
             qPrintable(throttle->text()));
    QTest::keyClick(m_window->table(), Qt::Key_F5);
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QLatin1String("hrottl")),
             qPrintable(m_window->statusBar()->currentMessage()));
}

void TestMainWindow::everyColumnSorts()
{
    const QString a = addSimulated(SimulatedOperation::Outcome::Succeeded);
    const QString b = addSimulated(SimulatedOperation::Outcome::Failed);
    const QString c = addSimulated(SimulatedOperation::Outcome::NeverFinishes);
    m_window->addFromText(QStringList {a, b, c}.join(u' '));
    QTRY_COMPARE(statusTextOf(c), statusText(OperationStatus::Running));
    QTRY_COMPARE(statusTextOf(b), statusText(OperationStatus::Failed));

    const OperationFilterProxy *sorted = m_window->sortProxy();
    QCOMPARE(sorted->sortRole(), int(OperationTableModel::SortRole));
    for (int column = 0; column < OperationTableModel::ColumnCount; ++column) {
        m_window->table()->sortByColumn(column, Qt::AscendingOrder);
        for (int row = 1; row < sorted->rowCount(); ++row) {
            const QVariant before
                = sorted->index(row - 1, column).data(OperationTableModel::SortRole);
            const QVariant after = sorted->index(row, column).data(OperationTableModel::SortRole);
            QVERIFY2(QVariant::compare(before, after) != QPartialOrdering::Greater,
                     qPrintable(QStringLiteral("column %1 row %2").arg(column).arg(row)));
        }
    }
}

// The window's two proxies on their own table: a batch that finishes rows scattered over the
// table (one wide dataChanged) moves each to its place in the status order, the style
// proxy's own indexes stay right for a flat table, and a selected row follows its operation.
void TestMainWindow::bigScatteredBatchResortsThroughTheProxies()
{
    const QDateTime now(QDate(2026, 11, 1), QTime(10, 0), Qt::UTC);
    OperationTableModel table;
    table.setClock([now] { return now; });
    QAbstractItemModelTester tableTester(&table,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    OperationStyleProxy style;
    style.setSourceModel(&table);
    QAbstractItemModelTester styleTester(&style,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    OperationFilterProxy sorted;
    sorted.setSourceModel(&style);
    QAbstractItemModelTester sortedTester(&sorted,
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    sorted.sort(OperationTableModel::StatusColumn, Qt::DescendingOrder);

    const int rows = 300;
    QList<TrackedOperation> operations(rows);
    for (int i = 0; i < rows; ++i) {
        operations[i].id
            = QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
        operations[i].last.status = OperationStatus::Running;
        operations[i].last.rawStatus = operationStatusKey(OperationStatus::Running);
    }
    table.add(operations);
    QCOMPARE(style.index(0, 0), style.index(0, 0, {}));
    QVERIFY(!style.index(rows, 0).isValid());
    QVERIFY(!style.index(0, OperationTableModel::ColumnCount).isValid());
    QVERIFY(!style.index(0, 0, style.index(0, 0)).isValid());

    // The operation at table row 7 is selected; it does not change but its neighbours move.
    const QPersistentModelIndex selected = sorted.mapFromSource(style.index(7, 0));
    QSignalSpy layoutChanged(&sorted, &QAbstractItemModel::layoutChanged);
    QList<TrackedOperation> batch;
    for (int i = 1; i < rows; i += 3) {
        TrackedOperation operation = operations.at(i);
        operation.last.status = i % 2 ? OperationStatus::Succeeded : OperationStatus::Failed;
        operation.last.rawStatus = operationStatusKey(operation.last.status);
        operation.lastChecked = now;
        batch.append(operation);
    }
    table.update(batch);

    QCOMPARE(layoutChanged.count(), 1);
    QCOMPARE(sorted.rowCount(), rows);
    QVERIFY(selected.isValid());
    QCOMPARE(sorted.mapToSource(selected).row(), 7);
    for (int row = 0; row < rows; ++row) {
        const QModelIndex source = style.mapToSource(sorted.mapToSource(sorted.index(row, 0)));
        const TrackedOperation &operation = table.at(source.row());
        QCOMPARE(sorted.index(row, 0).data(OperationTableModel::OperationIdRole).toString(),
                 operation.id);
        if (row > 0) {
            const QModelIndex above
                = style.mapToSource(sorted.mapToSource(sorted.index(row - 1, 0)));
            QVERIFY2(table.at(above.row()).status() >= operation.status(),
                     qPrintable(QStringLiteral("row %1").arg(row)));
        }
    }
}

void TestMainWindow::coloursReadInLightAndDark()
{
    const QString id = addSimulated(SimulatedOperation::Outcome::NeverFinishes);
    m_window->addFromText(id);
    QTRY_COMPARE(statusTextOf(id), statusText(OperationStatus::Running));
    const QColor lightBackground
        = viewIndex(id, OperationTableModel::StatusColumn).data(Qt::BackgroundRole).value<QColor>();

    m_window->setPalette(darkPalette());
    const QPalette dark = m_window->palette();
    QVERIFY(StatusColours::isDark(dark));
    QCOMPARE(m_window->styleProxy()->palette().color(QPalette::Base), dark.color(QPalette::Base));
    verifyRowColours(id, OperationStatus::Running);
    const QColor darkBackground
        = viewIndex(id, OperationTableModel::StatusColumn).data(Qt::BackgroundRole).value<QColor>();
    QVERIFY(darkBackground.lightness() < 128);
    QVERIFY(lightBackground.lightness() > 128);

    // Every status's text reads on its row, in both palettes.
    for (const QPalette &palette : {QPalette(QApplication::palette()), dark}) {
        for (int i = 0; i <= int(OperationStatus::Expired); ++i) {
            const auto status = OperationStatus(i);
            const double textContrast
                = StatusColours::contrastRatio(StatusColours::foreground(status, palette),
                                               StatusColours::background(status, palette));
            QVERIFY2(textContrast >= 4.5, qPrintable(QString::number(textContrast)));
            const double iconContrast = StatusColours::contrastRatio(
                StatusColours::iconColour(status, palette), palette.color(QPalette::Base));
            QVERIFY2(iconContrast >= 3.0, qPrintable(QString::number(iconContrast)));
            // On a selected row the icon sits on the highlight: a running arc in the
            // highlight's own blue would vanish.
            const double selectedIconContrast = StatusColours::contrastRatio(
                StatusColours::iconColour(status, StatusColours::onSelection(palette)),
                palette.color(QPalette::Highlight));
            QVERIFY2(selectedIconContrast >= 3.0,
                     qPrintable(QString::number(selectedIconContrast)));
            QImage drawnSelected(16, 16, QImage::Format_ARGB32_Premultiplied);
            drawnSelected.fill(Qt::transparent);
            QPainter painter(&drawnSelected);
            StatusIcons::paint(&painter, QRectF(0, 0, 16, 16), status, false,
                               StatusColours::onSelection(palette));
            painter.end();
            const QImage shownSelected = StatusIcons::icon(status, false, palette)
                                             .pixmap(16, QIcon::Selected)
                                             .toImage()
                                             .convertToFormat(QImage::Format_ARGB32_Premultiplied);
            QCOMPARE(shownSelected, drawnSelected);
            const double plainTextContrast = StatusColours::contrastRatio(
                palette.color(QPalette::Text), StatusColours::background(status, palette));
            QVERIFY2(plainTextContrast >= 4.5, qPrintable(QString::number(plainTextContrast)));
        }
    }
}

void TestMainWindow::noNoticeHidesWhatHappenedToTheList()
{
    // A list that is not a database: set aside at start-up, and the analyst must hear it
    // even though the "no access token" notice of a first start follows at once.
    const QString path = m_dir->filePath(QStringLiteral("data/operations.db"));
    QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("data"))));
    QFile junk(path);
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write(QByteArray(8192, 'x'));
    junk.close();

    AppSettings settings(m_dir->filePath(QStringLiteral("fresh.ini")));
    Session session(&settings);
    QAbstractItemModelTester tester(session.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    session.attachStore(path);
    QSignalSpy loaded(session.store(), &OperationStore::loadFinished);
    MainWindow window(&session);
    window.show();
    QVERIFY(loaded.wait(10000));
    QVERIFY(window.storeBanner()->isVisible());
    const QString told = window.storeBanner()->text();
    QVERIFY2(told.contains(QStringLiteral("operations.db.corrupt-")), qPrintable(told));

    window.showNotice(QStringLiteral("No access token yet."),
                      QStringLiteral("Enter a Graph token in Settings."),
                      MessageBanner::Kind::Information);
    QVERIFY(window.noticeBanner()->isVisible());
    QVERIFY(window.storeBanner()->isVisible());
    QCOMPARE(window.storeBanner()->text(), told);
}

QTEST_MAIN(TestMainWindow)
void TestMainWindow::openDataViewTakesChangedCaps()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    m_settings->setMaxInflatedGiB(2);
    m_session->applySettings();
    DataView *view = m_window->openDataView(folder.path());
    QVERIFY(view);
    QCOMPARE(view->loader()->limits().maxInflatedBytes, qint64(2) << 30);

    // Changed in Settings while the view is open: its next opening or export uses them.
    m_settings->setMaxInflatedGiB(3);
    m_settings->setMaxInflationRatio(50);
    m_session->applySettings();
    QCOMPARE(view->loader()->limits().maxInflatedBytes, qint64(3) << 30);
    QCOMPARE(view->loader()->limits().maxRatio, 50.0);
    view->close();
}

#include "tst_gui_mainwindow.moc"
