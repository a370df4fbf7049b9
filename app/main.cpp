#include "ui/guiapplication.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    GuiApplication::describe(app);
    return GuiApplication::run(app);
}
