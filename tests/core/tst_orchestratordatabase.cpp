// A database laid out the way an existing investigation orchestrator fills it: its own
// tenants, its events table (public.investigation_feedback_events in real life; a schema of
// this test here), its dataset catalog, the dataset named only inside events — sometimes by
// name, sometimes by catalog UUID — and feedback carrying only investigation_id and target_id.
// knowledgectl must work on it as is, give the right counts, and leave the orchestrator's
// tables unchanged.

#include "access.h"
#include "databasetestcase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ke;

namespace {

QJsonObject jsonOf(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace

class TestOrchestratorDatabase : public test::DatabaseTestCase
{
    Q_OBJECT

private:
    QString m_orch; // the orchestrator's schema
    QString m_events;
    QUuid m_tenant = QUuid::createUuid();
    QUuid m_ordersId = QUuid::createUuid(); // public.orders in the catalog
    QUuid m_unknownDataset = QUuid::createUuid(); // named by UUID, in no catalog
    QUuid m_alice = QUuid::createUuid();

    // The worker (a service login for every tenant) runs the jobs and registers the
    // orchestrator's tenants; a person (a member login) reads.
    test::TestDatabase::Run ctl(QStringList args, const QString &tenant = {})
    {
        const bool job = args.first() == QLatin1String("aggregate")
            || args.first() == QLatin1String("status") || tenant.isEmpty();
        const bool admin = args.first() == QLatin1String("tenant"); // naming tenants: the owner
        args << QStringLiteral("--events-table") << m_events;
        return m_db->run(QStringLiteral("knowledgectl"), args, {}, tenant, {},
                         admin     ? test::TestDatabase::As::Owner
                             : job ? test::TestDatabase::As::Worker
                                   : test::TestDatabase::As::Member);
    }

    QString orchestratorTables()
    {
        return m_db->scalar(
            QStringLiteral("SELECT md5(string_agg(x, ',' ORDER BY x)) FROM ("
                           " SELECT t::text AS x FROM %1.tenants t UNION ALL"
                           " SELECT d::text FROM %1.datasets d UNION ALL"
                           " SELECT e::text FROM %1.investigation_feedback_events e) a")
                .arg(m_orch));
    }

    void event(const QUuid &inv, const QString &type, const QString &data, int at,
               const QUuid &actor = {})
    {
        m_db->scalar(
            QStringLiteral("INSERT INTO %1 (id, tenant_id, investigation_id, dataset_id,"
                           " event_type, event_data, actor_id, actor_type, created_at)"
                           " VALUES (gen_random_uuid(), '%2', '%3', NULL, '%4', '%5', %6,"
                           " '%7', '2026-03-01 00:00:00+00'::timestamptz + interval '%8 s')"
                           " RETURNING 1")
                .arg(m_events, m_tenant.toString(QUuid::WithoutBraces),
                     inv.toString(QUuid::WithoutBraces), type, data,
                     actor.isNull()
                         ? QStringLiteral("NULL")
                         : QStringLiteral("'%1'").arg(actor.toString(QUuid::WithoutBraces)),
                     actor.isNull() ? QStringLiteral("system") : QStringLiteral("user"))
                .arg(at));
    }

    void investigation(const QString &datasetRef, int at, int ratingsUp, int ratingsDown)
    {
        const QUuid inv = QUuid::createUuid();
        event(inv, QStringLiteral("investigation.started"),
              QStringLiteral(R"({"dataset_id": "%1", "alert": {"metric": "row_count"}})")
                  .arg(datasetRef),
              at);
        // Orchestrators repeat the start with context.
        event(inv, QStringLiteral("investigation.started"),
              QStringLiteral(R"({"tables_found": ["orders"]})"), at + 1);
        event(inv, QStringLiteral("investigation.completed"),
              QStringLiteral(
                  R"({"root_cause": "late batch", "confidence": 0.8, "duration_seconds": 12})"),
              at + 2);
        for (int i = 0; i < ratingsUp + ratingsDown; ++i)
            event(inv, QStringLiteral("feedback.investigation"),
                  QStringLiteral(R"({"target_id": "%1", "rating": %2})")
                      .arg(inv.toString(QUuid::WithoutBraces))
                      .arg(i < ratingsUp ? 1 : -1),
                  at + 3 + i, QUuid::createUuid());
    }

private Q_SLOTS:
    void initTestCase()
    {
        KE_CREATE_TEST_DATABASE("orch");
        m_orch = m_db->schema() + QStringLiteral("_orch");
        m_events = m_orch + QStringLiteral(".investigation_feedback_events");
        m_db->scalar(QStringLiteral("CREATE SCHEMA %1").arg(m_orch));
        m_db->scalar(
            QStringLiteral(
                "CREATE TABLE %1.tenants (id uuid PRIMARY KEY, name text NOT NULL);"
                "CREATE TABLE %1.datasets (id uuid PRIMARY KEY, tenant_id uuid NOT NULL,"
                " native_path text NOT NULL, name text NOT NULL);"
                "CREATE TABLE %1.investigation_feedback_events (id uuid PRIMARY KEY,"
                " tenant_id uuid NOT NULL, investigation_id uuid NOT NULL, dataset_id uuid,"
                " event_type varchar NOT NULL, event_data jsonb NOT NULL, actor_id uuid,"
                " actor_type varchar NOT NULL, created_at timestamptz NOT NULL)")
                .arg(m_orch));
        m_db->scalar(QStringLiteral("INSERT INTO %1.tenants VALUES ('%2', 'Wayne Enterprises');"
                                    "INSERT INTO %1.datasets VALUES ('%3', '%2', 'public.orders',"
                                    " 'orders'), (gen_random_uuid(), '%2', 'public.customers',"
                                    " 'customers')")
                         .arg(m_orch, m_tenant.toString(QUuid::WithoutBraces),
                              m_ordersId.toString(QUuid::WithoutBraces)));
        // public.orders by name (2 up, 1 down) and by catalog UUID (1 up); one dataset only
        // ever named by a UUID no catalog knows (1 down).
        investigation(QStringLiteral("public.orders"), 0, 2, 1);
        investigation(m_ordersId.toString(QUuid::WithoutBraces), 100, 1, 0);
        investigation(m_unknownDataset.toString(QUuid::WithoutBraces), 200, 0, 1);
        // The orchestrator's administrator lets the product's group roles read its tables
        // (README, "Access and deployment"); its tenant isolation is the orchestrator's own.
        QStringList groups;
        for (const QString &level : Access::levels())
            groups << QLatin1Char('"') + Access::groupRole(m_db->schema(), level)
                    + QLatin1Char('"');
        m_db->exec(QStringLiteral("GRANT USAGE ON SCHEMA %1 TO %2; GRANT SELECT ON ALL TABLES IN "
                                  "SCHEMA %1 TO %2")
                       .arg(m_orch, groups.join(QLatin1Char(','))));
    }

    void cleanupTestCase()
    {
        if (m_db)
            m_db->scalar(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(m_orch));
    }

    // The tenant is the orchestrator's: `status` lists it as seen but not registered, and
    // `--tenant <UUID> aggregate` registers it with a readable slug and works.
    void tenantOfTheOrchestratorWorks()
    {
        const QString before = orchestratorTables();
        const QString tenant = m_tenant.toString(QUuid::WithoutBraces);
        auto status = ctl({QStringLiteral("status"), QStringLiteral("--json")});
        QVERIFY2(status.exitCode == 0, qPrintable(status.err));
        const QJsonObject seen
            = jsonOf(status.out).value(QLatin1String("tenants")).toArray().first().toObject();
        QCOMPARE(seen.value(QLatin1String("id")).toString(), tenant);
        QCOMPARE(seen.value(QLatin1String("registered")).toBool(), false);

        auto agg = ctl({QStringLiteral("aggregate")}, tenant);
        QVERIFY2(agg.exitCode == 0, qPrintable(agg.err));
        QCOMPARE(
            m_db->scalar(QStringLiteral("SELECT slug FROM tenants WHERE id = '%1'").arg(tenant)),
            QStringLiteral("wayne-enterprises"));

        // Without the catalog, the UUID-named investigations are their own datasets.
        auto k = ctl({QStringLiteral("knowledge"), QStringLiteral("public.orders"),
                      QStringLiteral("--json")},
                     QStringLiteral("wayne-enterprises"));
        QVERIFY2(k.exitCode == 0, qPrintable(k.err));
        QJsonObject o = jsonOf(k.out);
        QCOMPARE(o.value(QLatin1String("investigation_count")).toInt(), 1);
        QCOMPARE(o.value(QLatin1String("positive_feedback_count")).toInt(), 2);
        QCOMPARE(o.value(QLatin1String("negative_feedback_count")).toInt(), 1);
        auto unnamed = ctl({QStringLiteral("knowledge"), m_ordersId.toString(QUuid::WithoutBraces),
                            QStringLiteral("--json")},
                           tenant);
        QVERIFY2(unnamed.exitCode == 0, qPrintable(unnamed.err));
        o = jsonOf(unnamed.out);
        QCOMPARE(
            o.value(QLatin1String("name")).toString(),
            QStringLiteral("unnamed dataset %1").arg(m_ordersId.toString(QUuid::WithoutBraces)));
        QCOMPARE(o.value(QLatin1String("investigation_count")).toInt(), 1);

        status = ctl({QStringLiteral("status"), QStringLiteral("--json")});
        QVERIFY2(status.exitCode == 0, qPrintable(status.err));
        QCOMPARE(jsonOf(status.out)
                     .value(QLatin1String("tenants"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QLatin1String("registered"))
                     .toBool(),
                 true);
        QCOMPARE(orchestratorTables(), before);
    }

    // With the catalog configured, public.orders named by name and by catalog UUID is one
    // dataset with both investigations' knowledge; the unnamed placeholder takes its name.
    void catalogJoinsNameAndUuid()
    {
        const QString before = orchestratorTables();
        const QStringList catalog{QStringLiteral("--datasets-table"),
                                  m_orch + QStringLiteral(".datasets")};
        auto agg = ctl(QStringList{QStringLiteral("aggregate")} + catalog,
                       QStringLiteral("wayne-enterprises"));
        QVERIFY2(agg.exitCode == 0, qPrintable(agg.err));
        QVERIFY2(agg.out.contains(QLatin1String("full rebuild")), qPrintable(agg.out));
        auto k = ctl(QStringList{QStringLiteral("knowledge"), QStringLiteral("public.orders"),
                                 QStringLiteral("--json")}
                         + catalog,
                     QStringLiteral("wayne-enterprises"));
        QVERIFY2(k.exitCode == 0, qPrintable(k.err));
        const QJsonObject o = jsonOf(k.out);
        QCOMPARE(o.value(QLatin1String("investigation_count")).toInt(), 2);
        QCOMPARE(o.value(QLatin1String("positive_feedback_count")).toInt(), 3);
        QCOMPARE(o.value(QLatin1String("negative_feedback_count")).toInt(), 1);
        // One dataset named public.orders, no unnamed copy of it left.
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT string_agg(name, ',' ORDER BY name) FROM"
                                             " datasets WHERE tenant_id = '%1'")
                                  .arg(m_tenant.toString(QUuid::WithoutBraces))),
                 QStringLiteral("%1,public.orders")
                     .arg(m_unknownDataset.toString(QUuid::WithoutBraces)));
        // The dataset no catalog knows still counts, as an unnamed dataset.
        auto unknown = ctl(QStringList{QStringLiteral("knowledge"),
                                       m_unknownDataset.toString(QUuid::WithoutBraces),
                                       QStringLiteral("--json")}
                               + catalog,
                           QStringLiteral("wayne-enterprises"));
        QVERIFY2(unknown.exitCode == 0, qPrintable(unknown.err));
        QCOMPARE(jsonOf(unknown.out).value(QLatin1String("negative_feedback_count")).toInt(), 1);
        QCOMPARE(orchestratorTables(), before);

        // A catalog that lacks the name column says so.
        auto bad = ctl(
            QStringList{QStringLiteral("aggregate")} + catalog
                + QStringList{QStringLiteral("--datasets-name-column"), QStringLiteral("path")},
            QStringLiteral("wayne-enterprises"));
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains(QLatin1String("needs the columns id, tenant_id and path")),
                 qPrintable(bad.err));
    }

    // `tenant add SLUG --id UUID` names a registered tenant explicitly.
    void tenantAddNamesAnId()
    {
        auto named = ctl({QStringLiteral("tenant"), QStringLiteral("add"), QStringLiteral("wayne"),
                          QStringLiteral("--id"), m_tenant.toString(QUuid::WithoutBraces)});
        QVERIFY2(named.exitCode == 0, qPrintable(named.err));
        QCOMPARE(named.out.trimmed(), m_tenant.toString(QUuid::WithoutBraces));
        auto k = ctl({QStringLiteral("knowledge"), QStringLiteral("public.orders"),
                      QStringLiteral("--json")},
                     QStringLiteral("wayne"));
        QVERIFY2(k.exitCode == 0, qPrintable(k.err));
        // A slug that names another tenant is refused, and nothing changes.
        auto other
            = ctl({QStringLiteral("tenant"), QStringLiteral("add"), QStringLiteral("other")});
        QVERIFY2(other.exitCode == 0, qPrintable(other.err));
        auto clash = ctl({QStringLiteral("tenant"), QStringLiteral("add"), QStringLiteral("other"),
                          QStringLiteral("--id"), m_tenant.toString(QUuid::WithoutBraces)});
        QCOMPARE(clash.exitCode, 1);
        QVERIFY2(clash.err.contains(QLatin1String("already names tenant")), qPrintable(clash.err));
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT slug FROM tenants WHERE id = '%1'")
                                  .arg(m_tenant.toString(QUuid::WithoutBraces))),
                 QStringLiteral("wayne"));
        auto unknownTenant = ctl({QStringLiteral("aggregate")},
                                 QUuid::createUuid().toString(QUuid::WithoutBraces));
        QCOMPARE(unknownTenant.exitCode, 1);
        QVERIFY2(unknownTenant.err.contains(QLatin1String("unknown tenant")),
                 qPrintable(unknownTenant.err));
    }
};

QTEST_GUILESS_MAIN(TestOrchestratorDatabase)
#include "tst_orchestratordatabase.moc"
