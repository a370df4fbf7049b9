#include "app/store/operationdatabase.h"

#include "app/store/operationrecord.h"
#include "models/operationids.h"

#include <sqlite3.h>

#include <QElapsedTimer>
#include <QHash>
#include <QJsonDocument>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>

#include <algorithm>
#include <array>
#include <limits>
#include <memory>

namespace {

// How long a connection waits for another to let go of the file.
constexpr int BusyTimeoutMs = 5000;

// "BMop": tells our file from any other SQLite database dropped in its place.
constexpr qint64 ApplicationId = 0x424d6f70;

// migrations[n] turns a version-n file into a version-(n+1) one; version 0 is an empty file.
const std::array<QStringList, OperationDatabase::SchemaVersion> &migrations()
{
    static const std::array<QStringList, OperationDatabase::SchemaVersion> steps {{
        {QStringLiteral("CREATE TABLE operations ("
                        " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                        " id TEXT NOT NULL UNIQUE,"
                        " url TEXT,"
                        " label TEXT,"
                        " added_at INTEGER," // milliseconds since 1970, UTC; so are the others
                        " status TEXT NOT NULL DEFAULT 'unknown',"
                        " raw_status TEXT,"
                        " odata_type TEXT,"
                        " created_at INTEGER,"
                        " last_action_at INTEGER,"
                        " manifest_link TEXT,"
                        " manifest TEXT," // JSON, without its SAS token
                        " error TEXT," // JSON: a failed operation's error
                        " problem TEXT," // JSON: why the last request failed
                        " expired INTEGER NOT NULL DEFAULT 0)"),
         QStringLiteral("CREATE TABLE checks ("
                        " id TEXT PRIMARY KEY,"
                        " last_checked INTEGER,"
                        " next_check INTEGER,"
                        " retry_after TEXT) WITHOUT ROWID")},
    }};
    return steps;
}

const QString OperationColumns = QStringLiteral(
    "url, label, added_at, status, raw_status, odata_type, created_at, last_action_at, "
    "manifest_link, manifest, error, problem, expired");

QVariant timeValue(const QDateTime &dateTime)
{
    return dateTime.isValid() ? QVariant(dateTime.toMSecsSinceEpoch()) : QVariant();
}

QVariant textValue(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

QVariant urlValue(const QUrl &url)
{
    return url.isEmpty() ? QVariant() : QVariant(QString::fromLatin1(url.toEncoded()));
}

// A stored URL (null text: none), as urlValue() wrote it.
QUrl urlFrom(const QString &text)
{
    return text.isNull() ? QUrl() : QUrl::fromEncoded(text.toLatin1(), QUrl::StrictMode);
}

// Decodes the stored operation URLs of one read. They share all but their last segment
// (".../operations/<id>"), and parsing the scheme and host is most of what a full parse
// costs (about a third of reading 100,000 operations), so a URL that begins like the last
// one parsed in full only gets its path set on a copy of it.
class OperationUrlReader
{
public:
    QUrl operator()(const QString &text)
    {
        if (text.isNull())
            return {};
        const qsizetype slash = text.lastIndexOf(u'/');
        if (slash < 0)
            return urlFrom(text);
        const QStringView prefix = QStringView(text).first(slash + 1);
        const QStringView segment = QStringView(text).sliced(slash + 1);
        if (!m_prefix.isEmpty() && prefix == m_prefix && isPlain(segment))
            return withSegment(segment);
        const QUrl url = urlFrom(text);
        // Taken as the new base only when the short way gives exactly the full parse.
        if (url.isValid() && !url.hasQuery() && !url.hasFragment() && isPlain(segment)) {
            const QUrl base = urlFrom(prefix.toString());
            if (base.isValid()) {
                m_base = base;
                m_prefix = prefix.toString();
                m_basePath = base.path(QUrl::FullyEncoded);
                if (withSegment(segment) != url)
                    m_prefix.clear();
            }
        }
        return url;
    }

private:
    // Characters a path keeps as they are, so setting the path cannot change them.
    static bool isPlain(QStringView segment)
    {
        return !segment.isEmpty() && std::all_of(segment.begin(), segment.end(), [](QChar c) {
            return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
                || c == u'-' || c == u'.' || c == u'_' || c == u'~';
        });
    }

    QUrl withSegment(QStringView segment) const
    {
        QUrl url = m_base;
        url.setPath(m_basePath + segment, QUrl::StrictMode);
        return url;
    }

    QUrl m_base;
    QString m_prefix;
    QString m_basePath;
};

// One row of the read, straight from SQLite: the Qt driver would turn every column into a
// QVariant and have SQLite convert every text to UTF-16 first, which was half of what
// reading 100,000 operations cost. The values mean what the driver's would.
class StoredRow
{
public:
    explicit StoredRow(sqlite3_stmt *statement)
        : m_statement(statement)
    { }

    bool isNull(int column) const
    {
        return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
    }
    qint64 integer(int column) const { return sqlite3_column_int64(m_statement, column); }
    QString text(int column) const
    {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
        return text ? QString::fromUtf8(text, sqlite3_column_bytes(m_statement, column))
                    : QString();
    }
    QDateTime time(int column) const
    {
        return isNull(column) ? QDateTime()
                              : QDateTime::fromMSecsSinceEpoch(integer(column), Qt::UTC);
    }
    QJsonObject json(int column) const
    {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_blob(m_statement, column));
        if (!text)
            return {};
        return QJsonDocument::fromJson(
                   QByteArray::fromRawData(text, sqlite3_column_bytes(m_statement, column)))
            .object();
    }

    // For the columns whose values repeat from row to row (a state, an OData type, a
    // Retry-After): the previous row's string is shared when the bytes are the same, which
    // saves decoding it again and keeps one copy in memory instead of 100,000.
    class RepeatedText
    {
    public:
        QString operator()(const StoredRow &row, int column)
        {
            const auto *text
                = reinterpret_cast<const char *>(sqlite3_column_text(row.m_statement, column));
            if (!text)
                return {};
            const QByteArrayView bytes(text, sqlite3_column_bytes(row.m_statement, column));
            if (!m_decoded || bytes != m_bytes) {
                m_bytes = bytes.toByteArray();
                m_text = QString::fromUtf8(bytes);
                m_decoded = true;
            }
            return m_text;
        }

    private:
        QByteArray m_bytes;
        QString m_text;
        bool m_decoded = false;
    };

private:
    sqlite3_stmt *m_statement;
};

sqlite3 *sqliteHandle(const QSqlDatabase &database)
{
    const QVariant handle = database.driver() ? database.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

QVariant jsonValue(const QJsonObject &object)
{
    return object.isEmpty()
        ? QVariant()
        : QVariant(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
}

// The values of OperationColumns, in order.
QVariantList operationValues(const TrackedOperation &operation)
{
    const Operation &last = operation.last;
    return {urlValue(operation.url),
            operation.label,
            timeValue(operation.addedAt),
            operationStatusKey(last.status),
            textValue(last.rawStatus),
            textValue(last.odataType),
            timeValue(last.createdDateTime),
            timeValue(last.lastActionDateTime),
            urlValue(last.manifestLink),
            jsonValue(OperationRecord::manifestWithoutSecrets(last.inlineManifest)),
            jsonValue(last.error.toJson()),
            jsonValue(OperationRecord::problemToJson(operation.problem)),
            operation.expired ? 1 : 0};
}

QVariantList checkValues(const TrackedOperation &operation)
{
    return {timeValue(operation.lastChecked), timeValue(operation.nextCheck),
            textValue(operation.lastRetryAfter)};
}

void bindAll(QSqlQuery *query, const QVariantList &values)
{
    for (const QVariant &value : values)
        query->addBindValue(value);
}

qint64 timeKey(const QDateTime &dateTime)
{
    return dateTime.isValid() ? dateTime.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
}

} // namespace

OperationDatabase::OperationDatabase(const QString &path, const QString &connectionName)
    : m_path(path)
    , m_connectionName(connectionName)
{ }

OperationDatabase::~OperationDatabase()
{
    close();
}

bool OperationDatabase::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName)
        && QSqlDatabase::database(m_connectionName, false).isOpen();
}

