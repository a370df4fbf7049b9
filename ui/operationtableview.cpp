#include "operationtableview.h"

#include "cachedtextdelegate.h"

#include <QPainter>

OperationTableView::OperationTableView(QWidget *parent)
    : QTableView(parent)
{
    setItemDelegate(new CachedTextDelegate(this));
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

void OperationTableView::paintEvent(QPaintEvent *event)
{
    QTableView::paintEvent(event);
    if (!model() || model()->rowCount() > 0 || m_placeholder.isEmpty())
        return;
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    const QRect area = viewport()->rect().adjusted(24, 24, -24, -24);
    painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
}
