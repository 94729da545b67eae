// knowledgectl status [--json] — what the database holds: server, schema version, events
// table, event counts (per type for a tenant, per tenant otherwise), pgvector.

#include "commands.h"
#include "eventlog.h"
#include "migrator.h"
#include "serverinfo.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ke::ctl {
namespace {

QString events(qint64 n)
{
    return Messages::tr("%n event(s)", nullptr, int(n));
}

int runStatus(CommandContext &ctx)
{
    const bool json = takeFlag(ctx.args, QStringLiteral("--json"));
    if (!ctx.args.isEmpty())
        return ctx.fail(
            Messages::tr("usage: knowledgectl status [--json] — unexpected argument '%1'")
                .arg(ctx.args.first()));

    // With a tenant: connect as that tenant; if the schema is not migrated yet, still report
    // what we can without one.
    const bool wantTenant = !ctx.settings.tenant.isEmpty();
    auto db = ctx.connect(wantTenant);
    bool haveTenant = wantTenant;
    if (!db && wantTenant && db.error().is(ErrorCode::NotMigrated)) {
        db = ctx.connect(false);
        haveTenant = false;
    }
    if (!db)
        return ctx.fail(db.error());
    Database &database = **db;

    auto server = ServerInfo::query(database);
    if (!server)
        return ctx.fail(server.error());
    auto version = Migrator::currentVersion(database);
    if (!version)
        return ctx.fail(version.error());
    const int latest = Migrator::latestVersion();
    const bool migrated = *version > 0;
    const bool ownsEvents = ctx.settings.ownsEventsTable();

    EventLog log(database);
    QList<QPair<QString, qint64>> byType;
    QList<TenantEventCount> byTenant;
    QString countsError;
    if (migrated || !ownsEvents) {
        if (haveTenant) {
            auto c = log.countsByType();
            if (c)
                byType = *c;
            else
                countsError = c.error().message;
        } else if (migrated) {
            auto c = log.countsByTenant();
            if (c)
                byTenant = *c;
            else
                countsError = c.error().message;
        }
    }
    qint64 total = 0;
    for (const auto &c : byType)
        total += c.second;

    if (json) {
        QJsonObject o;
        o.insert(QStringLiteral("server_version"), server->version);
        o.insert(QStringLiteral("database"), ctx.settings.redactedUrl());
        o.insert(QStringLiteral("schema"),
                 QJsonObject{{QStringLiteral("name"), ctx.settings.schema},
                             {QStringLiteral("version"), *version},
                             {QStringLiteral("latest"), latest},
                             {QStringLiteral("migrated"), migrated},
                             {QStringLiteral("up_to_date"), *version == latest}});
        o.insert(QStringLiteral("events_table"), database.eventsTable());
        o.insert(QStringLiteral("events_table_owned"), ownsEvents);
        o.insert(
            QStringLiteral("pgvector"),
            QJsonObject{{QStringLiteral("available"), server->pgvectorAvailable},
                        {QStringLiteral("installed"), server->pgvectorInstalled},
                        {QStringLiteral("version"),
                         server->pgvectorVersion.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                           : QJsonValue(server->pgvectorVersion)}});
        if (haveTenant) {
            QJsonObject counts;
            for (const auto &c : byType)
                counts.insert(c.first, c.second);
            o.insert(QStringLiteral("tenant"),
                     QJsonObject{
                         {QStringLiteral("name"), ctx.settings.tenant},
                         {QStringLiteral("id"), database.tenantId().toString(QUuid::WithoutBraces)},
                         {QStringLiteral("events"), total},
                         {QStringLiteral("event_counts"), counts}});
        } else {
            QJsonArray tenants;
            for (const auto &t : byTenant) {
                tenants.append(QJsonObject{
                    {QStringLiteral("id"), t.tenantId.toString(QUuid::WithoutBraces)},
                    {QStringLiteral("slug"),
                     t.slug.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(t.slug)},
                    {QStringLiteral("registered"), !t.slug.isEmpty()},
                    {QStringLiteral("events"), t.events}});
            }
            o.insert(QStringLiteral("tenants"), tenants);
        }
        if (!countsError.isEmpty())
            o.insert(QStringLiteral("error"), countsError);
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        ctx.out.flush();
        return countsError.isEmpty() ? 0 : 1;
    }

    ctx.out
        << Messages::tr("server:       %1 (%2)").arg(server->version, ctx.settings.redactedUrl())
        << '\n';
    QString schemaLine;
    if (!migrated)
        schemaLine = Messages::tr("not migrated — run `knowledgectl migrate`");
    else if (*version == latest)
        schemaLine = Messages::tr("version %1 (up to date)").arg(*version);
    else if (*version < latest)
        schemaLine = Messages::tr("version %1, this build knows %2 — run `knowledgectl migrate`")
                         .arg(*version)
                         .arg(latest);
    else
        schemaLine = Messages::tr("version %1, newer than this build (%2) — upgrade knowledgectl")
                         .arg(*version)
                         .arg(latest);
    ctx.out << Messages::tr("schema:       %1: %2").arg(ctx.settings.schema, schemaLine) << '\n';
    ctx.out << Messages::tr("events table: %1 (%2)")
                   .arg(database.eventsTable(),
                        ownsEvents ? Messages::tr("the product's own")
                                   : Messages::tr("external, read and appended only"))
            << '\n';
    QString vector;
    if (server->pgvectorInstalled)
        vector = Messages::tr("installed (%1)").arg(server->pgvectorVersion);
    else if (server->pgvectorAvailable)
        vector = Messages::tr("available (%1), not installed in this database")
                     .arg(server->pgvectorVersion);
    else
        vector = Messages::tr("not available — embeddings are stored as real[]");
    ctx.out << Messages::tr("pgvector:     %1").arg(vector) << '\n';

    if (haveTenant) {
        ctx.out << Messages::tr("tenant:       %1 (%2): %3")
                       .arg(ctx.settings.tenant, database.tenantId().toString(QUuid::WithoutBraces),
                            events(total))
                << '\n';
        for (const auto &c : byType)
            ctx.out << "  " << c.first.leftJustified(28) << ' ' << c.second << '\n';
    } else if (migrated) {
        ctx.out << Messages::tr("tenants:      %1").arg(byTenant.size()) << '\n';
        for (const auto &t : byTenant) {
            ctx.out << "  " << (t.slug.isEmpty() ? QStringLiteral("-") : t.slug).leftJustified(20)
                    << ' ' << t.tenantId.toString(QUuid::WithoutBraces) << "  " << events(t.events);
            // Seen in the events table only (an orchestrator's tenant): registered on first use.
            if (t.slug.isEmpty())
                ctx.out << "  "
                        << Messages::tr("(not registered: registered on first use, or name it "
                                        "with `knowledgectl tenant add SLUG --id %1`)")
                               .arg(t.tenantId.toString(QUuid::WithoutBraces));
            ctx.out << '\n';
        }
    }
    ctx.out.flush();
    if (!countsError.isEmpty())
        return ctx.fail(countsError);
    return 0;
}

} // namespace

KE_REGISTER_COMMAND("status", "[--json]",
                    QT_TRANSLATE_NOOP("knowledgectl",
                                      "server, schema version, event counts, pgvector"),
                    runStatus);

} // namespace ke::ctl
