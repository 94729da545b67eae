// TrainingExampleBuilder against hand-built histories: the right examples, labels, scores,
// dataset/issue types and source events; idempotent and incremental rebuilds.

#include "databasetestcase.h"
#include "trainingexamplebuilder.h"
#include "traininghistory.h"

#include <QJsonArray>
#include <QTest>

using namespace ke;
using namespace ke::test;

namespace {

/// object[outer][inner], for the nested parts of an example's input.
QJsonValue nested(const QJsonObject &object, const char *outer, const char *inner)
{
    return object.value(QLatin1String(outer)).toObject().value(QLatin1String(inner));
}

} // namespace

class TestTrainingExamples : public test::DatabaseTestCase
{
    Q_OBJECT

private:
    AcmeHistory m_acme;
    OtherHistory m_other;

    struct Row
    {
        QString id;
        QJsonObject input;
        QJsonObject output;
        QJsonObject metadata;
        QString score; ///< text; empty = NULL
        int count = 0;
        QString datasetType;
        QString issueType;
        QString datasetId;
        QStringList sources;
    };

    Row row(const QString &task, const QString &where)
    {
        const QList<SqlRow> r = m_db->rows(
            QStringLiteral("SELECT id, input_data::text, output_data::text, metadata::text, "
                           "feedback_score, feedback_count, dataset_type, issue_type, dataset_id, "
                           "array_to_string(source_event_ids, ',') "
                           "FROM ml_training_examples WHERE tenant_id = $1 AND task_type = $2 "
                           "AND ")
                + where,
            {m_acme.tenant, task});
        if (r.size() != 1) {
            QTest::qFail(qPrintable(QStringLiteral("expected one %1 example where %2, got %3")
                                        .arg(task, where)
                                        .arg(r.size())),
                         __FILE__, __LINE__);
            return {};
        }
        const SqlRow &f = r.at(0);
        auto json
            = [](const QString &text) { return QJsonDocument::fromJson(text.toUtf8()).object(); };
        Row out;
        out.id = f.at(0);
        out.input = json(f.at(1));
        out.output = json(f.at(2));
        out.metadata = json(f.at(3));
        out.score = f.at(4);
        bool counted = false;
        out.count = f.at(5).toInt(&counted);
        if (!counted)
            throw std::runtime_error("feedback_count is not a number");
        out.datasetType = f.at(6);
        out.issueType = f.at(7);
        out.datasetId = f.at(8);
        out.sources = f.at(9).split(QLatin1Char(','), Qt::SkipEmptyParts);
        return out;
    }

    QString count(const QString &tenantWhere)
    {
        return m_db->scalar(QStringLiteral("SELECT count(*) FROM ml_training_examples WHERE ")
                            + tenantWhere);
    }

    QString acme() const
    {
        return QStringLiteral("tenant_id = '%1'").arg(m_acme.tenant.toString(QUuid::WithoutBraces));
    }

    /// The incremental build without an overlap window: exactly what became visible since.
    static Result<TrainingExampleBuilder::Stats> incrementalBuild(Database &db)
    {
        TrainingExampleBuilder::Options incremental;
        incremental.overlapSeconds = 0;
        return TrainingExampleBuilder::rebuild(db, incremental);
    }

private Q_SLOTS:
    void initTestCase()
    {
        KE_CREATE_TEST_DATABASE("trainex");
        m_acme.write(*m_db);
        m_other.write(*m_db);
        auto db = m_db->connect(QStringLiteral("acme"), {}, TestDatabase::As::Service);
        QVERIFY2(db, qPrintable(TestDatabase::error()));
        auto stats = TrainingExampleBuilder::rebuild(*db);
        QVERIFY2(stats, qPrintable(errorOf(stats)));
        QVERIFY(stats->full);
        QCOMPARE(stats->perTask.value(QStringLiteral("hypothesis_gen")), 3);
        QCOMPARE(stats->perTask.value(QStringLiteral("hypothesis_rank")), 1);
        QCOMPARE(stats->perTask.value(QStringLiteral("query_gen")), 2);
        QCOMPARE(stats->perTask.value(QStringLiteral("synthesis")), 2);
    }

    void onlyTheSessionsTenantIsBuilt()
    {
        QCOMPARE(count(acme()), QStringLiteral("8"));
        QCOMPARE(count(QStringLiteral("tenant_id = '%1'")
                           .arg(m_other.tenant.toString(QUuid::WithoutBraces))),
                 QStringLiteral("0"));
    }

