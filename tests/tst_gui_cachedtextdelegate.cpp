// The table's cached-text delegate paints what QStyledItemDelegate paints: the same view is
// rendered with each and the pixels compared, over the kinds of cells the operations table
// has (plain, elided in the middle or at the end, with an icon, tinted, coloured, aligned,
// disabled, selected, right to left), and again after the texts change.

#include "ui/cachedtextdelegate.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QPainter>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

#include <memory>

namespace {

class ElideRightDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->textElideMode = Qt::ElideRight;
    }
};

QIcon squareIcon(const QColor &colour)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(colour);
    return QIcon(pixmap);
}

QImage render(QTableView *view)
{
    view->viewport()->update();
    return view->viewport()->grab().toImage();
}

} // namespace

class TestCachedTextDelegate : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void paintsAsTheStyledDelegate_data();
    void paintsAsTheStyledDelegate();
    void paintsChangedTextAfterCaching();
    void keepsABoundedCache();

private:
    void fill(const QString &suffix = {});
    void compareWithStyled(const char *what);

    std::unique_ptr<QStandardItemModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<QTableView> m_view;
};

void TestCachedTextDelegate::init()
{
    m_model = std::make_unique<QStandardItemModel>(12, 4);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    fill();
    m_view = std::make_unique<QTableView>();
    m_view->setModel(m_model.get());
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->setShowGrid(false);
    m_view->horizontalHeader()->resizeSection(0, 90);
    m_view->horizontalHeader()->resizeSection(1, 140);
    m_view->horizontalHeader()->resizeSection(2, 60);
    m_view->horizontalHeader()->resizeSection(3, 120);
    m_view->resize(500, 400);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestCachedTextDelegate::cleanup()
{
    m_view.reset();
    m_tester.reset();
    m_model.reset();
}

void TestCachedTextDelegate::fill(const QString &suffix)
{
    const QString texts[] = {
        QStringLiteral("Running"),
        QStringLiteral("1b5e7a4c-2d3f-4a5b-8c9d-0e1f2a3b4c5d"),
        QStringLiteral("5000: No data available for the requested period of time"),
        QString(),
        QStringLiteral("12 min 5 s"),
        QStringLiteral("Ünïcödé — ok"),
        QStringLiteral("first line\nsecond line"),
    };
    for (int row = 0; row < m_model->rowCount(); ++row) {
        for (int column = 0; column < m_model->columnCount(); ++column) {
            auto *item = new QStandardItem(texts[(row * 3 + column) % std::size(texts)] + suffix);
            if (column == 2 || row % 5 == 1)
                item->setIcon(squareIcon(row % 2 ? Qt::darkGreen : Qt::red));
            if (row % 3 == 0)
                item->setBackground(QColor(row % 2 ? 0xfff3d6 : 0xe2f4e2));
            if (column == 1 && row % 2 == 0)
                item->setForeground(QColor(Qt::darkBlue));
            if (row == 4)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (row == 7)
                item->setTextAlignment(Qt::AlignCenter);
            if (row == 9)
                item->setEnabled(false);
            m_model->setItem(row, column, item);
        }
    }
}

void TestCachedTextDelegate::compareWithStyled(const char *what)
{
    auto *styled = new QStyledItemDelegate(m_view.get());
    auto *styledAtEnd = new ElideRightDelegate(m_view.get());
    m_view->setItemDelegate(styled);
    m_view->setItemDelegateForColumn(3, styledAtEnd);
    const QImage expected = render(m_view.get());

    auto *cached = new CachedTextDelegate(m_view.get());
    auto *cachedAtEnd = new CachedTextDelegate(m_view.get(), Qt::ElideRight);
    m_view->setItemDelegate(cached);
    m_view->setItemDelegateForColumn(3, cachedAtEnd);
    const QImage first = render(m_view.get());
    // The second paint comes from the cache.
    const QImage second = render(m_view.get());
    QVERIFY2(cached->cachedTexts() > 0, what);
    QVERIFY2(first == expected, what);
    QVERIFY2(second == expected, what);
    delete styled;
    delete styledAtEnd;
}

void TestCachedTextDelegate::paintsAsTheStyledDelegate_data()
{
    QTest::addColumn<bool>("rightToLeft");
    QTest::addColumn<bool>("selection");
    QTest::newRow("plain") << false << false;
    QTest::newRow("selected rows") << false << true;
    QTest::newRow("right to left") << true << false;
}

void TestCachedTextDelegate::paintsAsTheStyledDelegate()
{
    QFETCH(bool, rightToLeft);
    QFETCH(bool, selection);
    if (rightToLeft)
        m_view->setLayoutDirection(Qt::RightToLeft);
    if (selection) {
        m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
        m_view->selectRow(2);
        m_view->selectionModel()->select(m_model->index(5, 0),
                                         QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    compareWithStyled(QTest::currentDataTag());
}

void TestCachedTextDelegate::paintsChangedTextAfterCaching()
{
    compareWithStyled("before");
    fill(QStringLiteral(" (changed)"));
    compareWithStyled("after");
    m_view->horizontalHeader()->resizeSection(1, 220);
    compareWithStyled("wider");
}

void TestCachedTextDelegate::keepsABoundedCache()
{
    CachedTextDelegate delegate;
    QImage image(200, 20, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    QStyleOptionViewItem option;
    option.rect = QRect(0, 0, 200, 20);
    option.font = m_view->font();
    option.state = QStyle::State_Enabled;
    QStandardItemModel many(1, 1);
    QAbstractItemModelTester tester(&many, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int texts = 3 * CachedTextDelegate::CacheGeneration;
    for (int i = 0; i < texts; ++i) {
        many.setData(many.index(0, 0), QStringLiteral("text %1").arg(i));
        delegate.paint(&painter, option, many.index(0, 0));
        QVERIFY(delegate.cachedTexts() <= 2 * CachedTextDelegate::CacheGeneration);
    }
    QVERIFY(delegate.cachedTexts() > CachedTextDelegate::CacheGeneration);
    // The text just painted is kept: painting it again adds nothing.
    const int before = delegate.cachedTexts();
    delegate.paint(&painter, option, many.index(0, 0));
    QCOMPARE(delegate.cachedTexts(), before);
}

QTEST_MAIN(TestCachedTextDelegate)
#include "tst_gui_cachedtextdelegate.moc"
