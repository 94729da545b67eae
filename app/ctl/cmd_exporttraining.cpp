#include "commands.h"
#include "trainingexamplebuilder.h"
#include "trainingexporter.h"
#include "trainingtext.h"

#include <QDate>

namespace ke::ctl {
namespace {

void printBuildStats(CommandContext &ctx, const TrainingExampleBuilder::Stats &s)
{
    ctx.out << describeTrainingBuild(s) << Qt::endl;
}

int runExportTraining(CommandContext &ctx)
{
    TrainingExporter::Options o;
    QStringList &args = ctx.args;
    o.outPath = takeOption(args, QStringLiteral("--out")).value_or(QString());
    if (auto t = takeOption(args, QStringLiteral("--task")))
        o.tasks = t->split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (auto m = takeOption(args, QStringLiteral("--min-score"))) {
        bool ok = false;
        const double v = m->toDouble(&ok);
        if (!ok)
            return ctx.fail(
                Messages::tr("--min-score '%1' is not a number — give e.g. --min-score 0.5")
                    .arg(*m));
        o.minScore = v;
    }
    if (auto s = takeOption(args, QStringLiteral("--since"))) {
        QDateTime dt = QDateTime::fromString(*s, Qt::ISODateWithMs);
        if (!dt.isValid()) {
            const QDate d = QDate::fromString(*s, Qt::ISODate);
            if (d.isValid())
                dt = d.startOfDay(Qt::UTC);
        }
        if (!dt.isValid())
            return ctx.fail(
                Messages::tr("--since '%1' is not a date — give YYYY-MM-DD or an ISO 8601 "
                             "date and time")
                    .arg(*s));
        if (dt.timeSpec() == Qt::LocalTime)
            dt.setTimeSpec(Qt::UTC);
        o.since = dt;
    }
    o.datasetType = takeOption(args, QStringLiteral("--dataset-type")).value_or(QString());
    o.issueType = takeOption(args, QStringLiteral("--issue-type")).value_or(QString());
    if (auto f = takeOption(args, QStringLiteral("--format"))) {
        auto format = TrainingExporter::parseFormat(*f);
        if (!format)
            return ctx.fail(format.error());
        o.format = *format;
    }
    if (auto s = takeOption(args, QStringLiteral("--split"))) {
        bool ok = false;
        const double v = s->toDouble(&ok);
        if (!ok)
            return ctx.fail(
                Messages::tr("--split '%1' is not a number — give e.g. --split 0.9").arg(*s));
        o.split = v;
    }
    o.excludeComments = takeFlag(args, QStringLiteral("--exclude-comments"));
    o.crossTenant = takeFlag(args, QStringLiteral("--cross-tenant"));
    // The examples are brought up to date first (the incremental build), unless --no-build;
    // --rebuild is the older spelling of that default.
    const bool noBuild = takeFlag(args, QStringLiteral("--no-build"));
    (void)takeFlag(args, QStringLiteral("--rebuild"));
    if (o.crossTenant)
        o.key = qEnvironmentVariable("KNOWLEDGE_EXPORT_KEY").toUtf8();
    if (!args.isEmpty())
        return ctx.fail(
            Messages::tr("unexpected argument '%1' — run `knowledgectl --help` for the usage")
                .arg(args.first()));
    if (auto v = TrainingExporter::validate(o); !v)
        return ctx.fail(v.error());

    return ctx.withDatabase([&](Database &db) {
        if (!noBuild) {
            auto stats = TrainingExampleBuilder::rebuild(db);
            if (!stats)
                return ctx.fail(stats.error());
            printBuildStats(ctx, *stats);
        }
        auto summary = TrainingExporter::exportTo(db, o);
        if (!summary)
            return ctx.fail(summary.error());
        const auto &s = *summary;
        ctx.out << Messages::tr("exported %1 line(s) to %2 in %3 s")
                       .arg(s.written)
                       .arg(s.files.join(QStringLiteral(", ")))
                       .arg(s.seconds, 0, 'f', 2)
                << Qt::endl;
        if (o.split)
            ctx.out << Messages::tr("  train: %1, valid: %2").arg(s.train).arg(s.valid) << Qt::endl;
        if (o.crossTenant)
            ctx.out << Messages::tr("  tenants (opted in, anonymised): %1").arg(s.tenants)
                    << Qt::endl;
        for (const QString &task : TrainingExporter::taskTypes()) {
            if (s.perTask.contains(task))
                ctx.out << "  " << task << ": " << s.perTask.value(task) << Qt::endl;
        }
        ctx.out
            << Messages::tr(
                   "skipped: %1 below --min-score, %2 without a feedback score, %3 filtered out "
                   "by --since/--dataset-type/--issue-type, %4 without a preference pair")
                   .arg(s.belowMinScore)
                   .arg(s.unscored)
                   .arg(s.filteredOut)
                   .arg(s.unpaired)
            << Qt::endl;
        if (s.written == 0) {
            // "Nothing to export" is not a failure (exit 0), but it must say why.
            auto why = TrainingExporter::explainNothingExported(db, o, s, !noBuild);
            ctx.err << "knowledgectl: " << (why ? *why : why.error().message) << Qt::endl;
        }
        return 0;
    });
}

} // namespace

KE_REGISTER_COMMAND("export-training",
                    "--out FILE [--task T] [--min-score X] [--since DATE] [--dataset-type T] "
                    "[--issue-type T] [--format raw|openai-chat|preference] [--split 0.9] "
                    "[--exclude-comments] [--cross-tenant] [--no-build]",
                    QT_TRANSLATE_NOOP("knowledgectl",
                                      "bring the training examples up to date (unless "
                                      "--no-build) and export them as JSON Lines"),
                    runExportTraining);

} // namespace ke::ctl
