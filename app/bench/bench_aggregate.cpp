// knowledge-bench aggregate: KnowledgeAggregator full rebuild and incremental run over demo
// events, against one plain GROUP BY over the same events, in a fresh throwaway schema.

#include "bench.h"
#include "benchsupport.h"
#include "database.h"
#include "demoseeder.h"
#include "eventlog.h"
#include "knowledgeaggregator.h"
#include "migrator.h"
#include "scratchschema.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <vector>

namespace ke::bench {
namespace {

/// A text fingerprint of the tenant's derived rows, to compare incremental with full.
Result<QString> fingerprint(Database &db)
{
    return SqlSession::forDatabase(db).scalar(
        QStringLiteral("SELECT md5(coalesce(string_agg(x, '|' ORDER BY x), '')) FROM (SELECT "
                       "concat_ws(',', dataset_id, investigation_count, positive_feedback_count, "
                       "negative_feedback_count, last_investigation_at, common_issues, "
                       "known_quirks, owners) AS x FROM %1 UNION ALL SELECT concat_ws(',', id, "
                       "dataset_id, feedback_score, summary) FROM %2) s")
            .arg(db.table(QStringLiteral("dataset_knowledge")),
                 db.table(QStringLiteral("dataset_findings"))));
}

/// Whether the state the incremental runs left is what a full rebuild makes of the same
/// events (the fingerprint before and after one).
Result<bool> incrementalMatchesFull(Database &db)
{
    auto before = fingerprint(db);
    if (!before)
        return before.error();
    if (auto again = KnowledgeAggregator::rebuild(db); !again)
        return again.error();
    auto after = fingerprint(db);
    if (!after)
        return after.error();
    return *before == *after;
}

/// Demo events, all in one tenant: the quirks of the catalogue, then whole investigations
/// (about 39 events each), `count` in all; `investigations` says how many were begun.
std::vector<Event> demoEventsOfOneTenant(DemoSeeder &seeder, const QUuid &tenant, qint64 count,
                                         qint64 &investigations)
{
    std::vector<Event> events;
    events.reserve(size_t(count + 200));
    seeder.appendCatalogEvents(events);
    investigations = 0;
    while (qint64(events.size()) < count)
        seeder.appendInvestigation(investigations++, events);
    events.resize(size_t(count));
    for (Event &e : events)
        e.tenantId = tenant;
    return events;
}

/// What the aggregate bench measured, for its report.
struct AggregateFigures
{
    qint64 size, incremental, investigations;
    qint64 datasets, datasetsIncremental; ///< touched by the full rebuild / the incremental run
    double loadS, fullS, incS, idleS, groupByS;
    double fullCpu, incCpu, groupByCpu; ///< server CPU seconds (-1: the server is not local)
    QString loadBefore, loadAfter;
    QString matches; ///< with --verify: "yes" or "NO"
};

void printAggregateReport(BenchContext &ctx, const AggregateFigures &f, bool json, bool verify,
                          bool keep, const QString &name)
{
    if (json) {
        QJsonObject o{
            {QStringLiteral("events"), double(f.size)},
            {QStringLiteral("investigations"), double(f.investigations)},
            {QStringLiteral("full_rebuild_s"), round3(f.fullS)},
            {QStringLiteral("incremental_10k_s"), round3(f.incS)},
            {QStringLiteral("incremental_events"), double(f.incremental)},
            {QStringLiteral("incremental_idle_s"), round3(f.idleS)},
            {QStringLiteral("groupby_baseline_s"), round3(f.groupByS)},
            {QStringLiteral("rebuild_to_groupby"), round3(f.fullS / f.groupByS)},
            {QStringLiteral("incremental_to_groupby"), round3(f.incS / f.groupByS)},
            {QStringLiteral("datasets"), double(f.datasets)},
            {QStringLiteral("datasets_touched_incremental"), double(f.datasetsIncremental)},
            {QStringLiteral("load_s"), round3(f.loadS)},
            {QStringLiteral("full_rebuild_server_cpu_s"), round3(f.fullCpu)},
            {QStringLiteral("incremental_10k_server_cpu_s"), round3(f.incCpu)},
            {QStringLiteral("groupby_baseline_server_cpu_s"), round3(f.groupByCpu)},
            {QStringLiteral("loadavg_before"), f.loadBefore},
            {QStringLiteral("loadavg_after"), f.loadAfter}};
        if (verify)
            o.insert(QStringLiteral("incremental_matches_full"), f.matches == QLatin1String("yes"));
        if (keep)
            o.insert(QStringLiteral("schema"), name);
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
    } else {
        ctx.out
            << tr("aggregation of %1 demo events (%2 investigations, %3 datasets; loaded in %4 s)")
                   .arg(f.size)
                   .arg(f.investigations)
                   .arg(f.datasets)
                   .arg(f.loadS, 0, 'f', 1)
            << '\n'
            << tr("  full rebuild:              %1 s  (%2 × GROUP BY)")
                   .arg(f.fullS, 0, 'f', 3)
                   .arg(f.fullS / f.groupByS, 0, 'f', 1)
            << '\n'
            << tr("  incremental, %1 new events: %2 s  (%3 × GROUP BY, %4 datasets)")
                   .arg(f.incremental)
                   .arg(f.incS, 0, 'f', 3)
                   .arg(f.incS / f.groupByS, 0, 'f', 2)
                   .arg(f.datasetsIncremental)
            << '\n'
            << tr("  incremental, nothing new:  %1 s").arg(f.idleS, 0, 'f', 3) << '\n'
            << tr("  server CPU: full %1 s, incremental %2 s, GROUP BY %3 s (-1: server not local)")
                   .arg(f.fullCpu, 0, 'f', 3)
                   .arg(f.incCpu, 0, 'f', 3)
                   .arg(f.groupByCpu, 0, 'f', 3)
            << '\n'
            << tr("  load average: %1 before, %2 after").arg(f.loadBefore, f.loadAfter) << '\n'
            << tr("  GROUP BY baseline:         %1 s  (SELECT dataset_id, event_type, count(*) … "
                  "GROUP BY)")
                   .arg(f.groupByS, 0, 'f', 3)
            << '\n';
        if (verify)
            ctx.out << tr("  incremental == full:       %1").arg(f.matches) << '\n';
        if (keep)
            ctx.out << tr("  schema kept:               %1").arg(name) << '\n';
        ctx.out.flush();
    }
}

int runAggregate(BenchContext &ctx)
{
    LoadOptions options{1000000, 10000};
    bool verify = false;
    if (auto parsed = parseLoadOptions(
            ctx.args, options,
            QStringLiteral("knowledge-bench aggregate [--size N] [--incremental N] [--verify] "
                           "[--keep] [--json]"),
            {{QStringLiteral("--verify"), &verify}});
        !parsed)
        return fail(ctx, parsed.error().message);
    const auto [size, incremental, keep, json] = options;

    // Demo events, all in one tenant: the quirks of the catalogue, then whole investigations
    // (about 39 events each) up to `size`; the next investigations give the incremental slice.
    ctx.err << tr("generating %1 + %2 demo events…").arg(size).arg(incremental) << Qt::endl;
    const QUuid tenant = QUuid::fromString(QStringLiteral("0190c0de-0000-7000-8000-00000000a99e"));
    DemoSeeder seeder(1);
    qint64 investigations = 0;
    std::vector<Event> events
        = demoEventsOfOneTenant(seeder, tenant, size + incremental, investigations);

    auto schema = demoSchema(ctx.settings, QStringLiteral("ke_bench_agg_"), tenant, seeder, keep);
    if (!schema)
        return fail(ctx, schema.error().message);
    Database &db = (*schema)->db();
    const QString name = db.settings().schema;
    const QString ev = db.eventsTable();

    ctx.err << tr("loading %1 events into %2…").arg(size).arg(name) << Qt::endl;
    QElapsedTimer t;
    t.start();
    auto loaded = emitAll(db, events.begin(), events.begin() + size);
    if (!loaded)
        return fail(ctx, loaded.error().message);
    const double loadS = seconds(t);
    // As autovacuum would after a bulk load; the aggregator relies on these statistics.
    if (auto analyzed = analyzeEvents(db); !analyzed)
        return fail(ctx, analyzed.error().message);

    SqlSession sql = SqlSession::forDatabase(db);
    const qint64 pid = sql.backendPid();
    if (pid < 0)
        return fail(ctx, tr("cannot read the server process id"));
    const QString loadBefore = loadAverage();

    // Baseline: one plain GROUP BY over the same events (median of three, the first warms up).
    auto groupBy = timeBaseline(sql,
                                QStringLiteral("SELECT dataset_id, event_type, count(*) FROM %1 "
                                               "WHERE tenant_id = $1 GROUP BY dataset_id, "
                                               "event_type")
                                    .arg(ev),
                                {tenant}, pid);
    if (!groupBy)
        return fail(ctx, groupBy.error().message);
    const double groupByS = groupBy->seconds;
    const double groupByCpu = groupBy->serverCpu;

    ctx.err << tr("full rebuild…") << Qt::endl;
    double cpu0 = serverCpuSeconds(pid);
    t.restart();
    auto full = KnowledgeAggregator::rebuild(db);
    if (!full)
        return fail(ctx, full.error().message);
    const double fullS = seconds(t);
    const double fullCpu = serverCpuSince(pid, cpu0);

    ctx.err << tr("emitting %1 more events, incremental run…").arg(incremental) << Qt::endl;
    auto more = emitAll(db, events.begin() + size, events.end());
    if (!more)
        return fail(ctx, more.error().message);
    cpu0 = serverCpuSeconds(pid);
    t.restart();
    auto inc = KnowledgeAggregator::runIncremental(db);
    if (!inc)
        return fail(ctx, inc.error().message);
    const double incS = seconds(t);
    const double incCpu = serverCpuSince(pid, cpu0);
    const QString loadAfter = loadAverage();
    if (inc->full || inc->eventsProcessed != incremental)
        return fail(ctx,
                    tr("the incremental run processed %1 events (full: %2), expected %3")
                        .arg(inc->eventsProcessed)
                        .arg(inc->full)
                        .arg(incremental));

    // A second incremental run with nothing new: the fixed cost of a run.
    t.restart();
    auto idle = KnowledgeAggregator::runIncremental(db);
    if (!idle)
        return fail(ctx, idle.error().message);
    const double idleS = seconds(t);

    QString matches;
    if (verify) {
        ctx.err << tr("verifying: incremental state == full rebuild…") << Qt::endl;
        auto same = incrementalMatchesFull(db);
        if (!same)
            return fail(ctx, same.error().message);
        matches = *same ? QStringLiteral("yes") : QStringLiteral("NO");
        if (!*same)
            ctx.err << tr("incremental state differs from a full rebuild") << Qt::endl;
    }

    printAggregateReport(ctx,
                         AggregateFigures{.size = size,
                                          .incremental = incremental,
                                          .investigations = investigations,
                                          .datasets = full->datasetsTouched,
                                          .datasetsIncremental = inc->datasetsTouched,
                                          .loadS = loadS,
                                          .fullS = fullS,
                                          .incS = incS,
                                          .idleS = idleS,
                                          .groupByS = groupByS,
                                          .fullCpu = fullCpu,
                                          .incCpu = incCpu,
                                          .groupByCpu = groupByCpu,
                                          .loadBefore = loadBefore,
                                          .loadAfter = loadAfter,
                                          .matches = matches},
                         json, verify, keep, name);
    return verify && matches != QLatin1String("yes") ? 1 : 0;
}

BenchmarkRegistrar registrar{
    {QStringLiteral("aggregate"),
     QStringLiteral(
         "knowledge aggregation: full rebuild, incremental 10k, vs GROUP BY [--size N] [--json]"),
     runAggregate}};

} // namespace
} // namespace ke::bench
