#pragma once

class QWidget;

// Grows a dialog (never shrinks it) to the height its layout needs at its current width, so a
// word-wrapped message that appears in it is read whole instead of cut off.
void growToFit(QWidget *dialog);
