#pragma once

class QApplication;
class QCoreApplication;

// Everything app/main.cpp would otherwise hold: the command line, the session, demo mode,
// the window, and the hidden options for screenshots (`--screenshot FILE
// --screenshot-delay SECONDS`, `--dark`).
namespace GuiApplication {

// --help and --version need no display: main() answers them on a QCoreApplication.
bool answersWithoutDisplay(int argc, char *argv[]);
int answerWithoutDisplay(QCoreApplication &app);

// Sets the application's names; call right after constructing the QApplication.
void describe(QApplication &app);
int run(QApplication &app);

} // namespace GuiApplication
