#pragma once

#include <QString>

struct CliEnvironment;
struct CliOptions;
class Session;

// Where a command's Graph token comes from, in the documented order: BILLING_MONITOR_TOKEN,
// then the environment credential (AZURE_*), then the account signed in with `login` or in
// the app. A refused sign-in fails the request at once (exit code 4); nothing waits.
namespace CliSignIn {

// --authority-url, else AZURE_AUTHORITY_HOST; empty means Entra ID itself.
QString authority(const CliOptions &options, const CliEnvironment &environment);

// False with *error when the environment credential or --authority-url is unusable: a
// usage error, reported before any request.
bool configure(Session &session, const CliOptions &options, const CliEnvironment &environment,
               QString *error);

// Which of the three the session uses: "BILLING_MONITOR_TOKEN", "environment",
// "account", or "none".
QString sourceName(const Session &session, const CliEnvironment &environment);

} // namespace CliSignIn
