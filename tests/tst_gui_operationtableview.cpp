// The operations table's scroll bars, which keep their last painting: they look exactly like
// QScrollBar's whatever they show, follow every change, and still scroll the view and reach
// the item view's slots (fetchMore at the bottom) after replacing Qt's own.
//
// And its repaints after a re-sort, through the window's own proxies: rows that moved off
// screen cost no painting, rows that moved together on screen are scrolled, every other place
// that shows another row (or the same row with new data) is painted again, and anything else
// repaints the whole viewport as before. What is on screen is always what a full repaint
// draws.

#include "models/operationtablemodel.h"
#include "ui/operationfilterproxy.h"
#include "ui/operationstyleproxy.h"
#include "ui/operationtableview.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QPaintEvent>
#include <QScreen>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTest>

#include <memory>
#include <utility>

namespace {

// Offers more rows whenever asked, as a model that loads lazily does.
class LazyModel final : public QStandardItemModel
{
public:
    using QStandardItemModel::QStandardItemModel;
    bool canFetchMore(const QModelIndex &parent) const override { return !parent.isValid(); }
    void fetchMore(const QModelIndex &) override { ++fetches; }
    int fetches = 0;
};

// A plain QScrollBar in the same state, painted the way Qt paints one.
QImage asQScrollBarDraws(const QScrollBar *bar)
{
    QScrollBar plain(bar->orientation());
    plain.setPalette(bar->palette());
    plain.setEnabled(bar->isEnabled());
    plain.setRange(bar->minimum(), bar->maximum());
    plain.setPageStep(bar->pageStep());
    plain.setSingleStep(bar->singleStep());
    plain.setValue(bar->value());
    plain.resize(bar->size());
    return plain.grab().toImage().convertToFormat(QImage::Format_ARGB32);
}

QImage painted(QScrollBar *bar)
{
    return bar->grab().toImage().convertToFormat(QImage::Format_ARGB32);
}

// What a widget painted since it was last asked.
class PaintedRegion final : public QObject
{
public:
    explicit PaintedRegion(QWidget *widget) { widget->installEventFilter(this); }
    QRegion take() { return std::exchange(m_region, {}); }

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            m_region += static_cast<QPaintEvent *>(event)->region();
        return false;
    }

private:
    QRegion m_region;
};

