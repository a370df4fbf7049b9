#include "operationtableview.h"

#include "cachedtextdelegate.h"

#include <QApplication>
#include <QHeaderView>
#include <QPainter>
#include <QPixmap>
#include <QScrollBar>
#include <QStyleOptionSlider>

#include <functional>
#include <utility>

namespace {

// Follows `model` for a view that skips work when rows only change places: `onLayoutChange`
// hears every layout change, `onOtherChange` everything else that makes an item view lay out
// again (rows or columns added, removed or moved, a reset), as it is announced: always before
// the view's delayed layout runs. The connections made so far are dropped first.
void followModel(QList<QMetaObject::Connection> *connections, QAbstractItemModel *model,
                 QObject *context,
                 const std::function<void(const QList<QPersistentModelIndex> &,
                                          QAbstractItemModel::LayoutChangeHint)> &onLayoutChange,
                 const std::function<void()> &onOtherChange)
{
    for (const QMetaObject::Connection &connection : std::as_const(*connections))
        QObject::disconnect(connection);
    connections->clear();
    if (!model)
        return;
    auto &c = *connections;
    c << QObject::connect(model, &QAbstractItemModel::layoutAboutToBeChanged, context,
                          onLayoutChange);
    c << QObject::connect(model, &QAbstractItemModel::rowsAboutToBeInserted, context,
                          onOtherChange);
    c << QObject::connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, context, onOtherChange);
    c << QObject::connect(model, &QAbstractItemModel::rowsAboutToBeMoved, context, onOtherChange);
    c << QObject::connect(model, &QAbstractItemModel::columnsAboutToBeInserted, context,
                          onOtherChange);
    c << QObject::connect(model, &QAbstractItemModel::columnsAboutToBeRemoved, context,
                          onOtherChange);
    c << QObject::connect(model, &QAbstractItemModel::columnsAboutToBeMoved, context,
                          onOtherChange);
    c << QObject::connect(model, &QAbstractItemModel::modelAboutToBeReset, context, onOtherChange);
}

// QAbstractScrollArea raises both of its scroll bars at every layout, and a raised widget is
// repainted; with rows re-sorting ten times a second during a sweep, the two scroll bars
// (gradients in Fusion, 0.7 ms each) were an eighth of the window's painting, to draw the
// same pixels again. This one keeps its last painting and shows it again while nothing it
// draws has changed. Under the mouse or pressed, it paints as QScrollBar does.
class CachedScrollBar final : public QScrollBar
{
public:
    using QScrollBar::QScrollBar;

protected:
    void paintEvent(QPaintEvent *event) override
    {
        if (underMouse() || isSliderDown() || QApplication::mouseButtons() != Qt::NoButton) {
            m_cache = QPixmap();
            QScrollBar::paintEvent(event);
            return;
        }
        QStyleOptionSlider option;
        initStyleOption(&option);
        option.subControls = QStyle::SC_All;
        const Drawn drawn = drawnFrom(option);
        if (m_cache.isNull() || !(drawn == m_drawn)) {
            m_cache = QPixmap(option.rect.size() * devicePixelRatioF());
            m_cache.setDevicePixelRatio(devicePixelRatioF());
            m_cache.fill(Qt::transparent);
            QPainter painter(&m_cache);
            style()->drawComplexControl(QStyle::CC_ScrollBar, &option, &painter, this);
            m_drawn = drawn;
        }
        QPainter(this).drawPixmap(0, 0, m_cache);
    }

private:
    // What the style is given to draw.
    struct Drawn
    {
        QRect rect;
        int state = 0;
        int minimum = 0;
        int maximum = 0;
        int position = 0;
        int pageStep = 0;
        bool upsideDown = false;
        Qt::LayoutDirection direction = Qt::LeftToRight;
        qint64 palette = 0;
        const QStyle *style = nullptr;
        qreal ratio = 1;
        bool operator==(const Drawn &other) const
        {
            return rect == other.rect && state == other.state && minimum == other.minimum
                && maximum == other.maximum && position == other.position
                && pageStep == other.pageStep && upsideDown == other.upsideDown
                && direction == other.direction && palette == other.palette && style == other.style
                && ratio == other.ratio;
        }
    };

    Drawn drawnFrom(const QStyleOptionSlider &option) const
    {
        return {option.rect,       int(option.state),     option.minimum,
                option.maximum,    option.sliderPosition, option.pageStep,
                option.upsideDown, option.direction,      option.palette.cacheKey(),
                style(),           devicePixelRatioF()};
    }

    QPixmap m_cache;
    Drawn m_drawn;
};

