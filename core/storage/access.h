#pragma once

#include "database.h"
#include "result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

namespace ke {

/// Who may use which tenant: the grants of migration 0006 (login role → tenant → person, at
/// a level), kept by the schema owner (`knowledgectl access grant|revoke|list`).
///
/// A grant writes the row and puts the login into the level's group role of this schema
/// (<schema>_reader, _member, _service), which holds that level's privileges; row-level
/// security then admits the login to the granted tenants only. README "Access and deployment".
class Access
{
    Q_DECLARE_TR_FUNCTIONS(Access)

public:
    struct Grant
    {
        QString login;
        QUuid tenantId; ///< null: every tenant (a service grant)
        QString tenantSlug;
        QUuid personId; ///< null for a service grant without a person
        QString personHandle;
        QString level; ///< "reader", "member" or "service"
        QDateTime grantedAt;
        QString grantedBy;
    };

    /// The level names, in increasing order of rights.
    static QStringList levels();

    /// Grants `login` (an existing login role) `level` on `tenant` (UUID or slug; empty with
    /// `everyTenant` for a service grant on all tenants) as `person` (UUID or handle; an
    /// unknown handle becomes a new person; empty = a person with the login's name). A second
    /// grant for the same login and tenant replaces the first. Owner only.
    static Result<Grant> grant(Database &db, const QString &login, const QString &tenant,
                               const QString &person, const QString &level, bool everyTenant);
    /// Removes the login's grant on `tenant` (or its every-tenant grant) and takes it out of
    /// the group roles it no longer needs. Owner only.
    static Result<Grant> revoke(Database &db, const QString &login, const QString &tenant,
                                bool everyTenant);
    /// Every grant (owner), ordered by login and tenant.
    static Result<QList<Grant>> list(Database &db);
    /// Drops this schema's group roles (after the schema itself was dropped: a throwaway
    /// schema of a test, a benchmark or an evaluation).
    static Result<void> dropGroupRoles(Database &db);
    /// The group role of `level` in `schema`.
    static QString groupRole(const QString &schema, const QString &level);
};

} // namespace ke
