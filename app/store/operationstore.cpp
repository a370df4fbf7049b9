#include "app/store/operationstore.h"

#include "models/operationtablemodel.h"
#include "app/store/storeformat.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

namespace {

// The banner names a few of the entries that were left out; the kept original has them all.
QString repairsText(const QStringList &repairs)
{
    constexpr int Shown = 3;
    QString text = repairs.mid(0, Shown).join(QStringLiteral("; "));
    if (repairs.size() > Shown)
        text += OperationStore::tr("; and %1 more").arg(repairs.size() - Shown);
    return text;
}

// A save cut short (a crash, a kill) can leave QSaveFile's temporary file, named like
// "operations.json.AbC123", beside the intact store; nothing else is named that way.
void removeStaleTemporaryFiles(const QString &filePath)
{
    const QFileInfo info(filePath);
    QDir folder = info.absoluteDir();
    const QRegularExpression temporaryName(QLatin1Char('^')
                                           + QRegularExpression::escape(info.fileName())
                                           + QStringLiteral("\\.[A-Za-z0-9]{6}$"));
    const QStringList candidates = folder.entryList({info.fileName() + QStringLiteral(".??????")},
                                                    QDir::Files | QDir::Hidden);
    for (const QString &name : candidates) {
        if (temporaryName.match(name).hasMatch())
            folder.remove(name);
    }
}

} // namespace

QString OperationStore::defaultFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/operations.json");
}

