#include "private/outbox_p.h"
#include "sqliteprocess_p.h"

#include "connectionsettings.h"
#include "eventlog.h"
#include "feedbackrecorder.h"
#include "offlinecache.h"
#include "searchindex_p.h"
#include "serverinfo.h"
#include "storedtime.h"
#include "uuid.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <libpq-fe.h>

#include <fcntl.h>
#include <unistd.h>

namespace ke {

using namespace outboxdetail;
using searchindexdetail::restrictToOwner;
using searchindexdetail::utf8;

namespace {

constexpr char kFileName[] = "outbox.sqlite";

// The schema of the outbox file. `id` is the event's id as text: UUIDv7 in lower-case hex
// sorts by time, so ORDER BY id is the order the person acted in.
constexpr char kSchema[] = R"SQL(
CREATE TABLE IF NOT EXISTS entries (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    login TEXT NOT NULL,
    event TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'refused')),
    queued_at TEXT NOT NULL,
    delivered_at TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    error_code TEXT,
    reason TEXT,
    base_event_id TEXT,
    base_seen_at TEXT,
    current_version TEXT
);
CREATE INDEX IF NOT EXISTS entries_by_state ON entries (tenant_id, login, state, id);
CREATE TABLE IF NOT EXISTS identities (
    login TEXT NOT NULL,
    tenant_ref TEXT NOT NULL,
    actor_ref TEXT NOT NULL,
    tenant_id TEXT NOT NULL,
    actor_id TEXT,
    level TEXT NOT NULL,
    connected_at TEXT NOT NULL,
    tenant_name TEXT,
    person_handle TEXT,
    PRIMARY KEY (login, tenant_ref, actor_ref)
);
)SQL";

constexpr char kColumns[] = "id, tenant_id, login, event, state, queued_at, delivered_at, "
                            "attempts, error_code, reason, base_event_id, base_seen_at, "
                            "current_version";

QString stateText(OutboxEntry::State s)
{
    return OutboxEntry::stateName(s);
}

QString levelName(Database::AccessLevel level)
{
    switch (level) {
    case Database::AccessLevel::Reader:
        return QStringLiteral("reader");
    case Database::AccessLevel::Member:
        return QStringLiteral("member");
    case Database::AccessLevel::Service:
        return QStringLiteral("service");
    case Database::AccessLevel::Owner:
        return QStringLiteral("owner");
    case Database::AccessLevel::None:
        break;
    }
    return QStringLiteral("none");
}

QJsonObject versionJson(const QuirkVersion &v)
{
    return QJsonObject{{QStringLiteral("event_id"), uuidText(v.eventId)},
                       {QStringLiteral("event_type"), v.eventType},
                       {QStringLiteral("text"), v.text},
                       {QStringLiteral("actor_id"), uuidText(v.actorId)},
                       {QStringLiteral("created_at"), storedTimeText(v.createdAt)}};
}

QuirkVersion versionFrom(const QJsonObject &o)
{
    QuirkVersion v;
    v.eventId = QUuid::fromString(o.value(QStringLiteral("event_id")).toString());
    v.eventType = o.value(QStringLiteral("event_type")).toString();
    v.text = o.value(QStringLiteral("text")).toString();
    v.actorId = QUuid::fromString(o.value(QStringLiteral("actor_id")).toString());
    v.createdAt = storedTimeFrom(o.value(QStringLiteral("created_at")).toString());
    return v;
}

} // namespace

Outbox::Private::~Private()
{
    if (h)
        sqlite3_close(h);
}

Error Outbox::Private::error(const QString &what) const
{
    return makeError(ErrorCode::Io,
                     Outbox::tr("outbox %1: %2: %3 — check the disk and the file's permissions")
                         .arg(path, what, QString::fromUtf8(sqlite3_errmsg(h))));
}

