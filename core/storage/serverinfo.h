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

} // namespace ke
