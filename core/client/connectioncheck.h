#pragma once

#include "connectionsettings.h"
#include "database.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QUuid>

namespace ke {

/// What "Test connection" found out, in words a person can act on.
struct ConnectionCheckReport
{
    enum class Outcome {
        Ok, ///< signed in; `tenants` are the login's (and the chosen one was selected)
        NeedsPassword, ///< the server wants a password and libpq found none (.pgpass, service)
        PasswordRefused, ///< the server refused the password
        Unreachable, ///< no server answered (host, port, network, timeout)
        LoginRefused, ///< the server answered but refused the login (unknown role, pg_hba, …)
        NoGrant, ///< signed in, but the login holds a grant for no tenant of this schema
        NoTenantAccess, ///< the chosen tenant is not among the login's grants
        NotMigrated, ///< the schema is missing or older than this build (knowledgectl migrate)
        SchemaTooNew, ///< the schema is newer than this build knows (upgrade the app)
        Failed, ///< anything else; `message` says what
    };
    Outcome outcome = Outcome::Failed;
    QString message; ///< for people, translated; never contains the password
    QString login; ///< current_user, once signed in
    QString serverVersion; ///< "PostgreSQL 15.18", once signed in
    QList<Database::TenantInfo> tenants; ///< the tenants the login holds grants for
    bool usedPassword = false; ///< the server asked for a password and got one
    int schemaVersion = -1; ///< -1 = not readable by this login
    int latestSchemaVersion = 0;
    /// With a tenant chosen and Ok: the selected tenant, the login's level and person there.
    QUuid tenantId;
    Database::AccessLevel accessLevel = Database::AccessLevel::None;
    QUuid personId;

    bool ok() const { return outcome == Outcome::Ok; }
};

/// Tries a connection the way the app will use it and says what is wrong: first libpq alone
/// (so that a missing or refused password and an unreachable server are told apart with
/// PQconnectionNeedsPassword / PQconnectionUsedPassword), then the product's Database without
/// a tenant (the login's grants: Database::tenants(), which row-level security limits to the
/// granted ones), the schema's version (Migrator), and — when `settings.tenant` is set — that
/// tenant and the login's person in it.
///
/// Stateless and blocking (it waits for the network, up to the connect timeout): call it from
/// a worker thread, never the GUI thread. Opens its own connections and closes them; the
/// thread's cached connection (threadDatabase) is not touched.
class ConnectionCheck
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionCheck)

public:
    static ConnectionCheckReport run(const ConnectionSettings &settings);
};

} // namespace ke