void OperationDatabase::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    QSqlDatabase::database(m_connectionName, false).close();
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool OperationDatabase::fail(const QString &what, const QString &error)
{
    m_lastError = what + QStringLiteral(": ") + error;
    return false;
}

OperationDatabase::OpenProblem OperationDatabase::open(bool fullCheck)
{
    // Two connections opening a new file at once: while one makes it a WAL database, the
    // other can be told "database is locked" without the busy timeout being waited out
    // (seen when two stores attach to one new file). That is no reason to set the file
    // aside: try again, for as long as a busy connection would wait.
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        const OpenProblem problem = openOnce(fullCheck);
        if (problem != OpenProblem::Unreadable || !m_lastOpenLocked
            || waited.elapsed() >= BusyTimeoutMs)
            return problem;
        QThread::msleep(20);
    }
}

OperationDatabase::OpenProblem OperationDatabase::openOnce(bool fullCheck)
{
    // Address space only, and only as much as the file needs: 100,000 operations take 40 MB.
    constexpr qint64 MappedBytes = 256 * 1024 * 1024;
    close();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_path);
    // Another process may be committing; wait for it rather than fail.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(BusyTimeoutMs));
    m_lastOpenLocked = false;
    const auto locked = [](const QSqlError &error) {
        const int code = error.nativeErrorCode().toInt() & 0xff; // extended codes too
        return code == SQLITE_BUSY || code == SQLITE_LOCKED;
    };
    if (!db.open()) {
        m_lastError = db.lastError().text();
        m_lastOpenLocked = locked(db.lastError());
        return OpenProblem::Unreadable;
    }

    QSqlQuery query(db);
    // The first read of the header tells a damaged or foreign file from an unreadable one.
    const auto readProblem = [&query, &locked, this] {
        m_lastError = query.lastError().text();
        m_lastOpenLocked = locked(query.lastError());
        const QString code = query.lastError().nativeErrorCode();
        // SQLITE_NOTADB (26) and SQLITE_CORRUPT (11): the bytes are there but are not a
        // database; anything else (permissions, I/O) means they could not be read.
        return code == u"26" || code == u"11" ? OpenProblem::Corrupt : OpenProblem::Unreadable;
    };
    // One snapshot for the three reads: another process may be creating the schema.
    if (!query.exec(QStringLiteral("BEGIN")))
        return readProblem();
    if (!query.exec(QStringLiteral("PRAGMA application_id")) || !query.next())
        return readProblem();
    const qint64 applicationId = query.value(0).toLongLong();
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return readProblem();
    const int version = query.value(0).toInt();
    if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !query.next())
        return readProblem();
    const bool empty = query.value(0).toInt() == 0;
    query.finish();
    query.exec(QStringLiteral("COMMIT"));

    if (applicationId != ApplicationId && !(applicationId == 0 && version == 0 && empty)) {
        m_lastError = QStringLiteral("not a Billing Monitor database");
        return OpenProblem::Corrupt;
    }
    if (version > SchemaVersion) {
        m_lastError = QStringLiteral("written by a newer Billing Monitor (database version %1; "
                                     "this release reads up to %2)")
                          .arg(version)
                          .arg(SchemaVersion);
        return OpenProblem::NewerVersion;
    }
    if (!query.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !query.next())
        return readProblem();
    // In WAL mode NORMAL loses no commit when the process dies; only a power cut can take
    // the last few, and the file stays consistent either way.
    // After a burst (an import, a sweep of thousands) the log shrinks back to this size.
    if (!query.exec(QStringLiteral("PRAGMA synchronous=NORMAL"))
        || !query.exec(QStringLiteral("PRAGMA journal_size_limit=4194304")))
        return readProblem();
    // Pages read through a mapping instead of a copy per page: the check and the first
    // read of a big list take half the time (0.28 s against 0.12 s for 100,000 operations).
    if (!query.exec(QStringLiteral("PRAGMA mmap_size=%1").arg(MappedBytes)))
        return readProblem();
    if (fullCheck) {
        if (!query.exec(QStringLiteral("PRAGMA quick_check")) || !query.next())
            return readProblem();
        const QString verdict = query.value(0).toString();
        if (verdict != u"ok") {
            m_lastError
                = QStringLiteral("the database fails its integrity check (%1)").arg(verdict);
            return OpenProblem::Corrupt;
        }
    }
    query.finish();
    if (version < SchemaVersion && !createSchema())
        return OpenProblem::Unreadable;
    m_lastError.clear();
    return OpenProblem::None;
}

