// The offline search index: a real SQLite file and a real hnswlib index in a temporary
// directory. Lexical, vector and hybrid search, filters, boosts, damaged index files, and
// hostile query strings.

#include "fulltextquery.h"
#include "searchindex.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFuture>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace ke;

namespace {

SearchDocument doc(const QString &type, const QString &id, const QString &dataset,
                   const QString &content, int ageDays = 30, double feedback = 0)
{
    SearchDocument d;
    d.sourceType = type;
    d.sourceId = id;
    d.datasetId = dataset;
    d.investigationId = QStringLiteral("inv-") + id;
    d.createdAt = QDateTime(QDate(2025, 6, 1), QTime(12, 0), Qt::UTC).addDays(-ageDays);
    d.feedbackScore = feedback;
    d.content = content;
    return d;
}

/// The source ids of a lexical search's top 20 with the given posting budget (only of the
/// given source types and dataset, when given).
QStringList lexicalIds(SearchIndex &ix, const QString &text, qint64 budget,
                       const QStringList &types = {}, const QString &dataset = {})
{
    HybridParameters p = ix.parameters();
    p.lexicalPostingBudget = budget;
    ix.setParameters(p);
    SearchRequest r;
    r.text = text;
    r.mode = SearchMode::Lexical;
    r.snippets = false;
    r.limit = 20;
    r.sourceTypes = types;
    r.datasetId = dataset;
    QStringList ids;
    auto res = ix.search(r);
    if (res)
        for (const SearchResult &x : std::as_const(*res))
            ids << x.sourceId;
    return ids;
}

QList<SearchDocument> corpus()
{
    const QString orders = QStringLiteral("public.orders");
    const QString users = QStringLiteral("public.users");
    return {
        doc(QStringLiteral("quirk"), QStringLiteral("q1"), orders,
            QStringLiteral("The ETL job loading orders has a two day lag on weekends, so "
                           "weekend order counts look low until Tuesday.")),
        doc(QStringLiteral("finding"), QStringLiteral("f1"), orders,
            QStringLiteral("Root cause: duplicate order rows after the payment service retried "
                           "webhooks; deduplicate on payment id.")),
        doc(QStringLiteral("hypothesis"), QStringLiteral("h1"), orders,
            QStringLiteral("Order volume dropped because the checkout page returned errors "
                           "for mobile users.")),
        doc(QStringLiteral("finding"), QStringLiteral("f2"), users,
            QStringLiteral("Signups spiked because of a bot attack; the captcha was disabled "
                           "during the deploy.")),
        doc(QStringLiteral("query"), QStringLiteral("s1"), users,
            QStringLiteral("SELECT count(*) FROM users WHERE created_at > now() - interval "
                           "'1 day' -- daily signups to compare with the bot traffic")),
        doc(QStringLiteral("comment"), QStringLiteral("c1"), users,
            QStringLiteral("The users table is replicated from the auth database every hour; "
                           "recent signups may be missing.")),
        doc(QStringLiteral("quirk"), QStringLiteral("q2"), users,
            QStringLiteral("Email addresses in users are not lower-cased; join on lower(email).")),
        doc(QStringLiteral("finding"), QStringLiteral("f3"), orders,
            QStringLiteral("Refunds are booked as negative orders, which makes the revenue "
                           "metric dip at month end.")),
    };
}

} // namespace

