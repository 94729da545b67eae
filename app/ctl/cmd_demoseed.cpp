// knowledgectl demo-seed: realistic, deterministic demo data for every demo tenant.

#include "commands.h"
#include "demoseeder.h"

namespace ke::ctl {
namespace {

int runDemoSeed(CommandContext &ctx)
{
    bool ok = true;
    const QString countText
        = takeOption(ctx.args, QStringLiteral("--investigations")).value_or(QStringLiteral("200"));
    const qint64 investigations = countText.toLongLong(&ok);
    if (!ok || investigations < 0)
        return ctx.fail(
            Messages::tr("--investigations must be a whole number of at least 0, got '%1'")
                .arg(countText));
    const QString seedText
        = takeOption(ctx.args, QStringLiteral("--seed")).value_or(QStringLiteral("42"));
    const quint64 seed = seedText.toULongLong(&ok);
    if (!ok)
        return ctx.fail(
            Messages::tr("--seed must be a non-negative whole number, got '%1'").arg(seedText));
    if (!ctx.args.isEmpty())
        return ctx.fail(Messages::tr("unexpected argument '%1' — usage: knowledgectl demo-seed "
                                     "[--investigations N] [--seed S]")
                            .arg(ctx.args.first()));

    // All demo tenants are seeded: the tenant setting, if any, is not needed.
    return ctx.withDatabaseWithoutTenant([&](Database &db) {
        DemoSeeder seeder(seed);
        int lastPercent = -1;
        auto progress = [&](qint64 done, qint64 total) {
            const int percent = total > 0 ? int(done * 100 / total) : 100;
            if (percent == lastPercent)
                return;
            lastPercent = percent;
            ctx.err << '\r'
                    << Messages::tr("demo-seed: %1 of %2 investigations (%3%)")
                           .arg(done)
                           .arg(total)
                           .arg(percent)
                    << Qt::flush;
        };
        auto summary = seeder.write(db, investigations, progress);
        ctx.err << Qt::endl;
        if (!summary)
            return ctx.fail(summary.error());

        QStringList slugs;
        for (const DemoTenant &t : seeder.tenants())
            slugs << t.slug;
        ctx.out << Messages::tr(
                       "seeded %1 tenants (%2), %3 people, %4 datasets, %5 investigations: "
                       "%6 events generated, %7 written (the rest were already stored), in %8 s")
                       .arg(summary->tenants)
                       .arg(slugs.join(QStringLiteral(", ")))
                       .arg(summary->people)
                       .arg(summary->datasets)
                       .arg(summary->investigations)
                       .arg(summary->eventsGenerated)
                       .arg(summary->eventsWritten)
                       .arg(summary->seconds, 0, 'f', 1)
                << Qt::endl;
        return 0;
    });
}

} // namespace

KE_REGISTER_COMMAND(
    "demo-seed", "[--investigations N] [--seed S]",
    QT_TRANSLATE_NOOP("knowledgectl",
                      "write realistic, deterministic demo data for the demo tenants"),
    runDemoSeed);

} // namespace ke::ctl
