#include "app/store/operationstore.h"

#include "app/store/storeformat.h"
#include "models/operationtablemodel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QStandardPaths>
#include <QThread>

#include <algorithm>

namespace {

constexpr int ChunkSize = 5000;
constexpr int RetryAfterFailureFactor = 5;

// The banner names a few of the entries that were left out; the kept original has them all.
QString repairsText(const QStringList &repairs)
{
    constexpr int Shown = 3;
    QString text = repairs.mid(0, Shown).join(QStringLiteral("; "));
    if (repairs.size() > Shown)
        text += OperationStore::tr("; and %1 more").arg(repairs.size() - Shown);
    return text;
}

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

// A name beside `path` that is not taken: "<path><suffix>", then "<path><suffix>-2"...
QString freeName(const QString &base, const QStringList &companions = {})
{
    QString target = base;
    const auto taken = [&companions](const QString &name) {
        if (QFileInfo::exists(name))
            return true;
        for (const QString &companion : companions) {
            if (QFileInfo::exists(name + companion))
                return true;
        }
        return false;
    };
    for (int n = 2; taken(target); ++n)
        target = base + QLatin1Char('-') + QString::number(n);
    return target;
}

QString stamp()
{
    return QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
}

// Moves the database and its WAL companions to "<path>.<reason>-<time>"; empty on failure.
QString moveDatabaseAside(const QString &path, const QString &reason, QString *error)
{
    const QStringList companions {QStringLiteral("-wal"), QStringLiteral("-shm")};
    const QString target
        = freeName(path + QLatin1Char('.') + reason + QLatin1Char('-') + stamp(), companions);
    QFile file(path);
    if (!file.rename(target)) {
        *error = file.errorString();
        return {};
    }
    for (const QString &companion : companions) {
        if (QFileInfo::exists(path + companion))
            QFile::rename(path + companion, target + companion);
    }
    return target;
}

QString connectionName(const char *role, const void *owner)
{
    return QStringLiteral("billing-monitor-%1-%2")
        .arg(QLatin1String(role))
        .arg(quintptr(owner), 0, 16);
}

QList<TrackedOperation> operationsOf(const OperationTableModel &model, const QSet<QString> &ids)
{
    QList<TrackedOperation> operations;
    operations.reserve(ids.size());
    for (const QString &id : ids) {
        if (const TrackedOperation *operation = model.find(id))
            operations.append(*operation);
    }
    return operations;
}

} // namespace

QString OperationStore::defaultDatabasePath()
{
    // Not AppDataLocation: the CLI has an application name of its own.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/BillingMonitor/billing-monitor/operations.db");
}

QString OperationStore::legacyFilePath(const QString &databasePath)
{
    return QFileInfo(databasePath).absolutePath() + QStringLiteral("/operations.json");
}

OperationStore::OperationStore(const QString &databasePath, QObject *parent)
    : QObject(parent)
    , m_path(databasePath)
{
    m_writeTimer.setSingleShot(true);
    connect(&m_writeTimer, &QTimer::timeout, this, [this] { writeNow(false); });
    m_watchTimer.setInterval(2000);
    connect(&m_watchTimer, &QTimer::timeout, this, [this] { readOthersAdditions(false); });
    m_clock.start();
}

OperationStore::~OperationStore()
{
    if (m_loader) {
        m_loader->requestInterruption();
        m_loader->wait();
        delete m_loader;
    }
    if (m_writerThread) {
        // After the write in flight, if any; the connection goes in the thread that made it.
        QMetaObject::invokeMethod(
            m_writer, [this] { m_writerDatabase.reset(); }, Qt::BlockingQueuedConnection);
        m_writerThread->quit();
        m_writerThread->wait();
        delete m_writer;
        delete m_writerThread;
    }
}

