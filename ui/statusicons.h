#pragma once

#include "models/operationstatus.h"

#include <QIcon>
#include <QPalette>

class QPainter;
class QRectF;

// Icons for the statuses, drawn rather than loaded: each status has its own shape (named in
// models/statusstyle.h), so colour is never the only signal, and the colours follow the
// palette (see StatusColours). A problem adds a warning triangle over the corner.
namespace StatusIcons {

// Draws the status's shape into rect (square is best).
void paint(QPainter *painter, const QRectF &rect, OperationStatus status, bool withProblem,
           const QPalette &palette);
// Cached per status, problem flag and palette colours.
QIcon icon(OperationStatus status, bool withProblem, const QPalette &palette);
// A shape of the table (e.g. "check") in a hue (0xRRGGBB) other than a status's own, for
// tables like the download job states that reuse the shapes. Cached like icon().
QIcon shapeIcon(const char *shape, unsigned int rgb, const QPalette &palette);
// The warning triangle alone.
QIcon problemIcon(const QPalette &palette);
// An "i" in a circle, for news that is neither good nor bad.
QIcon informationIcon(const QPalette &palette);
QIcon appIcon();

} // namespace StatusIcons
