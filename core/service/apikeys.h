#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace ke {

class Database;

/// One API key of the HTTP service (migration 0007): a tenant, a person of it, member rights.
struct ApiKey
{
    QUuid id;
    QUuid tenantId;
    QString tenantSlug;
    QString name;
    QUuid personId;
    QString personHandle;
    QString prefix; ///< the key's first characters ("ke_AbC12"), to tell keys apart
    std::optional<int> ratePerMinute; ///< nullopt: no limit
    QDateTime createdAt;
    QString createdBy;
    QDateTime revokedAt; ///< null while the key is live
};

/// What a session speaking for a key is, as the database says (not as the caller thinks).
struct KeySession
{
    QUuid keyId;
    QUuid tenantId;
    QUuid personId;
    std::optional<int> ratePerMinute;
};

/// The API keys: made, listed and revoked by the schema owner (`knowledgectl api-key`), and
/// selected by the HTTP service for each request. Only a SHA-256 of a key is stored; the key
/// itself is shown once, by create().
///
/// select() is the confinement: it hands the key to the database (knowledge.api_key), which
/// from then on derives the session's tenant, person and level from the key's row (0007's
/// session functions); the Database's tenantId(), actorId() and accessLevel() are set from what
/// the database answers. Stateless; use with the calling thread's Database.
class ApiKeys
{
    Q_DECLARE_TR_FUNCTIONS(ApiKeys)

public:
    struct Created
    {
        ApiKey key;
        QString secret; ///< the key itself, e.g. "ke_…" (43 characters after the prefix)
    };
    /// Makes a key for db's tenant (owner only) as `person` (UUID or handle; an unknown handle
    /// becomes a new person) named `name`; without a person, the person is the one whose handle
    /// is the name (made when missing); without a name, the name is the person's handle.
    static Result<Created> create(Database &db, const QString &person, const QString &name,
                                  std::optional<int> ratePerMinute);
    /// The keys of db's tenant, or of every tenant without one (owner only), newest first.
    static Result<QList<ApiKey>> list(Database &db);
    /// Revokes the key with this id (a UUID) or unique prefix; a revoked key selects nothing
    /// from the next statement on. Owner only.
    static Result<ApiKey> revoke(Database &db, const QString &idOrPrefix);

    /// Whether `secret` has the shape of a key (checked before the database is asked).
    static bool looksLikeKey(const QString &secret);
    /// Selects the key for db's session (see the class comment). Unauthorized when the key is
    /// unknown or revoked (nothing of any tenant is visible then).
    static Result<KeySession> select(Database &db, const QString &secret);
};

} // namespace ke
