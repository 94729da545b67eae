// The one rule for "each person's latest rating": the knowledge counts, the training scores and
// the investigation view agree on the same events — re-ratings, anonymous ratings, ratings
// stored as strings, ties on created_at, ratings that are not ratings — and match numbers
// worked out by hand.

#include "aggregatedknowledge.h"
#include "database.h"
#include "databasetestcase.h"
#include "eventlog.h"
#include "investigationtrace.h"
#include "knowledgeaggregator.h"
#include "knowledgestore.h"
#include "latestrating.h"
#include "trainingexamplebuilder.h"
#include "uuid.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ke;

namespace {

using test::errorOf;

QUuid fixedId(int n)
{
    return QUuid::fromString(
        QStringLiteral("00000000-0000-7000-8000-%1").arg(n, 12, 10, QLatin1Char('0')));
}

// One event as another writer would write it; `at` is seconds after 2026-01-01.
void insertEvent(SqlSession &c, const QUuid &tenant, const QUuid &inv, const QString &type,
                 const QString &data, const QUuid &actor, int at, const QUuid &id = {})
{
    test::orThrow(c.exec(
        QStringLiteral("INSERT INTO feedback_events (id, tenant_id, investigation_id, event_type,"
                       " event_data, actor_id, actor_type, created_at) VALUES "
                       "(coalesce($1::uuid, gen_random_uuid()), $2, $3, $4, $5::jsonb, $6, 'user', "
                       "'2026-01-01 00:00:00+00'::timestamptz + $7 * interval '1 second')"),
        {SqlValue::orNull(id), tenant, inv, type, data, SqlValue::orNull(actor), at}));
}

QString rating(const QUuid &target, const QString &value)
{
    return QStringLiteral(R"({"target_id": "%1", "rating": %2})")
        .arg(target.toString(QUuid::WithoutBraces), value);
}

} // namespace

