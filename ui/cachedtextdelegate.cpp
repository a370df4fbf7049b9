#include "cachedtextdelegate.h"

#include <QApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QStyle>

#include <cmath>
#include <utility>

CachedTextDelegate::CachedTextDelegate(QObject *parent, std::optional<Qt::TextElideMode> elideMode)
    : QStyledItemDelegate(parent)
    , m_elideMode(elideMode)
{ }

void CachedTextDelegate::initStyleOption(QStyleOptionViewItem *option,
                                         const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (m_elideMode)
        option->textElideMode = *m_elideMode;
}

bool CachedTextDelegate::paintsLikeTheStyle(const QStyleOptionViewItem &option)
{
    // Selection and focus are drawn around the text's own extent by some styles; a check
    // box, wrapping or more than one line change the layout. Those few cells go to the style.
    if (option.state & (QStyle::State_Selected | QStyle::State_HasFocus | QStyle::State_Editing))
        return false;
    if (option.features
        & (QStyleOptionViewItem::WrapText | QStyleOptionViewItem::HasCheckIndicator))
        return false;
    if ((option.features & QStyleOptionViewItem::HasDecoration)
        && option.decorationPosition != QStyleOptionViewItem::Left)
        return false;
    return !option.text.contains(QChar::LineSeparator);
}

void CachedTextDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    if (!paintsLikeTheStyle(opt)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QWidget *widget = opt.widget;
    const QStyle *style = widget ? widget->style() : QApplication::style();
    // The style draws the background and the icon; where it puts them does not depend on
    // the text when there is no selection to fit around it. Without an icon, the item is
    // only its panel: drawn straight, without laying out the icon, check and text rects the
    // whole item would compute first (a third of a cell's cost).
    const QString text = std::exchange(opt.text, QString());
    if (opt.features & QStyleOptionViewItem::HasDecoration)
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    else
        style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);
    if (text.isEmpty())
        return;

    // The text's place as QCommonStyle lays out an item: after the icon and its margins,
    // inside a margin on either side.
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, &opt, widget) + 1;
    QRect display = opt.rect;
    if (opt.features & QStyleOptionViewItem::HasDecoration) {
        const int decoration = opt.decorationSize.width() + 2 * margin;
        if (opt.direction == Qt::RightToLeft)
            display.setRight(display.right() - decoration);
        else
            display.setLeft(display.left() + decoration);
    }
    const QRect textRect = display.adjusted(margin, 0, -margin, 0);
    if (textRect.width() <= 0)
        return;
    const QStaticText &line
        = laidOut({text, opt.font, textRect.width(), opt.textElideMode, opt.direction});
    // Placed as QCommonStyle places its text line: centred vertically on whole pixels, and
    // along the line at the fraction of a pixel its alignment gives.
    const QSizeF size = line.size();
    QPointF at(textRect.left(),
               QStyle::alignedRect(opt.direction, Qt::AlignLeft | Qt::AlignVCenter,
                                   QSize(textRect.width(), qRound(size.height())), textRect)
                   .top());
    const Qt::Alignment horizontal
        = QStyle::visualAlignment(opt.direction, opt.displayAlignment) & Qt::AlignHorizontal_Mask;
    if (horizontal & Qt::AlignRight)
        at.rx() += textRect.width() - size.width();
    else if (horizontal & Qt::AlignHCenter)
        at.rx() += (textRect.width() - size.width()) / 2;

    QPalette::ColorGroup group
        = opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    if (group == QPalette::Normal && !(opt.state & QStyle::State_Active))
        group = QPalette::Inactive;
    painter->save();
    painter->setClipRect(opt.rect, Qt::IntersectClip);
    painter->setPen(opt.palette.color(group, QPalette::Text));
    painter->setFont(opt.font);
    painter->drawStaticText(at, line);
    painter->restore();
}

const QStaticText &CachedTextDelegate::laidOut(const Key &key) const
{
    if (const auto found = m_recent.constFind(key); found != m_recent.constEnd())
        return *found;
    QStaticText line;
    if (const auto older = m_older.constFind(key); older != m_older.constEnd()) {
        line = *older;
    } else {
        // In the cell's direction, as the style lays out text: digits after letters read
        // differently right to left.
        QTextOption option;
        option.setTextDirection(key.direction);
        option.setWrapMode(QTextOption::ManualWrap);
        line.setTextOption(option);
        line.setTextFormat(Qt::PlainText);
        line.setText(key.text);
        line.prepare(QTransform(), key.font);
        if (line.size().width() > key.width && key.elideMode != Qt::ElideNone) {
            line.setText(QFontMetrics(key.font).elidedText(key.text, key.elideMode, key.width));
            line.prepare(QTransform(), key.font);
        }
    }
    if (m_recent.size() >= CacheGeneration)
        m_older = std::exchange(m_recent, {});
    return *m_recent.insert(key, std::move(line));
}
