#include "clioptions.h"

#include "operationsweep.h"

#include "app/data/datasummary.h"

#include "models/operationids.h"

#include <QFileInfo>
#include <QHash>

#include <cmath>

namespace {

using Command = CliOptions::Command;

struct CommandInfo
{
    const char *name;
    Command command;
    // The options it takes, each with whether a value follows.
    QHash<QString, bool> options;
};

const QList<CommandInfo> &commands()
{
    static const QList<CommandInfo> table {
        {"status", Command::Status, {}},
        {"watch",
         Command::Watch,
         {{QStringLiteral("--timeout"), true}, {QStringLiteral("--interval"), true}}},
        {"manifest", Command::Manifest, {}},
        {"download",
         Command::Download,
         {{QStringLiteral("--dest"), true},
          {QStringLiteral("--max-inflated-gib"), true},
          {QStringLiteral("--max-ratio"), true}}},
        {"export",
         Command::Export,
         {{QStringLiteral("--invoice"), true},
          {QStringLiteral("--currency"), true},
          {QStringLiteral("--period"), true},
          {QStringLiteral("--attributes"), true},
          {QStringLiteral("--watch"), false},
          {QStringLiteral("--track"), false},
          {QStringLiteral("--timeout"), true},
          {QStringLiteral("--interval"), true}}},
        {"simulate", Command::Simulate, {}}, // its options go to SimulatorOptions
        {"login",
         Command::Login,
         {{QStringLiteral("--tenant"), true},
          {QStringLiteral("--client-id"), true},
          {QStringLiteral("--device-code"), false}}},
        {"logout", Command::Logout, {}},
        {"account", Command::Account, {}},
        {"summarize",
         Command::Summarize,
         {{QStringLiteral("--by"), true},
          {QStringLiteral("--max-inflated-gib"), true},
          {QStringLiteral("--max-ratio"), true}}},
        {"convert",
         Command::Convert,
         {{QStringLiteral("--to"), true},
          {QStringLiteral("--out"), true},
          {QStringLiteral("--split-by"), true},
          {QStringLiteral("--max-inflated-gib"), true},
          {QStringLiteral("--max-ratio"), true}}},
        {"list", Command::List, {}},
        {"track", Command::Track, {{QStringLiteral("--label"), true}}},
    };
    return table;
}

const QHash<QString, bool> &globalOptions()
{
    static const QHash<QString, bool> table {{QStringLiteral("--graph-url"), true},
                                             {QStringLiteral("--api-version"), true},
                                             {QStringLiteral("--authority-url"), true},
                                             {QStringLiteral("--json"), false}};
    return table;
}

struct ExportKindName
{
    const char *name;
    ExportRequest::Kind kind;
};

constexpr ExportKindName ExportKinds[] = {
    {"billed-usage", ExportRequest::Kind::BilledUsage},
    {"unbilled-usage", ExportRequest::Kind::UnbilledUsage},
    {"billed-reconciliation", ExportRequest::Kind::BilledReconciliation},
    {"unbilled-reconciliation", ExportRequest::Kind::UnbilledReconciliation},
};

QString quoted(const QString &text)
{
    constexpr int MaxShown = 80;
    const QString shown
        = text.size() > MaxShown ? text.left(MaxShown) + QStringLiteral("...") : text;
    return QLatin1Char('\'') + shown + QLatin1Char('\'');
}

// A command's options and positional arguments, as typed.
struct RawCommand
{
    QString name;
    QHash<QString, QString> values; // option -> value ("" for flags)
    QStringList positionals;
};

class Parser
{
public:
    explicit Parser(const QStringList &arguments)
        : m_arguments(arguments)
    { }

