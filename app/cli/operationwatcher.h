#pragma once

#include "models/trackedoperation.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QStringList>

class Session;

// Follows a set of operations through the session's monitor and model, and reports each
// one whenever what the CLI shows about it changes: its status, Graph's word for it, or
// the problem with the last request. The polling itself is the monitor's, with the app's
// scheduling rules (Retry-After, throttling, backoff).
class OperationWatcher : public QObject
{
    Q_OBJECT
public:
    explicit OperationWatcher(Session *session, QObject *parent = nullptr);

    // Tracks the ids (validated GUIDs) and starts polling them.
    void watch(const QStringList &ids);
    // Follows an operation someone else already tracks (a new export).
    void follow(const QString &id);
    void stop(); // stops polling and aborts the requests in flight

    QStringList ids() const { return m_ids; }
    // In the order they were given; never-answered ones are included, as tracked.
    QList<TrackedOperation> operations() const;

    // Answered: its state arrived or its last request failed.
    static bool hasAnswer(const TrackedOperation &operation);

signals:
    void changed(const TrackedOperation &operation);

private:
    void remember(const QString &id);
    void onRowsChanged(int first, int last);
    static QString signature(const TrackedOperation &operation);

    Session *m_session;
    QStringList m_ids;
    QSet<QString> m_watched;
    QHash<QString, QString> m_signatures; // id -> what was last reported
};