template<typename Write> bool OperationDatabase::inTransaction(const QString &what, Write write)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery control(db);
    // IMMEDIATE takes the write lock up front, so two writers queue instead of deadlocking.
    if (!control.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return fail(what, control.lastError().text());
    QString error;
    if (!write(db, &error)) {
        control.exec(QStringLiteral("ROLLBACK"));
        return fail(what, error);
    }
    if (!control.exec(QStringLiteral("COMMIT"))) {
        const QString commitError = control.lastError().text();
        control.exec(QStringLiteral("ROLLBACK"));
        return fail(what, commitError);
    }
    return true;
}

bool OperationDatabase::createSchema()
{
    return inTransaction(
        QStringLiteral("Could not prepare the database"), [](QSqlDatabase &db, QString *error) {
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
                *error = query.lastError().text();
                return false;
            }
            // Another process may have done it meanwhile.
            const int from = query.value(0).toInt();
            QStringList statements;
            for (int version = from; version < SchemaVersion; ++version)
                statements += migrations().at(size_t(version));
            statements << QStringLiteral("PRAGMA application_id=%1").arg(ApplicationId)
                       << QStringLiteral("PRAGMA user_version=%1").arg(SchemaVersion);
            for (const QString &statement : std::as_const(statements)) {
                if (!query.exec(statement)) {
                    *error = query.lastError().text();
                    return false;
                }
            }
            return true;
        });
}