// 200 running operations in the window's proxies, sorted by status, ten or so on screen.
class SortedTable
{
public:
    SortedTable()
    {
        QList<TrackedOperation> operations;
        for (int n = 0; n < 200; ++n) {
            TrackedOperation operation;
            operation.id = QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QChar(u'0'));
            operation.last.id = operation.id;
            // Rows told apart on screen: the id column shows only the ids' common start.
            operation.label = QString::number(n);
            operation.last.status = OperationStatus::Running;
            operation.last.rawStatus = QStringLiteral("running");
            operations.append(operation);
        }
        model.add(operations);
        style.setSourceModel(&model);
        sorted.setSourceModel(&style);
        sorted.sort(OperationTableModel::StatusColumn);
        view.setModel(&sorted);
        view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        view.verticalHeader()->hide();
        view.resize(500, 300);
        view.show();
    }

    // Shown and painted, with nothing left to paint.
    bool showAndSettle()
    {
        if (!QTest::qWaitForWindowExposed(&view))
            return false;
        settle();
        return true;
    }
    // A source row's operation as it would be with this status.
    TrackedOperation withStatus(int sourceRow, OperationStatus status) const
    {
        TrackedOperation operation = model.at(sourceRow);
        operation.last.status = status;
        operation.last.rawStatus = operationStatusKey(status);
        return operation;
    }
    void setStatus(int sourceRow, OperationStatus status)
    {
        model.update({withStatus(sourceRow, status)});
    }
    // Rows of the view, as they are on screen.
    QRegion rows(int first, int last) const
    {
        const QRect top = view.visualRect(sorted.index(first, 0));
        const QRect bottom = view.visualRect(sorted.index(last, 0));
        return QRect(0, top.top(), view.viewport()->width(), bottom.bottom() - top.top() + 1)
            .intersected(view.viewport()->rect());
    }
    int lastShownRow() const { return view.rowAt(view.viewport()->height() - 1); }
    QString idAt(int row) const
    {
        return sorted.index(row, 0).data(OperationTableModel::OperationIdRole).toString();
    }
    // Whether the pixels on screen are those a full repaint draws. The offscreen platform
    // grabs a window from its backing store, that is from what was painted so far.
    bool screenShowsTheTruth()
    {
        QWidget *viewport = view.viewport();
        const QPoint at = viewport->mapTo(viewport->window(), QPoint(0, 0));
        const QImage shown = viewport->screen()
                                 ->grabWindow(viewport->window()->winId(), at.x(), at.y(),
                                              viewport->width(), viewport->height())
                                 .toImage()
                                 .convertToFormat(QImage::Format_RGB32);
        const QImage truth = viewport->grab().toImage().convertToFormat(QImage::Format_RGB32);
        // Drawing the truth is not the view painting.
        painted.take();
        return !shown.isNull() && shown == truth;
    }
    // Lets the view lay out and paint; what it painted meanwhile.
    QRegion settle()
    {
        QTest::qWait(30);
        return painted.take();
    }

    OperationTableModel model;
    OperationStyleProxy style;
    OperationFilterProxy sorted;
    QAbstractItemModelTester tester {&sorted,
                                     QAbstractItemModelTester::FailureReportingMode::QtTest};
    OperationTableView view;
    PaintedRegion painted {view.viewport()};
};

} // namespace

class TestOperationTableView : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void scrollBarsPaintAsQScrollBar();
    void scrollBarsStillScrollAndFetch();
    void resortOffScreenPaintsNothing();
    void resortOnScreenPaintsTheRowsThatChanged();
    void dataChangedBeforeTheLayoutIsPainted();
    void resortWhileScrolledPaintsWhatMoved();
    void rowsRemovedPaintTheWholeViewport();
    void resortWhileHidden();
    void columnHeaderIgnoresRowSorts();

private:
    std::unique_ptr<LazyModel> m_model;
    std::unique_ptr<QSortFilterProxyModel> m_sorted;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<OperationTableView> m_view;
};

