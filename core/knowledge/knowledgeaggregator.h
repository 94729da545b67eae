#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

namespace ke {

class Database;

/// What one aggregation run did.
struct AggregationReport
{
    bool full = false; ///< a full rebuild (asked for, first run, or no tx_id column)
    qint64 eventsProcessed = 0; ///< events of the tenant that became visible since the last run
    qint64 datasetsTouched = 0; ///< dataset_knowledge rows recomputed
    double seconds = 0;
};

/// One event of a quirk's history, oldest first.
struct QuirkHistoryEntry
{
    QUuid eventId;
    QString eventType; ///< quirk.added | quirk.edited | quirk.retired | quirk.confirmed
    QUuid actorId;
    QDateTime createdAt;
    QJsonObject data;
};

/// Keeps dataset_knowledge and dataset_findings (and the supporting agg_* tables of migration
/// 0002) current from the events table, for the session's tenant.
///
/// Incremental and exact: every run remembers the pg_snapshot it processed up to; the next run
/// takes exactly the events whose writing transaction (tx_id) is visible now and was not
/// visible then — a slow writer's late commit is picked up by the next run, nothing is counted
/// twice. Runs for one tenant are serialised by a transaction-scoped advisory lock, and each
/// run is one transaction: two aggregators at once are safe, a crash leaves the last state.
/// An events table without a tx_id column (an orchestrator's own table) is rebuilt in full on
/// every run, which is always correct.
///
/// Stateless: borrows the Database per call; use from that Database's thread only.
class KnowledgeAggregator
{
    Q_DECLARE_TR_FUNCTIONS(KnowledgeAggregator)

public:
    /// Processes what is new since the last run (a full rebuild when there is no last run).
    static Result<AggregationReport> runIncremental(Database &db);
    /// Throws away the derived state of the tenant and recomputes it from all events.
    static Result<AggregationReport> rebuild(Database &db);

    /// Every event of one quirk, oldest first (its whole history, retired or not).
    static Result<QList<QuirkHistoryEntry>> quirkHistory(Database &db, const QString &quirkId);
};

} // namespace ke
