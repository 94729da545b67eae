// Rebuilding an investigation from its events: reading order, statuses, and ratings where only
// each person's latest rating of a step counts.

#include "investigationtrace.h"
#include "testuuid.h"
#include "uuid.h"

#include <QJsonArray>
#include <QTest>

using namespace ke;

namespace {

Event ev(const char *type, int minute, QJsonObject data, QUuid actor = {})
{
    Event e;
    e.id = createUuidV7();
    e.eventType = QLatin1String(type);
    e.data = std::move(data);
    e.actorId = actor;
    e.createdAt = QDateTime(QDate(2026, 11, 1), QTime(9, 0), Qt::UTC).addSecs(60 * minute);
    return e;
}

} // namespace

class TestInvestigationTrace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildsTheStepsInReadingOrder()
    {
        const QUuid h1 = createUuidV7(), h2 = createUuidV7(), q1 = createUuidV7(),
                    e1 = createUuidV7(), syn = createUuidV7();
        const QUuid alice = createUuidV7(), bob = createUuidV7();
        std::vector<Event> events = {
            // Deliberately out of order: the trace sorts by time.
            ev("synthesis.generated", 30,
               {{QStringLiteral("synthesis_id"), test::uuidText(syn)},
                {QStringLiteral("root_cause"), QStringLiteral("late batch")},
                {QStringLiteral("confidence"), 0.8},
                {QStringLiteral("recommendations"), QJsonArray{QStringLiteral("alert on lag")}}}),
            ev("investigation.started", 0,
               {{QStringLiteral("dataset_id"), QStringLiteral("public.orders")},
                {QStringLiteral("alert"),
                 QJsonObject{{QStringLiteral("metric"), QStringLiteral("row_count")}}}}),
            ev("investigation.started", 1,
               {{QStringLiteral("tables_found"), QJsonArray{QStringLiteral("orders")}}}),
            ev("hypothesis.generated", 2,
               {{QStringLiteral("hypothesis_id"), test::uuidText(h1)},
                {QStringLiteral("text"), QStringLiteral("ETL lag")},
                {QStringLiteral("confidence"), 0.7}}),
            ev("hypothesis.generated", 3,
               {{QStringLiteral("hypothesis_id"), test::uuidText(h2)},
                {QStringLiteral("text"), QStringLiteral("Bot traffic")}}),
            ev("query.planned", 4,
               {{QStringLiteral("query_id"), test::uuidText(q1)},
                {QStringLiteral("hypothesis_id"), test::uuidText(h1)},
                {QStringLiteral("sql"), QStringLiteral("SELECT max(loaded_at) FROM orders")},
                {QStringLiteral("purpose"), QStringLiteral("freshness")}}),
            ev("query.failed", 5,
               {{QStringLiteral("query_id"), test::uuidText(q1)},
                {QStringLiteral("hypothesis_id"), test::uuidText(h1)},
                {QStringLiteral("error"), QStringLiteral("timeout")}}),
            ev("evidence.evaluated", 6,
               {{QStringLiteral("evidence_id"), test::uuidText(e1)},
                {QStringLiteral("hypothesis_id"), test::uuidText(h1)},
                {QStringLiteral("summary"), QStringLiteral("batch ran 2 days late")},
                {QStringLiteral("supports"), true}}),
            ev("hypothesis.accepted", 7, {{QStringLiteral("hypothesis_id"), test::uuidText(h1)}}),
            ev("hypothesis.rejected", 8, {{QStringLiteral("hypothesis_id"), test::uuidText(h2)}}),
            ev("investigation.completed", 31,
               {{QStringLiteral("root_cause"), QStringLiteral("late batch")}}),
            // Ratings: alice up then down (latest counts), bob up; bob on the synthesis.
            ev("feedback.hypothesis", 40,
               {{QStringLiteral("target_id"), test::uuidText(h1)}, {QStringLiteral("rating"), 1}},
               alice),
            ev("feedback.hypothesis", 41,
               {{QStringLiteral("target_id"), test::uuidText(h1)},
                {QStringLiteral("rating"), -1},
                {QStringLiteral("reason"), QStringLiteral("Already known")}},
               alice),
            ev("feedback.hypothesis", 42,
               {{QStringLiteral("target_id"), test::uuidText(h1)}, {QStringLiteral("rating"), 1}},
               bob),
            ev("feedback.synthesis", 43,
               {{QStringLiteral("target_id"), test::uuidText(syn)}, {QStringLiteral("rating"), 1}},
               bob),
            ev("comment.added", 44, {{QStringLiteral("text"), QStringLiteral("seen this before")}},
               bob),
        };
        const InvestigationTrace t = InvestigationTrace::fromEvents(events, alice);
        QCOMPARE(t.outcome, QStringLiteral("completed"));
        QCOMPARE(t.datasetKey, QStringLiteral("public.orders"));
        QCOMPARE(t.alert.value(QStringLiteral("metric")).toString(), QStringLiteral("row_count"));
        QStringList kinds;
        for (const TraceStep &step : t.steps)
            kinds << step.kind;
        QCOMPARE(kinds,
                 (QStringList{QStringLiteral("investigation"), QStringLiteral("hypothesis"),
                              QStringLiteral("query"), QStringLiteral("evidence"),
                              QStringLiteral("hypothesis"), QStringLiteral("synthesis")}));
        const TraceStep &hyp = t.steps.at(1);
        QCOMPARE(hyp.title, QStringLiteral("ETL lag"));
        QCOMPARE(hyp.status, QStringLiteral("accepted"));
        QCOMPARE(hyp.rating.up, 1); // bob
        QCOMPARE(hyp.rating.down, 1); // alice's latest
        QCOMPARE(hyp.rating.mine, -1);
        QCOMPARE(hyp.rating.myReason, QStringLiteral("Already known"));
        QCOMPARE(t.steps.at(2).status, QStringLiteral("failed"));
        QVERIFY(t.steps.at(2).detail.contains(QLatin1String("timeout")));
        QCOMPARE(t.steps.at(3).status, QStringLiteral("supports"));
        QCOMPARE(t.steps.at(4).status, QStringLiteral("rejected"));
        QCOMPARE(t.steps.at(5).rating.up, 1);
        QCOMPARE(t.steps.at(5).rating.mine, 0);
        QVERIFY(t.steps.at(5).detail.contains(QLatin1String("alert on lag")));
        QCOMPARE(t.comments.size(), 1);
    }

    void unknownEventsAreIgnored()
    {
        std::vector<Event> events = {ev("investigation.started", 0, {}),
                                     ev("orchestrator.heartbeat", 1, {{QStringLiteral("x"), 1}})};
        const InvestigationTrace t = InvestigationTrace::fromEvents(events, {});
        QCOMPARE(t.steps.size(), 1);
        QCOMPARE(t.outcome, QStringLiteral("running"));
    }
};

QTEST_GUILESS_MAIN(TestInvestigationTrace)
#include "tst_investigationtrace.moc"
