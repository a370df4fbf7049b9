#pragma once

#include "models/manifest.h"
#include "models/problem.h"
#include "models/trackedoperation.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

class QTextStream;

// How the CLI shows what it learned: one JSON object per line for scripts, or aligned
// text for people, with status colours from the shared status table (only when asked).
class OperationPrinter
{
public:
    OperationPrinter(QTextStream *out, bool json, bool colour);

    bool isJson() const { return m_json; }
    bool isColour() const { return m_colour; }

    // status: every operation, a table or one object each.
    void printOperations(const QList<TrackedOperation> &operations);
    // watch: one operation changed.
    void printChange(const TrackedOperation &operation);
    // watch: where every operation ended up; the objects carry "final": true.
    void printFinal(const QList<TrackedOperation> &operations);
    void printManifest(const Manifest &manifest);
    void printExportStarted(const QString &id, const QUrl &url, const QString &label);
    // list: the tracked operations with their label and when they were last checked.
    void printTracked(const QList<TrackedOperation> &operations);
    // track: whether the operation was added or was tracked already.
    void printTrackResult(const QString &id, bool added);
    // One object as a line of compact JSON.
    void printJson(const QJsonObject &object);
    void printLine(const QString &line);

    static QJsonObject operationJson(const TrackedOperation &operation);
    static QJsonObject problemJson(const Problem &problem);

    // The failed operation's error, else the last request's problem, else nothing.
    static QString detailText(const TrackedOperation &operation);

private:
    void printTable(const QList<TrackedOperation> &operations);

    QTextStream *m_out;
    bool m_json;
    bool m_colour;
};
