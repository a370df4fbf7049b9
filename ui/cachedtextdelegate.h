#pragma once

#include <QFont>
#include <QHash>
#include <QStaticText>
#include <QStyledItemDelegate>

#include <optional>

// A QStyledItemDelegate that looks the same but paints a table of thousands of rows
// cheaply: the style still draws each cell's background, icon and focus, but its text is
// drawn from a cache of laid-out (and elided) text, so a repaint shapes only the texts it
// has not drawn before at that width. QStyledItemDelegate shapes every cell's text three
// times per paint, which made most of a repaint's cost: a window that repaints its rows ten
// times a second while a sweep moves them spent a frame on it each time.
//
// Cells it cannot draw the same way as the style (selected, focused, being edited, with a
// check box, wrapped or multi-line text, a decoration not on the left) go to
// QStyledItemDelegate::paint().
class CachedTextDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    // `elideMode` replaces the view's text elide mode for the cells this delegate paints.
    explicit CachedTextDelegate(QObject *parent = nullptr,
                                std::optional<Qt::TextElideMode> elideMode = std::nullopt);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

    // How many laid-out texts are kept at most: two generations of this many; the older is
    // dropped when the newer fills up, so what is on screen stays and the rest goes.
    static constexpr int CacheGeneration = 2048;
    int cachedTexts() const { return int(m_recent.size() + m_older.size()); }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    struct Key
    {
        QString text;
        QFont font;
        int width;
        Qt::TextElideMode elideMode;
        Qt::LayoutDirection direction;
        bool operator==(const Key &other) const
        {
            return width == other.width && elideMode == other.elideMode
                && direction == other.direction && text == other.text && font == other.font;
        }
        friend size_t qHash(const Key &key, size_t seed = 0)
        {
            return qHashMulti(seed, key.text, key.font, key.width, int(key.elideMode),
                              int(key.direction));
        }
    };

    static bool paintsLikeTheStyle(const QStyleOptionViewItem &option);
    // The text as the style would draw it in `width` pixels: elided when it does not fit.
    const QStaticText &laidOut(const Key &key) const;

    std::optional<Qt::TextElideMode> m_elideMode;
    mutable QHash<Key, QStaticText> m_recent;
    mutable QHash<Key, QStaticText> m_older;
};
