#include "exitcode.h"

namespace {

int severity(ExitCode code)
{
    switch (code) {
    case ExitCode::Success:
        return 0;
    case ExitCode::TimedOut:
        return 1;
    case ExitCode::OperationFailed:
        return 2;
    case ExitCode::Unresolved:
        return 3;
    case ExitCode::AuthenticationRefused:
        return 4;
    case ExitCode::Usage:
        return 5;
    case ExitCode::Interrupted:
        return 6;
    }
    return 0;
}

} // namespace

namespace CliExit {

ExitCode forSignInError(const SignInError &error)
{
    switch (error.kind) {
    case SignInError::Kind::Network:
    case SignInError::Kind::BadReply:
        return ExitCode::Unresolved;
    case SignInError::Kind::Configuration:
        return ExitCode::Usage;
    case SignInError::Kind::Cancelled:
        return ExitCode::Interrupted;
    case SignInError::Kind::None:
        return ExitCode::Success;
    case SignInError::Kind::Refused:
    case SignInError::Kind::TimedOut:
    case SignInError::Kind::NoSecret:
        break;
    }
    return ExitCode::AuthenticationRefused;
}

ExitCode forProblem(const Problem &problem)
{
    switch (problem.kind) {
    case Problem::Kind::None:
        return ExitCode::Success;
    case Problem::Kind::Unauthorized:
    case Problem::Kind::Forbidden:
        return ExitCode::AuthenticationRefused;
    case Problem::Kind::NotFound:
        return ExitCode::OperationFailed;
    case Problem::Kind::Throttled:
    case Problem::Kind::ServerError:
    case Problem::Kind::Timeout:
    case Problem::Kind::Network:
    case Problem::Kind::BadReply:
    case Problem::Kind::HttpError:
        return ExitCode::Unresolved;
    }
    return ExitCode::Unresolved;
}

ExitCode forManifestProblem(const Problem &problem)
{
    const ExitCode code = forProblem(problem);
    return code == ExitCode::AuthenticationRefused ? code : ExitCode::Unresolved;
}

ExitCode forOperations(const QList<TrackedOperation> &operations, bool timedOut)
{
    ExitCode code = timedOut ? ExitCode::TimedOut : ExitCode::Success;
    for (const TrackedOperation &operation : operations) {
        code = worse(code, forProblem(operation.problem));
        const OperationStatus status = operation.status();
        if (status == OperationStatus::Failed || status == OperationStatus::Expired)
            code = worse(code, ExitCode::OperationFailed);
    }
    return code;
}

ExitCode worse(ExitCode a, ExitCode b)
{
    return severity(a) >= severity(b) ? a : b;
}

} // namespace CliExit
