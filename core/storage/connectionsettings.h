#pragma once

#include <QString>
#include <QStringList>

namespace ke {

/// Where the shared database is and who is speaking: the command-line contract's
/// KNOWLEDGE_DATABASE_URL, KNOWLEDGE_TENANT, KNOWLEDGE_ACTOR, KNOWLEDGE_SCHEMA and
/// KNOWLEDGE_EVENTS_TABLE, KNOWLEDGE_DATASETS_TABLE and KNOWLEDGE_DATASETS_NAME_COLUMN. A plain
/// value type; safe to copy between threads.
struct ConnectionSettings
{
    QString databaseUrl; ///< libpq URI or conninfo; empty = libpq's PG* variables / service file
    /// A password the person typed (the connect dialog) or read from the system keychain, in
    /// memory only: Database::connect hands it to libpq; it is never part of databaseUrl, so
    /// redactedUrl(), messages and the offline cache's key never see it. Empty = libpq finds
    /// one itself (.pgpass, PGPASSWORD) or the server needs none.
    QString password;
    QString tenant; ///< tenant UUID or slug; empty = no tenant (admin commands only)
    QString actor; ///< person UUID or handle
    QString schema = QStringLiteral("knowledge");
    QString eventsTable; ///< empty = "<schema>.feedback_events"
    /// An orchestrator's dataset catalog (e.g. "public.datasets"), read only, with the columns
    /// id, tenant_id and datasetsNameColumn: its dataset UUIDs resolve to its names. Empty =
    /// none (an unknown dataset UUID is then an "unnamed dataset").
    QString datasetsTable;
    QString datasetsNameColumn = QStringLiteral("native_path");
    /// A person waits for the answers (the GUI, reading commands): statements time out after
    /// 30 s and lock waits after 5 s instead of hanging. Batch jobs leave it off.
    bool interactive = false;

    /// Reads the KNOWLEDGE_* environment variables.
    static ConnectionSettings fromEnvironment();

    /// Consumes the global flags (--database, --tenant, --actor, --schema, --events-table,
    /// --datasets-table, --datasets-name-column, each as "--flag value" or "--flag=value") wherever
    /// they stand in `args`, overriding the environment. Returns the remaining arguments in order.
    QStringList applyFlags(const QStringList &args);

    /// The events table, schema-qualified: eventsTable or "<schema>.feedback_events".
    QString effectiveEventsTable() const;

    /// True when the events table is the product's own (created and protected by migrate);
    /// false for an external table such as public.investigation_feedback_events.
    bool ownsEventsTable() const;

    /// The URL with any password replaced by "***", for messages.
    QString redactedUrl() const;
};

} // namespace ke