// Opens the database through `database`, setting aside a file that cannot be used, and
// imports an operations.json left by an earlier release. Touches no member: it runs on the
// loader thread as well.
OperationStore::LoadResult OperationStore::prepare(OperationDatabase *database)
{
    LoadResult result;
    const QString path = database->path();
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder)) {
        result.savingBlocked = true;
        result.message = tr("The folder for the list of tracked operations, %1, could not be "
                            "created, so nothing will be saved.")
                             .arg(native(folder));
        return result;
    }

    using OpenProblem = OperationDatabase::OpenProblem;
    const OpenProblem problem = database->open(true);
    if (problem != OpenProblem::None) {
        const QString why = database->lastError();
        database->close();
        const QString reason = problem == OpenProblem::Corrupt ? QStringLiteral("corrupt")
            : problem == OpenProblem::NewerVersion             ? QStringLiteral("newer-version")
                                                               : QStringLiteral("unreadable");
        QString moveError;
        result.keptAt = moveDatabaseAside(path, reason, &moveError);
        result.message = tr("The list of tracked operations (%1) could not be used: %2.")
                             .arg(native(path), why);
        if (result.keptAt.isEmpty()) {
            result.savingBlocked = true;
            result.message += QLatin1Char(' ')
                + tr("It could not be set aside (%1), so it is left untouched and changes "
                     "made now will not be saved.")
                      .arg(moveError);
            return result;
        }
        result.startedEmpty = true;
        result.message += QLatin1Char(' ')
            + tr("It was moved to %1; the list starts empty.").arg(native(result.keptAt));
        if (database->open(false) != OpenProblem::None) {
            result.savingBlocked = true;
            result.message += QLatin1Char(' ')
                + tr("A new list could not be created either (%1), so changes made now will "
                     "not be saved.")
                      .arg(database->lastError());
            return result;
        }
    }
    importLegacyFile(database, &result);
    return result;
}

void OperationStore::importLegacyFile(OperationDatabase *database, LoadResult *result)
{
    const QString legacy = legacyFilePath(database->path());
    const QFileInfo info(legacy);
    if (!info.exists())
        return;
    const auto append = [result](const QString &message) {
        result->message += result->message.isEmpty() ? message : QLatin1Char(' ') + message;
    };
    // Refused before reading a byte: a list that big is not something the app wrote, and
    // reading it whole would take gigabytes.
    if (info.size() > MaxLegacyFileBytes) {
        append(tr("The old list of tracked operations %1 is %2 MB, more than the %3 MB this "
                  "version imports, so it was not read and is left as it is. Paste its ids "
                  "into the window in parts instead.")
                   .arg(native(legacy),
                        QLocale().toString(double(info.size()) / (1024 * 1024), 'f', 1),
                        QLocale().toString(MaxLegacyFileBytes / (1024 * 1024))));
        return;
    }
    QFile file(legacy);
    if (!file.open(QIODevice::ReadOnly)) {
        append(tr("The old list of tracked operations %1 could not be read (%2); it is left "
                  "as it is.")
                   .arg(native(legacy), file.errorString()));
        return;
    }
    const StoreFormat::ParseResult parsed = StoreFormat::parse(file.read(MaxLegacyFileBytes));
    file.close();
    using Outcome = StoreFormat::ParseResult::Outcome;
    if (parsed.outcome != Outcome::Loaded && parsed.outcome != Outcome::Migrated) {
        const bool newer = parsed.outcome == Outcome::NewerVersion;
        const QString target
            = freeName(legacy + QLatin1Char('.')
                       + (newer ? QStringLiteral("newer-version") : QStringLiteral("corrupt"))
                       + QLatin1Char('-') + stamp());
        const bool moved = QFile::rename(legacy, target);
        append(tr("The old list of tracked operations %1 could not be imported: %2.")
                   .arg(native(legacy), parsed.error));
        append(moved ? tr("It was moved to %1.").arg(native(target))
                     : tr("It is left where it is."));
        return;
    }
    QStringList added;
    if (!database->write({{}, parsed.operations, {}, {}}, &added)) {
        append(tr("The old list of tracked operations %1 could not be imported (%2); it is "
                  "left where it is and will be tried again next time.")
                   .arg(native(legacy), database->lastError()));
        return;
    }
    const QString kept = freeName(legacy + QStringLiteral(".migrated"));
    const bool renamed = QFile::rename(legacy, kept);
    // Another process may have imported it at the same moment; its rename won.
    if (!renamed && !QFileInfo::exists(legacy))
        return;
    result->imported = int(added.size());
    append(tr("Operations imported from the list an earlier version kept (format version "
              "%1): %n.",
              nullptr, int(added.size()))
               .arg(parsed.version));
    if (!parsed.repairs.isEmpty())
        append(tr("Left out: %1.").arg(repairsText(parsed.repairs)));
    append(renamed ? tr("The old file is kept as %1.").arg(native(kept))
                   : tr("The old file %1 could not be renamed and will be imported again "
                        "next time (nothing is added twice).")
                         .arg(native(legacy)));
}

