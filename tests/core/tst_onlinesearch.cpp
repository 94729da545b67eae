// Online search and the generate_embeddings job against a real PostgreSQL: tenant isolation,
// dataset filter, boosts, edits and retirements, hostile queries, the knowledgectl commands.
#include "database.h"
#include "databasetestcase.h"
#include "knowledgeaggregator.h"
#include "onlinesearch.h"
#include "searchdocuments.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTest>

using namespace ke;

namespace {

template <typename R> QString errorOf(const R &r)
{
    return test::errorOf(r);
}

// `daysAgo` before now.
void insertEvent(SqlSession &c, const QUuid &tenant, const QUuid &inv, const QString &type,
                 const QJsonObject &data, int daysAgo, const QUuid &datasetColumn = {})
{
    test::orThrow(c.exec(
        QStringLiteral("INSERT INTO feedback_events (id, tenant_id, investigation_id, dataset_id, "
                       "event_type, event_data, actor_id, actor_type, created_at) VALUES "
                       "(gen_random_uuid(), $1, $2, $3, $4, $5::jsonb, NULL, 'system', "
                       "now() - $6 * interval '1 day')"),
        {tenant, inv, SqlValue::orNull(datasetColumn), type,
         QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact)), daysAgo}));
}

// An investigation of `dataset` with one hypothesis of `text`; returns the hypothesis id.
QString addHypothesis(SqlSession &c, const QUuid &tenant, const QUuid &dataset, const QString &text,
                      int daysAgo, QUuid *investigation = nullptr)
{
    const QUuid inv = QUuid::createUuid();
    const QString hid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    insertEvent(c, tenant, inv, QStringLiteral("investigation.started"),
                QJsonObject{{QStringLiteral("dataset_id"), dataset.toString(QUuid::WithoutBraces)}},
                daysAgo);
    insertEvent(c, tenant, inv, QStringLiteral("hypothesis.generated"),
                QJsonObject{{QStringLiteral("hypothesis_id"), hid},
                            {QStringLiteral("text"), text},
                            {QStringLiteral("confidence"), 0.5}},
                daysAgo);
    if (investigation)
        *investigation = inv;
    return hid;
}

} // namespace

class TestOnlineSearch : public test::DatabaseTestCase
{
    Q_OBJECT

private:
    QUuid m_a, m_b, m_dsA1, m_dsA2, m_dsB;

    Result<SearchOutcome> search(const QString &tenant, const QString &text,
                                 const QString &dataset = {})
    {
        auto db = m_db->connect(tenant);
        if (!db)
            return makeError(ErrorCode::Connect, test::TestDatabase::error());
        SearchRequest r;
        r.text = text;
        r.limit = 50;
        r.datasetId = dataset;
        OnlineSearch os;
        return os.search(*db, r);
    }

    // Lexical search of `tenant` through the in-memory index and through the SQL statement
    // with no pre-selection (BM25 of every match, statistics counted by the query): each
    // result's lexical rank must agree, which holds only while the index's document count,
    // total length and document frequencies are the tenant's own and up to date.
    void lexicalAgreesWithSql(const QString &tenant, const QStringList &queries,
                              test::TestDatabase::As as = test::TestDatabase::As::Member)
    {
        auto db = m_db->connect(tenant, {}, as);
        QVERIFY2(db, qPrintable(test::TestDatabase::error()));
        OnlineSearch memory;
        OnlineSearch::Options sqlOptions;
        sqlOptions.lexicalIndex = OnlineSearch::Options::LexicalIndex::Sql;
        sqlOptions.lexicalPrefilter = 1000000;
        OnlineSearch sql(sqlOptions);
        for (const QString &q : queries) {
            SearchRequest r;
            r.text = q;
            r.limit = 50;
            r.mode = SearchMode::Lexical;
            const auto a = memory.search(*db, r);
            const auto b = sql.search(*db, r);
            QVERIFY2(a, qPrintable(errorOf(a)));
            QVERIFY2(b, qPrintable(errorOf(b)));
            QMap<QString, int> ra, rb;
            for (const SearchResult &x : a->results)
                ra.insert(x.sourceId, x.lexicalRank);
            for (const SearchResult &x : b->results)
                rb.insert(x.sourceId, x.lexicalRank);
            QVERIFY2(!ra.isEmpty(), qPrintable(q));
            QCOMPARE(ra, rb);
        }
    }

