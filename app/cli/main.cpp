#include "clirunner.h"
#include "interrupthandler.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("billing-monitor-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BILLING_MONITOR_VERSION));

    InterruptHandler interrupts;
    QTextStream out(stdout);
    QTextStream err(stderr);
    return Cli::run(app.arguments().mid(1), CliEnvironment::fromProcess(), out, err, &interrupts);
}
