#include "simulatedoperation.h"

PublicError SimulatedOperation::noDataAvailable()
{
    PublicError error;
    error.code = QStringLiteral("5000");
    error.message = QStringLiteral("No data available");
    return error;
}

SimulatedOperation::Phase SimulatedOperation::phaseAt(qint64 sinceCreationMs) const
{
    if (expiresAfterMs >= 0 && sinceCreationMs >= expiresAfterMs)
        return Phase::Expired;
    if (sinceCreationMs < notStartedMs)
        return Phase::NotStarted;
    if (sinceCreationMs < notStartedMs + runningMs || outcome == Outcome::NeverFinishes)
        return Phase::Running;
    return outcome == Outcome::Succeeded ? Phase::Succeeded : Phase::Failed;
}

qint64 SimulatedOperation::phaseStartMs(qint64 sinceCreationMs) const
{
    switch (phaseAt(sinceCreationMs)) {
    case Phase::NotStarted:
        return 0;
    case Phase::Running:
        return notStartedMs;
    case Phase::Succeeded:
    case Phase::Failed:
        return notStartedMs + runningMs;
    case Phase::Expired:
        break;
    }
    return expiresAfterMs;
}

QString SimulatedOperation::statusText(Phase phase) const
{
    const bool lastPhase = (phase == Phase::Running && outcome == Outcome::NeverFinishes)
        || phase == Phase::Succeeded || phase == Phase::Failed;
    if (lastPhase && !finalStatus.isEmpty())
        return finalStatus;
    switch (phase) {
    case Phase::NotStarted:
        return QStringLiteral("notStarted");
    case Phase::Running:
        return QStringLiteral("running");
    case Phase::Succeeded:
        return QStringLiteral("succeeded");
    case Phase::Failed:
        return QStringLiteral("failed");
    case Phase::Expired:
        break;
    }
    return {};
}
