#pragma once

#include <QLayout>
#include <QList>

// Lays its items out left to right and starts a new line where the width ends, so a row of
// buttons never forces a narrow panel (the details beside the table) to scroll sideways.
// Items keep their preferred size; each line is centred vertically.
class FlowLayout : public QLayout
{
public:
    explicit FlowLayout(QWidget *parent = nullptr);
    ~FlowLayout() override;

    void addItem(QLayoutItem *item) override;
    int count() const override;
    QLayoutItem *itemAt(int index) const override;
    QLayoutItem *takeAt(int index) override;

    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect &rect) override;

private:
    // Places the items in rect when apply is set; returns the height they take.
    int arrange(const QRect &rect, bool apply) const;
    int spacingFor(Qt::Orientation orientation) const;

    QList<QLayoutItem *> m_items;
};
