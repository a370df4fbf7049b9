#pragma once

#include "app/store/operationdatabase.h"
#include "models/trackedoperation.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QTimer>

#include <memory>

class OperationTableModel;
class QThread;

// Keeps the tracked operations in an SQLite database (see operationdatabase.h), so the table
// comes back as it was after a restart or a crash, and so that the app, the CLI and a second
// window started by mistake share one list without erasing each other's operations.
//
// Writes are incremental: a change to an operation rewrites that operation's row, all the
// changes of a second go in one transaction, and nothing rewrites the whole list. A poll that
// only moved "last checked" and "next check" is cheaper still: those go to disk with the next
// real change or once a minute (and on quit), so a busy sweep costs next to nothing.
// The transactions run on a writer thread with a connection of its own: during a sweep they
// took the window 10 ms a second, 30-45 ms at each WAL checkpoint, and 200 ms for the first
// write of 10,000 operations. The window only gathers what changed; flush() waits for them.
//
// A database that is corrupt, unreadable or from a newer version is moved aside with a
// timestamp and reported, never overwritten. The operations.json of earlier releases is
// imported once and kept as operations.json.migrated. No secret is ever stored.
class OperationStore : public QObject
{
    Q_OBJECT
public:
    struct LoadResult
    {
        QList<TrackedOperation> operations; // load() only; attach() fills the model instead
        // For the analyst: what happened to a file that could not be used or was imported,
        // and where the original went. Empty after a clean start.
        QString message;
        QString keptAt; // where an unusable database was moved
        bool startedEmpty = false; // a database existed but could not be used
        int imported = -1; // operations imported from operations.json; -1: none was there
        bool savingBlocked = false; // nothing can be saved (the analyst has been told why)
    };

    // Old operations.json files larger than this are not read: parsing JSON takes about
    // ten times the file's size in memory.
    static constexpr qint64 MaxLegacyFileBytes = 64 * 1024 * 1024;

    // The per-user data folder + "/operations.db", the same for the app and the CLI.
    static QString defaultDatabasePath();
    // Where earlier releases kept the list: operations.json beside the database.
    static QString legacyFilePath(const QString &databasePath);

    explicit OperationStore(const QString &databasePath = defaultDatabasePath(),
                            QObject *parent = nullptr);
    ~OperationStore() override; // stops a load in progress; does not write

    QString databasePath() const { return m_path; }

    // Opens the database now, setting an unusable one aside and importing operations.json.
    // For the CLI and tests; the app uses attach().
    LoadResult open();
    // open(), then reads every operation.
    LoadResult load();
    // Adds operations not tracked yet, now, in one transaction (opening the database first
    // if needed); *added gets the new ids. Safe while the app runs: it shows them within
    // seconds.
    bool add(const QList<TrackedOperation> &operations, QStringList *added = nullptr);
    QString lastError() const { return m_lastError; }

    // Fills the model from the database on a worker thread, in chunks, so the window is
    // up at once (loadFinished() says when it is done), and from then on saves the model's
    // changes and adds what other processes add to the database.
    void attach(OperationTableModel *model);
    bool isLoading() const;
    // Finishes loading, then writes every pending change now. Runs by itself on quit.
    bool flush();
    bool hasPendingChanges() const;

    // The batch interval (default 1000 ms), how long "checked" times may wait (default
    // 60 s), and how often the database is looked at for other processes' additions
    // (default 2000 ms).
    void setWriteInterval(int milliseconds);
    void setChecksInterval(int milliseconds);
    void setWatchInterval(int milliseconds);

signals:
    // Loading is complete; message as in LoadResult (empty after a clean start).
    void loadFinished(const QString &message);
    // Saving failed (reported once per distinct reason; retried) ...
    void saveFailed(const QString &message);
    // ... and works again.
    void savingResumed();
    // Another process added these operations; they are in the model now.
    void addedElsewhere(const QStringList &ids);

private:
    static LoadResult prepare(OperationDatabase *database);
    static void importLegacyFile(OperationDatabase *database, LoadResult *result);
    bool openForWriting();
    void onChunk(QList<TrackedOperation> operations, const QList<size_t> &fingerprints);
    void onLoaded(const LoadResult &result, qint64 lastSeq);
    void onRowsInserted(int first, int last);
    void onRowsAboutToBeRemoved(int first, int last);
    void onDataChanged(int first, int last, int firstColumn, int lastColumn);
    // What one write takes out of the pending sets, to put back should it fail.
    struct Write
    {
        QSet<QString> removed;
        QSet<QString> inserted;
        QSet<QString> updated;
        QSet<QString> checked; // when the checks went too
        QHash<QString, size_t> fingerprints; // of the rows written in full
    };

    void scheduleWrite();
    // Hands what changed to the writer thread; with `wait`, returns once it is written.
    bool writeNow(bool includeChecks, bool wait = false);
    void startWriter();
    void waitForWrite();
    void finishWrite(const Write &write, bool saved, const QString &error);
    void readOthersAdditions(bool always);
    void onOthersRead(const QList<TrackedOperation> &operations, qint64 lastSeq, qint64 version);
    // The writer thread's connection, opened on first use; null when it cannot be opened.
    OperationDatabase *writerDatabase();
    void finishLoading();
    void reportOutcome(bool saved);

    QString m_path;
    std::unique_ptr<OperationDatabase> m_database; // this thread's connection
    // The writer thread, its context object and its connection (used there only).
    QThread *m_writerThread = nullptr;
    QObject *m_writer = nullptr;
    std::unique_ptr<OperationDatabase> m_writerDatabase;
    bool m_writing = false; // a write is on the writer thread
    bool m_lastWriteSaved = true;
    QSet<QString> m_removing; // the deletions of the write on its way
    bool m_reading = false; // the writer thread reads other processes' additions
    QPointer<OperationTableModel> m_model;
    QThread *m_loader = nullptr;
    bool m_ready = false; // the database is open here and the load is done
    bool m_savingBlocked = false;
    bool m_applyingStored = false; // model changes that come from the database itself
    QString m_lastError;
    QString m_reportedError;

    // What the model changed since the last write, by id.
    QSet<QString> m_removed;
    QSet<QString> m_inserted;
    QSet<QString> m_changed;
    QSet<QString> m_checkedOnly;
    QHash<QString, size_t> m_saved; // OperationDatabase::fingerprint() of what is stored

    QTimer m_writeTimer;
    QTimer m_watchTimer;
    QElapsedTimer m_clock;
    qint64 m_lastWriteAt = -1; // m_clock time
    qint64 m_checksDueAt = -1;
    int m_writeInterval = 1000;
    int m_checksInterval = 60 * 1000;
    qint64 m_lastSeq = 0; // the newest row read from the database
    qint64 m_dataVersion = -1; // the writer connection's, when it last read
};
