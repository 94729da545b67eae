#include "commands.h"
#include "httpembedder.h"
#include "knowledgeaggregator.h"
#include "searchdocuments.h"

#include <QElapsedTimer>

namespace ke::ctl {
namespace {

int runEmbed(CommandContext &ctx)
{
    const bool full = takeFlag(ctx.args, QStringLiteral("--full"));
    if (!ctx.args.isEmpty())
        return ctx.fail(
            Messages::tr("unexpected argument '%1' — usage: knowledgectl embed [--full]")
                .arg(ctx.args.first()));
    std::shared_ptr<const Embedder> http;
    if (HttpEmbedder::isConfigured()) {
        auto o = HttpEmbedder::optionsFromEnvironment();
        if (!o)
            return ctx.fail(o.error());
        http = std::make_shared<HttpEmbedder>(*o);
    }
    return ctx.forEachTenant([&](Database &db) -> Result<QString> {
        QElapsedTimer timer;
        timer.start();
        // The documents read the aggregator's tables: bring them up to date first.
        auto agg = KnowledgeAggregator::runIncremental(db);
        if (!agg)
            return agg.error();
        auto report = SearchDocuments::refresh(db, full);
        if (!report)
            return report.error();
        if (auto r = SearchDocuments::embed(db, *report, http); !r)
            return r.error();
        QStringList lines;
        lines << Messages::tr("documents (%1): %2 changed, %3 retired")
                     .arg(report->full ? Messages::tr("full") : Messages::tr("incremental"))
                     .arg(report->documentsChanged)
                     .arg(report->documentsRetired);
        if (report->model.isEmpty()) {
            lines << Messages::tr("embedded 0 (no documents yet)");
        } else {
            if (report->modelTrained)
                lines << Messages::tr("learned a new local model: %1").arg(report->model);
            lines << Messages::tr("embedded %1 with model %2, removed %3 old vector(s)")
                         .arg(report->documentsEmbedded)
                         .arg(report->model)
                         .arg(report->embeddingsRemoved);
        }
        if (!report->note.isEmpty())
            ctx.err << report->note << Qt::endl;
        lines << Messages::tr("done in %1 s").arg(double(timer.nsecsElapsed()) / 1e9, 0, 'f', 3);
        return lines.join(QLatin1Char('\n'));
    });
}

} // namespace

KE_REGISTER_COMMAND(
    "embed", "[--full]",
    QT_TRANSLATE_NOOP("knowledgectl",
                      "update the searchable documents and embed new ones, for the tenant given or "
                      "every tenant (--full: recompute every document)"),
    runEmbed);

} // namespace ke::ctl
