// Tenant isolation: row-level security proven with a role that does not own the tables (the
// owner and superusers bypass RLS), plus the product's own reads never crossing tenants.

#include "connectionsettings.h"
#include "database.h"
#include "eventlog.h"
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

class TestTenantIsolation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_db = test::TestDatabase::create(QStringLiteral("tenantisolation"));
        QVERIFY2(m_db, qPrintable(test::TestDatabase::error()));
        m_a = m_db->createTenant(QStringLiteral("acme"));
        m_b = m_db->createTenant(QStringLiteral("globex"));
        m_role = m_db->schema() + QStringLiteral("_app");

        // Events and datasets in both tenants, written through the product.
        for (const QUuid &tenant : {m_a, m_b}) {
            auto conn = m_db->connect(text(tenant), QStringLiteral("alice"));
            QVERIFY2(conn, qPrintable(test::TestDatabase::error()));
            EventLog log(*conn);
            const QUuid inv = createUuidV7();
            Event e;
            e.investigationId = inv;
            e.eventType = QStringLiteral("comment.added");
            e.data = QJsonObject{
                {QStringLiteral("text"), QStringLiteral("secret of %1").arg(text(tenant))}};
            auto w = log.emit(e);
            QVERIFY2(w, qPrintable(w ? QString() : w.error().message));
            if (tenant == m_b) {
                m_bEvent = e.id;
                m_bInvestigation = inv;
            }
            m_db->scalar(QStringLiteral("INSERT INTO datasets (tenant_id, id, name) VALUES ('%1', "
                                        "gen_random_uuid(), 'public.orders')")
                             .arg(text(tenant)));
        }

        // A role that is not the owner: RLS applies to it.
        m_db->scalar(QStringLiteral("CREATE ROLE \"%1\" NOLOGIN").arg(m_role));
        m_db->scalar(
            QStringLiteral("GRANT USAGE ON SCHEMA \"%1\" TO \"%2\"").arg(m_db->schema(), m_role));
        m_db->scalar(QStringLiteral("GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA \"%1\" TO \"%2\"")
                         .arg(m_db->schema(), m_role));
    }

    void cleanupTestCase()
    {
        if (!m_db || m_role.isEmpty())
            return;
        const auto dropped = m_db->admin().exec(
            QStringLiteral("RESET ROLE; DROP OWNED BY \"%1\"; DROP ROLE IF EXISTS \"%1\"")
                .arg(m_role));
        if (!dropped)
            qWarning("could not drop role %s: %s", qPrintable(m_role),
                     qPrintable(dropped.error().message));
    }

    void theDataExistsForTheOwner()
    {
        // Without this, "0 rows" below would prove nothing.
        QCOMPARE(m_db->scalar(QStringLiteral(
                                  "SELECT count(*) FROM feedback_events WHERE tenant_id = '%1'")
                                  .arg(text(m_b)))
                     .toInt(),
                 1);
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM datasets WHERE tenant_id = '%1'")
                                  .arg(text(m_b)))
                     .toInt(),
                 1);
    }

    void handWrittenSqlSeesOnlyItsTenant()
    {
        m_db->exec(QStringLiteral("SET ROLE \"%1\"").arg(m_role));
        auto reset = qScopeGuard([&] { (void)m_db->admin().exec(QStringLiteral("RESET ROLE")); });
        m_db->exec(QStringLiteral("SELECT set_config('knowledge.tenant_id', $1, false)"), {m_a});

        auto count = [&](const QString &q, const QUuid &tenant = {}) {
            return m_db->scalar(q, tenant.isNull() ? SqlParams{} : SqlParams{tenant}).toInt();
        };
        const QString events = QStringLiteral("SELECT count(*) FROM feedback_events");
        const QString datasets = QStringLiteral("SELECT count(*) FROM datasets");
        const QString ofTenant = QStringLiteral(" WHERE tenant_id = $1");
        QCOMPARE(count(events + ofTenant, m_b), 0);
        QCOMPARE(count(datasets + ofTenant, m_b), 0);
        QCOMPARE(count(events + ofTenant, m_a), 1);
        QCOMPARE(count(datasets + ofTenant, m_a), 1);
        // Not even without a filter, nor by id.
        QCOMPARE(count(events), 1);
        QCOMPARE(count(events + QStringLiteral(" WHERE id = $1"), m_bEvent), 0);
    }

    void writingIntoAnotherTenantIsRefused_data()
    {
        QTest::addColumn<QString>("statement");
        QTest::newRow("event") << QStringLiteral(
            "INSERT INTO feedback_events (id, tenant_id, investigation_id, event_type, event_data, "
            "actor_type) VALUES (gen_random_uuid(), '%1', gen_random_uuid(), 'comment.added', "
            "'{\"text\": \"planted\"}', 'user')");
        QTest::newRow("dataset") << QStringLiteral(
            "INSERT INTO datasets (tenant_id, id, name) VALUES ('%1', gen_random_uuid(), "
            "'public.planted')");
    }

    void writingIntoAnotherTenantIsRefused()
    {
        QFETCH(QString, statement);
        m_db->exec(QStringLiteral("SET ROLE \"%1\"").arg(m_role));
        m_db->exec(QStringLiteral("SELECT set_config('knowledge.tenant_id', $1, false)"), {m_a});
        const QString error = test::errorOf(m_db->admin().exec(statement.arg(text(m_b))));
        m_db->exec(QStringLiteral("RESET ROLE"));
        QVERIFY2(error.contains(QLatin1String("row-level security")), qPrintable(error));
        QCOMPARE(
            m_db
                ->scalar(QStringLiteral(
                    "SELECT count(*) FROM feedback_events WHERE event_data->>'text' = 'planted'"))
                .toInt(),
            0);
        QCOMPARE(m_db->scalar(QStringLiteral(
                                  "SELECT count(*) FROM datasets WHERE name = 'public.planted'"))
                     .toInt(),
                 0);
    }

    void ownTenantWritesAreAllowed()
    {
        // The policy is not simply "refuse everything": the role may write its own tenant.
        test::orThrow(m_db->admin().begin());
        auto abort = qScopeGuard([&] { (void)m_db->admin().rollback(); });
        m_db->exec(QStringLiteral("SET LOCAL ROLE \"%1\"").arg(m_role));
        m_db->exec(QStringLiteral("SELECT set_config('knowledge.tenant_id', $1, true)"), {m_a});
        const qint64 inserted = m_db->exec(QStringLiteral("INSERT INTO datasets (tenant_id, id, "
                                                          "name) VALUES ($1, gen_random_uuid(), "
                                                          "'public.own')"),
                                           {m_a});
        QCOMPARE(int(inserted), 1);
    }

    void noTenantSettingSeesNothing()
    {
        m_db->exec(QStringLiteral("SET ROLE \"%1\"").arg(m_role));
        auto reset = qScopeGuard([&] { (void)m_db->admin().exec(QStringLiteral("RESET ROLE")); });
        m_db->exec(QStringLiteral("SELECT set_config('knowledge.tenant_id', '', false)"));
        auto count = [&](const char *table) {
            return m_db->scalar(QStringLiteral("SELECT count(*) FROM ") + QLatin1String(table))
                .toInt();
        };
        QCOMPARE(count("feedback_events"), 0);
        QCOMPARE(count("datasets"), 0);
        QCOMPARE(count("tenants"), 0);
        m_db->exec(QStringLiteral("RESET knowledge.tenant_id"));
        QCOMPARE(count("feedback_events"), 0);
    }

    void productConnectionNeverReturnsAnotherTenantsEvents()
    {
        // The product's connection here is the owner (RLS bypassed): its reads must filter by
        // tenant themselves.
        auto conn = m_db->connect(QStringLiteral("acme"));
        QVERIFY2(conn, qPrintable(test::TestDatabase::error()));
        EventLog log(*conn);
        auto byId = log.find(m_bEvent);
        QVERIFY(byId);
        QVERIFY(!byId->has_value());
        auto byInvestigation = log.investigation(m_bInvestigation);
        QVERIFY(byInvestigation);
        QVERIFY(byInvestigation->empty());
        auto counts = log.countsByType();
        QVERIFY(counts);
        QCOMPARE(counts->size(), 1);
        QCOMPARE(counts->first().second, qint64(1));

        // And B's connection does see it.
        auto connB = m_db->connect(QStringLiteral("globex"));
        QVERIFY(connB);
        EventLog logB(*connB);
        auto mine = logB.find(m_bEvent);
        QVERIFY(mine && mine->has_value());
    }

    void nonOwnerProductConnectionWritesAndReadsItsTenant()
    {
        // The product itself connected as the non-owner role: RLS applies, COPY into the
        // table is not allowed under RLS, so emitBatch must take its staging path.
        m_db->scalar(QStringLiteral("ALTER ROLE \"%1\" LOGIN").arg(m_role));
        ConnectionSettings s = m_db->settings(QStringLiteral("acme"), QStringLiteral("bob"));
        const QString user = QStringLiteral("user=") + m_role;
        if (s.databaseUrl.contains(QLatin1String("://")))
            s.databaseUrl
                += (s.databaseUrl.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?'))
                + user;
        else
            s.databaseUrl += QLatin1Char(' ') + user;
        auto db = Database::connect(s);
        QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
        EventLog log(**db);
        const QUuid inv = createUuidV7();
        std::vector<Event> batch;
        for (int i = 0; i < 3; ++i) {
            Event e;
            e.investigationId = inv;
            e.eventType = QStringLiteral("comment.added");
            e.data = QJsonObject{{QStringLiteral("text"), QStringLiteral("note %1").arg(i)}};
            batch.push_back(e);
        }
        auto written = log.emitBatch(batch);
        QVERIFY2(written, qPrintable(written ? QString() : written.error().message));
        QCOMPARE(*written, qsizetype(3));
        auto again = log.emitBatch(batch);
        QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
        QCOMPARE(*again, qsizetype(0));
        Event single = batch.front();
        single.id = QUuid();
        auto one = log.emit(single);
        QVERIFY2(one && *one, qPrintable(one ? QString() : one.error().message));
        auto all = log.investigation(inv);
        QVERIFY(all);
        QCOMPARE(all->size(), size_t(4));
        auto other = log.find(m_bEvent);
        QVERIFY(other);
        QVERIFY(!other->has_value());
        QCOMPARE(
            m_db->scalar(QStringLiteral("SELECT count(DISTINCT tenant_id) FROM feedback_events "
                                        "WHERE investigation_id = '%1'")
                             .arg(text(inv))),
            QStringLiteral("1"));
    }

private:
    std::unique_ptr<test::TestDatabase> m_db;
    QUuid m_a;
    QUuid m_b;
    QUuid m_bEvent;
    QUuid m_bInvestigation;
    QString m_role;
};

QTEST_GUILESS_MAIN(TestTenantIsolation)
#include "tst_tenantisolation.moc"