    CliParseResult run()
    {
        if (m_arguments.contains(QStringLiteral("--help"))
            || m_arguments.contains(QStringLiteral("-h"))) {
            m_options.command = Command::Help;
            return {m_options, {}};
        }
        if (m_arguments.contains(QStringLiteral("--version"))) {
            m_options.command = Command::Version;
            return {m_options, {}};
        }
        if (!split())
            return {std::nullopt, m_error};
        if (m_raw.name.isEmpty())
            return fail(QStringLiteral("no command given"));
        const CommandInfo *info = findCommand(m_raw.name);
        m_options.command = info->command;
        bool ok = false;
        switch (info->command) {
        case Command::Status:
        case Command::Watch:
            ok = readIds(false) && readWatchOptions();
            break;
        case Command::Manifest:
            ok = readIds(true);
            break;
        case Command::Download:
            ok = readIds(true) && readDestination() && readScanLimits();
            break;
        case Command::Export:
            ok = readExport() && readWatchOptions();
            break;
        case Command::Login:
            ok = readLogin();
            break;
        case Command::Logout:
        case Command::Account:
            ok = noPositionals();
            break;
        case Command::Summarize:
            ok = readDataSource() && readGrouping() && readScanLimits();
            break;
        case Command::Convert:
            ok = readDataSource() && readConversion() && readScanLimits();
            break;
        case Command::List:
            ok = m_raw.positionals.isEmpty()
                || error(QStringLiteral("takes no arguments, but %1 was given")
                             .arg(quoted(m_raw.positionals.constFirst())));
            break;
        case Command::Track:
            ok = readIds(false);
            m_options.label = m_raw.values.value(QStringLiteral("--label")).trimmed();
            break;
        case Command::Simulate:
        case Command::Help:
        case Command::Version:
            ok = true;
            break;
        }
        if (!ok)
            return {std::nullopt, m_error};
        return {m_options, {}};
    }

private:
    CliParseResult fail(const QString &error)
    {
        m_error = error;
        return {std::nullopt, m_error};
    }

    bool error(const QString &message)
    {
        m_error = m_raw.name.isEmpty() ? message : m_raw.name + QStringLiteral(": ") + message;
        return false;
    }

    static const CommandInfo *findCommand(const QString &name)
    {
        for (const CommandInfo &info : commands()) {
            if (name == QLatin1String(info.name))
                return &info;
        }
        return nullptr;
    }

    // Sorts the arguments into global options, the command, its options and positionals.
    bool split()
    {
        bool optionsEnded = false;
        for (int i = 0; i < m_arguments.size(); ++i) {
            const QString &argument = m_arguments.at(i);
            // The simulator reads its own options, shared with the graph-simulator program.
            if (m_raw.name == QLatin1String("simulate")) {
                m_options.simulatorArguments << argument;
                continue;
            }
            if (optionsEnded || !argument.startsWith(QLatin1Char('-')) || argument.size() == 1) {
                if (m_raw.name.isEmpty()) {
                    if (!findCommand(argument))
                        return error(QStringLiteral("unknown command %1").arg(quoted(argument)));
                    m_raw.name = argument;
                } else {
                    m_raw.positionals << argument;
                }
                continue;
            }
            if (argument == QLatin1String("--")) {
                optionsEnded = true;
                continue;
            }
            QString name = argument;
            std::optional<QString> inlineValue;
            const qsizetype equals = argument.indexOf(QLatin1Char('='));
            if (equals > 0) {
                name = argument.left(equals);
                inlineValue = argument.mid(equals + 1);
            }
            const bool isGlobal = globalOptions().contains(name);
            const CommandInfo *info = findCommand(m_raw.name);
            const bool isCommandOption = info && info->options.contains(name);
            if (!isGlobal && !isCommandOption) {
                if (!info) {
                    return error(QStringLiteral("unknown option %1 (options of a command go "
                                                "after the command)")
                                     .arg(quoted(name)));
                }
                return error(QStringLiteral("unknown option %1").arg(quoted(name)));
            }
            const bool takesValue
                = isGlobal ? globalOptions().value(name) : info->options.value(name);
            QString value;
            if (takesValue) {
                if (inlineValue) {
                    value = *inlineValue;
                } else if (i + 1 < m_arguments.size()) {
                    value = m_arguments.at(++i);
                } else {
                    return error(QStringLiteral("%1 needs a value").arg(name));
                }
            } else if (inlineValue) {
                return error(QStringLiteral("%1 takes no value").arg(name));
            }
            if (isGlobal) {
                if (name == QLatin1String("--graph-url"))
                    m_options.graphUrl = value;
                else if (name == QLatin1String("--api-version"))
                    m_options.apiVersion = value;
                else if (name == QLatin1String("--authority-url"))
                    m_options.authorityUrl = value;
                else
                    m_options.json = true;
            } else {
                if (m_raw.values.contains(name))
                    return error(QStringLiteral("%1 given twice").arg(name));
                m_raw.values.insert(name, value);
            }
        }
        return true;
    }

