#include "downloadjobdelegate.h"

#include "statuscolours.h"
#include "statusicons.h"

#include "app/downloads/downloadjobmodel.h"
#include "app/downloads/downloadjobstyle.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOptionProgressBar>

void DownloadJobDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    const int progress = index.data(DownloadJobModel::ProgressRole).toInt();
    if (index.column() != DownloadJobModel::ProgressColumn || progress < 0) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The cell's own background first, so a selected row stays selected under the bar.
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    cell.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, widget);

    QStyleOptionProgressBar bar;
    bar.palette = option.palette;
    bar.state = option.state | QStyle::State_Horizontal;
    bar.direction = option.direction;
    bar.rect = option.rect.adjusted(2, 2, -2, -2);
    bar.fontMetrics = option.fontMetrics;
    bar.minimum = 0;
    bar.maximum = 1000;
    bar.progress = progress;
    bar.text = index.data(Qt::DisplayRole).toString();
    bar.textVisible = !bar.text.isEmpty();
    bar.textAlignment = Qt::AlignCenter;
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
}

void DownloadJobDelegate::initStyleOption(QStyleOptionViewItem *option,
                                          const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const int state = index.data(DownloadJobModel::StateRole).toInt();
    if (index.column() != DownloadJobModel::StatusColumn || state < 0)
        return;
    const DownloadJobStyle &look = downloadJobStyle(DownloadJob::State(state));
    option->icon = StatusIcons::shapeIcon(look.iconName, look.rgb, option->palette);
    option->features |= QStyleOptionViewItem::HasDecoration;
    const int side = option->fontMetrics.height();
    option->decorationSize = QSize(side, side);
    if (!(option->state & QStyle::State_Selected))
        option->palette.setColor(QPalette::Text,
                                 StatusColours::textColour(look.rgb, option->palette));
}
