#pragma once

// Registers resources/resources.qrc (icons, the demo scenario). The ui library is static, so
// the linker would otherwise drop the registration nobody references. Safe to call often.
void initUiResources();
