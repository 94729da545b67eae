// The Schema and Lineage tabs: what DatasetStructureReader makes of metadata, recorded schema
// and lineage, and queries' SQL; the tabs on real demo data (as a member login); the honest
// empty state of a dataset nothing is known about; and "available online" without a database.

#include "databasetestcase.h"
#include "datasetstructure.h"
#include "knowledgeclient.h"
#include "settle.h"
#include "structureview.h"

#include <QJsonArray>
#include <QLabel>
#include <QTest>
#include <QTreeWidget>

using namespace ke;
using As = test::TestDatabase::As;

class TestStructureView : public test::DatabaseTestCase
{
    Q_OBJECT

private:
    ConnectionSettings m_settings;

    static const StructureColumn *column(const DatasetStructure &s, const QString &name)
    {
        for (const StructureColumn &c : s.columns)
            if (c.name == name)
                return &c;
        return nullptr;
    }

    static const StructureLink *link(const DatasetStructure &s, const QString &name)
    {
        for (const StructureLink &l : s.links)
            if (l.name == name)
                return &l;
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        KE_CREATE_TEST_DATABASE("structureview");
        for (const QStringList &step :
             {QStringList{QStringLiteral("demo-seed"), QStringLiteral("--investigations"),
                          QStringLiteral("40"), QStringLiteral("--seed"), QStringLiteral("9")},
              QStringList{QStringLiteral("aggregate")}}) {
            const auto r = m_db->run(QStringLiteral("knowledgectl"), step);
            QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        }
        m_settings = m_db->memberSettings(QStringLiteral("acme"), QStringLiteral("sami"));
    }

    void readsMetadataEventsAndQueries()
    {
        StructureSources src;
        src.name = QStringLiteral("public.orders");
        src.metadata = QJsonObject{
            {QStringLiteral("columns"),
             QJsonArray{QStringLiteral("order_id"),
                        QJsonObject{{QStringLiteral("name"), QStringLiteral("status")},
                                    {QStringLiteral("type"), QStringLiteral("text")}}}},
            {QStringLiteral("primary_key"), QStringLiteral("order_id")},
            {QStringLiteral("upstream"), QJsonArray{QStringLiteral("staging.stg_orders")}},
            {QStringLiteral("source"), QStringLiteral("the orders service")}};
        src.started = {
            QJsonObject{
                {QStringLiteral("schema"),
                 QJsonObject{{QStringLiteral("public.orders"),
                              QJsonArray{QJsonObject{
                                  {QStringLiteral("column_name"), QStringLiteral("created_at")},
                                  {QStringLiteral("data_type"), QStringLiteral("timestamptz")}}}}}},
                {QStringLiteral("tables_found"),
                 QJsonArray{QStringLiteral("public.orders"), QStringLiteral("ops.audit")}}},
            QJsonObject{{QStringLiteral("lineage"),
                         QJsonObject{{QStringLiteral("downstream"),
                                      QJsonArray{QStringLiteral("analytics.daily_revenue")}}}}}};
        src.sql
            = {{QStringLiteral("SELECT o.customer_id, count(*) FROM public.orders o JOIN "
                               "staging.stg_orders s ON s.order_id = o.order_id WHERE "
                               "extract(dow FROM o.created_at) = 0 GROUP BY 1"),
                3},
               {QStringLiteral("SELECT status FROM orders WHERE created_at > now() - interval '1 "
                               "day'"),
                2},
               {QStringLiteral("SELECT * FROM information_schema.columns"), 1}};
        src.others = {{QStringLiteral("analytics.order_facts"),
                       QJsonObject{{QStringLiteral("lineage"),
                                    QJsonObject{{QStringLiteral("upstream"),
                                                 QJsonArray{QStringLiteral("public.orders")}}}}}}};
        src.datasetIds = {{QStringLiteral("analytics.daily_revenue"), QUuid::createUuid()}};
        src.investigations = 2;

        const DatasetStructure s = DatasetStructureReader::fromSources(src);
        QCOMPARE(s.loadedFrom, QStringLiteral("the orders service"));
        QCOMPARE(s.queriesRead, 6);
        QCOMPARE(s.columns.first().name, QStringLiteral("order_id")); // the key first
        QVERIFY(s.columns.first().primaryKey);
        QCOMPARE(s.columns.first().queries, 3);
        const StructureColumn *status = column(s, QStringLiteral("status"));
        QVERIFY(status && status->inMetadata);
        QCOMPARE(status->type, QStringLiteral("text"));
        QCOMPARE(status->queries, 2);
        const StructureColumn *created = column(s, QStringLiteral("created_at"));
        QVERIFY2(created, "a column of the recorded schema");
        QCOMPARE(created->type, QStringLiteral("timestamptz"));
        QCOMPARE(created->events, 1);
        QCOMPARE(created->queries, 5);
        const StructureColumn *customer = column(s, QStringLiteral("customer_id"));
        QVERIFY2(customer && !customer->inMetadata, "o.customer_id: the dataset's own alias");
        QCOMPARE(customer->queries, 3);
        QVERIFY2(!column(s, QStringLiteral("o")), "an alias is no column");

        const StructureLink *up = link(s, QStringLiteral("staging.stg_orders"));
        QVERIFY(up);
        QCOMPARE(up->direction, StructureLink::Direction::Upstream);
        QVERIFY(up->fromMetadata);
        QCOMPARE(up->queries, 3);
        const StructureLink *down = link(s, QStringLiteral("analytics.daily_revenue"));
        QVERIFY(down);
        QCOMPARE(down->direction, StructureLink::Direction::Downstream);
        QCOMPARE(down->events, 1);
        QVERIFY(!down->datasetId.isNull());
        const StructureLink *facts = link(s, QStringLiteral("analytics.order_facts"));
        QVERIFY2(facts, "another dataset naming this one upstream is downstream of it");
        QCOMPARE(facts->direction, StructureLink::Direction::Downstream);
        const StructureLink *audit = link(s, QStringLiteral("ops.audit"));
        QVERIFY(audit);
        QCOMPARE(audit->direction, StructureLink::Direction::Related);
        QVERIFY2(!link(s, QStringLiteral("o.created_at")) && !link(s, QStringLiteral("created_at")),
                 "extract(… FROM column) is not a table");
        QVERIFY(!link(s, QStringLiteral("public.orders")) && !link(s, QStringLiteral("orders")));
        QVERIFY(!link(s, QStringLiteral("information_schema.columns")));
    }

