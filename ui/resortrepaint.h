#pragma once

#include <QAbstractItemModel>
#include <QList>
#include <QPersistentModelIndex>
#include <QRegion>

#include <optional>

class QTableView;

// Which rows of a table view a re-sort changed on screen. QAbstractItemView repaints its
// whole viewport after every layout change, and a sweep re-sorts the table ten times a
// second (every batch that finishes an operation moves it), though most re-sorts move rows
// off screen only: a full repaint each time was most of the window's painting.
//
// When a re-sort begins, this notes the rows on screen as persistent indexes, which follow
// them through every further re-sort until the view lays out again. A place on screen then
// shows the same row if and only if the row noted there is still there. Rows whose data
// changed meanwhile count too, as the view skips their repaint while a layout is pending.
// Anything other than rows moving among themselves (rows added or removed, a reset, a
// scroll, a paint in between) asks for the whole viewport, as before.
//
// When a row leaves the screen or comes onto it, the rows below it all move one place: the
// longest run of rows that moved together is scrolled, moving their pixels as scrolling the
// view does, and only the places left over are painted again.
class ResortRepaint
{
public:
    explicit ResortRepaint(const QTableView *view);

    // Whether a layout change only sorts the rows of a table: they change places among
    // themselves, and nothing else changes.
    static bool sortsRowsOnly(const QList<QPersistentModelIndex> &parents,
                              QAbstractItemModel::LayoutChangeHint hint);

    // From the view's model.
    void layoutAboutToBeChanged(const QList<QPersistentModelIndex> &parents,
                                QAbstractItemModel::LayoutChangeHint hint);
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    // Anything that is not rows moving among themselves.
    void structureChanged();
    // The viewport painted while a layout was pending: what it shows is no longer what was
    // noted.
    void painted();

    struct Repaint
    {
        // Scroll `scrolled` (viewport coordinates) by `dy` first, then repaint `region`.
        QRect scrolled;
        int dy = 0;
        QRegion region;
    };
    // At the layout that follows: what to scroll and repaint, or nothing when the viewport
    // must be repainted whole. Forgets what it noted.
    std::optional<Repaint> takeChanged();

private:
    QRect rowRect(int row) const;
    void giveUp();

    const QTableView *m_view;
    bool m_noting = false;
    bool m_wholeViewport = false;
    int m_firstRow = 0;
    int m_rowCount = 0;
    int m_scroll = 0;
    QSize m_viewportSize;
    // The rows on screen when the re-sort began, from m_firstRow down, and whether their
    // data changed since.
    QList<QPersistentModelIndex> m_shown;
    QList<bool> m_changed;
};
