// Reading knowledge and the activity feed: JSON keys, pagination, unknown datasets, the CLI.

#include "catalogue.h"
#include "database.h"
#include "databasetestcase.h"
#include "knowledgeaggregator.h"
#include "knowledgestore.h"
#include "quirkbook.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace ke;

namespace {

template <typename R> QString errorOf(const R &r)
{
    return test::errorOf(r);
}

} // namespace

class TestKnowledgeStore : public test::DatabaseTestCase
{
    Q_OBJECT

private:
    QUuid m_tenant;

    struct Paged
    {
        QList<ActivityItem> items;
        int pages = 0;
        QString error; ///< a page that could not be read
    };
    /// Every page of `dataset`'s activity, `pageSize` items a page, following the cursors as a
    /// reader scrolling down would (100 pages at the most).
    static Paged allActivity(Database &db, const QString &dataset, int pageSize)
    {
        Paged out;
        QString cursor;
        do {
            auto page = KnowledgeStore::activity(db, dataset, pageSize, cursor);
            if (!page) {
                out.error = errorOf(page);
                break;
            }
            out.items += page->items;
            cursor = page->nextCursor;
            ++out.pages;
        } while (!cursor.isEmpty() && out.pages < 100);
        return out;
    }
    /// Newest first, and no item twice.
    static bool newestFirstOnce(const QList<ActivityItem> &items)
    {
        QSet<QUuid> ids;
        for (qsizetype i = 0; i < items.size(); ++i) {
            ids.insert(items.at(i).eventId);
            if (i > 0 && items.at(i - 1).createdAt < items.at(i).createdAt)
                return false;
        }
        return ids.size() == items.size();
    }

    void insert(const QUuid &inv, const char *type, const QString &data, const QUuid &actor, int at)
    {
        m_db->exec(QStringLiteral(
                       "INSERT INTO feedback_events (id, tenant_id, investigation_id, event_type, "
                       "event_data, actor_id, actor_type, created_at) VALUES (gen_random_uuid(), "
                       "$1, $2, $3, $4::jsonb, $5, 'user', '2026-02-01'::timestamptz + $6 * "
                       "interval '1 second')"),
                   {m_tenant, inv, type, data, actor, at});
    }

private Q_SLOTS:
    void initTestCase()
    {
        KE_CREATE_TEST_DATABASE("kstore");
        m_tenant = m_db->createTenant(QStringLiteral("shop"));
        const QUuid ann = QUuid::createUuid();
        // 12 investigations of public.orders: started twice each (the repeat is not in the
        // feed), completed, one comment, one rating, all at the same second in pairs (ties
        // broken by id).
        for (int i = 0; i < 12; ++i) {
            const QUuid inv = QUuid::createUuid();
            insert(
                inv, "investigation.started",
                QStringLiteral(
                    R"({"dataset_id": "public.orders", "alert": {"anomaly_type": "late_data", "metric": "freshness"}})"),
                ann, i * 10);
            insert(inv, "investigation.started", QStringLiteral(R"({"tables_found": 3})"), ann,
                   i * 10 + 1);
            insert(inv, "investigation.completed",
                   QStringLiteral(R"({"root_cause": "Upstream job\nran late", "confidence": 0.9})"),
                   ann, i * 10 + 2);
            insert(inv, "comment.added", QStringLiteral(R"({"text": "seen before"})"), ann,
                   i * 10 + 2);
            insert(inv, "feedback.investigation",
                   QStringLiteral(R"({"target_id": "%1", "rating": 1, "reason": "Saved time"})")
                       .arg(inv.toString(QUuid::WithoutBraces)),
                   ann, i * 10 + 3);
            insert(inv, "unknown.kind", QStringLiteral(R"({"x": 1})"), ann, i * 10 + 4);
        }
        auto db = m_db->connect(QStringLiteral("shop"));
        QVERIFY(db);
        auto r = KnowledgeAggregator::runIncremental(*db);
        QVERIFY2(r, qPrintable(errorOf(r)));
    }