    // The shared index's statistics (as `as` of `tenant` sees them) against the table's.
    void statisticsAgreeWithTable(const QString &tenant, const QUuid &tenantId,
                                  test::TestDatabase::As as = test::TestDatabase::As::Member)
    {
        auto db = m_db->connect(tenant, {}, as);
        QVERIFY2(db, qPrintable(test::TestDatabase::error()));
        const auto stats = OnlineSearch::lexicalStatistics(*db);
        QVERIFY2(stats, qPrintable(errorOf(stats)));
        const QString where = QStringLiteral("tenant_id = '%1' AND NOT retired")
                                  .arg(tenantId.toString(QUuid::WithoutBraces));
        QCOMPARE(
            QString::number(stats->documents),
            m_db->scalar(QStringLiteral("SELECT count(*) FROM search_documents WHERE ") + where));
        QVERIFY(stats->documents > 0);
        QCOMPARE(QString::number(stats->totalLength),
                 m_db->scalar(QStringLiteral("SELECT sum(length(tsv)) FROM search_documents WHERE ")
                              + where));
        QMap<QString, qint64> expected, actual;
        const QString rows = m_db->scalar(
            QStringLiteral("SELECT string_agg(word || chr(30) || ndoc, chr(31)) FROM ts_stat("
                           "'SELECT tsv FROM search_documents WHERE %1')")
                .arg(QString(where).replace(QLatin1Char('\''), QLatin1String("''"))));
        for (const QString &row : rows.split(QChar(31), Qt::SkipEmptyParts)) {
            const QStringList kv = row.split(QChar(30));
            expected.insert(kv.value(0), kv.value(1).toLongLong());
        }
        for (auto it = stats->documentFrequencies.cbegin(); it != stats->documentFrequencies.cend();
             ++it)
            actual.insert(it.key(), it.value());
        QCOMPARE(actual, expected);
    }

    QStringList lexicalIds(const QString &tenant, const QString &text)
    {
        auto db = m_db->connect(tenant);
        if (!db)
            return {};
        SearchRequest r;
        r.text = text;
        r.limit = 50;
        r.mode = SearchMode::Lexical;
        OnlineSearch os;
        return ids(os.search(*db, r));
    }

    QStringList ids(const Result<SearchOutcome> &o)
    {
        QStringList out;
        if (o)
            for (const auto &r : o->results)
                out << r.sourceId;
        return out;
    }

    void embed(const QString &tenant)
    {
        const auto run
            = m_db->run(QStringLiteral("knowledgectl"), {QStringLiteral("embed")}, {}, tenant);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    }

private Q_SLOTS:
    void initTestCase()
    {
        KE_CREATE_TEST_DATABASE("onlinesearch");
        m_a = m_db->createTenant(QStringLiteral("alpha"));
        m_b = m_db->createTenant(QStringLiteral("beta"));
        auto &c = m_db->admin();
        m_dsA1 = m_db->createDataset(m_a, QStringLiteral("public.orders"));
        m_dsA2 = m_db->createDataset(m_a, QStringLiteral("public.payments"));
        m_dsB = m_db->createDataset(m_b, QStringLiteral("public.orders"));
        const QStringList filler{
            QStringLiteral("row counts dropped after the nightly load"),
            QStringLiteral("schema change renamed a column upstream"),
            QStringLiteral("duplicate keys from a retried batch"),
            QStringLiteral("timezone shift moved events to the previous day"),
            QStringLiteral("null customer ids from the mobile app"),
            QStringLiteral("currency conversion used a stale exchange rate"),
        };
        for (int i = 0; i < filler.size(); ++i) {
            addHypothesis(c, m_a, i % 2 ? m_dsA1 : m_dsA2, filler.at(i), 30 + i);
            addHypothesis(c, m_b, m_dsB, filler.at(i), 30 + i);
        }
    }

