#pragma once

#include "models/trackedoperation.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>

// One connection to the SQLite file of tracked operations, for the thread that opened it.
//
// The file is in WAL mode, so any number of processes may read while one writes, and a
// writer commits without rewriting anything but the pages it changed. Two tables:
// `operations`, one row per operation with everything that changes rarely (id, URL, label,
// the last state and problem, the manifest without its SAS token), and `checks`, a narrow
// row per operation with what every poll changes (last checked, next check, Retry-After),
// so that a steady stream of polls touches a few small pages, not the wide rows. `seq`
// grows with every insertion by any process, which is how a reader finds what others added.
// The schema version is PRAGMA user_version; PRAGMA application_id marks the file as ours.
class OperationDatabase
{
    Q_DISABLE_COPY_MOVE(OperationDatabase)
public:
    static constexpr int SchemaVersion = 1;

    enum class OpenProblem {
        None,
        Unreadable, // the file could not be opened or read
        Corrupt, // not an SQLite file, someone else's database, or it fails its check
        NewerVersion, // written by a newer release
    };

    // connectionName must be unique among the open connections of the process.
    OperationDatabase(const QString &path, const QString &connectionName);
    ~OperationDatabase();

    // Opens (creating the file and schema when there is none) and checks the file; with
    // fullCheck the whole file is read through once (PRAGMA quick_check).
    OpenProblem open(bool fullCheck);
    void close();
    bool isOpen() const;
    QString lastError() const { return m_lastError; }
    QString path() const { return m_path; }

    // What one write changes; all of it goes in one transaction, so a crash leaves all of
    // it or none. Removals come first, so an operation removed and added back is stored.
    struct Changes
    {
        QStringList removed;
        QList<TrackedOperation> inserted; // ids stored already (by any process) are left alone
        QList<TrackedOperation> updated; // rewritten whole; ids no longer stored stay gone
        QList<TrackedOperation> checked; // only when checked and when due next
        bool isEmpty() const
        {
            return removed.isEmpty() && inserted.isEmpty() && updated.isEmpty()
                && checked.isEmpty();
        }
    };
    // *added gets the ids of `inserted` that were new.
    bool write(const Changes &changes, QStringList *added = nullptr);

    // Reads the operations inserted after `afterSeq`, in insertion order, `chunkSize` at a
    // time; stops early when `chunk` returns false. *lastSeq gets the highest seq read.
    // Rows that cannot be read (an invalid id) are skipped and counted in *skipped.
    bool read(qint64 afterSeq, int chunkSize,
              const std::function<bool(const QList<TrackedOperation> &)> &chunk, qint64 *lastSeq,
              int *skipped = nullptr);
    // Changes whenever another connection (this process or another) commits.
    qint64 dataVersion();

    // What of an operation lives in the wide row: equal fingerprints mean that writing the
    // checks row is enough.
    static size_t fingerprint(const TrackedOperation &operation);

private:
    OpenProblem openOnce(bool fullCheck);
    bool createSchema();
    bool fail(const QString &what, const QString &error);
    template<typename Write> bool inTransaction(const QString &what, Write write);

    QString m_path;
    QString m_connectionName;
    QString m_lastError;
    // The last open failed on a lock another connection held (SQLITE_BUSY or SQLITE_LOCKED).
    bool m_lastOpenLocked = false;
};
