#pragma once

#include <QJsonObject>
#include <QList>
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

    QStringList lines() const;
    // Each line of out as a JSON object; empty (with a warning) if any line is not one.
    QList<QJsonObject> json() const;

    // <test dir>/../billing-monitor-cli
    static QString executable();
    static CliProcess run(const QStringList &arguments, const QProcessEnvironment &env,
                          int timeoutMs = 30000);
};
