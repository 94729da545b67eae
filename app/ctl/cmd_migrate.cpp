#include "commands.h"
#include "migrator.h"

namespace ke::ctl {
namespace {

int runMigrate(CommandContext &ctx)
{
    return ctx.withDatabaseWithoutTenant([&](Database &db) {
        auto applied = Migrator::migrate(db);
        if (!applied)
            return ctx.fail(applied.error());
        const QString schema = ctx.settings.schema;
        if (applied->isEmpty()) {
            ctx.out << Messages::tr("schema '%1' is up to date (version %2)")
                           .arg(schema)
                           .arg(Migrator::latestVersion())
                    << Qt::endl;
        } else {
            for (const QString &m : *applied)
                ctx.out << Messages::tr("applied %1").arg(m) << Qt::endl;
            ctx.out << Messages::tr("schema '%1' is now at version %2")
                           .arg(schema)
                           .arg(Migrator::latestVersion())
                    << Qt::endl;
        }
        return 0;
    });
}

} // namespace

KE_REGISTER_COMMAND("migrate", "",
                    QT_TRANSLATE_NOOP("knowledgectl", "create or upgrade the database schema"),
                    runMigrate);

} // namespace ke::ctl
