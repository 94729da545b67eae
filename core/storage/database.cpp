#include "database_p.h"

#include <QHash>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

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

Error noTenantError()
{
    return makeError(ErrorCode::NoTenant,
                     Database::tr("no tenant selected — set KNOWLEDGE_TENANT or --tenant"));
}

bool isValidPersonHandle(const QString &handle)
{
    static const QRegularExpression handleRe(QStringLiteral("^[A-Za-z0-9._@-]{1,64}$"));
    return handleRe.match(handle).hasMatch();
}

QUuid personForHandle(pqxx::transaction_base &tx, const std::string &peopleTable,
                      const std::string &tenantId, const QString &handle)
{
    tx.exec_params("INSERT INTO " + peopleTable
                       + " (tenant_id, id, handle, display_name) VALUES ($1, $2, $3, $3) "
                         "ON CONFLICT (tenant_id, handle) DO NOTHING",
                   tenantId, uuidToStd(QUuid::createUuid()), toStd(handle));
    const pqxx::result r
        = tx.exec_params("SELECT id FROM " + peopleTable + " WHERE tenant_id = $1 AND handle = $2",
                         tenantId, toStd(handle));
    return uuidFromField(r[0][0]);
}

Error databaseError(const QString &what, const std::exception &e)
{
    const QString server
        = QString::fromUtf8(e.what()).simplified(); // libpq breaks its lines with "\n\t"
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
        if (state == QLatin1String("42501")
            || dynamic_cast<const pqxx::insufficient_privilege *>(&e)
            || server.contains(QLatin1String("row-level security policy"))) {
            // Access (README "Access and deployment"): the login's level does not allow it.
            return makeError(ErrorCode::PermissionDenied,
                             Database::tr("%1: refused by the database: %2 — this login's access "
                                          "does not allow it (a reader writes nothing, a member "
                                          "only its own feedback, quirks and comments; jobs such "
                                          "as embed and build-training run as a service login; "
                                          "`knowledgectl access list` shows the grants)")
                                 .arg(what, server));
        }
        if (server.contains(QLatin1String("feedback_events_created_at_not_future"))) {
            return makeError(ErrorCode::InvalidEvent,
                             Database::tr("%1: refused by the database: an event's created_at is "
                                          "more than 5 minutes ahead of the server's clock — "
                                          "check the writer's clock, or leave created_at out")
                                 .arg(what));
        }
        return makeError(ErrorCode::Database,
                         state.isEmpty()
                             ? Database::tr("%1: the database refused it: %2").arg(what, server)
                             : Database::tr("%1: the database refused it (SQLSTATE %2): %3")
                                   .arg(what, state, server));
    }
    return makeError(ErrorCode::Database, Database::tr("%1: %2").arg(what, server));
}

Database::Private *databasePrivate(const Database &db)
{
    return db.d.get();
}

Database::Database() = default;
Database::~Database() = default;