    void showsTheDemoDatasetsSchemaAndLineage()
    {
        const QString dataset = m_db->scalar(QStringLiteral(
            "SELECT d.id FROM datasets d JOIN tenants t ON t.id = d.tenant_id JOIN "
            "agg_investigations i ON i.dataset_id = d.id WHERE t.slug = 'acme' GROUP BY d.id "
            "ORDER BY count(*) DESC LIMIT 1"));
        QVERIFY(!dataset.isEmpty());
        const QStringList metadataColumns
            = m_db->scalar(QStringLiteral("SELECT string_agg(c, ',') FROM datasets, "
                                          "jsonb_array_elements_text(metadata->'columns') c "
                                          "WHERE id = $1"),
                           {QUuid::fromString(dataset)})
                  .split(QLatin1Char(','));
        QVERIFY(metadataColumns.size() >= 3);

        KnowledgeClient schemaClient(m_settings);
        StructureView schema(&schemaClient, StructureView::Kind::Schema);
        schema.setDataset(QUuid::fromString(dataset), QStringLiteral("demo"));
        QCOMPARE(schema.pendingRequests(), 0); // hidden: nothing read yet
        schema.show();
        QVERIFY(test::settle(schema));
        auto *columns = schema.findChild<QTreeWidget *>(QStringLiteral("schemaColumns"));
        QVERIFY(columns->isVisible());
        QStringList shown;
        for (int i = 0; i < columns->topLevelItemCount(); ++i)
            shown << columns->topLevelItem(i)->text(0);
        for (const QString &c : metadataColumns)
            QVERIFY2(shown.contains(c), qPrintable(c + QStringLiteral(" in ") + shown.join(u' ')));
        QCOMPARE(columns->topLevelItem(0)->text(2), QStringLiteral("primary key"));
        QVERIFY2(schema.structure().queriesRead > 0, "the demo's queries were read");
        bool named = false;
        for (const StructureColumn &c : schema.structure().columns)
            named = named || c.queries > 0;
        QVERIFY2(named, "the demo's queries name its columns");

        KnowledgeClient lineageClient(m_settings);
        StructureView lineage(&lineageClient, StructureView::Kind::Lineage);
        QVERIFY(test::showDataset(lineage, QUuid::fromString(dataset), QStringLiteral("demo")));
        auto *links = lineage.findChild<QTreeWidget *>(QStringLiteral("lineageLinks"));
        QVERIFY(links->isVisible());
        QVERIFY(links->topLevelItemCount() > 0);
        QVERIFY(links->topLevelItem(0)->childCount() > 0);
        const QString name = m_db->scalar(QStringLiteral("SELECT name FROM datasets WHERE id = $1"),
                                          {QUuid::fromString(dataset)});
        for (const StructureLink &l : lineage.structure().links) {
            QVERIFY2(l.fromMetadata || l.events > 0 || l.queries > 0, qPrintable(l.name));
            QVERIFY(l.name != name);
        }
    }

    void saysWhereKnowledgeWouldComeFromWhenThereIsNone()
    {
        const QUuid acme = QUuid::fromString(
            m_db->scalar(QStringLiteral("SELECT id FROM tenants WHERE slug = 'acme'")));
        const QUuid bare = m_db->createDataset(acme, QStringLiteral("test.unknown"));
        for (const auto kind : {StructureView::Kind::Schema, StructureView::Kind::Lineage}) {
            KnowledgeClient viewClient(m_settings);
            StructureView view(&viewClient, kind);
            QVERIFY(test::showDataset(view, bare, QStringLiteral("test.unknown")));
            const bool schema = kind == StructureView::Kind::Schema;
            auto *empty = view.findChild<QLabel *>(schema ? QStringLiteral("schemaEmpty")
                                                          : QStringLiteral("lineageEmpty"));
            QVERIFY(empty->isVisible());
            QVERIFY2(empty->text().contains(QLatin1String("investigation.started"))
                         && empty->text().contains(QLatin1String("metadata")),
                     qPrintable(empty->text()));
            QVERIFY(!view.findChild<QTreeWidget *>()->isVisible());
        }
    }

    void isAvailableOnlineOnly()
    {
        ConnectionSettings offline = m_settings;
        offline.databaseUrl
            = QStringLiteral("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2");
        KnowledgeClient viewClient(offline);
        StructureView view(&viewClient, StructureView::Kind::Schema);
        QVERIFY(test::showDataset(view, QUuid::createUuid(), QStringLiteral("public.orders")));
        auto *empty = view.findChild<QLabel *>(QStringLiteral("schemaEmpty"));
        QVERIFY2(empty->text().contains(QLatin1String("Available online")),
                 qPrintable(empty->text()));
    }
};

QTEST_MAIN(TestStructureView)
#include "tst_structureview.moc"
