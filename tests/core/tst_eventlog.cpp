// The event log against the real PostgreSQL: emit / emitBatch / reads, idempotence,
// all-or-nothing batches, unknown types kept untouched, append-only refusal, the
// events-table configuration (an orchestrator's table), and `knowledgectl emit`.

#include "access.h"
#include "database.h"
#include "databasetestcase.h"
#include "eventlog.h"
#include "uuid.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryFile>
#include <QTest>
#include <QTimeZone>

#include <algorithm>

using namespace ke;

namespace {

Event feedback(const QUuid &investigation, int rating = 1)
{
    Event e;
    e.investigationId = investigation;
    e.eventType = QStringLiteral("feedback.hypothesis");
    e.data = QJsonObject{
        {QStringLiteral("target_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {QStringLiteral("rating"), rating},
        {QStringLiteral("reason"), QStringLiteral("Key insight")}};
    return e;
}

/// `n` thumbs-up feedback events (each on a target of its own) in one investigation.
std::vector<Event> feedbackBatch(const QUuid &investigation, int n)
{
    std::vector<Event> batch;
    for (int i = 0; i < n; ++i)
        batch.push_back(feedback(investigation));
    return batch;
}

QString text(const QUuid &u)
{
    return u.toString(QUuid::WithoutBraces);
}

QByteArray jsonLine(const Event &e)
{
    return QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace

class TestEventLog : public test::DatabaseTestCase
{
    Q_OBJECT

private:
    /// How many events of investigation `inv` are stored.
    int eventsIn(const QUuid &inv)
    {
        return m_db
            ->scalar(QStringLiteral("SELECT count(*) FROM feedback_events WHERE "
                                    "investigation_id = '%1'")
                         .arg(text(inv)))
            .toInt();
    }

private Q_SLOTS:
    void initTestCase()
    {
        KE_CREATE_TEST_DATABASE("eventlog");
        m_tenant = m_db->createTenant(QStringLiteral("acme"));
        m_other = m_db->createTenant(QStringLiteral("globex"));
        m_conn = m_db->connect(QStringLiteral("acme"), QStringLiteral("alice"));
        QVERIFY2(m_conn, qPrintable(test::TestDatabase::error()));
    }

    void emitThenFind()
    {
        EventLog log(*m_conn);
        const QUuid inv = createUuidV7();
        Event e = feedback(inv);
        auto written = log.emit(e);
        QVERIFY2(written, qPrintable(test::errorOf(written)));
        QVERIFY(*written);
        QVERIFY(!e.id.isNull());
        QCOMPARE(e.tenantId, m_tenant);
        QCOMPARE(e.actorId, m_conn->actorId());
        QVERIFY(!e.actorId.isNull());

        auto found = log.find(e.id);
        QVERIFY(found);
        QVERIFY(found->has_value());
        const Event &f = **found;
        QCOMPARE(f.eventType, e.eventType);
        QCOMPARE(f.data, e.data);
        QCOMPARE(f.investigationId, inv);
        QCOMPARE(f.tenantId, m_tenant);
        QCOMPARE(f.actorType, QStringLiteral("user"));
        QVERIFY(f.datasetId.isNull());
        QCOMPARE(f.createdAt, e.createdAt);

        auto all = log.investigation(inv);
        QVERIFY(all);
        QCOMPARE(all->size(), size_t(1));

        auto missing = log.find(QUuid::createUuid());
        QVERIFY(missing);
        QVERIFY(!missing->has_value());
    }

    void reEmittingAnIdIsANoOp()
    {
        EventLog log(*m_conn);
        Event e = feedback(createUuidV7());
        QVERIFY(log.emit(e).value());
        Event again = e;
        auto second = log.emit(again);
        QVERIFY(second);
        QVERIFY(!*second);
        QCOMPARE(countOf(e.id), 1);
    }

    void emitRefusesAnotherTenantsEvent()
    {
        EventLog log(*m_conn);
        Event e = feedback(createUuidV7());
        e.tenantId = m_other;
        auto r = log.emit(e);
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(text(m_other)), qPrintable(r.error().message));
        QCOMPARE(countOf(e.id), 0);
    }

    void emitRefusesAnInvalidEvent()
    {
        EventLog log(*m_conn);
        Event e = feedback(createUuidV7(), 5);
        auto r = log.emit(e);
        QVERIFY(!r);
        QCOMPARE(r.error().message,
                 QStringLiteral("feedback.hypothesis: rating must be 1 or -1, got 5"));
        QCOMPARE(countOf(e.id), 0);
    }

    void batchWithOneBadEventWritesNothing()
    {
        EventLog log(*m_conn);
        const QUuid inv = createUuidV7();
        std::vector<Event> batch = feedbackBatch(inv, 5);
        batch[2].data.insert(QStringLiteral("rating"), 0);
        batch[4].data.remove(QStringLiteral("target_id"));
        auto r = log.emitBatch(batch);
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(
                     QLatin1String("event 3: feedback.hypothesis: rating must be 1 or -1, got 0")),
                 qPrintable(r.error().message));
        QVERIFY2(r.error().message.contains(
                     QLatin1String("event 5: feedback.hypothesis: target_id is required")),
                 qPrintable(r.error().message));
        QCOMPARE(eventsIn(inv), 0);
    }

    void lateBadEventInALargeBatchWritesNothing()
    {
        // emitBatch sends each valid event while it validates the next; a bad event near the
        // end comes after thousands of rows already reached the server, and still nothing of
        // the batch may remain.
        EventLog log(*m_conn);
        const QUuid inv = createUuidV7();
        std::vector<Event> batch;
        for (int i = 0; i < 5000; ++i)
            batch.push_back(feedback(inv, i % 2 ? 1 : -1));
        batch[4990].data.insert(QStringLiteral("rating"), 2);
        auto r = log.emitBatch(batch);
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(QLatin1String(
                     "event 4991: feedback.hypothesis: rating must be 1 or -1, got 2")),
                 qPrintable(r.error().message));
        QCOMPARE(eventsIn(inv), 0);
        // The connection is still usable, and the corrected batch goes in whole.
        batch[4990].data.insert(QStringLiteral("rating"), 1);
        auto ok = log.emitBatch(batch);
        QVERIFY2(ok, qPrintable(test::errorOf(ok)));
        QCOMPARE(*ok, qsizetype(5000));
        QCOMPARE(eventsIn(inv), 5000);
    }

    void batchKeepsCreatedAtToTheMillisecond_data()
    {
        QTest::addColumn<QDateTime>("createdAt");
        const auto utc = [](int y, int mo, int d, int h, int mi, int s, int ms) {
            return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
        };
        QTest::newRow("ordinary") << utc(2026, 9, 24, 16, 31, 6, 406);
        QTest::newRow("leap day, last ms") << utc(2024, 2, 29, 23, 59, 59, 999);
        QTest::newRow("epoch") << utc(1970, 1, 1, 0, 0, 0, 0);
        QTest::newRow("before the epoch") << utc(1969, 12, 31, 23, 59, 59, 1);
        QTest::newRow("year 1") << utc(1, 1, 1, 0, 0, 0, 5);
        // A writer's clock a little ahead is fine; more than 5 minutes is refused (below).
        const QDateTime soon = QDateTime::currentDateTimeUtc().addSecs(60);
        QTest::newRow("a minute ahead")
            << QDateTime::fromMSecsSinceEpoch(soon.toMSecsSinceEpoch(), Qt::UTC);
        QTest::newRow("not UTC") << QDateTime(QDate(2025, 3, 30), QTime(12, 30, 0, 250),
                                              QTimeZone("Europe/Berlin"));
    }

    void batchKeepsCreatedAtToTheMillisecond()
    {
        QFETCH(QDateTime, createdAt);
        EventLog log(*m_conn);
        std::vector<Event> batch{feedback(createUuidV7())};
        batch[0].createdAt = createdAt;
        auto r = log.emitBatch(batch);
        QVERIFY2(r, qPrintable(test::errorOf(r)));
        auto found = log.find(batch[0].id);
        QVERIFY(found && found->has_value());
        QCOMPARE((*found)->createdAt.toMSecsSinceEpoch(), createdAt.toMSecsSinceEpoch());
    }

    void eventFromNextYearIsRefused()
    {
        EventLog log(*m_conn);
        std::vector<Event> batch{feedback(createUuidV7())};
        batch[0].createdAt = QDateTime::currentDateTimeUtc().addYears(1);
        auto r = log.emitBatch(batch);
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(QLatin1String("in the future")),
                 qPrintable(r.error().message));
        auto single = log.emit(batch[0]);
        QVERIFY(!single);
        QVERIFY2(single.error().message.contains(QLatin1String("in the future")),
                 qPrintable(single.error().message));
        auto found = log.find(batch[0].id);
        QVERIFY(found && !found->has_value());
    }

