// The knowledge aggregator: hand-built histories with their expected numbers, late commits,
// two aggregators at once, and full rebuild == any sequence of incremental runs.

#include "aggregatedknowledge.h"
#include "database.h"
#include "databasetestcase.h"
#include "knowledgeaggregator.h"
#include "knowledgestore.h"
#include "quirkbook.h"

#include <QRandomGenerator>
#include <QTest>

#include <thread>

using namespace ke;

namespace {

// Inserts one event as another writer would (raw SQL; dataset_id column usually NULL).
// `at` is seconds after 2026-01-01.
void insertEvent(SqlSession &c, const QUuid &tenant, const QUuid &inv, const QString &type,
                 const QString &data, const QUuid &actor, int at, const QUuid &datasetColumn = {},
                 const char *actorType = "user")
{
    test::orThrow(
        c.exec(QStringLiteral("INSERT INTO feedback_events (id, tenant_id, investigation_id, "
                              "dataset_id, event_type, event_data, actor_id, actor_type, "
                              "created_at) VALUES (gen_random_uuid(), $1, $2, $3, $4, $5::jsonb, "
                              "$6, $7, '2026-01-01 00:00:00+00'::timestamptz + $8 * interval '1 "
                              "second')"),
               {tenant, inv, SqlValue::orNull(datasetColumn), type, data, SqlValue::orNull(actor),
                actorType, at}));
}

// QVERIFY2 evaluates its message even on success: never touch error() of a value.
template <typename R> QString errorOf(const R &r)
{
    return test::errorOf(r);
}

QString json(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

class TestKnowledgeAggregator : public test::DatabaseTestCase
{
    Q_OBJECT

private:
    // dataset_knowledge (without updated_at) and dataset_findings of a tenant, as text.
    QString derivedState(const QUuid &tenant)
    {
        const QString t = tenant.toString(QUuid::WithoutBraces);
        return m_db->scalar(
                   QStringLiteral(
                       "SELECT string_agg(x, E'\\n' ORDER BY x) FROM (SELECT concat_ws('|', "
                       "dataset_id,"
                       " investigation_count, positive_feedback_count, negative_feedback_count,"
                       " last_investigation_at, common_issues, known_quirks, owners) AS x"
                       " FROM dataset_knowledge WHERE tenant_id = '%1') k")
                       .arg(t))
            + QStringLiteral("\n--\n")
            + m_db->scalar(
                QStringLiteral(
                    "SELECT string_agg(x, E'\\n' ORDER BY x) FROM (SELECT concat_ws('|', id, "
                    "dataset_id,"
                    " investigation_id, finding_type, summary, confidence, feedback_score,"
                    " source_event_id, source_target_id, created_at) AS x"
                    " FROM dataset_findings WHERE tenant_id = '%1') f")
                    .arg(t));
    }

private Q_SLOTS:
    void initTestCase() { KE_CREATE_TEST_DATABASE("agg"); }

    void handBuiltHistory()
    {
        const QUuid tenant = m_db->createTenant(QStringLiteral("acme"));
        auto db = m_db->connect(QStringLiteral("acme"));
        QVERIFY2(db, qPrintable(test::TestDatabase::error()));
        auto &c = m_db->admin();
        const QUuid alice = QUuid::createUuid(), bob = QUuid::createUuid(),
                    carol = QUuid::createUuid(), dave = QUuid::createUuid(),
                    orchestrator = QUuid::createUuid();
        const QUuid i1 = QUuid::createUuid(), i2 = QUuid::createUuid(), i3 = QUuid::createUuid(),
                    i4 = QUuid::createUuid(), quirkInv = QUuid::createUuid();
        const QUuid unregistered = QUuid::createUuid();
        const QString i1s = i1.toString(QUuid::WithoutBraces);

        // I1: dataset named by string, started twice (second by the orchestrator with context).
        insertEvent(
            c, tenant, i1, QStringLiteral("investigation.started"),
            json(
                R"({"dataset_id": "public.orders", "alert": {"metric": "row_count", "anomaly_type": "volume_drop"}})"),
            alice, 10);
        insertEvent(c, tenant, i1, QStringLiteral("investigation.started"),
                    json(R"({"tables_found": ["orders"]})"), orchestrator, 11, {}, "system");
        insertEvent(
            c, tenant, i1, QStringLiteral("synthesis.generated"),
            json(
                R"({"synthesis_id": "S1", "root_cause": "Late ETL on weekends 3 days.", "confidence": 0.8, "recommendations": ["Add a freshness check"]})"),
            orchestrator, 20, {}, "system");
        insertEvent(
            c, tenant, i1, QStringLiteral("evidence.evaluated"),
            json(
                R"({"evidence_id": "E1", "summary": "Row count fell 40%", "supports": true, "confidence": 0.9})"),
            orchestrator, 21, {}, "system");
        insertEvent(
            c, tenant, i1, QStringLiteral("evidence.evaluated"),
            json(R"({"evidence_id": "E2", "summary": "Nulls in amount", "confidence": "high"})"),
            orchestrator, 22, {}, "system");
        insertEvent(
            c, tenant, i1, QStringLiteral("investigation.completed"),
            json(
                R"({"root_cause": "late ETL on weekends 3 days.", "confidence": 0.8, "duration_seconds": 40})"),
            orchestrator, 30, {}, "system");
        // I2: same dataset, started by the orchestrator (a system actor is nobody's owner).
        insertEvent(
            c, tenant, i2, QStringLiteral("investigation.started"),
            json(R"({"dataset_id": "public.orders", "alert": {"anomaly_type": "volume_drop"}})"),
            orchestrator, 40, {}, "system");
        insertEvent(c, tenant, i2, QStringLiteral("investigation.completed"),
                    json(R"({"root_cause": "Late ETL on weekends 2 days", "confidence": 0.6})"),
                    orchestrator, 50, {}, "system");
        // I3: a UUID nobody registered; I4: a new name.
        insertEvent(c, tenant, i3, QStringLiteral("investigation.started"),
                    QStringLiteral(R"({"dataset_id": "%1"})")
                        .arg(unregistered.toString(QUuid::WithoutBraces)),
                    orchestrator, 60, {}, "system");
        insertEvent(c, tenant, i4, QStringLiteral("investigation.started"),
                    json(R"({"dataset_id": "warehouse.new_table"})"), orchestrator, 61, {},
                    "system");
        // Ratings, no dataset_id: bob +1 then (later) -1 on S1; carol +1 twice; dave +1 on E1;
        // alice -1 then +1 on the investigation; a rating of 5 and an unknown type are ignored.
        const auto fb
            = [&](const char *type, const QString &target, int rating, const QUuid &who, int at) {
                  insertEvent(c, tenant, i1, QString::fromLatin1(type),
                              QStringLiteral(R"({"target_id": "%1", "rating": %2, "reason": null})")
                                  .arg(target)
                                  .arg(rating),
                              who, at);
              };
        fb("feedback.synthesis", QStringLiteral("S1"), 1, bob, 100);
        fb("feedback.synthesis", QStringLiteral("S1"), 1, carol, 101);
        fb("feedback.evidence", QStringLiteral("E1"), 1, dave, 102);
        fb("feedback.investigation", i1s, -1, alice, 103);
        fb("feedback.evidence", QStringLiteral("E2"), 5, dave, 104);
        insertEvent(c, tenant, i1, QStringLiteral("orchestrator.heartbeat"), json(R"([1, 2, 3])"),
                    {}, 105, {}, "system");
        insertEvent(c, tenant, i1, QStringLiteral("comment.added"),
                    json(R"({"text": "Checked with the ETL team"})"), carol, 106);
        // Quirks (named by dataset string, investigation without a start).
        insertEvent(
            c, tenant, quirkInv, QStringLiteral("quirk.added"),
            json(
                R"({"quirk_id": "Q1", "text": "ETL lags 2 days on weekends", "dataset_id": "public.orders"})"),
            alice, 110);
        insertEvent(
            c, tenant, quirkInv, QStringLiteral("quirk.added"),
            json(
                R"({"quirk_id": "Q2", "text": "Currency mixes cents", "dataset_id": "public.orders"})"),
            bob, 111);

        auto r = KnowledgeAggregator::runIncremental(*db);
        QVERIFY2(r, qPrintable(errorOf(r)));
        QVERIFY(r->full); // the first run has no snapshot to continue from
        QCOMPARE(r->datasetsTouched, 3);

        auto k = KnowledgeStore::knowledge(*db, QStringLiteral("public.orders"));
        QVERIFY2(k, qPrintable(errorOf(k)));
        QCOMPARE(k->investigationCount, 2);
        QCOMPARE(k->positiveFeedbackCount, 3);
        QCOMPARE(k->negativeFeedbackCount, 1);
        QCOMPARE(k->knownQuirks.size(), 2);

        // Second part: re-ratings, quirk edit / confirm / retire.
        fb("feedback.synthesis", QStringLiteral("S1"), -1, bob, 200); // opposite: moves the count
        fb("feedback.synthesis", QStringLiteral("S1"), 1, carol, 201); // same again: no change
        fb("feedback.investigation", i1s, 1, alice, 202); // opposite
        insertEvent(c, tenant, quirkInv, QStringLiteral("quirk.edited"),
                    json(R"({"quirk_id": "Q1", "text": "ETL lags 2-3 days on weekends"})"), bob,
                    210);
        insertEvent(c, tenant, quirkInv, QStringLiteral("quirk.confirmed"),
                    json(R"({"quirk_id": "Q1"})"), carol, 211);
        insertEvent(c, tenant, quirkInv, QStringLiteral("quirk.confirmed"),
                    json(R"({"quirk_id": "Q1"})"), dave, 212);
        insertEvent(c, tenant, quirkInv, QStringLiteral("quirk.confirmed"),
                    json(R"({"quirk_id": "Q1"})"), carol, 213);
        insertEvent(c, tenant, quirkInv, QStringLiteral("quirk.retired"),
                    json(R"({"quirk_id": "Q2", "reason": "fixed upstream"})"), bob, 214);

        r = KnowledgeAggregator::runIncremental(*db);
        QVERIFY2(r, qPrintable(errorOf(r)));
        QVERIFY(!r->full);
        QCOMPARE(r->eventsProcessed, 8);
        QCOMPARE(r->datasetsTouched, 1);

        const auto check = [&]() {
            auto k = KnowledgeStore::knowledge(*db, QStringLiteral("public.orders"));
            QVERIFY2(k, qPrintable(errorOf(k)));
            QCOMPARE(k->investigationCount, 2);
            // Latest per person per target: bob S1 -1, carol S1 +1, dave E1 +1, alice I1 +1.
            QCOMPARE(k->positiveFeedbackCount, 3);
            QCOMPARE(k->negativeFeedbackCount, 1);
            QCOMPARE(k->lastInvestigationAt,
                     QDateTime(QDate(2026, 1, 1), QTime(0, 0, 40), Qt::UTC));
            // Issues: volume_drop x2, one root-cause theme x2 ("3 days." ~ "2 days").
            QCOMPARE(k->commonIssues.size(), 2);
            for (const auto &i : k->commonIssues)
                QCOMPARE(i.count, 2);
            QCOMPARE(k->commonIssues.at(0).kind, QStringLiteral("root_cause")); // seen last
            QCOMPARE(k->commonIssues.at(0).issue, QStringLiteral("late etl on weekends # days"));
            QCOMPARE(k->commonIssues.at(1).issue, QStringLiteral("volume_drop"));
            // Quirks: Q2 retired; Q1 edited, confirmed by 2 people.
            QCOMPARE(k->knownQuirks.size(), 1);
            QCOMPARE(k->knownQuirks.at(0).text, QStringLiteral("ETL lags 2-3 days on weekends"));
            QCOMPARE(k->knownQuirks.at(0).authorId, alice);
            QCOMPARE(k->knownQuirks.at(0).confirmations, 2);
            QCOMPARE(k->knownQuirks.at(0).lastEditedAt,
                     QDateTime(QDate(2026, 1, 1), QTime(0, 3, 30), Qt::UTC));
            // Findings: E1 (1 up: Wilson 0.2065) > S1 root cause and recommendation (1 up,
            // 1 down: 0.0945) > E2, I2's root cause (no votes: 0). I1's completion repeats
            // the synthesis and is not a second finding.
            QCOMPARE(k->topFindings.size(), 5);
            QCOMPARE(k->topFindings.at(0).summary, QStringLiteral("Row count fell 40%"));
            QVERIFY(qAbs(k->topFindings.at(0).feedbackScore - 0.2065) < 1e-3);
            QCOMPARE(*k->topFindings.at(0).confidence, 0.9);
            QVERIFY(qAbs(k->topFindings.at(1).feedbackScore - 0.0945) < 1e-3);
            QVERIFY(qAbs(k->topFindings.at(2).feedbackScore - 0.0945) < 1e-3);
            QStringList types;
            types << k->topFindings.at(1).findingType << k->topFindings.at(2).findingType;
            types.sort();
            QCOMPARE(types,
                     QStringList({QStringLiteral("recommendation"), QStringLiteral("root_cause")}));
            QCOMPARE(k->topFindings.at(3).feedbackScore, 0.0);
            QCOMPARE(k->topFindings.at(3).summary,
                     QStringLiteral("Late ETL on weekends 2 days")); // conf 0.6
            QCOMPARE(k->topFindings.at(4).summary, QStringLiteral("Nulls in amount"));
            QVERIFY(!k->topFindings.at(4).confidence.has_value()); // "high" is not a number
            // Owners: alice 3 (started) + 1 (rating) + 3 (quirk) = 7; bob 1 + 2 (edit) + 3 = 6;
            // carol 1 + 2 (comment) + 1 (confirm) = 4; dave 1 + 1 = 2; the orchestrator none.
            QCOMPARE(k->owners.size(), 4);
            QCOMPARE(k->owners.at(0).actorId, alice);
            QCOMPARE(k->owners.at(0).score, 7.0);
            QVERIFY(qAbs(k->owners.at(0).share - 7.0 / 19.0) < 1e-3);
            QCOMPARE(k->owners.at(1).actorId, bob);
            QCOMPARE(k->owners.at(1).score, 6.0);
            QCOMPARE(k->owners.at(2).actorId, carol);
            QCOMPARE(k->owners.at(2).comments, 1);
            QCOMPARE(k->owners.at(3).actorId, dave);
        };
        check();
        if (QTest::currentTestFailed())
            return;

        // Datasets named by UUID and by a new name exist, with one investigation each.
        auto k3 = KnowledgeStore::knowledge(*db, unregistered.toString(QUuid::WithoutBraces));
        QVERIFY2(k3, qPrintable(errorOf(k3)));
        QCOMPARE(k3->investigationCount, 1);
        auto k4 = KnowledgeStore::knowledge(*db, QStringLiteral("warehouse.new_table"));
        QVERIFY2(k4, qPrintable(errorOf(k4)));
        QCOMPARE(k4->investigationCount, 1);
        QCOMPARE(k4->positiveFeedbackCount, 0);

        // The quirk's whole history stays readable.
        auto h = KnowledgeAggregator::quirkHistory(*db, QStringLiteral("Q1"));
        QVERIFY2(h, qPrintable(errorOf(h)));
        QCOMPARE(h->size(), 5);
        QCOMPARE(h->at(0).eventType, QStringLiteral("quirk.added"));
        QCOMPARE(h->at(0).data.value(QLatin1String("text")).toString(),
                 QStringLiteral("ETL lags 2 days on weekends"));
        QCOMPARE(h->at(1).eventType, QStringLiteral("quirk.edited"));
        QCOMPARE(h->at(1).actorId, bob);

        // Nothing new: nothing processed; a full rebuild gives the same rows.
        const QString before = derivedState(tenant);
        r = KnowledgeAggregator::runIncremental(*db);
        QVERIFY2(r, qPrintable(errorOf(r)));
        QCOMPARE(r->eventsProcessed, 0);
        QCOMPARE(derivedState(tenant), before);
        r = KnowledgeAggregator::rebuild(*db);
        QVERIFY2(r, qPrintable(errorOf(r)));
        QVERIFY(r->full);
        QCOMPARE(derivedState(tenant), before);
        check();
    }

    // A quirk made outside an investigation carries the dataset's own id as its investigation
    // id: it is a quirk of the dataset, never one more investigation (numbers by hand).
    void quirkOutsideAnInvestigationIsNoInvestigation()
    {
        const QUuid tenant = m_db->createTenant(QStringLiteral("quirky"));
        auto db = m_db->connect(QStringLiteral("quirky"), QStringLiteral("alice"));
        QVERIFY2(db, qPrintable(test::TestDatabase::error()));
        auto &c = m_db->admin();
        const QUuid alice = db->actorId();
        const QUuid i1 = QUuid::createUuid(), i2 = QUuid::createUuid();
        for (const QUuid &inv : {i1, i2}) {
            insertEvent(c, tenant, inv, QStringLiteral("investigation.started"),
                        json(R"({"dataset_id": "public.subscriptions"})"), alice, 10);
            insertEvent(c, tenant, inv, QStringLiteral("investigation.completed"),
                        json(R"({"root_cause": "late batch"})"), {}, 20, {}, "system");
        }
        // Rated up once (the investigation itself).
        insertEvent(c, tenant, i1, QStringLiteral("feedback.investigation"),
                    QStringLiteral(R"({"target_id": "%1", "rating": 1})")
                        .arg(i1.toString(QUuid::WithoutBraces)),
                    alice, 30);
        auto agg = KnowledgeAggregator::runIncremental(*db);
        QVERIFY2(agg, qPrintable(errorOf(agg)));
        auto quirk = QuirkBook::add(*db, QStringLiteral("public.subscriptions"),
                                    QStringLiteral("ETL has a 2-day lag on weekends"));
        QVERIFY2(quirk, qPrintable(errorOf(quirk)));
        for (int pass = 0; pass < 2; ++pass) {
            auto k = test::knowledgeAfterPass(*db, pass, QStringLiteral("public.subscriptions"));
            QVERIFY2(k, qPrintable(errorOf(k)));
            QCOMPARE(k->investigationCount, 2);
            QCOMPARE(k->positiveFeedbackCount, 1);
            QCOMPARE(k->negativeFeedbackCount, 0);
            QCOMPARE(k->knownQuirks.size(), 1);
            QCOMPARE(k->lastInvestigationAt,
                     QDateTime(QDate(2026, 1, 1), QTime(0, 0, 10), Qt::UTC));
        }
    }

    void demoNumbersEqualAnIndependentCount_data()
    {
        QTest::addColumn<int>("seed");
        QTest::newRow("seed 11") << 11;
        QTest::newRow("seed 42") << 42;
        QTest::newRow("seed 7") << 7;
    }

    // `knowledgectl aggregate` (every tenant, no --tenant) on demo data gives the numbers of a
    // count written straight over the events: investigations that started, named by the
    // dataset_id column or inside the earliest investigation.started naming one; each person's
    // latest rating per target (anonymous ones each on their own).
    void demoNumbersEqualAnIndependentCount()
    {
        QFETCH(int, seed);
        auto demo = test::TestDatabase::create(QStringLiteral("aggdemo"));
        QVERIFY2(demo, qPrintable(test::TestDatabase::error()));
        const auto seeded
            = demo->run(QStringLiteral("knowledgectl"),
                        {QStringLiteral("demo-seed"), QStringLiteral("--investigations"),
                         QStringLiteral("300"), QStringLiteral("--seed"), QString::number(seed)});
        QVERIFY2(seeded.exitCode == 0, qPrintable(seeded.err));
        const auto agg = demo->run(QStringLiteral("knowledgectl"), {QStringLiteral("aggregate")});
        QVERIFY2(agg.exitCode == 0, qPrintable(agg.err));
        QCOMPARE(agg.out.count(QStringLiteral("full rebuild")), 3); // acme, globex, initech
        // The other batch command without a tenant: one line per tenant too.
        const auto training
            = demo->run(QStringLiteral("knowledgectl"), {QStringLiteral("build-training")});
        QVERIFY2(training.exitCode == 0, qPrintable(training.err));
        for (const char *slug : {"acme: ", "globex: ", "initech: "})
            QVERIFY2(training.out.contains(QLatin1String(slug)), qPrintable(training.out));
        const QString ours = demo->scalar(
            QStringLiteral("SELECT string_agg(concat_ws('|', t.slug, d.name, k.investigation_count,"
                           " k.positive_feedback_count, k.negative_feedback_count), E'\\n' ORDER "
                           "BY t.slug, d.name)"
                           " FROM dataset_knowledge k JOIN datasets d ON d.tenant_id = k.tenant_id"
                           " AND d.id = k.dataset_id JOIN tenants t ON t.id = k.tenant_id"
                           " WHERE k.investigation_count > 0"));
        const QString independent = demo->scalar(QStringLiteral(R"SQL(
WITH ref AS (
  SELECT DISTINCT ON (tenant_id, investigation_id) tenant_id, investigation_id,
         coalesce(dataset_id::text, nullif(btrim(event_data->>'dataset_id'), '')) AS ref
  FROM feedback_events WHERE event_type = 'investigation.started'
    AND coalesce(dataset_id::text, nullif(btrim(event_data->>'dataset_id'), '')) IS NOT NULL
  ORDER BY tenant_id, investigation_id, created_at, id),
inv AS (
  SELECT r.tenant_id, r.investigation_id, d.id AS dataset_id FROM ref r
  JOIN datasets d ON d.tenant_id = r.tenant_id AND (d.name = r.ref OR d.id::text = lower(r.ref))),
latest AS (
  SELECT DISTINCT ON (tenant_id, investigation_id, event_data->>'target_id', coalesce(actor_id, id))
         tenant_id, investigation_id,
         CASE WHEN event_data->>'rating' IN ('1', '1.0', '+1') THEN 1 ELSE -1 END AS rating
  FROM feedback_events WHERE event_type LIKE 'feedback.%'
    AND coalesce(event_data->>'target_id', '') <> ''
    AND event_data->>'rating' IN ('1', '1.0', '+1', '-1', '-1.0')
  ORDER BY tenant_id, investigation_id, event_data->>'target_id', coalesce(actor_id, id),
           created_at DESC, id DESC),
per AS (
  SELECT i.tenant_id, i.dataset_id, count(DISTINCT i.investigation_id) AS n,
         count(l.rating) FILTER (WHERE l.rating > 0) AS pos,
         count(l.rating) FILTER (WHERE l.rating < 0) AS neg
  FROM inv i LEFT JOIN latest l USING (tenant_id, investigation_id)
  GROUP BY i.tenant_id, i.dataset_id)
SELECT string_agg(concat_ws('|', t.slug, d.name, p.n, p.pos, p.neg), E'\n' ORDER BY t.slug, d.name)
FROM per p JOIN datasets d ON d.tenant_id = p.tenant_id AND d.id = p.dataset_id
JOIN tenants t ON t.id = p.tenant_id)SQL"));
        QVERIFY(!ours.isEmpty());
        QCOMPARE(ours, independent);
    }

    void lateCommitIsCountedOnce()
    {
        const QUuid tenant = m_db->createTenant(QStringLiteral("late"));
        auto db = m_db->connect(QStringLiteral("late"));
        QVERIFY2(db, qPrintable(test::TestDatabase::error()));
        const QUuid inv = QUuid::createUuid(), who = QUuid::createUuid(),
                    other = QUuid::createUuid();
        insertEvent(m_db->admin(), tenant, inv, QStringLiteral("investigation.started"),
                    json(R"({"dataset_id": "public.late"})"), who, 1);
        QVERIFY(KnowledgeAggregator::runIncremental(*db));

        // A slow writer: its transaction begins (and takes its xid) before the next run and
        // commits after it, with a created_at older than events the run already saw.
        auto slow = test::orThrow(
            SqlSession::open(qEnvironmentVariable("KNOWLEDGE_DATABASE_URL"), m_db->schema()));
        test::orThrow(slow.begin());
        test::orThrow(slow.exec(
            QStringLiteral("INSERT INTO feedback_events (id, tenant_id, investigation_id, "
                           "event_type, event_data, actor_id, actor_type, created_at) VALUES "
                           "(gen_random_uuid(), $1, $2, 'feedback.investigation', $3::jsonb, $4, "
                           "'user', '2026-01-01 00:00:02+00')"),
            {tenant, inv,
             QStringLiteral(R"({"target_id": "%1", "rating": 1})")
                 .arg(inv.toString(QUuid::WithoutBraces)),
             who}));
        insertEvent(m_db->admin(), tenant, inv, QStringLiteral("feedback.investigation"),
                    QStringLiteral(R"({"target_id": "%1", "rating": -1})")
                        .arg(inv.toString(QUuid::WithoutBraces)),
                    other, 3);
        auto r = KnowledgeAggregator::runIncremental(*db);
        QVERIFY2(r, qPrintable(errorOf(r)));
        QCOMPARE(r->eventsProcessed, 1);
        auto k = KnowledgeStore::knowledge(*db, QStringLiteral("public.late"));
        QVERIFY2(k, qPrintable(errorOf(k)));
        QCOMPARE(k->positiveFeedbackCount, 0);
        QCOMPARE(k->negativeFeedbackCount, 1);

        test::orThrow(slow.commit());
        r = KnowledgeAggregator::runIncremental(*db);
        QVERIFY2(r, qPrintable(errorOf(r)));
        QCOMPARE(r->eventsProcessed, 1);
        r = KnowledgeAggregator::runIncremental(*db);
        QVERIFY2(r, qPrintable(errorOf(r)));
        QCOMPARE(r->eventsProcessed, 0);
        k = KnowledgeStore::knowledge(*db, QStringLiteral("public.late"));
        QVERIFY2(k, qPrintable(errorOf(k)));
        QCOMPARE(k->positiveFeedbackCount, 1);
        QCOMPARE(k->negativeFeedbackCount, 1);
    }

    void twoAggregatorsAtOnce()
    {
        const QUuid tenant = m_db->createTenant(QStringLiteral("twins"));
        const int investigations = 40;
        std::atomic<bool> writing{true};
        std::atomic<int> failures{0};
        const auto worker = [&]() {
            auto db = m_db->connect(QStringLiteral("twins"));
            if (!db) {
                ++failures;
                return;
            }
            while (writing.load()) {
                if (!KnowledgeAggregator::runIncremental(*db))
                    ++failures;
            }
        };
        std::thread a(worker), b(worker);
        // Each investigation: started, then 3 people rate it up; the third re-rates it down.
        QList<QUuid> people{QUuid::createUuid(), QUuid::createUuid(), QUuid::createUuid()};
        for (int i = 0; i < investigations; ++i) {
            const QUuid inv = QUuid::createUuid();
            const QString target = inv.toString(QUuid::WithoutBraces);
            insertEvent(m_db->admin(), tenant, inv, QStringLiteral("investigation.started"),
                        json(R"({"dataset_id": "public.twins"})"), people[0], i * 10);
            for (int p = 0; p < 3; ++p)
                insertEvent(m_db->admin(), tenant, inv, QStringLiteral("feedback.investigation"),
                            QStringLiteral(R"({"target_id": "%1", "rating": 1})").arg(target),
                            people[p], i * 10 + p + 1);
            insertEvent(m_db->admin(), tenant, inv, QStringLiteral("feedback.investigation"),
                        QStringLiteral(R"({"target_id": "%1", "rating": -1})").arg(target),
                        people[2], i * 10 + 5);
        }
        writing = false;
        a.join();
        b.join();
        QCOMPARE(failures.load(), 0);
        auto db = m_db->connect(QStringLiteral("twins"));
        QVERIFY(db);
        QVERIFY(KnowledgeAggregator::runIncremental(*db));
        auto k = KnowledgeStore::knowledge(*db, QStringLiteral("public.twins"));
        QVERIFY2(k, qPrintable(errorOf(k)));
        QCOMPARE(k->investigationCount, investigations);
        QCOMPARE(k->positiveFeedbackCount, 2 * investigations);
        QCOMPARE(k->negativeFeedbackCount, investigations);
        const QString incremental = derivedState(tenant);
        QVERIFY(KnowledgeAggregator::rebuild(*db));
        QCOMPARE(derivedState(tenant), incremental);
    }

    void fullEqualsIncremental_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed : {1u, 7u, 42u, 2026u})
            QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed))) << seed;
    }

    void fullEqualsIncremental()
    {
        QFETCH(quint32, seed);
        const QString slug = QStringLiteral("rnd%1").arg(seed);
        const QUuid tenant = m_db->createTenant(slug);
        auto db = m_db->connect(slug);
        QVERIFY(db);
        QRandomGenerator rng(seed);
        QList<QUuid> people;
        for (int i = 0; i < 6; ++i)
            people << QUuid::createUuid();
        QList<QUuid> invs;
        for (int i = 0; i < 25; ++i)
            invs << QUuid::createUuid();
        const QStringList datasets{QStringLiteral("public.orders"), QStringLiteral("public.users"),
                                   QStringLiteral("sales.daily")};
        const QStringList anomalies{QStringLiteral("volume_drop"), QStringLiteral("null_spike"),
                                    QStringLiteral("late_data")};
        const QStringList causes{QStringLiteral("Late ETL %1 days"),
                                 QStringLiteral("Schema change in %1"),
                                 QStringLiteral("Duplicate load %1")};
        QStringList targets;
        const auto pick
            = [&](const auto &list) { return list.at(int(rng.bounded(quint32(list.size())))); };
        int totalRatings = 0;
        auto &c = m_db->admin();
        for (int chunk = 0; chunk < 12; ++chunk) {
            const int n = 5 + int(rng.bounded(30u));
            // Some chunks commit as one transaction, like a batch writer.
            for (int e = 0; e < n; ++e) {
                const QUuid inv = pick(invs);
                const QUuid who = pick(people);
                const int at = int(rng.bounded(100000u)); // arrival order != time order
                const int kind = int(rng.bounded(100u));
                const QString invText = inv.toString(QUuid::WithoutBraces);
                // An event the orchestrator writes: no actor.
                const auto systemEvent = [&](const QString &type, const QString &data) {
                    insertEvent(c, tenant, inv, type, data, {}, at, {}, "system");
                };
                if (kind < 12) {
                    insertEvent(
                        c, tenant, inv, QStringLiteral("investigation.started"),
                        QStringLiteral(R"({"dataset_id": "%1", "alert": {"anomaly_type": "%2"}})")
                            .arg(pick(datasets), pick(anomalies)),
                        who, at, {}, rng.bounded(2u) ? "user" : "system");
                } else if (kind < 20) {
                    systemEvent(QStringLiteral("investigation.completed"),
                                QStringLiteral(R"({"root_cause": "%1", "confidence": 0.%2})")
                                    .arg(pick(causes).arg(rng.bounded(5u)))
                                    .arg(rng.bounded(10u)));
                } else if (kind < 28) {
                    const QString sid = QStringLiteral("S%1").arg(rng.bounded(40u));
                    targets << sid;
                    systemEvent(
                        QStringLiteral("synthesis.generated"),
                        QStringLiteral(
                            R"({"synthesis_id": "%1", "root_cause": "%2", "confidence": 0.5, "recommendations": ["Fix %3"]})")
                            .arg(sid, pick(causes).arg(rng.bounded(5u)))
                            .arg(rng.bounded(4u)));
                } else if (kind < 36) {
                    const QString eid = QStringLiteral("E%1").arg(rng.bounded(40u));
                    targets << eid;
                    systemEvent(
                        QStringLiteral("evidence.evaluated"),
                        QStringLiteral(
                            R"({"evidence_id": "%1", "summary": "Evidence %2", "confidence": 0.7})")
                            .arg(eid)
                            .arg(rng.bounded(10u)));
                } else if (kind < 70) {
                    const QString target
                        = rng.bounded(3u) == 0 || targets.isEmpty() ? invText : pick(targets);
                    ++totalRatings;
                    insertEvent(c, tenant, inv, QStringLiteral("feedback.synthesis"),
                                QStringLiteral(R"({"target_id": "%1", "rating": %2})")
                                    .arg(target)
                                    .arg(rng.bounded(2u) ? 1 : -1),
                                who, at);
                } else if (kind < 78) {
                    insertEvent(c, tenant, inv, QStringLiteral("comment.added"),
                                json(R"({"text": "a comment"})"), who, at);
                } else if (kind < 92) {
                    const QString q = QStringLiteral("Q%1").arg(rng.bounded(8u));
                    static const char *const types[]
                        = {"quirk.added", "quirk.edited", "quirk.confirmed", "quirk.retired"};
                    const char *type = types[rng.bounded(4u)];
                    insertEvent(
                        c, tenant, inv, QString::fromLatin1(type),
                        QStringLiteral(
                            R"({"quirk_id": "%1", "text": "quirk text %2", "dataset_id": "%3"})")
                            .arg(q)
                            .arg(rng.bounded(100u))
                            .arg(pick(datasets)),
                        who, at);
                } else if (kind < 96) {
                    insertEvent(c, tenant, inv, QStringLiteral("hypothesis.generated"),
                                json(R"({"hypothesis_id": "H", "text": "maybe", "confidence": 7})"),
                                {}, at, rng.bounded(2u) ? QUuid() : QUuid::createUuid(), "system");
                } else {
                    systemEvent(QStringLiteral("vendor.custom"), json(R"("just a string")"));
                }
            }
            if (rng.bounded(3u) != 0) {
                auto r = KnowledgeAggregator::runIncremental(*db);
                QVERIFY2(r, qPrintable(errorOf(r)));
            }
        }
        auto r = KnowledgeAggregator::runIncremental(*db);
        QVERIFY2(r, qPrintable(errorOf(r)));
        const QString incremental = derivedState(tenant);
        // The comparison must be about something: rows with ratings, quirks and findings.
        QVERIFY(totalRatings > 20);
        QVERIFY(m_db->scalar(QStringLiteral(
                                 "SELECT sum(positive_feedback_count + negative_feedback_count) "
                                 "FROM dataset_knowledge WHERE tenant_id = '%1'")
                                 .arg(tenant.toString(QUuid::WithoutBraces)))
                    .toInt()
                > 10);
        QVERIFY(
            m_db->scalar(QStringLiteral("SELECT count(*) FROM agg_quirks WHERE tenant_id = '%1'")
                             .arg(tenant.toString(QUuid::WithoutBraces)))
                .toInt()
            > 0);
        QVERIFY(incremental.contains(QLatin1String("recommendation")));
        r = KnowledgeAggregator::rebuild(*db);
        QVERIFY2(r, qPrintable(errorOf(r)));
        QCOMPARE(derivedState(tenant), incremental);
    }

    void externalEventsTableWithoutTxId()
    {
        // An orchestrator's own table, without tx_id: every run is a (correct) full rebuild.
        const QUuid tenant = m_db->createTenant(QStringLiteral("ext"));
        m_db->exec(QStringLiteral(
            "CREATE TABLE investigation_feedback_events (id uuid PRIMARY KEY, tenant_id uuid,"
            " investigation_id uuid, dataset_id uuid, event_type varchar, event_data jsonb,"
            " actor_id uuid, actor_type varchar, created_at timestamptz)"));
        auto settings = m_db->settings(QStringLiteral("ext"));
        settings.eventsTable = m_db->schema() + QStringLiteral(".investigation_feedback_events");
        auto db = Database::connect(settings);
        QVERIFY2(db, qPrintable(errorOf(db)));
        const QUuid inv = QUuid::createUuid();
        const auto add = [&](const char *type, const QString &data, int at) {
            m_db->exec(QStringLiteral("INSERT INTO investigation_feedback_events VALUES "
                                      "(gen_random_uuid(), $1, $2, NULL, $3, $4::jsonb, $5, "
                                      "'user', '2026-01-01'::timestamptz + $6 * interval '1 "
                                      "second')"),
                       {tenant, inv, type, data, QUuid::createUuid(), at});
        };
        add("investigation.started", json(R"({"dataset_id": "public.orders"})"), 1);
        add("feedback.investigation",
            QStringLiteral(R"({"target_id": "%1", "rating": 1})")
                .arg(inv.toString(QUuid::WithoutBraces)),
            2);
        auto r = KnowledgeAggregator::runIncremental(**db);
        QVERIFY2(r, qPrintable(errorOf(r)));
        QVERIFY(r->full);
        add("feedback.investigation",
            QStringLiteral(R"({"target_id": "%1", "rating": -1})")
                .arg(inv.toString(QUuid::WithoutBraces)),
            3);
        r = KnowledgeAggregator::runIncremental(**db);
        QVERIFY2(r, qPrintable(errorOf(r)));
        auto k = KnowledgeStore::knowledge(**db, QStringLiteral("public.orders"));
        QVERIFY2(k, qPrintable(errorOf(k)));
        QCOMPARE(k->investigationCount, 1);
        QCOMPARE(k->positiveFeedbackCount, 1);
        QCOMPARE(k->negativeFeedbackCount, 1);
    }
};

QTEST_GUILESS_MAIN(TestKnowledgeAggregator)
#include "tst_knowledgeaggregator.moc"
