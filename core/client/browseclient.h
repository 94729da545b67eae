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

namespace ke {

/// Where a read may be answered.
enum class ReadSource {
    Automatic, ///< the database; the offline cache when the database cannot be reached
    Offline, ///< the offline cache only
};

/// An answer and where it came from.
template <typename T> struct Browsed
{
    T value;
    bool offline = false; ///< answered from the offline cache
    QDateTime asOf; ///< offline: when that cache was synced (UTC)
    QString note; ///< offline: why, for people ("database unreachable (…) — …")
};

/// The one place that decides whether the database or the offline cache answers a read of
/// the views and of `knowledgectl knowledge|activity` — the twin of SearchClient for
/// everything else a person browses. Online it uses this thread's connection
/// (threadDatabase) and the readers of core/knowledge; when connecting fails as unreachable,
/// or the read loses the connection, it answers from the OfflineSnapshot of the remembered
/// connection and says so (`offline`, `asOf`, `note`). Any other error is answered as it is
/// (an unknown dataset must not silently turn into an offline read). After an unreachable
/// connect, reads of that connection go to the cache directly for 15 s (then the database
/// is tried again), so clicking through the views offline never waits for a connect timeout.
///
/// Stateless apart from the per-thread connection; call from worker threads, never the GUI
/// thread (it blocks on the network).
class BrowseClient
{
    Q_DECLARE_TR_FUNCTIONS(BrowseClient)

public:
    /// DatasetDirectory::summaries.
    static Result<Browsed<QList<DatasetSummary>>> datasets(const ConnectionSettings &settings,
                                                           ReadSource source);
    /// KnowledgeStore::knowledge.
    static Result<Browsed<DatasetKnowledge>> knowledge(const ConnectionSettings &settings,
                                                       const QString &dataset, ReadSource source);
    /// KnowledgeStore::activity.
    static Result<Browsed<ActivityPage>> activity(const ConnectionSettings &settings,
                                                  const QString &dataset, int limit,
                                                  const QString &before, ReadSource source);
    /// InvestigationDirectory::list.
    static Result<Browsed<QList<InvestigationSummary>>>
    investigations(const ConnectionSettings &settings, const QString &dataset, int limit,
                   ReadSource source);
    /// The trace of EventLog::investigation, with the viewer's own ratings.
    static Result<Browsed<InvestigationTrace>>
    trace(const ConnectionSettings &settings, const QUuid &investigationId, ReadSource source);
    /// KnowledgeAggregator::quirkHistory.
    static Result<Browsed<QList<QuirkHistoryEntry>>>
    quirkHistory(const ConnectionSettings &settings, const QString &quirkId, ReadSource source);

    /// "as of <time>" in the reader's language, local time ("Stand: …" in German).
    static QString asOf(const QDateTime &syncedAt);
};

} // namespace ke
