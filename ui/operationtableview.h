#pragma once

#include "resortrepaint.h"

#include <QTableView>

// The operations table; when it has no rows it says what to do instead of showing a blank.
// A sweep re-sorts it many times a second: after a re-sort it repaints only the rows that
// now show something else (see ResortRepaint), and its cells are painted from laid-out text
// kept between paints (see CachedTextDelegate).
class OperationTableView : public QTableView
{
    Q_OBJECT
public:
    explicit OperationTableView(QWidget *parent = nullptr);

    void setPlaceholderText(const QString &text);

    // The view elides in the middle, which keeps both ends of an id; text that reads from
    // its start, such as "5000: No data available", should lose its end instead.
    void elideColumnAtEnd(int column);

    void setModel(QAbstractItemModel *model) override;
    void doItemsLayout() override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                     const QList<int> &roles = QList<int>()) override;

private:
    QString m_placeholder;
    ResortRepaint m_resort {this};
    QList<QMetaObject::Connection> m_modelConnections;
};
