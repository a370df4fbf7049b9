#include "app/cli/clioptions.h"
#include "app/cli/clirunner.h"
#include "app/cli/exitcode.h"
#include "app/cli/operationprinter.h"
#include "app/cli/texttable.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <QTextStream>

// The CLI's pieces in-process: argument parsing, exit-code mapping and output formatting.
class TestCliUnits : public QObject
{
    Q_OBJECT

private slots:
    void globalOptionsMayStandAnywhere();
    void idsComeFromTextLikePastedOnes();
    void watchOptionsAreChecked();
    void exportOptionsBecomeANormalizedRequest();
    void exportWatchOptionsNeedWatch();
    void simulateKeepsItsOwnOptions();
    void helpWinsOverEverythingElse();

    void exitCodesFollowTheMostSeriousOutcome();
    void problemsMapToExitCodes_data();
    void problemsMapToExitCodes();

    void colourIsOnlyAddedWhenAskedAndKeepsColumnsAligned();
    void operationJsonUsesNullForWhatIsUnknown();
    void serverTextCannotDriveTheTerminal();
    void runnerPrintsHelpWithoutAnyNetwork();
    void manifestProblemsAreAuthenticationOrUnresolved();

private:
    static TrackedOperation operation(const QString &id, OperationStatus status,
                                      Problem::Kind problem = Problem::Kind::None);
};

TrackedOperation TestCliUnits::operation(const QString &id, OperationStatus status,
                                         Problem::Kind problem)
{
    TrackedOperation tracked;
    tracked.id = id;
    tracked.last.id = id;
    tracked.last.status = status;
    tracked.last.rawStatus = operationStatusKey(status);
    tracked.problem.kind = problem;
    if (problem != Problem::Kind::None)
        tracked.problem.httpStatus = 500;
    return tracked;
}

void TestCliUnits::globalOptionsMayStandAnywhere()
{
    const CliParseResult parsed = CliArguments::parse(
        {QStringLiteral("status"), QStringLiteral("6fe687d7-1e0f-4bd6-9091-4672691f64bc"),
         QStringLiteral("--json"), QStringLiteral("--graph-url=http://127.0.0.1:8080"),
         QStringLiteral("--api-version"), QStringLiteral("beta")});
    QVERIFY2(parsed.options, qPrintable(parsed.error));
    QCOMPARE(parsed.options->command, CliOptions::Command::Status);
    QVERIFY(parsed.options->json);
    QCOMPARE(parsed.options->graphUrl, QStringLiteral("http://127.0.0.1:8080"));
    QCOMPARE(parsed.options->apiVersion, QStringLiteral("beta"));
}

void TestCliUnits::idsComeFromTextLikePastedOnes()
{
    const CliParseResult parsed = CliArguments::parse(
        {QStringLiteral("watch"),
         QStringLiteral("https://graph.microsoft.com/v1.0/reports/partners/billing/operations/"
                        "6FE687D7-1E0F-4BD6-9091-4672691F64BC"),
         QStringLiteral("Location: https://x/operations/8fe347d7-1e0f-4bd6-9091-4672691f32db"),
         QStringLiteral("6fe687d7-1e0f-4bd6-9091-4672691f64bc")});
    QVERIFY2(parsed.options, qPrintable(parsed.error));
    // Lower case, in order, without repeats.
    QCOMPARE(parsed.options->ids,
             (QStringList {QStringLiteral("6fe687d7-1e0f-4bd6-9091-4672691f64bc"),
                           QStringLiteral("8fe347d7-1e0f-4bd6-9091-4672691f32db")}));

    const CliParseResult glued = CliArguments::parse(
        {QStringLiteral("status"), QStringLiteral("x6fe687d7-1e0f-4bd6-9091-4672691f64bc")});
    QVERIFY(!glued.options);
    QVERIFY(glued.error.startsWith(QStringLiteral("status: 'x6fe687d7")));
}