    bool readIds(bool exactlyOne)
    {
        if (m_raw.positionals.isEmpty())
            return error(QStringLiteral("no operation id or URL given"));
        QStringList ids;
        for (const QString &argument : std::as_const(m_raw.positionals)) {
            const OperationIds::Extraction found = OperationIds::scan(argument);
            if (found.tooLong)
                return error(QStringLiteral("an argument is too long to be an operation id or "
                                            "URL"));
            if (found.ids.isEmpty()) {
                return error(QStringLiteral("%1 is not an operation id or operation URL (an id "
                                            "looks like 6fe687d7-1e0f-4bd6-9091-4672691f64bc)")
                                 .arg(quoted(argument)));
            }
            for (const QString &id : found.ids) {
                if (!ids.contains(id))
                    ids << id;
            }
        }
        if (exactlyOne && ids.size() > 1) {
            return error(
                QStringLiteral("takes one operation, but %1 ids were given").arg(ids.size()));
        }
        m_options.ids = ids;
        return true;
    }

    bool readSeconds(const QString &option, double *seconds)
    {
        if (!m_raw.values.contains(option))
            return true;
        bool ok = false;
        const double value = m_raw.values.value(option).toDouble(&ok);
        // The --timeout deadline is a QTimer, whose interval is an int of milliseconds: a
        // longer wait would overflow it and never fire.
        constexpr double MaxSeconds = 20 * 24 * 3600;
        if (!ok || !std::isfinite(value) || value <= 0 || value > MaxSeconds)
            return error(
                QStringLiteral("%1 wants a number of seconds above 0 and up to %2 (20 days), "
                               "not %3")
                    .arg(option)
                    .arg(MaxSeconds, 0, 'f', 0)
                    .arg(quoted(m_raw.values.value(option))));
        *seconds = value;
        return true;
    }

    // A whole number within range, when the option is given.
    bool readBounded(const QString &option, const SettingRange &range, int *value)
    {
        if (!m_raw.values.contains(option))
            return true;
        bool ok = false;
        const int number = m_raw.values.value(option).toInt(&ok);
        if (!ok || number != range.clamp(number))
            return error(QStringLiteral("%1 wants a whole number from %2 to %3, not %4")
                             .arg(option)
                             .arg(range.minimum)
                             .arg(range.maximum)
                             .arg(quoted(m_raw.values.value(option))));
        *value = number;
        return true;
    }

    bool readScanLimits()
    {
        int gib = ScanLimits::InflatedGiB.defaultValue;
        int ratio = ScanLimits::Ratio.defaultValue;
        if (!readBounded(QStringLiteral("--max-inflated-gib"), ScanLimits::InflatedGiB, &gib)
            || !readBounded(QStringLiteral("--max-ratio"), ScanLimits::Ratio, &ratio))
            return false;
        m_options.scanLimits = ScanLimits::withCaps(gib, ratio);
        return true;
    }

