#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QStringList>

namespace ke {

class Database;

/// Applies the SQL migrations shipped inside the binary (resources/migrations/NNNN_name.sql)
/// to the product's schema: pending ones in order, in one transaction, under an advisory lock
/// (two migrators at once are serialised), each recorded in <schema>.schema_migrations.
/// Refuses a schema newer than this build knows. Stateless; call from any thread with that
/// thread's Database.
class Migrator
{
    Q_DECLARE_TR_FUNCTIONS(Migrator)

public:
    struct Migration
    {
        int version = 0;
        QString name;
        QString sql; ///< with {{schema}} still in it
    };

    /// The migrations compiled into this binary, ordered by version.
    static QList<Migration> available();
    static int latestVersion();

    /// 0 when the schema has never been migrated.
    static Result<int> currentVersion(Database &db);

    /// Applies what is pending; returns the names of the migrations applied (empty when
    /// the schema was already current).
    static Result<QStringList> migrate(Database &db);
    /// Drops the connection's schema and everything in it — only a throwaway schema of an
    /// evaluation or benchmark (named ke_eval_… or ke_bench_…); any other is refused.
    static Result<void> dropScratchSchema(Database &db);
};

} // namespace ke
