#pragma once

#include "connectionsettings.h"
#include "datasetdirectory.h"
#include "investigationdirectory.h"
#include "investigationtrace.h"
#include "knowledgeaggregator.h"
#include "knowledgestore.h"
#include "result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

#include <memory>

namespace ke {

class Database;

/// How much of the tenant the offline snapshot keeps (README, "Offline browsing").
struct SnapshotWindow
{
    /// The newest activity items of each dataset (the first pages of the feed).
    int activityPerDataset = 200;
    /// The newest investigations of each dataset in its list.
    int investigationsPerDataset = 500;
    /// Of those, the full trace of each one with an event in the `traceDays` days before the
    /// tenant's latest investigation event (not the clock: a tenant quiet for a while keeps
    /// its last months readable).
    int traceDays = 180;
};

/// The offline browse snapshot of one tenant of one database: what the views and
/// `knowledgectl knowledge|activity` show, as the database's own readers answered at the last
/// sync — the dataset list (names → ids, headline numbers), every dataset's knowledge (counts,
/// common issues, known quirks, top findings, owners), its newest activity, the list of its
/// investigations with their full traces (a window, see SnapshotWindow), and the history of
/// every quirk. One SQLite file, `browse.sqlite` (WAL, 0600), beside the search index in the
/// OfflineCache tenant directory; the readers answer with the very structures online readers
/// return, so a view cannot tell them apart except by syncedAt().
///
/// sync() — called by OfflineCache::sync under its sync.lock, so `knowledgectl sync` and the
/// GUI's sync keep it too — refreshes, in ONE SQLite transaction (a reader sees the previous
/// snapshot or the new one, never half): the dataset list, knowledge, activity and
/// investigation lists in full (one reader call per dataset), traces and quirk histories only
/// where the number of their events changed since the last sync (the event log is
/// append-only, so an unchanged count is an unchanged trace). Traces leaving the window are
/// dropped.
///
/// Thread rules: an object owns one SQLite handle; use it from one thread at a time. Other
/// threads and processes open their own (WAL: a reader never waits for the writer).
class OfflineSnapshot
{
    Q_DECLARE_TR_FUNCTIONS(OfflineSnapshot)

public:
    static QString fileName(); ///< "browse.sqlite"
    /// Opens (creating) the snapshot in a tenant's cache directory.
    static Result<std::unique_ptr<OfflineSnapshot>> open(const QString &directory);
    /// For reading without the database: the snapshot of the cache the remembered
    /// connection and the tenant name (see OfflineCache::searchDirectory); a "no_cache" error
    /// saying to sync when there is none.
    static Result<std::unique_ptr<OfflineSnapshot>>
    openForReading(const ConnectionSettings &settings);
    ~OfflineSnapshot();

    QString path() const;
    /// When the last sync of the snapshot finished (invalid: never).
    QDateTime syncedAt() const;
    /// The person of the login that synced (whose own ratings a trace shows as "mine").
    QUuid viewer() const;

    struct SyncSummary
    {
        int datasets = 0;
        qint64 activityItems = 0;
        qint64 investigations = 0; ///< list entries kept
        qint64 tracesKept = 0; ///< traces in the window after the sync
        qint64 tracesFetched = 0; ///< of them read from the database (new or changed)
        qint64 tracesDropped = 0; ///< left the window
        qint64 quirks = 0; ///< quirk histories kept
        qint64 quirksFetched = 0;
        qint64 bytes = 0; ///< the snapshot file's size afterwards
        double seconds = 0;
    };
    /// `db` must be connected as this snapshot's tenant (OfflineCache checks the database).
    Result<SyncSummary> sync(Database &db, const SnapshotWindow &window = {});

    // The readers, as their online twins (same arguments, same answers, same errors for an
    // unknown dataset); DATASET is a UUID or a name known at the last sync.
    /// DatasetDirectory::summaries.
    Result<QList<DatasetSummary>> datasets() const;
    /// KnowledgeStore::knowledge.
    Result<DatasetKnowledge> knowledge(const QString &dataset) const;
    /// KnowledgeStore::activity; pages beyond the kept window come back empty.
    Result<ActivityPage> activity(const QString &dataset, int limit = 20,
                                  const QString &before = {}) const;
    /// InvestigationDirectory::list (at most SnapshotWindow::investigationsPerDataset kept).
    Result<QList<InvestigationSummary>> investigations(const QString &dataset,
                                                       int limit = 200) const;
    /// InvestigationTrace::fromEvents over EventLog::investigation; a "no_cache" error for an
    /// investigation outside the window. `viewer` null: the person who synced.
    Result<InvestigationTrace> trace(const QUuid &investigationId, const QUuid &viewer = {}) const;
    /// KnowledgeAggregator::quirkHistory.
    Result<QList<QuirkHistoryEntry>> quirkHistory(const QString &quirkId) const;

    struct Private;

private:
    OfflineSnapshot();
    Result<QUuid> resolve(const QString &dataset) const;
    std::unique_ptr<Private> d;
};

} // namespace ke