class TestLatestRating : public test::DatabaseTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { KE_CREATE_TEST_DATABASE("rating"); }

    void valueOf_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<int>("expected");
        QTest::newRow("number 1") << QStringLiteral("1") << 1;
        QTest::newRow("number -1") << QStringLiteral("-1") << -1;
        QTest::newRow("number 1.0") << QStringLiteral("1.0") << 1;
        QTest::newRow("string 1") << QStringLiteral("\"1\"") << 1;
        QTest::newRow("string -1") << QStringLiteral("\"-1\"") << -1;
        QTest::newRow("string +1") << QStringLiteral("\"+1\"") << 1;
        QTest::newRow("number 2") << QStringLiteral("2") << 0;
        QTest::newRow("number 0") << QStringLiteral("0") << 0;
        QTest::newRow("string yes") << QStringLiteral("\"yes\"") << 0;
        QTest::newRow("true") << QStringLiteral("true") << 0;
        QTest::newRow("null") << QStringLiteral("null") << 0;
    }

    // The C++ twin and the SQL function read every value alike.
    void valueOf()
    {
        QFETCH(QString, json);
        QFETCH(int, expected);
        const QJsonObject o
            = QJsonDocument::fromJson(QStringLiteral("{\"rating\": %1}").arg(json).toUtf8())
                  .object();
        QCOMPARE(ratings::valueOf(o.value(QLatin1String("rating"))), expected);
        const QString sql = m_db->scalar(
            QStringLiteral("SELECT coalesce(rating_value('{\"rating\": %1}'::jsonb), 0)")
                .arg(json));
        QCOMPARE(sql.toInt(), expected);
    }

    // Ties on created_at are broken by the id, so ids made one after the other — many in the
    // same millisecond — must sort in the order they were made.
    void idsSortInTheOrderTheyWereMade()
    {
        QByteArray previous = createUuidV7().toRfc4122();
        for (int i = 0; i < 20000; ++i) {
            const QUuid id = createUuidV7();
            const QByteArray bytes = id.toRfc4122();
            QVERIFY2(bytes > previous, qPrintable(id.toString()));
            QCOMPARE(int(quint8(bytes.at(6)) >> 4), 7);
            QCOMPARE(int(quint8(bytes.at(8)) >> 6), 2);
            previous = bytes;
        }
    }

    void threeReadersAgree()
    {
        const QUuid tenant = m_db->createTenant(QStringLiteral("acme"));
        auto &c = m_db->admin();
        const QUuid alice = QUuid::createUuid(), bob = QUuid::createUuid(),
                    carol = QUuid::createUuid(), dave = QUuid::createUuid();
        const QUuid inv = QUuid::createUuid(), hyp = QUuid::createUuid(),
                    query = QUuid::createUuid(), synth = QUuid::createUuid();
        const QString h = hyp.toString(QUuid::WithoutBraces);
        const QString q = query.toString(QUuid::WithoutBraces);
        const QString sy = synth.toString(QUuid::WithoutBraces);

        insertEvent(
            c, tenant, inv, QStringLiteral("investigation.started"),
            QStringLiteral(R"({"dataset_id": "public.orders", "alert": {"metric": "rows"}})"),
            alice, 1);
        insertEvent(
            c, tenant, inv, QStringLiteral("hypothesis.generated"),
            QStringLiteral(R"({"hypothesis_id": "%1", "text": "late batch", "confidence": 0.7})")
                .arg(h),
            {}, 2);
        insertEvent(
            c, tenant, inv, QStringLiteral("hypothesis.generated"),
            QStringLiteral(R"({"hypothesis_id": "%1", "text": "schema drift", "confidence": 0.2})")
                .arg(QUuid::createUuid().toString(QUuid::WithoutBraces)),
            {}, 2);
        insertEvent(
            c, tenant, inv, QStringLiteral("query.planned"),
            QStringLiteral(
                R"({"query_id": "%1", "hypothesis_id": "%2", "sql": "SELECT 1", "purpose": "count"})")
                .arg(q, h),
            {}, 3);
        insertEvent(c, tenant, inv, QStringLiteral("query.succeeded"),
                    QStringLiteral(R"({"query_id": "%1", "hypothesis_id": "%2", "row_count": 3})")
                        .arg(q, h),
                    {}, 4);
        insertEvent(
            c, tenant, inv, QStringLiteral("synthesis.generated"),
            QStringLiteral(
                R"({"synthesis_id": "%1", "root_cause": "late batch", "confidence": 0.8, "recommendations": ["wait"]})")
                .arg(sy),
            {}, 5);
        insertEvent(c, tenant, inv, QStringLiteral("investigation.completed"),
                    QStringLiteral(R"({"root_cause": "late batch", "confidence": 0.8})"), {}, 6);

        const QString fh = QStringLiteral("feedback.hypothesis");
        // Hypothesis: alice up then down (down counts); bob up as the string "1"; two anonymous
        // downs (each its own person); carol's "yes" and 2 are not ratings.
        insertEvent(c, tenant, inv, fh, rating(hyp, QStringLiteral("1")), alice, 10);
        insertEvent(c, tenant, inv, fh, rating(hyp, QStringLiteral("-1")), alice, 20);
        insertEvent(c, tenant, inv, fh, rating(hyp, QStringLiteral("\"1\"")), bob, 15);
        insertEvent(c, tenant, inv, fh, rating(hyp, QStringLiteral("-1")), {}, 16);
        insertEvent(c, tenant, inv, fh, rating(hyp, QStringLiteral("-1")), {}, 17);
        insertEvent(c, tenant, inv, fh, rating(hyp, QStringLiteral("\"yes\"")), carol, 18);
        insertEvent(c, tenant, inv, fh, rating(hyp, QStringLiteral("2")), carol, 19);
        // Query: dave's two ratings at the same instant — the larger (time-ordered) id wins;
        // the event with the larger id is written first, so arrival order cannot decide.
        const QString fq = QStringLiteral("feedback.query");
        insertEvent(c, tenant, inv, fq, rating(query, QStringLiteral("\"-1\"")), dave, 30,
                    fixedId(2));
        insertEvent(c, tenant, inv, fq, rating(query, QStringLiteral("1")), dave, 30, fixedId(1));
        insertEvent(c, tenant, inv, fq, rating(query, QStringLiteral("1")), carol, 31);
        // Synthesis: one anonymous up given as the string "+1", bob up.
        const QString fs = QStringLiteral("feedback.synthesis");
        insertEvent(c, tenant, inv, fs, rating(synth, QStringLiteral("\"+1\"")), {}, 40);
        insertEvent(c, tenant, inv, fs, rating(synth, QStringLiteral("1")), bob, 41);

        // Worked out by hand.
        const int hypUp = 1, hypDown = 3; // bob; alice + 2 anonymous
        const int queryUp = 1, queryDown = 1; // carol; dave (the larger id says -1)
        const int synthUp = 2, synthDown = 0;

        auto db = m_db->connect(QStringLiteral("acme"), QStringLiteral("alice"));
        QVERIFY2(db, qPrintable(test::TestDatabase::error()));

        // 1. The investigation view.
        auto events = EventLog(*db).investigation(inv);
        QVERIFY2(events, qPrintable(errorOf(events)));
        const InvestigationTrace trace = InvestigationTrace::fromEvents(*events, alice);
        QMap<QString, RatingTally> tally;
        for (const TraceStep &step : trace.steps)
            tally.insert(step.id.toString(QUuid::WithoutBraces), step.rating);
        QCOMPARE(tally.value(h).up, hypUp);
        QCOMPARE(tally.value(h).down, hypDown);
        QCOMPARE(tally.value(h).mine, -1);
        QCOMPARE(tally.value(q).up, queryUp);
        QCOMPARE(tally.value(q).down, queryDown);
        QCOMPARE(tally.value(sy).up, synthUp);
        QCOMPARE(tally.value(sy).down, synthDown);

        // 2. The knowledge counts (full rebuild and the incremental run agree).
        for (int pass = 0; pass < 2; ++pass) {
            auto k = test::knowledgeAfterPass(*db, pass, QStringLiteral("public.orders"));
            QVERIFY2(k, qPrintable(errorOf(k)));
            QCOMPARE(k->investigationCount, 1);
            QCOMPARE(k->positiveFeedbackCount, hypUp + queryUp + synthUp);
            QCOMPARE(k->negativeFeedbackCount, hypDown + queryDown + synthDown);
        }

        // 3. The training scores: (Σ latest ratings) / persons, and the up/down behind them
        //    (built by the worker's service login).
        auto worker = m_db->connect(QStringLiteral("acme"), {}, test::TestDatabase::As::Service);
        QVERIFY2(worker, qPrintable(test::TestDatabase::error()));
        auto built = TrainingExampleBuilder::rebuild(*worker);
        QVERIFY2(built, qPrintable(errorOf(built)));
        const auto example = [&](const QString &task, const QString &key, const QString &id) {
            return m_db->scalar(
                QStringLiteral("SELECT concat_ws('|', round(feedback_score::numeric, 4),"
                               " metadata->>'ratings_up', metadata->>'ratings_down')"
                               " FROM ml_training_examples WHERE task_type = '%1'"
                               " AND metadata->>'%2' = '%3'")
                    .arg(task, key, id));
        };
        const auto expected = [](int up, int down) {
            return QStringLiteral("%1|%2|%3")
                .arg(QString::number(double(up - down) / double(up + down), 'f', 4))
                .arg(up)
                .arg(down);
        };
        QCOMPARE(example(QStringLiteral("hypothesis_gen"), QStringLiteral("hypothesis_id"), h),
                 expected(hypUp, hypDown));
        QCOMPARE(example(QStringLiteral("synthesis"), QStringLiteral("synthesis_id"), sy),
                 expected(synthUp, synthDown));
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT concat_ws('|', metadata->>'ratings_up',"
                                             " metadata->>'ratings_down') FROM ml_training_examples"
                                             " WHERE task_type = 'query_gen'")),
                 QStringLiteral("%1|%2").arg(queryUp).arg(queryDown));
    }
};

QTEST_GUILESS_MAIN(TestLatestRating)
#include "tst_latestrating.moc"
