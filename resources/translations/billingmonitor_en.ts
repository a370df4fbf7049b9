<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>DataCharts</name>
    <message numerus="yes">
        <source>Top %n customers by %1 in %2</source>
        <translation>
            <numerusform>Top %n customer by %1 in %2</numerusform>
            <numerusform>Top %n customers by %1 in %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DataView</name>
    <message numerus="yes">
        <source>Reading %n file(s)…</source>
        <translation>
            <numerusform>Reading %n file…</numerusform>
            <numerusform>Reading %n files…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), %1 compressed, %2 of JSON</source>
        <translation>
            <numerusform>%n file, %1 compressed, %2 of JSON</numerusform>
            <numerusform>%n files, %1 compressed, %2 of JSON</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n amount(s) are not numbers and were not added (e.g. %1).</source>
        <translation>
            <numerusform>%n amount is not a number and was not added (%1).</numerusform>
            <numerusform>%n amounts are not numbers and were not added (e.g. %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written to %1.</source>
        <translation>
            <numerusform>%n row written to %1.</numerusform>
            <numerusform>%n rows written to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) written to %1.</source>
        <translation>
            <numerusform>%n file written to %1.</numerusform>
            <numerusform>%n files written to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DemoMode</name>
    <message numerus="yes">
        <source>%n sample operations at %1, signed in at its own Entra ID; nothing reaches Microsoft.</source>
        <translation>
            <numerusform>%n sample operation at %1, signed in at its own Entra ID; nothing reaches Microsoft.</numerusform>
            <numerusform>%n sample operations at %1, signed in at its own Entra ID; nothing reaches Microsoft.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n operation(s) gave an address on another host.</source>
        <translation>
            <numerusform>%n operation gave an address on another host.</numerusform>
            <numerusform>%n operations gave an address on another host.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped tracking %Ln operation(s); Ctrl+Z brings them back.</source>
        <translation>
            <numerusform>Stopped tracking %Ln operation; Ctrl+Z brings it back.</numerusform>
            <numerusform>Stopped tracking %Ln operations; Ctrl+Z brings them back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %Ln finished operation(s); Ctrl+Z brings them back.</source>
        <translation>
            <numerusform>Removed %Ln finished operation; Ctrl+Z brings it back.</numerusform>
            <numerusform>Removed %Ln finished operations; Ctrl+Z brings them back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Checking %Ln operation(s) now…</source>
        <translation>
            <numerusform>Checking %Ln operation now…</numerusform>
            <numerusform>Checking %Ln operations now…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln id(s).</source>
        <translation>
            <numerusform>Copied %Ln id.</numerusform>
            <numerusform>Copied %Ln ids.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln row(s); paste them into Excel or any spreadsheet.</source>
        <translation>
            <numerusform>Copied %Ln row; paste it into Excel or any spreadsheet.</numerusform>
            <numerusform>Copied %Ln rows; paste them into Excel or any spreadsheet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %Ln row(s) to %1.</source>
        <translation>
            <numerusform>Wrote %Ln row to %1.</numerusform>
            <numerusform>Wrote %Ln rows to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Brought back %Ln operation(s).</source>
        <translation>
            <numerusform>Brought back %Ln operation.</numerusform>
            <numerusform>Brought back %Ln operations.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Operations added by another program: %n.</source>
        <translation>
            <numerusform>Operations added by another program: %n.</numerusform>
            <numerusform>Operations added by another program: %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ManifestPanel</name>
    <message numerus="yes">
        <source>Manifest refreshed; retrying %n file(s).</source>
        <translation>
            <numerusform>Manifest refreshed; retrying %n file.</numerusform>
            <numerusform>Manifest refreshed; retrying %n files.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n cancelled</numerusform>
            <numerusform>%n cancelled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Download finished: %1 of %n files verified.</source>
        <translation>
            <numerusform>Download finished: %1 of %n file verified.</numerusform>
            <numerusform>Download finished: %1 of %n files verified.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n files done</source>
        <translation>
            <numerusform>%1 of %n file done</numerusform>
            <numerusform>%1 of %n files done</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n files verified (%L2 lines, %3 compressed, %4 uncompressed)</source>
        <translation>
            <numerusform>%1 of %n file verified (%L2 lines, %3 compressed, %4 uncompressed)</numerusform>
            <numerusform>%1 of %n files verified (%L2 lines, %3 compressed, %4 uncompressed)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n files of this export are already in %1. Download them again and replace them?</source>
        <translation>
            <numerusform>%n file of this export is already in %1. Download it again and replace it?</numerusform>
            <numerusform>%n files of this export are already in %1. Download them again and replace them?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Download failed: none of the %n files arrived. %1</source>
        <translation>
            <numerusform>Download failed: the %n file did not arrive. %1</numerusform>
            <numerusform>Download failed: none of the %n files arrived. %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Download finished: %1 of %n files verified; %2</source>
        <translation>
            <numerusform>Download finished: %1 of %n file verified; %2</numerusform>
            <numerusform>Download finished: %1 of %n files verified; %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Download failed: none of the %n files arrived.</source>
        <translation>
            <numerusform>Download failed: the %n file did not arrive.</numerusform>
            <numerusform>Download failed: none of the %n files arrived.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message numerus="yes">
        <source>%n exports finished</source>
        <translation>
            <numerusform>%n export finished</numerusform>
            <numerusform>%n exports finished</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n succeeded</source>
        <translation>
            <numerusform>%n succeeded</numerusform>
            <numerusform>%n succeeded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OperationStore</name>
    <message numerus="yes">
        <source>Operations imported from the list an earlier version kept (format version %1): %n.</source>
        <translation>
            <numerusform>Operations imported from the list an earlier version kept (format version %1): %n.</numerusform>
            <numerusform>Operations imported from the list an earlier version kept (format version %1): %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PollScheduler</name>
    <message numerus="yes">
        <source>Checking %n operations at %1 per second takes about %2 s.</source>
        <translation>
            <numerusform>Checking %n operation at %1 per second takes about %2 s.</numerusform>
            <numerusform>Checking %n operations at %1 per second takes about %2 s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Graph no longer knows this operation (HTTP %1, %n times in a row); start a new export.</source>
        <translation>
            <numerusform>Graph no longer knows this operation (HTTP %1, %n time in a row); start a new export.</numerusform>
            <numerusform>Graph no longer knows this operation (HTTP %1, %n times in a row); start a new export.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemovalUndo</name>
    <message numerus="yes">
        <source>Remove %Ln operation(s)</source>
        <translation>
            <numerusform>Remove %Ln operation</numerusform>
            <numerusform>Remove %Ln operations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message numerus="yes">
        <source>%n added</source>
        <translation>
            <numerusform>%n added</numerusform>
            <numerusform>%n added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already tracked</source>
        <translation>
            <numerusform>%n already tracked</numerusform>
            <numerusform>%n already tracked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; only the first %n ids were read</source>
        <translation>
            <numerusform>; only the first %n id was read</numerusform>
            <numerusform>; only the first %n ids were read</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusSummary</name>
    <message numerus="yes">
        <source>%Ln not checked yet</source>
        <translation>
            <numerusform>%Ln not checked yet</numerusform>
            <numerusform>%Ln not checked yet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln without an answer</source>
        <translation>
            <numerusform>%Ln without an answer</numerusform>
            <numerusform>%Ln without an answer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not started</source>
        <translation>
            <numerusform>%Ln not started</numerusform>
            <numerusform>%Ln not started</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln running</source>
        <translation>
            <numerusform>%Ln running</numerusform>
            <numerusform>%Ln running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln succeeded</source>
        <translation>
            <numerusform>%Ln succeeded</numerusform>
            <numerusform>%Ln succeeded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln failed</numerusform>
            <numerusform>%Ln failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln in an unknown state</source>
        <translation>
            <numerusform>%Ln in an unknown state</numerusform>
            <numerusform>%Ln in an unknown state</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln expired</source>
        <translation>
            <numerusform>%Ln expired</numerusform>
            <numerusform>%Ln expired</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s) in flight</source>
        <translation>
            <numerusform>%Ln request in flight</numerusform>
            <numerusform>%Ln requests in flight</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimeText</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n running</numerusform>
            <numerusform>%n running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
</context>
</TS>
