#pragma once

#include "result.h"
#include "searchindex.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QUuid>

#include <functional>
#include <memory>

namespace ke {

class Database;

/// One tenant's offline search cache: a SearchIndex directory at
/// <root>/<tenant uuid>/ (root: $KNOWLEDGE_CACHE_DIR, else the generic cache location +
/// "/knowledge-explorer", shared by knowledgectl and the desktop app), directory mode 0700,
/// files 0600. The cache records which tenant it belongs to and refuses to open as another
/// one, so a search never reads another tenant's documents.
///
/// sync() brings it up to date from the tenant's search_documents rows with change_seq above
/// the cache's watermark, page by page (never the whole table in memory): upserts, removals
/// of retired rows, the tenant's embedding model (a new model re-embeds everything; vectors
/// of two models are never compared). Each page and the watermark it reaches are committed in
/// one SQLite transaction, so the watermark never runs ahead of the data; the vector index
/// is saved atomically at the end (and rebuilt from SQLite if a crash left it behind).
///
/// Thread rules: an OfflineCache may be used from one thread at a time; sync() also uses a
/// worker thread to fetch the next page while the current one is applied (the Database is
/// handed over, never used by two threads at once). Searches may run from any thread
/// through index().
class OfflineCache
{
    Q_DECLARE_TR_FUNCTIONS(OfflineCache)

public:
    /// $KNOWLEDGE_CACHE_DIR, else <generic cache location>/knowledge-explorer.
    static QString rootDirectory();
    static QString directoryFor(const QUuid &tenant);
    /// A tenant given as UUID, or as a slug remembered by an earlier sync (offline, there
    /// is no database to ask).
    static Result<QUuid> resolveTenant(const QString &uuidOrSlug);
    /// A dataset given as UUID, or by a name remembered by an earlier sync; an unknown name
    /// is an error that says what to do.
    Result<QString> resolveDataset(const QString &uuidOrName) const;
    /// Whether a cache for `tenant` has been synced at least once.
    static bool exists(const QUuid &tenant);

    /// Opens (creating) the tenant's cache.
    static Result<std::unique_ptr<OfflineCache>> open(const QUuid &tenant);
    ~OfflineCache();

    QUuid tenant() const;
    SearchIndex &index();
    /// The highest change_seq the cache holds (0: never synced).
    qint64 watermark() const;
    /// When the last sync finished (invalid: never).
    QDateTime syncedAt() const;

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
    };
    /// `progress(done, total)` after each page (total: rows to read, counted at the start).
    /// `db` must be connected as this cache's tenant.
    Result<SyncSummary> sync(Database &db,
                             const std::function<void(qint64 done, qint64 total)> &progress = {},
                             int pageSize = 5000);

private:
    OfflineCache() = default;
    QUuid m_tenant;
    std::unique_ptr<SearchIndex> m_index;
};

} // namespace ke
