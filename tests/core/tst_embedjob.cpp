// The generate_embeddings job end to end, as `knowledgectl embed` runs it against a real
// PostgreSQL: the documents of a small hand-made tenant (every rule of the document builder),
// and the job with an OpenAI-compatible embeddings server (the project's fake, on 127.0.0.1)
// followed by `knowledgectl search`.
#include "databasetestcase.h"
#include "fakeembeddingsserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace ke;

namespace {

/// A fixed event id, so that ties on created_at are broken the same way in every run.
QUuid eventId(int n)
{
    return QUuid::fromString(
        QStringLiteral("00000000-0000-7000-8000-%1").arg(n, 12, 10, QLatin1Char('0')));
}

/// Inserts one event as another writer would; `at` is seconds after 2026-01-01.
void insertEvent(SqlSession &c, int id, const QUuid &tenant, const QUuid &inv, const QString &type,
                 const char *data, int at, const QUuid &actor = {}, const QUuid &datasetColumn = {})
{
    test::orThrow(
        c.exec(QStringLiteral("INSERT INTO feedback_events (id, tenant_id, investigation_id, "
                              "dataset_id, event_type, event_data, actor_id, actor_type, "
                              "created_at) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, "
                              "'2026-01-01 00:00:00+00'::timestamptz + $9 * interval '1 second')"),
               {eventId(id), tenant, inv, SqlValue::orNull(datasetColumn), type, data,
                SqlValue::orNull(actor), actor.isNull() ? "system" : "user", at}));
}

/// A text's embedding for the fake server: one dimension per word of a small vocabulary
/// (occurrences), plus a constant one so that no text has a zero vector.
QJsonArray keywordEmbedding(const QString &text)
{
    static const QStringList vocabulary{QStringLiteral("marmalade"), QStringLiteral("gooseberry"),
                                        QStringLiteral("ledger"),    QStringLiteral("refund"),
                                        QStringLiteral("timezone"),  QStringLiteral("duplicate"),
                                        QStringLiteral("currency")};
    const QString lower = text.toLower();
    QJsonArray v;
    for (const QString &w : vocabulary)
        v.append(double(lower.count(w)));
    v.append(0.05);
    return v;
}

} // namespace

