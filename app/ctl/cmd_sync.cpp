// knowledgectl sync: brings the tenant's offline cache (search documents and the browse
// snapshot of knowledge, activity, investigations and quirks) up to date from the database.

#include "commands.h"
#include "offlinecache.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

namespace ke::ctl {
namespace {

int runSync(CommandContext &ctx)
{
    const bool json = takeFlag(ctx.args, QStringLiteral("--json"));
    const bool quiet = takeFlag(ctx.args, QStringLiteral("--quiet"));
    if (!ctx.args.isEmpty())
        return ctx.fail(
            Messages::tr("unexpected argument \"%1\" — usage: knowledgectl sync [--json]")
                .arg(ctx.args.first()));
    return ctx.withDatabase([&](Database &db) {
        auto cache = OfflineCache::openForSync(db);
        if (!cache)
            return ctx.fail(cache.error());
        QElapsedTimer sinceReport;
        sinceReport.start();
        auto progress = [&](qint64 done, qint64 total) {
            if (quiet || (sinceReport.elapsed() < 1000 && done != total && done != 0))
                return;
            sinceReport.restart();
            ctx.err << Messages::tr("sync: %1 of %2 changes").arg(done).arg(total) << Qt::endl;
        };
        auto summary = (*cache)->sync(db, progress);
        if (!summary)
            return ctx.fail(summary.error());
        const double rate = summary->seconds > 0 ? double(summary->rows) / summary->seconds : 0.0;
        if (json) {
            const QJsonObject o{
                {QStringLiteral("tenant"), (*cache)->tenant().toString(QUuid::WithoutBraces)},
                {QStringLiteral("cache"), (*cache)->index().directory()},
                {QStringLiteral("cold"), summary->cold},
                {QStringLiteral("added"), summary->added},
                {QStringLiteral("updated"), summary->updated},
                {QStringLiteral("removed"), summary->removed},
                {QStringLiteral("rows"), summary->rows},
                {QStringLiteral("watermark"), summary->watermarkAfter},
                {QStringLiteral("model"), summary->model},
                {QStringLiteral("model_changed"), summary->modelChanged},
                {QStringLiteral("seconds"), summary->seconds},
                {QStringLiteral("docs_per_s"), rate},
                {QStringLiteral("snapshot"),
                 QJsonObject{{QStringLiteral("datasets"), summary->snapshot.datasets},
                             {QStringLiteral("activity_items"), summary->snapshot.activityItems},
                             {QStringLiteral("investigations"), summary->snapshot.investigations},
                             {QStringLiteral("traces"), summary->snapshot.tracesKept},
                             {QStringLiteral("traces_fetched"), summary->snapshot.tracesFetched},
                             {QStringLiteral("traces_dropped"), summary->snapshot.tracesDropped},
                             {QStringLiteral("quirks"), summary->snapshot.quirks},
                             {QStringLiteral("quirks_fetched"), summary->snapshot.quirksFetched},
                             {QStringLiteral("bytes"), summary->snapshot.bytes},
                             {QStringLiteral("seconds"), summary->snapshot.seconds}}},
            };
            ctx.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
            return 0;
        }
        ctx.out << Messages::tr(
                       "%1 sync of %2: %3 added, %4 updated, %5 removed in %6 s (%7 docs/s)")
                       .arg(summary->cold ? Messages::tr("cold") : Messages::tr("incremental"),
                            (*cache)->index().directory())
                       .arg(summary->added)
                       .arg(summary->updated)
                       .arg(summary->removed)
                       .arg(summary->seconds, 0, 'f', 2)
                       .arg(rate, 0, 'f', 0)
                << Qt::endl;
        const auto &snap = summary->snapshot;
        ctx.out << Messages::tr("offline snapshot: datasets %1, activity items %2, "
                                "investigations %3, traces %4 (%5 fetched, %6 dropped), quirks "
                                "%7; %8 MiB in %9 s")
                       .arg(snap.datasets)
                       .arg(snap.activityItems)
                       .arg(snap.investigations)
                       .arg(snap.tracesKept)
                       .arg(snap.tracesFetched)
                       .arg(snap.tracesDropped)
                       .arg(snap.quirks)
                       .arg(double(snap.bytes) / (1024.0 * 1024.0), 0, 'f', 1)
                       .arg(snap.seconds, 0, 'f', 2)
                << Qt::endl;
        if (summary->modelChanged)
            ctx.out << Messages::tr("embedding model: %1 (every document re-embedded)")
                           .arg(summary->model)
                    << Qt::endl;
        return 0;
    });
}

} // namespace

KE_REGISTER_COMMAND(
    "sync", "[--json] [--quiet]",
    QT_TRANSLATE_NOOP("knowledgectl",
                      "bring the tenant's offline cache (search, knowledge, activity, "
                      "investigations) up to date"),
    runSync);

} // namespace ke::ctl
