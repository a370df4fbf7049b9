#include "resortrepaint.h"

#include <QScrollBar>
#include <QTableView>

#include <algorithm>
#include <utility>
#include <vector>

ResortRepaint::ResortRepaint(const QTableView *view)
    : m_view(view)
{ }

bool ResortRepaint::sortsRowsOnly(const QList<QPersistentModelIndex> &parents,
                                  QAbstractItemModel::LayoutChangeHint hint)
{
    return hint == QAbstractItemModel::VerticalSortHint && parents.isEmpty();
}

void ResortRepaint::layoutAboutToBeChanged(const QList<QPersistentModelIndex> &parents,
                                           QAbstractItemModel::LayoutChangeHint hint)
{
    if (!sortsRowsOnly(parents, hint)) {
        giveUp();
        return;
    }
    // A second re-sort before the layout: the screen still shows what was noted at the first.
    if (m_noting || m_wholeViewport)
        return;
    // A view out of sight paints nothing now, and one without height would note every row.
    if (!m_view->isVisible() || m_view->viewport()->height() <= 0) {
        giveUp();
        return;
    }
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

std::optional<ResortRepaint::Repaint> ResortRepaint::takeChanged()
{
    const bool noting = std::exchange(m_noting, false);
    const bool wholeViewport = std::exchange(m_wholeViewport, false);
    const QList<QPersistentModelIndex> shown = std::exchange(m_shown, {});
    const QList<bool> changed = std::exchange(m_changed, {});
    if (!noting || wholeViewport || m_view->model()->rowCount(m_view->rootIndex()) != m_rowCount
        || m_view->verticalScrollBar()->value() != m_scroll
        || m_view->viewport()->size() != m_viewportSize)
        return std::nullopt;

    // Places on screen, counted from m_firstRow: which still show what they showed, and
    // where each noted row went (or -1 when it left the screen).
    const int places = int(shown.size());
    std::vector<bool> stale(size_t(places), true);
    std::vector<int> placeOf(size_t(places), -1);
    for (int i = 0; i < places; ++i) {
        const int place = shown.at(i).row() - m_firstRow;
        if (!shown.at(i).isValid() || place < 0 || place >= places || changed.at(i))
            continue;
        placeOf[size_t(i)] = place;
        if (place == i)
            stale[size_t(i)] = false;
    }
    // The longest run of noted rows that moved by the same number of places.
    int runFirst = 0;
    int runLength = 0;
    for (int i = 0; i < places;) {
        const int shift = placeOf[size_t(i)] - i;
        int end = i + 1;
        if (placeOf[size_t(i)] >= 0 && shift != 0) {
            while (end < places && placeOf[size_t(end)] >= 0 && placeOf[size_t(end)] - end == shift)
                ++end;
            if (end - i > runLength) {
                runFirst = i;
                runLength = end - i;
            }
        }
        i = end;
    }

    Repaint repaint;
    if (runLength > 0) {
        const int shift = placeOf[size_t(runFirst)] - runFirst;
        const int top = m_firstRow + std::min(runFirst, runFirst + shift);
        const int bottom = m_firstRow + std::max(runFirst, runFirst + shift) + runLength - 1;
        // Moving pixels by whole rows needs rows of one height.
        const int height = m_view->rowHeight(top);
        bool evenRows = true;
        for (int row = top + 1; row <= bottom && evenRows; ++row)
            evenRows = m_view->rowHeight(row) == height;
        if (evenRows) {
            repaint.scrolled = rowRect(top).united(rowRect(bottom));
            repaint.dy = shift * height;
            for (int i = runFirst; i < runFirst + runLength; ++i)
                stale[size_t(placeOf[size_t(i)])] = false;
        }
    }
    for (int i = 0; i < places; ++i) {
        if (stale[size_t(i)])
            repaint.region += rowRect(m_firstRow + i);
    }
    return repaint;
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
