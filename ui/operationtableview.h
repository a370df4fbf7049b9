#pragma once

#include <QTableView>

// The operations table; when it has no rows it says what to do instead of showing a blank.
// Its cells are painted from laid-out text kept between paints (see CachedTextDelegate), as
// a sweep repaints the rows many times a second.
class OperationTableView : public QTableView
{
    Q_OBJECT
public:
    explicit OperationTableView(QWidget *parent = nullptr);

    void setPlaceholderText(const QString &text);

    // The view elides in the middle, which keeps both ends of an id; text that reads from
    // its start, such as "5000: No data available", should lose its end instead.
    void elideColumnAtEnd(int column);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_placeholder;
};
