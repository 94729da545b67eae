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
        return ctx.fail(QCoreApplication::translate("knowledgectl",
                                                    "unexpected argument '%1' — usage: "
                                                    "knowledgectl embed [--full]")
                            .arg(ctx.args.first()));
    std::shared_ptr<const Embedder> http;
    if (HttpEmbedder::isConfigured()) {
        auto o = HttpEmbedder::optionsFromEnvironment();
        if (!o)
            return ctx.fail(o.error());
        http = std::make_shared<HttpEmbedder>(*o);
    }
    auto db = ctx.connect();
    if (!db)
        return ctx.fail(db.error());
    QElapsedTimer timer;
    timer.start();
    // The documents read the aggregator's tables: bring them up to date first.
    auto agg = KnowledgeAggregator::runIncremental(**db);
    if (!agg)
        return ctx.fail(agg.error());
    auto report = SearchDocuments::refresh(**db, full);
    if (!report)
        return ctx.fail(report.error());
    if (auto r = SearchDocuments::embed(**db, *report, http); !r)
        return ctx.fail(r.error());
    ctx.out << QCoreApplication::translate("knowledgectl", "documents (%1): %2 changed, %3 retired")
                   .arg(report->full ? QCoreApplication::translate("knowledgectl", "full")
                                     : QCoreApplication::translate("knowledgectl", "incremental"))
                   .arg(report->documentsChanged)
                   .arg(report->documentsRetired)
            << Qt::endl;
    if (report->model.isEmpty()) {
        ctx.out << QCoreApplication::translate("knowledgectl", "embedded 0 (no documents yet)")
                << Qt::endl;
    } else {
        if (report->modelTrained)
            ctx.out << QCoreApplication::translate("knowledgectl", "learned a new local model: %1")
                           .arg(report->model)
                    << Qt::endl;
        ctx.out << QCoreApplication::translate(
                       "knowledgectl", "embedded %1 with model %2, removed %3 old vector(s)")
                       .arg(report->documentsEmbedded)
                       .arg(report->model)
                       .arg(report->embeddingsRemoved)
                << Qt::endl;
    }
    if (!report->note.isEmpty())
        ctx.err << report->note << Qt::endl;
    ctx.out << QCoreApplication::translate("knowledgectl", "done in %1 s")
                   .arg(double(timer.nsecsElapsed()) / 1e9, 0, 'f', 3)
            << Qt::endl;
    return 0;
}

} // namespace

KE_REGISTER_COMMAND("embed", "[--full]",
                    QT_TRANSLATE_NOOP("knowledgectl",
                                      "update the searchable documents and embed new ones (--full: "
                                      "recompute every document)"),
                    runEmbed);

} // namespace ke::ctl