OperationStore::LoadResult OperationStore::open()
{
    m_database = std::make_unique<OperationDatabase>(m_path, connectionName("main", this));
    const LoadResult result = prepare(m_database.get());
    m_savingBlocked = result.savingBlocked;
    return result;
}

OperationStore::LoadResult OperationStore::load()
{
    LoadResult result = open();
    if (!m_database->isOpen())
        return result;
    const bool read = m_database->read(
        0, ChunkSize,
        [&result](const QList<TrackedOperation> &chunk) {
            result.operations += chunk;
            return true;
        },
        &m_lastSeq);
    if (!read) {
        m_lastError = m_database->lastError();
        result.message
            += (result.message.isEmpty() ? QString() : QStringLiteral(" ")) + m_lastError;
    }
    return result;
}

bool OperationStore::openForWriting()
{
    if (m_database && m_database->isOpen())
        return true;
    if (m_savingBlocked) {
        m_lastError = tr("The list of tracked operations cannot be saved: %1 could not be "
                         "opened or set aside.")
                          .arg(native(m_path));
        return false;
    }
    m_database = std::make_unique<OperationDatabase>(m_path, connectionName("main", this));
    if (m_database->open(false) != OperationDatabase::OpenProblem::None) {
        m_lastError = m_database->lastError();
        return false;
    }
    return true;
}

bool OperationStore::add(const QList<TrackedOperation> &operations, QStringList *added)
{
    if (!m_database)
        open();
    if (!openForWriting())
        return false;
    if (!m_database->write({{}, operations, {}, {}}, added)) {
        m_lastError = m_database->lastError();
        return false;
    }
    return true;
}

void OperationStore::attach(OperationTableModel *model)
{
    m_model = model;
    connect(model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { onRowsInserted(first, last); });
    connect(
        model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
        [this](const QModelIndex &, int first, int last) { onRowsAboutToBeRemoved(first, last); });
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                onDataChanged(topLeft.row(), bottomRight.row(), topLeft.column(),
                              bottomRight.column());
            });
    if (QCoreApplication *application = QCoreApplication::instance())
        connect(application, &QCoreApplication::aboutToQuit, this, &OperationStore::flush);
    // What the analyst added before the load: tracked as new once the database is open.
    for (int row = 0; row < model->rowCount(); ++row)
        m_inserted.insert(model->at(row).id);

    m_loader = QThread::create([this, path = m_path] {
        OperationDatabase database(path, connectionName("loader", this));
        const LoadResult result = prepare(&database);
        qint64 lastSeq = 0;
        if (database.isOpen()) {
            database.read(
                0, ChunkSize,
                [this](const QList<TrackedOperation> &chunk) {
                    if (QThread::currentThread()->isInterruptionRequested())
                        return false;
                    QList<size_t> fingerprints;
                    fingerprints.reserve(chunk.size());
                    for (const TrackedOperation &operation : chunk)
                        fingerprints.append(OperationDatabase::fingerprint(operation));
                    QMetaObject::invokeMethod(
                        this,
                        [this, chunk, fingerprints]() mutable {
                            onChunk(std::move(chunk), fingerprints);
                        },
                        Qt::QueuedConnection);
                    return true;
                },
                &lastSeq);
        }
        QMetaObject::invokeMethod(
            this, [this, result, lastSeq] { onLoaded(result, lastSeq); }, Qt::QueuedConnection);
    });
    m_loader->start();
}

