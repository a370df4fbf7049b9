// The operations table's scroll bars, which keep their last painting: they look exactly like
// QScrollBar's whatever they show, follow every change, and still scroll the view and reach
// the item view's slots (fetchMore at the bottom) after replacing Qt's own.

#include "ui/operationtableview.h"

#include <QAbstractItemModelTester>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTest>

#include <memory>

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

} // namespace

class TestOperationTableView : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void scrollBarsPaintAsQScrollBar();
    void scrollBarsStillScrollAndFetch();

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

QTEST_MAIN(TestOperationTableView)
#include "tst_gui_operationtableview.moc"
