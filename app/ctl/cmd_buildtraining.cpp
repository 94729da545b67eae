// knowledgectl build-training [--full] — for the tenant given, or every tenant.

#include "commands.h"
#include "trainingtext.h"

namespace ke::ctl {
namespace {

int runBuildTraining(CommandContext &ctx)
{
    TrainingExampleBuilder::Options options;
    options.full = takeFlag(ctx.args, QStringLiteral("--full"));
    if (!ctx.args.isEmpty())
        return ctx.fail(
            Messages::tr("unexpected argument '%1' — usage: knowledgectl build-training [--full]")
                .arg(ctx.args.first()));
    return ctx.forEachTenant([&options](Database &db) -> Result<QString> {
        auto stats = TrainingExampleBuilder::rebuild(db, options);
        if (!stats)
            return stats.error();
        return describeTrainingBuild(*stats);
    });
}

} // namespace

KE_REGISTER_COMMAND("build-training", "[--full]",
                    QT_TRANSLATE_NOOP("knowledgectl",
                                      "rebuild the training examples from the event log, for the "
                                      "tenant given or every tenant"),
                    runBuildTraining);

} // namespace ke::ctl