bool OperationDatabase::write(const Changes &changes, QStringList *added)
{
    QStringList inserted;
    const bool done = inTransaction(
        QStringLiteral("Could not save the tracked operations"),
        [&changes, &inserted](QSqlDatabase &db, QString *error) {
            QString assignments = OperationColumns;
            assignments.replace(QStringLiteral(", "), QStringLiteral(" = ?, "));
            QSqlQuery removeOperation(db);
            QSqlQuery removeChecks(db);
            QSqlQuery insertOperation(db);
            QSqlQuery insertChecks(db);
            QSqlQuery updateOperation(db);
            QSqlQuery updateChecks(db);
            const bool prepared
                = removeOperation.prepare(QStringLiteral("DELETE FROM operations WHERE id = ?"))
                && removeChecks.prepare(QStringLiteral("DELETE FROM checks WHERE id = ?"))
                && insertOperation.prepare(
                    QStringLiteral("INSERT INTO operations (id, %1) VALUES (?, ?, ?, ?, ?, ?, ?, "
                                   "?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")
                        .arg(OperationColumns))
                && insertChecks.prepare(
                    QStringLiteral("INSERT OR REPLACE INTO checks (id, last_checked, next_check, "
                                   "retry_after) VALUES (?, ?, ?, ?)"))
                && updateOperation.prepare(
                    QStringLiteral("UPDATE operations SET %1 = ? WHERE id = ?").arg(assignments))
                && updateChecks.prepare(QStringLiteral("UPDATE checks SET last_checked = ?, "
                                                       "next_check = ?, retry_after = ? WHERE "
                                                       "id = ?"));
            const auto failed = [error](const QSqlQuery &query) {
                *error = query.lastError().text();
                return false;
            };
            if (!prepared) {
                *error = db.lastError().text();
                return false;
            }
            for (const QString &id : changes.removed) {
                removeOperation.addBindValue(id);
                removeChecks.addBindValue(id);
                if (!removeOperation.exec())
                    return failed(removeOperation);
                if (!removeChecks.exec())
                    return failed(removeChecks);
            }
            for (const TrackedOperation &operation : changes.inserted) {
                insertOperation.addBindValue(operation.id);
                bindAll(&insertOperation, operationValues(operation));
                if (!insertOperation.exec())
                    return failed(insertOperation);
                if (insertOperation.numRowsAffected() == 0)
                    continue; // tracked already, perhaps by another process: theirs stays
                insertChecks.addBindValue(operation.id);
                bindAll(&insertChecks, checkValues(operation));
                if (!insertChecks.exec())
                    return failed(insertChecks);
                inserted << operation.id;
            }
            for (const TrackedOperation &operation : changes.updated) {
                bindAll(&updateOperation, operationValues(operation));
                updateOperation.addBindValue(operation.id);
                if (!updateOperation.exec())
                    return failed(updateOperation);
            }
            for (const QList<TrackedOperation> *list : {&changes.updated, &changes.checked}) {
                for (const TrackedOperation &operation : *list) {
                    bindAll(&updateChecks, checkValues(operation));
                    updateChecks.addBindValue(operation.id);
                    if (!updateChecks.exec())
                        return failed(updateChecks);
                }
            }
            return true;
        });
    if (added)
        *added = done ? inserted : QStringList();
    return done;
}

