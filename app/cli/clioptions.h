#pragma once

#include "app/exports/exportrequest.h"

#include <QString>
#include <QStringList>

#include <optional>

// What the command line asked for, already checked: ids are validated GUIDs, numbers are
// in range, the export request is valid. Parsing never touches the network.
struct CliOptions
{
    enum class Command {
        Help,
        Version,
        Status,
        Watch,
        Manifest,
        Download,
        Export,
        Simulate,
        Summarize,
        Convert
    };

    Command command = Command::Help;
    QString graphUrl; // --graph-url; empty: BILLING_MONITOR_GRAPH_URL, then Graph itself
    QString apiVersion; // --api-version; empty: the default
    bool json = false;

    QStringList ids; // status, watch (one or more), manifest, download (exactly one)
    double timeoutSeconds = 0; // watch: 0 means wait as long as it takes
    int intervalSeconds = 0; // watch: the longest pause between checks; 0: the default
    QString destination; // download --dest

    ExportRequest exportRequest; // export, normalized
    bool watchExport = false; // export --watch

    QStringList simulatorArguments; // simulate: its options, for the simulator's own parser

    // summarize, convert: a folder of export files, or (in ids) the operation whose
    // download folder to read.
    QString dataFolder;
    QString groupBy = QStringLiteral("customer"); // summarize --by, a Groupings key
    bool convertToXlsx = false; // convert --to
    QString outPath; // convert --out
    bool splitByCustomer = false; // convert --split-by customer
};

struct CliParseResult
{
    std::optional<CliOptions> options;
    QString error; // one line naming the argument at fault, when options is empty
};

namespace CliArguments {

// The arguments after the program name. Global options may stand anywhere.
CliParseResult parse(const QStringList &arguments);

// --help: every command, option, environment variable and exit code.
QString helpText();
// Printed after a usage error.
QString usageHint();

} // namespace CliArguments