    void hypothesisGenCarriesContextAndLatestRatings()
    {
        const Row h1 = row(QStringLiteral("hypothesis_gen"),
                           QStringLiteral("metadata->>'hypothesis_id' = 'h1'"));
        QCOMPARE(h1.output.value(QStringLiteral("text")).toString(),
                 QStringLiteral("The upstream ETL job failed"));
        // alice's -1 was replaced by her +1; bob +1: (1 + 1) / 2.
        QCOMPARE(h1.score.toDouble(), 1.0);
        QCOMPARE(h1.count, 2);
        QCOMPARE(h1.metadata.value(QStringLiteral("verdict")).toString(),
                 QStringLiteral("accepted"));
        QCOMPARE(nested(h1.input, "alert", "anomaly_type").toString(),
                 QStringLiteral("null_spike"));
        QCOMPARE(h1.issueType, QStringLiteral("null_spike"));
        // The dataset was named only inside investigation.started: resolved by name.
        QCOMPARE(h1.datasetId, m_acme.orders.toString(QUuid::WithoutBraces));
        QCOMPARE(nested(h1.input, "dataset", "name").toString(), QStringLiteral("public.orders"));
        QCOMPARE(h1.datasetType, QStringLiteral("transactions"));
        // The schema as recorded by the repeated investigation.started.
        QCOMPARE(nested(h1.input, "schema", "tables_found").toArray().size(), 2);
        // Quirks as they stood when it started: q-1 edited, q-2 retired, q-3 later.
        const QJsonArray quirks = h1.input.value(QStringLiteral("known_quirks")).toArray();
        QCOMPARE(quirks.size(), 1);
        QCOMPARE(quirks.at(0).toObject().value(QStringLiteral("text")).toString(),
                 QStringLiteral("ETL lags two days on weekends"));
        // Traceable: the generating event and the counted rating, not the superseded one.
        QVERIFY(h1.sources.contains(m_acme.h1Event.toString(QUuid::WithoutBraces)));
        QVERIFY(h1.sources.contains(m_acme.startedEvent.toString(QUuid::WithoutBraces)));
        QVERIFY(h1.sources.contains(m_acme.aliceNewRating.toString(QUuid::WithoutBraces)));
        QVERIFY(!h1.sources.contains(m_acme.aliceOldRating.toString(QUuid::WithoutBraces)));

        const Row h2 = row(QStringLiteral("hypothesis_gen"),
                           QStringLiteral("metadata->>'hypothesis_id' = 'h2'"));
        QCOMPARE(h2.score.toDouble(), -1.0);
        QCOMPARE(h2.metadata.value(QStringLiteral("verdict")).toString(),
                 QStringLiteral("rejected"));
        QCOMPARE(h2.metadata.value(QStringLiteral("comments")).toArray().size(), 1);

        const Row h3 = row(QStringLiteral("hypothesis_gen"),
                           QStringLiteral("metadata->>'hypothesis_id' = 'h3'"));
        QVERIFY(h3.score.isEmpty()); // unrated: NULL, not 0
        QCOMPARE(h3.count, 0);
        QCOMPARE(h3.datasetId, m_acme.clicks.toString(QUuid::WithoutBraces)); // by UUID
        QCOMPARE(h3.datasetType, QStringLiteral("events")); // metadata kind
        QCOMPARE(h3.issueType, QStringLiteral("volume_drop"));
    }

    void rankNamesTheAcceptedHypothesis()
    {
        const Row r = row(QStringLiteral("hypothesis_rank"), QStringLiteral("true"));
        QCOMPARE(r.output.value(QStringLiteral("best")).toString(), QStringLiteral("h1"));
        const QJsonArray ranking = r.output.value(QStringLiteral("ranking")).toArray();
        QCOMPARE(ranking.size(), 2);
        QCOMPARE(ranking.at(0).toObject().value(QStringLiteral("hypothesis_id")).toString(),
                 QStringLiteral("h1"));
        QCOMPARE(ranking.at(1).toObject().value(QStringLiteral("verdict")).toString(),
                 QStringLiteral("rejected"));
        QCOMPARE(r.input.value(QStringLiteral("hypotheses")).toArray().size(), 2);
        QCOMPARE(r.score.toDouble(), 1.0);
    }

