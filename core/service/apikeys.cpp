#include "apikeys.h"

#include "database_p.h"
#include "uuid.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace ke {

namespace {

constexpr qsizetype prefixLength = 8; // "ke_" and five characters of the secret

QString makeSecret()
{
    quint32 words[8];
    QRandomGenerator::system()->fillRange(words); // 256 bits from the operating system
    const QByteArray bytes(reinterpret_cast<const char *>(words), sizeof(words));
    return QStringLiteral("ke_")
        + QString::fromLatin1(
               bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::string hashHex(const QString &secret)
{
    return QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256)
        .toHex()
        .toStdString();
}

Result<void> requireOwner(const Database &db, const QString &what)
{
    if (db.accessLevel() == Database::AccessLevel::Owner)
        return {};
    return makeError(ErrorCode::PermissionDenied,
                     ApiKeys::tr("%1 is for the schema owner; login %2 is not — run it as the "
                                 "owner (the login that ran `knowledgectl migrate`)")
                         .arg(what, db.login()));
}

std::string listSql(const Database &db, const std::string &where)
{
    return "SELECT k.id, k.tenant_id, t.slug, k.name, k.person_id, p.handle, k.key_prefix, "
           "k.rate_per_minute, k.created_at, k.created_by, k.revoked_at FROM "
        + toStd(db.table(QStringLiteral("api_keys"))) + " k LEFT JOIN "
        + toStd(db.table(QStringLiteral("tenants"))) + " t ON t.id = k.tenant_id LEFT JOIN "
        + toStd(db.table(QStringLiteral("people")))
        + " p ON p.tenant_id = k.tenant_id AND p.id = k.person_id " + where;
}

ApiKey keyFromRow(const pqxx::row &r)
{
    ApiKey k;
    readColumns(r, 0, k.id, k.tenantId, k.tenantSlug, k.name, k.personId, k.personHandle, k.prefix,
                k.ratePerMinute, k.createdAt, k.createdBy, k.revokedAt);
    return k;
}

} // namespace

bool ApiKeys::looksLikeKey(const QString &secret)
{
    static const QRegularExpression shape(QStringLiteral("^ke_[A-Za-z0-9_-]{43}$"));
    return shape.match(secret).hasMatch();
}

Result<ApiKeys::Created> ApiKeys::create(Database &db, const QString &person, const QString &name,
                                         std::optional<int> ratePerMinute)
{
    if (db.tenantId().isNull())
        return makeError(ErrorCode::NoTenant,
                         tr("an API key belongs to a tenant — give --tenant T"));
    if (auto owner = requireOwner(db, QStringLiteral("api-key create")); !owner)
        return owner.error();
    if (ratePerMinute && *ratePerMinute < 1)
        return makeError(ErrorCode::InvalidOption,
                         tr("--rate must be a positive number of requests per minute"));
    const QUuid id = createUuidV7();
    QString keyName = name.trimmed();
    const QString personKey = person.trimmed().isEmpty() ? keyName : person.trimmed();
    if (personKey.isEmpty())
        keyName = QStringLiteral("api-") + id.toString(QUuid::WithoutBraces).right(8);
    auto personId = db.resolvePerson(personKey.isEmpty() ? keyName : personKey, true);
    if (!personId)
        return personId.error();
    if (keyName.isEmpty()) {
        auto handle = db.personHandle(*personId);
        if (!handle)
            return handle.error();
        keyName = handle->isEmpty() ? personKey : *handle;
    }
    const QString secret = makeSecret();
    auto stored = guarded(tr("storing the API key"), [&]() -> Result<void> {
        pqxx::work tx(databasePrivate(db)->conn);
        tx.exec_params("INSERT INTO " + toStd(db.table(QStringLiteral("api_keys")))
                           + " (tenant_id, id, name, person_id, key_hash, key_prefix, "
                             "rate_per_minute) VALUES ($1, $2, $3, $4, decode($5, 'hex'), $6, $7)",
                       uuidToStd(db.tenantId()), uuidToStd(id), toStd(keyName),
                       uuidToStd(*personId), hashHex(secret), toStd(secret.left(prefixLength)),
                       ratePerMinute ? std::optional<int>(*ratePerMinute) : std::nullopt);
        tx.commit();
        return {};
    });
    if (!stored)
        return stored.error();
    auto keys = list(db);
    if (!keys)
        return keys.error();
    for (const ApiKey &k : std::as_const(*keys)) {
        if (k.id == id)
            return Created{k, secret};
    }
    return makeError(
        ErrorCode::Internal,
        tr("the new API key %1 cannot be read back").arg(id.toString(QUuid::WithoutBraces)));
}

Result<QList<ApiKey>> ApiKeys::list(Database &db)
{
    if (!db.tenantId().isNull()) {
        if (auto owner = requireOwner(db, QStringLiteral("api-key list")); !owner)
            return owner.error();
    }
    return guarded(tr("listing the API keys"), [&]() -> Result<QList<ApiKey>> {
        pqxx::nontransaction tx(databasePrivate(db)->conn);
        const pqxx::result r = tx.exec_params(
            listSql(db,
                    "WHERE ($1 = '' OR k.tenant_id::text = $1) ORDER BY k.created_at DESC, k.id"),
            db.tenantId().isNull() ? std::string() : uuidToStd(db.tenantId()));
        QList<ApiKey> keys;
        for (const auto &row : r)
            keys.append(keyFromRow(row));
        return keys;
    });
}

Result<ApiKey> ApiKeys::revoke(Database &db, const QString &idOrPrefix)
{
    if (!db.tenantId().isNull()) {
        if (auto owner = requireOwner(db, QStringLiteral("api-key revoke")); !owner)
            return owner.error();
    }
    const QString key = idOrPrefix.trimmed();
    if (key.isEmpty())
        return makeError(ErrorCode::Usage,
                         tr("give the id of the key to revoke (`knowledgectl "
                            "api-key list` shows them)"));
    auto revoked = guarded(tr("revoking API key %1").arg(key), [&]() -> Result<QList<QUuid>> {
        pqxx::work tx(databasePrivate(db)->conn);
        const pqxx::result r = tx.exec_params(
            "UPDATE " + toStd(db.table(QStringLiteral("api_keys")))
                + " SET revoked_at = coalesce(revoked_at, now()) WHERE (id::text = lower($1) "
                  "OR key_prefix = $1) AND ($2 = '' OR tenant_id::text = $2) RETURNING id",
            toStd(key), db.tenantId().isNull() ? std::string() : uuidToStd(db.tenantId()));
        QList<QUuid> ids;
        for (const auto &row : r)
            ids.append(uuidFromField(row[0]));
        if (ids.size() > 1)
            return ids; // ambiguous: rolled back below
        tx.commit();
        return ids;
    });
    if (!revoked)
        return revoked.error();
    if (revoked->isEmpty())
        return makeError(ErrorCode::NoKey,
                         tr("no API key '%1' — `knowledgectl api-key list` "
                            "shows the keys and their ids")
                             .arg(key));
    if (revoked->size() > 1)
        return makeError(
            ErrorCode::Usage,
            tr("'%1' names %n API keys — give the key's id", nullptr, int(revoked->size()))
                .arg(key));
    auto keys = list(db);
    if (!keys)
        return keys.error();
    for (const ApiKey &k : std::as_const(*keys)) {
        if (k.id == revoked->first())
            return k;
    }
    return makeError(ErrorCode::Internal, tr("the revoked API key cannot be read back"));
}

Result<KeySession> ApiKeys::select(Database &db, const QString &secret)
{
    Database::Private *d = databasePrivate(db);
    const Error refused
        = makeError(ErrorCode::Unauthorized,
                    tr("the API key is unknown or revoked — ask an administrator for a key "
                       "(`knowledgectl api-key create`)"));
    // Until the database has said otherwise, the session is nobody's.
    d->tenant = {};
    d->actor = {};
    d->level = Database::AccessLevel::None;
    d->everyTenant = false;
    // A malformed key is still handed to the database (selecting nothing), so that the
    // previous request's key is never left selected.
    const QString presented = looksLikeKey(secret) ? secret : QStringLiteral("ke_invalid");
    auto session = guarded(tr("selecting the API key"), [&]() -> Result<std::optional<KeySession>> {
        pqxx::nontransaction tx(d->conn);
        const std::string key = toStd(presented);
        // The key stays selected on the session (set_config(…, false)): the same key again
        // needs only the question what the database makes of it, one prepared statement.
        if (d->presentedKey != key) {
            d->presentedKey.clear();
            execPrepared(tx, d->conn, "ke_key_",
                         "SELECT set_config('knowledge.api_key', $1, false)", key);
            d->presentedKey = key;
        }
        // The live key, if this session may use keys; session_tenant() and session_person()
        // answer its tenant_id and person_id (0009), which the policies then use.
        const std::string schema = toStd(Database::quoteQualified(d->settings.schema));
        const pqxx::result r
            = execPrepared(tx, d->conn, "ke_key_",
                           "SELECT k.id, k.tenant_id, k.person_id, k.rate_per_minute FROM " + schema
                               + ".session_key() k");
        if (r.empty() || r[0][0].is_null() || r[0][1].is_null())
            return std::optional<KeySession>();
        KeySession s;
        s.keyId = uuidFromField(r[0][0]);
        s.tenantId = uuidFromField(r[0][1]);
        s.personId = uuidFromField(r[0][2]);
        if (!r[0][3].is_null())
            s.ratePerMinute = r[0][3].as<int>();
        return std::optional<KeySession>(s);
    });
    if (!session)
        return session.error();
    if (!*session)
        return refused;
    d->tenant = (*session)->tenantId;
    d->actor = (*session)->personId;
    d->level = Database::AccessLevel::Member;
    return **session;
}

} // namespace ke
