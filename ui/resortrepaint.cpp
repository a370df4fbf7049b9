#include "resortrepaint.h"

#include <QScrollBar>
#include <QTableView>

#include <utility>

ResortRepaint::ResortRepaint(const QTableView *view)
    : m_view(view)
{ }

void ResortRepaint::layoutAboutToBeChanged(const QList<QPersistentModelIndex> &parents,
                                           QAbstractItemModel::LayoutChangeHint hint)
{
    if (hint != QAbstractItemModel::VerticalSortHint || !parents.isEmpty()) {
        giveUp();
        return;
    }
    // A second re-sort before the layout: the screen still shows what was noted at the first.
    if (m_noting || m_wholeViewport)
        return;
    const QAbstractItemModel *model = m_view->model();
    m_noting = true;
    m_rowCount = model->rowCount(m_view->rootIndex());
    m_scroll = m_view->verticalScrollBar()->value();
    m_viewportSize = m_view->viewport()->size();
    m_firstRow = m_view->rowAt(0);
    if (m_firstRow < 0)
        return;
    int last = m_view->rowAt(m_viewportSize.height() - 1);
    if (last < 0)
        last = m_rowCount - 1;
    m_shown.reserve(last - m_firstRow + 1);
    for (int row = m_firstRow; row <= last; ++row)
        m_shown.append(model->index(row, 0, m_view->rootIndex()));
    m_changed.fill(false, m_shown.size());
}

void ResortRepaint::dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    // Only a noted row can show the same place with new data; any other row that comes on
    // screen has moved there.
    for (qsizetype i = 0; i < m_shown.size(); ++i) {
        const int row = m_shown.at(i).row();
        if (row >= topLeft.row() && row <= bottomRight.row())
            m_changed[i] = true;
    }
}

void ResortRepaint::structureChanged()
{
    giveUp();
}

void ResortRepaint::painted()
{
    if (m_noting)
        giveUp();
}

std::optional<QRegion> ResortRepaint::takeChanged()
{
    const bool noting = std::exchange(m_noting, false);
    const bool wholeViewport = std::exchange(m_wholeViewport, false);
    const QList<QPersistentModelIndex> shown = std::exchange(m_shown, {});
    const QList<bool> changed = std::exchange(m_changed, {});
    if (!noting || wholeViewport || m_view->model()->rowCount(m_view->rootIndex()) != m_rowCount
        || m_view->verticalScrollBar()->value() != m_scroll
        || m_view->viewport()->size() != m_viewportSize)
        return std::nullopt;
    QRegion region;
    for (qsizetype i = 0; i < shown.size(); ++i) {
        const int row = m_firstRow + int(i);
        if (changed.at(i) || shown.at(i).row() != row)
            region += rowRect(row);
    }
    return region;
}

QRect ResortRepaint::rowRect(int row) const
{
    const QRect line(0, m_view->rowViewportPosition(row), m_view->viewport()->width(),
                     m_view->rowHeight(row));
    return line.intersected(m_view->viewport()->rect());
}

void ResortRepaint::giveUp()
{
    m_wholeViewport = true;
    m_shown.clear();
    m_changed.clear();
}