    void batchRetryWritesTheRestOnce()
    {
        EventLog log(*m_conn);
        const QUuid inv = createUuidV7();
        std::vector<Event> batch = feedbackBatch(inv, 10);
        // Two of them are already stored (an earlier, partly acknowledged attempt).
        std::vector<Event> first = {batch[3], batch[7]};
        auto r1 = log.emitBatch(first);
        QVERIFY2(r1, qPrintable(test::errorOf(r1)));
        QCOMPARE(*r1, qsizetype(2));
        batch[3] = first[0];
        batch[7] = first[1];
        auto r2 = log.emitBatch(batch);
        QVERIFY2(r2, qPrintable(test::errorOf(r2)));
        QCOMPARE(*r2, qsizetype(8));
        auto r3 = log.emitBatch(batch);
        QVERIFY(r3);
        QCOMPARE(*r3, qsizetype(0));
        auto all = log.investigation(inv);
        QVERIFY(all);
        QCOMPARE(all->size(), size_t(10));
    }

    void unknownTypeRoundTripsUntouched()
    {
        // Written by another writer with raw SQL…
        const QUuid inv = createUuidV7();
        const QUuid id = QUuid::createUuid();
        const QString data = QStringLiteral(
            R"({"model": "gpt-x", "nested": {"a": [1, 2.5, "three", null]}, "flag": true})");
        m_db->scalar(QStringLiteral("INSERT INTO feedback_events (id, tenant_id, investigation_id, "
                                    "event_type, event_data, actor_type) VALUES ('%1', '%2', "
                                    "'%3', 'orchestrator.tool_called', '%4', 'system')")
                         .arg(text(id), text(m_tenant), text(inv), data));
        EventLog log(*m_conn);
        auto found = log.find(id);
        QVERIFY(found && found->has_value());
        QCOMPARE((*found)->eventType, QStringLiteral("orchestrator.tool_called"));
        QCOMPARE((*found)->data, QJsonDocument::fromJson(data.toUtf8()).object());
        QCOMPARE((*found)->actorType, QStringLiteral("system"));

        // …and replayed through emitBatch with unknown types allowed (by a service login: a
        // member writes only its own feedback, quirks and comments).
        auto service = m_db->connect(QStringLiteral("acme"), {}, test::TestDatabase::As::Service);
        QVERIFY2(service, qPrintable(test::TestDatabase::error()));
        EventLog serviceLog(*service);
        Event e;
        e.investigationId = inv;
        e.eventType = QStringLiteral("orchestrator.plan_revised");
        e.actorType = QStringLiteral("system");
        e.data = QJsonObject{{QStringLiteral("steps"), QJsonArray{1, 2, 3}},
                             {QStringLiteral("rating"), 42}};
        std::vector<Event> batch = {e};
        auto refused = serviceLog.emitBatch(batch);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QLatin1String("unknown event type")),
                 qPrintable(refused.error().message));
        EmitOptions allow;
        allow.allowUnknownTypes = true;
        auto ok = serviceLog.emitBatch(batch, allow);
        QVERIFY2(ok, qPrintable(test::errorOf(ok)));
        QCOMPARE(*ok, qsizetype(1));
        auto back = serviceLog.find(batch[0].id);
        QVERIFY(back && back->has_value());
        QCOMPARE((*back)->data, e.data);
        auto all = serviceLog.investigation(inv);
        QVERIFY(all);
        QCOMPARE(all->size(), size_t(2));
    }

    void appendOnlyIsEnforcedByTheDatabase_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("op");
        QTest::newRow("update") << QStringLiteral("UPDATE feedback_events SET event_type = 'x'")
                                << QStringLiteral("UPDATE");
        QTest::newRow("delete") << QStringLiteral("DELETE FROM feedback_events")
                                << QStringLiteral("DELETE");
        QTest::newRow("truncate") << QStringLiteral("TRUNCATE feedback_events")
                                  << QStringLiteral("TRUNCATE");
    }

    void appendOnlyIsEnforcedByTheDatabase()
    {
        QFETCH(QString, sql);
        QFETCH(QString, op);
        const int before
            = m_db->scalar(QStringLiteral("SELECT count(*) FROM feedback_events")).toInt();
        QVERIFY(before > 0);
        const QString message = test::errorOf(m_db->admin().exec(sql));
        QVERIFY2(message.contains(
                     QStringLiteral("feedback_events is append-only: %1 is refused").arg(op)),
                 qPrintable(message));
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM feedback_events")).toInt(),
                 before);
    }

    void externalEventsTable()
    {
        // An orchestrator's table in its own schema: the spec columns, PRIMARY KEY (id) only,
        // no tx_id, no row-level security.
        const QString schema = m_db->schema() + QStringLiteral("_orch");
        const QString table = schema + QStringLiteral(".investigation_feedback_events");
        m_db->scalar(QStringLiteral("CREATE SCHEMA \"%1\"").arg(schema));
        m_db->scalar(
            QStringLiteral(
                "CREATE TABLE \"%1\".investigation_feedback_events (id uuid PRIMARY KEY, tenant_id "
                "uuid NOT NULL, investigation_id uuid NOT NULL, dataset_id uuid, event_type "
                "varchar "
                "NOT NULL, event_data jsonb, actor_id uuid, actor_type varchar NOT NULL, "
                "created_at "
                "timestamptz NOT NULL DEFAULT now())")
                .arg(schema));
        auto cleanup = qScopeGuard(
            [&] { m_db->scalar(QStringLiteral("DROP SCHEMA \"%1\" CASCADE").arg(schema)); });
        // The orchestrator's administrator lets the product's group roles read and append (the
        // README's deployment section); that table's tenant isolation is the orchestrator's.
        const auto grantExternal = [&] {
            const QString member = Access::groupRole(m_db->schema(), QStringLiteral("member"));
            const QString service = Access::groupRole(m_db->schema(), QStringLiteral("service"));
            m_db->exec(QStringLiteral("GRANT USAGE ON SCHEMA \"%1\" TO \"%2\", \"%3\"; "
                                      "GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA \"%1\" TO "
                                      "\"%2\", \"%3\"")
                           .arg(schema, member, service));
        };
        grantExternal();
        checkExternalTable(table);
        if (QTest::currentTestFailed())
            return;

        // The same without any unique key on id: re-emitting must still be a no-op.
        const QString loose = schema + QStringLiteral(".loose_events");
        m_db->scalar(
            QStringLiteral(
                "CREATE TABLE \"%1\".loose_events (id uuid NOT NULL, tenant_id uuid NOT NULL, "
                "investigation_id uuid NOT NULL, dataset_id uuid, event_type varchar NOT NULL, "
                "event_data jsonb, actor_id uuid, actor_type varchar NOT NULL, created_at "
                "timestamptz NOT NULL DEFAULT now())")
                .arg(schema));
        grantExternal();
        checkExternalTable(loose);
    }

    void commandLineEmitReportsEveryBadLine()
    {
        const QUuid inv = createUuidV7();
        QByteArray input;
        input += jsonLine(feedback(inv));
        input += "\n"; // blank lines are ignored
        Event bad = feedback(inv, 7);
        input += jsonLine(bad); // line 3
        input += "{\"event_type\": \"comment.added\", oops}\n"; // line 4: JSON syntax
        input += jsonLine(feedback(inv));
        QTemporaryFile file;
        QVERIFY(file.open());
        file.write(input);
        file.flush();
        const auto r
            = m_db->run(QStringLiteral("knowledgectl"), {QStringLiteral("emit"), file.fileName()},
                        {}, QStringLiteral("acme"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(
                     QLatin1String("line 3: feedback.hypothesis: rating must be 1 or -1, got 7")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("line 4: ")), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QLatin1String("line 1:")), qPrintable(r.err));
        QCOMPARE(eventsIn(inv), 0);
    }

    void commandLineEmitWritesAndIsIdempotent()
    {
        const QUuid inv = createUuidV7();
        QByteArray input;
        for (int i = 0; i < 3; ++i) {
            Event e = feedback(inv);
            e.id = createUuidV7();
            input += jsonLine(e);
        }
        // --tenant after the command name works like before it.
        const auto r = m_db->run(QStringLiteral("knowledgectl"),
                                 {QStringLiteral("emit"), QStringLiteral("-"),
                                  QStringLiteral("--tenant"), QStringLiteral("acme")},
                                 input);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("3 written")), qPrintable(r.out));
        const auto again = m_db->run(QStringLiteral("knowledgectl"),
                                     {QStringLiteral("--tenant"), QStringLiteral("acme"),
                                      QStringLiteral("emit"), QStringLiteral("-")},
                                     input);
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY2(again.out.contains(QLatin1String("0 written")), qPrintable(again.out));
        QVERIFY2(again.out.contains(QLatin1String("3 already present")), qPrintable(again.out));
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM feedback_events WHERE "
                                             "investigation_id = '%1' AND tenant_id = '%2'")
                                  .arg(text(inv), text(m_tenant)))
                     .toInt(),
                 3);

        // A single JSON object (not JSON Lines), pretty-printed over several lines.
        Event one = feedback(inv);
        const auto single = m_db->run(
            QStringLiteral("knowledgectl"), {QStringLiteral("emit"), QStringLiteral("-")},
            QJsonDocument(one.toJson()).toJson(QJsonDocument::Indented), QStringLiteral("acme"));
        QVERIFY2(single.exitCode == 0, qPrintable(single.err));
        QVERIFY2(single.out.contains(QLatin1String("1 written")), qPrintable(single.out));
    }

    void commandLineEmitRefusesUnknownTypesUnlessAllowed()
    {
        const QUuid inv = createUuidV7();
        const QByteArray line
            = QStringLiteral(
                  R"({"investigation_id": "%1", "event_type": "orchestrator.step", "actor_type": "system", "event_data": {"x": 1}})")
                  .arg(text(inv))
                  .toUtf8();
        const auto refused
            = m_db->run(QStringLiteral("knowledgectl"), {QStringLiteral("emit")}, line,
                        QStringLiteral("acme"), {}, test::TestDatabase::As::Service);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(
            refused.err.contains(QLatin1String("line 1: orchestrator.step: unknown event type")),
            qPrintable(refused.err));
        QVERIFY2(refused.err.contains(QLatin1String("--allow-unknown-types")),
                 qPrintable(refused.err));
        const auto ok
            = m_db->run(QStringLiteral("knowledgectl"),
                        {QStringLiteral("emit"), QStringLiteral("--allow-unknown-types")}, line,
                        QStringLiteral("acme"), {}, test::TestDatabase::As::Service);
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
        // A member login may not write system events, even with unknown types allowed.
        const auto member
            = m_db->run(QStringLiteral("knowledgectl"),
                        {QStringLiteral("emit"), QStringLiteral("--allow-unknown-types")}, line,
                        QStringLiteral("acme"));
        QCOMPARE(member.exitCode, 1);
        QVERIFY2(member.err.contains(QLatin1String("access does not allow it")),
                 qPrintable(member.err));
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT event_data->>'x' FROM feedback_events WHERE "
                                             "investigation_id = '%1'")
                                  .arg(text(inv))),
                 QStringLiteral("1"));
    }

    void commandLineStatus()
    {
        const auto withTenant = m_db->run(QStringLiteral("knowledgectl"),
                                          {QStringLiteral("status"), QStringLiteral("--json")}, {},
                                          QStringLiteral("acme"));
        QVERIFY2(withTenant.exitCode == 0, qPrintable(withTenant.err));
        const QJsonObject o = QJsonDocument::fromJson(withTenant.out.toUtf8()).object();
        QVERIFY2(o.value(QStringLiteral("server_version"))
                     .toString()
                     .startsWith(QLatin1String("PostgreSQL ")),
                 qPrintable(withTenant.out));
        const QJsonObject schema = o.value(QStringLiteral("schema")).toObject();
        QCOMPARE(schema.value(QStringLiteral("name")).toString(), m_db->schema());
        QVERIFY(schema.value(QStringLiteral("up_to_date")).toBool());
        QVERIFY(
            o.value(QStringLiteral("pgvector")).toObject().contains(QStringLiteral("available")));
        const QJsonObject tenant = o.value(QStringLiteral("tenant")).toObject();
        const int expected
            = m_db->scalar(QStringLiteral("SELECT count(*) FROM feedback_events WHERE "
                                          "tenant_id = '%1' AND event_type = "
                                          "'feedback.hypothesis'")
                               .arg(text(m_tenant)))
                  .toInt();
        QVERIFY(expected > 0);
        QCOMPARE(tenant.value(QStringLiteral("event_counts"))
                     .toObject()
                     .value(QStringLiteral("feedback.hypothesis"))
                     .toInt(),
                 expected);

        const auto all = m_db->run(QStringLiteral("knowledgectl"), {QStringLiteral("status")});
        QVERIFY2(all.exitCode == 0, qPrintable(all.err));
        QVERIFY2(all.out.contains(QLatin1String("up to date")), qPrintable(all.out));
        QVERIFY2(all.out.contains(QLatin1String("acme"))
                     && all.out.contains(QLatin1String("globex")),
                 qPrintable(all.out));

        const auto fresh = m_db->run(QStringLiteral("knowledgectl"),
                                     {QStringLiteral("status"), QStringLiteral("--schema"),
                                      m_db->schema() + QStringLiteral("_never")});
        QVERIFY2(fresh.exitCode == 0, qPrintable(fresh.err));
        QVERIFY2(fresh.out.contains(QLatin1String("not migrated")), qPrintable(fresh.out));
    }

    void roughTimings()
    {
        // Not a benchmark (knowledge-bench ingest is): a rough figure in the test log.
        EventLog log(*m_conn);
        const QUuid inv = createUuidV7();
        std::vector<qint64> ns;
        for (int i = 0; i < 300; ++i) {
            Event e = feedback(inv);
            QElapsedTimer t;
            t.start();
            QVERIFY(log.emit(e));
            ns.push_back(t.nsecsElapsed());
        }
        std::sort(ns.begin(), ns.end());
        EmitOptions async;
        async.asynchronousCommit = true;
        std::vector<qint64> nsAsync;
        for (int i = 0; i < 300; ++i) {
            Event e = feedback(inv);
            QElapsedTimer t;
            t.start();
            QVERIFY(log.emit(e, async));
            nsAsync.push_back(t.nsecsElapsed());
            QVERIFY(log.find(e.id).value().has_value());
        }
        std::sort(nsAsync.begin(), nsAsync.end());
        std::vector<Event> batch = feedbackBatch(inv, 20000);
        QElapsedTimer t;
        t.start();
        auto r = log.emitBatch(batch);
        const double s = double(t.nsecsElapsed()) / 1e9;
        QVERIFY(r);
        QCOMPARE(*r, qsizetype(20000));
        qInfo("emit p50 %.3f ms (asynchronous commit: %.3f ms); emitBatch %.0f events/s "
              "(20000 events)",
              double(ns[150]) / 1e6, double(nsAsync[150]) / 1e6, 20000 / s);
    }