    void knowledgeJsonHasTheContractKeys()
    {
        auto db = m_db->connect(QStringLiteral("shop"));
        QVERIFY(db);
        auto k = KnowledgeStore::knowledge(*db, QStringLiteral("public.orders"));
        QVERIFY2(k, qPrintable(errorOf(k)));
        const QJsonObject j = k->toJson();
        for (const char *key :
             {"dataset_id", "name", "investigation_count", "positive_feedback_count",
              "negative_feedback_count", "last_investigation_at", "common_issues", "known_quirks",
              "top_findings", "owners"})
            QVERIFY2(j.contains(QLatin1String(key)), key);
        QCOMPARE(j.value(QLatin1String("name")).toString(), QStringLiteral("public.orders"));
        QCOMPARE(j.value(QLatin1String("investigation_count")).toInt(), 12);
        QCOMPARE(j.value(QLatin1String("positive_feedback_count")).toInt(), 12);
        QCOMPARE(j.value(QLatin1String("negative_feedback_count")).toInt(), 0);
        QCOMPARE(j.value(QLatin1String("last_investigation_at")).toString(),
                 QStringLiteral("2026-02-01T00:01:50.000Z"));
        const QJsonArray findings = j.value(QLatin1String("top_findings")).toArray();
        QCOMPARE(findings.size(), 1); // the same root cause of 12 investigations, listed once
        QCOMPARE(findings.at(0).toObject().value(QLatin1String("finding_type")).toString(),
                 QStringLiteral("root_cause"));
        QVERIFY(findings.at(0).toObject().value(QLatin1String("feedback_score")).toDouble() > 0.2);
        const QJsonArray owners = j.value(QLatin1String("owners")).toArray();
        QCOMPARE(owners.size(), 1);
        QCOMPARE(owners.at(0).toObject().value(QLatin1String("share")).toDouble(), 1.0);

        // The same by UUID, and from the command line.
        auto byId = KnowledgeStore::knowledge(*db, k->datasetId.toString(QUuid::WithoutBraces));
        QVERIFY2(byId, qPrintable(errorOf(byId)));
        QCOMPARE(byId->name, QStringLiteral("public.orders"));
        const auto run = m_db->run(QStringLiteral("knowledgectl"),
                                   {QStringLiteral("knowledge"), QStringLiteral("public.orders"),
                                    QStringLiteral("--json")},
                                   {}, QStringLiteral("shop"));
        QCOMPARE(run.exitCode, 0);
        const QJsonObject cli = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(cli.value(QLatin1String("investigation_count")).toInt(), 12);
        const auto human = m_db->run(QStringLiteral("knowledgectl"),
                                     {QStringLiteral("knowledge"), QStringLiteral("public.orders")},
                                     {}, QStringLiteral("shop"));
        QCOMPARE(human.exitCode, 0);
        QVERIFY2(human.out.contains(QLatin1String("12 investigation")), qPrintable(human.out));
        // Each top finding under its kind in words ("root cause: …", not "root_cause: …").
        const QJsonArray top = cli.value(QLatin1String("top_findings")).toArray();
        QVERIFY(!top.isEmpty());
        bool rootCause = false;
        for (const QJsonValue &f : top) {
            const QString type = f.toObject().value(QLatin1String("finding_type")).toString();
            rootCause = rootCause || type == QLatin1String("root_cause");
            QVERIFY2(human.out.contains(FindingTypes::label(type) + QLatin1String(": ")),
                     qPrintable(human.out));
        }
        QVERIFY(rootCause);
        const qsizetype from = human.out.indexOf(QLatin1String("Top findings:"));
        const QString findingLines
            = human.out.mid(from, human.out.indexOf(QLatin1String("Common issues:")) - from);
        QVERIFY2(findingLines.contains(QLatin1String("root cause: "))
                     && !findingLines.contains(QLatin1String("root_cause")),
                 qPrintable(human.out));
        const auto agg = m_db->run(QStringLiteral("knowledgectl"), {QStringLiteral("aggregate")},
                                   {}, QStringLiteral("shop"));
        QCOMPARE(agg.exitCode, 0);
        QVERIFY2(agg.out.contains(QLatin1String("0 events processed")), qPrintable(agg.out));
    }