void TestCliUnits::watchOptionsAreChecked()
{
    const QString id = QStringLiteral("6fe687d7-1e0f-4bd6-9091-4672691f64bc");
    CliParseResult parsed
        = CliArguments::parse({QStringLiteral("watch"), id, QStringLiteral("--timeout=2.5"),
                               QStringLiteral("--interval"), QStringLiteral("0.2")});
    QVERIFY2(parsed.options, qPrintable(parsed.error));
    QCOMPARE(parsed.options->timeoutSeconds, 2.5);
    QCOMPARE(parsed.options->intervalSeconds, 1); // whole seconds, never zero

    for (const QString &bad :
         {QStringLiteral("0"), QStringLiteral("-1"), QStringLiteral("inf"), QStringLiteral("nan"),
          QStringLiteral(""), QStringLiteral("2592000")}) { // 30 days overflow the timer
        parsed
            = CliArguments::parse({QStringLiteral("watch"), id, QStringLiteral("--timeout"), bad});
        QVERIFY2(!parsed.options, qPrintable(bad));
        QVERIFY(parsed.error.contains(QStringLiteral("--timeout")));
    }
    parsed = CliArguments::parse({QStringLiteral("watch"), id, QStringLiteral("--timeout")});
    QVERIFY(!parsed.options);
    QCOMPARE(parsed.error, QStringLiteral("watch: --timeout needs a value"));
    parsed = CliArguments::parse({QStringLiteral("watch"), id, QStringLiteral("--timeout"),
                                  QStringLiteral("1"), QStringLiteral("--timeout"),
                                  QStringLiteral("2")});
    QVERIFY(!parsed.options);
    QVERIFY(parsed.error.contains(QStringLiteral("given twice")));
    parsed = CliArguments::parse({QStringLiteral("--json=yes"), QStringLiteral("status"), id});
    QVERIFY(!parsed.options);
    QVERIFY(parsed.error.contains(QStringLiteral("--json takes no value")));
}

void TestCliUnits::exportOptionsBecomeANormalizedRequest()
{
    const CliParseResult parsed = CliArguments::parse(
        {QStringLiteral("export"), QStringLiteral("unbilled-reconciliation"),
         QStringLiteral("--currency"), QStringLiteral(" eur "), QStringLiteral("--period"),
         QStringLiteral("LAST"), QStringLiteral("--attributes"), QStringLiteral("basic")});
    QVERIFY2(parsed.options, qPrintable(parsed.error));
    const ExportRequest &request = parsed.options->exportRequest;
    QCOMPARE(request.kind, ExportRequest::Kind::UnbilledReconciliation);
    QCOMPARE(request.currencyCode, QStringLiteral("EUR"));
    QCOMPARE(request.billingPeriod, QStringLiteral("last"));
    QCOMPARE(request.attributeSet, QStringLiteral("basic"));
    QVERIFY(!parsed.options->watchExport);

    CliParseResult wrong
        = CliArguments::parse({QStringLiteral("export"), QStringLiteral("unbilled-usage"),
                               QStringLiteral("--invoice"), QStringLiteral("G016907411")});
    QVERIFY(!wrong.options);
    QCOMPARE(wrong.error, QStringLiteral("export: unbilled-usage takes --currency, not --invoice"));
    wrong = CliArguments::parse({QStringLiteral("export"), QStringLiteral("billed-usage"),
                                 QStringLiteral("--invoice"), QStringLiteral("G016907411"),
                                 QStringLiteral("--period"), QStringLiteral("last")});
    QVERIFY(!wrong.options);
    QCOMPARE(wrong.error, QStringLiteral("export: billed-usage takes no --period"));
    wrong = CliArguments::parse({QStringLiteral("export"), QStringLiteral("billed-usage"),
                                 QStringLiteral("--invoice"), QStringLiteral("G016907411"),
                                 QStringLiteral("--attributes"), QStringLiteral("some")});
    QVERIFY(!wrong.options);
    QVERIFY2(wrong.error.startsWith(QStringLiteral("export: --attributes: ")),
             qPrintable(wrong.error));
}

void TestCliUnits::exportWatchOptionsNeedWatch()
{
    const QStringList base {QStringLiteral("export"), QStringLiteral("billed-usage"),
                            QStringLiteral("--invoice"), QStringLiteral("G016907411")};
    CliParseResult parsed = CliArguments::parse(
        base + QStringList {QStringLiteral("--timeout"), QStringLiteral("5")});
    QVERIFY(!parsed.options);
    QCOMPARE(parsed.error, QStringLiteral("export: --timeout and --interval need --watch"));
    parsed = CliArguments::parse(base
                                 + QStringList {QStringLiteral("--watch"),
                                                QStringLiteral("--timeout"), QStringLiteral("5")});
    QVERIFY2(parsed.options, qPrintable(parsed.error));
    QVERIFY(parsed.options->watchExport);
    QCOMPARE(parsed.options->timeoutSeconds, 5.0);
}

