// Rating steps and keeping quirks: what a person does from the desktop or knowledgectl.
// Every refusal must say why and leave the event log untouched.

#include "database.h"
#include "databasetestcase.h"
#include "eventlog.h"
#include "feedbackrecorder.h"
#include "quirkbook.h"
#include "uuid.h"

#include <QJsonArray>
#include <QTest>

using namespace ke;

class TestFeedbackAndQuirks : public test::DatabaseTestCase
{
    Q_OBJECT

private:
    std::unique_ptr<Database> m_conn;
    QUuid m_tenant;
    QUuid m_dataset;
    QUuid m_investigation;
    QUuid m_hypothesis;
    QUuid m_query;

    int eventCount(const QString &type = {})
    {
        const QString where
            = type.isEmpty() ? QString() : QStringLiteral(" AND event_type = '%1'").arg(type);
        return m_db
            ->scalar(QStringLiteral("SELECT count(*) FROM feedback_events WHERE tenant_id = '%1'%2")
                         .arg(m_tenant.toString(QUuid::WithoutBraces), where))
            .toInt();
    }

    QString uuid(const QUuid &u) const { return u.toString(QUuid::WithoutBraces); }

private Q_SLOTS:
    void initTestCase()
    {
        KE_CREATE_TEST_DATABASE("feedback");
        m_tenant = m_db->createTenant(QStringLiteral("acme"));
        m_db->createTenant(QStringLiteral("globex"));
        m_dataset = createUuidV7();
        m_db->scalar(
            QStringLiteral(
                "INSERT INTO datasets (tenant_id, id, name) VALUES ('%1', '%2', 'public.orders')")
                .arg(uuid(m_tenant), uuid(m_dataset)));
        m_conn = m_db->connect(QStringLiteral("acme"), QStringLiteral("alice"));
        QVERIFY2(m_conn, qPrintable(test::TestDatabase::error()));

        // An investigation as the orchestrator writes it: dataset named in the started event.
        m_investigation = createUuidV7();
        m_hypothesis = createUuidV7();
        m_query = createUuidV7();
        std::vector<Event> events(3);
        events[0].eventType = QStringLiteral("investigation.started");
        events[0].data = {{QStringLiteral("dataset_id"), QStringLiteral("public.orders")}};
        events[1].eventType = QStringLiteral("hypothesis.generated");
        events[1].data = {{QStringLiteral("hypothesis_id"), uuid(m_hypothesis)},
                          {QStringLiteral("text"), QStringLiteral("Late ETL batch")},
                          {QStringLiteral("confidence"), 0.6}};
        events[2].eventType = QStringLiteral("query.succeeded");
        events[2].data = {{QStringLiteral("query_id"), uuid(m_query)},
                          {QStringLiteral("hypothesis_id"), uuid(m_hypothesis)},
                          {QStringLiteral("sql"), QStringLiteral("SELECT 1")},
                          {QStringLiteral("row_count"), 1}};
        for (Event &e : events) {
            e.investigationId = m_investigation;
            e.actorType = QStringLiteral("system");
        }
        // The orchestrator is a service login; the people rating below are member logins.
        auto orchestrator
            = m_db->connect(QStringLiteral("acme"), {}, test::TestDatabase::As::Service);
        QVERIFY2(orchestrator, qPrintable(test::TestDatabase::error()));
        auto written = EventLog(*orchestrator).emitBatch(events);
        QVERIFY2(written, qPrintable(test::errorOf(written)));
        QCOMPARE(*written, qsizetype(3));
    }

    void ratesAnExistingStep()
    {
        const int before = eventCount();
        FeedbackInput in;
        in.targetType = QStringLiteral("hypothesis");
        in.targetId = m_hypothesis;
        in.investigationId = m_investigation;
        in.rating = 1;
        in.reason = QStringLiteral("Right direction");
        auto e = FeedbackRecorder::record(*m_conn, in);
        QVERIFY2(e, qPrintable(test::errorOf(e)));
        QCOMPARE(e->eventType, QStringLiteral("feedback.hypothesis"));
        QCOMPARE(eventCount(), before + 1);
        const QString stored
            = m_db->scalar(QStringLiteral("SELECT event_data->>'reason' || '|' || "
                                          "(event_data->>'rating') || '|' || actor_type "
                                          "FROM feedback_events WHERE id = '%1'")
                               .arg(uuid(e->id)));
        QCOMPARE(stored, QStringLiteral("Right direction|1|user"));
        // The actor is the person "alice", created on first use.
        QCOMPARE(
            m_db->scalar(
                QStringLiteral(
                    "SELECT p.handle FROM feedback_events f JOIN people p ON p.id = f.actor_id "
                    "WHERE f.id = '%1'")
                    .arg(uuid(e->id))),
            QStringLiteral("alice"));
    }

