#include "access.h"

#include "database_p.h"

namespace ke {

namespace {

const char *const kSelectGrants
    = "SELECT g.login, g.tenant_id, t.slug, g.person_id, p.handle, g.level, g.granted_at, "
      "g.granted_by FROM {s}.access_grants g LEFT JOIN {s}.tenants t ON t.id = g.tenant_id "
      "LEFT JOIN {s}.people p ON p.tenant_id = g.tenant_id AND p.id = g.person_id ";

std::string withSchema(const char *sql, const Database &db)
{
    return toStd(QString::fromLatin1(sql).replace(QLatin1String("{s}"),
                                                  Database::quoteQualified(db.settings().schema)));
}

Access::Grant grantFromRow(const pqxx::row &row)
{
    Access::Grant g;
    readColumns(row, 0, g.login, g.tenantId, g.tenantSlug, g.personId, g.personHandle, g.level,
                g.grantedAt, g.grantedBy);
    return g;
}

/// Refuses anyone but the schema owner (or a superuser); the session looks across tenants for
/// the rest of the transaction.
Result<void> ownerOnly(pqxx::work &tx, Database &db, const QString &what)
{
    tx.exec("SELECT set_config('knowledge.tenant_id', '', true)");
    const pqxx::result r = tx.exec(withSchema("SELECT {s}.is_admin()", db));
    if (r[0][0].as<bool>())
        return {};
    return makeError(ErrorCode::PermissionDenied,
                     Access::tr("%1 is for the owner of the schema '%2' — login %3 is not it; run "
                                "it as the login that ran `knowledgectl migrate`")
                         .arg(what, db.settings().schema, db.login()));
}

/// Puts the login into the group role of every level it holds a grant at, and takes it out of
/// the others.
void syncGroups(pqxx::work &tx, Database &db, const QString &login)
{
    for (const QString &level : Access::levels()) {
        const pqxx::result has = tx.exec_params(
            withSchema("SELECT EXISTS (SELECT 1 FROM {s}.access_grants WHERE login = $1 AND "
                       "level = $2)",
                       db),
            toStd(login), toStd(level));
        const std::string role
            = tx.quote_name(toStd(Access::groupRole(db.settings().schema, level)));
        const std::string who = tx.quote_name(toStd(login));
        if (has[0][0].as<bool>())
            tx.exec("GRANT " + role + " TO " + who);
        else
            tx.exec("REVOKE " + role + " FROM " + who);
    }
}

} // namespace

QStringList Access::levels()
{
    return {QStringLiteral("reader"), QStringLiteral("member"), QStringLiteral("service")};
}

QString Access::groupRole(const QString &schema, const QString &level)
{
    return schema.left(55) + QLatin1Char('_') + level;
}

Result<Access::Grant> Access::grant(Database &db, const QString &login, const QString &tenant,
                                    const QString &person, const QString &level, bool everyTenant)
{
    if (!levels().contains(level))
        return makeError(
            ErrorCode::InvalidOption,
            tr("unknown access level '%1' — use reader, member or service").arg(level));
    if (everyTenant && level != QLatin1String("service"))
        return makeError(ErrorCode::InvalidOption,
                         tr("a grant for every tenant is for service logins only — add "
                            "--level service, or name one tenant with --tenant"));
    if (!everyTenant && tenant.isEmpty())
        return makeError(ErrorCode::NoTenant,
                         tr("name the tenant to grant with --tenant T (or --all-tenants for a "
                            "service login)"));
    return guarded(tr("granting %1 access to login %2").arg(level, login), [&]() -> Result<Grant> {
        pqxx::work tx(databasePrivate(db)->conn);
        if (auto r = ownerOnly(tx, db, QStringLiteral("`knowledgectl access grant`")); !r)
            return r.error();
        const pqxx::result role = tx.exec_params(
            "SELECT rolcanlogin FROM pg_catalog.pg_roles WHERE rolname = $1", toStd(login));
        if (role.empty())
            return makeError(ErrorCode::UnknownPerson,
                             tr("there is no login role '%1' on this server — create it first "
                                "(e.g. `CREATE ROLE %1 LOGIN PASSWORD '…'` as an administrator)")
                                 .arg(login));
        if (!role[0][0].as<bool>())
            return makeError(ErrorCode::InvalidPerson,
                             tr("the role '%1' cannot log in (NOLOGIN) — grant access to a login "
                                "role, or give it LOGIN first")
                                 .arg(login));
        std::optional<std::string> tenantId;
        if (!everyTenant) {
            const pqxx::result t
                = tx.exec_params(withSchema("SELECT {s}.resolve_tenant($1)", db), toStd(tenant));
            if (t[0][0].is_null())
                return makeError(ErrorCode::UnknownTenant,
                                 tr("unknown tenant '%1' — `knowledgectl status` lists the "
                                    "tenants, `knowledgectl tenant add SLUG` creates one")
                                     .arg(tenant));
            tenantId = t[0][0].c_str();
        }
        std::optional<std::string> personId;
        const QString handle = person.isEmpty() ? login : person;
        if (tenantId && (level != QLatin1String("service") || !person.isEmpty())) {
            const std::string people = withSchema("{s}.people", db);
            const QUuid asUuid = QUuid::fromString(handle);
            if (!asUuid.isNull()) {
                const pqxx::result p = tx.exec_params("SELECT id FROM " + people
                                                          + " WHERE tenant_id = $1 AND id = $2",
                                                      *tenantId, uuidToStd(asUuid));
                if (p.empty())
                    return makeError(ErrorCode::UnknownPerson,
                                     tr("tenant %1 has no person %2 — give a handle to create "
                                        "one")
                                         .arg(tenant, handle));
                personId = p[0][0].c_str();
            } else {
                if (!isValidPersonHandle(handle))
                    return makeError(ErrorCode::InvalidPerson,
                                     tr("'%1' is not a valid person handle (letters, digits, "
                                        ". _ @ -, at most 64) — give one with --person")
                                         .arg(handle));
                personId = uuidToStd(personForHandle(tx, people, *tenantId, handle));
            }
        }
        tx.exec_params(withSchema("INSERT INTO {s}.access_grants AS g (login, tenant_id, "
                                  "person_id, level) VALUES ($1, $2, $3, $4) ON CONFLICT "
                                  "(login, tenant_id) DO UPDATE SET person_id = "
                                  "excluded.person_id, level = excluded.level, granted_at = "
                                  "now(), granted_by = current_user",
                                  db),
                       toStd(login), tenantId, personId, toStd(level));
        syncGroups(tx, db, login);
        const pqxx::result out = tx.exec_params(
            withSchema(kSelectGrants, db)
                + "WHERE g.login = $1 AND g.tenant_id IS NOT DISTINCT FROM $2::uuid",
            toStd(login), tenantId);
        tx.commit();
        return grantFromRow(out[0]);
    });
}

Result<Access::Grant> Access::revoke(Database &db, const QString &login, const QString &tenant,
                                     bool everyTenant)
{
    if (!everyTenant && tenant.isEmpty())
        return makeError(ErrorCode::NoTenant,
                         tr("name the tenant to revoke with --tenant T (or --all-tenants)"));
    return guarded(tr("revoking the access of login %1").arg(login), [&]() -> Result<Grant> {
        pqxx::work tx(databasePrivate(db)->conn);
        if (auto r = ownerOnly(tx, db, QStringLiteral("`knowledgectl access revoke`")); !r)
            return r.error();
        std::optional<std::string> tenantId;
        if (!everyTenant) {
            const pqxx::result t
                = tx.exec_params(withSchema("SELECT {s}.resolve_tenant($1)", db), toStd(tenant));
            if (t[0][0].is_null())
                return makeError(ErrorCode::UnknownTenant, tr("unknown tenant '%1'").arg(tenant));
            tenantId = t[0][0].c_str();
        }
        const pqxx::result old = tx.exec_params(
            withSchema(kSelectGrants, db)
                + "WHERE g.login = $1 AND g.tenant_id IS NOT DISTINCT FROM $2::uuid",
            toStd(login), tenantId);
        if (old.empty())
            return makeError(ErrorCode::UnknownPerson,
                             tr("login %1 holds no grant on %2 — `knowledgectl access list` "
                                "shows the grants")
                                 .arg(login, everyTenant ? tr("every tenant") : tenant));
        tx.exec_params(withSchema("DELETE FROM {s}.access_grants WHERE login = $1 AND tenant_id "
                                  "IS NOT DISTINCT FROM $2::uuid",
                                  db),
                       toStd(login), tenantId);
        syncGroups(tx, db, login);
        tx.commit();
        return grantFromRow(old[0]);
    });
}

Result<QList<Access::Grant>> Access::list(Database &db)
{
    return guarded(tr("listing the grants"), [&]() -> Result<QList<Grant>> {
        pqxx::work tx(databasePrivate(db)->conn);
        if (auto r = ownerOnly(tx, db, QStringLiteral("`knowledgectl access list`")); !r)
            return r.error();
        const pqxx::result r
            = tx.exec(withSchema(kSelectGrants, db) + "ORDER BY g.login, t.slug NULLS FIRST");
        QList<Grant> out;
        for (const auto &row : r)
            out.append(grantFromRow(row));
        return out;
    });
}

Result<void> Access::dropGroupRoles(Database &db)
{
    return guarded(tr("dropping the group roles of schema %1").arg(db.settings().schema),
                   [&]() -> Result<void> {
                       pqxx::nontransaction tx(databasePrivate(db)->conn);
                       for (const QString &level : levels())
                           tx.exec("DROP ROLE IF EXISTS "
                                   + tx.quote_name(toStd(groupRole(db.settings().schema, level))));
                       return {};
                   });
}

} // namespace ke