bool OperationStore::isLoading() const
{
    return m_loader && !m_ready;
}

void OperationStore::onChunk(QList<TrackedOperation> operations, const QList<size_t> &fingerprints)
{
    if (!m_model)
        return;
    // Usually every operation of a chunk is new to the model and goes in as it came; only
    // one removed or added here while loading needs a list of its own.
    QList<TrackedOperation> fresh;
    QList<TrackedOperation> known;
    bool allFresh = true;
    // Every row the model holds that was not read from the database is in m_inserted, so
    // with none there the lookups below are skipped: at 100,000 rows they add up.
    const bool modelHasOthers = !m_inserted.isEmpty();
    m_saved.reserve(m_saved.size() + operations.size());
    for (qsizetype i = 0; i < operations.size(); ++i) {
        const TrackedOperation &operation = operations.at(i);
        const bool removed = m_removed.contains(operation.id); // its deletion is on its way
        // Added here while loading: the stored operation, with its label and state, wins.
        const bool isKnown = modelHasOthers && !removed && m_model->contains(operation.id);
        if (allFresh && (removed || isKnown)) {
            allFresh = false;
            fresh = operations.mid(0, i);
        }
        if (removed)
            continue;
        if (!allFresh)
            (isKnown ? known : fresh).append(operation);
        m_saved.insert(operation.id, fingerprints.at(i));
        if (!m_inserted.isEmpty())
            m_inserted.remove(operation.id);
    }
    m_applyingStored = true;
    // Moved in: once the reader has cleared its list, this chunk is nobody else's.
    m_model->add(allFresh ? std::move(operations) : std::move(fresh));
    m_model->update(known);
    m_applyingStored = false;
}

void OperationStore::onLoaded(const LoadResult &result, qint64 lastSeq)
{
    m_loader->wait();
    m_savingBlocked = result.savingBlocked;
    m_lastSeq = lastSeq;
    m_ready = true;
    if (openForWriting()) {
        m_watchTimer.start();
        // Whatever another process added between the load and now.
        readOthersAdditions(true);
    }
    scheduleWrite();
    emit loadFinished(result.message);
}

void OperationStore::finishLoading()
{
    if (!m_loader || m_ready)
        return;
    m_loader->wait();
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
}

void OperationStore::onRowsInserted(int first, int last)
{
    if (m_applyingStored)
        return;
    for (int row = first; row <= last; ++row)
        m_inserted.insert(m_model->at(row).id);
    scheduleWrite();
}

void OperationStore::onRowsAboutToBeRemoved(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        const QString &id = m_model->at(row).id;
        m_removed.insert(id);
        m_inserted.remove(id);
        m_changed.remove(id);
        m_checkedOnly.remove(id);
        m_saved.remove(id);
    }
    scheduleWrite();
}

void OperationStore::onDataChanged(int first, int last, int firstColumn, int lastColumn)
{
    // The Age column moves with the clock; nothing stored changes.
    if (m_applyingStored
        || (firstColumn == OperationTableModel::AgeColumn
            && lastColumn == OperationTableModel::AgeColumn))
        return;
    for (int row = first; row <= last; ++row)
        m_changed.insert(m_model->at(row).id);
    scheduleWrite();
}

void OperationStore::scheduleWrite()
{
    if (!m_ready)
        return; // onLoaded() schedules what gathered meanwhile
    const qint64 now = m_clock.elapsed();
    qint64 due = -1;
    if (!m_removed.isEmpty() || !m_inserted.isEmpty() || !m_changed.isEmpty())
        due = m_lastWriteAt < 0 ? now : m_lastWriteAt + m_writeInterval;
    else if (!m_checkedOnly.isEmpty())
        due = m_checksDueAt;
    if (due < 0)
        return;
    const int delay = int(std::clamp<qint64>(due - now, 0, qint64(24) * 3600 * 1000));
    if (m_writeTimer.isActive() && m_writeTimer.remainingTime() <= delay)
        return;
    m_writeTimer.start(delay);
}