    void tenantBNeverInA()
    {
        auto &c = m_db->admin();
        const QString a = addHypothesis(c, m_a, m_dsA1,
                                        QStringLiteral("warehouse vacuum stalled ingestion"), 3);
        const QString b
            = addHypothesis(c, m_b, m_dsB, QStringLiteral("warehouse vacuum stalled ingestion"), 3);
        embed(QStringLiteral("alpha"));
        embed(QStringLiteral("beta"));
        auto ra = search(QStringLiteral("alpha"), QStringLiteral("warehouse vacuum"));
        QVERIFY2(ra, qPrintable(errorOf(ra)));
        QVERIFY(ids(ra).contains(a));
        QVERIFY(!ids(ra).contains(b));
        // Every result of A is A's: B's rows never show, whatever the query.
        const QString bRows = m_db->scalar(
            QStringLiteral(
                "SELECT string_agg(source_id, ',') FROM search_documents WHERE tenant_id = '%1'")
                .arg(m_b.toString(QUuid::WithoutBraces)));
        for (const QString &q :
             {QStringLiteral("row counts"), QStringLiteral("duplicate keys timezone"),
              QStringLiteral("ingestion")}) {
            auto r = search(QStringLiteral("alpha"), q);
            QVERIFY2(r, qPrintable(errorOf(r)));
            QVERIFY(!r->results.isEmpty());
            for (const auto &x : r->results)
                QVERIFY2(!bRows.contains(x.sourceId), qPrintable(x.sourceId));
        }
        auto rb = search(QStringLiteral("beta"), QStringLiteral("warehouse vacuum"));
        QVERIFY(ids(rb).contains(b));
        QVERIFY(!ids(rb).contains(a));
    }

    void datasetFilter()
    {
        auto all = search(QStringLiteral("alpha"),
                          QStringLiteral("row counts schema duplicate timezone null currency"));
        QVERIFY2(all, qPrintable(errorOf(all)));
        bool sawA1 = false, sawA2 = false;
        for (const auto &r : all->results) {
            sawA1 |= QUuid::fromString(r.datasetId) == m_dsA1;
            sawA2 |= QUuid::fromString(r.datasetId) == m_dsA2;
        }
        QVERIFY(sawA1 && sawA2);
        auto one = search(QStringLiteral("alpha"),
                          QStringLiteral("row counts schema duplicate timezone null currency"),
                          m_dsA2.toString(QUuid::WithoutBraces));
        QVERIFY2(one, qPrintable(errorOf(one)));
        QVERIFY(!one->results.isEmpty());
        for (const auto &r : one->results)
            QCOMPARE(QUuid::fromString(r.datasetId), m_dsA2);
    }

    void boostsMoveRecentWellRatedUp()
    {
        auto &c = m_db->admin();
        const QString text = QStringLiteral("partition pruning skipped the sharded ledger");
        const QString oldId = addHypothesis(c, m_a, m_dsA1, text, 400);
        QUuid inv;
        const QString newId = addHypothesis(c, m_a, m_dsA1, text, 1, &inv);
        for (int i = 0; i < 3; ++i) {
            m_db->exec(
                QStringLiteral("INSERT INTO feedback_events (id, tenant_id, investigation_id, "
                               "event_type, event_data, actor_id, actor_type, created_at) "
                               "VALUES (gen_random_uuid(), $1, $2, 'feedback.hypothesis', "
                               "jsonb_build_object('target_id', $3::text, 'rating', 1), "
                               "gen_random_uuid(), 'user', now())"),
                {m_a, inv, newId});
        }
        embed(QStringLiteral("alpha"));
        auto r
            = search(QStringLiteral("alpha"), QStringLiteral("sharded ledger partition pruning"));
        QVERIFY2(r, qPrintable(errorOf(r)));
        const QStringList got = ids(r);
        QVERIFY(got.indexOf(newId) >= 0 && got.indexOf(oldId) >= 0);
        QVERIFY2(got.indexOf(newId) < got.indexOf(oldId), qPrintable(got.join(QLatin1Char(' '))));
        QCOMPARE(r->results.at(got.indexOf(newId)).feedbackScore, 3.0);
        QCOMPARE(r->results.at(got.indexOf(newId)).snippet.contains(QStringLiteral("«ledger»")),
                 true);
    }

