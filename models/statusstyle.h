#pragma once

#include "operationstatus.h"

#include <QString>

// The one table from status to what the analyst sees: its words, its hue and its icon.
// The table model, the widgets, the tray notifications and the CLI all read it, so a
// status looks and reads the same everywhere. Colour is never the only signal: every
// status also has its own icon shape and its own text.
struct StatusStyle
{
    OperationStatus status;
    const char *text; // untranslated; use statusText()
    unsigned int
        rgb; // the hue, 0xRRGGBB; widgets blend it with the palette, so it suits light and dark
    const char *iconName; // a shape name ui/statusicons draws: "hollow-circle", "arc", ...
    const char *ansiColour; // SGR code for terminals, e.g. "32" for green
};

const StatusStyle &statusStyle(OperationStatus status);
QString statusText(OperationStatus status);

// A problem (401, 429, timeout...) has its own marker too, drawn over the status icon.
inline constexpr unsigned int ProblemRgb = 0xd97706;