void TestCliUnits::simulateKeepsItsOwnOptions()
{
    const CliParseResult parsed = CliArguments::parse(
        {QStringLiteral("simulate"), QStringLiteral("--port"), QStringLiteral("8080"),
         QStringLiteral("--faults"), QStringLiteral("429=0.1")});
    QVERIFY2(parsed.options, qPrintable(parsed.error));
    QCOMPARE(parsed.options->command, CliOptions::Command::Simulate);
    QCOMPARE(parsed.options->simulatorArguments,
             (QStringList {QStringLiteral("--port"), QStringLiteral("8080"),
                           QStringLiteral("--faults"), QStringLiteral("429=0.1")}));
}

void TestCliUnits::helpWinsOverEverythingElse()
{
    for (const QStringList &arguments :
         {QStringList {QStringLiteral("--help")},
          QStringList {QStringLiteral("nonsense"), QStringLiteral("-h")},
          QStringList {QStringLiteral("watch"), QStringLiteral("--help")}}) {
        const CliParseResult parsed = CliArguments::parse(arguments);
        QVERIFY(parsed.options);
        QCOMPARE(parsed.options->command, CliOptions::Command::Help);
    }
    const CliParseResult version = CliArguments::parse({QStringLiteral("--version")});
    QCOMPARE(version.options->command, CliOptions::Command::Version);
}

void TestCliUnits::exitCodesFollowTheMostSeriousOutcome()
{
    const QString a = QStringLiteral("6fe687d7-1e0f-4bd6-9091-4672691f64bc");
    const QString b = QStringLiteral("8fe347d7-1e0f-4bd6-9091-4672691f32db");
    using Status = OperationStatus;
    QCOMPARE(
        CliExit::forOperations({operation(a, Status::Succeeded), operation(b, Status::Running)}),
        ExitCode::Success);
    QCOMPARE(
        CliExit::forOperations({operation(a, Status::Succeeded), operation(b, Status::Failed)}),
        ExitCode::OperationFailed);
    TrackedOperation expired = operation(b, Status::Running);
    expired.expired = true;
    QCOMPARE(CliExit::forOperations({expired}), ExitCode::OperationFailed);
    QCOMPARE(CliExit::forOperations({operation(a, Status::Running)}, true), ExitCode::TimedOut);
    QCOMPARE(CliExit::forOperations({operation(a, Status::Failed)}, true),
             ExitCode::OperationFailed);
    QCOMPARE(CliExit::forOperations({operation(a, Status::Failed),
                                     operation(b, Status::Running, Problem::Kind::ServerError)}),
             ExitCode::Unresolved);
    QCOMPARE(CliExit::forOperations({operation(a, Status::Running, Problem::Kind::Network),
                                     operation(b, Status::Running, Problem::Kind::Forbidden)}),
             ExitCode::AuthenticationRefused);
    QCOMPARE(CliExit::worse(ExitCode::Unresolved, ExitCode::Interrupted), ExitCode::Interrupted);
}

void TestCliUnits::problemsMapToExitCodes_data()
{
    QTest::addColumn<Problem::Kind>("kind");
    QTest::addColumn<ExitCode>("code");
    QTest::newRow("none") << Problem::Kind::None << ExitCode::Success;
    QTest::newRow("401") << Problem::Kind::Unauthorized << ExitCode::AuthenticationRefused;
    QTest::newRow("403") << Problem::Kind::Forbidden << ExitCode::AuthenticationRefused;
    QTest::newRow("404") << Problem::Kind::NotFound << ExitCode::OperationFailed;
    QTest::newRow("429") << Problem::Kind::Throttled << ExitCode::Unresolved;
    QTest::newRow("500") << Problem::Kind::ServerError << ExitCode::Unresolved;
    QTest::newRow("timeout") << Problem::Kind::Timeout << ExitCode::Unresolved;
    QTest::newRow("network") << Problem::Kind::Network << ExitCode::Unresolved;
    QTest::newRow("bad reply") << Problem::Kind::BadReply << ExitCode::Unresolved;
    QTest::newRow("other http") << Problem::Kind::HttpError << ExitCode::Unresolved;
}