    void editsAndRetirementsChangeDocuments()
    {
        auto &c = m_db->admin();
        const QString qid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QUuid nil;
        insertEvent(c, m_a, nil, QStringLiteral("quirk.added"),
                    QJsonObject{{QStringLiteral("quirk_id"), qid},
                                {QStringLiteral("text"),
                                 QStringLiteral("marmalade feed arrives twice on mondays")}},
                    2, m_dsA1);
        embed(QStringLiteral("alpha"));
        QVERIFY(ids(search(QStringLiteral("alpha"), QStringLiteral("marmalade"))).contains(qid));
        const QString seq1 = m_db->scalar(
            QStringLiteral("SELECT change_seq FROM search_documents WHERE source_id = '%1'")
                .arg(qid));

        insertEvent(c, m_a, nil, QStringLiteral("quirk.edited"),
                    QJsonObject{{QStringLiteral("quirk_id"), qid},
                                {QStringLiteral("text"),
                                 QStringLiteral("gooseberry feed arrives twice on mondays")}},
                    1);
        embed(QStringLiteral("alpha"));
        QVERIFY(!ids(search(QStringLiteral("alpha"), QStringLiteral("marmalade"))).contains(qid));
        QVERIFY(ids(search(QStringLiteral("alpha"), QStringLiteral("gooseberry"))).contains(qid));
        const QString seq2 = m_db->scalar(
            QStringLiteral("SELECT change_seq FROM search_documents WHERE source_id = '%1'")
                .arg(qid));
        QVERIFY(seq2.toLongLong() > seq1.toLongLong());
        // The vector follows the edit too.
        QCOMPARE(m_db->scalar(
                     QStringLiteral("SELECT content FROM search_embeddings WHERE source_id = '%1'")
                         .arg(qid)),
                 QStringLiteral("gooseberry feed arrives twice on mondays"));

        insertEvent(c, m_a, nil, QStringLiteral("quirk.retired"),
                    QJsonObject{{QStringLiteral("quirk_id"), qid},
                                {QStringLiteral("reason"), QStringLiteral("fixed")}},
                    0);
        embed(QStringLiteral("alpha"));
        QCOMPARE(m_db->scalar(
                     QStringLiteral("SELECT retired FROM search_documents WHERE source_id = '%1'")
                         .arg(qid)),
                 QStringLiteral("t"));
        QVERIFY(m_db->scalar(QStringLiteral(
                                 "SELECT change_seq FROM search_documents WHERE source_id = '%1'")
                                 .arg(qid))
                    .toLongLong()
                > seq2.toLongLong());
        QVERIFY(!ids(search(QStringLiteral("alpha"), QStringLiteral("gooseberry feed mondays")))
                     .contains(qid));
        QCOMPARE(m_db->scalar(
                     QStringLiteral("SELECT count(*) FROM search_embeddings WHERE source_id = '%1'")
                         .arg(qid)),
                 QStringLiteral("0"));
    }

