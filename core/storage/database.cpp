#include "database_p.h"

#include <QRegularExpression>

namespace ke {

namespace {

QString quoteIdent(const QString &ident)
{
    QString s = ident;
    s.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + s + QLatin1Char('"');
}

} // namespace

QDateTime timestampFromField(const pqxx::field &f)
{
    if (f.is_null())
        return {};
    // "2026-11-26 21:48:33.123456+00" (session TimeZone is UTC).
    QString s = QString::fromLatin1(f.c_str());
    s.replace(QLatin1Char(' '), QLatin1Char('T'));
    if (s.endsWith(QLatin1String("+00")))
        s.chop(3);
    QDateTime dt = QDateTime::fromString(s, Qt::ISODateWithMs);
    dt.setTimeSpec(Qt::UTC);
    return dt;
}

Error databaseError(const QString &what, const std::exception &e)
{
    const QString server = QString::fromUtf8(e.what()).simplified(); // libpq breaks its lines with "\n\t"
    if (dynamic_cast<const pqxx::broken_connection *>(&e)) {
        return makeError(ErrorCode::Unreachable,
                         Database::tr("%1: cannot reach the database: %2 — start it with "
                                      "`scripts/postgres start` or set KNOWLEDGE_DATABASE_URL")
                             .arg(what, server));
    }
    if (const auto *sql = dynamic_cast<const pqxx::sql_error *>(&e)) {
        const QString state = QString::fromStdString(sql->sqlstate());
        if (state == QLatin1String("42P01") || state == QLatin1String("3F000")
            || state == QLatin1String("42883")) {
            return makeError(ErrorCode::NotMigrated,
                             Database::tr("%1: the database schema is missing or out of date "
                                          "(%2) — run `knowledgectl migrate`")
                                 .arg(what, server));
        }
        if (state == QLatin1String("42501")) {
            return makeError(ErrorCode::PermissionDenied,
                             Database::tr("%1: refused by the database: %2").arg(what, server));
        }
        return makeError(
            ErrorCode::Database,
            Database::tr("%1: the database refused it (SQLSTATE %2): %3").arg(what, state, server));
    }
    return makeError(ErrorCode::Database, Database::tr("%1: %2").arg(what, server));
}

Database::Private *databasePrivate(const Database &db)
{
    return db.d.get();
}

Database::Database() = default;
Database::~Database() = default;

Result<std::unique_ptr<Database>> Database::connect(const ConnectionSettings &settings)
{
    std::unique_ptr<Database> db(new Database);
    try {
        db->d = std::make_unique<Private>(toStd(settings.databaseUrl));
    } catch (const std::exception &e) {
        const QString server = QString::fromUtf8(e.what()).simplified();
        return makeError(ErrorCode::Unreachable,
                         tr("cannot reach the database at %1: %2 — start it with "
                            "`scripts/postgres start`, or set KNOWLEDGE_DATABASE_URL / --database")
                             .arg(settings.redactedUrl(), server));
    }
    db->d->settings = settings;
    try {
        pqxx::nontransaction tx(db->d->conn);
        tx.exec("SET TimeZone = 'UTC'; SET application_name = 'knowledge-explorer'; "
                "SET client_encoding = 'UTF8'");
    } catch (const std::exception &e) {
        return databaseError(tr("preparing the session"), e);
    }
    if (!settings.tenant.isEmpty()) {
        if (auto r = db->setTenant(settings.tenant); !r)
            return r.error();
        if (!settings.actor.isEmpty()) {
            auto actor = db->resolvePerson(settings.actor, true);
            if (!actor)
                return actor.error();
            db->d->actor = *actor;
        }
    }
    return db;
}

const ConnectionSettings &Database::settings() const
{
    return d->settings;
}

QString Database::quoteQualified(const QString &name)
{
    const qsizetype dot = name.indexOf(QLatin1Char('.'));
    if (dot < 0)
        return quoteIdent(name);
    return quoteIdent(name.left(dot)) + QLatin1Char('.') + quoteIdent(name.mid(dot + 1));
}

QString Database::table(const QString &name) const
{
    return quoteIdent(d->settings.schema) + QLatin1Char('.') + quoteIdent(name);
}

QString Database::eventsTable() const
{
    return quoteQualified(d->settings.effectiveEventsTable());
}

QUuid Database::tenantId() const
{
    return d->tenant;
}

QUuid Database::actorId() const
{
    return d->actor;
}

Result<void> Database::setTenant(const QString &uuidOrSlug)
{
    const auto resolve = [&]() -> Result<std::string> {
        return guarded(tr("selecting tenant '%1'").arg(uuidOrSlug), [&]() -> Result<std::string> {
            pqxx::nontransaction tx(d->conn);
            const std::string fn = toStd(quoteIdent(d->settings.schema)) + ".resolve_tenant";
            const pqxx::result r = tx.exec_params("SELECT " + fn + "($1)", toStd(uuidOrSlug));
            return r.empty() || r[0][0].is_null() ? std::string() : std::string(r[0][0].c_str());
        });
    };
    auto id = resolve();
    if (!id)
        return id.error();
    const QUuid asUuid = QUuid::fromString(uuidOrSlug.trimmed());
    if (id->empty() && !asUuid.isNull()) {
        // A tenant UUID with events (an orchestrator's tenant) is registered on first use.
        auto registered = registerTenantFromEvents(asUuid);
        if (!registered)
            return registered.error();
        if (*registered) {
            id = resolve();
            if (!id)
                return id.error();
        }
    }
    if (id->empty()) {
        return makeError(ErrorCode::UnknownTenant,
                         tr("unknown tenant '%1' — give a tenant UUID or slug that exists "
                            "(`knowledgectl status` lists them; `knowledgectl tenant add "
                            "SLUG` creates one)")
                             .arg(uuidOrSlug));
    }
    return guarded(tr("selecting tenant '%1'").arg(uuidOrSlug), [&]() -> Result<void> {
        pqxx::nontransaction tx(d->conn);
        tx.exec_params("SELECT set_config('knowledge.tenant_id', $1, false)", *id);
        d->tenant = QUuid::fromString(QLatin1String(id->c_str()));
        return {};
    });
}

Result<QUuid> Database::resolvePerson(const QString &uuidOrHandle, bool createIfMissing)
{
    if (d->tenant.isNull())
        return makeError(ErrorCode::NoTenant,
                         tr("no tenant selected — set KNOWLEDGE_TENANT or --tenant"));
    return guarded(tr("resolving person '%1'").arg(uuidOrHandle), [&]() -> Result<QUuid> {
        pqxx::work tx(d->conn);
        const QUuid asUuid = QUuid::fromString(uuidOrHandle);
        const std::string people = toStd(table(QStringLiteral("people")));
        pqxx::result r;
        if (!asUuid.isNull()) {
            r = tx.exec_params("SELECT id FROM " + people + " WHERE tenant_id = $1 AND id = $2",
                               uuidToStd(d->tenant), uuidToStd(asUuid));
            if (r.empty()) {
                // A UUID we have not seen (e.g. an orchestrator's user id) is still a valid actor.
                return asUuid;
            }
            return uuidFromField(r[0][0]);
        }
        r = tx.exec_params("SELECT id FROM " + people + " WHERE tenant_id = $1 AND handle = $2",
                           uuidToStd(d->tenant), toStd(uuidOrHandle));
        if (!r.empty())
            return uuidFromField(r[0][0]);
        if (!createIfMissing)
            return makeError(ErrorCode::UnknownPerson,
                             tr("unknown person '%1' in this tenant").arg(uuidOrHandle));
        static const QRegularExpression handleRe(QStringLiteral("^[A-Za-z0-9._@-]{1,64}$"));
        if (!handleRe.match(uuidOrHandle).hasMatch())
            return makeError(ErrorCode::InvalidPerson,
                             tr("'%1' is neither a UUID nor a valid handle (letters, digits, "
                                ". _ @ -, at most 64)")
                                 .arg(uuidOrHandle));
        const QUuid id = QUuid::createUuid();
        tx.exec_params("INSERT INTO " + people
                           + " (tenant_id, id, handle, display_name) VALUES ($1, $2, $3, $3) "
                             "ON CONFLICT (tenant_id, handle) DO NOTHING",
                       uuidToStd(d->tenant), uuidToStd(id), toStd(uuidOrHandle));
        r = tx.exec_params("SELECT id FROM " + people + " WHERE tenant_id = $1 AND handle = $2",
                           uuidToStd(d->tenant), toStd(uuidOrHandle));
        tx.commit();
        return uuidFromField(r[0][0]);
    });
}

Result<QUuid> Database::createTenant(const QString &slug, const QString &name, QUuid id)
{
    static const QRegularExpression slugRe(QStringLiteral("^[a-z0-9][a-z0-9_-]{0,62}$"));
    if (!slugRe.match(slug).hasMatch())
        return makeError(ErrorCode::InvalidTenant,
                         tr("'%1' is not a valid tenant slug: use lowercase letters, digits, "
                            "'-' and '_', starting with a letter or digit, at most 63")
                             .arg(slug));
    const bool explicitId = !id.isNull();
    if (id.isNull())
        id = QUuid::createUuid();
    return guarded(tr("creating tenant '%1'").arg(slug), [&]() -> Result<QUuid> {
        pqxx::work tx(d->conn);
        const std::string tenants = toStd(table(QStringLiteral("tenants")));
        if (explicitId) {
            // A slug already taken answers its tenant (as without an id; the caller compares);
            // otherwise the id is created, or — registered from the events table under another
            // slug — renamed.
            const pqxx::result other
                = tx.exec_params("SELECT id FROM " + tenants + " WHERE slug = $1", toStd(slug));
            if (!other.empty())
                return uuidFromField(other[0][0]);
            tx.exec_params("INSERT INTO " + tenants
                               + " AS t (id, slug, name) VALUES ($1, $2, $3) ON CONFLICT (id) DO "
                                 "UPDATE SET slug = excluded.slug, name = CASE WHEN $4 THEN "
                                 "excluded.name ELSE t.name END",
                           uuidToStd(id), toStd(slug), toStd(name.isEmpty() ? slug : name),
                           !name.isEmpty());
            tx.commit();
            return id;
        }
        tx.exec_params("INSERT INTO " + tenants
                           + " (id, slug, name) VALUES ($1, $2, $3) ON CONFLICT (slug) DO NOTHING",
                       uuidToStd(id), toStd(slug), toStd(name.isEmpty() ? slug : name));
        const pqxx::result r
            = tx.exec_params("SELECT id FROM " + tenants + " WHERE slug = $1", toStd(slug));
        tx.commit();
        return uuidFromField(r[0][0]);
    });
}

namespace {

// A tenant slug from an orchestrator's name for it ("ACME Corp." -> "acme-corp").
QString slugFrom(const QString &text)
{
    QString slug;
    for (const QChar c : text.toLower()) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_'))
            slug += c;
        else if (!slug.isEmpty() && !slug.endsWith(QLatin1Char('-')))
            slug += QLatin1Char('-');
    }
    while (slug.endsWith(QLatin1Char('-')))
        slug.chop(1);
    return slug.left(48);
}

} // namespace

