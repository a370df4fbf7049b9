#pragma once

#include <QStyledItemDelegate>

// Draws the rows of a DownloadJobModel: the progress column as a progress bar, painted
// with the style like Qt's torrent example rather than a QProgressBar widget per row, and
// the status column in its state's colour and icon (app/downloads/downloadjobstyle.h), so
// a failed or corrupt file stands out without being read.
class DownloadJobDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};