    bool readWatchOptions()
    {
        const bool given = m_raw.values.contains(QStringLiteral("--timeout"))
            || m_raw.values.contains(QStringLiteral("--interval"));
        if (m_options.command == Command::Export && given && !m_options.watchExport)
            return error(QStringLiteral("--timeout and --interval need --watch"));
        if (!readSeconds(QStringLiteral("--timeout"), &m_options.timeoutSeconds))
            return false;
        double interval = 0;
        if (!readSeconds(QStringLiteral("--interval"), &interval))
            return false;
        // The scheduler counts whole seconds; a fraction rounds up, never to zero.
        m_options.intervalSeconds = interval > 0 ? int(std::ceil(interval)) : 0;
        return true;
    }

    bool noPositionals()
    {
        if (!m_raw.positionals.isEmpty())
            return error(
                QStringLiteral("unexpected argument %1").arg(quoted(m_raw.positionals.first())));
        return true;
    }

    bool readLogin()
    {
        m_options.tenant = m_raw.values.value(QStringLiteral("--tenant"));
        m_options.clientId = m_raw.values.value(QStringLiteral("--client-id"));
        m_options.deviceCode = m_raw.values.contains(QStringLiteral("--device-code"));
        return noPositionals();
    }

    bool readDestination()
    {
        m_options.destination = m_raw.values.value(QStringLiteral("--dest"));
        if (m_options.destination.isEmpty())
            return error(QStringLiteral("--dest DIR is required"));
        return true;
    }

    // A folder that exists is read as it is; anything else must hold an operation id,
    // whose download folder is looked up when the command runs.
    bool readDataSource()
    {
        if (m_raw.positionals.isEmpty())
            return error(QStringLiteral("no folder, operation id or URL given"));
        if (m_raw.positionals.size() > 1)
            return error(
                QStringLiteral("unexpected argument %1").arg(quoted(m_raw.positionals.at(1))));
        const QString &source = m_raw.positionals.constFirst();
        if (QFileInfo(source).isDir()) {
            m_options.dataFolder = source;
            return true;
        }
        const OperationIds::Extraction found = OperationIds::scan(source);
        if (found.ids.size() != 1)
            return error(QStringLiteral("%1 is neither a folder nor one operation id or URL")
                             .arg(quoted(source)));
        m_options.ids = found.ids;
        return true;
    }

    bool readGrouping()
    {
        const QString by = m_raw.values.value(QStringLiteral("--by"), m_options.groupBy);
        const std::optional<Grouping> grouping = Groupings::fromKey(by);
        if (!grouping)
            return error(QStringLiteral("--by wants customer, product, chargeType, subscription "
                                        "or meterCategory, not %1")
                             .arg(quoted(by)));
        m_options.groupBy = Groupings::key(*grouping);
        return true;
    }

    bool readConversion()
    {
        const QString to = m_raw.values.value(QStringLiteral("--to"));
        if (to.isEmpty())
            return error(QStringLiteral("--to csv|xlsx is required"));
        if (to.compare(QLatin1String("csv"), Qt::CaseInsensitive) != 0
            && to.compare(QLatin1String("xlsx"), Qt::CaseInsensitive) != 0)
            return error(QStringLiteral("--to wants csv or xlsx, not %1").arg(quoted(to)));
        m_options.convertToXlsx = to.compare(QLatin1String("xlsx"), Qt::CaseInsensitive) == 0;
        m_options.outPath = m_raw.values.value(QStringLiteral("--out"));
        if (m_options.outPath.isEmpty())
            return error(QStringLiteral("--out PATH is required"));
        if (m_raw.values.contains(QStringLiteral("--split-by"))) {
            const QString by = m_raw.values.value(QStringLiteral("--split-by"));
            if (by.compare(QLatin1String("customer"), Qt::CaseInsensitive) != 0)
                return error(QStringLiteral("--split-by wants customer, not %1").arg(quoted(by)));
            m_options.splitByCustomer = true;
        }
        return true;
    }

