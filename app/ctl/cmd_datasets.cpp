// knowledgectl datasets — the tenant's datasets, one "UUID<TAB>name" line each.

#include "commands.h"
#include "datasetdirectory.h"

namespace ke::ctl {
namespace {

int runDatasets(CommandContext &ctx)
{
    return ctx.withDatabase([&](Database &db) {
        auto list = DatasetDirectory::list(db);
        if (!list)
            return ctx.fail(list.error());
        for (const DatasetRef &d : *list)
            ctx.out << d.id.toString(QUuid::WithoutBraces) << '\t' << d.name << '\n';
        ctx.out.flush();
        return 0;
    });
}

} // namespace

KE_REGISTER_COMMAND("datasets", "", QT_TRANSLATE_NOOP("knowledgectl", "list the tenant's datasets"),
                    runDatasets);

} // namespace ke::ctl