    // The JSON form (knowledgectl --json, the HTTP API, the offline cache) reads back equal,
    // and says "nothing" the way clients rely on: null for an unknown author or confidence, no
    // "pending" key on a quirk that is not pending, a null next_cursor on the last page.
    void jsonFormReadsBackEqual()
    {
        const QDateTime at
            = QDateTime::fromString(QStringLiteral("2026-11-30T08:15:00.250Z"), Qt::ISODateWithMs);
        DatasetKnowledge k;
        k.datasetId = QUuid::createUuid();
        k.name = QStringLiteral("public.orders");
        k.investigationCount = 7;
        k.positiveFeedbackCount = 5;
        k.negativeFeedbackCount = 2;
        k.lastInvestigationAt = at;
        k.updatedAt = at.addSecs(60);
        k.commonIssues.append(
            {QStringLiteral("anomaly_type"), QStringLiteral("row_count_drop"), 3, at});
        KnownQuirk mine;
        mine.quirkId = QStringLiteral("q-1");
        mine.text = QStringLiteral("Weekend loads lag two days");
        mine.authorId = QUuid::createUuid();
        mine.author = QStringLiteral("dana");
        mine.createdAt = at;
        mine.confirmations = 2;
        mine.pending = QStringLiteral("edited");
        KnownQuirk orphan = mine;
        orphan.quirkId = QStringLiteral("q-2");
        orphan.author = QString();
        orphan.pending = QString();
        k.knownQuirks = {mine, orphan};
        DatasetFinding sure;
        sure.id = QUuid::createUuid();
        sure.investigationId = QUuid::createUuid();
        sure.findingType = QStringLiteral("root_cause");
        sure.summary = QStringLiteral("Duplicate payments after webhook retries");
        sure.confidence = 0.8;
        sure.feedbackScore = 1.5;
        sure.createdAt = at;
        DatasetFinding unsure = sure;
        unsure.confidence.reset();
        k.topFindings = {sure, unsure};
        DatasetOwner owner;
        owner.actorId = mine.authorId;
        owner.handle = QStringLiteral("dana");
        owner.score = 4.5;
        owner.share = 0.75;
        owner.investigationsStarted = 3;
        owner.feedback = 4;
        owner.comments = 1;
        owner.quirks = 2;
        k.owners = {owner};

        const QJsonObject o = k.toJson();
        QCOMPARE(DatasetKnowledge::fromJson(o).toJson(), o);
        const QJsonArray quirks = o.value(QLatin1String("known_quirks")).toArray();
        QCOMPARE(quirks.at(0).toObject().value(QLatin1String("pending")).toString(),
                 QStringLiteral("edited"));
        QVERIFY(!quirks.at(1).toObject().contains(QLatin1String("pending")));
        QVERIFY(quirks.at(1).toObject().value(QLatin1String("author")).isNull());
        const QJsonArray findings = o.value(QLatin1String("top_findings")).toArray();
        QCOMPARE(findings.at(0).toObject().value(QLatin1String("confidence")).toDouble(), 0.8);
        QVERIFY(findings.at(1).toObject().value(QLatin1String("confidence")).isNull());
        QVERIFY(o.value(QLatin1String("owners"))
                    .toArray()
                    .at(0)
                    .toObject()
                    .value(QLatin1String("display_name"))
                    .isNull());
        QCOMPARE(DatasetKnowledge::fromJson(o).knownQuirks.at(1).author, QString());
        QVERIFY(!DatasetKnowledge::fromJson(o).topFindings.at(1).confidence.has_value());

        ActivityPage page;
        ActivityItem item;
        item.eventId = QUuid::createUuid();
        item.createdAt = at;
        item.eventType = QStringLiteral("quirk.added");
        item.actorId = mine.authorId;
        item.actor = QStringLiteral("dana");
        item.text = QStringLiteral("added a quirk");
        item.cursor = QStringLiteral("c-1");
        page.items = {item};
        const QJsonObject last = page.toJson();
        QVERIFY(last.value(QLatin1String("next_cursor")).isNull());
        QCOMPARE(ActivityPage::fromJson(last).toJson(), last);
        page.nextCursor = QStringLiteral("c-1");
        QCOMPARE(ActivityPage::fromJson(page.toJson()).nextCursor, QStringLiteral("c-1"));
        QCOMPARE(ActivityPage::fromJson(page.toJson()).items.at(0).text, item.text);
    }

    void unknownDatasetIsAClearError()
    {
        auto db = m_db->connect(QStringLiteral("shop"));
        QVERIFY(db);
        auto k = KnowledgeStore::knowledge(*db, QStringLiteral("public.nope"));
        QVERIFY(!k);
        QCOMPARE(k.error().code, QStringLiteral("unknown_dataset"));
        QVERIFY(k.error().message.contains(QLatin1String("public.nope")));
        const auto run = m_db->run(QStringLiteral("knowledgectl"),
                                   {QStringLiteral("activity"), QStringLiteral("public.nope")}, {},
                                   QStringLiteral("shop"));
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains(QLatin1String("unknown dataset 'public.nope'")),
                 qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }

