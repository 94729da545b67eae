// knowledge-bench embed: the generate_embeddings job (SearchDocuments: documents, local LSA
// model, vectors) for a cold tenant of N documents and for a small incremental batch after it,
// against one plain read of the same events, in a fresh throwaway schema.

#include "bench.h"
#include "benchdocuments.h"
#include "benchsupport.h"
#include "database.h"
#include "demoseeder.h"
#include "knowledgeaggregator.h"
#include "onlinesearch.h"
#include "scratchschema.h"
#include "searchdocuments.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <vector>

namespace ke::bench {
namespace {

/// The job on a cold tenant: empty search tables, no model.
struct ColdFigures
{
    SearchDocumentsReport report;
    qint64 documents = 0; ///< live documents afterwards (each embedded)
    double refreshS = 0, embedS = 0, coldS = 0;
    double serverCpu = 0, clientCpu = 0;
};

Result<ColdFigures> embedCold(Database &db, SqlSession &sql, const QUuid &tenant, qint64 pid)
{
    ColdFigures f;
    const double cpu0 = serverCpuSeconds(pid);
    const double clientCpu0 = processCpuSeconds();
    QElapsedTimer t;
    t.start();
    auto cold = SearchDocuments::refresh(db);
    if (!cold)
        return cold.error();
    f.refreshS = seconds(t);
    QElapsedTimer et;
    et.start();
    if (auto r = SearchDocuments::embed(db, *cold); !r)
        return r.error();
    f.embedS = seconds(et);
    f.coldS = seconds(t);
    f.serverCpu = serverCpuSince(pid, cpu0);
    f.clientCpu = processCpuSeconds() - clientCpu0;
    auto live
        = sql.scalar(QStringLiteral("SELECT count(*) FROM %1 WHERE tenant_id = $1 AND NOT retired")
                         .arg(db.table(QStringLiteral("search_documents"))),
                     {tenant});
    if (!live)
        return live.error();
    f.documents = live->toLongLong();
    if (!cold->modelTrained || cold->documentsEmbedded != f.documents)
        return makeError(ErrorCode::Internal,
                         tr("the cold run embedded %1 of %2 documents (model trained: %3)")
                             .arg(cold->documentsEmbedded)
                             .arg(f.documents)
                             .arg(cold->modelTrained));
    f.report = *cold;
    return f;
}

/// Online hybrid search over the tenant with its model, in ms.
struct OnlineFigures
{
    double firstMs = 0, p50Ms = 0, p95Ms = 0, afterChangeMs = 0;
};

/// OnlineSearch, one thread, as the app and the service search: the first search (loads the
/// lexical index and the vectors), then 100 queries, then the first search after one document
/// changed (what a search pays once after each run of the job).
Result<OnlineFigures> measureOnlineHybrid(Database &db, SqlSession &sql, const QUuid &tenant)
{
    auto sample = sampleStoredDocuments(sql, db.table(QStringLiteral("search_documents")), tenant);
    if (!sample)
        return sample.error();
    const QStringList queries = buildQueries(*sample, 100);
    OnlineSearch online;
    OnlineFigures f;
    QElapsedTimer t;
    const auto hybrid = [&](const QString &text) {
        SearchRequest r;
        r.text = text;
        return online.search(db, r);
    };
    t.start();
    if (auto r = hybrid(queries.first()); !r)
        return r.error();
    else if (std::none_of(r->results.cbegin(), r->results.cend(),
                          [](const SearchResult &x) { return x.vectorRank > 0; }))
        return makeError(ErrorCode::Internal,
                         tr("the online search found no vector results: %1").arg(r->note));
    f.firstMs = seconds(t) * 1e3;
    std::vector<double> onlineMs;
    for (const QString &q : queries) {
        t.restart();
        if (auto r = hybrid(q); !r)
            return r.error();
        onlineMs.push_back(seconds(t) * 1e3);
    }
    f.p50Ms = percentile(onlineMs, 0.5);
    f.p95Ms = percentile(onlineMs, 0.95);
    if (auto r = sql.exec(QStringLiteral("UPDATE %1 SET feedback_score = feedback_score + 0, "
                                         "change_seq = nextval('%2') WHERE tenant_id = $1 AND "
                                         "source_id = (SELECT min(source_id) FROM %1 WHERE "
                                         "tenant_id = $1)")
                              .arg(db.table(QStringLiteral("search_documents")),
                                   db.table(QStringLiteral("search_documents_change_seq"))),
                          {tenant});
        !r)
        return r.error();
    t.restart();
    if (auto r = hybrid(queries.last()); !r)
        return r.error();
    f.afterChangeMs = seconds(t) * 1e3;
    return f;
}

/// Everything the embed bench measured, for its report.
struct EmbedFigures
{
    qint64 documents = 0, investigations = 0, incremental = 0;
    size_t coldEvents = 0;
    ColdFigures cold;
    SearchDocumentsReport incrementalRun;
    double incS = 0, incCpu = 0, scanS = 0, aggregateS = 0;
    OnlineFigures online;
    QString loadBefore, loadAfter;
};

void printEmbedReport(BenchContext &ctx, const EmbedFigures &f, bool json, bool keep,
                      const QString &name)
{
    const double coldRate = double(f.documents) / f.cold.coldS;
    const double incRate = double(f.incrementalRun.documentsEmbedded) / f.incS;
    if (json) {
        QJsonObject o{
            {QStringLiteral("documents"), double(f.documents)},
            {QStringLiteral("investigations"), double(f.investigations)},
            {QStringLiteral("events"), double(f.coldEvents)},
            {QStringLiteral("cold_docs_per_s"), std::round(coldRate)},
            {QStringLiteral("cold_s"), round3(f.cold.coldS)},
            {QStringLiteral("cold_documents_s"), round3(f.cold.refreshS)},
            {QStringLiteral("cold_embed_s"), round3(f.cold.embedS)},
            {QStringLiteral("cold_training_s"), round3(f.cold.report.trainingSeconds)},
            {QStringLiteral("cold_server_cpu_s"), round3(f.cold.serverCpu)},
            {QStringLiteral("cold_client_cpu_s"), round3(f.cold.clientCpu)},
            {QStringLiteral("incremental_docs_per_s"), std::round(incRate)},
            {QStringLiteral("incremental_documents"), double(f.incrementalRun.documentsEmbedded)},
            {QStringLiteral("incremental_s"), round3(f.incS)},
            {QStringLiteral("incremental_server_cpu_s"), round3(f.incCpu)},
            {QStringLiteral("scan_baseline_s"), round3(f.scanS)},
            {QStringLiteral("cold_to_scan"), round3(f.cold.coldS / f.scanS)},
            {QStringLiteral("aggregate_s"), round3(f.aggregateS)},
            {QStringLiteral("model"), f.cold.report.model},
            {QStringLiteral("online_hybrid_first_ms"), round3(f.online.firstMs)},
            {QStringLiteral("online_hybrid_p50_ms"), round3(f.online.p50Ms)},
            {QStringLiteral("online_hybrid_p95_ms"), round3(f.online.p95Ms)},
            {QStringLiteral("online_hybrid_after_change_ms"), round3(f.online.afterChangeMs)},
            {QStringLiteral("loadavg_before"), f.loadBefore},
            {QStringLiteral("loadavg_after"), f.loadAfter}};
        if (keep)
            o.insert(QStringLiteral("schema"), name);
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
    } else {
        ctx.out
            << tr("embedding job, cold tenant of %1 documents (%2 investigations, %3 events)")
                   .arg(f.documents)
                   .arg(f.investigations)
                   .arg(f.coldEvents)
            << '\n'
            << tr("  cold:        %1 s = %2 documents/s  (%3 × the scan baseline)")
                   .arg(f.cold.coldS, 0, 'f', 2)
                   .arg(coldRate, 0, 'f', 0)
                   .arg(f.cold.coldS / f.scanS, 0, 'f', 1)
            << '\n'
            << tr("    documents %1 s, model + vectors %2 s (training %3 s); CPU: server %4 s, "
                  "client %5 s")
                   .arg(f.cold.refreshS, 0, 'f', 2)
                   .arg(f.cold.embedS, 0, 'f', 2)
                   .arg(f.cold.report.trainingSeconds, 0, 'f', 2)
                   .arg(f.cold.serverCpu, 0, 'f', 2)
                   .arg(f.cold.clientCpu, 0, 'f', 2)
            << '\n'
            << tr("  incremental: %1 documents of %2 new investigations in %3 s = %4 "
                  "documents/s")
                   .arg(f.incrementalRun.documentsEmbedded)
                   .arg(f.incremental)
                   .arg(f.incS, 0, 'f', 3)
                   .arg(incRate, 0, 'f', 0)
            << '\n'
            << tr("  scan baseline: %1 s  (one read of the document events' payloads)")
                   .arg(f.scanS, 0, 'f', 3)
            << '\n'
            << tr("  online hybrid search: first %1 ms, then p50 %2 ms, p95 %3 ms; first "
                  "after a change %4 ms")
                   .arg(f.online.firstMs, 0, 'f', 1)
                   .arg(f.online.p50Ms, 0, 'f', 2)
                   .arg(f.online.p95Ms, 0, 'f', 2)
                   .arg(f.online.afterChangeMs, 0, 'f', 1)
            << '\n'
            << tr("  aggregation before the job (not counted): %1 s").arg(f.aggregateS, 0, 'f', 2)
            << '\n'
            << tr("  load average: %1 before, %2 after").arg(f.loadBefore, f.loadAfter) << '\n';
        if (keep)
            ctx.out << tr("  schema kept: %1").arg(name) << '\n';
        ctx.out.flush();
    }
}

int runEmbed(BenchContext &ctx)
{
    LoadOptions options{100000, 50}; // incremental: investigations
    if (auto parsed = parseLoadOptions(
            ctx.args, options,
            QStringLiteral("knowledge-bench embed [--size N] [--incremental INVESTIGATIONS] "
                           "[--keep] [--json]"));
        !parsed)
        return fail(ctx, parsed.error().message);
    const auto [size, incremental, keep, json] = options;

    // Demo investigations (about 14.4 documents each), all in one tenant, until they make
    // `size` documents; the next `incremental` investigations are the incremental batch.
    ctx.err << tr("generating demo events for %1 documents…").arg(size) << Qt::endl;
    const QUuid tenant = QUuid::fromString(QStringLiteral("0190c0de-0000-7000-8000-00000000e3bd"));
    DemoSeeder seeder(1);
    std::vector<Event> events;
    seeder.appendCatalogEvents(events);
    const qint64 investigations = appendInvestigationsFor(seeder, size, events);
    const size_t coldEvents = events.size();
    for (qint64 i = 0; i < incremental; ++i)
        seeder.appendInvestigation(investigations + i, events);
    for (Event &e : events)
        e.tenantId = tenant;

    auto schema = demoSchema(ctx.settings, QStringLiteral("ke_bench_embed_"), tenant, seeder, keep);
    if (!schema)
        return fail(ctx, schema.error().message);
    Database &db = (*schema)->db();
    const QString name = db.settings().schema;
    const QString ev = db.eventsTable();
    SqlSession sql = SqlSession::forDatabase(db);

    ctx.err << tr("loading %1 events (%2 investigations) into %3…")
                   .arg(coldEvents)
                   .arg(investigations)
                   .arg(name)
            << Qt::endl;
    if (auto loaded = loadEvents(db, events.begin(), events.begin() + qsizetype(coldEvents));
        !loaded)
        return fail(ctx, loaded.error().message);
    QElapsedTimer t;
    t.start();
    if (auto agg = KnowledgeAggregator::rebuild(db); !agg)
        return fail(ctx, agg.error().message);
    const double aggregateS = seconds(t);

    const qint64 pid = backendPid(db);
    const QString loadBefore = loadAverage();

    // Baseline: one plain read of every payload the documents come from (median of three, the
    // first warms the cache) — the floor of any document build that reads the events.
    auto scan = timeBaseline(sql,
                             QStringLiteral("SELECT count(*), sum(length(event_data::text)) FROM "
                                            "%1 WHERE tenant_id = $1 AND event_type IN "
                                            "('hypothesis.generated', 'query.planned', "
                                            "'query.submitted', 'comment.added')")
                                 .arg(ev),
                             {tenant});
    if (!scan)
        return fail(ctx, scan.error().message);
    const double scanS = scan->seconds;

    // Cold: empty search tables, no model.
    ctx.err << tr("cold embed…") << Qt::endl;
    auto coldRun = embedCold(db, sql, tenant, pid);
    if (!coldRun)
        return fail(ctx, coldRun.error().message);
    const qint64 documents = coldRun->documents;

    // Incremental: a small batch of new investigations, aggregated, then the job again.
    ctx.err << tr("%1 more investigations, incremental embed…").arg(incremental) << Qt::endl;
    if (auto more = emitAll(db, events.begin() + qsizetype(coldEvents), events.end()); !more)
        return fail(ctx, more.error().message);
    if (auto agg = KnowledgeAggregator::runIncremental(db); !agg)
        return fail(ctx, agg.error().message);
    const double cpu0 = serverCpuSeconds(pid);
    t.restart();
    auto inc = SearchDocuments::run(db);
    if (!inc)
        return fail(ctx, inc.error().message);
    const double incS = seconds(t);
    const double incCpu = serverCpuSince(pid, cpu0);
    const QString loadAfter = loadAverage();
    if (inc->full || inc->documentsEmbedded == 0)
        return fail(ctx,
                    tr("the incremental run embedded %1 documents (full: %2)")
                        .arg(inc->documentsEmbedded)
                        .arg(inc->full));

    // Online hybrid search over the tenant with its model.
    ctx.err << tr("online hybrid search…") << Qt::endl;
    auto online = measureOnlineHybrid(db, sql, tenant);
    if (!online)
        return fail(ctx, online.error().message);

    const EmbedFigures f{.documents = documents,
                         .investigations = investigations,
                         .incremental = incremental,
                         .coldEvents = coldEvents,
                         .cold = *coldRun,
                         .incrementalRun = *inc,
                         .incS = incS,
                         .incCpu = incCpu,
                         .scanS = scanS,
                         .aggregateS = aggregateS,
                         .online = *online,
                         .loadBefore = loadBefore,
                         .loadAfter = loadAfter};
    printEmbedReport(ctx, f, json, keep, name);
    return 0;
}

BenchmarkRegistrar registrar{
    {QStringLiteral("embed"),
     QStringLiteral("embedding job: cold tenant of N documents, incremental batch, vs a scan "
                    "[--size N] [--json]"),
     runEmbed}};

} // namespace
} // namespace ke::bench
