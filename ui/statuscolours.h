#pragma once

#include "models/operationstatus.h"

#include <QColor>
#include <QPalette>

// Turns the status table's hues (models/statusstyle.h) into colours for the current palette.
// A fixed hue would glare on a dark theme and wash out on a light one, so every colour here
// is a blend with the palette's own Base and Text, checked for contrast.
namespace StatusColours {

bool isDark(const QPalette &palette);

// WCAG 2 contrast ratio, 1 (none) to 21 (black on white).
double contrastRatio(const QColor &a, const QColor &b);
// a toward b by amount (0 = a, 1 = b), in RGB.
QColor mix(const QColor &a, const QColor &b, double amount);

QColor hue(OperationStatus status);
// A tint of Base toward the hue: a row background that still reads as "the table".
QColor background(OperationStatus status, const QPalette &palette);
// The hue pulled toward Text until it reads on background() (at least 4.5:1).
QColor foreground(OperationStatus status, const QPalette &palette);
// The hue as strong as it can stay while reading on Base (at least 3:1), for icons.
QColor iconColour(OperationStatus status, const QPalette &palette);
QColor problemColour(const QPalette &palette);
// The same for a hue of another table (download job states): an icon colour (3:1 on Base)
// and a text colour (4.5:1 on Base).
QColor iconColour(unsigned int rgb, const QPalette &palette);
QColor textColour(unsigned int rgb, const QPalette &palette);
// The palette an icon on a selected row is drawn for: it sits on the highlight, so its
// contrast is measured against that instead of the base.
QPalette onSelection(const QPalette &palette);

} // namespace StatusColours