    void activityPagesWithoutLossOrRepeat()
    {
        auto db = m_db->connect(QStringLiteral("shop"));
        QVERIFY(db);
        // 12 x (first start, completion, comment, feedback) = 48 items.
        const Paged paged = allActivity(*db, QStringLiteral("public.orders"), 7);
        QVERIFY2(paged.error.isEmpty(), qPrintable(paged.error));
        const QList<ActivityItem> &all = paged.items;
        QCOMPARE(paged.pages, 7);
        QCOMPARE(all.size(), 48);
        QVERIFY(newestFirstOnce(all));
        QCOMPARE(all.first().text, QStringLiteral("Rated the investigation up: Saved time"));
        QCOMPARE(all.last().text, QStringLiteral("Investigation started: late_data on freshness"));
        int completed = 0;
        for (const auto &a : all)
            if (a.eventType == QLatin1String("investigation.completed")) {
                QCOMPARE(a.text, QStringLiteral("Investigation completed: Upstream job ran late"));
                ++completed;
            }
        QCOMPARE(completed, 12);

        auto bad = KnowledgeStore::activity(*db, QStringLiteral("public.orders"), 7,
                                            QStringLiteral("garbage"));
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, QStringLiteral("invalid_cursor"));

        // The CLI pages the same way.
        const auto run
            = m_db->run(QStringLiteral("knowledgectl"),
                        {QStringLiteral("activity"), QStringLiteral("public.orders"),
                         QStringLiteral("--limit"), QStringLiteral("5"), QStringLiteral("--json")},
                        {}, QStringLiteral("shop"));
        QCOMPARE(run.exitCode, 0);
        const QJsonObject j = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(j.value(QLatin1String("items")).toArray().size(), 5);
        QCOMPARE(j.value(QLatin1String("next_cursor")).toString(), all.at(4).cursor);
    }

    void aBusyDatasetsActivityPagesTheSameWay()
    {
        // More investigations than KnowledgeStore::busyDataset: the feed reads the tenant's
        // events newest first. Another dataset's events, interleaved in time, stay out.
        const int n = KnowledgeStore::busyDataset + 10;
        m_db->exec(QStringLiteral(R"SQL(
INSERT INTO feedback_events (id, tenant_id, investigation_id, event_type, event_data, actor_id,
                             actor_type, created_at)
SELECT gen_random_uuid(), $1, CASE WHEN t.quiet THEN i.other ELSE i.inv END, t.type, t.data::jsonb, NULL, 'system',
       '2026-03-01'::timestamptz + (g * 10 + t.off) * interval '1 second'
FROM generate_series(0, $2 - 1) g
CROSS JOIN LATERAL (SELECT md5('busy' || g)::uuid AS inv, md5('quiet' || g)::uuid AS other) i
CROSS JOIN LATERAL (VALUES
  ('investigation.started', '{"dataset_id": "public.busy"}', 0, false),
  ('investigation.started', '{"tables_found": ["x"]}', 1, false),
  ('investigation.completed', '{"root_cause": "late"}', 2, false),
  ('feedback.investigation', json_build_object('target_id', i.inv, 'rating', -1)::text, 2, false),
  ('investigation.started', '{"dataset_id": "public.quiet"}', 3, true)) t(type, data, off, quiet)
)SQL"),
                   {m_tenant, n});
        auto db = m_db->connect(QStringLiteral("shop"), QStringLiteral("bob"));
        QVERIFY(db);
        QVERIFY(KnowledgeAggregator::runIncremental(*db));
        auto quirk
            = QuirkBook::add(*db, QStringLiteral("public.busy"), QStringLiteral("late on Mondays"));
        QVERIFY2(quirk, qPrintable(errorOf(quirk)));
        QVERIFY(KnowledgeAggregator::runIncremental(*db));

        const Paged paged = allActivity(*db, QStringLiteral("public.busy"), 50);
        QVERIFY2(paged.error.isEmpty(), qPrintable(paged.error));
        const QList<ActivityItem> &all = paged.items;
        // n × (first start, completion, rating) + the quirk.
        QCOMPARE(all.size(), 3 * n + 1);
        QVERIFY(newestFirstOnce(all));
        for (const ActivityItem &a : all)
            QVERIFY(!a.text.contains(QLatin1String("tables_found")));
        QCOMPARE(all.first().eventType, QStringLiteral("quirk.added")); // made just now
        const auto firstPage = KnowledgeStore::activity(*db, QStringLiteral("public.busy"), 7);
        QVERIFY(firstPage);
        for (int i = 0; i < 7; ++i)
            QCOMPARE(firstPage->items.at(i).eventId, all.at(i).eventId);
        const int quiet = int(std::count_if(all.begin(), all.end(), [](const ActivityItem &a) {
            return a.eventType == QLatin1String("investigation.started")
                && a.data.value(QLatin1String("dataset_id")).toString()
                == QLatin1String("public.quiet");
        }));
        QCOMPARE(quiet, 0);
    }
};

QTEST_GUILESS_MAIN(TestKnowledgeStore)
#include "tst_knowledgestore.moc"
