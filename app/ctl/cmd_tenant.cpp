// knowledgectl tenant add SLUG [--id UUID] [--name NAME]

#include "commands.h"

namespace ke::ctl {
namespace {

int runTenant(CommandContext &ctx)
{
    if (ctx.args.size() < 2 || ctx.args.first() != QLatin1String("add"))
        return ctx.fail(
            Messages::tr("usage: knowledgectl tenant add SLUG [--id UUID] [--name NAME]"));
    ctx.args.removeFirst();
    const QString name = takeOption(ctx.args, QStringLiteral("--name")).value_or(QString());
    const QString idText = takeOption(ctx.args, QStringLiteral("--id")).value_or(QString());
    const QUuid id = QUuid::fromString(idText);
    if (!idText.isEmpty() && id.isNull())
        return ctx.fail(Messages::tr("'%1' is not a tenant UUID — usage: knowledgectl tenant add "
                                     "SLUG [--id UUID] [--name NAME]")
                            .arg(idText));
    if (ctx.args.size() != 1)
        return ctx.fail(
            Messages::tr("usage: knowledgectl tenant add SLUG [--id UUID] [--name NAME]"));
    const QString slug = ctx.args.value(0);
    return ctx.withDatabaseWithoutTenant([&](Database &db) {
        auto created = db.createTenant(slug, name, id);
        if (!created)
            return ctx.fail(created.error());
        if (!id.isNull() && *created != id)
            return ctx.fail(
                Messages::tr("the slug '%1' already names tenant %2 — choose another slug")
                    .arg(slug, created->toString(QUuid::WithoutBraces)));
        ctx.out << created->toString(QUuid::WithoutBraces) << Qt::endl;
        return 0;
    });
}

} // namespace

KE_REGISTER_COMMAND("tenant", "add SLUG [--id UUID] [--name NAME]",
                    QT_TRANSLATE_NOOP("knowledgectl",
                                      "create a tenant, or name one by its UUID (--id)"),
                    runTenant);

} // namespace ke::ctl
