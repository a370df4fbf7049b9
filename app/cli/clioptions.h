#pragma once

#include "app/data/scanreport.h"
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
        Login,
        Logout,
        Account,
        Summarize,
        Convert,
        List,
        Track
    };

    Command command = Command::Help;
    QString graphUrl; // --graph-url; empty: BILLING_MONITOR_GRAPH_URL, then Graph itself
    QString apiVersion; // --api-version; empty: the default
    QString authorityUrl; // --authority-url; empty: AZURE_AUTHORITY_HOST, then Entra ID itself
    bool json = false;

    QStringList ids; // status, watch, track (one or more), manifest, download (exactly one)
    QString label; // track --label
    double timeoutSeconds = 0; // watch: 0 means wait as long as it takes
    int intervalSeconds = 0; // watch: the longest pause between checks; 0: the default
    QString destination; // download --dest

    ExportRequest exportRequest; // export, normalized
    bool watchExport = false; // export --watch
    bool trackExport = false; // export --track: add it to the shared list

    QString tenant; // login --tenant; empty: AZURE_TENANT_ID, then the last one used
    QString clientId; // login --client-id; empty: AZURE_CLIENT_ID, then the last one used
    bool deviceCode = false; // login --device-code

    QStringList simulatorArguments; // simulate: its options, for the simulator's own parser

    // summarize, convert: a folder of export files, or (in ids) the operation whose
    // download folder to read.
    QString dataFolder;
    QString groupBy = QStringLiteral("customer"); // summarize --by, a Groupings key
    bool convertToXlsx = false; // convert --to
    QString outPath; // convert --out
    bool splitByCustomer = false; // convert --split-by customer
    ScanLimits scanLimits; // download, summarize, convert: --max-inflated-gib, --max-ratio
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