    void queryGenUsesSubmittedSqlAndOutcome()
    {
        const Row q1
            = row(QStringLiteral("query_gen"), QStringLiteral("metadata->>'query_id' = 'q1'"));
        QCOMPARE(q1.output.value(QStringLiteral("sql")).toString(),
                 QStringLiteral("SELECT count(*) FROM public.orders WHERE customer_id IS NULL"));
        QCOMPARE(q1.output.value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("succeeded"));
        QCOMPARE(q1.input.value(QStringLiteral("hypothesis")).toString(),
                 QStringLiteral("The upstream ETL job failed"));
        QCOMPARE(q1.score.toDouble(), 1.0);
        QVERIFY(q1.sources.contains(m_acme.q1Submitted.toString(QUuid::WithoutBraces)));

        // Unrated but failed: the failure is one -1 vote.
        const Row q2
            = row(QStringLiteral("query_gen"), QStringLiteral("metadata->>'query_id' = 'q2'"));
        QCOMPARE(q2.output.value(QStringLiteral("outcome")).toString(), QStringLiteral("failed"));
        QCOMPARE(q2.score.toDouble(), -1.0);
        QCOMPARE(q2.count, 0);
    }

    void synthesisCombinesSynthesisAndInvestigationRatings()
    {
        const Row s1
            = row(QStringLiteral("synthesis"), QStringLiteral("metadata->>'synthesis_id' = 's1'"));
        QCOMPARE(s1.output.value(QStringLiteral("root_cause")).toString(),
                 QStringLiteral("The orders ETL job failed at 02:00"));
        const QJsonArray evidence = s1.input.value(QStringLiteral("evidence")).toArray();
        QCOMPARE(evidence.size(), 1);
        QCOMPARE(evidence.at(0).toObject().value(QStringLiteral("hypothesis")).toString(),
                 QStringLiteral("The upstream ETL job failed"));
        // alice: synthesis +1 beats her investigation -1; bob: investigation -1 → 0.
        QCOMPARE(s1.score.toDouble(), 0.0);
        QCOMPARE(s1.count, 2);

        // I2 has no synthesis.generated: its investigation.completed stands in.
        const Row s2 = row(QStringLiteral("synthesis"),
                           QStringLiteral("investigation_id = '%1'")
                               .arg(m_acme.i2.toString(QUuid::WithoutBraces)));
        QCOMPARE(s2.output.value(QStringLiteral("root_cause")).toString(),
                 QStringLiteral("Tracking SDK outage"));
        QVERIFY(s2.score.isEmpty());
    }

    void rebuildIsIdempotent()
    {
        const QString before
            = m_db->scalar(QStringLiteral("SELECT string_agg(id::text || ':' || "
                                          "coalesce(feedback_score::text, '-'), ',' ORDER BY id) "
                                          "FROM ml_training_examples WHERE ")
                           + acme());
        auto db = m_db->connect(QStringLiteral("acme"), {}, TestDatabase::As::Service);
        QVERIFY(db);
        TrainingExampleBuilder::Options full;
        full.full = true;
        QVERIFY(TrainingExampleBuilder::rebuild(*db, full));
        auto again = TrainingExampleBuilder::rebuild(*db); // incremental, nothing new
        QVERIFY(again);
        QVERIFY(!again->full);
        const QString after
            = m_db->scalar(QStringLiteral("SELECT string_agg(id::text || ':' || "
                                          "coalesce(feedback_score::text, '-'), ',' ORDER BY id) "
                                          "FROM ml_training_examples WHERE ")
                           + acme());
        QCOMPARE(after, before);
    }

