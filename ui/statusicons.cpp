#include "statusicons.h"

#include "models/statusstyle.h"
#include "statuscolours.h"
#include "uiresources.h"

#include <QHash>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QPolygonF>

#include <cmath>

namespace StatusIcons {

namespace {

// Drawn in a 16 x 16 design box, scaled to the target.
constexpr double Box = 16.0;

QPen roundPen(const QColor &colour, double width)
{
    return QPen(colour, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
}

void drawHollowCircle(QPainter *p, const QColor &colour)
{
    p->setPen(roundPen(colour, 1.8));
    p->setBrush(Qt::NoBrush);
    p->drawEllipse(QPointF(8, 8), 5.6, 5.6);
}

void drawArc(QPainter *p, const QColor &colour)
{
    const QRectF ring(2.2, 2.2, 11.6, 11.6);
    QColor track = colour;
    track.setAlphaF(0.3f);
    p->setBrush(Qt::NoBrush);
    p->setPen(roundPen(track, 2.0));
    p->drawEllipse(ring);
    p->setPen(roundPen(colour, 2.2));
    p->drawArc(ring, 90 * 16, -270 * 16); // three quarters: work under way
}

void drawCheck(QPainter *p, const QColor &colour, const QColor &glyph)
{
    p->setPen(Qt::NoPen);
    p->setBrush(colour);
    p->drawEllipse(QPointF(8, 8), 7.2, 7.2);
    p->setPen(roundPen(glyph, 1.9));
    p->setBrush(Qt::NoBrush);
    p->drawPolyline(QPolygonF({{4.6, 8.3}, {7.0, 10.7}, {11.4, 5.6}}));
}

void drawCross(QPainter *p, const QColor &colour, const QColor &glyph)
{
    // An octagon, the stop sign, so a failure differs from success in outline too.
    QPolygonF octagon;
    for (int i = 0; i < 8; ++i) {
        const double angle = (22.5 + 45.0 * i) * M_PI / 180.0;
        octagon << QPointF(8 + 7.4 * std::cos(angle), 8 + 7.4 * std::sin(angle));
    }
    p->setPen(Qt::NoPen);
    p->setBrush(colour);
    p->drawPolygon(octagon);
    p->setPen(roundPen(glyph, 1.9));
    p->drawLine(QPointF(5.4, 5.4), QPointF(10.6, 10.6));
    p->drawLine(QPointF(10.6, 5.4), QPointF(5.4, 10.6));
}

void drawQuestion(QPainter *p, const QColor &colour, const QColor &glyph)
{
    // A diamond: neither the circle of progress nor the octagon of failure.
    p->setPen(Qt::NoPen);
    p->setBrush(colour);
    p->drawPolygon(QPolygonF({{8, 0.4}, {15.6, 8}, {8, 15.6}, {0.4, 8}}));
    QPainterPath hook;
    hook.moveTo(6.0, 6.4);
    hook.cubicTo(6.0, 3.9, 10.0, 3.9, 10.0, 6.4);
    hook.cubicTo(10.0, 7.8, 8.0, 7.9, 8.0, 9.4);
    p->setPen(roundPen(glyph, 1.6));
    p->setBrush(Qt::NoBrush);
    p->drawPath(hook);
    p->setPen(Qt::NoPen);
    p->setBrush(glyph);
    p->drawEllipse(QPointF(8, 11.6), 1.0, 1.0);
}

void drawHourglass(QPainter *p, const QColor &colour)
{
    p->setPen(roundPen(colour, 1.7));
    p->drawLine(QPointF(3.2, 1.6), QPointF(12.8, 1.6));
    p->drawLine(QPointF(3.2, 14.4), QPointF(12.8, 14.4));
    p->setBrush(Qt::NoBrush);
    p->setPen(roundPen(colour, 1.4));
    p->drawPolygon(QPolygonF({{4.4, 2.4}, {11.6, 2.4}, {8, 8}, {11.6, 13.6}, {4.4, 13.6}, {8, 8}}));
    // The sand has run out: the lower bulb is full.
    p->setPen(Qt::NoPen);
    p->setBrush(colour);
    p->drawPolygon(QPolygonF({{8, 8.6}, {11.4, 13.6}, {4.6, 13.6}}));
}

void drawProblemMarker(QPainter *p, const QPalette &palette, const QRectF &area)
{
    const QColor colour = StatusColours::problemColour(palette);
    const QColor glyph = palette.color(QPalette::Base);
    const QPolygonF triangle({{area.center().x(), area.top()},
                              {area.right(), area.bottom()},
                              {area.left(), area.bottom()}});
    p->setPen(QPen(glyph, 1.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p->setBrush(colour);
    p->drawPolygon(triangle);
    const double unit = area.height() / 8.0;
    p->setPen(roundPen(glyph, 1.1 * unit));
    p->drawLine(QPointF(area.center().x(), area.top() + 2.9 * unit),
                QPointF(area.center().x(), area.top() + 5.0 * unit));
    p->drawPoint(QPointF(area.center().x(), area.top() + 6.6 * unit));
}

// The named shape (see models/statusstyle.h) in the 16 x 16 design box.
void drawShape(QPainter *p, const QByteArray &shape, const QColor &colour, const QColor &glyph)
{
    if (shape == "hollow-circle")
        drawHollowCircle(p, colour);
    else if (shape == "arc")
        drawArc(p, colour);
    else if (shape == "check")
        drawCheck(p, colour, glyph);
    else if (shape == "cross")
        drawCross(p, colour, glyph);
    else if (shape == "hourglass")
        drawHourglass(p, colour);
    else
        drawQuestion(p, colour, glyph);
}

// Scales the painter so that the 16 x 16 design box fills the square in the middle of rect.
void enterDesignBox(QPainter *painter, const QRectF &rect)
{
    const double side = std::min(rect.width(), rect.height());
    painter->setRenderHint(QPainter::Antialiasing);
    painter->translate(rect.center().x() - side / 2, rect.center().y() - side / 2);
    painter->scale(side / Box, side / Box);
}

template<typename Paint> QPixmap render(int size, Paint paintInto)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    paintInto(&painter, QRectF(0, 0, size, size));
    painter.end();
    return QPixmap::fromImage(image);
}

QString paletteKey(const QPalette &palette)
{
    return palette.color(QPalette::Base).name() + palette.color(QPalette::Text).name()
        + palette.color(QPalette::Window).name() + palette.color(QPalette::Highlight).name()
        + palette.color(QPalette::HighlightedText).name();
}

// Every size of one icon, for the palette and for a selected row.
template<typename Paint> QIcon iconFor(const QPalette &palette, Paint paintInto)
{
    QIcon result;
    const QPalette selected = StatusColours::onSelection(palette);
    for (int size : {16, 20, 24, 32, 48, 64}) {
        result.addPixmap(
            render(size, [&](QPainter *p, const QRectF &r) { paintInto(p, r, palette); }));
        result.addPixmap(
            render(size, [&](QPainter *p, const QRectF &r) { paintInto(p, r, selected); }),
            QIcon::Selected);
    }
    return result;
}

} // namespace

void paint(QPainter *painter, const QRectF &rect, OperationStatus status, bool withProblem,
           const QPalette &palette)
{
    painter->save();
    enterDesignBox(painter, rect);
    drawShape(painter, statusStyle(status).iconName, StatusColours::iconColour(status, palette),
              palette.color(QPalette::Base));
    if (withProblem)
        drawProblemMarker(painter, palette, QRectF(7.2, 7.6, 8.8, 8.0));
    painter->restore();
}

QIcon icon(OperationStatus status, bool withProblem, const QPalette &palette)
{
    static QHash<QString, QIcon> cache;
    const QString key
        = QString::number(int(status)) + (withProblem ? u'!' : u'-') + paletteKey(palette);
    auto found = cache.constFind(key);
    if (found != cache.constEnd())
        return *found;
    const QIcon result = iconFor(
        palette, [status, withProblem](QPainter *p, const QRectF &r, const QPalette &pal) {
            paint(p, r, status, withProblem, pal);
        });
    cache.insert(key, result);
    return result;
}

QIcon shapeIcon(const char *shape, unsigned int rgb, const QPalette &palette)
{
    static QHash<QString, QIcon> cache;
    const QString key = QLatin1String(shape) + QString::number(rgb, 16) + paletteKey(palette);
    auto found = cache.constFind(key);
    if (found != cache.constEnd())
        return *found;
    const QIcon result
        = iconFor(palette, [shape, rgb](QPainter *p, const QRectF &r, const QPalette &pal) {
              p->save();
              enterDesignBox(p, r);
              drawShape(p, shape, StatusColours::iconColour(rgb, pal), pal.color(QPalette::Base));
              p->restore();
          });
    cache.insert(key, result);
    return result;
}

// An icon drawn at the usual sizes by draw(painter, size).
template<typename Draw> QIcon drawnIcon(Draw draw)
{
    QIcon result;
    for (int size : {16, 24, 32, 48}) {
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        draw(&painter, qreal(size));
        painter.end();
        result.addPixmap(QPixmap::fromImage(image));
    }
    return result;
}

QIcon problemIcon(const QPalette &palette)
{
    return drawnIcon([&palette](QPainter *painter, qreal size) {
        drawProblemMarker(painter, palette, QRectF(0.5, 1.0, size - 1.0, size - 2.0));
    });
}

QIcon informationIcon(const QPalette &palette)
{
    const QColor colour = StatusColours::foreground(OperationStatus::Running, palette);
    return drawnIcon([&colour](QPainter *painter, qreal size) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(colour);
        painter->drawEllipse(QRectF(0.5, 0.5, size - 1.0, size - 1.0));
        painter->setBrush(Qt::white);
        const qreal unit = size / 16.0;
        painter->drawEllipse(QRectF(7 * unit, 3 * unit, 2 * unit, 2 * unit)); // the dot
        painter->drawRoundedRect(QRectF(7 * unit, 6.5 * unit, 2 * unit, 6.5 * unit), unit * 0.5,
                                 unit * 0.5); // the stem
    });
}

QIcon appIcon()
{
    initUiResources();
    QIcon result;
    for (int size : {16, 32, 48, 64, 128, 256})
        result.addFile(QStringLiteral(":/icons/billing-monitor-%1.png").arg(size),
                       QSize(size, size));
    return result;
}

} // namespace StatusIcons