// QHeaderView lays itself out again and repaints after every layout change of its model, as
// any item view does, and a sweep re-sorts the rows ten times a second: that was a third of
// the window's painting. Rows sorting change nothing a header of columns shows (QHeaderView
// already leaves its sections alone for them), so this one skips a layout that only they
// asked for.
class ColumnHeader final : public QHeaderView
{
public:
    explicit ColumnHeader(QWidget *parent)
        : QHeaderView(Qt::Horizontal, parent)
    {
        // As QTableView makes its own.
        setSectionsClickable(true);
        setHighlightSections(true);
    }

    void setModel(QAbstractItemModel *model) override
    {
        m_asked = Asked::Other;
        QHeaderView::setModel(model);
        followModel(
            &m_connections, model, this,
            [this](const QList<QPersistentModelIndex> &parents,
                   QAbstractItemModel::LayoutChangeHint hint) {
                if (!ResortRepaint::sortsRowsOnly(parents, hint))
                    m_asked = Asked::Other;
                else if (m_asked == Asked::Nothing)
                    m_asked = Asked::RowSortsOnly;
            },
            [this] { m_asked = Asked::Other; });
    }

    void doItemsLayout() override
    {
        if (std::exchange(m_asked, Asked::Nothing) == Asked::RowSortsOnly)
            return;
        QHeaderView::doItemsLayout();
    }

protected:
    bool event(QEvent *event) override
    {
        // Item views lay out again for these too.
        if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
            m_asked = Asked::Other;
        return QHeaderView::event(event);
    }

private:
    // What asked for a layout since the last one.
    enum class Asked { Nothing, RowSortsOnly, Other };
    Asked m_asked = Asked::Other;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace

OperationTableView::OperationTableView(QWidget *parent)
    : QTableView(parent)
{
    setItemDelegate(new CachedTextDelegate(this));
    setHorizontalHeader(new ColumnHeader(this));
    auto *vertical = new CachedScrollBar(Qt::Vertical, this);
    setVerticalScrollBar(vertical);
    auto *horizontal = new CachedScrollBar(Qt::Horizontal, this);
    setHorizontalScrollBar(horizontal);
    // The item view connected these to the scroll bars it made, not to their replacements.
    connect(vertical, &QScrollBar::actionTriggered, this,
            &OperationTableView::verticalScrollbarAction);
    connect(vertical, &QScrollBar::valueChanged, this,
            &OperationTableView::verticalScrollbarValueChanged);
    connect(horizontal, &QScrollBar::actionTriggered, this,
            &OperationTableView::horizontalScrollbarAction);
    connect(horizontal, &QScrollBar::valueChanged, this,
            &OperationTableView::horizontalScrollbarValueChanged);
}

void OperationTableView::elideColumnAtEnd(int column)
{
    setItemDelegateForColumn(column, new CachedTextDelegate(this, Qt::ElideRight));
}

void OperationTableView::setPlaceholderText(const QString &text)
{
    if (text == m_placeholder)
        return;
    m_placeholder = text;
    viewport()->update();
}

void OperationTableView::setModel(QAbstractItemModel *model)
{
    m_resort.structureChanged();
    QTableView::setModel(model);
    followModel(
        &m_modelConnections, model, this,
        [this](const QList<QPersistentModelIndex> &parents,
               QAbstractItemModel::LayoutChangeHint hint) {
            m_resort.layoutAboutToBeChanged(parents, hint);
        },
        [this] { m_resort.structureChanged(); });
}

void OperationTableView::doItemsLayout()
{
    const std::optional<ResortRepaint::Repaint> repaint = m_resort.takeChanged();
    // QTableView's own layout repaints the whole viewport, and turns the row header's updates
    // back on after rows were removed.
    if (!repaint || !verticalHeader()->updatesEnabled()) {
        QTableView::doItemsLayout();
        return;
    }
    // Rows only changed places: sizes and scroll ranges stay, but an open editor follows its
    // row.
    updateEditorGeometries();
    if (repaint->dy != 0)
        viewport()->scroll(0, repaint->dy, repaint->scrolled);
    viewport()->update(repaint->region);
}

void OperationTableView::dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                     const QList<int> &roles)
{
    m_resort.dataChanged(topLeft, bottomRight);
    QTableView::dataChanged(topLeft, bottomRight, roles);
}

void OperationTableView::paintEvent(QPaintEvent *event)
{
    m_resort.painted();
    QTableView::paintEvent(event);
    if (!model() || model()->rowCount() > 0 || m_placeholder.isEmpty())
        return;
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    const QRect area = viewport()->rect().adjusted(24, 24, -24, -24);
    painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
}
