#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>

class QCoreApplication;

// What the benchmarks' command lines share, declared once. Numbers are read with a check:
// a typo ("--rps 2O") stops the run with a message naming the option, instead of a long
// run measured with 0.
namespace BenchOptions {

// --count n: how many operations.
QCommandLineOption count(const QString &defaultValue);
// --rps r: the requests-per-second ceiling.
QCommandLineOption rps(const QString &defaultValue);
// --in-flight k: requests in flight at most (the app's default, 6).
QCommandLineOption inFlight();

// Adds the options and --help, then reads the command line (exiting on --help or an error).
void process(QCommandLineParser *parser, const QList<QCommandLineOption> &options,
             const QCoreApplication &app);
// The option's value as a number in [min, max]; otherwise says why and exits with 2.
double number(const QCommandLineParser &parser, const QCommandLineOption &option, double min,
              double max);

} // namespace BenchOptions
