#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// One run of the real billing-monitor-cli as a child process, awaited with an event loop
// (never blocking), so a simulator in the test's own thread keeps answering meanwhile.
struct CliProcess
{
    int exitCode = -1; // -1: it crashed or did not finish in time (then it was killed)
    QString out;
    QString err;

    // <test dir>/../billing-monitor-cli
    static QString executable();
    static CliProcess run(const QStringList &arguments, const QProcessEnvironment &env,
                          int timeoutMs = 30000);
};