class TestSearchIndex : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<SearchIndex> m_index;

    QList<SearchResult> find(const QString &text, SearchMode mode, const QString &dataset = {})
    {
        SearchRequest r;
        r.text = text;
        r.mode = mode;
        r.datasetId = dataset;
        auto res = m_index->search(r);
        if (!res)
            qWarning("search failed: %s", qPrintable(res.error().message));
        return res ? *res : QList<SearchResult>{};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.path() + QStringLiteral("/tenant");
        auto idx = SearchIndex::open(m_path);
        QVERIFY2(idx, qPrintable(idx ? QString() : idx.error().message));
        m_index = std::move(*idx);
        auto r = m_index->upsert(corpus());
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        r = m_index->learnLocalEmbedder();
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QVERIFY(m_index->embedder());
        QVERIFY(m_index->embedder()->name().startsWith(QStringLiteral("lsa-")));
        HybridParameters p = m_index->parameters();
        p.now = QDateTime(QDate(2025, 6, 1), QTime(12, 0), Qt::UTC);
        m_index->setParameters(p);
        QCOMPARE(*m_index->documentCount(), qint64(8));
    }

    void filesArePrivate()
    {
        for (const QString &f : {QStringLiteral("search.sqlite"), QStringLiteral("vectors.hnsw"),
                                 QStringLiteral("model.lsa")}) {
            const QFileInfo fi(m_path + QLatin1Char('/') + f);
            QVERIFY2(fi.exists(), qPrintable(f));
            QCOMPARE(fi.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                     QFileDevice::Permissions());
        }
    }

    void lexicalFindsTheDocumentWithMarkedSnippet()
    {
        const auto res = find(QStringLiteral("weekend lag"), SearchMode::Lexical);
        QVERIFY(!res.isEmpty());
        QCOMPARE(res.first().sourceId, QStringLiteral("q1"));
        QCOMPARE(res.first().sourceType, QStringLiteral("quirk"));
        QCOMPARE(res.first().datasetId, QStringLiteral("public.orders"));
        QCOMPARE(res.first().investigationId, QStringLiteral("inv-q1"));
        QVERIFY2(res.first().snippet.contains(QStringLiteral("«lag»")),
                 qPrintable(res.first().snippet));
        QCOMPARE(res.first().lexicalRank, 1);
        QCOMPARE(res.first().vectorRank, 0);
        QVERIFY(res.first().createdAt.isValid());
        // Inflected forms are marked (by stem), stop words are not, and the window is the
        // part of the text where the query's words are.
        const auto worded = find(QStringLiteral("the weekends order counts"), SearchMode::Lexical);
        QVERIFY(!worded.isEmpty());
        QCOMPARE(worded.first().sourceId, QStringLiteral("q1"));
        const QString snippet = worded.first().snippet;
        QVERIFY2(snippet.contains(QStringLiteral("«weekends»"))
                     && snippet.contains(QStringLiteral("«weekend» «order» «counts»"))
                     && !snippet.contains(QStringLiteral("«The»")),
                 qPrintable(snippet));
    }

    void vectorFindsTheDocument()
    {
        const auto res = find(QStringLiteral("signups bot captcha"), SearchMode::Vector);
        QVERIFY(!res.isEmpty());
        QCOMPARE(res.first().sourceId, QStringLiteral("f2"));
        QCOMPARE(res.first().vectorRank, 1);
        QCOMPARE(res.first().lexicalRank, 0);
    }

    void hybridFindsTheDocumentWithBothRanks()
    {
        const auto res = find(QStringLiteral("duplicate payment webhooks"), SearchMode::Hybrid);
        QVERIFY(!res.isEmpty());
        QCOMPARE(res.first().sourceId, QStringLiteral("f1"));
        QCOMPARE(res.first().lexicalRank, 1);
        QVERIFY(res.first().vectorRank >= 1);
        QVERIFY(res.first().score > 0);
        for (qsizetype i = 1; i < res.size(); ++i)
            QVERIFY(res.at(i - 1).score >= res.at(i).score);
    }

    void datasetAndTypeFilters()
    {
        for (SearchMode mode : {SearchMode::Lexical, SearchMode::Vector, SearchMode::Hybrid}) {
            const auto res = find(QStringLiteral("signups users orders"), mode,
                                  QStringLiteral("public.users"));
            QVERIFY(!res.isEmpty());
            for (const SearchResult &r : res)
                QCOMPARE(r.datasetId, QStringLiteral("public.users"));
        }
        SearchRequest r;
        r.text = QStringLiteral("orders users signups refunds");
        r.sourceTypes = {QStringLiteral("quirk")};
        auto res = m_index->search(r);
        QVERIFY(res);
        QVERIFY(!res->isEmpty());
        for (const SearchResult &x : *res)
            QCOMPARE(x.sourceType, QStringLiteral("quirk"));
    }

    void boostsLiftWellRatedRecentTwin()
    {
        QTemporaryDir dir;
        auto idx = SearchIndex::open(dir.path());
        QVERIFY(idx);
        const QString text = QStringLiteral("nightly load of the inventory table fails on "
                                            "daylight saving changes");
        QVERIFY((*idx)->upsert(
            {doc(QStringLiteral("finding"), QStringLiteral("old"), {}, text, 700, 0.0),
             doc(QStringLiteral("finding"), QStringLiteral("new"), {}, text, 1, 4.0),
             doc(QStringLiteral("finding"), QStringLiteral("other"), {},
                 QStringLiteral("unrelated note about invoices"))}));
        QVERIFY((*idx)->learnLocalEmbedder());
        HybridParameters p = (*idx)->parameters();
        p.now = QDateTime(QDate(2025, 6, 1), QTime(12, 0), Qt::UTC);
        (*idx)->setParameters(p);
        SearchRequest r;
        r.text = QStringLiteral("inventory daylight saving");
        auto res = (*idx)->search(r);
        QVERIFY(res);
        QVERIFY(res->size() >= 2);
        QCOMPARE(res->first().sourceId, QStringLiteral("new"));
    }

    void upsertReplacesAndRemoveRemoves()
    {
        QVERIFY(m_index->upsert(
            {doc(QStringLiteral("quirk"), QStringLiteral("q2"), QStringLiteral("public.users"),
                 QStringLiteral("Phone numbers in users carry a "
                                "zanzibar prefix"))}));
        QCOMPARE(*m_index->documentCount(), qint64(8));
        auto res = find(QStringLiteral("zanzibar"), SearchMode::Hybrid);
        QVERIFY(!res.isEmpty());
        QCOMPARE(res.first().sourceId, QStringLiteral("q2"));
        QVERIFY(find(QStringLiteral("lower email"), SearchMode::Lexical).isEmpty()
                || find(QStringLiteral("lower email"), SearchMode::Lexical).first().sourceId
                    != QStringLiteral("q2"));
        QVERIFY(m_index->remove(QStringLiteral("quirk"), QStringLiteral("q2")));
        QCOMPARE(*m_index->documentCount(), qint64(7));
        for (const SearchResult &r : find(QStringLiteral("zanzibar phone"), SearchMode::Hybrid))
            QVERIFY(r.sourceId != QStringLiteral("q2"));
        QVERIFY(m_index->save());
    }

    void reopensFromSavedFiles()
    {
        QVERIFY(m_index->save());
        m_index.reset();
        auto idx = SearchIndex::open(m_path);
        QVERIFY2(idx, qPrintable(idx ? QString() : idx.error().message));
        m_index = std::move(*idx);
        QVERIFY2(m_index->recoveryNote().isEmpty(), qPrintable(m_index->recoveryNote()));
        QVERIFY(m_index->embedder());
        const auto res = find(QStringLiteral("signups bot captcha"), SearchMode::Vector);
        QVERIFY(!res.isEmpty());
        QCOMPARE(res.first().sourceId, QStringLiteral("f2"));
    }

    void damagedVectorIndexIsRebuilt_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("truncated") << QStringLiteral("truncate");
        QTest::newRow("garbage") << QStringLiteral("garbage");
        QTest::newRow("missing") << QStringLiteral("delete");
        QTest::newRow("empty") << QStringLiteral("empty");
        QTest::newRow("header gone") << QStringLiteral("header");
        QTest::newRow("groups truncated") << QStringLiteral("groups-truncate");
        QTest::newRow("groups missing") << QStringLiteral("groups-delete");
    }

    void damagedVectorIndexIsRebuilt()
    {
        QFETCH(QString, damage);
        QVERIFY(m_index->save());
        m_index.reset();
        const QString file = m_path + QStringLiteral("/vectors.hnsw");
        QFile f(file);
        if (damage == QLatin1String("truncate")) {
            QVERIFY(f.resize(f.size() / 2));
        } else if (damage == QLatin1String("garbage")) {
            QVERIFY(f.open(QIODevice::ReadWrite));
            f.seek(0);
            f.write(QByteArray(512, '\xff'));
            f.close();
        } else if (damage == QLatin1String("delete")) {
            QVERIFY(f.remove());
        } else if (damage == QLatin1String("empty")) {
            QVERIFY(f.resize(0));
        } else if (damage == QLatin1String("groups-truncate")) {
            QFile g(m_path + QStringLiteral("/vectors.groups"));
            QVERIFY(g.resize(g.size() - 3));
        } else if (damage == QLatin1String("groups-delete")) {
            QVERIFY(QFile::remove(m_path + QStringLiteral("/vectors.groups")));
        } else {
            QVERIFY(QFile::remove(file + QStringLiteral(".header")));
        }
        auto idx = SearchIndex::open(m_path);
        QVERIFY2(idx, qPrintable(idx ? QString() : idx.error().message));
        m_index = std::move(*idx);
        QVERIFY2(!m_index->recoveryNote().isEmpty(), "the repair should be reported");
        qInfo("%s", qPrintable(m_index->recoveryNote()));
        const auto res = find(QStringLiteral("signups bot captcha"), SearchMode::Vector);
        QVERIFY(!res.isEmpty());
        QCOMPARE(res.first().sourceId, QStringLiteral("f2"));
    }

    void damagedModelIsRelearned()
    {
        m_index.reset();
        QFile f(m_path + QStringLiteral("/model.lsa"));
        QVERIFY(f.resize(f.size() / 3));
        auto idx = SearchIndex::open(m_path);
        QVERIFY2(idx, qPrintable(idx ? QString() : idx.error().message));
        m_index = std::move(*idx);
        QVERIFY(!m_index->recoveryNote().isEmpty());
        QVERIFY(m_index->embedder());
        QVERIFY(!find(QStringLiteral("signups bot captcha"), SearchMode::Vector).isEmpty());
    }

    void sanitiserKeepsOnlyQuotedWords()
    {
        QCOMPARE(fulltextquery::toFts5(QStringLiteral("NEAR(a b, 2) OR \"c*\" a")),
                 QStringLiteral("\"near\" OR \"a\" OR \"b\" OR \"2\" OR \"or\" OR \"c\""));
        QCOMPARE(fulltextquery::toFts5(QStringLiteral("'; DROP TABLE x; --")),
                 QStringLiteral("\"drop\" OR \"table\" OR \"x\""));
        QCOMPARE(fulltextquery::toFts5(QStringLiteral("((( * ^ 🚀")), QString());
        QCOMPARE(fulltextquery::terms(QStringLiteral("w ").repeated(5000)).size(), 1);
        QStringList many;
        for (int i = 0; i < 500; ++i)
            many << QStringLiteral("w%1").arg(i);
        QCOMPARE(fulltextquery::terms(many.join(QLatin1Char(' '))).size(),
                 qsizetype(fulltextquery::kMaxTerms));
    }

    void hostileQueries_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("hasWords");
        QTest::newRow("double quote") << QStringLiteral("\"orders") << true;
        QTest::newRow("quotes both") << QStringLiteral("\"weekend\" \"lag") << true;
        QTest::newRow("single quote") << QStringLiteral("o'brien's orders") << true;
        QTest::newRow("NEAR") << QStringLiteral("NEAR(orders lag, 2)") << true;
        QTest::newRow("bare NEAR") << QStringLiteral("NEAR") << true;
        QTest::newRow("operators") << QStringLiteral("orders AND OR NOT users") << true;
        QTest::newRow("star") << QStringLiteral("ord* *") << true;
        QTest::newRow("only star") << QStringLiteral("*") << false;
        QTest::newRow("parens") << QStringLiteral("(((") << false;
        QTest::newRow("parens words") << QStringLiteral("((orders) lag") << true;
        QTest::newRow("column filter") << QStringLiteral("content:orders {content}: ^lag") << true;
        QTest::newRow("injection") << QStringLiteral("'; DROP TABLE x; --") << true;
        QTest::newRow("injection 2") << QStringLiteral("\"); DELETE FROM documents; --") << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("spaces") << QStringLiteral("   \t\n ") << false;
        QTest::newRow("10 KB") << QString(10240, QLatin1Char('a')) << true;
        QTest::newRow("10 KB words") << QStringLiteral("orders lag ").repeated(1000) << true;
        QTest::newRow("emoji") << QStringLiteral("orders 🚀🔥 lag") << true;
        QTest::newRow("only emoji") << QStringLiteral("🚀🔥") << false;
        QTest::newRow("NUL") << QString::fromUtf16(u"orders\u0000lag", 10) << true;
        QTest::newRow("only NUL") << QString(3, QChar(0)) << false;
        QTest::newRow("unicode") << QStringLiteral("Größe naïve café") << true;
        QTest::newRow("lone surrogate") << QString(QChar(0xd800)) + QStringLiteral("x") << true;
        QTest::newRow("minus caret plus") << QStringLiteral("-orders +lag ^users") << true;
    }

    void hostileQueries()
    {
        QFETCH(QString, query);
        QFETCH(bool, hasWords);
        for (SearchMode mode : {SearchMode::Lexical, SearchMode::Vector, SearchMode::Hybrid}) {
            SearchRequest r;
            r.text = query;
            r.mode = mode;
            auto res = m_index->search(r);
            if (hasWords) {
                QVERIFY2(res, qPrintable(res ? QString() : res.error().message));
            } else {
                QVERIFY(!res);
                QCOMPARE(res.error().code, QStringLiteral("empty_query"));
                QVERIFY(!res.error().message.isEmpty());
            }
        }
        // The documents are still there.
        QCOMPARE(*m_index->documentCount(), qint64(7));
    }

    void concurrentSearchesAndInserts()
    {
        // Readers on pool threads (each with its own SQLite handle) while this thread
        // inserts: no crash, no error, and every search sees a consistent index.
        std::atomic_bool stop{false};
        std::atomic_int errors{0}, searches{0};
        QList<QFuture<void>> readers;
        for (int t = 0; t < 3; ++t) {
            readers.append(QtConcurrent::run([&] {
                while (!stop.load()) {
                    SearchRequest r;
                    r.text = QStringLiteral("signups bot captcha orders");
                    auto res = m_index->search(r);
                    if (!res || res->isEmpty())
                        ++errors;
                    ++searches;
                }
            }));
        }
        for (int i = 0; i < 200; ++i) {
            auto r
                = m_index->upsert({doc(QStringLiteral("comment"), QStringLiteral("bulk-%1").arg(i),
                                       QStringLiteral("public.orders"),
                                       QStringLiteral("note %1 about orders and captcha").arg(i))});
            QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        }
        stop = true;
        for (auto &f : readers)
            f.waitForFinished();
        QCOMPARE(errors.load(), 0);
        QVERIFY(searches.load() > 0);
        QCOMPARE(*m_index->documentCount(), qint64(207));
        const auto res = find(QStringLiteral("note 199"), SearchMode::Hybrid);
        QVERIFY(!res.isEmpty());
        QCOMPARE(res.first().sourceId, QStringLiteral("bulk-199"));
        for (int i = 0; i < 200; ++i)
            QVERIFY(m_index->remove(QStringLiteral("comment"), QStringLiteral("bulk-%1").arg(i)));
        QCOMPARE(*m_index->documentCount(), qint64(7));
    }

    void identicalVectorsShareOneGraphNode()
    {
        // Templated texts embed to the same vector by the hundred; they share one graph
        // node, and every one of them is still found, removed and reloaded one by one.
        QTemporaryDir dir;
        auto opened = SearchIndex::open(dir.path() + QStringLiteral("/t"));
        QVERIFY(opened);
        SearchIndex &ix = **opened;
        QList<SearchDocument> docs;
        for (int i = 0; i < 300; ++i)
            docs.append(
                doc(QStringLiteral("comment"), QStringLiteral("other-%1").arg(i),
                    QStringLiteral("public.users"),
                    QStringLiteral("Invoice %1 for carrier %2 was shipped").arg(i).arg(i % 7)));
        for (int i = 0; i < 300; ++i)
            docs.append(doc(QStringLiteral("finding"), QStringLiteral("same-%1").arg(i),
                            QStringLiteral("public.orders"),
                            QStringLiteral("Late data on weekends: the orders load runs two "
                                           "days behind")));
        docs.append(corpus());
        QVERIFY(ix.upsert(docs));
        QVERIFY(ix.learnLocalEmbedder());
        auto query = ix.embedder()->embed({QStringLiteral("orders late on weekends")});
        QVERIFY(query);
        auto nearest = ix.nearestDocuments(query->front(), 10, false);
        QVERIFY(nearest);
        QCOMPARE(nearest->size(), 10);
        auto exact = ix.nearestDocuments(query->front(), 10, true);
        QVERIFY(exact);
        QCOMPARE(exact->size(), 10);
        QCOMPARE(nearest->first().second, exact->first().second);
        QSet<qint64> ids;
        for (const auto &[id, similarity] : std::as_const(*nearest))
            ids.insert(id);
        QCOMPARE(ids.size(), 10); // ten different documents, not one node ten times
        // The graph holds one node for the 300 copies: its file is small.
        QVERIFY(ix.save());
        QVERIFY2(QFileInfo(dir.path() + QStringLiteral("/t/vectors.hnsw")).size() < 100 * 1024,
                 "300 identical vectors should be stored once");
        // Re-upserting documents whose text did not change (a new feedback score) must not
        // grow the graph: hnswlib never reuses a deleted node.
        const qint64 graphBytes = QFileInfo(dir.path() + QStringLiteral("/t/vectors.hnsw")).size();
        QList<SearchDocument> rescored;
        for (int i = 1; i <= 100; ++i) { // distinct texts (often alone in their group)
            SearchDocument d = docs.at(i);
            d.feedbackScore = 3;
            rescored.append(d);
        }
        // …and the same document twice in one batch: its last text counts.
        SearchDocument twiceA = docs.at(0), twiceB = docs.at(0);
        twiceA.content = QStringLiteral("first version about carriers");
        twiceB.content = QStringLiteral("Invoice for carrier shipped late on weekends");
        rescored << twiceA << twiceB;
        QVERIFY(ix.upsert(rescored));
        QVERIFY(ix.save());
        QVERIFY2(QFileInfo(dir.path() + QStringLiteral("/t/vectors.hnsw")).size()
                     <= graphBytes + 4096,
                 "an unchanged vector added a node");
        // Remove all copies but the last: it is still found, first.
        for (int i = 0; i < 299; ++i)
            QVERIFY(ix.remove(QStringLiteral("finding"), QStringLiteral("same-%1").arg(i)));
        SearchRequest r;
        r.text = QStringLiteral("late data weekends orders load behind");
        r.mode = SearchMode::Vector;
        auto res = ix.search(r);
        QVERIFY2(res, qPrintable(res ? QString() : res.error().message));
        QVERIFY(!res->isEmpty());
        QCOMPARE(res->first().sourceId, QStringLiteral("same-299"));
        // …also after a restart (the groups are saved beside the graph).
        QVERIFY(ix.save());
        opened->reset();
        auto again = SearchIndex::open(dir.path() + QStringLiteral("/t"));
        QVERIFY(again);
        QVERIFY2((*again)->recoveryNote().isEmpty(), qPrintable((*again)->recoveryNote()));
        res = (*again)->search(r);
        QVERIFY(res && !res->isEmpty());
        QCOMPARE(res->first().sourceId, QStringLiteral("same-299"));
        QCOMPARE(*(*again)->documentCount(), qint64(309));
    }

    void prunedLexicalRanksLikeFullBm25()
    {
        // Common words make ranking every matching row expensive at scale, so the lexical
        // search starts from the rare words' rows. The ranking must still be bm25's: the
        // same documents in the same order as without pruning — including a document that
        // holds every common word but not the rare one.
        QTemporaryDir dir;
        auto opened = SearchIndex::open(dir.path() + QStringLiteral("/t"));
        QVERIFY(opened);
        SearchIndex &ix = **opened;
        QList<SearchDocument> docs;
        for (int i = 0; i < 400; ++i)
            docs.append(doc(QStringLiteral("query"), QStringLiteral("common-%1").arg(i),
                            QStringLiteral("public.orders"),
                            i % 2 ? QStringLiteral("select count from orders where day")
                                  : QStringLiteral("select status from payments group by day")));
        docs.append(doc(QStringLiteral("finding"), QStringLiteral("rare-short"),
                        QStringLiteral("public.orders"), QStringLiteral("zanzibar orders")));
        docs.append(doc(QStringLiteral("finding"), QStringLiteral("rare-long"),
                        QStringLiteral("public.orders"),
                        QStringLiteral("the zanzibar export was late again this week, the "
                                       "orders team said, and nobody knew why")));
        docs.append(doc(QStringLiteral("finding"), QStringLiteral("all-common"),
                        QStringLiteral("public.orders"),
                        QStringLiteral("select count orders day select count orders day")));
        QVERIFY(ix.upsert(docs));
        auto lexical
            = [&](const QString &text, qint64 budget) { return lexicalIds(ix, text, budget); };
        for (const QString &q :
             {QStringLiteral("zanzibar orders"), QStringLiteral("zanzibar select count orders day"),
              QStringLiteral("select count orders")}) {
            const QStringList full = lexical(q, 0);
            const QStringList pruned = lexical(q, 10); // far below the common words' postings
            QVERIFY2(!full.isEmpty(), qPrintable(q));
            QCOMPARE(pruned.mid(0, 5), full.mid(0, 5));
        }
        // The case pruning could get wrong is in the test: bm25 ranks the document without
        // the rare word among its top five for this query.
        QVERIFY(lexical(QStringLiteral("zanzibar select count orders day"), 0)
                    .mid(0, 5)
                    .contains(QStringLiteral("all-common")));
        // Many rare-word postings: the candidates are scored on two threads, each half of
        // the id range with its own SQLite handle; the ranking must not change.
        QList<SearchDocument> more;
        for (int i = 0; i < 1700; ++i)
            more.append(doc(QStringLiteral("comment"), QStringLiteral("z-%1").arg(i),
                            QStringLiteral("public.orders"),
                            QStringLiteral("zanzibar select %1 orders %2")
                                .arg(i % 3 ? QStringLiteral("count") : QStringLiteral("sum"))
                                .arg(i % 5 ? QStringLiteral("day") : QStringLiteral("day day"))));
        QVERIFY(ix.upsert(more));
        for (const QString &q : {QStringLiteral("zanzibar select count orders day"),
                                 QStringLiteral("zanzibar count day")}) {
            const QStringList full = lexical(q, 0);
            const QStringList pruned = lexical(q, 1800); // zanzibar (1702) in, the rest out
            QVERIFY2(full.size() >= 10, qPrintable(q));
            QCOMPARE(pruned.mid(0, 10), full.mid(0, 10));
        }
        // Filtered (by source type, by dataset) the pruned passes join `documents`; their rows
        // must still come in id order (the two passes meet by id): the same ranking as bm25
        // over every matching row of the filter.
        QList<SearchDocument> elsewhere;
        for (int i = 0; i < 300; ++i)
            elsewhere.append(doc(i % 2 ? QStringLiteral("comment") : QStringLiteral("finding"),
                                 QStringLiteral("e-%1").arg(i), QStringLiteral("public.payments"),
                                 QStringLiteral("zanzibar count day payments %1").arg(i)));
        QVERIFY(ix.upsert(elsewhere));
        for (const auto &[types, dataset] :
             {std::pair{QStringList{QStringLiteral("comment")}, QString()},
              std::pair{QStringList{QStringLiteral("comment"), QStringLiteral("finding")},
                        QStringLiteral("public.orders")},
              std::pair{QStringList(), QStringLiteral("public.payments")}}) {
            const QString q = QStringLiteral("zanzibar select count orders day");
            const QStringList full = lexicalIds(ix, q, 0, types, dataset);
            QVERIFY2(full.size() >= 10, qPrintable(types.join(QLatin1Char(',')) + dataset));
            QCOMPARE(lexicalIds(ix, q, 1800, types, dataset), full);
        }

        // Several searches at once share the index's one helper thread (a search whose half
        // waits runs it itself): the same answers, no error.
        const QString q = QStringLiteral("zanzibar select count orders day");
        const QStringList expected = lexical(q, 1800);
        QList<QFuture<QStringList>> runs;
        for (int t = 0; t < 4; ++t)
            runs.append(QtConcurrent::run([&] {
                QStringList last;
                for (int i = 0; i < 5; ++i) {
                    SearchRequest r;
                    r.text = q;
                    r.mode = SearchMode::Lexical;
                    r.snippets = false;
                    r.limit = 20;
                    auto res = ix.search(r);
                    last.clear();
                    if (res)
                        for (const SearchResult &x : std::as_const(*res))
                            last << x.sourceId;
                }
                return last;
            }));
        for (auto &f : runs)
            QCOMPARE(f.result(), expected);
    }

    void compactingTheTextIndexKeepsTheRanking()
    {
        // Each write adds a segment to the full-text index, and every query word is looked up
        // in each; a sync merges them. The answers must not change, and a merged index is
        // left alone.
        QTemporaryDir dir;
        auto opened = SearchIndex::open(dir.path() + QStringLiteral("/t"));
        QVERIFY(opened);
        SearchIndex &ix = **opened;
        for (int batch = 0; batch < 8; ++batch) {
            QList<SearchDocument> docs;
            for (int i = 0; i < 30; ++i)
                docs.append(doc(QStringLiteral("comment"),
                                QStringLiteral("b%1-%2").arg(batch).arg(i),
                                QStringLiteral("public.orders"),
                                QStringLiteral("orders batch %1 arrived %2 late day %3")
                                    .arg(batch)
                                    .arg(i % 3 ? QStringLiteral("very") : QStringLiteral("not"))
                                    .arg(i)));
            QVERIFY(ix.upsert(docs));
        }
        const QString q = QStringLiteral("orders arrived very late day 7 batch 3");
        const QStringList pruned = lexicalIds(ix, q, 50);
        const QStringList full = lexicalIds(ix, q, 0);
        QVERIFY(full.size() >= 10);
        auto merged = ix.compactTextIndex();
        QVERIFY2(merged, merged ? "" : qPrintable(merged.error().message));
        QVERIFY(*merged);
        QCOMPARE(lexicalIds(ix, q, 50), pruned);
        QCOMPARE(lexicalIds(ix, q, 0), full);
        merged = ix.compactTextIndex();
        QVERIFY(merged);
        QVERIFY(!*merged);
    }

    void longQueriesKeepEveryWordAndItsRepeats()
    {
        // A pasted paragraph: the word it is about may come after many others, and the words
        // it repeats matter more — as in FTS5's bm25 of the same words OR-ed.
        QList<SearchDocument> docs{
            doc(QStringLiteral("finding"), QStringLiteral("kestrel"),
                QStringLiteral("public.orders"), QStringLiteral("the kestrel feed drops rows")),
            doc(QStringLiteral("finding"), QStringLiteral("osprey"),
                QStringLiteral("public.orders"), QStringLiteral("the osprey feed drops rows"))};
        for (int i = 0; i < 50; ++i)
            docs.append(doc(QStringLiteral("comment"), QStringLiteral("filler-%1").arg(i),
                            QStringLiteral("public.orders"),
                            QStringLiteral("orders arrived late on day %1").arg(i)));
        QTemporaryDir dir;
        auto opened = SearchIndex::open(dir.path() + QStringLiteral("/t"));
        QVERIFY(opened && (*opened)->upsert(docs));
        SearchIndex &ix = **opened;
        auto top = [&](const QString &text, qint64 budget) {
            const QStringList ids = lexicalIds(ix, text, budget);
            return ids.isEmpty() ? QString() : ids.front();
        };
        QStringList padding;
        for (int i = 0; i < 100; ++i)
            padding << QStringLiteral("word%1").arg(i);
        const QString late = padding.join(QLatin1Char(' ')) + QStringLiteral(" kestrel");
        const QString repeated = QStringLiteral("osprey kestrel feed osprey drops osprey");
        for (qint64 budget : {qint64(0), qint64(4000), qint64(3)}) {
            QCOMPARE(top(late, budget), QStringLiteral("kestrel"));
            QCOMPARE(top(repeated, budget), QStringLiteral("osprey"));
        }
        QList<int> counts;
        QCOMPARE(fulltextquery::terms(repeated, &counts).size(), 4);
        QCOMPARE(counts, (QList<int>{3, 1, 1, 1}));
    }

    void cancelledSearchStops()
    {
        std::atomic_bool cancel{true};
        SearchRequest r;
        r.text = QStringLiteral("orders");
        auto res = m_index->search(r, &cancel);
        QVERIFY(!res);
        QCOMPARE(res.error().code, QStringLiteral("cancelled"));
    }
};

QTEST_GUILESS_MAIN(TestSearchIndex)
#include "tst_searchindex.moc"
