#include "commands.h"
#include "knowledgeaggregator.h"

namespace ke::ctl {
namespace {

int runAggregate(CommandContext &ctx)
{
    const bool full = takeFlag(ctx.args, QStringLiteral("--full"));
    if (!ctx.args.isEmpty())
        return ctx.fail(Messages::tr("unexpected argument '%1' — usage: "
                                     "knowledgectl aggregate [--full]")
                            .arg(ctx.args.first()));
    return ctx.forEachTenant([full](Database &db) -> Result<QString> {
        auto r = full ? KnowledgeAggregator::rebuild(db) : KnowledgeAggregator::runIncremental(db);
        if (!r)
            return r.error();
        return Messages::tr("%1: %2 events processed, %3 datasets touched in %4 s")
            .arg(r->full ? Messages::tr("full rebuild") : Messages::tr("incremental"))
            .arg(r->eventsProcessed)
            .arg(r->datasetsTouched)
            .arg(r->seconds, 0, 'f', 3);
    });
}

} // namespace

KE_REGISTER_COMMAND("aggregate", "[--full]",
                    QT_TRANSLATE_NOOP("knowledgectl",
                                      "update dataset knowledge from new events, for the tenant "
                                      "given or every tenant (--full: rebuild)"),
                    runAggregate);

} // namespace ke::ctl
