#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QString>

namespace ke {

class Database;

/// What the PostgreSQL server offers, for `knowledgectl status`: its version and whether the
/// pgvector extension can be used (available to install / installed in this database).
/// A plain value; query() runs on the calling thread with that thread's Database.
struct ServerInfo
{
    Q_DECLARE_TR_FUNCTIONS(ServerInfo)

public:
    QString version; ///< "PostgreSQL 15.18"
    bool pgvectorAvailable = false; ///< listed in pg_available_extensions
    bool pgvectorInstalled = false; ///< CREATE EXTENSION vector was run in this database
    QString pgvectorVersion; ///< installed version, else the default available one

    static Result<ServerInfo> query(Database &db);
};

/// Which database a connection reaches, independent of how it was reached (host alias,
/// socket or TCP): the server's system identifier (pg_control_system(), readable by every
/// login on PostgreSQL ≥ 10; where a managed server hides it, the server's address and port
/// instead) plus the database name and the product's schema. The offline cache is keyed by
/// it, because a change sequence (the sync watermark) only means something inside one
/// database and schema. A plain value; query() runs on the calling thread with its Database.
struct DatabaseIdentity
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseIdentity)

public:
    QString systemIdentifier; ///< "7714255752315594730", or "addr:10.0.0.5:5432" (fallback)
    QString databaseName; ///< current_database()
    QString schema; ///< the product's schema (KNOWLEDGE_SCHEMA)

    bool isValid() const { return !systemIdentifier.isEmpty() && !databaseName.isEmpty(); }
    /// A short, file-name-safe key: "db-" + 16 hex digits of SHA-256 over the three fields.
    QString key() const;

    static Result<DatabaseIdentity> query(Database &db);
};

} // namespace ke