Result<void> Outbox::Private::exec(const char *sql, const QString &what) const
{
    char *message = nullptr;
    if (sqlite3_exec(h, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        const QString m = QString::fromUtf8(message ? message : "");
        sqlite3_free(message);
        return makeError(ErrorCode::Io, Outbox::tr("outbox %1: %2: %3").arg(path, what, m));
    }
    return {};
}

OutboxEntry Outbox::Private::entryFrom(const SqliteStatement &s) const
{
    OutboxEntry e;
    auto event = Event::fromJson(QJsonDocument::fromJson(utf8(s.text(3))).object());
    if (event)
        e.event = *event;
    else // not ours to lose: keep the id at least, so that it can be discarded
        e.event.id = QUuid::fromString(s.text(0));
    e.login = s.text(2);
    const QString state = s.text(4);
    e.state = state == QLatin1String("delivered") ? OutboxEntry::State::Delivered
        : state == QLatin1String("refused")       ? OutboxEntry::State::Refused
                                                  : OutboxEntry::State::Pending;
    e.queuedAt = storedTimeFrom(s.text(5));
    e.deliveredAt = storedTimeFrom(s.text(6));
    e.attempts = int(s.int64(7));
    e.errorCode = s.text(8);
    e.reason = s.text(9);
    e.base.eventId = QUuid::fromString(s.text(10));
    e.base.seenAt = storedTimeFrom(s.text(11));
    if (!s.isNull(12))
        e.current = versionFrom(QJsonDocument::fromJson(utf8(s.text(12))).object());
    return e;
}

Result<std::vector<OutboxEntry>>
Outbox::Private::select(const QString &where, const std::vector<QString> &params, int limit) const
{
    const QByteArray sql = QStringLiteral("SELECT %1 FROM entries %2 ORDER BY id%3")
                               .arg(QLatin1String(kColumns), where,
                                    limit > 0 ? QStringLiteral(" LIMIT %1").arg(limit) : QString())
                               .toUtf8();
    SqliteStatement s(h, sql.constData());
    if (!s.isValid())
        return error(Outbox::tr("reading the entries"));
    for (size_t i = 0; i < params.size(); ++i)
        s.bind(int(i) + 1, params[i]);
    std::vector<OutboxEntry> out;
    int rc;
    while ((rc = s.step()) == SQLITE_ROW)
        out.push_back(entryFrom(s));
    if (rc != SQLITE_DONE)
        return error(Outbox::tr("reading the entries"));
    return out;
}

Result<void> Outbox::Private::markDelivered(const std::vector<OutboxEntry> &done)
{
    return transaction(Outbox::tr("marking entries delivered"), [&]() -> Result<void> {
        SqliteStatement s(h,
                          "UPDATE entries SET state = 'delivered', delivered_at = ?1, "
                          "attempts = attempts + 1, error_code = NULL, reason = NULL "
                          "WHERE id = ?2 AND state = 'pending'");
        if (!s.isValid())
            return error(Outbox::tr("marking entries delivered"));
        const QString now = storedTimeText(QDateTime::currentDateTimeUtc());
        for (const OutboxEntry &e : done) {
            s.reset();
            s.bind(1, now);
            s.bind(2, uuidText(e.event.id));
            if (s.step() != SQLITE_DONE)
                return error(Outbox::tr("marking entries delivered"));
        }
        return {};
    });
}

Result<void> Outbox::Private::markRefused(const OutboxEntry &e, const Error &why,
                                          const std::optional<QuirkVersion> &current)
{
    SqliteStatement s(h,
                      "UPDATE entries SET state = 'refused', attempts = attempts + 1, "
                      "error_code = ?1, reason = ?2, current_version = ?3 "
                      "WHERE id = ?4 AND state = 'pending'");
    s.bind(1, why.code);
    s.bind(2, why.message);
    s.bind(3,
           current ? QString::fromUtf8(
               QJsonDocument(versionJson(*current)).toJson(QJsonDocument::Compact))
                   : QString());
    s.bind(4, uuidText(e.event.id));
    if (!s.isValid() || s.step() != SQLITE_DONE)
        return error(Outbox::tr("recording a refusal"));
    return {};
}

Result<void> Outbox::Private::insert(const Event &event, const QString &login,
                                     const QuirkBase &base, const QDateTime &queuedAt)
{
    SqliteStatement s(h,
                      "INSERT INTO entries (id, tenant_id, login, event, state, "
                      "queued_at, base_event_id, base_seen_at) "
                      "VALUES (?1, ?2, ?3, ?4, 'pending', ?5, ?6, ?7)");
    s.bind(1, uuidText(event.id));
    s.bind(2, uuidText(event.tenantId));
    s.bind(3, login);
    s.bind(4, QString::fromUtf8(QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact)));
    s.bind(5, storedTimeText(queuedAt));
    s.bind(6, uuidText(base.eventId));
    s.bind(7, storedTimeText(base.seenAt));
    if (!s.isValid() || s.step() != SQLITE_DONE)
        return error(Outbox::tr("queueing a %1 event").arg(event.eventType));
    return {};
}