    void incrementalBuildTakesNewRatingsOnly()
    {
        // carol thumbs h1 down later: only I1 is rebuilt, h1 becomes (1 + 1 - 1) / 3.
        HistoryWriter w(*m_db, m_acme.tenant, QDateTime::currentDateTimeUtc().addSecs(-10));
        w.feedback(m_acme.i1, QStringLiteral("hypothesis"), QStringLiteral("h1"), -1, m_acme.carol,
                   0);
        auto db = m_db->connect(QStringLiteral("acme"), {}, TestDatabase::As::Service);
        QVERIFY(db);
        // No overlap window: exactly the investigations with events newer than the last build.
        auto stats = incrementalBuild(*db);
        QVERIFY2(stats, qPrintable(errorOf(stats)));
        QVERIFY(!stats->full);
        QCOMPARE(stats->investigations, 1);
        QCOMPARE(stats->examples, 6); // I1's: 2 hypothesis_gen, rank, 2 query_gen, synthesis
        const Row h1 = row(QStringLiteral("hypothesis_gen"),
                           QStringLiteral("metadata->>'hypothesis_id' = 'h1'"));
        QVERIFY(qAbs(h1.score.toDouble() - 1.0 / 3.0) < 1e-9);
        QCOMPARE(h1.count, 3);
        QCOMPARE(count(acme()), QStringLiteral("8"));
        // carol changes her mind: still three persons, now (1 + 1 + 1) / 3.
        w.feedback(m_acme.i1, QStringLiteral("hypothesis"), QStringLiteral("h1"), 1, m_acme.carol,
                   5);
        QVERIFY(TrainingExampleBuilder::rebuild(*db));
        const Row again = row(QStringLiteral("hypothesis_gen"),
                              QStringLiteral("metadata->>'hypothesis_id' = 'h1'"));
        QCOMPARE(again.score.toDouble(), 1.0);
        QCOMPARE(again.count, 3);
    }

    void lateAndFutureDatedEventsNeitherHideNorFreeze()
    {
        // Review finding H6: the incremental build followed max(created_at). A backfilled event
        // dated long ago was never built, and one dated in the future froze every later build.
        // The watermark is now the writing transaction (like the aggregation's).
        auto db = m_db->connect(QStringLiteral("acme"), {}, TestDatabase::As::Service);
        QVERIFY(db);
        QVERIFY(TrainingExampleBuilder::rebuild(*db)); // up to date
        // A rating backfilled with a time two years ago: still built by the next incremental run.
        HistoryWriter old(*m_db, m_acme.tenant, QDateTime::currentDateTimeUtc().addYears(-2));
        old.feedback(m_acme.i1, QStringLiteral("hypothesis"), QStringLiteral("h1"), -1,
                     m_acme.carol, 0);
        auto stats = incrementalBuild(*db);
        QVERIFY2(stats, qPrintable(errorOf(stats)));
        QVERIFY(!stats->full);
        QCOMPARE(stats->investigations, 1);
        // The database refuses an event dated next year outright.
        const QString refused = errorOf(m_db->admin().exec(
            QStringLiteral("INSERT INTO feedback_events (id, tenant_id, investigation_id, "
                           "event_type, event_data, actor_type, created_at) VALUES "
                           "(gen_random_uuid(), $1, gen_random_uuid(), 'comment.added', "
                           "'{\"text\": \"x\"}', 'user', now() + interval '1 year')"),
            {m_acme.tenant}));
        QVERIFY2(refused.contains(QLatin1String("5 minutes ahead")), qPrintable(refused));
        // carol's real re-rating afterwards is built as usual.
        HistoryWriter now(*m_db, m_acme.tenant, QDateTime::currentDateTimeUtc().addSecs(-5));
        now.feedback(m_acme.i1, QStringLiteral("hypothesis"), QStringLiteral("h1"), 1, m_acme.carol,
                     0);
        stats = incrementalBuild(*db);
        QVERIFY2(stats, qPrintable(errorOf(stats)));
        QCOMPARE(stats->investigations, 1);
        QCOMPARE(row(QStringLiteral("hypothesis_gen"),
                     QStringLiteral("metadata->>'hypothesis_id' = 'h1'"))
                     .score.toDouble(),
                 1.0);
    }

    void tenantRulesDecideTheDatasetType()
    {
        m_db->scalar(QStringLiteral(
            "UPDATE tenants SET settings = '{\"training\": {\"dataset_type_rules\": "
            "[{\"match\": \"^public\\\\.\", \"type\": \"warehouse\"}]}}' WHERE slug = 'acme'"));
        auto db = m_db->connect(QStringLiteral("acme"), {}, TestDatabase::As::Service);
        QVERIFY(db);
        TrainingExampleBuilder::Options full;
        full.full = true;
        QVERIFY(TrainingExampleBuilder::rebuild(*db, full));
        QCOMPARE(row(QStringLiteral("hypothesis_gen"),
                     QStringLiteral("metadata->>'hypothesis_id' = 'h1'"))
                     .datasetType,
                 QStringLiteral("warehouse"));
        m_db->scalar(QStringLiteral("UPDATE tenants SET settings = '{}' WHERE slug = 'acme'"));
    }
};

QTEST_GUILESS_MAIN(TestTrainingExamples)
#include "tst_trainingexamples.moc"
