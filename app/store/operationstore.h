#pragma once

#include "models/trackedoperation.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThreadPool>
#include <QTimer>

class OperationTableModel;

// Keeps the tracked operations on disk (see storeformat.h for the format), so the table comes
// back exactly as it was after a restart or a crash. Writes are atomic (QSaveFile): a crash
// leaves the previous complete file, never a torn one. A file the store cannot use is moved
// aside with a timestamp and reported, never overwritten. No secrets are ever stored.
class OperationStore : public QObject
{
    Q_OBJECT
public:
    struct LoadResult
    {
        QList<TrackedOperation> operations;
        // For a banner: what happened to a file that was not loaded cleanly, and where the
        // original went. Empty after a clean load or when there was no file yet.
        QString message;
        QString keptAt; // where the original bytes are now, when they had to be kept aside
        bool startedEmpty = false; // a file existed but nothing could be used from it
    };

    // QStandardPaths::AppDataLocation + "/operations.json".
    static QString defaultFilePath();

    explicit OperationStore(const QString &filePath = defaultFilePath(), QObject *parent = nullptr);
    ~OperationStore() override; // waits for a save in progress

    QString filePath() const { return m_filePath; }

    // Reads the file (and clears temporary files of saves that were cut short). A corrupt,
    // unreadable or newer-version file is moved aside to
    // "<file>.corrupt-<time>" / "<file>.newer-version-<time>" and the result starts empty;
    // after a migration or a partial read the original is copied aside before anything
    // overwrites it.
    LoadResult load();
    // Writes the whole list atomically, now; false (and lastError()) when it could not.
    bool save(const QList<TrackedOperation> &operations);
    QString lastError() const { return m_lastError; }

    // Fills the model from the file (do it before the monitor starts, so polling resumes for
    // what was loaded) and from then on saves the model in the background: new operations at
    // once, because a Location cannot be asked for again; other changes after a short delay.
    LoadResult attach(OperationTableModel *model);
    // Waits for a save in progress and writes what is still unsaved, before returning. Runs
    // by itself when the application quits.
    bool flush();
    void setSaveDelay(int milliseconds); // default 500
    bool hasPendingChanges() const { return m_dirty || m_writing; }

signals:
    // Saving failed (reported once per distinct reason; retried on every change) ...
    void saveFailed(const QString &message);
    // ... and works again.
    void savingResumed();

private:
    // Touches no member, so it can run on the writer thread.
    static bool writeFile(const QString &path, const QList<TrackedOperation> &operations,
                          QString *error);
    void scheduleSave(int delay);
    void saveInBackground();
    void onSaved(bool saved, const QString &error);
    void waitForBackgroundSave();
    void reportOutcome(bool saved, const QString &error);
    QString keepAside(const QString &reason, bool move);

    QString m_filePath;
    QString m_lastError;
    QString m_reportedError;
    QPointer<OperationTableModel> m_model;
    QTimer m_saveTimer;
    QThreadPool m_writer;
    int m_saveDelay = 500;
    bool m_dirty = false; // the model has changes no save has taken yet
    bool m_urgent = false; // ... among them new operations
    bool m_writing = false; // a background save is under way
    bool m_savingBlocked = false;
};
