#include "migrator.h"

#include "access.h"
#include "database_p.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace ke {

QList<Migrator::Migration> Migrator::available()
{
    QList<Migration> out;
    static const QRegularExpression nameRe(QStringLiteral("^(\\d{4})_(.+)\\.sql$"));
    const QDir dir(QStringLiteral(":/migrations"));
    const QStringList files = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const auto m = nameRe.match(file);
        if (!m.hasMatch())
            continue;
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        out.append({m.captured(1).toInt(), m.captured(2), QString::fromUtf8(f.readAll())});
    }
    return out;
}

int Migrator::latestVersion()
{
    const auto all = available();
    return all.isEmpty() ? 0 : all.last().version;
}

Result<int> Migrator::currentVersion(Database &db)
{
    return guarded(tr("reading the schema version"), [&]() -> Result<int> {
        pqxx::nontransaction tx(databasePrivate(db)->conn);
        const std::string reg = toStd(db.table(QStringLiteral("schema_migrations")));
        const pqxx::result exists = tx.exec_params("SELECT to_regclass($1) IS NOT NULL", reg);
        if (!exists[0][0].as<bool>())
            return 0;
        const pqxx::result r = tx.exec("SELECT coalesce(max(version), 0) FROM " + reg);
        return r[0][0].as<int>();
    });
}

Result<QStringList> Migrator::migrate(Database &db)
{
    const QList<Migration> all = available();
    const QString schema = db.settings().schema;
    const QString quotedSchema = Database::quoteQualified(schema);
    return guarded(tr("migrating schema '%1'").arg(schema), [&]() -> Result<QStringList> {
        pqxx::work tx(databasePrivate(db)->conn);
        tx.exec_params("SELECT pg_advisory_xact_lock(hashtext($1))",
                       toStd(QStringLiteral("knowledge.migrate.") + schema));
        tx.exec("CREATE SCHEMA IF NOT EXISTS " + toStd(quotedSchema));
        const std::string migrations = toStd(db.table(QStringLiteral("schema_migrations")));
        tx.exec("CREATE TABLE IF NOT EXISTS " + migrations
                + " (version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,"
                  " applied_at timestamptz NOT NULL DEFAULT now())");
        const pqxx::result applied
            = tx.exec("SELECT version, checksum FROM " + migrations + " ORDER BY version");
        const int latest = all.isEmpty() ? 0 : all.last().version;
        QHash<int, QString> checksums;
        for (const auto &row : applied)
            checksums.insert(row[0].as<int>(), stringFromField(row[1]));
        for (auto it = checksums.cbegin(); it != checksums.cend(); ++it) {
            if (it.key() > latest) {
                return makeError(ErrorCode::SchemaTooNew,
                                 tr("the database schema '%1' is at version %2, newer than this "
                                    "build knows (%3) — upgrade Knowledge Explorer before using "
                                    "this database")
                                     .arg(schema)
                                     .arg(it.key())
                                     .arg(latest));
            }
        }
        QStringList done;
        for (const Migration &m : all) {
            const QString sql = QString(m.sql).replace(QStringLiteral("{{schema}}"), quotedSchema);
            const QString sum = QString::fromLatin1(
                QCryptographicHash::hash(m.sql.toUtf8(), QCryptographicHash::Sha256).toHex());
            if (checksums.contains(m.version)) {
                if (checksums.value(m.version) != sum) {
                    return makeError(ErrorCode::MigrationChanged,
                                     tr("migration %1 (%2) differs from the one applied to this "
                                        "database — migrations must never be edited once "
                                        "released; add a new one instead")
                                         .arg(m.version)
                                         .arg(m.name));
                }
                continue;
            }
            tx.exec(toStd(sql));
            tx.exec_params("INSERT INTO " + migrations
                               + " (version, name, checksum) VALUES ($1, $2, $3)",
                           m.version, toStd(m.name), toStd(sum));
            done << QStringLiteral("%1_%2").arg(m.version, 4, 10, QLatin1Char('0')).arg(m.name);
        }
        tx.commit();
        return done;
    });
}

Result<void> Migrator::dropScratchSchema(Database &db)
{
    const QString schema = db.settings().schema;
    if (!schema.startsWith(QLatin1String("ke_eval_"))
        && !schema.startsWith(QLatin1String("ke_bench_")))
        return makeError(
            ErrorCode::Refused,
            tr("refusing to drop the schema '%1': only throwaway schemas are dropped").arg(schema));
    auto dropped = guarded(tr("dropping the schema %1").arg(schema), [&]() -> Result<void> {
        pqxx::nontransaction tx(databasePrivate(db)->conn);
        tx.exec("DROP SCHEMA IF EXISTS " + toStd(Database::quoteQualified(schema)) + " CASCADE");
        return {};
    });
    if (!dropped)
        return dropped;
    return Access::dropGroupRoles(db);
}

} // namespace ke
