#include "benchoptions.h"

#include <QCoreApplication>

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace BenchOptions {

QCommandLineOption count(const QString &defaultValue)
{
    return {QStringLiteral("count"), QStringLiteral("Operations."), QStringLiteral("n"),
            defaultValue};
}

QCommandLineOption rps(const QString &defaultValue)
{
    return {QStringLiteral("rps"), QStringLiteral("Requests per second ceiling."),
            QStringLiteral("r"), defaultValue};
}

QCommandLineOption inFlight()
{
    return {QStringLiteral("in-flight"), QStringLiteral("Requests in flight at most."),
            QStringLiteral("k"), QStringLiteral("6")};
}

void process(QCommandLineParser *parser, const QList<QCommandLineOption> &options,
             const QCoreApplication &app)
{
    parser->addOptions(options);
    parser->addHelpOption();
    parser->process(app);
}

double number(const QCommandLineParser &parser, const QCommandLineOption &option, double min,
              double max)
{
    const QString text = parser.value(option);
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < min || value > max) {
        std::fprintf(stderr, "--%s: \"%s\" is not a number from %g to %g\n",
                     qPrintable(option.names().constFirst()), qPrintable(text), min, max);
        std::exit(2);
    }
    return value;
}

} // namespace BenchOptions
