#pragma once

#include <QString>

// View → Theme and Settings: the system's look, or Fusion with a light or a dark palette.
// Qt 6.4 cannot ask the desktop for its colour scheme, so Light and Dark are the app's own;
// the status colours and icons follow whichever palette is in force.
namespace Theme {

enum class Choice { System, Light, Dark };
constexpr Choice Choices[] = {Choice::System, Choice::Light, Choice::Dark};

Choice fromSetting(const QString &setting);
QString toSetting(Choice choice); // "system", "light", "dark"
QString displayName(Choice choice); // translated, with a menu accelerator

// Sets the application's style and palette. System puts back what the app started with.
void apply(Choice choice);
Choice current();

} // namespace Theme
