#pragma once

#include <QDateTime>
#include <QString>

// Why the last request about an operation did not yield its state. A problem is never a
// status: the row keeps its last known status and shows the problem beside it.
struct Problem
{
    enum class Kind {
        None,
        Unauthorized, // 401
        Forbidden, // 403
        NotFound, // 404 or 410
        Throttled, // 429, or 503 with Retry-After
        ServerError, // other 5xx
        Timeout, // the transfer timeout fired
        Network, // connection refused, reset, DNS, TLS...
        BadReply, // not JSON, not the expected shape, or too large
        HttpError, // any other non-2xx
    };

    Kind kind = Kind::None;
    int httpStatus = 0; // 0 when no HTTP answer arrived
    QString code; // Graph error code, when the body had one
    QString message; // readable, already phrased for the analyst
    QString requestId; // from the request-id header or the error body
    QDateTime occurredAt; // UTC

    bool isNull() const { return kind == Kind::None; }
    // A fault of the moment (throttling, a server error, a timeout, the network) that the
    // scheduler retries with backoff and that may go away by itself; a refused token or an
    // unreadable answer will not change within seconds.
    bool isTransient() const;
    // One line for the table: "HTTP 429 · TooManyRequests: Please retry again later."
    QString summary() const;

    static QString kindKey(Kind kind); // stable key for the store and JSON output
    static Kind kindFromKey(const QString &key);
};
