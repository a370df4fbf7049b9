#include "ui/guiapplication.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    if (GuiApplication::answersWithoutDisplay(argc, argv)) {
        QCoreApplication app(argc, argv);
        return GuiApplication::answerWithoutDisplay(app);
    }
    QApplication app(argc, argv);
    GuiApplication::describe(app);
    return GuiApplication::run(app);
}
