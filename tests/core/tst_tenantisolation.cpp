// Tenant isolation with real logins (issue 11): alice is granted acme (person alice), bob is
// granted globex (person bob). Hand-written SQL as alice — psql's view, not the product's —
// cannot see or write globex, cannot pose as bob, cannot change the event log or its triggers,
// and cannot hijack the schema's functions through pg_temp; knowledgectl as alice is refused
// globex with the message that says what to ask for. The owner (here the private server's
// superuser) only seeds, migrates and grants.

#include "access.h"
#include "connectionsettings.h"
#include "database.h"
#include "databasetestcase.h"
#include "eventlog.h"
#include "sqlsession.h"
#include "testdatabase.h"
#include "uuid.h"

#include <QScopeGuard>
#include <QTest>

using namespace ke;

namespace {

QString text(const QUuid &u)
{
    return u.toString(QUuid::WithoutBraces);
}

} // namespace

class TestTenantIsolation : public test::DatabaseTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        KE_CREATE_TEST_DATABASE("tenantisolation");
        // Demo data in every table: three tenants, then the derived tables.
        const QString failed
            = runCommands({{QStringLiteral("demo-seed"), QStringLiteral("--investigations"),
                            QStringLiteral("30")},
                           {QStringLiteral("aggregate")},
                           {QStringLiteral("embed")},
                           {QStringLiteral("build-training")}});
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        m_acme = QUuid::fromString(
            m_db->scalar(QStringLiteral("SELECT id FROM tenants WHERE slug = 'acme'")));
        m_globex = QUuid::fromString(
            m_db->scalar(QStringLiteral("SELECT id FROM tenants WHERE slug = 'globex'")));
        QVERIFY(!m_acme.isNull() && !m_globex.isNull());

        m_alice = m_db->schema() + QStringLiteral("_alice");
        m_bob = m_db->schema() + QStringLiteral("_bob");
        m_carol = m_db->schema() + QStringLiteral("_carol");
        for (const QString &login : {m_alice, m_bob, m_carol})
            m_db->exec(QStringLiteral("CREATE ROLE \"%1\" LOGIN").arg(login));
        // The administrator's commands, word for word as in the README.
        for (const QStringList &args :
             {QStringList{QStringLiteral("access"), QStringLiteral("grant"), m_alice,
                          QStringLiteral("--tenant"), QStringLiteral("acme"),
                          QStringLiteral("--person"), QStringLiteral("alice")},
              QStringList{QStringLiteral("access"), QStringLiteral("grant"), m_bob,
                          QStringLiteral("--tenant"), QStringLiteral("globex"),
                          QStringLiteral("--person"), QStringLiteral("bob")},
              QStringList{QStringLiteral("access"), QStringLiteral("grant"), m_carol,
                          QStringLiteral("--tenant"), QStringLiteral("acme"),
                          QStringLiteral("--level"), QStringLiteral("reader")}}) {
            const auto r = m_db->run(QStringLiteral("knowledgectl"), args);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QVERIFY2(r.out.startsWith(QLatin1String("granted ")), qPrintable(r.out));
        }
        m_bobPerson = QUuid::fromString(m_db->scalar(
            QStringLiteral("SELECT id FROM people WHERE tenant_id = $1 AND handle = 'bob'"),
            {m_globex}));
        QVERIFY(!m_bobPerson.isNull());
        m_acmeInvestigation = QUuid::fromString(m_db->scalar(
            QStringLiteral("SELECT investigation_id FROM feedback_events WHERE tenant_id = $1 "
                           "AND event_type = 'investigation.started' LIMIT 1"),
            {m_acme}));
    }

    void cleanupTestCase()
    {
        if (!m_db)
            return;
        for (const QString &login : {m_alice, m_bob, m_carol})
            (void)m_db->admin().exec(
                QStringLiteral("DROP OWNED BY \"%1\"; DROP ROLE IF EXISTS \"%1\"").arg(login));
    }

    void everyTenantTableHoldsGlobexRows()
    {
        // Without this, "no row" below would prove nothing.
        for (const QString &table : tenantTables()) {
            if (table == QLatin1String("aggregation_state")
                || table == QLatin1String("search_document_state"))
                continue;
            QVERIFY2(
                m_db->scalar(
                        QStringLiteral("SELECT count(*) FROM %1 WHERE tenant_id = $1").arg(table),
                        {m_globex})
                        .toInt()
                    > 0,
                qPrintable(table));
        }
    }

    void aliceSeesNoGlobexRowInAnyTable()
    {
        SqlSession alice = as(m_alice);
        test::orThrow(alice.exec(
            QStringLiteral("SELECT set_config('knowledge.tenant_id', $1, false)"), {m_globex}));
        for (const QString &table : tenantTables()) {
            QCOMPARE(
                test::orThrow(alice.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(table))),
                QStringLiteral("0"));
        }
        QCOMPARE(test::orThrow(alice.scalar(
                     QStringLiteral("SELECT count(*) FROM tenants WHERE id = $1"), {m_globex})),
                 QStringLiteral("0"));
        // Nor the API keys of any tenant (the owner's alone; migration 0007).
        QVERIFY(!alice.scalar(QStringLiteral("SELECT count(*) FROM api_keys")));
        // Nor does she learn globex's id from its slug.
        QCOMPARE(test::orThrow(alice.scalar(QStringLiteral("SELECT resolve_tenant('globex')"))),
                 QString());
        // Without any tenant selected, nothing either.
        test::orThrow(
            alice.exec(QStringLiteral("SELECT set_config('knowledge.tenant_id', '', false)")));
        QCOMPARE(
            test::orThrow(alice.scalar(QStringLiteral("SELECT count(*) FROM feedback_events"))),
            QStringLiteral("0"));
        // Her own tenant she reads.
        test::orThrow(alice.exec(
            QStringLiteral("SELECT set_config('knowledge.tenant_id', $1, false)"), {m_acme}));
        QVERIFY(test::orThrow(alice.scalar(QStringLiteral("SELECT count(*) FROM feedback_events")))
                    .toInt()
                > 0);
        QCOMPARE(test::orThrow(alice.scalar(QStringLiteral("SELECT count(DISTINCT tenant_id) FROM "
                                                           "feedback_events"))),
                 QStringLiteral("1"));
    }

    void aliceCannotWriteOrPose_data()
    {
        QTest::addColumn<bool>("inGlobex");
        QTest::addColumn<QString>("statement");
        QTest::addColumn<QString>("refusal");
        const QString insert = QStringLiteral(
            "INSERT INTO feedback_events (id, tenant_id, investigation_id, event_type, event_data, "
            "actor_id, actor_type, created_at) VALUES (gen_random_uuid(), current_tenant(), "
            "gen_random_uuid(), '%1', '{\"rating\": 1, \"target_id\": \"h1\", \"text\": "
            "\"planted\"}', %2, '%3', %4)");
        const QString own = QStringLiteral("session_person()");
        QTest::newRow("a globex event")
            << true
            << insert.arg(QStringLiteral("comment.added"), own, QStringLiteral("user"),
                          QStringLiteral("now()"))
            << QStringLiteral("row-level security");
        QTest::newRow("feedback as bob")
            << false
            << insert.arg(QStringLiteral("feedback.hypothesis"),
                          QLatin1Char('\'') + text(m_bobPerson) + QLatin1Char('\''),
                          QStringLiteral("user"), QStringLiteral("now()"))
            << QStringLiteral("row-level security");
        QTest::newRow("feedback without actor")
            << false
            << insert.arg(QStringLiteral("feedback.hypothesis"), QStringLiteral("NULL"),
                          QStringLiteral("user"), QStringLiteral("now()"))
            << QStringLiteral("row-level security");
        QTest::newRow("a system event")
            << false
            << insert.arg(QStringLiteral("synthesis.generated"), own, QStringLiteral("system"),
                          QStringLiteral("now()"))
            << QStringLiteral("row-level security");
        QTest::newRow("an investigation as a user")
            << false
            << insert.arg(QStringLiteral("investigation.started"), own, QStringLiteral("user"),
                          QStringLiteral("now()"))
            << QStringLiteral("row-level security");
        QTest::newRow("next year")
            << false
            << insert.arg(QStringLiteral("feedback.hypothesis"), own, QStringLiteral("user"),
                          QStringLiteral("now() + interval '1 year'"))
            << QStringLiteral("5 minutes ahead");
        QTest::newRow("update the log")
            << false << QStringLiteral("UPDATE feedback_events SET event_data = '{}'")
            << QStringLiteral("permission denied");
        QTest::newRow("delete the log") << false << QStringLiteral("DELETE FROM feedback_events")
                                        << QStringLiteral("permission denied");
        QTest::newRow("truncate the log") << false << QStringLiteral("TRUNCATE feedback_events")
                                          << QStringLiteral("permission denied");
        QTest::newRow("disable the trigger")
            << false
            << QStringLiteral(
                   "ALTER TABLE feedback_events DISABLE TRIGGER feedback_events_append_only")
            << QStringLiteral("must be owner");
        QTest::newRow("replica mode")
            << false << QStringLiteral("SET session_replication_role = replica")
            << QStringLiteral("permission denied");
        QTest::newRow("forge knowledge elsewhere")
            << true
            << QStringLiteral(
                   "INSERT INTO dataset_findings (tenant_id, id, dataset_id, investigation_id, "
                   "finding_type, summary) VALUES (current_tenant(), gen_random_uuid(), "
                   "gen_random_uuid(), gen_random_uuid(), 'observation', 'planted')")
            << QStringLiteral("row-level security");
        QTest::newRow("a new person")
            << false
            << QStringLiteral("INSERT INTO people (tenant_id, id, handle, "
                              "display_name) VALUES (current_tenant(), "
                              "gen_random_uuid(), 'mallory', 'Mallory')")
            << QStringLiteral("permission denied");
        QTest::newRow("a grant for herself")
            << false
            << QStringLiteral("INSERT INTO access_grants (login, tenant_id, "
                              "person_id, level) SELECT current_user, "
                              "id, NULL, 'service' FROM tenants")
            << QStringLiteral("permission denied");
        QTest::newRow("the export key")
            << false << QStringLiteral("SELECT hmac_key FROM export_secret")
            << QStringLiteral("permission denied");
        QTest::newRow("the cross-tenant list")
            << false << QStringLiteral("SELECT * FROM training_export_tenants()")
            << QStringLiteral("permission denied");
    }

    void aliceCannotWriteOrPose()
    {
        QFETCH(bool, inGlobex);
        QFETCH(QString, statement);
        QFETCH(QString, refusal);
        SqlSession alice = as(m_alice);
        test::orThrow(
            alice.exec(QStringLiteral("SELECT set_config('knowledge.tenant_id', $1, false)"),
                       {inGlobex ? m_globex : m_acme}));
        const qint64 before
            = m_db->scalar(QStringLiteral("SELECT count(*) FROM feedback_events")).toLongLong();
        const QString error = test::errorOf(alice.exec(statement));
        QVERIFY2(error.contains(refusal),
                 qPrintable(error.isEmpty() ? QStringLiteral("accepted") : error));
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM feedback_events")).toLongLong(),
                 before);
        QCOMPARE(
            m_db->scalar(QStringLiteral("SELECT count(*) FROM dataset_findings WHERE summary = "
                                        "'planted'")),
            QStringLiteral("0"));
        QCOMPARE(
            m_db->scalar(QStringLiteral("SELECT string_agg(tgenabled::text, '') FROM pg_trigger "
                                        "WHERE tgrelid = 'feedback_events'::regclass")),
            QStringLiteral("AA"));
    }

    void aliceWritesHerOwnRating()
    {
        // The policy is not "refuse everything": her own feedback in her own tenant goes in.
        SqlSession alice = as(m_alice);
        test::orThrow(alice.exec(
            QStringLiteral("SELECT set_config('knowledge.tenant_id', $1, false)"), {m_acme}));
        const QString id = test::orThrow(alice.scalar(
            QStringLiteral("INSERT INTO feedback_events (id, tenant_id, investigation_id, "
                           "event_type, event_data, "
                           "actor_id, actor_type) VALUES (gen_random_uuid(), current_tenant(), $1, "
                           "'feedback.investigation', '{\"rating\": 1}', session_person(), 'user') "
                           "RETURNING id"),
            {m_acmeInvestigation}));
        QCOMPARE(
            m_db->scalar(QStringLiteral("SELECT p.handle FROM feedback_events e JOIN people p ON "
                                        "p.tenant_id = e.tenant_id AND p.id = e.actor_id WHERE "
                                        "e.id = $1"),
                         {id}),
            QStringLiteral("alice"));
    }

    void readerWritesNothing()
    {
        SqlSession carol = as(m_carol);
        test::orThrow(carol.exec(
            QStringLiteral("SELECT set_config('knowledge.tenant_id', $1, false)"), {m_acme}));
        QVERIFY(
            test::orThrow(carol.scalar(QStringLiteral("SELECT count(*) FROM dataset_knowledge")))
                .toInt()
            > 0);
        const QString error = test::errorOf(carol.exec(QStringLiteral(
            "INSERT INTO feedback_events (id, tenant_id, investigation_id, event_type, event_data, "
            "actor_id, actor_type) VALUES (gen_random_uuid(), current_tenant(), gen_random_uuid(), "
            "'comment.added', '{\"text\": \"x\"}', session_person(), 'user')")));
        QVERIFY2(error.contains(QLatin1String("permission denied")), qPrintable(error));
    }

    void pgTempHijackRunsAsAliceOnly()
    {
        // Review finding H1: a domain planted in pg_temp that shadows uuid/boolean, whose
        // CHECK would disable the append-only triggers when run with the owner's rights.
        SqlSession alice = as(m_alice);
        const QString schema = m_db->schema();
        test::orThrow(alice.exec(
            QStringLiteral(
                "CREATE FUNCTION pg_temp.pwn(pg_catalog.uuid) RETURNS boolean LANGUAGE sql "
                "AS $$ ALTER TABLE \"%1\".feedback_events DISABLE TRIGGER USER; "
                "ALTER ROLE \"%2\" SUPERUSER; SELECT true $$")
                .arg(schema, m_alice)));
        test::orThrow(alice.exec(QStringLiteral(
            "CREATE DOMAIN pg_temp.uuid AS pg_catalog.uuid CHECK (pg_temp.pwn(VALUE))")));
        test::orThrow(
            alice.exec(QStringLiteral("CREATE DOMAIN pg_temp.boolean AS pg_catalog.bool CHECK "
                                      "(pg_temp.pwn('00000000-0000-0000-0000-000000000000'))")));
        // Every function of the schema a login may call, with the planted types in reach.
        for (const QString &call :
             {QStringLiteral("resolve_tenant('00000000-0000-0000-0000-000000000000')"),
              QStringLiteral("resolve_tenant('acme')"), QStringLiteral("session_tenant()"),
              QStringLiteral("session_level()"), QStringLiteral("session_person()"),
              QStringLiteral("is_admin()"), QStringLiteral("granted_tenants()"),
              QStringLiteral("overview()"), QStringLiteral("current_tenant()")}) {
            (void)alice.scalar(QStringLiteral("SELECT \"%1\".%2").arg(schema, call));
        }
        (void)alice.scalar(
            QStringLiteral("SELECT count(*) FROM \"%1\".feedback_events").arg(schema));
        QCOMPARE(
            m_db->scalar(QStringLiteral("SELECT string_agg(tgenabled::text, '') FROM pg_trigger "
                                        "WHERE tgrelid = 'feedback_events'::regclass")),
            QStringLiteral("AA"));
        QCOMPARE(
            m_db->scalar(QStringLiteral("SELECT rolsuper::text FROM pg_roles WHERE rolname = $1"),
                         {m_alice}),
            QStringLiteral("false"));
    }

    void knowledgectlAsAliceIsRefusedGlobex()
    {
        const auto refused = runAs(m_alice, QStringLiteral("globex"),
                                   {QStringLiteral("knowledge"), QStringLiteral("public.orders")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(
            refused.err.contains(QStringLiteral("login %1 has no access to tenant globex — ask an "
                                                "administrator to run `knowledgectl access grant "
                                                "%1 --tenant globex`")
                                     .arg(m_alice)),
            qPrintable(refused.err));
        // Posing as bob in her own tenant is refused too; nothing is written.
        const qint64 before
            = m_db->scalar(QStringLiteral("SELECT count(*) FROM feedback_events")).toLongLong();
        const auto posing = runAs(m_alice, QStringLiteral("acme"),
                                  {QStringLiteral("comment"), QStringLiteral("--investigation"),
                                   text(m_acmeInvestigation), QStringLiteral("as bob"),
                                   QStringLiteral("--actor"), QStringLiteral("bob")});
        QCOMPARE(posing.exitCode, 1);
        QVERIFY2(posing.err.contains(QLatin1String("writes as its own person")),
                 qPrintable(posing.err));
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM feedback_events")).toLongLong(),
                 before);
        // Without --actor her comment is hers.
        const auto own = runAs(m_alice, QStringLiteral("acme"),
                               {QStringLiteral("comment"), QStringLiteral("--investigation"),
                                text(m_acmeInvestigation), QStringLiteral("mine")});
        QVERIFY2(own.exitCode == 0, qPrintable(own.err));
        QCOMPARE(
            m_db->scalar(QStringLiteral("SELECT p.handle FROM feedback_events e JOIN people p ON "
                                        "p.tenant_id = e.tenant_id AND p.id = e.actor_id WHERE "
                                        "e.event_data->>'text' = 'mine'")),
            QStringLiteral("alice"));
    }

    void aLoginTheServerRefusesIsNotOffline()
    {
        // The server answered and said no: an error to fix, not "offline" — nothing is queued.
        const QString nobody = m_db->schema() + QStringLiteral("_nobody");
        auto db = Database::connect(m_db->settingsAs(nobody, QStringLiteral("acme")));
        QVERIFY(!db);
        QVERIFY2(db.error().is(ErrorCode::Unauthorized), qPrintable(db.error().message));
        QVERIFY2(db.error().message.contains(QLatin1String("refused the login")),
                 qPrintable(db.error().message));
        const auto rated
            = runAs(nobody, QStringLiteral("acme"),
                    {QStringLiteral("feedback"), QStringLiteral("--target-type"),
                     QStringLiteral("investigation"), QStringLiteral("--investigation"),
                     text(m_acmeInvestigation), QStringLiteral("--rating"), QStringLiteral("1")});
        QCOMPARE(rated.exitCode, 1);
        QVERIFY2(rated.err.contains(QLatin1String("refused the login"))
                     && !rated.out.contains(QLatin1String("queued")),
                 qPrintable(rated.out + rated.err));
    }

    void theClientOffersTheGrantedTenants()
    {
        auto db = Database::connect(m_db->settingsAs(m_alice, QStringLiteral("acme")));
        QVERIFY2(db, qPrintable(test::errorOf(db)));
        QCOMPARE((*db)->accessLevel(), Database::AccessLevel::Member);
        QCOMPARE((*db)->login(), m_alice);
        auto tenants = (*db)->tenants();
        QVERIFY2(tenants, qPrintable(test::errorOf(tenants)));
        QCOMPARE(tenants->size(), 1);
        QCOMPARE(tenants->first().slug, QStringLiteral("acme"));
        // `status` counts her tenant's events (and no other tenant's).
        const auto status
            = runAs(m_alice, {}, {QStringLiteral("status"), QStringLiteral("--json")});
        QVERIFY2(status.exitCode == 0, qPrintable(status.err));
        const QString acmeEvents = m_db->scalar(
            QStringLiteral("SELECT count(*) FROM feedback_events WHERE tenant_id = $1"), {m_acme});
        QVERIFY2(status.out.contains(QStringLiteral("\"events\": %1").arg(acmeEvents))
                     && !status.out.contains(QLatin1String("globex")),
                 qPrintable(status.out));
        // The product's own reads and writes as her: the staging path of emitBatch (COPY is
        // refused under row-level security), idempotent, and confined to acme.
        EventLog log(**db);
        const QUuid inv = createUuidV7();
        std::vector<Event> batch(3);
        for (int i = 0; i < 3; ++i) {
            batch[i].investigationId = inv;
            batch[i].eventType = QStringLiteral("comment.added");
            batch[i].data = QJsonObject{{QStringLiteral("text"), QStringLiteral("note %1").arg(i)}};
        }
        auto written = log.emitBatch(batch);
        QVERIFY2(written, qPrintable(test::errorOf(written)));
        QCOMPARE(*written, qsizetype(3));
        auto again = log.emitBatch(batch);
        QVERIFY2(again, qPrintable(test::errorOf(again)));
        QCOMPARE(*again, qsizetype(0));
        const QString globexEvent = m_db->scalar(
            QStringLiteral("SELECT id FROM feedback_events WHERE tenant_id = $1 LIMIT 1"),
            {m_globex});
        auto other = log.find(QUuid::fromString(globexEvent));
        QVERIFY(other && !other->has_value());
    }

    void theOwnerSelectsAnyTenantAndRevokeTakesAccessAway()
    {
        // The owner needs no grant.
        auto owner = m_db->connect(QStringLiteral("globex"), {}, test::TestDatabase::As::Owner);
        QVERIFY2(owner, qPrintable(test::TestDatabase::error()));
        QCOMPARE(owner->accessLevel(), Database::AccessLevel::Owner);
        // access list shows the grants; a non-owner may not run it.
        const auto list = m_db->run(
            QStringLiteral("knowledgectl"),
            {QStringLiteral("access"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(list.exitCode == 0, qPrintable(list.err));
        QVERIFY2(list.out.contains(m_alice) && list.out.contains(m_bob), qPrintable(list.out));
        const auto notOwner
            = runAs(m_alice, {}, {QStringLiteral("access"), QStringLiteral("list")});
        QCOMPARE(notOwner.exitCode, 1);
        QVERIFY2(notOwner.err.contains(QLatin1String("is for the owner")),
                 qPrintable(notOwner.err));
        // Clear refusals for a login that does not exist and a role that cannot log in.
        const auto missing = m_db->run(QStringLiteral("knowledgectl"),
                                       {QStringLiteral("access"), QStringLiteral("grant"),
                                        m_db->schema() + QStringLiteral("_nobody"),
                                        QStringLiteral("--tenant"), QStringLiteral("acme")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QLatin1String("there is no login role")),
                 qPrintable(missing.err));
        const auto group = m_db->run(QStringLiteral("knowledgectl"),
                                     {QStringLiteral("access"), QStringLiteral("grant"),
                                      Access::groupRole(m_db->schema(), QStringLiteral("member")),
                                      QStringLiteral("--tenant"), QStringLiteral("acme")});
        QCOMPARE(group.exitCode, 1);
        QVERIFY2(group.err.contains(QLatin1String("cannot log in")), qPrintable(group.err));

        // bob loses globex: his next connection is refused, and hand-written SQL sees nothing.
        const auto revoked = m_db->run(QStringLiteral("knowledgectl"),
                                       {QStringLiteral("access"), QStringLiteral("revoke"), m_bob,
                                        QStringLiteral("--tenant"), QStringLiteral("globex")});
        QVERIFY2(revoked.exitCode == 0, qPrintable(revoked.err));
        auto bob = Database::connect(m_db->settingsAs(m_bob, QStringLiteral("globex")));
        QVERIFY(!bob);
        QVERIFY2(bob.error().is(ErrorCode::NoAccess), qPrintable(bob.error().message));
        QCOMPARE(
            m_db->scalar(QStringLiteral("SELECT count(*) FROM pg_auth_members m JOIN pg_roles r ON "
                                        "r.oid = m.member WHERE r.rolname = $1"),
                         {m_bob}),
            QStringLiteral("0"));
    }

private:
    SqlSession as(const QString &login) const
    {
        return test::orThrow(SqlSession::open(m_db->settingsAs(login).databaseUrl, m_db->schema()));
    }

    test::TestDatabase::Run runAs(const QString &login, const QString &tenant,
                                  const QStringList &args) const
    {
        QStringList all = args;
        all << QStringLiteral("--database") << m_db->settingsAs(login).databaseUrl;
        if (!tenant.isEmpty())
            all << QStringLiteral("--tenant") << tenant;
        return m_db->run(QStringLiteral("knowledgectl"), all);
    }

    QStringList tenantTables() const
    {
        const auto rows = m_db->rows(
            QStringLiteral(
                "SELECT c.relname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND "
                "a.attname = 'tenant_id' WHERE c.relnamespace = $1::regnamespace AND c.relkind = "
                "'r' "
                // Not readable by any login but the owner (own tests below and in
                // tst_httpservice): the grants and the API keys.
                "AND c.relname NOT IN ('access_grants', 'api_keys') ORDER BY 1"),
            {m_db->schema()});
        QStringList out;
        for (const auto &r : rows)
            out << r.first();
        return out;
    }

    QUuid m_acme;
    QUuid m_globex;
    QUuid m_bobPerson;
    QUuid m_acmeInvestigation;
    QString m_alice;
    QString m_bob;
    QString m_carol;
};

QTEST_GUILESS_MAIN(TestTenantIsolation)
#include "tst_tenantisolation.moc"
