#include "connectioncheck.h"

#include "migrator.h"

#include <libpq-fe.h>

#include <memory>
#include <vector>

namespace ke {

namespace {

using Outcome = ConnectionCheckReport::Outcome;

struct LibpqProbe
{
    bool connected = false;
    bool needsPassword = false;
    bool usedPassword = false;
    QString user;
    QString host;
    QString port;
    QString message; ///< libpq's, one line
};

// libpq alone, with the same parameters Database::connect gives it.
LibpqProbe probe(const ConnectionSettings &settings)
{
    const QByteArray url = settings.databaseUrl.toUtf8();
    const QByteArray password = settings.password.toUtf8();
    std::vector<const char *> keys;
    std::vector<const char *> values;
    keys.push_back("dbname"); // first, so that what follows overrides what it expands to
    values.push_back(url.constData());
    if (!password.isEmpty()) {
        keys.push_back("password");
        values.push_back(password.constData());
    }
    if (!settings.databaseUrl.contains(QLatin1String("connect_timeout"))
        && !qEnvironmentVariableIsSet("PGCONNECT_TIMEOUT")) {
        keys.push_back("connect_timeout");
        values.push_back("5");
    }
    keys.push_back(nullptr);
    values.push_back(nullptr);
    std::unique_ptr<PGconn, void (*)(PGconn *)> conn(
        PQconnectdbParams(keys.data(), values.data(), 1), PQfinish);
    LibpqProbe p;
    if (!conn)
        return p;
    p.connected = PQstatus(conn.get()) == CONNECTION_OK;
    p.needsPassword = PQconnectionNeedsPassword(conn.get()) == 1;
    p.usedPassword = PQconnectionUsedPassword(conn.get()) == 1;
    p.user = QString::fromUtf8(PQuser(conn.get()));
    p.host = QString::fromUtf8(PQhost(conn.get()));
    p.port = QString::fromUtf8(PQport(conn.get()));
    p.message = QString::fromUtf8(PQerrorMessage(conn.get())).simplified();
    return p;
}

} // namespace

ConnectionCheckReport ConnectionCheck::run(const ConnectionSettings &settings)
{
    ConnectionCheckReport report;
    report.latestSchemaVersion = Migrator::latestVersion();

    const LibpqProbe p = probe(settings);
    report.usedPassword = p.usedPassword;
    const QString login = p.user.isEmpty() ? tr("(default)") : p.user;
    if (!p.connected) {
        const QString where = p.host.startsWith(QLatin1Char('/'))
            ? tr("socket %1, port %2").arg(p.host, p.port)
            : tr("%1 port %2").arg(p.host, p.port);
        if (p.needsPassword) {
            report.outcome = Outcome::NeedsPassword;
            report.message = tr("The server asks login %1 for a password — type it and test "
                                "again (a password in ~/.pgpass or the service file is used "
                                "by itself).")
                                 .arg(login);
        } else if (p.message.contains(QLatin1String("password authentication failed"))
                   || (p.usedPassword && p.message.contains(QLatin1String("authentication")))) {
            report.outcome = Outcome::PasswordRefused;
            report.message = tr("The server refused the password of login %1 — check it (it may "
                                "also have expired) and try again.")
                                 .arg(login);
        } else if (p.message.contains(QLatin1String("FATAL"))
                   || p.message.contains(QLatin1String("ERROR:"))) {
            // The server answered: it exists, but will not let this login in.
            report.outcome = Outcome::LoginRefused;
            report.message
                = tr("The server at %1 refused login %2: %3").arg(where, login, p.message);
        } else {
            report.outcome = Outcome::Unreachable;
            report.message = tr("Cannot reach the database server at %1 — check the host and "
                                "port, your network or VPN, and that the server runs. (%2)")
                                 .arg(where, p.message);
        }
        return report;
    }

    ConnectionSettings untenanted = settings;
    untenanted.tenant.clear();
    untenanted.actor.clear();
    auto connected = Database::connect(untenanted);
    if (!connected) {
        report.outcome
            = connected.error().is(ErrorCode::Unreachable) ? Outcome::Unreachable : Outcome::Failed;
        report.message = connected.error().message;
        return report;
    }
    Database &db = **connected;
    report.login = db.login();
    report.serverVersion = db.serverVersion();
    const QString schema = settings.schema;

    if (auto version = Migrator::currentVersion(db); version) {
        report.schemaVersion = *version;
        if (*version == 0) {
            report.outcome = Outcome::NotMigrated;
            report.message = tr("Signed in as %1, but the database has no Knowledge Explorer "
                                "schema '%2' — ask the administrator to run `knowledgectl "
                                "migrate`.")
                                 .arg(report.login, schema);
            return report;
        }
        if (*version < report.latestSchemaVersion) {
            report.outcome = Outcome::NotMigrated;
            report.message = tr("The schema '%1' is at version %2, older than this version of "
                                "Knowledge Explorer needs (%3) — ask the administrator to run "
                                "`knowledgectl migrate`.")
                                 .arg(schema)
                                 .arg(*version)
                                 .arg(report.latestSchemaVersion);
            return report;
        }
        if (*version > report.latestSchemaVersion) {
            report.outcome = Outcome::SchemaTooNew;
            report.message = tr("The schema '%1' is at version %2, newer than this version of "
                                "Knowledge Explorer knows (%3) — upgrade Knowledge Explorer.")
                                 .arg(schema)
                                 .arg(*version)
                                 .arg(report.latestSchemaVersion);
            return report;
        }
    } else if (!version.error().is(ErrorCode::PermissionDenied)) {
        report.outcome = Outcome::Failed;
        report.message = version.error().message;
        return report;
    } // else: this login may not look into the schema at all — the tenants say why below

    const QString grantHint = tr("ask an administrator to run `knowledgectl access grant %1 "
                                 "--tenant TENANT`")
                                  .arg(report.login);
    auto tenants = db.tenants();
    if (!tenants) {
        if (tenants.error().is(ErrorCode::PermissionDenied)) {
            report.outcome = Outcome::NoGrant;
            report.message = tr("Signed in as %1, but this login holds no grant for any tenant "
                                "— %2.")
                                 .arg(report.login, grantHint);
        } else if (tenants.error().is(ErrorCode::NotMigrated)) {
            report.outcome = Outcome::NotMigrated;
            report.message = tr("Signed in as %1, but the schema '%2' is missing or out of date "
                                "— ask the administrator to run `knowledgectl migrate`.")
                                 .arg(report.login, schema);
        } else {
            report.outcome = Outcome::Failed;
            report.message = tenants.error().message;
        }
        return report;
    }
    report.tenants = *tenants;
    if (report.tenants.isEmpty()) {
        report.outcome = Outcome::NoGrant;
        report.message = tr("Signed in as %1, but this login holds no grant for any tenant — %2.")
                             .arg(report.login, grantHint);
        return report;
    }

    if (!settings.tenant.isEmpty()) {
        if (auto selected = db.setTenant(settings.tenant); !selected) {
            report.outcome = selected.error().is(ErrorCode::NoAccess) ? Outcome::NoTenantAccess
                                                                      : Outcome::Failed;
            report.message = selected.error().message;
            return report;
        }
        if (auto actor = db.adoptActor(settings.actor); !actor) {
            report.outcome = Outcome::Failed;
            report.message = actor.error().message;
            return report;
        }
        report.tenantId = db.tenantId();
        report.accessLevel = db.accessLevel();
        report.personId = db.actorId();
    }
    report.outcome = Outcome::Ok;
    report.message
        = tr("Signed in as %1 (%2): %n tenant(s) to choose from.", "", int(report.tenants.size()))
              .arg(report.login, report.serverVersion);
    return report;
}

} // namespace ke