bool OperationStore::writeNow(bool includeChecks, bool wait)
{
    if (!m_ready || !m_model)
        return true;
    if (m_writing) {
        if (!wait)
            return true; // finishWrite() schedules what gathered meanwhile
        waitForWrite();
    }
    // The pending sets are taken out whole: what changes while the writer writes gathers
    // for the next write.
    OperationDatabase::Changes changes;
    Write write;
    write.removed = std::exchange(m_removed, {});
    changes.removed = QStringList(write.removed.cbegin(), write.removed.cend());
    write.inserted = std::exchange(m_inserted, {});
    changes.inserted = operationsOf(*m_model, write.inserted);
    for (const QString &id : std::as_const(m_changed)) {
        if (write.inserted.contains(id))
            continue;
        const TrackedOperation *operation = m_model->find(id);
        if (!operation)
            continue;
        const size_t fingerprint = OperationDatabase::fingerprint(*operation);
        const auto saved = m_saved.constFind(id);
        if (saved != m_saved.cend() && *saved == fingerprint) {
            if (m_checkedOnly.isEmpty())
                m_checksDueAt = m_clock.elapsed() + m_checksInterval;
            m_checkedOnly.insert(id);
        } else {
            changes.updated.append(*operation);
            write.updated.insert(id);
            write.fingerprints.insert(id, fingerprint);
            m_checkedOnly.remove(id); // the full row carries them
        }
    }
    m_changed.clear();
    const bool checksDue
        = includeChecks || (!m_checkedOnly.isEmpty() && m_clock.elapsed() >= m_checksDueAt);
    if (checksDue) {
        write.checked = std::exchange(m_checkedOnly, {});
        changes.checked = operationsOf(*m_model, write.checked);
    }
    if (changes.isEmpty()) {
        scheduleWrite();
        return true;
    }
    if (!openForWriting()) {
        finishWrite(write, false, m_lastError);
        return false;
    }

    startWriter();
    m_writing = true;
    m_removing = write.removed;
    QMetaObject::invokeMethod(
        m_writer,
        [this, changes, write] {
            // On the writer thread.
            OperationDatabase *database = writerDatabase();
            const bool saved = database && database->write(changes);
            const QString error = saved ? QString() : m_writerDatabase->lastError();
            // The new rows' fingerprints are made here too: 10,000 of them are a frame.
            Write written = write;
            for (const TrackedOperation &operation : changes.inserted)
                written.fingerprints.insert(operation.id,
                                            OperationDatabase::fingerprint(operation));
            QMetaObject::invokeMethod(
                this, [this, written, saved, error] { finishWrite(written, saved, error); },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
    if (!wait)
        return true;
    waitForWrite();
    return m_lastWriteSaved;
}

void OperationStore::startWriter()
{
    if (m_writerThread)
        return;
    m_writerThread = new QThread;
    m_writerThread->setObjectName(QStringLiteral("operation store writer"));
    m_writer = new QObject;
    m_writer->moveToThread(m_writerThread);
    m_writerThread->start();
}

void OperationStore::waitForWrite()
{
    if (!m_writing)
        return;
    // The writer takes jobs in order: once this one has run, the write has, and its answer
    // waits here to be delivered.
    QMetaObject::invokeMethod(
        m_writer, [] {}, Qt::BlockingQueuedConnection);
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
}

void OperationStore::finishWrite(const Write &write, bool saved, const QString &error)
{
    m_writing = false;
    m_removing.clear();
    m_lastWriteSaved = saved;
    if (saved) {
        for (auto it = write.fingerprints.cbegin(); it != write.fingerprints.cend(); ++it) {
            if (m_model && m_model->contains(it.key())) // not removed meanwhile
                m_saved.insert(it.key(), it.value());
        }
        m_lastWriteAt = m_clock.elapsed();
    } else {
        if (!m_savingBlocked && !error.isEmpty())
            m_lastError = error;
        // Kept for the next attempt, except what changed meanwhile: a row removed since is
        // not inserted, one added back is not deleted.
        const auto tracked = [this](const QString &id) {
            return m_model && m_model->contains(id);
        };
        for (const QString &id : write.removed) {
            if (!tracked(id))
                m_removed.insert(id);
        }
        for (const QString &id : write.inserted) {
            if (tracked(id))
                m_inserted.insert(id);
        }
        for (const QString &id : write.updated) {
            if (tracked(id))
                m_changed.insert(id);
        }
        for (const QString &id : write.checked) {
            if (tracked(id))
                m_checkedOnly.insert(id);
        }
        m_lastWriteAt = m_clock.elapsed() + qint64(m_writeInterval) * RetryAfterFailureFactor;
    }
    reportOutcome(saved);
    scheduleWrite();
}

bool OperationStore::flush()
{
    finishLoading();
    if (!m_model)
        return true;
    m_writeTimer.stop();
    return writeNow(true, true);
}

bool OperationStore::hasPendingChanges() const
{
    return isLoading() || m_writing || !m_removed.isEmpty() || !m_inserted.isEmpty()
        || !m_changed.isEmpty() || !m_checkedOnly.isEmpty();
}

void OperationStore::readOthersAdditions(bool always)
{
    if (!m_model || m_reading || !m_database || !m_database->isOpen())
        return;
    startWriter();
    m_reading = true;
    // On the writer's connection, whose data_version moves only when another connection
    // commits (another process, or this one's loader): our own writes are not read back,
    // and what is read is parsed off the window's thread.
    QMetaObject::invokeMethod(
        m_writer,
        [this, always, lastSeq = m_lastSeq, known = m_dataVersion] {
            OperationDatabase *database = writerDatabase();
            const qint64 version = database ? database->dataVersion() : known;
            QList<TrackedOperation> operations;
            qint64 newLastSeq = lastSeq;
            if (database && (version != known || always)) {
                database->read(
                    lastSeq, ChunkSize,
                    [&operations](const QList<TrackedOperation> &chunk) {
                        operations += chunk;
                        return true;
                    },
                    &newLastSeq);
            }
            QMetaObject::invokeMethod(
                this,
                [this, operations, newLastSeq, version] {
                    onOthersRead(operations, newLastSeq, version);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

OperationDatabase *OperationStore::writerDatabase()
{
    if (!m_writerDatabase) {
        m_writerDatabase
            = std::make_unique<OperationDatabase>(m_path, connectionName("writer", this));
    }
    if (m_writerDatabase->isOpen()
        || m_writerDatabase->open(false) == OperationDatabase::OpenProblem::None)
        return m_writerDatabase.get();
    return nullptr;
}

void OperationStore::onOthersRead(const QList<TrackedOperation> &operations, qint64 lastSeq,
                                  qint64 version)
{
    m_reading = false;
    m_lastSeq = lastSeq;
    m_dataVersion = version;
    if (!m_model)
        return;
    QList<TrackedOperation> fresh;
    for (const TrackedOperation &operation : operations) {
        // Rows this process wrote come back too; only others' additions are new. A row
        // removed here may be read before its deletion is written.
        if (m_model->contains(operation.id) || m_removed.contains(operation.id)
            || m_removing.contains(operation.id))
            continue;
        fresh.append(operation);
        m_saved.insert(operation.id, OperationDatabase::fingerprint(operation));
    }
    if (fresh.isEmpty())
        return;
    m_applyingStored = true;
    const QStringList added = m_model->add(fresh);
    m_applyingStored = false;
    emit addedElsewhere(added);
}

void OperationStore::reportOutcome(bool saved)
{
    if (!saved) {
        // Retried on every change; the analyst hears once per distinct reason.
        if (m_lastError != m_reportedError) {
            m_reportedError = m_lastError;
            emit saveFailed(m_lastError);
        }
    } else if (!m_reportedError.isEmpty()) {
        m_reportedError.clear();
        emit savingResumed();
    }
}

void OperationStore::setWriteInterval(int milliseconds)
{
    m_writeInterval = milliseconds;
}

void OperationStore::setChecksInterval(int milliseconds)
{
    m_checksInterval = milliseconds;
}

void OperationStore::setWatchInterval(int milliseconds)
{
    m_watchTimer.setInterval(milliseconds);
}
