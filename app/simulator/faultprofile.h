#pragma once

#include <QString>

#include <optional>
#include <random>

// How often the Graph routes misbehave. Each rate is a probability in 0..1, checked in the
// order below for every Graph request that passed authentication; their sum should stay <= 1.
// Faults never touch an operation's timeline: a retried request sees the true state.
struct FaultProfile
{
    double throttle = 0; // 429 Too Many Requests
    double throttleHttpDate = 0; // share of the 429s whose Retry-After is an HTTP-date
    double serverError = 0; // 500
    double unavailable = 0; // 503 with Retry-After
    double unavailableBare = 0; // 503 without Retry-After
    double gatewayTimeout = 0; // 504
    double connectionReset = 0; // the connection closes without an answer
    double stall = 0; // no answer for stallMs (the client should give up first)
    double htmlBody = 0; // 200 with an HTML page instead of JSON
    double truncatedBody = 0; // Content-Length larger than what is sent, then close
    int retryAfterSeconds = 2; // for 429 and 503
    int stallMs = 120000;
    quint32 seed = 1;

    bool isEmpty() const;

    // "429=0.1,500=0.05,503=0.05,503bare=0.01,504=0.02,reset=0.01,stall=0.01,html=0.01,
    // truncate=0.01,httpdate=0.5,retryAfter=3,stallMs=40000,seed=7". Keys may also be the
    // member names. On failure returns nullopt and sets *error.
    static std::optional<FaultProfile> fromString(const QString &text, QString *error);
};

// Draws the fault for each request from a FaultProfile with its own seeded generator.
class FaultInjector
{
public:
    enum class Fault {
        None,
        Throttle,
        ThrottleHttpDate,
        ServerError,
        Unavailable,
        UnavailableBare,
        GatewayTimeout,
        ConnectionReset,
        Stall,
        HtmlBody,
        TruncatedBody
    };

    void setProfile(const FaultProfile &profile);
    const FaultProfile &profile() const { return m_profile; }
    Fault next();

private:
    double uniform();

    FaultProfile m_profile;
    std::mt19937 m_random;
};
