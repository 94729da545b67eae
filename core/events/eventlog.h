#pragma once

#include "event.h"
#include "result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QUuid>

#include <optional>
#include <vector>

namespace ke {

class Database;

/// How EventLog::emit / emitBatch treat what they are given.
struct EmitOptions
{
    /// Store event types the product does not know (envelope checks only), for replaying
    /// another writer's stream. The product itself emits only known types.
    bool allowUnknownTypes = false;
    /// Let the server acknowledge before the write-ahead log reaches disk (synchronous_commit
    /// off for this write only): a single emit then costs a round trip instead of a disk
    /// flush (~0.2 ms instead of ~4 ms here). A server crash within a fraction of a second can
    /// lose the event; nothing is ever half-written. Off by default: emits are durable.
    bool asynchronousCommit = false;
};

/// Events per tenant, for `knowledgectl status` without a tenant.
struct TenantEventCount
{
    QUuid tenantId;
    QString slug; ///< empty when the tenant is not in the product's tenants table
    qint64 events = 0;
};

/// Appends to and reads from the events table (the product's own, or an orchestrator's
/// table named by configuration). Borrows a Database; use from that Database's thread only.
///
/// Emitting fills what the caller left empty: id (UUIDv7), tenant (the session's),
/// actor (the session's actor), created_at (now). Events are validated before anything is
/// written; nothing of an invalid batch is written.
class EventLog
{
    Q_DECLARE_TR_FUNCTIONS(EventLog)

public:
    explicit EventLog(Database &db);

    /// Appends one event. Returns true when it was written, false when an event with the
    /// same id already existed (emitting the same id twice is a no-op).
    Result<bool> emit(Event &event, const EmitOptions &options = {});

    /// Appends many events in one transaction with COPY: all or nothing. Events whose id is
    /// already stored are skipped (idempotent retries). Returns how many were written.
    /// Invalid events are all reported (one line each, "event N: why"; N counts from 1) and
    /// nothing is written.
    Result<qsizetype> emitBatch(std::vector<Event> &events, const EmitOptions &options = {});

    /// What emit does before writing: fills id, tenant, actor and created_at where empty,
    /// refuses a tenant other than the session's, and validates. For callers that want to
    /// report problems in their own terms (e.g. line numbers) before emitBatch.
    Result<void> prepare(Event &event, const EmitOptions &options = {}) const;

    /// Every event of one investigation, oldest first.
    Result<std::vector<Event>> investigation(const QUuid &investigationId);

    /// Every event of each of `investigationIds` (one statement per 500 ids), oldest first per
    /// investigation; an investigation without events is absent. For bulk readers such as the
    /// offline sync, where one round trip per investigation would dominate.
    Result<QHash<QUuid, std::vector<Event>>> investigations(const QList<QUuid> &investigationIds);

    /// One event by id, or nullopt.
    Result<std::optional<Event>> find(const QUuid &id);

    /// Counts per event type in the tenant (for `knowledgectl status`).
    Result<QList<QPair<QString, qint64>>> countsByType();

    /// Events per tenant over the whole events table (an admin view: what the session may
    /// see of it). Tenants of the product's tenants table without events are listed with 0.
    Result<QList<TenantEventCount>> countsByTenant();

private:
    /// Whether the events table has a unique index on id (alone or with tenant_id), so that
    /// ON CONFLICT DO NOTHING makes re-emitting a no-op; otherwise WHERE NOT EXISTS does.
    Result<bool> hasUniqueId();

    Database &m_db;
    int m_uniqueId = -1; ///< -1 unknown, else bool
    bool m_copyRefused = false; ///< COPY into the table is not allowed (RLS): stage instead
};

} // namespace ke