class TestEmbedJob : public test::DatabaseTestCase
{
    Q_OBJECT

private:
    /// search_documents of the tenant as "type|id|dataset|investigation|content|score|retired|at"
    /// (`at` in seconds after 2026-01-01; dataset and investigation named by the test).
    QStringList documents(const QUuid &tenant, const QHash<QString, QString> &names)
    {
        QStringList out;
        const QList<SqlRow> rows = m_db->rows(
            QStringLiteral(
                "SELECT source_type, CASE WHEN source_type = 'finding' THEN '*' ELSE source_id "
                "END, coalesce(dataset_id::text, '-'), coalesce(investigation_id::text, '-'), "
                "content, feedback_score, retired, extract(epoch FROM created_at - "
                "'2026-01-01 00:00:00+00'::timestamptz)::bigint FROM search_documents WHERE "
                "tenant_id = $1 ORDER BY source_type, source_id"),
            {tenant});
        for (SqlRow f : rows) {
            f[2] = names.value(f[2], f[2]);
            f[3] = names.value(f[3], f[3]);
            out << f.join(QLatin1Char('|'));
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase() { KE_CREATE_TEST_DATABASE("embedjob"); }

    // Every rule of the document builder on a tenant small enough to know the answer by hand:
    // the first hypothesis.generated of an id wins; a query is its latest non-empty purpose and
    // latest non-empty SQL (latest by created_at, ties by id), dated by its first event; empty
    // texts and ids make no document; ratings sum each person's latest; comments score 0;
    // quirks score their confirmations and retire; the dataset is the investigation's, else
    // the event's column.
    void documentsOfAHandMadeTenant()
    {
        const QUuid tenant = m_db->createTenant(QStringLiteral("handmade"));
        auto &c = m_db->admin();
        const QUuid ds1 = m_db->createDataset(tenant, QStringLiteral("public.orders"));
        const QUuid ds2 = m_db->createDataset(tenant, QStringLiteral("public.payments"));
        const QUuid i1 = QUuid::createUuid(), i2 = QUuid::createUuid(), nil;
        const QUuid alice = QUuid::createUuid(), bob = QUuid::createUuid();
        const QByteArray started = QStringLiteral(R"({"dataset_id": "%1"})")
                                       .arg(ds1.toString(QUuid::WithoutBraces))
                                       .toUtf8();
        insertEvent(c, 1, tenant, i1, QStringLiteral("investigation.started"), started.constData(),
                    0);
        insertEvent(
            c, 2, tenant, i1, QStringLiteral("hypothesis.generated"),
            R"({"hypothesis_id": "H1", "text": "  weekend loader lag  ", "confidence": 0.5})", 10);
        insertEvent(c, 3, tenant, i1, QStringLiteral("hypothesis.generated"),
                    R"({"hypothesis_id": "H1", "text": "a later duplicate"})", 11);
        insertEvent(c, 4, tenant, i1, QStringLiteral("hypothesis.generated"),
                    R"({"hypothesis_id": "H2", "text": "   "})", 12);
        insertEvent(
            c, 5, tenant, i1, QStringLiteral("query.planned"),
            R"({"query_id": "Q1", "hypothesis_id": "H1", "purpose": "count rows per day", "sql": "SELECT 1"})",
            20);
        insertEvent(c, 6, tenant, i1, QStringLiteral("query.submitted"),
                    R"({"query_id": "Q1", "sql": "SELECT count(*) FROM orders"})", 25);
        // Inserted out of time order: the planned event (26) is the first one.
        insertEvent(c, 7, tenant, i1, QStringLiteral("query.submitted"),
                    R"({"query_id": "Q3", "purpose": "late purpose", "sql": ""})", 30);
        insertEvent(c, 8, tenant, i1, QStringLiteral("query.planned"),
                    R"({"query_id": "Q3", "purpose": "early purpose", "sql": "SELECT 3"})", 26);
        // A tie on created_at: the higher id is the later one.
        insertEvent(c, 42, tenant, i1, QStringLiteral("query.submitted"),
                    R"({"query_id": "Q4", "purpose": "second of a tie"})", 40);
        insertEvent(c, 41, tenant, i1, QStringLiteral("query.planned"),
                    R"({"query_id": "Q4", "purpose": "first of a tie", "sql": " "})", 40);
        insertEvent(c, 9, tenant, i1, QStringLiteral("query.planned"),
                    R"({"query_id": "", "purpose": "no id, no document"})", 41);
        insertEvent(c, 10, tenant, i1, QStringLiteral("comment.added"),
                    R"({"text": "the loader skips sundays"})", 50, alice);
        insertEvent(c, 11, tenant, i1, QStringLiteral("comment.added"), R"({"text": "  "})", 51,
                    bob);
        insertEvent(c, 12, tenant, i1, QStringLiteral("feedback.hypothesis"),
                    R"({"target_id": "H1", "rating": -1})", 60, alice);
        insertEvent(c, 13, tenant, i1, QStringLiteral("feedback.hypothesis"),
                    R"({"target_id": "H1", "rating": 1})", 61, bob);
        insertEvent(c, 14, tenant, i1, QStringLiteral("feedback.hypothesis"),
                    R"({"target_id": "H1", "rating": 1})", 62, alice);
        insertEvent(c, 15, tenant, i1, QStringLiteral("feedback.query"),
                    R"({"target_id": "Q1", "rating": -1})", 63, alice);
        insertEvent(c, 16, tenant, i1, QStringLiteral("investigation.completed"),
                    R"({"root_cause": "weekend loader lag", "confidence": 0.8})", 70);
        // No investigation.started: the dataset comes from the event's column.
        insertEvent(c, 17, tenant, i2, QStringLiteral("hypothesis.generated"),
                    R"({"hypothesis_id": "H3", "text": "payments arrive late"})", 100, {}, ds2);
        insertEvent(c, 18, tenant, nil, QStringLiteral("quirk.added"),
                    R"({"quirk_id": "K1", "text": "orders load twice on mondays"})", 110, alice,
                    ds1);
        insertEvent(c, 19, tenant, nil, QStringLiteral("quirk.confirmed"), R"({"quirk_id": "K1"})",
                    111, bob, ds1);
        insertEvent(c, 20, tenant, nil, QStringLiteral("quirk.added"),
                    R"({"quirk_id": "K2", "text": "an old quirk"})", 112, alice, ds1);
        insertEvent(c, 21, tenant, nil, QStringLiteral("quirk.retired"),
                    R"({"quirk_id": "K2", "reason": "fixed"})", 113, alice, ds1);

        const auto run = m_db->run(QStringLiteral("knowledgectl"), {QStringLiteral("embed")}, {},
                                   QStringLiteral("handmade"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QHash<QString, QString> names{
            {ds1.toString(QUuid::WithoutBraces), QStringLiteral("ds1")},
            {ds2.toString(QUuid::WithoutBraces), QStringLiteral("ds2")},
            {i1.toString(QUuid::WithoutBraces), QStringLiteral("i1")},
            {i2.toString(QUuid::WithoutBraces), QStringLiteral("i2")}};
        const QString comment = eventId(10).toString(QUuid::WithoutBraces);
        const QStringList expected{
            QStringLiteral("comment|%1|ds1|i1|the loader skips sundays|0|f|50").arg(comment),
            QStringLiteral("finding|*|ds1|i1|weekend loader lag|0|f|70"),
            QStringLiteral("hypothesis|H1|ds1|i1|weekend loader lag|2|f|10"),
            QStringLiteral("hypothesis|H3|ds2|i2|payments arrive late|0|f|100"),
            QStringLiteral(
                "query|Q1|ds1|i1|count rows per day\nSELECT count(*) FROM orders|-1|f|20"),
            QStringLiteral("query|Q3|ds1|i1|late purpose\nSELECT 3|0|f|26"),
            QStringLiteral("query|Q4|ds1|i1|second of a tie|0|f|40"),
            QStringLiteral("quirk|K1|ds1|-|orders load twice on mondays|1|f|110"),
            QStringLiteral("quirk|K2|ds1|-|an old quirk|0|t|112"),
        };
        QCOMPARE(documents(tenant, names), expected);
        // Every live document has a vector of the tenant's model.
        QCOMPARE(m_db->scalar(
                     QStringLiteral(
                         "SELECT count(*) FROM search_embeddings e JOIN embedding_models m ON "
                         "m.tenant_id = e.tenant_id AND m.name = e.model WHERE e.tenant_id = '%1' "
                         "AND array_length(e.embedding, 1) = m.dimension")
                         .arg(tenant.toString(QUuid::WithoutBraces))),
                 QStringLiteral("8"));

        // Recomputing everything finds nothing to change.
        const auto full = m_db->run(QStringLiteral("knowledgectl"),
                                    {QStringLiteral("embed"), QStringLiteral("--full")}, {},
                                    QStringLiteral("handmade"));
        QVERIFY2(full.exitCode == 0, qPrintable(full.err));
        QVERIFY2(full.out.contains(QLatin1String("(full): 0 changed")), qPrintable(full.out));
        QCOMPARE(documents(tenant, names), expected);

        // An investigation that names its dataset later: the document moves, and its vector
        // follows without being embedded again.
        const QUuid i3 = QUuid::createUuid();
        insertEvent(c, 30, tenant, i3, QStringLiteral("hypothesis.generated"),
                    R"({"hypothesis_id": "H5", "text": "refunds booked twice"})", 200);
        const auto before = m_db->run(QStringLiteral("knowledgectl"), {QStringLiteral("embed")}, {},
                                      QStringLiteral("handmade"));
        QVERIFY2(before.exitCode == 0, qPrintable(before.err));
        const QString vectorDataset
            = QStringLiteral("SELECT coalesce(dataset_id::text, '-') FROM search_embeddings WHERE "
                             "tenant_id = '%1' AND source_id = 'H5'")
                  .arg(tenant.toString(QUuid::WithoutBraces));
        QCOMPARE(m_db->scalar(vectorDataset), QStringLiteral("-"));
        const QByteArray startedLate = QStringLiteral(R"({"dataset_id": "%1"})")
                                           .arg(ds2.toString(QUuid::WithoutBraces))
                                           .toUtf8();
        insertEvent(c, 31, tenant, i3, QStringLiteral("investigation.started"),
                    startedLate.constData(), 199);
        const auto after = m_db->run(QStringLiteral("knowledgectl"), {QStringLiteral("embed")}, {},
                                     QStringLiteral("handmade"));
        QVERIFY2(after.exitCode == 0, qPrintable(after.err));
        QVERIFY2(after.out.contains(QLatin1String("1 changed")), qPrintable(after.out));
        QVERIFY2(after.out.contains(QLatin1String("embedded 0 ")), qPrintable(after.out));
        QCOMPARE(m_db->scalar(vectorDataset), ds2.toString(QUuid::WithoutBraces));
    }

    // The job with an OpenAI-compatible embeddings API: the model is registered with the
    // dimension its answers have, every document gets a vector of that dimension, and
    // `knowledgectl search` (which embeds the query through the same API) finds the document.
    void embedWithAnEmbeddingsApiThenSearch()
    {
        test::FakeEmbeddingsServerThread server(keywordEmbedding);
        QVERIFY(server.isListening());
        const QUuid tenant = m_db->createTenant(QStringLiteral("api"));
        auto &c = m_db->admin();
        const QUuid ds = m_db->createDataset(tenant, QStringLiteral("public.orders"));
        const QUuid inv = QUuid::createUuid();
        const QByteArray started = QStringLiteral(R"({"dataset_id": "%1"})")
                                       .arg(ds.toString(QUuid::WithoutBraces))
                                       .toUtf8();
        insertEvent(c, 101, tenant, inv, QStringLiteral("investigation.started"),
                    started.constData(), 0);
        const char *texts[] = {
            R"({"hypothesis_id": "A1", "text": "the marmalade feed arrives twice"})",
            R"({"hypothesis_id": "A2", "text": "a stale currency rate for refunds"})",
            R"({"hypothesis_id": "A3", "text": "timezone shift moved rows to the previous day"})",
            R"({"hypothesis_id": "A4", "text": "duplicate keys from a retried batch"})",
            R"({"hypothesis_id": "A5", "text": "the ledger was sharded mid-month"})",
        };
        for (int i = 0; i < 5; ++i)
            insertEvent(c, 102 + i, tenant, inv, QStringLiteral("hypothesis.generated"), texts[i],
                        10 + i);
        // First with the local model, as a tenant has before anyone configures an API.
        const auto local = m_db->run(QStringLiteral("knowledgectl"), {QStringLiteral("embed")}, {},
                                     QStringLiteral("api"));
        QVERIFY2(local.exitCode == 0, qPrintable(local.err));
        QVERIFY2(local.out.contains(QLatin1String("embedded 5 with model lsa-")),
                 qPrintable(local.out));

        qputenv("KNOWLEDGE_EMBEDDINGS_URL", server.url().toString().toUtf8());
        qputenv("KNOWLEDGE_EMBEDDINGS_MODEL", "fake-keywords");
        qputenv("KNOWLEDGE_EMBEDDINGS_API_KEY", "sk-test");
        auto unset = qScopeGuard([]() {
            qunsetenv("KNOWLEDGE_EMBEDDINGS_URL");
            qunsetenv("KNOWLEDGE_EMBEDDINGS_MODEL");
            qunsetenv("KNOWLEDGE_EMBEDDINGS_API_KEY");
        });
        const auto run = m_db->run(QStringLiteral("knowledgectl"), {QStringLiteral("embed")}, {},
                                   QStringLiteral("api"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QVERIFY2(run.out.contains(QLatin1String("embedded 5 with model http:fake-keywords, "
                                                "removed 5 old vector(s)")),
                 qPrintable(run.out));
        QVERIFY(server.served() > 0);
        const QString t = tenant.toString(QUuid::WithoutBraces);
        // The API model is the tenant's only one now; the local model and its vectors are gone.
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT string_agg(kind || ' ' || name || ' ' || "
                                             "dimension, ',') FROM embedding_models WHERE "
                                             "tenant_id = '%1'")
                                  .arg(t)),
                 QStringLiteral("http http:fake-keywords 8"));
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM search_embeddings WHERE "
                                             "tenant_id = '%1' AND model <> 'http:fake-keywords'")
                                  .arg(t)),
                 QStringLiteral("0"));
        QCOMPARE(m_db->scalar(
                     QStringLiteral("SELECT count(*) || ' ' || min(dimension) || ' ' || "
                                    "max(dimension) || ' ' || min(array_length(embedding, 1)) || "
                                    "' ' || max(length(packed)) FROM search_embeddings WHERE "
                                    "tenant_id = '%1' AND model = 'http:fake-keywords'")
                         .arg(t)),
                 QStringLiteral("5 8 8 8 32"));

        // A second run knows the model (and its dimension) already and has nothing to embed.
        const auto again = m_db->run(QStringLiteral("knowledgectl"), {QStringLiteral("embed")}, {},
                                     QStringLiteral("api"));
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY2(again.out.contains(QLatin1String("embedded 0 ")), qPrintable(again.out));

        const int before = server.served();
        const auto found = m_db->run(
            QStringLiteral("knowledgectl"),
            {QStringLiteral("search"), QStringLiteral("marmalade"), QStringLiteral("--json")}, {},
            QStringLiteral("api"));
        QVERIFY2(found.exitCode == 0, qPrintable(found.err));
        QVERIFY2(server.served() > before, "the query must be embedded by the API");
        const QJsonObject o = QJsonDocument::fromJson(found.out.toUtf8()).object();
        const QJsonArray results = o.value(QStringLiteral("results")).toArray();
        QVERIFY2(!results.isEmpty(), qPrintable(found.out));
        const QJsonObject top = results.at(0).toObject();
        QCOMPARE(top.value(QStringLiteral("source_id")).toString(), QStringLiteral("A1"));
        QCOMPARE(
            top.value(QStringLiteral("ranks")).toObject().value(QStringLiteral("vector")).toInt(),
            1);
    }
};

QTEST_GUILESS_MAIN(TestEmbedJob)
#include "tst_embedjob.moc"