    bool readExport()
    {
        if (m_raw.positionals.isEmpty())
            return error(QStringLiteral("which export? billed-usage, unbilled-usage, "
                                        "billed-reconciliation or unbilled-reconciliation"));
        if (m_raw.positionals.size() > 1)
            return error(
                QStringLiteral("unexpected argument %1").arg(quoted(m_raw.positionals.at(1))));
        const QString &kindName = m_raw.positionals.constFirst();
        ExportRequest request;
        bool known = false;
        for (const ExportKindName &candidate : ExportKinds) {
            if (kindName == QLatin1String(candidate.name)) {
                request.kind = candidate.kind;
                known = true;
            }
        }
        if (!known)
            return error(QStringLiteral("unknown export %1: use billed-usage, unbilled-usage, "
                                        "billed-reconciliation or unbilled-reconciliation")
                             .arg(quoted(kindName)));

        const bool billed = request.usesInvoice();
        const QString invoice = QStringLiteral("--invoice");
        const QString currency = QStringLiteral("--currency");
        const QString period = QStringLiteral("--period");
        const QString attributes = QStringLiteral("--attributes");
        if (billed && m_raw.values.contains(currency))
            return error(QStringLiteral("%1 takes --invoice, not --currency").arg(kindName));
        if (billed && m_raw.values.contains(period))
            return error(QStringLiteral("%1 takes no --period").arg(kindName));
        if (!billed && m_raw.values.contains(invoice))
            return error(QStringLiteral("%1 takes --currency, not --invoice").arg(kindName));
        if (billed && !m_raw.values.contains(invoice))
            return error(QStringLiteral("%1 needs --invoice ID").arg(kindName));
        if (!billed && !m_raw.values.contains(currency))
            return error(QStringLiteral("%1 needs --currency CCY").arg(kindName));

        request.invoiceId = m_raw.values.value(invoice);
        request.currencyCode = m_raw.values.value(currency);
        if (m_raw.values.contains(period))
            request.billingPeriod = m_raw.values.value(period);
        if (m_raw.values.contains(attributes))
            request.attributeSet = m_raw.values.value(attributes);
        request = request.normalized();
        const QList<ExportRequest::FieldError> problems = request.validate();
        if (!problems.isEmpty()) {
            const ExportRequest::FieldError &first = problems.constFirst();
            return error(optionFor(first.field) + QStringLiteral(": ") + first.message);
        }
        m_options.exportRequest = request;
        m_options.watchExport = m_raw.values.contains(QStringLiteral("--watch"));
        m_options.trackExport = m_raw.values.contains(QStringLiteral("--track"));
        return true;
    }

    static QString optionFor(ExportRequest::Field field)
    {
        switch (field) {
        case ExportRequest::Field::InvoiceId:
            return QStringLiteral("--invoice");
        case ExportRequest::Field::CurrencyCode:
            return QStringLiteral("--currency");
        case ExportRequest::Field::BillingPeriod:
            return QStringLiteral("--period");
        case ExportRequest::Field::AttributeSet:
            return QStringLiteral("--attributes");
        }
        return {};
    }

    const QStringList &m_arguments;
    CliOptions m_options;
    RawCommand m_raw;
    QString m_error;
};

} // namespace