Result<bool> Database::registerTenantFromEvents(const QUuid &id)
{
    const QString idText = id.toString(QUuid::WithoutBraces);
    return guarded(tr("registering tenant %1").arg(idText), [&]() -> Result<bool> {
        pqxx::work tx(d->conn);
        const std::string tid = uuidToStd(id);
        const pqxx::result seen = tx.exec_params(
            "SELECT EXISTS (SELECT 1 FROM " + toStd(eventsTable()) + " WHERE tenant_id = $1)", tid);
        if (!seen[0][0].as<bool>())
            return false;
        // A readable name: the orchestrator's own tenants table next to its events table
        // (its slug, else its name), when it has one; else the UUID's first block.
        QString name;
        const QString events = d->settings.effectiveEventsTable();
        const qsizetype dot = events.indexOf(QLatin1Char('.'));
        const QString theirSchema = dot > 0 ? events.left(dot) : QString();
        if (!theirSchema.isEmpty() && theirSchema != d->settings.schema) {
            const std::string theirs
                = toStd(quoteQualified(theirSchema + QStringLiteral(".tenants")));
            const pqxx::result cols = tx.exec_params(
                "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass($1) AND NOT "
                "attisdropped AND attnum > 0 AND attname IN ('id', 'slug', 'name') "
                "ORDER BY CASE attname WHEN 'slug' THEN 0 WHEN 'name' THEN 1 ELSE 2 END",
                theirs);
            QStringList names;
            bool hasId = false;
            for (const auto &c : cols) {
                const QString col = QString::fromUtf8(c[0].c_str());
                if (col == QLatin1String("id"))
                    hasId = true;
                else
                    names << col;
            }
            if (hasId && !names.isEmpty()) {
                tx.exec("SAVEPOINT ke_their_tenant");
                try {
                    const pqxx::result n = tx.exec_params(
                        "SELECT " + toStd(quoteIdent(names.first())) + "::text FROM " + theirs
                            + " WHERE id::text = $1 LIMIT 1",
                        tid);
                    if (!n.empty() && !n[0][0].is_null())
                        name = QString::fromUtf8(n[0][0].c_str()).trimmed();
                    tx.exec("RELEASE SAVEPOINT ke_their_tenant");
                } catch (const pqxx::sql_error &) {
                    // Not readable by this login: fall back to the UUID.
                    tx.exec("ROLLBACK TO SAVEPOINT ke_their_tenant");
                }
            }
        }
        QString slug = slugFrom(name);
        const QString shortId = idText.left(8);
        if (slug.isEmpty() || !QChar(slug.at(0)).isLetterOrNumber())
            slug = QStringLiteral("tenant-") + shortId;
        const std::string tenants = toStd(table(QStringLiteral("tenants")));
        const pqxx::result taken
            = tx.exec_params("SELECT 1 FROM " + tenants + " WHERE slug = $1", toStd(slug));
        if (!taken.empty())
            slug += QLatin1Char('-') + shortId;
        tx.exec_params("INSERT INTO " + tenants
                           + " (id, slug, name) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                       tid, toStd(slug), toStd(name.isEmpty() ? slug : name));
        tx.commit();
        return true;
    });
}

Result<QList<Database::TenantInfo>> Database::batchTenants()
{
    auto seen
        = guarded(tr("listing the tenants of the events table"), [&]() -> Result<QList<QUuid>> {
              pqxx::nontransaction tx(d->conn);
              const pqxx::result r = tx.exec(
                  "SELECT DISTINCT e.tenant_id FROM " + toStd(eventsTable())
                  + " e WHERE NOT EXISTS (SELECT 1 FROM " + toStd(table(QStringLiteral("tenants")))
                  + " t WHERE t.id = e.tenant_id) ORDER BY 1");
              QList<QUuid> out;
              for (const auto &row : r)
                  out.append(uuidFromField(row[0]));
              return out;
          });
    if (!seen)
        return seen.error();
    for (const QUuid &id : std::as_const(*seen)) {
        if (auto r = registerTenantFromEvents(id); !r)
            return r.error();
    }
    return tenants();
}

Result<QList<Database::TenantInfo>> Database::tenants()
{
    return guarded(tr("listing tenants"), [&]() -> Result<QList<TenantInfo>> {
        pqxx::nontransaction tx(d->conn);
        const pqxx::result r
            = tx.exec("SELECT id, slug, name FROM " + toStd(table(QStringLiteral("tenants")))
                      + " ORDER BY slug");
        QList<TenantInfo> out;
        for (const auto &row : r)
            out.append({uuidFromField(row[0]), stringFromField(row[1]), stringFromField(row[2])});
        return out;
    });
}

bool Database::isConnected() const
{
    return d->conn.is_open();
}

QString Database::serverVersion() const
{
    const int v = d->conn.server_version();
    return QStringLiteral("PostgreSQL %1.%2").arg(v / 10000).arg(v % 100);
}

} // namespace ke