bool OperationDatabase::read(qint64 afterSeq, int chunkSize,
                             const std::function<bool(const QList<TrackedOperation> &)> &chunk,
                             qint64 *lastSeq, int *skipped)
{
    const QString what = QStringLiteral("Could not read the tracked operations");
    sqlite3 *database = sqliteHandle(QSqlDatabase::database(m_connectionName, false));
    if (!database)
        return fail(what, QStringLiteral("the database is not open"));
    const QByteArray sql
        = QStringLiteral("SELECT o.seq, o.id, %1, c.last_checked, c.next_check, "
                         "c.retry_after FROM operations o LEFT JOIN checks c ON c.id = "
                         "o.id WHERE o.seq > ? ORDER BY o.seq")
              .arg(QStringLiteral("o.")
                   + OperationColumns.split(QStringLiteral(", ")).join(QStringLiteral(", o.")))
              .toUtf8();
    sqlite3_stmt *prepared = nullptr;
    if (sqlite3_prepare_v2(database, sql.constData(), int(sql.size()), &prepared, nullptr)
        != SQLITE_OK) {
        sqlite3_finalize(prepared);
        return fail(what, QString::fromUtf8(sqlite3_errmsg(database)));
    }
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt *)> statement(prepared,
                                                                           &sqlite3_finalize);
    sqlite3_bind_int64(statement.get(), 1, afterSeq);
    *lastSeq = afterSeq;
    int unreadable = 0;
    QList<TrackedOperation> operations;
    operations.reserve(chunkSize);
    OperationUrlReader operationUrl;
    StoredRow::RepeatedText statusKey, rawStatus, odataType, retryAfter;
    const StoredRow row(statement.get());
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(statement.get())) == SQLITE_ROW) {
        *lastSeq = row.integer(0);
        TrackedOperation tracked;
        tracked.id = row.text(1);
        if (!OperationIds::isValid(tracked.id)) {
            ++unreadable;
            continue;
        }
        tracked.url = operationUrl(row.text(2));
        tracked.label = row.text(3);
        tracked.addedAt = row.time(4);
        Operation &last = tracked.last;
        last.status = operationStatusFromKey(statusKey(row, 5));
        last.rawStatus = rawStatus(row, 6);
        last.id = last.rawStatus.isEmpty() ? QString() : tracked.id;
        last.odataType = odataType(row, 7);
        last.createdDateTime = row.time(8);
        last.lastActionDateTime = row.time(9);
        last.manifestLink = urlFrom(row.text(10));
        last.inlineManifest = row.json(11);
        // Most operations have neither; decoding nothing still cost a twentieth of a read.
        if (!row.isNull(12))
            last.error = PublicError::fromJson(row.json(12));
        if (!row.isNull(13))
            tracked.problem = OperationRecord::problemFromJson(row.json(13));
        tracked.expired = row.integer(14) != 0;
        tracked.lastChecked = row.time(15);
        tracked.nextCheck = row.time(16);
        tracked.lastRetryAfter = retryAfter(row, 17);
        operations.append(std::move(tracked));
        if (operations.size() >= chunkSize) {
            if (!chunk(operations))
                return true;
            // A fresh list of the full size: the one just handed over is shared now.
            operations = QList<TrackedOperation>();
            operations.reserve(chunkSize);
        }
    }
    if (step != SQLITE_DONE)
        return fail(what, QString::fromUtf8(sqlite3_errmsg(database)));
    if (!operations.isEmpty())
        chunk(operations);
    if (skipped)
        *skipped = unreadable;
    return true;
}

qint64 OperationDatabase::dataVersion()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(QStringLiteral("PRAGMA data_version")) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

size_t OperationDatabase::fingerprint(const TrackedOperation &operation)
{
    // Computed for every row at start-up: the rarely set JSON parts cost only when present.
    const Operation &last = operation.last;
    size_t hash = qHashMulti(0, operation.url, operation.label, timeKey(operation.addedAt),
                             int(last.status), last.rawStatus, last.odataType,
                             timeKey(last.createdDateTime), timeKey(last.lastActionDateTime),
                             last.manifestLink, operation.expired);
    if (!last.inlineManifest.isEmpty())
        hash = qHashMulti(hash, last.inlineManifest);
    if (!last.error.isEmpty() || !last.error.details.isEmpty() || !last.error.innerError.isEmpty())
        hash = qHashMulti(hash, last.error.toJson());
    if (!operation.problem.isNull())
        hash = qHashMulti(hash, OperationRecord::problemToJson(operation.problem));
    return hash;
}
