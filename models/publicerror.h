#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

struct PublicErrorDetail
{
    QString code;
    QString message;
    QString target;
};

// Graph's publicError (a failed operation's `error`) and also the `error` object of
// Graph error bodies, which share the code/message/innerError shape.
struct PublicError
{
    QString code; // a string: the docs' example is "5000"
    QString message;
    QString target;
    QList<PublicErrorDetail> details;
    QJsonObject innerError; // kept whole: it is open-typed and may nest
    QString requestId; // innerError's request-id (or requestId)
    QString date; // innerError's date, verbatim

    bool isEmpty() const { return code.isEmpty() && message.isEmpty(); }

    // "code: message", or whichever of the two exists.
    QString summary() const;
    // Everything, one fact a line, for a support ticket ("Copy error details").
    QString toReportText() const;

    static PublicError fromJson(const QJsonObject &error);
    QJsonObject toJson() const;
};
