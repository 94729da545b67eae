// Migrations: ordered, idempotent, recorded, and refusing a schema newer than the build.

#include "access.h"
#include "database.h"
#include "databasetestcase.h"
#include "migrator.h"
#include "sqlsession.h"

#include <QElapsedTimer>
#include <QTest>

using namespace ke;

class TestMigrator : public test::DatabaseTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { KE_CREATE_TEST_DATABASE("migrator"); }

    void shipsOrderedMigrations()
    {
        const auto all = Migrator::available();
        QVERIFY(!all.isEmpty());
        for (qsizetype i = 1; i < all.size(); ++i)
            QVERIFY(all.at(i - 1).version < all.at(i).version);
        QCOMPARE(all.first().version, 1);
    }

    void recordsEveryMigration()
    {
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM schema_migrations")).toInt(),
                 int(Migrator::available().size()));
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT max(version) FROM schema_migrations")).toInt(),
                 Migrator::latestVersion());
    }

    void createsTheSpecifiedTables()
    {
        const QStringList tables = {QStringLiteral("feedback_events"),
                                    QStringLiteral("dataset_knowledge"),
                                    QStringLiteral("dataset_findings"),
                                    QStringLiteral("search_embeddings"),
                                    QStringLiteral("ml_training_examples"),
                                    QStringLiteral("tenants"),
                                    QStringLiteral("datasets"),
                                    QStringLiteral("people")};
        for (const QString &t : tables) {
            const QString sql = QStringLiteral("SELECT to_regclass('\"%1\".%2') IS NOT NULL")
                                    .arg(m_db->schema(), t);
            QVERIFY2(m_db->scalar(sql) == QLatin1String("t"), qPrintable(t));
        }
        // The specified columns of feedback_events, exactly.
        const QString cols = m_db->scalar(
            QStringLiteral("SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM "
                           "information_schema.columns WHERE table_schema = '%1' AND table_name = "
                           "'feedback_events'")
                .arg(m_db->schema()));
        QVERIFY2(cols.startsWith(QLatin1String("id,tenant_id,investigation_id,dataset_id,"
                                               "event_type,event_data,actor_id,actor_type,"
                                               "created_at")),
                 qPrintable(cols));
    }

    void accessIsLockedDown()
    {
        const QString schema = m_db->schema();
        // Row-level security is enabled and forced on every table with a tenant_id.
        QCOMPARE(
            m_db->scalar(
                QStringLiteral("SELECT string_agg(c.relname, ',') FROM pg_class c JOIN "
                               "pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' "
                               "WHERE c.relnamespace = '%1'::regnamespace AND c.relkind = 'r' "
                               "AND NOT (c.relrowsecurity AND c.relforcerowsecurity)")
                    .arg(schema)),
            QString());
        // The three group roles exist, cannot log in, and none may change or empty the log.
        for (const QString &level : Access::levels()) {
            const QString role = Access::groupRole(schema, level);
            QCOMPARE(m_db->scalar(QStringLiteral("SELECT rolcanlogin::text FROM pg_roles WHERE "
                                                 "rolname = $1"),
                                  {role}),
                     QStringLiteral("false"));
            for (const char *privilege : {"UPDATE", "DELETE", "TRUNCATE"}) {
                QCOMPARE(m_db->scalar(
                             QStringLiteral("SELECT has_table_privilege($1, '%1.feedback_events', "
                                            "'%2')::text")
                                 .arg(schema, QLatin1String(privilege)),
                             {role}),
                         QStringLiteral("false"));
            }
            QCOMPARE(
                m_db->scalar(QStringLiteral("SELECT has_schema_privilege($1, '%1', 'CREATE')::text")
                                 .arg(schema),
                             {role}),
                QStringLiteral("false"));
            QCOMPARE(
                m_db->scalar(QStringLiteral("SELECT has_table_privilege($1, '%1.export_secret', "
                                            "'SELECT')::text")
                                 .arg(schema),
                             {role}),
                level == QLatin1String("service") ? QStringLiteral("true")
                                                  : QStringLiteral("false"));
        }
        // No function of the schema is executable by PUBLIC; SECURITY DEFINER ones (if any)
        // pin search_path with pg_temp last.
        QCOMPARE(
            m_db->scalar(QStringLiteral("SELECT string_agg(p.proname, ',') FROM pg_proc p WHERE "
                                        "p.pronamespace = '%1'::regnamespace AND "
                                        "has_function_privilege('public', p.oid, 'EXECUTE')")
                             .arg(schema)),
            QString());
        QCOMPARE(
            m_db->scalar(QStringLiteral("SELECT string_agg(p.proname, ',') FROM pg_proc p WHERE "
                                        "p.pronamespace = '%1'::regnamespace AND p.prosecdef AND "
                                        "NOT coalesce('search_path=pg_catalog, pg_temp' = ANY "
                                        "(p.proconfig), false)")
                             .arg(schema)),
            QString());
    }

    void configuredNamesArePlainIdentifiers_data()
    {
        QTest::addColumn<QString>("schema");
        QTest::addColumn<QString>("eventsTable");
        QTest::addColumn<QString>("named");
        QTest::newRow("quote in the schema") << QStringLiteral("k'; DROP SCHEMA public; --")
                                             << QString() << QStringLiteral("KNOWLEDGE_SCHEMA");
        QTest::newRow("dollar quoting")
            << QStringLiteral("k$$x") << QString() << QStringLiteral("KNOWLEDGE_SCHEMA");
        QTest::newRow("a dotted schema")
            << QStringLiteral("a.b") << QString() << QStringLiteral("KNOWLEDGE_SCHEMA");
        QTest::newRow("placeholder in the table")
            << QStringLiteral("knowledge") << QStringLiteral("public.x%DS%{ev}")
            << QStringLiteral("KNOWLEDGE_EVENTS_TABLE");
        QTest::newRow("three parts") << QStringLiteral("knowledge") << QStringLiteral("a.b.c")
                                     << QStringLiteral("KNOWLEDGE_EVENTS_TABLE");
    }

    void configuredNamesArePlainIdentifiers()
    {
        // Review finding M7: names from configuration are validated before any SQL sees them.
        QFETCH(QString, schema);
        QFETCH(QString, eventsTable);
        QFETCH(QString, named);
        ConnectionSettings s = m_db->settings();
        s.schema = schema;
        s.eventsTable = eventsTable;
        auto db = Database::connect(s);
        QVERIFY(!db);
        QVERIFY2(db.error().message.startsWith(named)
                     && db.error().message.contains(QLatin1String("not a plain name")),
                 qPrintable(db.error().message));
    }

    void interactiveSessionsTimeOut()
    {
        // A person waiting (the GUI, reading commands) gets statement and lock timeouts; batch
        // jobs do not. Connecting gives up after a few seconds unless the URL says otherwise.
        ConnectionSettings s = m_db->settings();
        s.interactive = true;
        auto db = Database::connect(s);
        QVERIFY2(db, qPrintable(test::errorOf(db)));
        SqlSession session = SqlSession::forDatabase(**db);
        QCOMPARE(test::orThrow(session.scalar(QStringLiteral("SHOW statement_timeout"))),
                 QStringLiteral("30s"));
        QCOMPARE(test::orThrow(session.scalar(QStringLiteral("SHOW lock_timeout"))),
                 QStringLiteral("5s"));
        auto batch = Database::connect(m_db->settings());
        QVERIFY(batch);
        QCOMPARE(test::orThrow(SqlSession::forDatabase(**batch).scalar(
                     QStringLiteral("SHOW statement_timeout"))),
                 QStringLiteral("0"));
        QElapsedTimer t;
        t.start();
        ConnectionSettings nowhere = m_db->settings();
        nowhere.databaseUrl = QStringLiteral("postgresql://postgres@10.255.255.1:5432/knowledge");
        auto unreachable = Database::connect(nowhere);
        QVERIFY(!unreachable);
        QVERIFY2(unreachable.error().is(ErrorCode::Unreachable),
                 qPrintable(unreachable.error().message));
        QVERIFY2(t.elapsed() < 9000, qPrintable(QString::number(t.elapsed())));
    }

    void everyKeyIncludesTheTenant()
    {
        // Every primary key, unique constraint and unique index of every table of the schema
        // starts with tenant_id (Citus-ready, docs/scaling.md), read from the catalog so that
        // a table added later is covered too. Not tenant data (reference tables on Citus): the
        // tenants, the grants (per login, across tenants), the export key, the migrations, the
        // workers' run totals (0010: no tenant in them).
        auto offenders = [&]() {
            return m_db->scalar(
                QStringLiteral(
                    "SELECT string_agg(t.relname || '.' || i.relname, ',' ORDER BY i.relname) "
                    "FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
                    "JOIN pg_class t ON t.oid = x.indrelid "
                    "WHERE t.relnamespace = '%1'::regnamespace AND t.relkind IN ('r','p') "
                    "AND (x.indisunique OR x.indisprimary) "
                    "AND t.relname NOT IN "
                    "('tenants','schema_migrations','access_grants','job_run_totals',"
                    "'export_secret') "
                    "AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = t.oid "
                    "  AND a.attnum = x.indkey[0] AND a.attname = 'tenant_id')")
                    .arg(m_db->schema()));
        };
        const QString found = offenders();
        QVERIFY2(found.isEmpty(), qPrintable(found));
        // A table added later is seen, and a unique index counts as much as a constraint.
        const QString schema = Database::quoteQualified(m_db->schema());
        m_db->exec(QStringLiteral("CREATE TABLE %1.ke_probe (tenant_id uuid, code text); "
                                  "CREATE UNIQUE INDEX ke_probe_code ON %1.ke_probe (code, "
                                  "tenant_id)")
                       .arg(schema));
        const QString probe = offenders();
        m_db->exec(QStringLiteral("DROP TABLE %1.ke_probe").arg(schema));
        QCOMPARE(probe, QStringLiteral("ke_probe.ke_probe_code"));
    }

    void isIdempotent()
    {
        auto db = m_db->connect(QString());
        QVERIFY2(db, qPrintable(test::TestDatabase::error()));
        auto again = Migrator::migrate(*db);
        QVERIFY2(again, qPrintable(test::errorOf(again)));
        QVERIFY(again->isEmpty());
        auto v = Migrator::currentVersion(*db);
        QVERIFY(v);
        QCOMPARE(*v, Migrator::latestVersion());
    }

    void commandLineMigrateIsIdempotent()
    {
        const auto r = m_db->run(QStringLiteral("knowledgectl"), {QStringLiteral("migrate")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("up to date")), qPrintable(r.out + r.err));
    }

    void refusesANewerSchema()
    {
        m_db->scalar(QStringLiteral("INSERT INTO schema_migrations (version, name, checksum) "
                                    "VALUES (9999, 'from_the_future', 'x')"));
        auto db = m_db->connect(QString());
        QVERIFY(db);
        auto r = Migrator::migrate(*db);
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("schema_too_new"));
        QVERIFY2(r.error().message.contains(QLatin1String("9999")), qPrintable(r.error().message));
        QVERIFY(r.error().message.contains(QLatin1String("upgrade")));
        const auto cli = m_db->run(QStringLiteral("knowledgectl"), {QStringLiteral("migrate")});
        QVERIFY(cli.exitCode != 0);
        QVERIFY2(cli.err.contains(QLatin1String("newer than this build")), qPrintable(cli.err));
        m_db->scalar(QStringLiteral("DELETE FROM schema_migrations WHERE version = 9999"));
    }

    void freshSchemaIsMigratedFromTheCommandLine()
    {
        // A brand-new schema name: migrate creates it and everything in it.
        const QString fresh = m_db->schema() + QStringLiteral("_fresh");
        auto r = m_db->run(QStringLiteral("knowledgectl"),
                           {QStringLiteral("migrate"), QStringLiteral("--schema"), fresh});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("0001_initial")), qPrintable(r.out));
        QCOMPARE(
            m_db->scalar(QStringLiteral("SELECT count(*) FROM \"%1\".schema_migrations").arg(fresh))
                .toInt(),
            Migrator::latestVersion() > 0 ? int(Migrator::available().size()) : 0);
        m_db->scalar(QStringLiteral("DROP SCHEMA \"%1\" CASCADE").arg(fresh));
    }

private:
};

QTEST_GUILESS_MAIN(TestMigrator)
#include "tst_migrator.moc"
