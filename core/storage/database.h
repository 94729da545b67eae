#pragma once

#include "connectionsettings.h"
#include "result.h"

#include <QCoreApplication>
#include <QUuid>

#include <memory>

namespace ke {

/// One connection to the shared PostgreSQL database, confined to one tenant.
///
/// Owns the libpq connection. libpq forbids sharing a connection between threads: create,
/// use and destroy a Database on one thread (one per worker thread). On connect it resolves
/// the tenant (UUID or slug) among those the login holds a grant for (any tenant for the
/// schema owner) and selects it, so that row-level security confines the session to it; the
/// actor is the login's granted person for a reader or member login, and — for a service
/// login or the owner — the given UUID or handle (an unknown handle becomes a new person).
class Database
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    /// Connects; when settings.tenant is set, also resolves and sets the tenant (which needs
    /// the schema to be migrated). Never throws.
    static Result<std::unique_ptr<Database>> connect(const ConnectionSettings &settings);
    ~Database();

    const ConnectionSettings &settings() const;
    /// Quoted, schema-qualified name of one of the product's tables, e.g. "knowledge"."datasets".
    QString table(const QString &name) const;
    /// Quoted, schema-qualified name of the events table.
    QString eventsTable() const;

    /// What the login may do in the selected tenant (migration 0006, README "Access").
    enum class AccessLevel { None, Reader, Member, Service, Owner };
    /// None until a tenant is selected (Owner for the schema owner or a superuser).
    AccessLevel accessLevel() const;
    /// The database login (current_user).
    QString login() const;
    /// A service login granted every tenant (the worker; a cross-tenant export may run).
    bool servesEveryTenant() const;

    /// Null when no tenant was given.
    QUuid tenantId() const;
    /// Null when no actor was given.
    QUuid actorId() const;

    /// Switches the session to another tenant (UUID or slug); refused with a message naming
    /// the `knowledgectl access grant` to ask for when the login holds no grant for it.
    Result<void> setTenant(const QString &uuidOrSlug);
    /// Makes `uuidOrHandle` the actor of this session's writes: for the owner and a service
    /// login the named person (an unknown handle becomes a new person; empty = none); for a
    /// reader or member login always its granted person — naming another one is refused.
    Result<void> adoptActor(const QString &uuidOrHandle);
    /// Resolves a person by UUID or handle within the current tenant; creates the person
    /// when `createIfMissing` and the handle is unknown.
    Result<QUuid> resolvePerson(const QString &uuidOrHandle, bool createIfMissing);
    /// The handle of a person of the current tenant (the status bar's "You: bea"); empty when
    /// the id is no known person (an orchestrator's user id).
    Result<QString> personHandle(const QUuid &personId);

    /// Creates a tenant (an admin operation; needs a role that may write the tenants
    /// table). Returns the existing id when the slug is already taken by the same name.
    Result<QUuid> createTenant(const QString &slug, const QString &name, QUuid id = {});

    struct TenantInfo
    {
        QUuid id;
        QString slug;
        QString name;
    };
    /// The tenants this connection may see (all of them for the owner role).
    Result<QList<TenantInfo>> tenants();
    /// What a batch command without a tenant works on: every tenant this connection may see,
    /// after registering the tenants that have events in the events table but no row in the
    /// product's tenants table (an orchestrator's tenants; see registerTenantFromEvents).
    Result<QList<TenantInfo>> batchTenants();
    /// Registers a tenant UUID that has events in the events table (an orchestrator keeps its
    /// own tenants): slug from the orchestrator's `<its schema>.tenants` (slug, else name)
    /// when readable, else "tenant-<first 8 hex digits>". Returns false when the UUID has no
    /// events (nothing registered). Needs a role that may write the tenants table.
    Result<bool> registerTenantFromEvents(const QUuid &id);

    /// False once the server connection is lost (a new Database must be connected then).
    bool isConnected() const;

    /// "PostgreSQL 15.18" and the like.
    QString serverVersion() const;

    /// Quotes a possibly schema-qualified identifier ("a.b" -> "a"."b").
    static QString quoteQualified(const QString &name);

    struct Private;

private:
    /// Core's own way to the connection (declared again in database_p.h, which only core sees).
    friend Private *databasePrivate(const Database &db);

    Database();
    std::unique_ptr<Private> d;
};

} // namespace ke