void TestOperationTableView::init()
{
    m_model = std::make_unique<LazyModel>(200, 6);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        for (int column = 0; column < m_model->columnCount(); ++column)
            m_model->setItem(row, column, new QStandardItem(QString::number((row * 37) % 101)));
    }
    m_sorted = std::make_unique<QSortFilterProxyModel>();
    m_sorted->setSourceModel(m_model.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_sorted.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_view = std::make_unique<OperationTableView>();
    m_view->setModel(m_sorted.get());
    m_view->resize(400, 300);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestOperationTableView::cleanup()
{
    m_view.reset();
    m_tester.reset();
    m_sorted.reset();
    m_model.reset();
}

void TestOperationTableView::scrollBarsPaintAsQScrollBar()
{
    QScrollBar *vertical = m_view->verticalScrollBar();
    QScrollBar *horizontal = m_view->horizontalScrollBar();
    QVERIFY(vertical->isVisible() && horizontal->isVisible());
    const auto compare = [&](const char *when) {
        for (QScrollBar *bar : {vertical, horizontal}) {
            QVERIFY2(painted(bar) == asQScrollBarDraws(bar), when);
            // Painted again from what it kept: still the same.
            QVERIFY2(painted(bar) == asQScrollBarDraws(bar), when);
        }
    };
    compare("at first");
    m_sorted->sort(1, Qt::DescendingOrder);
    QTest::qWait(20);
    compare("after a re-sort");
    vertical->setValue(vertical->maximum() / 2);
    horizontal->setValue(horizontal->maximum());
    compare("scrolled");
    m_model->removeRows(0, 150);
    QTest::qWait(20);
    compare("with fewer rows");
    m_view->resize(300, 260);
    QTest::qWait(20);
    compare("resized");
    m_view->setEnabled(false);
    compare("disabled");
}

void TestOperationTableView::scrollBarsStillScrollAndFetch()
{
    QScrollBar *bar = m_view->verticalScrollBar();
    QCOMPARE(m_view->rowAt(0), 0);
    const int fetchesBefore = m_model->fetches;
    bar->setValue(bar->maximum());
    QVERIFY(m_view->rowAt(0) > 0);
    QVERIFY(m_model->fetches > fetchesBefore);
    bar->triggerAction(QAbstractSlider::SliderToMinimum);
    QCOMPARE(bar->value(), 0);
    QCOMPARE(m_view->rowAt(0), 0);
}

void TestOperationTableView::resortOffScreenPaintsNothing()
{
    SortedTable table;
    QVERIFY(table.showAndSettle());
    QVERIFY(table.lastShownRow() > 5 && table.lastShownRow() < 100);

    table.setStatus(150, OperationStatus::Succeeded);
    QCOMPARE(table.settle(), QRegion());
    QCOMPARE(table.idAt(199), table.model.at(150).id);
    QVERIFY(table.screenShowsTheTruth());
}

void TestOperationTableView::resortOnScreenPaintsTheRowsThatChanged()
{
    SortedTable table;
    QVERIFY(table.showAndSettle());
    const int last = table.lastShownRow();

    // Row 3 leaves for the end; the rows under it each move up one place, scrolled there,
    // and only the row that comes on screen at the bottom is painted (with the part of the
    // one above it that was under the bottom edge).
    table.setStatus(3, OperationStatus::Succeeded);
    QRegion painted = table.settle();
    QCOMPARE(table.idAt(3), table.model.at(4).id);
    QVERIFY((table.rows(last, last) - painted).isEmpty());
    QVERIFY(!painted.intersects(table.rows(0, last - 2)));
    QVERIFY(table.screenShowsTheTruth());

    // One comes in at the top, moving every row down a place.
    table.setStatus(150, OperationStatus::NotStarted);
    painted = table.settle();
    QCOMPARE(table.idAt(0), table.model.at(150).id);
    QVERIFY((table.rows(0, 0) - painted).isEmpty());
    QVERIFY(!painted.intersects(table.rows(1, last)));
    QVERIFY(table.screenShowsTheTruth());

    // Rows that move and rows whose data changes, in one batch.
    TrackedOperation renamed = table.model.at(6);
    renamed.label = QStringLiteral("Renamed");
    table.model.update({renamed, table.withStatus(2, OperationStatus::Failed),
                        table.withStatus(170, OperationStatus::NotStarted)});
    table.settle();
    QVERIFY(table.screenShowsTheTruth());
}

void TestOperationTableView::dataChangedBeforeTheLayoutIsPainted()
{
    SortedTable table;
    QVERIFY(table.showAndSettle());

    // A re-sort off screen, then new data for a row on screen before the view lays out:
    // the view skips repainting that row then, as it lays out right after.
    table.setStatus(150, OperationStatus::Succeeded);
    QVERIFY(table.model.setLabel(table.model.at(1).id, QStringLiteral("Renamed")));
    const QRegion painted = table.settle();
    QVERIFY((table.rows(1, 1) - painted).isEmpty());
    QVERIFY(!painted.intersects(table.rows(2, table.lastShownRow())));
    QVERIFY(!painted.intersects(table.rows(0, 0)));
    QVERIFY(table.screenShowsTheTruth());

    // New data on screen, not painted yet, then a re-sort that moves its row up a place:
    // what was on screen of it must not be scrolled into its new place.
    QVERIFY(table.model.setLabel(table.model.at(5).id, QStringLiteral("Again")));
    table.setStatus(2, OperationStatus::Succeeded);
    table.settle();
    QVERIFY(table.screenShowsTheTruth());
}

void TestOperationTableView::resortWhileScrolledPaintsWhatMoved()
{
    SortedTable table;
    QVERIFY(table.showAndSettle());
    table.view.verticalScrollBar()->setValue(50);
    table.settle();
    const int first = table.view.rowAt(0);
    const int last = table.lastShownRow();
    QVERIFY(first > 10);

    // A row above the screen leaves: every row on screen moves up one place.
    table.setStatus(10, OperationStatus::Succeeded);
    const QRegion painted = table.settle();
    QVERIFY((table.rows(last, last) - painted).isEmpty());
    QVERIFY(!painted.intersects(table.rows(first, last - 2)));
    QVERIFY(table.screenShowsTheTruth());
    // One under the screen leaves: none of them moves.
    table.setStatus(180, OperationStatus::Succeeded);
    QCOMPARE(table.settle(), QRegion());
    QVERIFY(table.screenShowsTheTruth());
}

void TestOperationTableView::rowsRemovedPaintTheWholeViewport()
{
    SortedTable table;
    QVERIFY(table.showAndSettle());

    // A re-sort off screen, then rows removed off screen too: the view lays out as Qt does.
    table.setStatus(150, OperationStatus::Succeeded);
    table.model.remove({table.model.at(160).id});
    QVERIFY((QRegion(table.view.viewport()->rect()) - table.settle()).isEmpty());
    // And the next re-sort is followed on its own again.
    table.setStatus(120, OperationStatus::Succeeded);
    QCOMPARE(table.settle(), QRegion());
    QVERIFY(table.screenShowsTheTruth());
}

void TestOperationTableView::resortWhileHidden()
{
    SortedTable table;
    QVERIFY(table.showAndSettle());

    table.view.hide();
    table.setStatus(2, OperationStatus::Succeeded);
    table.setStatus(150, OperationStatus::NotStarted);
    table.settle();
    table.view.show();
    QVERIFY(table.showAndSettle());
    QCOMPARE(table.idAt(0), table.model.at(150).id);
    QVERIFY(table.screenShowsTheTruth());

    // And re-sorts are followed on their own again.
    table.setStatus(120, OperationStatus::Succeeded);
    QCOMPARE(table.settle(), QRegion());
    QVERIFY(table.screenShowsTheTruth());
}

void TestOperationTableView::columnHeaderIgnoresRowSorts()
{
    SortedTable table;
    QVERIFY(table.showAndSettle());
    QHeaderView *header = table.view.horizontalHeader();
    QVERIFY(header->sectionsClickable());
    PaintedRegion headerPainted(header->viewport());

    table.setStatus(3, OperationStatus::Succeeded);
    table.setStatus(150, OperationStatus::NotStarted);
    table.settle();
    QCOMPARE(headerPainted.take(), QRegion());

    // Sorting by another column shows in the header.
    table.sorted.sort(OperationTableModel::LabelColumn, Qt::DescendingOrder);
    header->setSortIndicator(OperationTableModel::LabelColumn, Qt::DescendingOrder);
    table.settle();
    QVERIFY(!headerPainted.take().isEmpty());

    // Columns that come and go still do, in the other fixture's model, sorted meanwhile.
    QHeaderView *other = m_view->horizontalHeader();
    PaintedRegion otherPainted(other->viewport());
    const int columns = other->count();
    m_model->insertColumn(2);
    m_sorted->sort(1);
    QTest::qWait(30);
    QCOMPARE(other->count(), columns + 1);
    QVERIFY(!otherPainted.take().isEmpty());
    m_model->removeColumns(0, 3);
    m_sorted->sort(0);
    QTest::qWait(30);
    QCOMPARE(other->count(), columns - 2);
    QVERIFY(!otherPainted.take().isEmpty());
}

QTEST_MAIN(TestOperationTableView)
#include "tst_gui_operationtableview.moc"