QuirkBase Outbox::Private::baseFor(const Event &event, const OutboxIdentity &who) const
{
    QuirkBase base;
    base.seenAt = who.connectedAt;
    const QString quirk = event.data.value(QStringLiteral("quirk_id")).toString();
    SqliteStatement s(h,
                      "SELECT id FROM entries WHERE tenant_id = ?1 AND state <> 'refused' "
                      "AND json_extract(event, '$.event_data.quirk_id') = ?2 "
                      "AND json_extract(event, '$.event_type') IN "
                      "('quirk.added', 'quirk.edited', 'quirk.retired') "
                      "ORDER BY id DESC LIMIT 1");
    s.bind(1, uuidText(who.tenantId));
    s.bind(2, quirk);
    if (s.isValid() && s.step() == SQLITE_ROW) {
        base.eventId = QUuid::fromString(s.text(0));
        base.seenAt = {};
    }
    return base;
}

QString OutboxEntry::stateName(State state)
{
    switch (state) {
    case State::Delivered:
        return QStringLiteral("delivered");
    case State::Refused:
        return QStringLiteral("refused");
    case State::Pending:
        break;
    }
    return QStringLiteral("pending");
}

QJsonObject OutboxEntry::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), uuidText(event.id)},
                  {QStringLiteral("state"), stateName(state)},
                  {QStringLiteral("event_type"), event.eventType},
                  {QStringLiteral("created_at"), storedTimeText(event.createdAt)},
                  {QStringLiteral("queued_at"), storedTimeText(queuedAt)},
                  {QStringLiteral("attempts"), attempts},
                  {QStringLiteral("login"), login},
                  {QStringLiteral("event"), event.toJson()}};
    if (deliveredAt.isValid())
        o.insert(QStringLiteral("delivered_at"), storedTimeText(deliveredAt));
    if (!errorCode.isEmpty())
        o.insert(QStringLiteral("error_code"), errorCode);
    if (!reason.isEmpty())
        o.insert(QStringLiteral("reason"), reason);
    if (!base.eventId.isNull())
        o.insert(QStringLiteral("base_event_id"), uuidText(base.eventId));
    if (base.seenAt.isValid())
        o.insert(QStringLiteral("base_seen_at"), storedTimeText(base.seenAt));
    if (current)
        o.insert(QStringLiteral("current"), versionJson(*current));
    return o;
}

Outbox::Outbox()
    : d(std::make_unique<Private>())
{ }

Outbox::~Outbox() = default;

QString Outbox::path() const
{
    return d->path;
}

