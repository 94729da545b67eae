// knowledge-bench search: the offline search cache at scale. Builds a SearchIndex of N
// documents made from the demo seeder's investigations (bypassing PostgreSQL), measures the
// build, offline hybrid latency, HNSW recall@10 against exact search on the same vectors, the
// lexical pruning's agreement with unpruned bm25, peak memory; then `sync` throughput from
// PostgreSQL (cold and incremental) into a fresh cache, in a throwaway schema.

#include "bench.h"
#include "benchdocuments.h"
#include "benchsupport.h"
#include "database.h"
#include "demoseeder.h"
#include "fulltextquery.h"
#include "migrator.h"
#include "offlinecache.h"
#include "onlinesearch.h"
#include "searchindex.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QTemporaryDir>

#include <algorithm>
#include <random>
#include <vector>

namespace ke::bench {
namespace {

SearchRequest hybridRequest(const QString &text)
{
    SearchRequest r;
    r.text = text;
    r.limit = 10;
    return r;
}

/// Pasted paragraphs: `count` texts of 2,000 characters, each sampled documents' contents
/// run together (what a person pastes from a ticket or a log).
QStringList buildLongQueries(const QList<SearchDocument> &sample, int count)
{
    std::mt19937_64 rng(11);
    QStringList out;
    while (out.size() < count && !sample.isEmpty()) {
        QString text;
        while (text.size() < 2000)
            text += sample.at(qsizetype(rng() % quint64(sample.size()))).content + QLatin1Char(' ');
        out.append(text.left(2000));
    }
    return out;
}

struct SyncFigures
{
    qint64 documents = 0;
    double coldS = 0, coldRate = 0;
    qint64 changed = 0;
    double incrementalS = 0, incrementalRate = 0;
    // Online search (OnlineSearch, one thread) over the same schema: the in-memory lexical
    // index against the former SQL statement, the same queries alternated.
    double onlineFirstMs = 0; ///< the first search, which loads the tenant's lexical index
    double onlineP50 = 0, onlineP95 = 0, sqlP50 = 0, sqlP95 = 0;
    double onlineOverlap = 0; ///< top-10 overlap of the two
    double onlineAfterEditMs = 0; ///< the first search after the edits (incremental refresh)
    QString error;
};

/// Online search figures over `db`'s tenant (see SyncFigures).
Result<void> measureOnline(Database &db, const QStringList &queries, SyncFigures &f)
{
    OnlineSearch memory;
    OnlineSearch::Options sqlOptions;
    sqlOptions.lexicalIndex = OnlineSearch::Options::LexicalIndex::Sql;
    OnlineSearch former(sqlOptions);
    QElapsedTimer t;
    t.start();
    if (auto r = memory.search(db, hybridRequest(queries.first())); !r)
        return r.error();
    f.onlineFirstMs = double(t.nsecsElapsed()) / 1e6;
    std::vector<double> memoryMs, sqlMs;
    double overlap = 0;
    const int n = int(std::min<qsizetype>(queries.size(), 100));
    for (int i = 0; i < n; ++i) {
        t.restart();
        auto a = memory.search(db, hybridRequest(queries.at(i)));
        memoryMs.push_back(double(t.nsecsElapsed()) / 1e6);
        t.restart();
        auto b = former.search(db, hybridRequest(queries.at(i)));
        sqlMs.push_back(double(t.nsecsElapsed()) / 1e6);
        if (!a)
            return a.error();
        if (!b)
            return b.error();
        QSet<QString> ids;
        for (const SearchResult &r : std::as_const(b->results))
            ids.insert(r.sourceId);
        int same = 0;
        for (const SearchResult &r : std::as_const(a->results))
            same += ids.contains(r.sourceId) ? 1 : 0;
        overlap += b->results.isEmpty() ? 1.0 : double(same) / double(b->results.size());
    }
    f.onlineP50 = percentile(memoryMs, 0.50);
    f.onlineP95 = percentile(memoryMs, 0.95);
    f.sqlP50 = percentile(sqlMs, 0.50);
    f.sqlP95 = percentile(sqlMs, 0.95);
    f.onlineOverlap = n ? overlap / n : 0;
    return {};
}

/// One sync of the tenant's offline cache (opened for it, closed after) from `db`.
Result<OfflineCache::SyncSummary> syncCache(Database &db)
{
    auto cache = OfflineCache::openForSync(db);
    if (!cache)
        return cache.error();
    return (*cache)->sync(db);
}

SyncFigures measureSync(const ConnectionSettings &base, qint64 size, const QStringList &queries)
{
    SyncFigures f;
    f.documents = size;
    ConnectionSettings s = base;
    s.schema = QStringLiteral("bench_search_sync");
    s.eventsTable.clear();
    s.tenant.clear();
    s.actor.clear();
    auto db = Database::connect(s);
    if (!db) {
        f.error = db.error().message;
        return f;
    }
    auto dropSchema = [&] { dropSchemaQuietly(**db); };
    SqlSession sql = SqlSession::forDatabase(**db);
    dropSchema();
    auto fail = [&](const QString &m) {
        f.error = m;
        dropSchema();
        return f;
    };
    if (auto m = Migrator::migrate(**db); !m)
        return fail(m.error().message);
    auto tenant = (*db)->createTenant(QStringLiteral("bench"), QStringLiteral("Benchmark"));
    if (!tenant)
        return fail(tenant.error().message);
    if (auto t = (*db)->setTenant(QStringLiteral("bench")); !t)
        return fail(t.error().message);
    const QString table = s.schema + QStringLiteral(".search_documents");
    const auto loaded = loadSearchDocuments(sql, s.schema, *tenant, size);
    if (!loaded)
        return fail(loaded.error().message);
    QTemporaryDir cacheRoot;
    qputenv("KNOWLEDGE_CACHE_DIR", cacheRoot.path().toUtf8());
    auto cold = syncCache(**db);
    if (!cold)
        return fail(cold.error().message);
    f.coldS = cold->seconds;
    f.coldRate = double(cold->rows) / cold->seconds;
    if (auto online = measureOnline(**db, queries, f); !online)
        return fail(online.error().message);
    // 5 % edited, 1 % retired.
    const QString seq = QStringLiteral("nextval('%1.search_documents_change_seq')").arg(s.schema);
    const auto edited = sql.inTransaction([&]() -> Result<void> {
        if (auto r = sql.exec(QStringLiteral("UPDATE ") + table
                              + QStringLiteral(" SET content = content || ' revised after review', "
                                               "change_seq = ")
                              + seq + QStringLiteral(" WHERE hashtext(source_id) % 20 = 0"));
            !r)
            return r.error();
        if (auto r = sql.exec(QStringLiteral("UPDATE ") + table
                              + QStringLiteral(" SET retired = true, change_seq = ") + seq
                              + QStringLiteral(" WHERE hashtext(source_id) % 100 = 1"));
            !r)
            return r.error();
        return {};
    });
    if (!edited)
        return fail(edited.error().message);
    auto inc = syncCache(**db);
    if (!inc)
        return fail(inc.error().message);
    f.changed = inc->rows;
    f.incrementalS = inc->seconds;
    f.incrementalRate = double(inc->rows) / inc->seconds;
    {
        OnlineSearch after;
        QElapsedTimer t;
        t.start();
        if (auto r = after.search(**db, hybridRequest(queries.last())); !r)
            return fail(r.error().message);
        f.onlineAfterEditMs = double(t.nsecsElapsed()) / 1e6;
    }
    qunsetenv("KNOWLEDGE_CACHE_DIR");
    dropSchema();
    return f;
}

/// What building the offline index cost.
struct BuildFigures
{
    double generateS = 0; ///< making the documents (not part of the build)
    double storeS = 0; ///< SQLite + FTS5
    double embedS = 0; ///< model, embeddings and HNSW
    double buildS = 0;
    double buildCpuS = 0;
    double rssMiB = 0;
};

/// 1. Build: documents (SQLite + FTS5), then the model (sampled), embeddings and HNSW; every
/// 97th document of each generated slice goes to `sample` (where the queries come from). With
/// a `cacheDir` that holds `size` documents already, only the sample is made.
Result<BuildFigures> buildIndex(BenchContext &ctx, SearchIndex &ix, qint64 size,
                                const QString &cacheDir, bool json, QList<SearchDocument> &sample)
{
    BuildFigures f;
    QElapsedTimer total;
    total.start();
    const double cpuStart = processCpuSeconds();
    DocumentGenerator gen;
    // Every 97th document of each generated slice: where the queries come from.
    auto takeSample = [&](const QList<SearchDocument> &docs) {
        for (qsizetype i = 0; i < docs.size(); i += 97)
            sample.append(docs.at(i));
    };
    const auto stored = ix.documentCount();
    const bool reuse = !cacheDir.isEmpty() && stored && *stored == size && ix.embedder();
    if (reuse) {
        ctx.err << tr("reusing the %1 documents in %2 (build figures are not measured)")
                       .arg(size)
                       .arg(cacheDir)
                << Qt::endl;
        for (qint64 done = 0; done < size;) {
            const auto docs = gen.next(int(std::min<qint64>(20000, size - done)));
            takeSample(docs);
            done += docs.size();
        }
    }
    for (qint64 done = reuse ? size : 0; done < size;) {
        QElapsedTimer g;
        g.start();
        const auto docs = gen.next(int(std::min<qint64>(20000, size - done)));
        f.generateS += seconds(g);
        takeSample(docs);
        auto r = ix.applyChanges(docs, {});
        if (!r)
            return r.error();
        done += docs.size();
        if (!json && (done % 200000 == 0 || done == size))
            ctx.err << tr("  %1 documents stored (%2 s)").arg(done).arg(seconds(total), 0, 'f', 1)
                    << Qt::endl;
    }
    f.storeS = seconds(total) - f.generateS;
    QElapsedTimer phase;
    phase.start();
    if (!reuse) {
        auto learned = ix.learnLocalEmbedder();
        if (!learned)
            return learned.error();
    }
    f.embedS = seconds(phase);
    if (auto saved = ix.save(); !saved)
        return saved.error();
    // As OfflineCache::sync does after its writes (one segment per applyChanges otherwise).
    if (auto compacted = ix.compactTextIndex(); !compacted)
        return compacted.error();
    f.buildS = seconds(total) - f.generateS;
    f.buildCpuS = processCpuSeconds() - cpuStart - f.generateS; // generation is ~1 thread
    f.rssMiB = peakRssMiB().value_or(0);
    return f;
}

/// Each query's hybrid latency in ms, into `into`; the first failure ends it.
Result<void> timeSearches(SearchIndex &ix, const QStringList &texts, std::vector<double> &into)
{
    for (const QString &q : texts) {
        QElapsedTimer t;
        t.start();
        auto r = ix.search(hybridRequest(q));
        into.push_back(double(t.nsecsElapsed()) / 1e6);
        if (!r)
            return r.error();
    }
    return {};
}

/// HNSW recall@10 against exact search on the same vectors (per-query means).
struct VectorFigures
{
    double recall = 0;
    double speedup = 0;
    double hnswMs = 0;
    double exactMs = 0;
};

/// 3. Up to 100 of `queries` (those with a vector), approximate and exact.
VectorFigures measureVectors(SearchIndex &ix, const QStringList &queries)
{
    const auto emb = ix.embedder();
    double recallSum = 0, hnswMs = 0, exactMs = 0;
    int recallQueries = 0;
    for (const QString &q : queries) {
        auto v = emb->embed({q});
        if (!v || dotProduct(v->front(), v->front()) < 0.5f)
            continue;
        QElapsedTimer t;
        t.start();
        auto approx = ix.nearestDocuments(v->front(), 10, false);
        hnswMs += double(t.nsecsElapsed()) / 1e6;
        t.restart();
        auto exact = ix.nearestDocuments(v->front(), 10, true);
        exactMs += double(t.nsecsElapsed()) / 1e6;
        if (!approx || !exact)
            continue;
        // Tie-aware: demo content repeats its templates, so many documents share a vector;
        // a hit is correct when it is as close as the exact 10th neighbour.
        const float threshold = exact->isEmpty() ? 1.0f : exact->last().second - 1e-5f;
        int hits = 0;
        for (const auto &[id, similarity] : std::as_const(*approx))
            hits += similarity >= threshold ? 1 : 0;
        recallSum += double(hits) / double(std::max<qsizetype>(1, exact->size()));
        ++recallQueries;
        if (recallQueries >= 100)
            break;
    }
    VectorFigures f;
    f.recall = recallQueries ? recallSum / recallQueries : 0;
    f.speedup = hnswMs > 0 ? exactMs / hnswMs : 0;
    f.hnswMs = recallQueries ? hnswMs / recallQueries : 0;
    f.exactMs = recallQueries ? exactMs / recallQueries : 0;
    return f;
}

/// Lexical pruning against unpruned bm25.
struct PruningFigures
{
    double overlap = 0; ///< top-10 overlap
    std::vector<double> unprunedMs, prunedMs;
};

/// 4. The first 50 of `queries`, lexical only, pruned and not.
PruningFigures measurePruning(SearchIndex &ix, const QStringList &queries)
{
    PruningFigures f;
    HybridParameters pruned = ix.parameters();
    HybridParameters unpruned = pruned;
    unpruned.lexicalPostingBudget = 0;
    double overlapSum = 0;
    const int lexicalQueries = int(std::min<qsizetype>(queries.size(), 50));
    for (int i = 0; i < lexicalQueries; ++i) {
        SearchRequest req = hybridRequest(queries.at(i));
        req.mode = SearchMode::Lexical;
        req.snippets = false;
        ix.setParameters(unpruned);
        QElapsedTimer t;
        t.start();
        auto full = ix.search(req);
        f.unprunedMs.push_back(double(t.nsecsElapsed()) / 1e6);
        ix.setParameters(pruned);
        t.restart();
        auto cut = ix.search(req);
        f.prunedMs.push_back(double(t.nsecsElapsed()) / 1e6);
        if (!full || !cut)
            continue;
        QSet<QString> a;
        for (const SearchResult &r : std::as_const(*full))
            a.insert(r.sourceId);
        int same = 0;
        for (const SearchResult &r : std::as_const(*cut))
            same += a.contains(r.sourceId) ? 1 : 0;
        overlapSum += full->isEmpty() ? 1.0 : double(same) / double(full->size());
    }
    f.overlap = lexicalQueries ? overlapSum / lexicalQueries : 0;
    return f;
}

/// Everything the search bench measured, for its report.
struct SearchFigures
{
    qint64 size = 0;
    qint64 syncSize = 0;
    qsizetype queries = 0, longQueries = 0;
    std::vector<double> latencies, longLatencies;
    BuildFigures build;
    VectorFigures vectors;
    PruningFigures pruning;
    SyncFigures sync;
};

/// The report (text, or one JSON line); the exit code.
int printSearchReport(BenchContext &ctx, const SearchFigures &f, bool json)
{
    const qint64 size = f.size;
    const SyncFigures &sync = f.sync;
    const double p50 = percentile(f.latencies, 0.50), p95 = percentile(f.latencies, 0.95);
    const double longP50 = percentile(f.longLatencies, 0.50);
    if (json) {
        QJsonObject o{
            {QStringLiteral("documents"), size},
            {QStringLiteral("queries"), qint64(f.queries)},
            {QStringLiteral("p50_ms"), p50},
            {QStringLiteral("p95_ms"), p95},
            {QStringLiteral("long_query_p50_ms"), longP50},
            {QStringLiteral("long_queries"), qint64(f.longQueries)},
            {QStringLiteral("recall_at_10"), f.vectors.recall},
            {QStringLiteral("speedup_vs_exact"), f.vectors.speedup},
            {QStringLiteral("hnsw_ms"), f.vectors.hnswMs},
            {QStringLiteral("exact_ms"), f.vectors.exactMs},
            {QStringLiteral("build_s"), f.build.buildS},
            {QStringLiteral("build_cpu_s"), f.build.buildCpuS},
            {QStringLiteral("store_s"), f.build.storeS},
            {QStringLiteral("embed_index_s"), f.build.embedS},
            {QStringLiteral("peak_rss_mib"), f.build.rssMiB},
            {QStringLiteral("lexical_overlap_at_10"), f.pruning.overlap},
            {QStringLiteral("lexical_unpruned_p95_ms"), percentile(f.pruning.unprunedMs, 0.95)},
            {QStringLiteral("lexical_pruned_p95_ms"), percentile(f.pruning.prunedMs, 0.95)},
            {QStringLiteral("sync_documents"), sync.documents},
            {QStringLiteral("cold_docs_per_s"), sync.coldRate},
            {QStringLiteral("cold_sync_s"), sync.coldS},
            {QStringLiteral("incremental_rows"), sync.changed},
            {QStringLiteral("incremental_docs_per_s"), sync.incrementalRate},
            {QStringLiteral("incremental_sync_s"), sync.incrementalS},
            {QStringLiteral("online_first_ms"), sync.onlineFirstMs},
            {QStringLiteral("online_p50_ms"), sync.onlineP50},
            {QStringLiteral("online_p95_ms"), sync.onlineP95},
            {QStringLiteral("online_sql_p50_ms"), sync.sqlP50},
            {QStringLiteral("online_sql_p95_ms"), sync.sqlP95},
            {QStringLiteral("online_top10_overlap_with_sql"), sync.onlineOverlap},
            {QStringLiteral("online_after_edit_ms"), sync.onlineAfterEditMs}};
        if (!sync.error.isEmpty())
            o.insert(QStringLiteral("sync_error"), sync.error);
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
        return sync.error.isEmpty() ? 0 : 1;
    }
    ctx.out << tr("offline search over %1 documents (%2 queries)").arg(size).arg(f.queries)
            << Qt::endl
            << tr("  build: %1 s, %5 CPU s (store %2 s, model + embeddings + HNSW %3 s), "
                  "peak RSS %4 MiB")
                   .arg(f.build.buildS, 0, 'f', 1)
                   .arg(f.build.storeS, 0, 'f', 1)
                   .arg(f.build.embedS, 0, 'f', 1)
                   .arg(f.build.rssMiB, 0, 'f', 0)
                   .arg(f.build.buildCpuS, 0, 'f', 1)
            << Qt::endl
            << tr("  hybrid latency: p50 %1 ms, p95 %2 ms").arg(p50, 0, 'f', 2).arg(p95, 0, 'f', 2)
            << Qt::endl
            << tr("  pasted paragraphs (2,000 characters): p50 %1 ms (%2x a short query's)")
                   .arg(longP50, 0, 'f', 2)
                   .arg(p50 > 0 ? longP50 / p50 : 0, 0, 'f', 2)
            << Qt::endl
            << tr("  HNSW recall@10 %1 vs exact; %2 ms vs %3 ms per query (%4x)")
                   .arg(f.vectors.recall, 0, 'f', 3)
                   .arg(f.vectors.hnswMs, 0, 'f', 3)
                   .arg(f.vectors.exactMs, 0, 'f', 2)
                   .arg(f.vectors.speedup, 0, 'f', 0)
            << Qt::endl
            << tr("  lexical pruning: top-10 overlap with unpruned bm25 %1; p95 %2 ms vs %3 ms")
                   .arg(f.pruning.overlap, 0, 'f', 3)
                   .arg(percentile(f.pruning.prunedMs, 0.95), 0, 'f', 2)
                   .arg(percentile(f.pruning.unprunedMs, 0.95), 0, 'f', 2)
            << Qt::endl;
    if (f.syncSize > 0) {
        if (!sync.error.isEmpty()) {
            ctx.err << tr("sync benchmark failed: %1").arg(sync.error) << Qt::endl;
            return 1;
        }
        ctx.out << tr("  sync of %1 documents from PostgreSQL: cold %2 s (%3 docs/s); "
                      "incremental %4 changes in %5 s (%6 docs/s)")
                       .arg(sync.documents)
                       .arg(sync.coldS, 0, 'f', 1)
                       .arg(sync.coldRate, 0, 'f', 0)
                       .arg(sync.changed)
                       .arg(sync.incrementalS, 0, 'f', 2)
                       .arg(sync.incrementalRate, 0, 'f', 0)
                << Qt::endl
                << tr("  online search of the same documents: p50 %1 ms, p95 %2 ms (former SQL "
                      "statement %3 / %4 ms, %5x at p50; top-10 overlap %6); first search %7 ms, "
                      "first after the edits %8 ms")
                       .arg(sync.onlineP50, 0, 'f', 2)
                       .arg(sync.onlineP95, 0, 'f', 2)
                       .arg(sync.sqlP50, 0, 'f', 2)
                       .arg(sync.sqlP95, 0, 'f', 2)
                       .arg(sync.onlineP50 > 0 ? sync.sqlP50 / sync.onlineP50 : 0, 0, 'f', 1)
                       .arg(sync.onlineOverlap, 0, 'f', 3)
                       .arg(sync.onlineFirstMs, 0, 'f', 0)
                       .arg(sync.onlineAfterEditMs, 0, 'f', 0)
                << Qt::endl;
    }
    return 0;
}

int runSearchBench(BenchContext &ctx)
{
    const bool json = ctx.args.removeAll(QStringLiteral("--json")) > 0;
    auto intOption = [&](const QString &name, qint64 fallback) {
        const qsizetype i = ctx.args.indexOf(name);
        if (i < 0 || i + 1 >= ctx.args.size())
            return fallback;
        const qint64 v = ctx.args.at(i + 1).toLongLong();
        ctx.args.remove(i, 2);
        return v > 0 ? v : fallback;
    };
    const qint64 size = intOption(QStringLiteral("--size"), 100000);
    const int queryCount = int(intOption(QStringLiteral("--queries"), 300));
    const qint64 syncSize = ctx.args.removeAll(QStringLiteral("--no-sync")) > 0
        ? 0
        : intOption(QStringLiteral("--sync-size"), std::min<qint64>(size, 100000));

    // --cache-dir DIR keeps the built cache there, and a later run with the same --size
    // reuses it (for working on query latency without a 1M rebuild each time).
    QString cacheDir;
    if (const qsizetype i = ctx.args.indexOf(QStringLiteral("--cache-dir"));
        i >= 0 && i + 1 < ctx.args.size()) {
        cacheDir = ctx.args.at(i + 1);
        ctx.args.remove(i, 2);
    }
    if (!ctx.args.isEmpty()) {
        ctx.err << tr("unknown argument '%1' — usage: knowledge-bench search [--size N] "
                      "[--queries N] [--no-sync | --sync-size N] [--cache-dir DIR] [--json]")
                       .arg(ctx.args.first())
                << Qt::endl;
        return 1;
    }
    QTemporaryDir dir;
    auto index
        = SearchIndex::open(cacheDir.isEmpty() ? dir.path() + QStringLiteral("/cache") : cacheDir);
    if (!index) {
        ctx.err << index.error().message << Qt::endl;
        return 1;
    }
    SearchIndex &ix = **index;

    SearchFigures f;
    f.size = size;
    f.syncSize = syncSize;
    QList<SearchDocument> sample;
    auto built = buildIndex(ctx, ix, size, cacheDir, json, sample);
    if (!built) {
        ctx.err << built.error().message << Qt::endl;
        return 1;
    }
    f.build = *built;

    // 2. Offline hybrid latency over natural-language queries.
    const QStringList queries = buildQueries(sample, queryCount);
    const QStringList longQueries = buildLongQueries(sample, std::min(queryCount, 50));
    sample.clear();
    f.queries = queries.size();
    f.longQueries = longQueries.size();
    for (int i = 0; i < 20 && i < queries.size(); ++i) // warm-up
        (void)ix.search(hybridRequest(queries.at(i)));
    // Then pasted paragraphs (target: at most twice a short query's p50).
    for (auto [texts, into] : {std::pair{&queries, &f.latencies}, {&longQueries, &f.longLatencies}})
        if (auto timed = timeSearches(ix, *texts, *into); !timed) {
            ctx.err << timed.error().message << Qt::endl;
            return 1;
        }

    // 3. HNSW recall@10 against exact search on the same vectors, and the speed-up.
    f.vectors = measureVectors(ix, queries);
    // 4. Lexical pruning against unpruned bm25 (top-10 overlap, and the unpruned latency).
    f.pruning = measurePruning(ix, queries);
    index->reset();

    // 5. Sync from PostgreSQL.
    if (syncSize > 0)
        f.sync = measureSync(ctx.settings, syncSize, queries);
    return printSearchReport(ctx, f, json);
}

BenchmarkRegistrar registrar{{QStringLiteral("search"),
                              QStringLiteral("offline search: build, latency, HNSW recall, sync"),
                              runSearchBench}};

} // namespace
} // namespace ke::bench
