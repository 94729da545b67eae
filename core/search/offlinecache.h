#pragma once

#include "offlinesnapshot.h"
#include "result.h"
#include "searchindex.h"
#include "serverinfo.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLockFile>
#include <QString>
#include <QUuid>

#include <atomic>
#include <functional>
#include <memory>

namespace ke {

class Database;
struct ConnectionSettings;

/// One tenant's offline search cache in one database: a SearchIndex directory. Layout under
/// the root ($KNOWLEDGE_CACHE_DIR, else the generic cache location + "/knowledge-explorer",
/// shared by knowledgectl and the desktop app; directories 0700, files 0600):
///
///     connections.json          connection key -> database key, written at each successful
///                               connect (the database cannot be asked offline); the key is
///                               SHA-256 of the connection's server parameters WITHOUT any
///                               password, plus the schema
///     <database key>/           one per DatabaseIdentity (system identifier + database name
///                               + schema), "db-" + 16 hex digits
///         database.json         that identity, for people
///         tenants.json          slug -> tenant UUID of this database (--tenant SLUG offline)
///         <tenant uuid>/        the SearchIndex files, plus sync.lock and files.lock
///
/// Caches of earlier versions (<root>/<tenant uuid>/, keyed by tenant only) are not used: a
/// change sequence means nothing in another database, so nothing in them can be trusted to
/// belong to the current one. They are left alone; when no current cache exists, the error
/// says so and asks for a sync.
///
/// The cache records which tenant it belongs to and refuses to open as another one, so a
/// search never reads another tenant's documents.
///
/// Two processes (the GUI searching, `knowledgectl sync` writing) share a cache through two
/// lock files (QLockFile: a lock whose process is gone is taken over, never one that is
/// merely old):
///  - sync.lock: held by a writer (openForSync) for its whole life, so syncs never overlap;
///  - files.lock: held by anyone who reads or writes the vector index files or the model:
///    a writer while it opens, changes the model and saves; a reader while it opens
///    (checksums and loads). A reader that finds sync.lock free opens normally (and repairs a
///    damaged index, no writer can interfere); one that finds a writer at work opens a
///    snapshot: the vector index as last saved, with no count check and never a rebuild,
///    the documents as committed so far (each sync page is one SQLite transaction).
///
/// Beside the search index, the directory holds the browse snapshot (OfflineSnapshot,
/// browse.sqlite): what the views show offline; sync() keeps both.
///
/// sync() brings it up to date from the tenant's search_documents rows with change_seq above
/// the cache's watermark, page by page (never the whole table in memory): upserts, removals
/// of retired rows, the tenant's embedding model (a new model re-embeds everything; vectors
/// of two models are never compared). Each page and the watermark it reaches are committed in
/// one SQLite transaction, so the watermark never runs ahead of the data; the vector index
/// is saved atomically at the end (and rebuilt from SQLite if a crash left it behind).
///
/// Thread rules: sync() runs on one thread at a time (it also uses a worker thread to fetch
/// the next page while the current one is applied; the Database is handed over, never used
/// by two threads at once). The const accessors, resolveDataset() and searches through
/// index() may run from any thread, also while another thread syncs.
class OfflineCache
{
    Q_DECLARE_TR_FUNCTIONS(OfflineCache)

public:
    /// $KNOWLEDGE_CACHE_DIR, else <generic cache location>/knowledge-explorer.
    static QString rootDirectory();
    /// SHA-256 (hex) over the parameters that say where `settings` connects (host, hostaddr,
    /// port, dbname, user, service; libpq's PG* defaults where the URL names none) and the
    /// schema. Never the password: two URLs that differ only in it are one connection.
    static QString connectionKey(const ConnectionSettings &settings);
    /// Reads `db`'s identity and remembers it for db's connection settings in
    /// connections.json (written atomically, only when it changed).
    static Result<DatabaseIdentity> rememberConnection(Database &db);
    /// rememberConnection() when a cache root exists (some cache was synced before);
    /// otherwise nothing. Errors are ignored: for the connect paths of the GUI and CLI.
    static void rememberConnectionIfCaching(Database &db);
    /// The database key the connection reached when it was last online (empty: unknown).
    static QString rememberedDatabase(const ConnectionSettings &settings);
    static QString directoryFor(const QString &databaseKey, const QUuid &tenant);
    /// A tenant given as UUID, or as a slug remembered for that database by an earlier sync
    /// (offline, there is no database to ask).
    static Result<QUuid> resolveTenant(const QString &databaseKey, const QString &uuidOrSlug);
    /// A dataset given as UUID, or by a name remembered by an earlier sync; an unknown name
    /// is an error that says what to do.
    Result<QString> resolveDataset(const QString &uuidOrName) const;