namespace CliArguments {

CliParseResult parse(const QStringList &arguments)
{
    return Parser(arguments).run();
}

QString usageHint()
{
    return QStringLiteral("Try 'billing-monitor-cli --help'.");
}

QString helpText()
{
    return QStringLiteral(
               R"(Usage: billing-monitor-cli [--graph-url URL] [--api-version v1.0|beta] [--authority-url URL]
                           [--json] <command> ...

Tracks Microsoft Graph partner-billing export operations from scripts and terminals.

Commands:
  status   <id|url>...              The current state of each operation. Throttling,
                                    server and network errors are retried (as the app
                                    would) for up to %1 s before they count.
  watch    <id|url>... [--timeout S] [--interval S]
                                    Poll until every operation is terminal, printing a
                                    line whenever one changes and a final line for each.
  manifest <id|url>                 The manifest of a succeeded operation.
  download <id|url> --dest DIR      Download its files into DIR and verify each one
                                    (gzip, one JSON object per line).
  export   billed-usage|unbilled-usage|billed-reconciliation|unbilled-reconciliation
           [--invoice ID] [--currency CCY] [--period current|last]
           [--attributes full|basic] [--watch] [--track]
                                    Start an export and print its operation id.
  list                              The operations tracked in the app's list (shared
                                    with the app): status, label, when last checked.
  track    <id|url>... [--label TEXT]
                                    Add operations to that list; a running app shows
                                    them within seconds.
  simulate [--port N] [--scenario FILE]
                                    Run the built-in Graph simulator in the foreground.
  login    [--tenant T] [--client-id ID] [--device-code]
                                    Sign in to Microsoft (delegated): in the browser, or
                                    with a device code when asked or when no browser can
                                    open; the instructions go to stderr. The app and the
                                    CLI share the sign-in; it renews itself.
  logout                            Forget the signed-in account and its keychain entries.
  account                           Who is signed in: user or app, tenant, client id, flow,
                                    token expiry, where the refresh token is kept.
  summarize <dir|id|url> [--by customer|product|chargeType|subscription|meterCategory]
                                    What an export holds: its kind, rows, dates and
                                    totals per currency, then one line per group.
  convert  <dir|id|url> --to csv|xlsx --out PATH [--split-by customer]
                                    Write the rows as a CSV (UTF-8, for Excel in any
                                    locale) or an Excel workbook; with --split-by
                                    customer, one file per customer in the folder PATH.

An <id|url> is an operation id (a GUID) or text holding one, such as the operation URL
from an export's Location header. Only the id is used: requests always go to the
configured Graph. An argument without an id is a usage error and nothing is requested.
For summarize and convert, <dir> is a folder of export files (*.gz) and an id or URL
means the folder that download (here or in the app) last wrote its files to.

Global options (anywhere on the line):
  --graph-url URL          Graph's root: scheme, host and port only. Default
                           https://graph.microsoft.com. Plain http is allowed only to a
                           loopback host (127.0.0.1, ::1, localhost).
  --api-version VERSION    v1.0 (the default) or beta.
  --authority-url URL      Where to sign in. Default https://login.microsoftonline.com
                           (the global cloud; partner billing has no other). Plain http
                           only to a loopback host, e.g. the simulator.
  --json                   One JSON object per line instead of a table.
  -h, --help               This help.
  --version                The version.

Command options:
  --timeout S              watch: give up after S seconds (exit code 3).
  --interval S             watch: check each operation at least every S seconds
                           (default 30). Graph's Retry-After and throttling still apply:
                           watch uses the same scheduler as the app.
  --dest DIR               download: where the files go (created when missing).
  --invoice ID             export billed-*: the invoice id, e.g. G016907411.
  --currency CCY           export unbilled-*: the ISO 4217 currency, e.g. USD.
  --period current|last    export unbilled-*: the billing period (default current).
  --attributes full|basic  export: the attribute set (default full).
  --watch                  export: then watch the new operation until it ends;
                           --timeout and --interval apply as for watch.
  --tenant T               login: the partner tenant's id or domain (default
                           AZURE_TENANT_ID, then the last one used).
  --client-id ID           login: your app registration's Application (client) ID
                           (default AZURE_CLIENT_ID, then the last one used).
  --device-code            login: sign in with a code on another device.
  --by GROUP               summarize: the groups listed after the totals (default
                           customer).
  --to csv|xlsx            convert: the format. A workbook has a Summary sheet, a
                           Customers sheet and the rows on Data sheets of at most
                           1,048,575 rows each, with numbers and dates typed.
  --out PATH               convert: the file to write, or the folder with --split-by.
  --split-by customer      convert: one file per customer, named after it.
  --max-inflated-gib N     download, summarize, convert: refuse a file that unpacks to
                           more than N GiB (default %2) as a decompression bomb.
  --max-ratio N            download, summarize, convert: refuse a file that unpacks to
                           more than N times its size past its first %3 MiB (default %4).
  --track                  export: also add the new operation to the app's list.
  --label TEXT             track: the label the operations get in the list.
  --port N                 simulate: the port on 127.0.0.1 (default 0: any free port).
  --scenario FILE          simulate: a scenario file (operations, exports, faults).
                           simulate also takes the graph-simulator program's other
                           options: --fleet N, --seed S, --fleet-min S, --fleet-max S,
                           --failure-rate R, --faults SPEC, --token TOKEN, --delay MS,
                           --token-lifetime S.
                           It prints two lines to paste into a shell, export
                           BILLING_MONITOR_GRAPH_URL=... and export BILLING_MONITOR_TOKEN=...,
                           comment lines on signing in at its own Entra ID instead, then
                           serves until Ctrl+C.

Environment:
  BILLING_MONITOR_GRAPH_URL  Graph's root when --graph-url is not given (the flag wins).
  BILLING_MONITOR_TOKEN      A bearer token for Graph obtained elsewhere; it wins over
                             any sign-in. It is never taken from the command line.
  AZURE_TENANT_ID, AZURE_CLIENT_ID with AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH
                             Unattended app-only sign-in (as Azure Identity's
                             EnvironmentCredential): every command signs in by itself.
                             The certificate file is PEM with the certificate and its
                             unencrypted private key. Tenant and client id are also the
                             defaults for login.
  AZURE_AUTHORITY_HOST       Where to sign in when --authority-url is not given.
  Token precedence: BILLING_MONITOR_TOKEN, then the environment credential, then the
  account signed in with login (or in the app). Without any, requests go out
  unauthenticated and Graph answers 401.
  NO_COLOR                   Set to anything: no colour even on a terminal.

Output:
  A table for people, with colour only on a terminal; download progress goes to stderr.
  With --json every line is one JSON object. An operation has: id, status (notStarted,
  running, succeeded, failed, unknown, expired), rawStatus (the server's own word),
  createdDateTime and lastActionDateTime (ISO 8601 UTC ending in Z, with the fractional
  seconds exactly as Graph sent them), manifestUrl,
  error {code, message, target} for a failed operation, and problem {httpStatus, code,
  message, requestId} when the last request about it failed. watch prints a line
  whenever an operation changes and a final line for each, marked "final": true.
  manifest prints the manifest with Graph's field names; download prints one object
  per file; export prints the new operation's id and url. summarize prints
  {"kind", "files", "rows", "from", "to", "totals": {"EUR": 1234.56, ...}} first, then
  one {"by", "id", "name", "rows", "totals"} per group; a total is BillingPreTaxTotal by
  BillingCurrency for usage and Total by Currency for reconciliation, exact to the cent.
  Their progress goes to stderr.

Exit codes:
  0    success: status fetched every operation; watch ended with all of them succeeded;
       the manifest, the download or the export went through; list and track: done
  1    at least one operation failed, expired or is gone (404/410); manifest and
       download: the operation has not succeeded; summarize and convert: a file is
       corrupt or was refused (named on stderr), or the output could not be written
  2    usage error or invalid id: nothing was requested
  3    watch --timeout ran out
  4    authentication refused (401/403), or sign-in refused (declined, expired code, an
       AADSTS error); download: Storage refused the link
  5    network or server errors that did not resolve (login: Entra ID unreachable); list,
       track and export --track: the list of tracked operations could not be read or saved
  130  interrupted by Ctrl+C (what is known so far is printed; a second Ctrl+C exits
       at once)
)")
        .arg(OperationSweep::PatienceSeconds)
        .arg(ScanLimits::InflatedGiB.defaultValue)
        .arg(ScanLimits::DefaultRatioFloorBytes >> 20)
        .arg(ScanLimits::Ratio.defaultValue);
}

} // namespace CliArguments
