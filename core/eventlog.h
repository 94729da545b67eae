#pragma once

#include "event.h"
#include "result.h"

#include <QCoreApplication>

#include <vector>

namespace ke {

class Database;

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
    Result<bool> emit(Event &event);

    /// Appends many events in one transaction with COPY: all or nothing. Events whose id is
    /// already stored are skipped (idempotent retries). Returns how many were written.
    Result<qsizetype> emitBatch(std::vector<Event> &events);

    /// Every event of one investigation, oldest first.
    Result<std::vector<Event>> investigation(const QUuid &investigationId);

    /// One event by id, or nullopt.
    Result<std::optional<Event>> find(const QUuid &id);

    /// Counts per event type in the tenant (for `knowledgectl status`).
    Result<QList<QPair<QString, qint64>>> countsByType();

private:
    Database &m_db;
};

} // namespace ke