private:
    int countOf(const QUuid &id)
    {
        return m_db
            ->scalar(QStringLiteral("SELECT count(*) FROM feedback_events WHERE id = '%1'")
                         .arg(text(id)))
            .toInt();
    }

    void checkExternalTable(const QString &table)
    {
        ConnectionSettings s = m_db->settings(QStringLiteral("acme"), QStringLiteral("alice"));
        s.eventsTable = table;
        auto db = Database::connect(s);
        QVERIFY2(db, qPrintable(test::errorOf(db)));
        EventLog log(**db);
        const QUuid inv = createUuidV7();
        Event started;
        started.investigationId = inv;
        started.eventType = QStringLiteral("investigation.started");
        started.actorType = QStringLiteral("system");
        started.data = QJsonObject{{QStringLiteral("dataset_id"), QStringLiteral("public.orders")}};
        auto w = log.emit(started);
        QVERIFY2(w, qPrintable(test::errorOf(w)));
        QVERIFY(*w);
        Event dup = started;
        auto w2 = log.emit(dup);
        QVERIFY2(w2, qPrintable(test::errorOf(w2)));
        QVERIFY2(!*w2, "re-emitting into the external table must be a no-op");

        std::vector<Event> batch = {feedback(inv), feedback(inv, -1), started};
        auto b = log.emitBatch(batch);
        QVERIFY2(b, qPrintable(test::errorOf(b)));
        QCOMPARE(*b, qsizetype(2));
        auto b2 = log.emitBatch(batch);
        QVERIFY2(b2, qPrintable(test::errorOf(b2)));
        QCOMPARE(*b2, qsizetype(0));

        // The command line, with the table given by --events-table.
        Event viaCli = feedback(inv);
        viaCli.id = createUuidV7();
        const auto r = m_db->run(QStringLiteral("knowledgectl"),
                                 {QStringLiteral("emit"), QStringLiteral("--events-table"), table},
                                 jsonLine(viaCli), QStringLiteral("acme"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        auto all = log.investigation(inv);
        QVERIFY2(all, qPrintable(test::errorOf(all)));
        QCOMPARE(all->size(), size_t(4));
        QCOMPARE(all->front().eventType, QStringLiteral("investigation.started"));
        QCOMPARE(all->front().data.value(QStringLiteral("dataset_id")).toString(),
                 QStringLiteral("public.orders"));
        QVERIFY(std::any_of(all->begin(), all->end(),
                            [&](const Event &e) { return e.id == viaCli.id; }));
        auto counts = log.countsByType();
        QVERIFY(counts);
        QCOMPARE(counts->size(), 2);
        // Nothing of it went to the product's own table.
        QCOMPARE(eventsIn(inv), 0);
    }

    std::unique_ptr<Database> m_conn;
    QUuid m_tenant;
    QUuid m_other;
};

QTEST_GUILESS_MAIN(TestEventLog)
#include "tst_eventlog.moc"
