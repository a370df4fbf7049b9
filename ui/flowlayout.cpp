#include "flowlayout.h"

#include <QApplication>
#include <QStyle>
#include <QWidget>

FlowLayout::FlowLayout(QWidget *parent)
    : QLayout(parent)
{
    setContentsMargins(0, 0, 0, 0);
}

FlowLayout::~FlowLayout()
{
    qDeleteAll(m_items);
}

void FlowLayout::addItem(QLayoutItem *item)
{
    m_items.append(item);
    invalidate();
}

int FlowLayout::count() const
{
    return int(m_items.size());
}

QLayoutItem *FlowLayout::itemAt(int index) const
{
    return m_items.value(index);
}

QLayoutItem *FlowLayout::takeAt(int index)
{
    if (index < 0 || index >= m_items.size())
        return nullptr;
    QLayoutItem *item = m_items.takeAt(index);
    invalidate();
    return item;
}

Qt::Orientations FlowLayout::expandingDirections() const
{
    return {};
}

bool FlowLayout::hasHeightForWidth() const
{
    return true;
}

int FlowLayout::heightForWidth(int width) const
{
    return arrange(QRect(0, 0, width, 0), false);
}

QSize FlowLayout::minimumSize() const
{
    // The widest item alone on a line; the height follows from heightForWidth.
    QSize size;
    for (const QLayoutItem *item : m_items) {
        if (!item->isEmpty())
            size = size.expandedTo(item->minimumSize());
    }
    const QMargins margins = contentsMargins();
    return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom());
}

QSize FlowLayout::sizeHint() const
{
    // Everything on one line.
    const int horizontal = spacingFor(Qt::Horizontal);
    QSize size;
    for (const QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        const QSize hint = item->sizeHint();
        size.setWidth(size.width() + (size.width() > 0 ? horizontal : 0) + hint.width());
        size.setHeight(qMax(size.height(), hint.height()));
    }
    const QMargins margins = contentsMargins();
    return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom());
}

void FlowLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

int FlowLayout::arrange(const QRect &rect, bool apply) const
{
    const QMargins margins = contentsMargins();
    const QRect area = rect.marginsRemoved(margins);
    const int horizontal = spacingFor(Qt::Horizontal);
    const int vertical = spacingFor(Qt::Vertical);

    QList<QLayoutItem *> line;
    int lineWidth = 0;
    int lineHeight = 0;
    int y = area.y();
    const auto finishLine = [&] {
        if (apply) {
            int x = area.x();
            for (QLayoutItem *item : std::as_const(line)) {
                const QSize hint = item->sizeHint();
                const int width = qMin(hint.width(), area.width());
                item->setGeometry(
                    QRect(x, y + (lineHeight - hint.height()) / 2, width, hint.height()));
                x += width + horizontal;
            }
        }
        y += lineHeight + vertical;
        line.clear();
        lineWidth = 0;
        lineHeight = 0;
    };
    for (QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        const QSize hint = item->sizeHint();
        if (!line.isEmpty() && lineWidth + horizontal + hint.width() > area.width())
            finishLine();
        lineWidth += (line.isEmpty() ? 0 : horizontal) + hint.width();
        lineHeight = qMax(lineHeight, hint.height());
        line.append(item);
    }
    const bool anyLine = y > area.y() || !line.isEmpty();
    if (!line.isEmpty())
        finishLine();
    const int height = anyLine ? y - vertical - area.y() : 0;
    return height + margins.top() + margins.bottom();
}

int FlowLayout::spacingFor(Qt::Orientation orientation) const
{
    const int own = spacing();
    if (own >= 0)
        return own;
    // Unset: as the layout it sits in, or the style's spacing for the widget it lays out.
    if (const auto *outer = qobject_cast<const QLayout *>(parent()))
        return qMax(0, outer->spacing());
    const QStyle::PixelMetric metric = orientation == Qt::Horizontal
        ? QStyle::PM_LayoutHorizontalSpacing
        : QStyle::PM_LayoutVerticalSpacing;
    const QWidget *widget = parentWidget();
    const QStyle *style = widget ? widget->style() : QApplication::style();
    return qMax(0, style->pixelMetric(metric, nullptr, widget));
}