void TestCliUnits::problemsMapToExitCodes()
{
    QFETCH(Problem::Kind, kind);
    QFETCH(ExitCode, code);
    Problem problem;
    problem.kind = kind;
    QCOMPARE(CliExit::forProblem(problem), code);
}

void TestCliUnits::colourIsOnlyAddedWhenAskedAndKeepsColumnsAligned()
{
    const QList<TrackedOperation> operations {
        operation(QStringLiteral("6fe687d7-1e0f-4bd6-9091-4672691f64bc"),
                  OperationStatus::Succeeded),
        operation(QStringLiteral("8fe347d7-1e0f-4bd6-9091-4672691f32db"),
                  OperationStatus::NotStarted, Problem::Kind::ServerError)};
    QString plain;
    QTextStream plainStream(&plain);
    OperationPrinter(&plainStream, false, false).printOperations(operations);
    QVERIFY(!plain.contains(QLatin1Char('\x1b')));

    QString coloured;
    QTextStream colouredStream(&coloured);
    OperationPrinter(&colouredStream, false, true).printOperations(operations);
    QVERIFY(coloured.contains(QStringLiteral("\x1b[32mSucceeded\x1b[0m")));
    QVERIFY(coloured.contains(QStringLiteral("\x1b[37mNot started\x1b[0m")));
    QVERIFY(coloured.contains(QStringLiteral("\x1b[33mHTTP 500")));
    // Without the escapes it is the same table: colour never shifts a column.
    static const QRegularExpression escapes(QStringLiteral("\x1b\\[\\d+m"));
    QCOMPARE(QString(coloured).remove(escapes), plain);

    // JSON never has colour, whatever the terminal.
    QString json;
    QTextStream jsonStream(&json);
    OperationPrinter(&jsonStream, true, true).printOperations(operations);
    QVERIFY(!json.contains(QLatin1Char('\x1b')));
    QCOMPARE(json.count(QLatin1Char('\n')), 2);
}

void TestCliUnits::serverTextCannotDriveTheTerminal()
{
    // A failed operation whose error retitles the terminal, writes the clipboard (OSC 52),
    // forges a line, recolours with a C1 CSI and reorders text with a bidi override.
    const QString hostile = QStringLiteral("No data\x1b]0;pwned\x07\x1b]52;c;ZWNobyBoaQ==\x07"
                                           "\r\n00:00:00  forged  Succeeded\u009b31m\u202e!");
    TrackedOperation failed = operation(QStringLiteral("6fe687d7-1e0f-4bd6-9091-4672691f64bc"),
                                        OperationStatus::Failed);
    failed.last.error.code = QStringLiteral("5000\x1b[2J");
    failed.last.error.message = hostile;
    TrackedOperation odd = operation(QStringLiteral("8fe347d7-1e0f-4bd6-9091-4672691f32db"),
                                     OperationStatus::Unknown, Problem::Kind::ServerError);
    odd.last.rawStatus = QStringLiteral("weird\x1b[8m");
    odd.problem.message = hostile;

    const auto hasControl = [](const QString &text) {
        return std::any_of(text.begin(), text.end(), [](QChar c) {
            const char16_t u = c.unicode();
            return (u < 0x20 && u != u'\n') || (u >= 0x7f && u <= 0x9f) || u == 0x202e;
        });
    };
    for (const bool colour : {false, true}) {
        QString table;
        QTextStream tableStream(&table);
        OperationPrinter tablePrinter(&tableStream, false, colour);
        tablePrinter.printOperations({failed, odd});
        QString changes;
        QTextStream changeStream(&changes);
        OperationPrinter changePrinter(&changeStream, false, colour);
        changePrinter.printChange(failed);
        changePrinter.printChange(odd);
        for (QString text : {table, changes}) {
            QCOMPARE(text.count(QLatin1Char('\n')), text == table ? 3 : 2);
            QVERIFY(text.contains(QStringLiteral("No data")));
            QVERIFY(!text.contains(QStringLiteral("\n00:00:00  forged")));
            // Only the printer's own SGR colours may remain.
            static const QRegularExpression ownColours(QStringLiteral("\x1b\\[\\d+m"));
            text.remove(ownColours);
            QVERIFY2(!hasControl(text), text.toUtf8().toPercentEncoding(" \n").constData());
        }
    }
    QCOMPARE(terminalSafe(QStringLiteral("a\tb\x1b]0;t\x07"
                                         "c\u0085d\u2066e")),
             QStringLiteral("a b\ufffd]0;t\ufffdc\ufffdd\ufffde"));

    // JSON keeps the text exactly and escapes the controls.
    QString json;
    QTextStream jsonStream(&json);
    OperationPrinter(&jsonStream, true, false).printOperations({failed});
    QVERIFY(!json.contains(QLatin1Char('\x1b')));
    QCOMPARE(QJsonDocument::fromJson(json.toUtf8())
                 .object()
                 .value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("message"))
                 .toString(),
             hostile);
}

