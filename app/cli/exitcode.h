#pragma once

#include "app/auth/signinerror.h"
#include "models/problem.h"
#include "models/trackedoperation.h"

#include <QList>

// What billing-monitor-cli returns, and the one place that decides it from what happened.
enum class ExitCode {
    Success = 0, // everything fetched; a watch ended with every operation succeeded
    OperationFailed = 1, // an operation failed, expired or is gone (404/410)
    Usage = 2, // bad arguments or an invalid id: nothing was requested
    TimedOut = 3, // watch --timeout ran out
    AuthenticationRefused = 4, // 401/403, or no token at all
    Unresolved = 5, // network or server errors that did not go away
    Interrupted = 130, // Ctrl+C, as shells report SIGINT
};

namespace CliExit {

// The code a single problem calls for (Success for a null one).
ExitCode forProblem(const Problem &problem);

// The code for a manifest that could not be loaded although its operation succeeded: a
// refused token is still an authentication failure; anything else (a missing or
// unreadable manifest, a server error) did not resolve. A null problem means unresolved.
ExitCode forManifestProblem(const Problem &problem);

// The code for a set of operations after status or watch. The most serious wins:
// authentication, then unresolved errors, then a failed or expired operation, then a
// timeout. Operations still running are fine for status; watch passes timedOut when
// its deadline passed before every one of them finished.
ExitCode forOperations(const QList<TrackedOperation> &operations, bool timedOut = false);

// The code for a sign-in that did not succeed (login): 5 when Entra ID could not be reached
// or answered nonsense, 2 for a configuration the user must fix, 130 when cancelled, and 4
// for every refusal (declined, expired code, an AADSTS error).
ExitCode forSignInError(const SignInError &error);

// The more serious of two codes, in the order above.
ExitCode worse(ExitCode a, ExitCode b);

inline int toInt(ExitCode code)
{
    return static_cast<int>(code);
}

} // namespace CliExit
