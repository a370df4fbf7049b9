#pragma once

#include "clienvironment.h"

#include <QStringList>

class InterruptHandler;
class QTextStream;

namespace Cli {

// Runs one billing-monitor-cli command line (without the program name) to its end and
// returns the exit code. Needs a QCoreApplication; spins its own event loop. Ctrl+C is
// honoured when an interrupt handler is given.
int run(const QStringList &arguments, const CliEnvironment &environment, QTextStream &out,
        QTextStream &err, InterruptHandler *interrupts = nullptr);

} // namespace Cli