    void refusesUnknownTarget()
    {
        const int before = eventCount();
        FeedbackInput in;
        in.targetType = QStringLiteral("query");
        in.targetId = m_hypothesis; // a hypothesis id is not a query of this investigation
        in.investigationId = m_investigation;
        in.rating = -1;
        auto e = FeedbackRecorder::record(*m_conn, in);
        QVERIFY(!e);
        QCOMPARE(e.error().code, QStringLiteral("unknown_target"));
        QVERIFY2(e.error().message.contains(QLatin1String("no query")),
                 qPrintable(e.error().message));
        QVERIFY(e.error().message.contains(QLatin1String("nothing was recorded")));
        QCOMPARE(eventCount(), before);
    }

    void commandLineFeedback_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString inv = uuid(m_investigation);
        const QString q = uuid(m_query);
        QTest::newRow("good")
            << QStringList{QStringLiteral("--target-type"),   QStringLiteral("query"),
                           QStringLiteral("--target"),        q,
                           QStringLiteral("--investigation"), inv,
                           QStringLiteral("--rating"),        QStringLiteral("1"),
                           QStringLiteral("--reason"),        QStringLiteral("Useful data")}
            << 0 << QStringLiteral("recorded thumbs up on query");
        QTest::newRow("rating of 5")
            << QStringList{QStringLiteral("--target-type"),   QStringLiteral("query"),
                           QStringLiteral("--target"),        q,
                           QStringLiteral("--investigation"), inv,
                           QStringLiteral("--rating"),        QStringLiteral("5")}
            << 1 << QStringLiteral("rating must be 1 (thumbs up) or -1 (thumbs down), got 5");
        QTest::newRow("unknown target")
            << QStringList{QStringLiteral("--target-type"),   QStringLiteral("evidence"),
                           QStringLiteral("--target"),        uuid(createUuidV7()),
                           QStringLiteral("--investigation"), inv,
                           QStringLiteral("--rating"),        QStringLiteral("-1")}
            << 1 << QStringLiteral("no evidence");
        QTest::newRow("bad target type")
            << QStringList{QStringLiteral("--target-type"),   QStringLiteral("dashboard"),
                           QStringLiteral("--target"),        q,
                           QStringLiteral("--investigation"), inv,
                           QStringLiteral("--rating"),        QStringLiteral("1")}
            << 1 << QStringLiteral("unknown target type 'dashboard'");
        QTest::newRow("target not a uuid")
            << QStringList{QStringLiteral("--target-type"),   QStringLiteral("query"),
                           QStringLiteral("--target"),        QStringLiteral("q-17"),
                           QStringLiteral("--investigation"), inv,
                           QStringLiteral("--rating"),        QStringLiteral("1")}
            << 1 << QStringLiteral("--target must be a UUID, got 'q-17'");
    }

    void commandLineFeedback()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const int before = eventCount();
        const auto r = m_db->run(QStringLiteral("knowledgectl"),
                                 QStringList{QStringLiteral("feedback")} + args, {},
                                 QStringLiteral("acme"), QStringLiteral("bob"));
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2((exitCode == 0 ? r.out : r.err).contains(message), qPrintable(r.out + r.err));
        QCOMPARE(eventCount(), before + (exitCode == 0 ? 1 : 0));
    }

    void feedbackNeedsAnActor()
    {
        const QStringList args{QStringLiteral("feedback"),
                               QStringLiteral("--target-type"),
                               QStringLiteral("investigation"),
                               QStringLiteral("--investigation"),
                               uuid(m_investigation),
                               QStringLiteral("--rating"),
                               QStringLiteral("1")};
        // A service login writes for others: it must say for whom.
        const auto service = m_db->run(QStringLiteral("knowledgectl"), args, {},
                                       QStringLiteral("acme"), {}, test::TestDatabase::As::Service);
        QCOMPARE(service.exitCode, 1);
        QVERIFY2(service.err.contains(QLatin1String("KNOWLEDGE_ACTOR")), qPrintable(service.err));
        // A member login is its person: no --actor needed, and the rating is that person's.
        const qint64 before = eventCount();
        const auto member = m_db->run(QStringLiteral("knowledgectl"), args, {},
                                      QStringLiteral("acme"), QStringLiteral("carol"));
        QVERIFY2(member.exitCode == 0, qPrintable(member.err));
        QCOMPARE(eventCount(), before + 1);
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT p.handle FROM feedback_events e JOIN people p "
                                             "ON p.tenant_id = e.tenant_id AND p.id = e.actor_id "
                                             "ORDER BY e.id DESC LIMIT 1")),
                 QStringLiteral("carol"));
    }

    void anotherTenantCannotRateIt()
    {
        auto globex = m_db->connect(QStringLiteral("globex"), QStringLiteral("mallory"));
        QVERIFY(globex);
        FeedbackInput in;
        in.targetType = QStringLiteral("hypothesis");
        in.targetId = m_hypothesis;
        in.investigationId = m_investigation;
        in.rating = -1;
        auto e = FeedbackRecorder::record(*globex, in);
        QVERIFY(!e);
        QCOMPARE(e.error().code, QStringLiteral("unknown_target"));
    }

    void quirkLifecycle()
    {
        auto added = QuirkBook::add(*m_conn, QStringLiteral("public.orders"),
                                    QStringLiteral("  ETL has a 2-day lag on weekends "),
                                    QStringLiteral("order_date"));
        QVERIFY2(added, qPrintable(test::errorOf(added)));
        const QUuid quirk
            = QUuid::fromString(added->data.value(QStringLiteral("quirk_id")).toString());
        QVERIFY(!quirk.isNull());
        QCOMPARE(added->datasetId, m_dataset);
        QCOMPARE(added->data.value(QStringLiteral("text")).toString(),
                 QStringLiteral("ETL has a 2-day lag on weekends"));

        auto edited = QuirkBook::edit(
            *m_conn, quirk, QStringLiteral("ETL has a 2-day lag on weekends and holidays"));
        QVERIFY(edited);
        QCOMPARE(edited->eventType, QStringLiteral("quirk.edited"));
        QCOMPARE(edited->datasetId, m_dataset);
        auto confirmed = QuirkBook::confirm(*m_conn, quirk);
        QVERIFY(confirmed);
        auto retired
            = QuirkBook::retire(*m_conn, quirk, QStringLiteral("fixed by the new scheduler"));
        QVERIFY(retired);

        // History stays: four events for this quirk, none changed.
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT string_agg(event_type, ',' ORDER BY "
                                             "created_at, id) FROM feedback_events "
                                             "WHERE event_data->>'quirk_id' = '%1'")
                                  .arg(uuid(quirk))),
                 QStringLiteral("quirk.added,quirk.edited,quirk.confirmed,quirk.retired"));

        const int before = eventCount();
        auto again = QuirkBook::edit(*m_conn, quirk, QStringLiteral("too late"));
        QVERIFY(!again);
        QCOMPARE(again.error().code, QStringLiteral("retired_quirk"));
        QCOMPARE(eventCount(), before);
    }

    void quirkRefusals_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString ghost = uuid(createUuidV7());
        QTest::newRow("edit of a quirk that does not exist")
            << QStringList{QStringLiteral("edit"), ghost, QStringLiteral("new text")}
            << QStringLiteral("there is no quirk %1 in this tenant").arg(ghost);
        QTest::newRow("retire of a quirk that does not exist")
            << QStringList{QStringLiteral("retire"), ghost} << QStringLiteral("there is no quirk");
        QTest::newRow("unknown dataset")
            << QStringList{QStringLiteral("add"), QStringLiteral("public.nope"),
                           QStringLiteral("text")}
            << QStringLiteral("unknown dataset 'public.nope'");
        QTest::newRow("empty text")
            << QStringList{QStringLiteral("add"), QStringLiteral("public.orders"),
                           QStringLiteral("   ")}
            << QStringLiteral("the quirk text is empty");
        QTest::newRow("id not a uuid")
            << QStringList{QStringLiteral("edit"), QStringLiteral("17"), QStringLiteral("x")}
            << QStringLiteral("QUIRK_ID must be a UUID, got '17'");
    }

    void quirkRefusals()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const int before = eventCount();
        const auto r
            = m_db->run(QStringLiteral("knowledgectl"), QStringList{QStringLiteral("quirk")} + args,
                        {}, QStringLiteral("acme"), QStringLiteral("carol"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(eventCount(), before);
    }

    void quirkFromTheCommandLine()
    {
        const auto r = m_db->run(QStringLiteral("knowledgectl"),
                                 {QStringLiteral("quirk"), QStringLiteral("add"),
                                  QStringLiteral("public.orders"),
                                  QStringLiteral("Refunds arrive as negative orders")},
                                 {}, QStringLiteral("acme"), QStringLiteral("carol"));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String(": added")), qPrintable(r.out + r.err));
        QCOMPARE(m_db->scalar(QStringLiteral(
                     "SELECT count(*) FROM feedback_events WHERE event_type = 'quirk.added' "
                     "AND event_data->>'text' = 'Refunds arrive as negative orders'")),
                 QStringLiteral("1"));
    }
};

QTEST_GUILESS_MAIN(TestFeedbackAndQuirks)
#include "tst_feedbackandquirks.moc"