OperationStore::OperationStore(const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_filePath(filePath)
{
    m_saveTimer.setSingleShot(true);
    connect(&m_saveTimer, &QTimer::timeout, this, &OperationStore::saveInBackground);
    m_writer.setMaxThreadCount(1);
}

OperationStore::LoadResult OperationStore::load()
{
    LoadResult result;
    removeStaleTemporaryFiles(m_filePath);
    QFile file(m_filePath);
    if (!file.exists())
        return result;

    if (!file.open(QIODevice::ReadOnly)) {
        const QString reason = file.errorString();
        result.startedEmpty = true;
        result.keptAt = keepAside(QStringLiteral("unreadable"), true);
        result.message = tr("The list of tracked operations (%1) could not be read: %2.")
                             .arg(QDir::toNativeSeparators(m_filePath), reason);
    } else {
        const StoreFormat::ParseResult parsed = StoreFormat::parse(file.readAll());
        file.close();
        using Outcome = StoreFormat::ParseResult::Outcome;
        switch (parsed.outcome) {
        case Outcome::Corrupt:
        case Outcome::NewerVersion:
            result.startedEmpty = true;
            result.keptAt
                = keepAside(parsed.outcome == Outcome::Corrupt ? QStringLiteral("corrupt")
                                                               : QStringLiteral("newer-version"),
                            true);
            result.message = tr("The list of tracked operations (%1) could not be used: %2.")
                                 .arg(QDir::toNativeSeparators(m_filePath), parsed.error);
            break;
        case Outcome::Migrated:
            result.operations = parsed.operations;
            result.keptAt = keepAside(QStringLiteral("version%1").arg(parsed.version), false);
            result.message = tr("The list of tracked operations was converted from an older "
                                "format (version %1); operations read: %2.")
                                 .arg(parsed.version)
                                 .arg(parsed.operations.size());
            if (!parsed.repairs.isEmpty())
                result.message
                    += QLatin1Char(' ') + tr("Left out: %1.").arg(repairsText(parsed.repairs));
            break;
        case Outcome::Loaded:
            result.operations = parsed.operations;
            if (parsed.repairs.isEmpty())
                return result;
            result.keptAt = keepAside(QStringLiteral("partial"), false);
            result.message = tr("Parts of the list of tracked operations could not be read "
                                "and were left out: %1.")
                                 .arg(repairsText(parsed.repairs));
            break;
        }
    }

    if (m_savingBlocked)
        result.message += QLatin1Char(' ')
            + tr("The file could not be set aside (%1), so it is left untouched and changes "
                 "made now will not be saved.")
                  .arg(m_lastError);
    else if (result.startedEmpty)
        result.message += QLatin1Char(' ')
            + tr("It was moved to %1; the list starts empty.")
                  .arg(QDir::toNativeSeparators(result.keptAt));
    else
        result.message += QLatin1Char(' ')
            + tr("The original file is kept at %1.").arg(QDir::toNativeSeparators(result.keptAt));
    return result;
}

QString OperationStore::keepAside(const QString &reason, bool move)
{
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString base = m_filePath + QLatin1Char('.') + reason + QLatin1Char('-') + stamp;
    QString target = base;
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = base + QLatin1Char('-') + QString::number(n);

    QFile file(m_filePath);
    const bool kept = move ? file.rename(target) : file.copy(target);
    if (kept)
        return target;
    // Saving would overwrite the only copy of what could not be read.
    m_savingBlocked = true;
    m_lastError = file.errorString();
    return {};
}

OperationStore::~OperationStore()
{
    m_writer.waitForDone();
}

bool OperationStore::save(const QList<TrackedOperation> &operations)
{
    waitForBackgroundSave();
    if (m_savingBlocked) {
        m_lastError = tr("%1 could not be set aside, so it is not overwritten")
                          .arg(QDir::toNativeSeparators(m_filePath));
        return false;
    }
    if (!writeFile(m_filePath, operations, &m_lastError))
        return false;
    m_lastError.clear();
    return true;
}

bool OperationStore::writeFile(const QString &path, const QList<TrackedOperation> &operations,
                               QString *error)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        *error = tr("Could not create the folder %1")
                     .arg(QDir::toNativeSeparators(info.absolutePath()));
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error
            = tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    const QByteArray data = StoreFormat::serialize(operations, QDateTime::currentDateTimeUtc());
    if (file.write(data) != data.size() || !file.commit()) {
        *error
            = tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

OperationStore::LoadResult OperationStore::attach(OperationTableModel *model)
{
    m_model = model;
    const LoadResult result = load();
    // Added before the connections below, so merely loading does not write the file back.
    model->add(result.operations);
    connect(model, &OperationTableModel::rowsInserted, this, [this] {
        m_dirty = true;
        m_urgent = true;
        scheduleSave(0);
    });
    connect(model, &OperationTableModel::contentsChanged, this, [this] {
        m_dirty = true;
        scheduleSave(m_saveDelay);
    });
    if (QCoreApplication *application = QCoreApplication::instance())
        connect(application, &QCoreApplication::aboutToQuit, this, &OperationStore::flush);
    // A converted or partly read file is rewritten in the current format (the original
    // was kept aside by load()).
    if (!result.keptAt.isEmpty() && !result.operations.isEmpty()) {
        m_dirty = true;
        scheduleSave(0);
    }
    return result;
}

bool OperationStore::flush()
{
    waitForBackgroundSave();
    m_saveTimer.stop(); // also what the finished background save may have scheduled
    if (!m_dirty || !m_model)
        return true;
    m_dirty = false;
    m_urgent = false;
    const bool saved = save(m_model->operations());
    reportOutcome(saved, m_lastError);
    return saved;
}

// Serializing tens of thousands of operations takes a noticeable part of a second, so the
// periodic saves happen on a worker thread from a snapshot (the list is implicitly shared:
// taking it costs nothing, and the model's later changes do not touch it).
void OperationStore::saveInBackground()
{
    if (!m_model || m_writing)
        return; // onSaved() comes back for the changes made meanwhile
    if (m_savingBlocked) {
        flush();
        return;
    }
    const QList<TrackedOperation> snapshot = m_model->operations();
    m_dirty = false;
    m_urgent = false;
    m_writing = true;
    m_writer.start([this, path = m_filePath, snapshot] {
        QString error;
        const bool saved = writeFile(path, snapshot, &error);
        QMetaObject::invokeMethod(
            this, [this, saved, error] { onSaved(saved, error); }, Qt::QueuedConnection);
    });
}

void OperationStore::onSaved(bool saved, const QString &error)
{
    m_writing = false;
    m_lastError = saved ? QString() : error;
    reportOutcome(saved, error);
    // Changes made while writing go out now; after a failure, with the next change.
    if (saved && m_dirty)
        scheduleSave(m_urgent ? 0 : m_saveDelay);
}

void OperationStore::waitForBackgroundSave()
{
    if (!m_writing)
        return;
    m_writer.waitForDone();
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
}

void OperationStore::reportOutcome(bool saved, const QString &error)
{
    if (!saved) {
        m_dirty = true;
        // Saves are retried on every change; the analyst hears once per distinct reason.
        if (error != m_reportedError) {
            m_reportedError = error;
            emit saveFailed(error);
        }
    } else if (!m_reportedError.isEmpty()) {
        m_reportedError.clear();
        emit savingResumed();
    }
}

void OperationStore::setSaveDelay(int milliseconds)
{
    m_saveDelay = milliseconds;
}

void OperationStore::scheduleSave(int delay)
{
    // A pending save is not pushed back by further changes, so a steady stream of poll
    // results still reaches the disk every delay; a shorter delay (a new operation) wins.
    if (m_saveTimer.isActive() && m_saveTimer.remainingTime() <= delay)
        return;
    m_saveTimer.start(delay);
}