namespace {

// Schema and table names from configuration go into SQL as identifiers (and, in migrations,
// inside literals): only plain lower-case names are accepted.
bool isPlainIdentifier(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[a-z_][a-z0-9_]{0,62}$"));
    return re.match(name).hasMatch();
}

bool isPlainTableName(const QString &name)
{
    const QStringList parts = name.split(QLatin1Char('.'));
    return (parts.size() == 1 || parts.size() == 2)
        && std::all_of(parts.cbegin(), parts.cend(), isPlainIdentifier);
}

// A few seconds to reach the server, unless the URL or PGCONNECT_TIMEOUT says otherwise: an
// unreachable server is reported (and the clients go offline) instead of waiting out TCP. The
// password (in memory only, see ConnectionSettings::password) is added here, on its way to libpq.
std::string connectionString(const ConnectionSettings &settings)
{
    QString url = settings.databaseUrl;
    const bool uri = url.startsWith(QLatin1String("postgresql://"))
        || url.startsWith(QLatin1String("postgres://"));
    QStringList extra; // key, value pairs
    if (!url.contains(QLatin1String("connect_timeout"))
        && !qEnvironmentVariableIsSet("PGCONNECT_TIMEOUT"))
        extra << QStringLiteral("connect_timeout") << QStringLiteral("5");
    if (!settings.password.isEmpty())
        extra << QStringLiteral("password") << settings.password;
    for (qsizetype i = 0; i + 1 < extra.size(); i += 2) {
        if (uri) {
            url += (url.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?'))
                + extra.at(i) + QLatin1Char('=')
                + QString::fromLatin1(QUrl::toPercentEncoding(extra.at(i + 1)));
        } else {
            QString value = extra.at(i + 1);
            value.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
            value.replace(QLatin1Char('\''), QStringLiteral("\\'"));
            url += (url.isEmpty() ? QString() : QStringLiteral(" ")) + extra.at(i)
                + QStringLiteral("='") + value + QLatin1Char('\'');
        }
    }
    return toStd(url);
}

} // namespace

Result<std::unique_ptr<Database>> Database::connect(const ConnectionSettings &settings)
{
    const struct
    {
        const char *what;
        QString value;
        bool ok;
    } names[] = {
        {"KNOWLEDGE_SCHEMA", settings.schema, isPlainIdentifier(settings.schema)},
        {"KNOWLEDGE_EVENTS_TABLE", settings.eventsTable,
         settings.eventsTable.isEmpty() || isPlainTableName(settings.eventsTable)},
        {"KNOWLEDGE_DATASETS_TABLE", settings.datasetsTable,
         settings.datasetsTable.isEmpty() || isPlainTableName(settings.datasetsTable)},
        {"KNOWLEDGE_DATASETS_NAME_COLUMN", settings.datasetsNameColumn,
         isPlainIdentifier(settings.datasetsNameColumn)},
    };
    for (const auto &n : names) {
        if (!n.ok)
            return makeError(ErrorCode::InvalidName,
                             tr("%1 '%2' is not a plain name — use lower-case letters, digits "
                                "and '_' (at most 63, not starting with a digit; a table may be "
                                "schema-qualified as schema.table)")
                                 .arg(QLatin1String(n.what), n.value));
    }
    std::unique_ptr<Database> db(new Database);
    try {
        db->d = std::make_unique<Private>(connectionString(settings));
    } catch (const std::exception &e) {
        const QString server = QString::fromUtf8(e.what()).simplified();
        // The server answered and refused the login: not "offline" (nothing to wait for and
        // no cache to fall back on for someone the server does not know).
        static const QRegularExpression refused(QStringLiteral(
            "password authentication failed|role \"[^\"]*\" does not exist|no pg_hba\\.conf "
            "entry|is not permitted to log in|fe_sendauth: no password supplied"));
        if (refused.match(server).hasMatch())
            return makeError(ErrorCode::Unauthorized,
                             tr("the database at %1 refused the login: %2 — check the login and "
                                "its password, or ask an administrator for a login")
                                 .arg(settings.redactedUrl(), server));
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
        if (settings.interactive) // a person waits: a stuck statement or lock is an error
            tx.exec("SET statement_timeout = '30s'; SET lock_timeout = '5s'");
        db->d->login = QString::fromUtf8(tx.exec("SELECT current_user")[0][0].c_str());
    } catch (const std::exception &e) {
        return databaseError(tr("preparing the session"), e);
    }
    if (!settings.tenant.isEmpty()) {
        if (auto r = db->setTenant(settings.tenant); !r)
            return r.error();
        if (auto r = db->adoptActor(settings.actor); !r)
            return r.error();
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

Database::AccessLevel Database::accessLevel() const
{
    return d->level;
}

QString Database::login() const
{
    return d->login;
}

bool Database::servesEveryTenant() const
{
    return d->everyTenant;
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
    struct Lookup
    {
        std::string id;
        bool admin = false;
        bool everyTenant = false;
    };
    const std::string schema = toStd(quoteIdent(d->settings.schema));
    const auto resolve = [&]() -> Result<Lookup> {
        return guarded(tr("selecting tenant '%1'").arg(uuidOrSlug), [&]() -> Result<Lookup> {
            pqxx::nontransaction tx(d->conn);
            const pqxx::result r
                = tx.exec_params("SELECT " + schema + ".resolve_tenant($1), " + schema
                                     + ".is_admin(), " + schema + ".serves_every_tenant()",
                                 toStd(uuidOrSlug));
            return Lookup{r[0][0].is_null() ? std::string() : std::string(r[0][0].c_str()),
                          r[0][1].as<bool>(), r[0][2].as<bool>()};
        });
    };
    const Error noAccess
        = makeError(ErrorCode::NoAccess,
                    tr("login %1 has no access to tenant %2 — ask an administrator to run "
                       "`knowledgectl access grant %1 --tenant %2`")
                        .arg(d->login, uuidOrSlug));
    auto found = resolve();
    if (!found) // a login outside every group of this schema may not even look
        return found.error().is(ErrorCode::PermissionDenied) ? noAccess : found.error();
    const QUuid asUuid = QUuid::fromString(uuidOrSlug.trimmed());
    if (found->id.empty() && !asUuid.isNull() && (found->admin || found->everyTenant)) {
        // A tenant UUID with events (an orchestrator's tenant) is registered on first use, by
        // the owner or a service login for every tenant.
        auto registered = registerTenantFromEvents(asUuid);
        if (!registered)
            return registered.error();
        if (*registered) {
            found = resolve();
            if (!found)
                return found.error();
        }
    }
    if (found->id.empty() && !found->admin && !found->everyTenant)
        return noAccess; // whether the tenant exists is not told to a login without a grant
    if (found->id.empty()) {
        return makeError(ErrorCode::UnknownTenant,
                         tr("unknown tenant '%1' — give a tenant UUID or slug that exists "
                            "(`knowledgectl status` lists them; `knowledgectl tenant add "
                            "SLUG` creates one)")
                             .arg(uuidOrSlug));
    }
    auto level = guarded(tr("selecting tenant '%1'").arg(uuidOrSlug), [&]() -> Result<QString> {
        pqxx::nontransaction tx(d->conn);
        tx.exec_params("SELECT set_config('knowledge.tenant_id', $1, false)", found->id);
        const pqxx::result r = tx.exec("SELECT " + schema + ".session_level()");
        return stringFromField(r[0][0]);
    });
    if (!level)
        return level.error();
    static const QHash<QString, AccessLevel> levels{
        {QStringLiteral("owner"), AccessLevel::Owner},
        {QStringLiteral("service"), AccessLevel::Service},
        {QStringLiteral("member"), AccessLevel::Member},
        {QStringLiteral("reader"), AccessLevel::Reader}};
    d->tenant = QUuid::fromString(QLatin1String(found->id.c_str()));
    d->level = levels.value(*level, AccessLevel::None);
    d->everyTenant = found->everyTenant;
    d->actor = {};
    return {};
}

Result<void> Database::adoptActor(const QString &uuidOrHandle)
{
    if (d->level == AccessLevel::Owner || d->level == AccessLevel::Service) {
        // The owner and service logins write for whoever they name (the orchestrator's users,
        // the demo's people); an unknown handle becomes a new person.
        if (uuidOrHandle.isEmpty())
            return {};
        auto actor = resolvePerson(uuidOrHandle, true);
        if (!actor)
            return actor.error();
        d->actor = *actor;
        return {};
    }
    // A reader or member login is its granted person, whatever the client claims.
    auto person
        = guarded(tr("reading the person of login %1").arg(d->login), [&]() -> Result<QUuid> {
              pqxx::nontransaction tx(d->conn);
              return uuidFromField(tx.exec("SELECT " + toStd(quoteIdent(d->settings.schema))
                                           + ".session_person()")[0][0]);
          });
    if (!person)
        return person.error();
    if (!uuidOrHandle.isEmpty()) {
        auto named = resolvePerson(uuidOrHandle, false);
        if (!named || *named != *person) {
            return makeError(ErrorCode::NotYourPerson,
                             tr("login %1 writes as its own person in this tenant; --actor / "
                                "KNOWLEDGE_ACTOR '%2' is for service logins and the schema "
                                "owner — leave it out")
                                 .arg(d->login, uuidOrHandle));
        }
    }
    d->actor = *person;
    return {};
}

Result<QString> Database::personHandle(const QUuid &personId)
{
    if (d->tenant.isNull())
        return noTenantError();
    return guarded(
        tr("reading the handle of person %1").arg(personId.toString(QUuid::WithoutBraces)),
        [&]() -> Result<QString> {
            pqxx::nontransaction tx(d->conn);
            const pqxx::result r
                = tx.exec_params("SELECT handle FROM " + toStd(table(QStringLiteral("people")))
                                     + " WHERE tenant_id = $1 AND id = $2",
                                 uuidToStd(d->tenant), uuidToStd(personId));
            if (r.empty())
                return QString();
            return QString::fromUtf8(r[0][0].c_str());
        });
}

Result<QUuid> Database::resolvePerson(const QString &uuidOrHandle, bool createIfMissing)
{
    if (d->tenant.isNull())
        return noTenantError();
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
        if (!isValidPersonHandle(uuidOrHandle))
            return makeError(ErrorCode::InvalidPerson,
                             tr("'%1' is neither a UUID nor a valid handle (letters, digits, "
                                ". _ @ -, at most 64)")
                                 .arg(uuidOrHandle));
        const QUuid id = personForHandle(tx, people, uuidToStd(d->tenant), uuidOrHandle);
        tx.commit();
        return id;
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
        // Across tenants (the owner's or an every-tenant service's overview), whichever
        // tenant the session has selected; for this transaction only.
        tx.exec("SELECT set_config('knowledge.tenant_id', '', true)");
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
