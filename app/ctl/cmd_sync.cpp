// knowledgectl sync: brings the tenant's offline cache (search documents and the browse
// snapshot of knowledge, activity, investigations and quirks) up to date from the database.

#include "commands.h"
#include "interrupt.h"
#include "knowledgeclient.h"
#include "offlinecache.h"

#include <QElapsedTimer>
#include <QEventLoop>
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
    // The client the app uses: it connects, delivers what waits in the outbox, then syncs.
    KnowledgeClient client(ctx.settings);
    client.setSyncInterval(std::chrono::minutes(0));
    QEventLoop loop;
    QString failure;
    QObject::connect(&client, &KnowledgeClient::stateChanged, &loop,
                     [&](KnowledgeClient::State state, const QString &why) {
                         if (state == KnowledgeClient::State::Offline) {
                             failure = why;
                             loop.exit(1);
                         }
                     });
    QObject::connect(&client, &KnowledgeClient::syncFinished, &loop,
                     [&](bool ok, const QString &message) {
                         failure = message;
                         loop.exit(ok ? 0 : 1);
                     });
    QElapsedTimer sinceReport;
    sinceReport.start();
    QObject::connect(
        &client, &KnowledgeClient::syncProgress, &loop, [&](qint64 done, qint64 total) {
            if (quiet || (sinceReport.elapsed() < 1000 && done != total && done != 0))
                return;
            sinceReport.restart();
            ctx.err << Messages::tr("sync: %1 of %2 changes").arg(done).arg(total) << Qt::endl;
        });
    QObject::connect(&client, &KnowledgeClient::writesDelivered, &loop,
                     [&](qint64 delivered, qint64 refused) {
                         if (quiet)
                             return;
                         ctx.err << Messages::tr("outbox: %1 queued change(s) delivered, %2 "
                                                 "refused (see `knowledgectl outbox list`)")
                                        .arg(delivered)
                                        .arg(refused)
                                 << Qt::endl;
                     });
    // Ctrl+C stops between pages: what was synced stays, the next sync goes on from there.
    CancelOnInterrupt interrupt([&client]() { client.cancelSync(); });
    client.start();
    if (loop.exec() != 0)
        return ctx.fail(failure);
    const ClientSyncReport &report = client.lastSyncReport();
    const OfflineCache::SyncSummary *summary = &report.summary;
    {
        const double rate = summary->seconds > 0 ? double(summary->rows) / summary->seconds : 0.0;
        if (json) {
            const QJsonObject o{
                {QStringLiteral("tenant"), report.tenant.toString(QUuid::WithoutBraces)},
                {QStringLiteral("cache"), report.cacheDirectory},
                {QStringLiteral("delivered"), report.delivered.delivered},
                {QStringLiteral("refused"), report.delivered.refused},
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
                            report.cacheDirectory)
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
    }
}

} // namespace

KE_REGISTER_COMMAND(
    "sync", "[--json] [--quiet]",
    QT_TRANSLATE_NOOP("knowledgectl",
                      "bring the tenant's offline cache (search, knowledge, activity, "
                      "investigations) up to date"),
    runSync);

} // namespace ke::ctl