    /// For sync: remembers the connection, then opens (creating) the cache of db's database
    /// and tenant and holds its sync.lock until destroyed (waiting up to `lockTimeoutMs` for
    /// another sync to finish).
    static Result<std::unique_ptr<OfflineCache>> openForSync(Database &db,
                                                             int lockTimeoutMs = 120000);
    /// The cache directory openForSearch() would open (through the remembered connection
    /// and the tenant), or the error it would give when there is none.
    static Result<QString> searchDirectory(const ConnectionSettings &settings);
    /// For searching without the database: finds the cache through the remembered
    /// connection and the tenant (UUID or remembered slug). Waits for files.lock at most
    /// `lockTimeoutMs` (a writer holds it only while it saves the index or changes model).
    static Result<std::unique_ptr<OfflineCache>> openForSearch(const ConnectionSettings &settings,
                                                               int lockTimeoutMs = 60000);
    ~OfflineCache();

    QUuid tenant() const;
    SearchIndex &index();
    /// The highest change_seq the cache holds (0: never synced).
    qint64 watermark() const;
    /// When the last sync finished (invalid: never).
    QDateTime syncedAt() const;
    /// True when opened while a sync was writing (see the class comment).
    bool isSnapshot() const;
    /// How long opening waited for files.lock, in milliseconds.
    double lockWaitMs() const;

    struct SyncSummary
    {
        qint64 added = 0;
        qint64 updated = 0;
        qint64 removed = 0;
        qint64 rows = 0; ///< rows read from the database
        qint64 watermarkBefore = 0;
        qint64 watermarkAfter = 0;
        bool cold = false; ///< the cache was empty
        QString model; ///< the embedding model in use afterwards
        bool modelChanged = false;
        double seconds = 0;
        /// The browse snapshot's part (knowledge, activity, investigations, traces, quirks).
        OfflineSnapshot::SyncSummary snapshot;
    };
    /// `progress(done, total)` after each page (total: rows to read, counted at the start).
    /// `db` must be connected as this cache's tenant, to this cache's database; only for a
    /// cache opened with openForSync(). After the search documents it syncs the browse
    /// snapshot (OfflineSnapshot, in `window`) beside them. `cancel` (may be null) is checked
    /// after each page: a cancelled sync keeps the pages it wrote (ErrorCode::Cancelled).
    Result<SyncSummary> sync(Database &db,
                             const std::function<void(qint64 done, qint64 total)> &progress = {},
                             int pageSize = 5000, const SnapshotWindow &window = {},
                             const std::atomic_bool *cancel = nullptr);

private:
    OfflineCache() = default;
    // The steps of sync().
    Result<void> checkSyncable(Database &db) const;
    void rememberNames(Database &db);
    Result<void> takeServerModel(Database &db, QLockFile &files, SyncSummary &summary);
    Result<void> syncPages(Database &db, const std::function<void(qint64, qint64)> &progress,
                           int pageSize, const std::atomic_bool *cancel, SyncSummary &summary);
    Result<void> saveFiles(QLockFile &files, SyncSummary &summary);

    QUuid m_tenant;
    QString m_databaseKey;
    std::unique_ptr<QLockFile> m_syncLock; ///< held by a writer for its life
    std::unique_ptr<SearchIndex> m_index;
    bool m_snapshot = false;
    double m_lockWaitMs = 0;
};

} // namespace ke