Result<std::unique_ptr<Outbox>> Outbox::open(const QString &path)
{
    std::unique_ptr<Outbox> box(new Outbox);
    box->d->path = path;
    const QByteArray file = QFile::encodeName(path);
    // Created 0600 before SQLite sees it: its -wal and -shm files take the database's mode.
    const int fd = ::open(file.constData(), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
    if (fd < 0)
        return makeError(ErrorCode::Io,
                         tr("cannot create the outbox %1: %2 — check the cache directory's "
                            "permissions (KNOWLEDGE_CACHE_DIR)")
                             .arg(path, QString::fromLocal8Bit(strerror(errno))));
    ::close(fd);
    restrictToOwner(path);
    configureSqliteForThisProcess();
    if (sqlite3_open_v2(file.constData(), &box->d->h,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr)
        != SQLITE_OK)
        return box->d->error(tr("opening"));
    sqlite3_busy_timeout(box->d->h, 15000);
    // WAL, and every commit synced to disk: a queued write survives a crash or power loss.
    if (auto r
        = box->d->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;", tr("setting it up"));
        !r)
        return r.error();
    if (auto r = box->d->exec(kSchema, tr("creating its tables")); !r)
        return r.error();
    // Files made before the names were kept (what the status bar shows offline).
    {
        SqliteStatement has(box->d->h,
                            "SELECT count(*) FROM pragma_table_info('identities') "
                            "WHERE name = 'tenant_name'");
        if (has.isValid() && has.step() == SQLITE_ROW && has.text(0) == QLatin1String("0")) {
            if (auto r = box->d->exec("ALTER TABLE identities ADD COLUMN tenant_name TEXT; "
                                      "ALTER TABLE identities ADD COLUMN person_handle TEXT;",
                                      tr("upgrading its tables"));
                !r)
                return r.error();
        }
    }
    for (const char *suffix : {"-wal", "-shm"})
        restrictToOwner(path + QLatin1String(suffix));
    // Delivered entries are the database's now; kept a while as the base of later edits.
    SqliteStatement prune(box->d->h,
                          "DELETE FROM entries WHERE state = 'delivered' "
                          "AND delivered_at < ?1");
    prune.bind(1, storedTimeText(QDateTime::currentDateTimeUtc().addDays(-keepDeliveredDays)));
    (void)prune.step();
    return box;
}

Result<QString> Outbox::pathFor(const ConnectionSettings &settings)
{
    const QString key = OfflineCache::rememberedDatabase(settings);
    if (key.isEmpty())
        return makeError(
            ErrorCode::NoCache,
            tr("the database at %1 (schema %2) has not been reached from this machine yet, so "
               "nothing can be queued for it (who you are there is known only after one "
               "successful connection) — once online, run `knowledgectl outbox deliver` (or make "
               "any "
               "change) and it is remembered")
                .arg(settings.redactedUrl(), settings.schema));
    return QString(OfflineCache::rootDirectory() + QLatin1Char('/') + key + QLatin1Char('/')
                   + QLatin1String(kFileName));
}

Result<std::unique_ptr<Outbox>> Outbox::openFor(const ConnectionSettings &settings)
{
    auto path = pathFor(settings);
    if (!path)
        return path.error();
    return open(*path);
}

Result<std::unique_ptr<Outbox>> Outbox::openFor(Database &db)
{
    auto identity = OfflineCache::rememberConnection(db);
    if (!identity)
        return identity.error();
    auto box = open(OfflineCache::rootDirectory() + QLatin1Char('/') + identity->key()
                    + QLatin1Char('/') + QLatin1String(kFileName));
    if (!box)
        return box;
    if (auto r = (*box)->rememberIdentity(db); !r)
        return r.error();
    return box;
}

QString Outbox::loginOf(const ConnectionSettings &settings)
{
    QString login;
    auto take = [&](PQconninfoOption *options) {
        for (PQconninfoOption *o = options; o && o->keyword; ++o) {
            if (o->val && *o->val && qstrcmp(o->keyword, "user") == 0)
                login = QString::fromUtf8(o->val);
        }
        PQconninfoFree(options);
    };
    take(PQconndefaults());
    const QByteArray url = settings.databaseUrl.toUtf8();
    if (!url.isEmpty()) {
        char *parseError = nullptr;
        if (PQconninfoOption *parsed = PQconninfoParse(url.constData(), &parseError))
            take(parsed);
        if (parseError)
            PQfreemem(parseError);
    }
    return login;
}

Result<void> Outbox::rememberNames(const QString &login, const QUuid &tenantId,
                                   const QString &tenantName, const QString &personHandle)
{
    SqliteStatement s(d->h,
                      "UPDATE identities SET tenant_name = ?1, person_handle = ?2 "
                      "WHERE login = ?3 AND tenant_id = ?4");
    s.bind(1, tenantName);
    s.bind(2, personHandle);
    s.bind(3, login);
    s.bind(4, uuidText(tenantId));
    if (!s.isValid() || s.step() != SQLITE_DONE)
        return d->error(tr("remembering who writes"));
    return {};
}

Result<void> Outbox::rememberIdentity(Database &db)
{
    if (db.tenantId().isNull())
        return {};
    return d->transaction(tr("remembering who writes"), [&]() -> Result<void> {
        SqliteStatement s(d->h,
                          "INSERT INTO identities (login, tenant_ref, actor_ref, "
                          "tenant_id, actor_id, level, connected_at) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                          "ON CONFLICT (login, tenant_ref, actor_ref) DO UPDATE SET "
                          "tenant_id = excluded.tenant_id, actor_id = excluded.actor_id, "
                          "level = excluded.level, connected_at = excluded.connected_at");
        if (!s.isValid())
            return d->error(tr("remembering who writes"));
        // Found offline by the tenant as the settings give it, and by its UUID.
        QStringList refs{db.settings().tenant.trimmed(), uuidText(db.tenantId())};
        refs.removeAll(QString());
        refs.removeDuplicates();
        // SqliteStatement binds a null QString as NULL: "no actor" is stored as ''.
        const QString actor = db.settings().actor.trimmed();
        for (const QString &ref : refs) {
            s.reset();
            s.bind(1, db.login());
            s.bind(2, ref);
            s.bind(3, actor.isEmpty() ? QStringLiteral("") : actor);
            s.bind(4, uuidText(db.tenantId()));
            s.bind(5, uuidText(db.actorId()));
            s.bind(6, levelName(db.accessLevel()));
            s.bind(7, storedTimeText(QDateTime::currentDateTimeUtc()));
            if (s.step() != SQLITE_DONE)
                return d->error(tr("remembering who writes"));
        }
        return {};
    });
}

std::optional<OutboxIdentity> Outbox::rememberedNames(const ConnectionSettings &settings) const
{
    const QString tenant = settings.tenant.trimmed();
    if (tenant.isEmpty())
        return std::nullopt;
    const QUuid asUuid = QUuid::fromString(tenant);
    SqliteStatement s(d->h,
                      "SELECT tenant_id, tenant_name, coalesce(person_handle, '') FROM identities "
                      "WHERE login = ?1 AND (tenant_ref = ?2 OR tenant_id = ?3) AND "
                      "coalesce(tenant_name, '') <> '' ORDER BY actor_ref = ?4 DESC, "
                      "connected_at DESC LIMIT 1");
    s.bind(1, loginOf(settings));
    s.bind(2, tenant);
    s.bind(3, asUuid.isNull() ? tenant : uuidText(asUuid));
    s.bind(4, settings.actor.trimmed());
    if (!s.isValid() || s.step() != SQLITE_ROW)
        return std::nullopt;
    OutboxIdentity names;
    names.login = loginOf(settings);
    names.tenantId = QUuid::fromString(s.text(0));
    names.tenantName = s.text(1);
    names.personHandle = s.text(2);
    return names;
}

Result<OutboxIdentity> Outbox::identity(const ConnectionSettings &settings) const
{
    const QString login = loginOf(settings);
    const QString tenant = settings.tenant.trimmed();
    const QString actor = settings.actor.trimmed();
    if (tenant.isEmpty())
        return makeError(ErrorCode::NoTenant,
                         tr("no tenant given — set KNOWLEDGE_TENANT or pass --tenant"));
    const QUuid asUuid = QUuid::fromString(tenant);
    // A reader or member login is its granted person whatever --actor says; a login that
    // writes for others is remembered per person.
    SqliteStatement s(d->h,
                      "SELECT tenant_id, actor_id, level, connected_at, actor_ref, "
                      "coalesce(tenant_name, ''), coalesce(person_handle, '') FROM "
                      "identities WHERE login = ?1 AND (tenant_ref = ?2 OR tenant_id = ?3) "
                      "AND (actor_ref = ?4 OR level IN ('reader', 'member')) "
                      "ORDER BY actor_ref = ?4 DESC, connected_at DESC LIMIT 1");
    s.bind(1, login);
    s.bind(2, tenant);
    s.bind(3, asUuid.isNull() ? tenant : uuidText(asUuid));
    s.bind(4, actor.isEmpty() ? QStringLiteral("") : actor);
    if (!s.isValid())
        return d->error(tr("reading who writes"));
    if (s.step() != SQLITE_ROW)
        return makeError(
            ErrorCode::NoActor,
            tr("login %1 has not written to tenant %2%3 online from this machine "
               "yet, so who you are there is not known offline — once online, run "
               "`knowledgectl outbox deliver` (or make any change), then changes "
               "made offline can be queued")
                .arg(login, tenant, actor.isEmpty() ? QString() : tr(" as %1").arg(actor)));
    OutboxIdentity who;
    who.login = login;
    who.tenantId = QUuid::fromString(s.text(0));
    who.actorId = QUuid::fromString(s.text(1));
    who.level = s.text(2);
    who.connectedAt = storedTimeFrom(s.text(3));
    who.tenantName = s.text(5);
    who.personHandle = s.text(6);
    if (who.actorId.isNull())
        return makeError(ErrorCode::NoActor,
                         tr("login %1 writes for others and was last online without a person: "
                            "name the person with --actor (as when online) to queue a change")
                             .arg(login));
    return who;
}

Result<Event> Outbox::enqueue(Event event, const OutboxIdentity &who, QuirkBase base)
{
    if (event.id.isNull())
        event.id = createUuidV7();
    if (!event.createdAt.isValid())
        event.createdAt = QDateTime::currentDateTimeUtc();
    event.tenantId = who.tenantId;
    event.actorId = who.actorId;
    event.actorType = QStringLiteral("user");
    // The rules that need no database, now: an invalid input is refused, nothing is queued.
    // (A quirk change's investigation is the quirk's, known at delivery; its stand-in passes.)
    if (auto v = EventValidator::validate(event); !v)
        return v.error();
    if (isQuirkChange(event) && base.isEmpty() && event.eventType == QLatin1String("quirk.edited"))
        base = d->baseFor(event, who);
    if (auto r = d->insert(event, who.login, base, QDateTime::currentDateTimeUtc()); !r)
        return r.error();
    return event;
}

Result<std::vector<OutboxEntry>> Outbox::entries(std::vector<OutboxEntry::State> states,
                                                 const QUuid &tenant, const QString &login) const
{
    if (states.empty())
        states = {OutboxEntry::State::Pending, OutboxEntry::State::Refused};
    QStringList where, names;
    std::vector<QString> params;
    for (OutboxEntry::State s : states) {
        params.push_back(stateText(s));
        names << QStringLiteral("?%1").arg(params.size());
    }
    where << QStringLiteral("state IN (%1)").arg(names.join(QStringLiteral(", ")));
    if (!tenant.isNull()) {
        params.push_back(uuidText(tenant));
        where << QStringLiteral("tenant_id = ?%1").arg(params.size());
    }
    if (!login.isEmpty()) {
        params.push_back(login);
        where << QStringLiteral("login = ?%1").arg(params.size());
    }
    return d->select(QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND ")), params);
}

Result<OutboxEntry> Outbox::entry(const QString &idOrPrefix) const
{
    const QString id
        = idOrPrefix.trimmed().toLower().remove(QLatin1Char('{')).remove(QLatin1Char('}'));
    if (id.size() < 8)
        return makeError(ErrorCode::Usage,
                         tr("'%1' is too short to name an outbox entry — give its id (or at "
                            "least its first 8 characters; `knowledgectl outbox list` shows them)")
                             .arg(idOrPrefix));
    auto found = d->select(QStringLiteral("WHERE substr(id, 1, length(?1)) = ?1"), {id});
    if (!found)
        return found.error();
    if (found->size() != 1)
        return makeError(found->empty() ? ErrorCode::BadInput : ErrorCode::Usage,
                         found->empty()
                             ? tr("there is no outbox entry %1 — `knowledgectl outbox list` "
                                  "shows them")
                                   .arg(idOrPrefix)
                             : tr("%1 names %2 outbox entries — give more of the id")
                                   .arg(idOrPrefix)
                                   .arg(found->size()));
    return std::move(found->front());
}

Result<qint64> Outbox::count(OutboxEntry::State state, const QUuid &tenant,
                             const QString &login) const
{
    SqliteStatement s(d->h,
                      "SELECT count(*) FROM entries WHERE state = ?1 "
                      "AND (?2 IS NULL OR tenant_id = ?2) AND (?3 IS NULL OR login = ?3)");
    s.bind(1, stateText(state));
    s.bind(2, uuidText(tenant));
    s.bind(3, login.isEmpty() ? QString() : login);
    if (!s.isValid() || s.step() != SQLITE_ROW)
        return d->error(tr("counting the entries"));
    return s.int64(0);
}

Result<bool> Outbox::writeNow(Database &db, Event &event, const QuirkBase &base,
                              QuirkVersion *current)
{
    if (auto c = QuirkBook::checkChange(db, event, base, current); !c)
        return c.error();
    std::vector<Event> one{event};
    auto verdicts = FeedbackRecorder::checkTargets(db, one);
    if (!verdicts)
        return verdicts.error();
    if (verdicts->front())
        return *verdicts->front();
    event = one.front();
    return EventLog(db).emit(event);
}

} // namespace ke
