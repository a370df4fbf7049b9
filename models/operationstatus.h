#pragma once

#include <QString>
#include <QStringView>

// What the app knows about an operation's progress. The first five come from Graph's
// longRunningOperationStatus (with unknownFutureValue and any unrecognised string folded
// into Unknown); Expired is the app's own verdict for operations it stopped polling.
enum class OperationStatus { NotStarted, Running, Succeeded, Failed, Unknown, Expired };
// How many statuses there are, for tables indexed by int(OperationStatus).
inline constexpr int StatusCount = int(OperationStatus::Expired) + 1;

// Graph's own string to a status. "completed" (the docs' property table) counts as
// succeeded; anything unrecognised is Unknown, and callers keep the raw text to show it.
OperationStatus operationStatusFromGraph(QStringView raw);

// Stable machine key used in JSON output and the store: notStarted, running, succeeded,
// failed, unknown, expired.
QString operationStatusKey(OperationStatus status);
OperationStatus operationStatusFromKey(QStringView key);

// Succeeded and failed operations never change again, so they are never polled again.
bool isTerminal(OperationStatus status);