void TestCliUnits::operationJsonUsesNullForWhatIsUnknown()
{
    TrackedOperation unanswered;
    unanswered.id = QStringLiteral("6fe687d7-1e0f-4bd6-9091-4672691f64bc");
    const QJsonObject object = OperationPrinter::operationJson(unanswered);
    QCOMPARE(object.value(QStringLiteral("status")).toString(), QStringLiteral("unknown"));
    QVERIFY(object.value(QStringLiteral("rawStatus")).isNull());
    QVERIFY(object.value(QStringLiteral("createdDateTime")).isNull());
    QVERIFY(object.value(QStringLiteral("manifestUrl")).isNull());
    QVERIFY(!object.contains(QStringLiteral("problem")));

    TrackedOperation gone = unanswered;
    gone.expired = true;
    gone.problem.kind = Problem::Kind::NotFound;
    gone.problem.httpStatus = 404;
    gone.problem.code = QStringLiteral("itemNotFound");
    gone.problem.requestId = QStringLiteral("req-1");
    const QJsonObject goneObject = OperationPrinter::operationJson(gone);
    QCOMPARE(goneObject.value(QStringLiteral("status")).toString(), QStringLiteral("expired"));
    const QJsonObject problem = goneObject.value(QStringLiteral("problem")).toObject();
    QCOMPARE(problem.value(QStringLiteral("httpStatus")).toInt(), 404);
    QCOMPARE(problem.value(QStringLiteral("code")).toString(), QStringLiteral("itemNotFound"));
    QCOMPARE(problem.value(QStringLiteral("requestId")).toString(), QStringLiteral("req-1"));
    QVERIFY(problem.value(QStringLiteral("message")).isNull());
}

void TestCliUnits::runnerPrintsHelpWithoutAnyNetwork()
{
    QString out;
    QString err;
    QTextStream outStream(&out);
    QTextStream errStream(&err);
    QCOMPARE(Cli::run({QStringLiteral("--help")}, CliEnvironment(), outStream, errStream), 0);
    QCOMPARE(out, CliArguments::helpText());
    QVERIFY(err.isEmpty());

    out.clear();
    QCOMPARE(Cli::run({QStringLiteral("status"), QStringLiteral("nope")}, CliEnvironment(),
                      outStream, errStream),
             2);
    QVERIFY(out.isEmpty());
    QVERIFY(err.startsWith(QStringLiteral("billing-monitor-cli: status: 'nope'")));
}

void TestCliUnits::manifestProblemsAreAuthenticationOrUnresolved()
{
    // The operation succeeded, so nothing about its manifest makes it a failed operation.
    const QList<std::pair<Problem::Kind, ExitCode>> expected {
        {Problem::Kind::None, ExitCode::Unresolved}, // an answer that could not be read
        {Problem::Kind::Unauthorized, ExitCode::AuthenticationRefused},
        {Problem::Kind::Forbidden, ExitCode::AuthenticationRefused},
        {Problem::Kind::NotFound, ExitCode::Unresolved},
        {Problem::Kind::ServerError, ExitCode::Unresolved},
        {Problem::Kind::Network, ExitCode::Unresolved},
    };
    for (const auto &[kind, code] : expected) {
        Problem problem;
        problem.kind = kind;
        QCOMPARE(CliExit::forManifestProblem(problem), code);
    }
}

QTEST_GUILESS_MAIN(TestCliUnits)
#include "tst_cli_units.moc"
