// knowledgectl access grant LOGIN --tenant T [--person P] [--level reader|member|service]
//                                 | --all-tenants --level service
// knowledgectl access revoke LOGIN --tenant T | --all-tenants
// knowledgectl access list [--json]
// Run by the schema owner (README "Access and deployment").

#include "access.h"
#include "commands.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ke::ctl {
namespace {

QString usage()
{
    return Messages::tr("usage: knowledgectl access grant LOGIN --tenant T [--person P] [--level "
                        "reader|member|service] | access grant LOGIN --all-tenants --level "
                        "service | access revoke LOGIN --tenant T | access list [--json]");
}

QString describe(const Access::Grant &g)
{
    const QString tenant = g.tenantId.isNull() ? Messages::tr("every tenant") : g.tenantSlug;
    if (g.personHandle.isEmpty())
        return Messages::tr("%1: %2 of %3").arg(g.login, g.level, tenant);
    return Messages::tr("%1: %2 of %3 as %4").arg(g.login, g.level, tenant, g.personHandle);
}

int runAccess(CommandContext &ctx)
{
    const QString verb = ctx.args.isEmpty() ? QString() : ctx.args.takeFirst();
    const bool everyTenant = takeFlag(ctx.args, QStringLiteral("--all-tenants"));
    const QString person = takeOption(ctx.args, QStringLiteral("--person")).value_or(QString());
    const std::optional<QString> level = takeOption(ctx.args, QStringLiteral("--level"));
    const bool json = takeFlag(ctx.args, QStringLiteral("--json"));
    const bool known = verb == QLatin1String("grant") || verb == QLatin1String("revoke")
        || verb == QLatin1String("list");
    const qsizetype positional = verb == QLatin1String("list") ? 0 : 1;
    if (!known || ctx.args.size() != positional)
        return ctx.fail(usage());
    if (everyTenant && !ctx.settings.tenant.isEmpty())
        return ctx.fail(Messages::tr("give either --tenant or --all-tenants, not both"));
    // The grant's tenant is an argument here, not the session's: connect without one.
    ConnectionSettings admin = ctx.settings;
    admin.tenant.clear();
    admin.actor.clear();
    auto db = Database::connect(admin);
    if (!db)
        return ctx.fail(db.error());

    if (verb == QLatin1String("list")) {
        auto grants = Access::list(**db);
        if (!grants)
            return ctx.fail(grants.error());
        if (json) {
            QJsonArray rows;
            for (const Access::Grant &g : std::as_const(*grants)) {
                rows.append(QJsonObject{
                    {QStringLiteral("login"), g.login},
                    {QStringLiteral("tenant_id"),
                     g.tenantId.isNull() ? QJsonValue()
                                         : QJsonValue(g.tenantId.toString(QUuid::WithoutBraces))},
                    {QStringLiteral("tenant"), g.tenantId.isNull() ? QJsonValue() : g.tenantSlug},
                    {QStringLiteral("person_id"),
                     g.personId.isNull() ? QJsonValue()
                                         : QJsonValue(g.personId.toString(QUuid::WithoutBraces))},
                    {QStringLiteral("person"),
                     g.personHandle.isEmpty() ? QJsonValue() : g.personHandle},
                    {QStringLiteral("level"), g.level},
                    {QStringLiteral("granted_at"), g.grantedAt.toString(Qt::ISODateWithMs)},
                    {QStringLiteral("granted_by"), g.grantedBy}});
            }
            ctx.out << QJsonDocument(rows).toJson(QJsonDocument::Indented);
        } else if (grants->isEmpty()) {
            ctx.out << Messages::tr("no grants yet — `knowledgectl access grant LOGIN --tenant T` "
                                    "gives a login access to a tenant")
                    << Qt::endl;
        } else {
            for (const Access::Grant &g : std::as_const(*grants))
                ctx.out << describe(g) << '\t' << g.grantedAt.toString(Qt::ISODate) << '\t'
                        << g.grantedBy << '\n';
        }
        ctx.out.flush();
        return 0;
    }

    const QString login = ctx.args.first();
    if (verb == QLatin1String("grant")) {
        auto g = Access::grant(
            **db, login, ctx.settings.tenant, person,
            level.value_or(everyTenant ? QStringLiteral("service") : QStringLiteral("member")),
            everyTenant);
        if (!g)
            return ctx.fail(g.error());
        ctx.out << Messages::tr("granted %1").arg(describe(*g)) << Qt::endl;
        return 0;
    }
    auto g = Access::revoke(**db, login, ctx.settings.tenant, everyTenant);
    if (!g)
        return ctx.fail(g.error());
    ctx.out << Messages::tr("revoked %1").arg(describe(*g)) << Qt::endl;
    return 0;
}

} // namespace

KE_REGISTER_COMMAND("access",
                    "grant LOGIN --tenant T [--person P] [--level reader|member|service] | "
                    "revoke LOGIN --tenant T | list [--json]",
                    QT_TRANSLATE_NOOP("knowledgectl",
                                      "give database logins access to tenants (schema owner)"),
                    runAccess);

} // namespace ke::ctl
