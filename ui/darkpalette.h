#pragma once

#include <QPalette>

// A dark Fusion palette, for `--dark` screenshots and tests that check the colours read on
// dark themes too (Qt 6.4 has no colour-scheme API to ask the desktop for one).
QPalette darkPalette();