    void fullRebuildChangesNothing()
    {
        auto db = m_db->connect(QStringLiteral("alpha"), {}, test::TestDatabase::As::Service);
        QVERIFY(db);
        const QString before
            = m_db->scalar(QStringLiteral("SELECT max(change_seq) FROM search_documents"));
        auto r = SearchDocuments::refresh(*db, true);
        QVERIFY2(r, qPrintable(errorOf(r)));
        QVERIFY(r->full);
        QCOMPARE(r->documentsChanged, 0);
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT max(change_seq) FROM search_documents")),
                 before);
    }

    void hostileQueries_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("quotes") << QStringLiteral("\"ledger' \"\"");
        QTest::newRow("operators") << QStringLiteral("ledger & !sharded | partition <-> pruning");
        QTest::newRow("near") << QStringLiteral("NEAR(ledger partition, 2)");
        QTest::newRow("star") << QStringLiteral("ledg* *");
        QTest::newRow("parens") << QStringLiteral("((ledger) OR (partition");
        QTest::newRow("injection") << QStringLiteral("'); DROP TABLE search_documents; -- ledger");
        QTest::newRow("tsquery") << QStringLiteral("ledger:* & 'x':A");
        QTest::newRow("empty") << QString();
        QTest::newRow("only symbols") << QStringLiteral("&|!<->()");
        QTest::newRow("10KB") << QStringLiteral("ledger ").repeated(1500);
        QTest::newRow("emoji") << QStringLiteral("ledger 🦄🔥 partition");
        QTest::newRow("nul") << (QStringLiteral("ledger") + QChar(0) + QStringLiteral("partition"));
        QTest::newRow("backslash") << QStringLiteral("\\ledger\\ \\x00");
    }

    void hostileQueries()
    {
        QFETCH(QString, query);
        auto r = search(QStringLiteral("alpha"), query);
        if (!r) {
            QCOMPARE(r.error().code, QStringLiteral("empty_query"));
            QVERIFY(r.error().message.contains(QLatin1String("no words")));
        } else {
            QCOMPARE(r->mode, QStringLiteral("online"));
        }
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT to_regclass('search_documents') IS NOT NULL")),
                 QStringLiteral("t"));
    }

    void searchJsonShape()
    {
        const auto run
            = m_db->run(QStringLiteral("knowledgectl"),
                        {QStringLiteral("search"), QStringLiteral("ledger partition"),
                         QStringLiteral("--json"), QStringLiteral("--limit"), QStringLiteral("3")},
                        {}, QStringLiteral("alpha"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QJsonParseError e;
        const QJsonObject o = QJsonDocument::fromJson(run.out.toUtf8(), &e).object();
        QCOMPARE(e.error, QJsonParseError::NoError);
        QCOMPARE(o.value(QStringLiteral("mode")).toString(), QStringLiteral("online"));
        const QJsonArray results = o.value(QStringLiteral("results")).toArray();
        QVERIFY(!results.isEmpty() && results.size() <= 3);
        for (const auto &v : results) {
            const QJsonObject r = v.toObject();
            for (const char *k : {"source_type", "source_id", "dataset_id", "investigation_id",
                                  "snippet", "score", "created_at", "feedback_score", "ranks"})
                QVERIFY2(r.contains(QLatin1String(k)), k);
            QVERIFY(
                r.value(QStringLiteral("ranks")).toObject().contains(QStringLiteral("lexical")));
            QVERIFY(r.value(QStringLiteral("ranks")).toObject().contains(QStringLiteral("vector")));
            QVERIFY(r.value(QStringLiteral("score")).toDouble() > 0);
        }
        QVERIFY(results.at(0)
                    .toObject()
                    .value(QStringLiteral("snippet"))
                    .toString()
                    .contains(QStringLiteral("«")));
        // A hostile query through the command line: a clear message, never an SQL error.
        const auto bad = m_db->run(QStringLiteral("knowledgectl"),
                                   {QStringLiteral("search"), QStringLiteral("&|!")}, {},
                                   QStringLiteral("alpha"));
        QVERIFY(bad.exitCode != 0);
        QVERIFY2(bad.err.contains(QLatin1String("no words")), qPrintable(bad.err));
    }

    void embedIsIncremental()
    {
        embed(QStringLiteral("alpha"));
        const auto again = m_db->run(QStringLiteral("knowledgectl"), {QStringLiteral("embed")}, {},
                                     QStringLiteral("alpha"));
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY2(again.out.contains(QLatin1String("0 changed")), qPrintable(again.out));
        QVERIFY2(again.out.contains(QLatin1String("embedded 0 ")), qPrintable(again.out));
        addHypothesis(m_db->admin(), m_a, m_dsA2,
                      QStringLiteral("one more idea about late refunds"), 0);
        const auto third = m_db->run(QStringLiteral("knowledgectl"), {QStringLiteral("embed")}, {},
                                     QStringLiteral("alpha"));
        QVERIFY2(third.out.contains(QLatin1String("1 changed")), qPrintable(third.out));
        QVERIFY2(third.out.contains(QLatin1String("embedded 1 ")), qPrintable(third.out));
    }

    // One OnlineSearch kept (as each thread of the app and the service keeps one): its vectors
    // follow the embedding job. Between the job's two steps a document is new but has no
    // vector yet; a search then must not keep that view once the vector is written (the
    // vectors' own change number, 0011 — the documents' did not move in between).
    void vectorCacheFollowsTheEmbeddingJob()
    {
        embed(QStringLiteral("alpha"));
        auto db = m_db->connect(QStringLiteral("alpha"), {}, test::TestDatabase::As::Worker);
        QVERIFY2(db, qPrintable(test::TestDatabase::error()));
        OnlineSearch kept;
        SearchRequest r;
        r.text = QStringLiteral("duplicate keys from a retried batch");
        r.mode = SearchMode::Vector;
        r.limit = 50;
        QVERIFY(!ids(kept.search(*db, r)).isEmpty());
        const QString added
            = addHypothesis(m_db->admin(), m_a, m_dsA1,
                            QStringLiteral("duplicate keys again from a retried batch"), 0);
        auto aggregated = KnowledgeAggregator::runIncremental(*db);
        QVERIFY2(aggregated, qPrintable(test::errorOf(aggregated)));
        auto documents = SearchDocuments::refresh(*db);
        QVERIFY2(documents, qPrintable(test::errorOf(documents)));
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM search_documents WHERE "
                                             "source_id = $1"),
                              {added}),
                 QStringLiteral("1"));
        QVERIFY(!ids(kept.search(*db, r)).contains(added)); // a document, no vector yet
        const auto embedded = SearchDocuments::embed(*db, *documents);
        QVERIFY2(embedded, qPrintable(test::errorOf(embedded)));
        const auto after = kept.search(*db, r);
        QVERIFY2(after, qPrintable(test::errorOf(after)));
        QVERIFY2(ids(after).contains(added), qPrintable(ids(after).join(QLatin1Char(' '))));
    }

    // One OnlineSearch searches for several tenants (a database thread of the service serves
    // every key): each tenant's query is embedded with that tenant's own model, and its vector
    // results are its own.
    void oneSearchServesEachTenantWithItsModel()
    {
        // beta's corpus differs from alpha's, so its model is another one.
        for (const char *text : {"retried batch wrote duplicate keys into the beta ledger",
                                 "beta ledger keys duplicated by a retried import",
                                 "the import retried and the ledger kept both copies"})
            addHypothesis(m_db->admin(), m_b, m_dsB, QString::fromLatin1(text), 1);
        embed(QStringLiteral("alpha"));
        // beta learns its model afresh, from its own corpus now.
        m_db->exec(QStringLiteral("DELETE FROM search_embeddings WHERE tenant_id = $1; "), {m_b});
        m_db->exec(QStringLiteral("DELETE FROM embedding_models WHERE tenant_id = $1"), {m_b});
        embed(QStringLiteral("beta"));
        const QString alphaModel = m_db->scalar(
            QStringLiteral("SELECT name FROM embedding_models WHERE tenant_id = $1"), {m_a});
        const QString betaModel = m_db->scalar(
            QStringLiteral("SELECT name FROM embedding_models WHERE tenant_id = $1"), {m_b});
        QVERIFY(!alphaModel.isEmpty() && !betaModel.isEmpty());
        QVERIFY2(alphaModel != betaModel, qPrintable(alphaModel));
        OnlineSearch shared;
        SearchRequest r;
        r.text = QStringLiteral("duplicate keys from a retried batch");
        r.mode = SearchMode::Vector;
        r.limit = 50;
        for (const auto &[tenant, id] :
             {std::pair{QStringLiteral("alpha"), m_a}, std::pair{QStringLiteral("beta"), m_b},
              std::pair{QStringLiteral("alpha"), m_a}}) {
            auto db = m_db->connect(tenant);
            QVERIFY2(db, qPrintable(test::TestDatabase::error()));
            const auto found = shared.search(*db, r);
            QVERIFY2(found, qPrintable(test::errorOf(found)));
            QVERIFY2(!found->results.isEmpty(),
                     qPrintable(tenant + QLatin1String(": ") + found->note));
            for (const SearchResult &hit : found->results)
                QCOMPARE(m_db->scalar(QStringLiteral("SELECT tenant_id::text FROM search_documents "
                                                     "WHERE source_id = $1"),
                                      {hit.sourceId}),
                         id.toString(QUuid::WithoutBraces));
        }
    }

    void pgvectorOptionalPath()
    {
        const QString available = m_db->scalar(
            QStringLiteral("SELECT count(*) FROM pg_available_extensions WHERE name = 'vector'"));
        if (available == QLatin1String("0"))
            QSKIP("pgvector is not installed on this server (Debian 12 does not package it): the "
                  "server-side vector path cannot be exercised here; the exact C++ scan is used");
        // The extension exists: install it, let the embedding job build the column and the
        // model's HNSW index, and hold the indexed search to the exact scan's answers.
        m_db->exec(QStringLiteral("CREATE EXTENSION IF NOT EXISTS vector"));
        embed(QStringLiteral("alpha"));
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM pg_indexes WHERE indexname "
                                             "LIKE 'search_embeddings_hnsw_%'"))
                         .toInt()
                     > 0,
                 true);
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM search_embeddings WHERE "
                                             "embedding_vector IS NULL AND embedding IS NOT NULL")),
                 QStringLiteral("0"));
        auto db = m_db->connect(QStringLiteral("alpha"));
        QVERIFY(db);
        SearchRequest r;
        r.text = QStringLiteral("timezone shift events previous day");
        r.mode = SearchMode::Vector;
        r.limit = 3;
        OnlineSearch indexed;
        OnlineSearch::Options exactOptions;
        exactOptions.useServerVectorIndex = false;
        OnlineSearch exact(exactOptions);
        const auto a = indexed.search(*db, r);
        const auto b = exact.search(*db, r);
        QVERIFY2(a, qPrintable(test::errorOf(a)));
        QVERIFY2(b, qPrintable(test::errorOf(b)));
        QVERIFY2(a->note.isEmpty(), qPrintable(a->note));
        QCOMPARE(ids(*a), ids(*b));
        // The dataset filter holds on the indexed path too.
        r.datasetId = m_dsA1.toString(QUuid::WithoutBraces);
        const auto filtered = indexed.search(*db, r);
        QVERIFY(filtered);
        for (const SearchResult &x : filtered->results)
            QCOMPARE(QUuid::fromString(x.datasetId), m_dsA1);
    }

    // The shared in-memory lexical index against the SQL statement's BM25, per tenant and
    // login, after documents are added, edited and retired by the embedding job.
    void lexicalIndexFollowsChanges()
    {
        const QStringList queries{QStringLiteral("row counts dropped nightly load"),
                                  QStringLiteral("duplicate keys retried batch timezone"),
                                  QStringLiteral("schema change renamed column currency"),
                                  QStringLiteral("quince feed arrives twice")};
        auto &c = m_db->admin();
        addHypothesis(c, m_a, m_dsA1, QStringLiteral("quince prices arrive twice a week"), 1);
        embed(QStringLiteral("alpha"));
        embed(QStringLiteral("beta"));
        lexicalAgreesWithSql(QStringLiteral("alpha"), queries);
        statisticsAgreeWithTable(QStringLiteral("alpha"), m_a);
        lexicalAgreesWithSql(QStringLiteral("beta"), queries.mid(0, 3));
        statisticsAgreeWithTable(QStringLiteral("beta"), m_b);
        lexicalAgreesWithSql(QStringLiteral("alpha"), queries, test::TestDatabase::As::Reader);
        statisticsAgreeWithTable(QStringLiteral("alpha"), m_a, test::TestDatabase::As::Reader);

        // Added: a quirk with words the corpus has, so every document frequency moves.
        const QString qid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        insertEvent(c, m_a, QUuid(), QStringLiteral("quirk.added"),
                    QJsonObject{{QStringLiteral("quirk_id"), qid},
                                {QStringLiteral("text"),
                                 QStringLiteral("quince feed row counts dropped twice, duplicate "
                                                "keys after the nightly load")}},
                    1, m_dsA1);
        embed(QStringLiteral("alpha"));
        QVERIFY(lexicalIds(QStringLiteral("alpha"), QStringLiteral("quince")).contains(qid));
        lexicalAgreesWithSql(QStringLiteral("alpha"), queries);
        statisticsAgreeWithTable(QStringLiteral("alpha"), m_a);
        // Another tenant's index is untouched by it.
        QVERIFY(!lexicalIds(QStringLiteral("beta"), QStringLiteral("quince")).contains(qid));
        lexicalAgreesWithSql(QStringLiteral("beta"), queries.mid(0, 3));
        statisticsAgreeWithTable(QStringLiteral("beta"), m_b);

        // Edited: other words, another length.
        insertEvent(c, m_a, QUuid(), QStringLiteral("quirk.edited"),
                    QJsonObject{{QStringLiteral("quirk_id"), qid},
                                {QStringLiteral("text"), QStringLiteral("timezone batch")}},
                    0);
        embed(QStringLiteral("alpha"));
        QVERIFY(!lexicalIds(QStringLiteral("alpha"), QStringLiteral("quince")).contains(qid));
        QVERIFY(
            lexicalIds(QStringLiteral("alpha"), QStringLiteral("timezone batch")).contains(qid));
        lexicalAgreesWithSql(QStringLiteral("alpha"), queries);
        statisticsAgreeWithTable(QStringLiteral("alpha"), m_a);

        // Retired: out of the counts and the frequencies.
        insertEvent(c, m_a, QUuid(), QStringLiteral("quirk.retired"),
                    QJsonObject{{QStringLiteral("quirk_id"), qid},
                                {QStringLiteral("reason"), QStringLiteral("fixed")}},
                    0);
        embed(QStringLiteral("alpha"));
        QVERIFY(
            !lexicalIds(QStringLiteral("alpha"), QStringLiteral("timezone batch")).contains(qid));
        lexicalAgreesWithSql(QStringLiteral("alpha"), queries);
        statisticsAgreeWithTable(QStringLiteral("alpha"), m_a);
        lexicalAgreesWithSql(QStringLiteral("beta"), queries.mid(0, 3));
        statisticsAgreeWithTable(QStringLiteral("beta"), m_b);
    }

    // The dataset and type filters apply to the in-memory ranking as to the SQL one.
    void lexicalFiltersAgreeWithSql()
    {
        auto db = m_db->connect(QStringLiteral("alpha"));
        QVERIFY(db);
        OnlineSearch memory;
        OnlineSearch::Options sqlOptions;
        sqlOptions.lexicalIndex = OnlineSearch::Options::LexicalIndex::Sql;
        sqlOptions.lexicalPrefilter = 1000000;
        OnlineSearch sql(sqlOptions);
        SearchRequest r;
        r.text = QStringLiteral("row counts schema duplicate timezone null currency");
        r.mode = SearchMode::Lexical;
        r.limit = 50;
        r.datasetId = m_dsA1.toString(QUuid::WithoutBraces);
        auto a = memory.search(*db, r);
        auto b = sql.search(*db, r);
        QVERIFY2(a && b, qPrintable(errorOf(a) + errorOf(b)));
        QVERIFY(!a->results.isEmpty());
        QCOMPARE(ids(*a), ids(*b));
        for (const SearchResult &x : a->results)
            QCOMPARE(QUuid::fromString(x.datasetId), m_dsA1);
        r.datasetId.clear();
        r.sourceTypes = {QStringLiteral("quirk")};
        a = memory.search(*db, r);
        b = sql.search(*db, r);
        QVERIFY2(a && b, qPrintable(errorOf(a) + errorOf(b)));
        QCOMPARE(ids(*a), ids(*b));
        for (const SearchResult &x : a->results)
            QCOMPARE(x.sourceType, QStringLiteral("quirk"));
    }
};

QTEST_GUILESS_MAIN(TestOnlineSearch)
#include "tst_onlinesearch.moc"
