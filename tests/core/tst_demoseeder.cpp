// DemoSeeder: deterministic for a seed, the shape DESIGN.md describes, every event valid,
// and `knowledgectl demo-seed` writes it once (a rerun adds nothing).

#include "demoseeder.h"
#include "event.h"
#include "testdatabase.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <algorithm>
#include <map>
#include <set>

using namespace ke;

namespace {

std::vector<Event> generate(quint64 seed, qint64 investigations)
{
    DemoSeeder seeder(seed);
    std::vector<Event> events;
    seeder.appendCatalogEvents(events);
    for (qint64 i = 0; i < investigations; ++i)
        seeder.appendInvestigation(i, events);
    return events;
}

QByteArray hashOf(const std::vector<Event> &events)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (const Event &e : events) {
        h.addData(QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact));
        h.addData(QByteArrayView("\n"));
    }
    return h.result().toHex();
}

} // namespace

class TestDemoSeeder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameSeedGivesIdenticalEvents()
    {
        const auto a = generate(42, 60);
        const auto b = generate(42, 60);
        QCOMPARE(a.size(), b.size());
        QCOMPARE(hashOf(a), hashOf(b));
        const auto c = generate(43, 60);
        QVERIFY(hashOf(a) != hashOf(c));
    }

    void investigationDependsOnlyOnSeedAndIndex()
    {
        DemoSeeder seeder(42);
        std::vector<Event> alone;
        seeder.appendInvestigation(17, alone);
        const auto all = generate(42, 30);
        std::vector<Event> same;
        for (const Event &e : all) {
            if (e.investigationId == alone.front().investigationId)
                same.push_back(e);
        }
        QCOMPARE(hashOf(same), hashOf(alone));
    }

    void catalogueHasTenantsPeopleAndDatasets()
    {
        DemoSeeder seeder(42);
        QStringList slugs;
        for (const DemoTenant &t : seeder.tenants()) {
            slugs << t.slug;
            QVERIFY2(t.people.size() >= 6 && t.people.size() <= 10, qPrintable(t.slug));
            QVERIFY2(t.datasets.size() >= 10 && t.datasets.size() <= 20, qPrintable(t.slug));
            std::set<QString> names;
            for (const DemoDataset &d : t.datasets) {
                QVERIFY(d.name.contains(QLatin1Char('.')));
                QVERIFY(!d.description.isEmpty());
                QVERIFY(d.metadata.contains(QStringLiteral("owner_team")));
                QVERIFY(d.metadata.contains(QStringLiteral("kind")));
                names.insert(d.name);
            }
            QCOMPARE(names.size(), t.datasets.size());
            for (const DemoPerson &p : t.people) {
                QVERIFY(p.email.contains(QLatin1Char('@')));
                QVERIFY(!p.displayName.isEmpty());
            }
        }
        QCOMPARE(slugs,
                 (QStringList{QStringLiteral("acme"), QStringLiteral("globex"),
                              QStringLiteral("initech")}));
    }

    void everyEventValidatesAndLiesInTheWindow()
    {
        std::vector<Event> events;
        for (const quint64 seed : {42ULL, 7ULL, 1ULL}) {
            auto more = generate(seed, 300);
            events.insert(events.end(), more.begin(), more.end());
        }
        const QDateTime end = QDateTime::fromMSecsSinceEpoch(DemoSeeder::endTimeMs(), Qt::UTC);
        const QDateTime begin = end.addDays(-DemoSeeder::windowDays);
        std::set<QUuid> ids;
        for (const Event &e : events) {
            const auto valid = EventValidator::validate(e, true);
            QVERIFY2(valid, qPrintable(test::errorOf(valid)));
            QVERIFY2(e.createdAt >= begin && e.createdAt <= end,
                     qPrintable(e.createdAt.toString(Qt::ISODate)));
            const QByteArray raw = e.id.toRfc4122();
            QCOMPARE(quint8(raw.at(6)) >> 4, 7); // version 7 (Qt 6.4's QUuid does not know it)
            QCOMPARE(quint8(raw.at(8)) >> 6, 2); // RFC variant
            // The id carries the event's own time.
            QCOMPARE(qint64(raw.left(6).toHex().toLongLong(nullptr, 16)),
                     e.createdAt.toMSecsSinceEpoch());
            QVERIFY(ids.insert(e.id).second);
        }
    }

    void investigationsHaveTheDesignedShape()
    {
        constexpr int n = 400;
        const auto events = generate(42, n);
        struct Info
        {
            int started = 0, hypotheses = 0, syntheses = 0, completed = 0, failed = 0;
            bool nullDataset = true, tablesFound = false, startedNamesDataset = false;
            int feedbackWithContext = 0;
        };
        std::map<QUuid, Info> byInvestigation;
        std::map<std::pair<QUuid, QString>, std::vector<int>> ratings; // (actor, target) -> ratings
        std::set<QString> anomalyTypes, reasons;
        int quirkAdded = 0, quirkEdited = 0, quirkConfirmed = 0, quirkRetired = 0, comments = 0;
        int querySucceeded = 0, queryFailed = 0;
        for (const Event &e : events) {
            const QString &t = e.eventType;
            if (t.startsWith(QLatin1String("quirk."))) {
                quirkAdded += t == QLatin1String("quirk.added");
                quirkEdited += t == QLatin1String("quirk.edited");
                quirkConfirmed += t == QLatin1String("quirk.confirmed");
                quirkRetired += t == QLatin1String("quirk.retired");
                continue;
            }
            Info &info = byInvestigation[e.investigationId];
            if (!e.datasetId.isNull())
                info.nullDataset = false;
            if (t == QLatin1String("investigation.started")) {
                ++info.started;
                if (e.data.contains(QStringLiteral("tables_found")))
                    info.tablesFound = true;
                if (e.data.value(QStringLiteral("dataset_id")).isString())
                    info.startedNamesDataset = true;
                const QJsonObject alert = e.data.value(QStringLiteral("alert")).toObject();
                if (!alert.isEmpty()) {
                    anomalyTypes.insert(alert.value(QStringLiteral("anomaly_type")).toString());
                    QVERIFY(alert.contains(QStringLiteral("metric")));
                    QVERIFY(alert.value(QStringLiteral("expected")).isDouble());
                    QVERIFY(alert.value(QStringLiteral("actual")).isDouble());
                    QVERIFY(alert.contains(QStringLiteral("severity")));
                }
            }
            info.hypotheses += t == QLatin1String("hypothesis.generated");
            info.syntheses += t == QLatin1String("synthesis.generated");
            info.completed += t == QLatin1String("investigation.completed");
            info.failed += t == QLatin1String("investigation.failed");
            querySucceeded += t == QLatin1String("query.succeeded");
            queryFailed += t == QLatin1String("query.failed");
            comments += t == QLatin1String("comment.added");
            if (t.startsWith(QLatin1String("feedback."))) {
                if (e.data.contains(QStringLiteral("context")))
                    ++info.feedbackWithContext;
                ratings[{e.actorId, e.data.value(QStringLiteral("target_id")).toString()}]
                    .push_back(e.data.value(QStringLiteral("rating")).toInt());
                reasons.insert(e.data.value(QStringLiteral("reason")).toString());
            }
        }
        QCOMPARE(int(byInvestigation.size()), n);
        int orchestratorShaped = 0, failed = 0;
        for (const auto &[id, info] : byInvestigation) {
            QVERIFY(info.started >= 1);
            QVERIFY(info.startedNamesDataset);
            QVERIFY2(info.hypotheses >= 2 && info.hypotheses <= 5,
                     qPrintable(QString::number(info.hypotheses)));
            QCOMPARE(info.completed + info.failed, 1);
            QCOMPARE(info.syntheses, info.completed); // a synthesis for every completed one
            failed += info.failed;
            if (info.nullDataset) {
                ++orchestratorShaped;
                QCOMPARE(info.started, 2);
                QVERIFY(info.tablesFound);
                QCOMPARE(info.feedbackWithContext, 0);
            } else {
                QCOMPARE(info.started, 1);
            }
        }
        QVERIFY2(orchestratorShaped > n * 0.2 && orchestratorShaped < n * 0.4,
                 qPrintable(QString::number(orchestratorShaped)));
        QVERIFY(failed > 0 && failed < n * 0.2);
        QCOMPARE(anomalyTypes.size(), size_t(6));
        QVERIFY(querySucceeded > 0 && queryFailed > 0);
        QVERIFY(comments > 0);
        QVERIFY(quirkAdded > 0 && quirkEdited > 0 && quirkConfirmed > 0 && quirkRetired > 0);
        QVERIFY(reasons.count(QStringLiteral("Dead end"))
                && reasons.count(QStringLiteral("Solved it")));
        // Several people rate; some rate the same target again, sometimes the other way.
        int rerated = 0, flipped = 0;
        std::set<QUuid> raters;
        for (const auto &[key, values] : ratings) {
            raters.insert(key.first);
            if (values.size() > 1) {
                ++rerated;
                if (values.front() != values.back())
                    ++flipped;
            }
        }
        QVERIFY(raters.size() >= 6);
        QVERIFY(rerated > 0);
        QVERIFY(flipped > 0);
    }

    void textsVaryWithAnomalyAndDataset()
    {
        const auto events = generate(42, 300);
        std::set<QString> hypotheses, roots, sql;
        for (const Event &e : events) {
            if (e.eventType == QLatin1String("hypothesis.generated"))
                hypotheses.insert(e.data.value(QStringLiteral("text")).toString());
            else if (e.eventType == QLatin1String("synthesis.generated"))
                roots.insert(e.data.value(QStringLiteral("root_cause")).toString());
            else if (e.eventType == QLatin1String("query.planned"))
                sql.insert(e.data.value(QStringLiteral("sql")).toString());
        }
        QVERIFY2(hypotheses.size() > 200, qPrintable(QString::number(hypotheses.size())));
        QVERIFY2(roots.size() > 200, qPrintable(QString::number(roots.size())));
        QVERIFY2(sql.size() > 200, qPrintable(QString::number(sql.size())));
        for (const QString &q : sql)
            QVERIFY2(q.startsWith(QLatin1String("SELECT")), qPrintable(q));
    }

    void demoSeedWritesOnceAndRerunsAddNothing()
    {
        auto db = test::TestDatabase::create(QStringLiteral("demoseeder"));
        QVERIFY2(db, qPrintable(test::TestDatabase::error()));
        const qint64 expectedEvents = qint64(generate(7, 20).size());

        const auto first
            = db->run(QStringLiteral("knowledgectl"),
                      {QStringLiteral("demo-seed"), QStringLiteral("--investigations"),
                       QStringLiteral("20"), QStringLiteral("--seed"), QStringLiteral("7")});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QVERIFY2(first.out.contains(QLatin1String("20 investigations")), qPrintable(first.out));

        auto counts = [&]() {
            return QStringList{
                db->scalar(QStringLiteral(
                    "SELECT count(*) FROM tenants WHERE slug IN ('acme', 'globex', 'initech')")),
                db->scalar(QStringLiteral("SELECT count(*) FROM people")),
                db->scalar(QStringLiteral("SELECT count(*) FROM datasets")),
                db->scalar(
                    QStringLiteral("SELECT count(DISTINCT investigation_id) FROM feedback_events "
                                   "WHERE event_type = 'investigation.started'")),
                db->scalar(QStringLiteral("SELECT count(*) FROM feedback_events"))};
        };
        const QStringList after1 = counts();
        QCOMPARE(after1.at(0), QStringLiteral("3"));
        DemoSeeder catalogue(7);
        int people = 0, datasets = 0;
        for (const DemoTenant &t : catalogue.tenants()) {
            people += int(t.people.size());
            datasets += int(t.datasets.size());
        }
        QCOMPARE(after1.at(1).toInt(), people);
        QCOMPARE(after1.at(2).toInt(), datasets);
        QCOMPARE(after1.at(3), QStringLiteral("20"));
        QCOMPARE(after1.at(4).toLongLong(), expectedEvents);
        // Datasets of the orchestrator-shaped investigations are named, not in the column.
        QVERIFY(db->scalar(QStringLiteral(
                               "SELECT count(*) FROM feedback_events WHERE dataset_id IS NULL"))
                    .toInt()
                > 0);
        // Every tenant's events are its own.
        QCOMPARE(db->scalar(QStringLiteral(
                     "SELECT count(*) FROM feedback_events e WHERE e.dataset_id IS NOT NULL "
                     "AND NOT EXISTS (SELECT 1 FROM datasets d WHERE d.tenant_id = e.tenant_id "
                     "AND d.id = e.dataset_id)")),
                 QStringLiteral("0"));

        const auto second
            = db->run(QStringLiteral("knowledgectl"),
                      {QStringLiteral("demo-seed"), QStringLiteral("--investigations"),
                       QStringLiteral("20"), QStringLiteral("--seed"), QStringLiteral("7")});
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QCOMPARE(counts(), after1);
        QVERIFY2(second.out.contains(QLatin1String(" 0 written")), qPrintable(second.out));
        // The seeder's tenants carry its mark, which is what lets it write there again.
        QCOMPARE(db->scalar(QStringLiteral(
                     "SELECT count(*) FROM tenants WHERE settings->'demo' = 'true'::jsonb")),
                 QStringLiteral("3"));
    }

    // A tenant with real events (an operator's `acme` on a shared server) is not adopted:
    // nothing is written to any tenant without --force, and even with it real people keep
    // their names and e-mails, and the tenant does not become a demo tenant.
    void demoSeedRefusesATenantWithRealEvents()
    {
        auto db = test::TestDatabase::create(QStringLiteral("demoseedreal"));
        QVERIFY2(db, qPrintable(test::TestDatabase::error()));
        const QUuid globex = db->createTenant(QStringLiteral("globex"));
        DemoSeeder catalogue(7);
        const auto it
            = std::find_if(catalogue.tenants().cbegin(), catalogue.tenants().cend(),
                           [](const DemoTenant &t) { return t.slug == QLatin1String("globex"); });
        QVERIFY(it != catalogue.tenants().cend());
        const QString handle = it->people.front().handle;
        db->exec(QStringLiteral("INSERT INTO people (tenant_id, id, handle, display_name, email) "
                                "VALUES ($1, gen_random_uuid(), $2, 'A Real Person', "
                                "'real.person@globex.com')"),
                 {globex, handle});
        db->exec(QStringLiteral("INSERT INTO feedback_events (id, tenant_id, investigation_id, "
                                "event_type, event_data, actor_type, created_at) VALUES "
                                "(gen_random_uuid(), $1, gen_random_uuid(), "
                                "'investigation.started', '{\"dataset_id\": \"crm.accounts\"}', "
                                "'system', now() - interval '1 day')"),
                 {globex});
        auto seed = [&](QStringList extra) {
            return db->run(QStringLiteral("knowledgectl"),
                           QStringList{QStringLiteral("demo-seed"),
                                       QStringLiteral("--investigations"), QStringLiteral("10"),
                                       QStringLiteral("--seed"), QStringLiteral("7")}
                               + extra);
        };
        const auto refused = seed({});
        QVERIFY(refused.exitCode != 0);
        QVERIFY2(refused.err.contains(QLatin1String("tenant 'globex' already holds events"))
                     && refused.err.contains(QLatin1String("--force")),
                 qPrintable(refused.err));
        QCOMPARE(db->scalar(QStringLiteral("SELECT count(*) FROM feedback_events")),
                 QStringLiteral("1"));
        QCOMPARE(db->scalar(QStringLiteral("SELECT count(*) FROM tenants")), QStringLiteral("1"));

        const auto forced = seed({QStringLiteral("--force")});
        QVERIFY2(forced.exitCode == 0, qPrintable(forced.err));
        QVERIFY(db->scalar(QStringLiteral("SELECT count(*) FROM feedback_events")).toInt() > 1);
        QCOMPARE(db->scalar(QStringLiteral("SELECT display_name || ' ' || email FROM people "
                                           "WHERE tenant_id = $1 AND handle = $2"),
                            {globex, handle}),
                 QStringLiteral("A Real Person real.person@globex.com"));
        QCOMPARE(db->scalar(QStringLiteral("SELECT coalesce(settings->>'demo', 'unmarked') FROM "
                                           "tenants WHERE id = $1"),
                            {globex}),
                 QStringLiteral("unmarked"));
        // The tenants it made itself are marked, so a rerun refuses only because of globex.
        const auto again = seed({});
        QVERIFY(again.exitCode != 0);
        QVERIFY2(again.err.contains(QLatin1String("'globex'")), qPrintable(again.err));
    }

    void demoSeedRefusesBadArguments()
    {
        auto db = test::TestDatabase::create(QStringLiteral("demoseederargs"));
        QVERIFY2(db, qPrintable(test::TestDatabase::error()));
        const auto r = db->run(QStringLiteral("knowledgectl"),
                               {QStringLiteral("demo-seed"), QStringLiteral("--investigations"),
                                QStringLiteral("many")});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QLatin1String("--investigations")), qPrintable(r.err));
        QCOMPARE(db->scalar(QStringLiteral("SELECT count(*) FROM feedback_events")),
                 QStringLiteral("0"));
    }
};

QTEST_GUILESS_MAIN(TestDemoSeeder)
#include "tst_demoseeder.moc"
