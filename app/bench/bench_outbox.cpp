// knowledge-bench outbox: delivering N queued ratings (Outbox::deliver: in order, batched,
// each rated step checked, every entry marked delivered after the commit) against
// EventLog::emitBatch of the same number of ratings straight, in the same run and schema.

#include "bench.h"
#include "benchsupport.h"
#include "database.h"
#include "demoseeder.h"
#include "eventlog.h"
#include "feedbackrecorder.h"
#include "outbox.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <vector>

namespace ke::bench {
namespace {

int runOutbox(BenchContext &ctx)
{
    LoadOptions options{10000, 0};
    qint64 batch = Outbox::defaultBatchSize;
    if (auto parsed = parseLoadOptions(
            ctx.args, options,
            QStringLiteral("knowledge-bench outbox [--size N] [--batch N] [--keep] [--json]"),
            {{QStringLiteral("--batch"), nullptr, &batch}});
        !parsed)
        return fail(ctx, parsed.error().message);
    const qint64 writes = options.size;

    // Investigations to rate: demo data, about 39 events each, a few hypotheses each.
    const QUuid tenant = QUuid::fromString(QStringLiteral("0190c0de-0000-7000-8000-0000000b0c5e"));
    DemoSeeder seeder(3);
    std::vector<Event> events;
    seeder.appendCatalogEvents(events);
    for (qint64 i = 0; i < 500; ++i)
        seeder.appendInvestigation(i, events);
    std::vector<FeedbackInput> steps;
    for (Event &e : events) {
        e.tenantId = tenant;
        if (e.eventType != QLatin1String("hypothesis.generated"))
            continue;
        FeedbackInput in;
        in.targetType = QStringLiteral("hypothesis");
        in.investigationId = e.investigationId;
        in.targetId = QUuid::fromString(e.data.value(QStringLiteral("hypothesis_id")).toString());
        steps.push_back(in);
    }
    if (steps.empty())
        return fail(ctx, tr("the demo data has no hypotheses to rate"));

    auto schema = demoSchema(ctx.settings, QStringLiteral("ke_bench_outbox_"), tenant, seeder,
                             options.keep);
    if (!schema)
        return fail(ctx, schema.error().message);
    Database &db = (*schema)->db();
    ctx.err << tr("loading %1 demo events…").arg(events.size()) << Qt::endl;
    if (auto loaded = loadEvents(db, events.begin(), events.end()); !loaded)
        return fail(ctx, loaded.error().message);
    if (auto person = db.adoptActor(QStringLiteral("bench.rater")); !person)
        return fail(ctx, person.error().message);

    // The person's ratings, made "offline": one durable outbox commit each.
    QTemporaryDir dir;
    if (!dir.isValid())
        return fail(ctx, tr("cannot create a temporary directory"));
    auto box = Outbox::open(dir.filePath(QStringLiteral("outbox.sqlite")));
    if (!box)
        return fail(ctx, box.error().message);
    const OutboxIdentity who{db.login(), db.tenantId(), db.actorId(), {}, {}, {}, {}};
    const auto ratings = [&](qint64 round) {
        std::vector<Event> out;
        out.reserve(size_t(writes));
        for (qint64 i = 0; i < writes; ++i) {
            FeedbackInput in = steps[size_t(i) % steps.size()];
            in.rating = (i + round) % 3 ? 1 : -1;
            out.push_back(*FeedbackRecorder::prepare(in));
        }
        return out;
    };
    ctx.err << tr("queueing %1 ratings…").arg(writes) << Qt::endl;
    QElapsedTimer t;
    t.start();
    for (Event &e : ratings(0)) {
        if (auto queued = (*box)->enqueue(std::move(e), who); !queued)
            return fail(ctx, queued.error().message);
    }
    const double enqueueS = seconds(t);

    ctx.err << tr("delivering…") << Qt::endl;
    const QString loadBefore = loadAverage();
    t.restart();
    auto report = (*box)->deliver(db, int(batch));
    if (!report)
        return fail(ctx, report.error().message);
    const double deliverS = seconds(t);
    if (report->delivered != writes || report->refused != 0 || report->pending != 0)
        return fail(ctx,
                    tr("delivered %1 of %2 (%3 refused, %4 pending): %5")
                        .arg(report->delivered)
                        .arg(writes)
                        .arg(report->refused)
                        .arg(report->pending)
                        .arg(report->note));
    // Delivering again finds nothing to do (exactly once).
    auto again = (*box)->deliver(db, int(batch));
    if (!again || again->delivered != 0)
        return fail(ctx, tr("a second delivery delivered again"));

    // Baseline: as many ratings straight into the log, in batches of the same size.
    std::vector<Event> straight = ratings(1);
    for (Event &e : straight) {
        e.tenantId = db.tenantId();
        e.actorId = db.actorId();
    }
    EventLog log(db);
    t.restart();
    for (size_t from = 0; from < straight.size(); from += size_t(batch)) {
        std::vector<Event> part(straight.begin() + qint64(from),
                                straight.begin()
                                    + qint64(std::min(from + size_t(batch), straight.size())));
        if (auto w = log.emitBatch(part); !w)
            return fail(ctx, w.error().message);
    }
    const double baselineS = seconds(t);
    const QString loadAfter = loadAverage();

    const double deliveredPerS = double(writes) / deliverS;
    const double baselinePerS = double(writes) / baselineS;
    const double enqueuePerS = double(writes) / enqueueS;
    if (options.json) {
        const QJsonObject o{
            {QStringLiteral("writes"), double(writes)},
            {QStringLiteral("batch"), double(batch)},
            {QStringLiteral("delivered_per_s"), round3(deliveredPerS)},
            {QStringLiteral("deliver_s"), round3(deliverS)},
            {QStringLiteral("emitbatch_baseline_per_s"), round3(baselinePerS)},
            {QStringLiteral("ratio_to_emitbatch"), round3(deliveredPerS / baselinePerS)},
            {QStringLiteral("enqueue_per_s"), round3(enqueuePerS)},
            {QStringLiteral("loadavg_before"), loadBefore},
            {QStringLiteral("loadavg_after"), loadAfter}};
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
    } else {
        ctx.out
            << tr("outbox: %1 queued ratings, batches of %2").arg(writes).arg(batch) << '\n'
            << tr("  delivered:            %1 writes/s (%2 s; target ≥ 2,000)")
                   .arg(deliveredPerS, 0, 'f', 0)
                   .arg(deliverS, 0, 'f', 2)
            << '\n'
            << tr("  emitBatch straight:   %1 writes/s (baseline; delivery = %2 × baseline)")
                   .arg(baselinePerS, 0, 'f', 0)
                   .arg(deliveredPerS / baselinePerS, 0, 'f', 2)
            << '\n'
            << tr("  queueing (one fsync'd commit each): %1 writes/s").arg(enqueuePerS, 0, 'f', 0)
            << '\n'
            << tr("  load average before / after: %1 / %2").arg(loadBefore, loadAfter) << Qt::endl;
    }
    return 0;
}

BenchmarkRegistrar registrar{
    {QStringLiteral("outbox"),
     QStringLiteral(
         "deliver N queued writes vs emitBatch straight [--size N] [--batch N] [--json]"),
     runOutbox}};

} // namespace
} // namespace ke::bench
