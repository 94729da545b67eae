// knowledgectl api-key create --tenant T [--person P] [--name N] [--rate N] | list [--json] |
// revoke ID

#include "apikeys.h"
#include "commands.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ke::ctl {
namespace {

QString usage()
{
    return Messages::tr("usage: knowledgectl api-key create --tenant T [--person P] [--name N] "
                        "[--rate PER_MINUTE] | api-key list [--json] | api-key revoke ID");
}

QJsonObject toJson(const ApiKey &k)
{
    const auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    return {{QStringLiteral("id"), k.id.toString(QUuid::WithoutBraces)},
            {QStringLiteral("tenant_id"), k.tenantId.toString(QUuid::WithoutBraces)},
            {QStringLiteral("tenant"), orNull(k.tenantSlug)},
            {QStringLiteral("name"), k.name},
            {QStringLiteral("person_id"), k.personId.toString(QUuid::WithoutBraces)},
            {QStringLiteral("person"), orNull(k.personHandle)},
            {QStringLiteral("prefix"), k.prefix},
            {QStringLiteral("rate_per_minute"),
             k.ratePerMinute ? QJsonValue(*k.ratePerMinute) : QJsonValue()},
            {QStringLiteral("created_at"), k.createdAt.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("created_by"), k.createdBy},
            {QStringLiteral("revoked_at"),
             k.revokedAt.isValid() ? QJsonValue(k.revokedAt.toUTC().toString(Qt::ISODateWithMs))
                                   : QJsonValue()}};
}

int create(CommandContext &ctx)
{
    const QString person = takeOption(ctx.args, QStringLiteral("--person")).value_or(QString());
    const QString name = takeOption(ctx.args, QStringLiteral("--name")).value_or(QString());
    const auto rateText = takeOption(ctx.args, QStringLiteral("--rate"));
    std::optional<int> rate;
    if (rateText) {
        bool ok = false;
        rate = rateText->toInt(&ok);
        if (!ok || *rate < 1)
            return ctx.fail(Messages::tr("--rate wants a positive number of requests per "
                                         "minute, got '%1'")
                                .arg(*rateText));
    }
    if (!ctx.args.isEmpty())
        return ctx.fail(usage());
    if (auto missing = ctx.missingTenant())
        return ctx.fail(*missing);
    return ctx.withDatabase([&](Database &db) {
        auto made = ApiKeys::create(db, person, name, rate);
        if (!made)
            return ctx.fail(made.error());
        ctx.out << Messages::tr("API key %1 \"%2\" for tenant %3 as %4 — shown this once, only "
                                "its hash is stored:")
                       .arg(made->key.id.toString(QUuid::WithoutBraces), made->key.name,
                            made->key.tenantSlug,
                            made->key.personHandle.isEmpty()
                                ? made->key.personId.toString(QUuid::WithoutBraces)
                                : made->key.personHandle)
                << '\n'
                << made->secret << Qt::endl;
        return 0;
    });
}

int list(CommandContext &ctx)
{
    const bool json = takeFlag(ctx.args, QStringLiteral("--json"));
    if (!ctx.args.isEmpty())
        return ctx.fail(usage());
    const auto body = [&](Database &db) {
        auto keys = ApiKeys::list(db);
        if (!keys)
            return ctx.fail(keys.error());
        if (json) {
            QJsonArray a;
            for (const ApiKey &k : std::as_const(*keys))
                a.append(toJson(k));
            ctx.out << QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("keys"), a}})
                                             .toJson(QJsonDocument::Compact))
                    << Qt::endl;
            return 0;
        }
        if (keys->isEmpty())
            ctx.out << Messages::tr("no API keys") << '\n';
        for (const ApiKey &k : std::as_const(*keys))
            ctx.out << k.id.toString(QUuid::WithoutBraces) << "  " << k.prefix << "…  "
                    << k.tenantSlug << "  " << k.name << "  "
                    << (k.personHandle.isEmpty() ? k.personId.toString(QUuid::WithoutBraces)
                                                 : k.personHandle)
                    << "  "
                    << (k.revokedAt.isValid() ? Messages::tr("revoked %1")
                                                    .arg(k.revokedAt.toUTC().toString(
                                                        QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")))
                                              : Messages::tr("live"))
                    << '\n';
        ctx.out.flush();
        return 0;
    };
    return ctx.settings.tenant.isEmpty() ? ctx.withDatabaseWithoutTenant(body)
                                         : ctx.withDatabase(body);
}

int revoke(CommandContext &ctx)
{
    if (ctx.args.size() != 1)
        return ctx.fail(usage());
    const QString id = ctx.args.first();
    const auto body = [&](Database &db) {
        auto revoked = ApiKeys::revoke(db, id);
        if (!revoked)
            return ctx.fail(revoked.error());
        ctx.out << Messages::tr("revoked API key %1 \"%2\" of tenant %3")
                       .arg(revoked->id.toString(QUuid::WithoutBraces), revoked->name,
                            revoked->tenantSlug)
                << Qt::endl;
        return 0;
    };
    return ctx.settings.tenant.isEmpty() ? ctx.withDatabaseWithoutTenant(body)
                                         : ctx.withDatabase(body);
}

int runApiKey(CommandContext &ctx)
{
    const QString sub = ctx.args.isEmpty() ? QString() : ctx.args.takeFirst();
    if (sub == QLatin1String("create"))
        return create(ctx);
    if (sub == QLatin1String("list"))
        return list(ctx);
    if (sub == QLatin1String("revoke"))
        return revoke(ctx);
    return ctx.fail(usage());
}

} // namespace

KE_REGISTER_COMMAND("api-key",
                    "create --tenant T [--person P] [--name N] [--rate N] | list [--json] | "
                    "revoke ID",
                    QT_TRANSLATE_NOOP("knowledgectl",
                                      "make, list and revoke the HTTP service's API keys (owner)"),
                    runApiKey);

} // namespace ke::ctl
