#include "offlinesnapshot.h"
#include "sqliteprocess_p.h"

#include "offlinecache.h"
#include "offlinesnapshot_p.h"
#include "storedtime.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace ke {

using namespace offlinesnapshotdetail;

namespace {

QJsonObject objectFrom(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

Error notKept(const QString &what)
{
    return makeError(ErrorCode::NoCache,
                     OfflineSnapshot::tr("%1 is not in the offline cache — run `knowledgectl "
                                         "sync` while the database is reachable (the cache keeps "
                                         "the traces of the tenant's last %2 days)")
                         .arg(what)
                         .arg(SnapshotWindow{}.traceDays));
}

} // namespace

namespace offlinesnapshotdetail {

QByteArray packEvents(const std::vector<Event> &events)
{
    QJsonArray a;
    for (const Event &e : events)
        a.append(e.toJson());
    return qCompress(QJsonDocument(a).toJson(QJsonDocument::Compact), 6);
}

std::vector<Event> unpackEvents(const QByteArray &packed)
{
    std::vector<Event> out;
    const QJsonArray a = QJsonDocument::fromJson(qUncompress(packed)).array();
    out.reserve(size_t(a.size()));
    for (const QJsonValue &v : a) {
        if (auto e = Event::fromJson(v.toObject()))
            out.push_back(std::move(*e));
    }
    return out;
}

QJsonObject historyEntryToJson(const QuirkHistoryEntry &e)
{
    return {
        {QStringLiteral("id"), e.eventId.toString(QUuid::WithoutBraces)},
        {QStringLiteral("event_type"), e.eventType},
        {QStringLiteral("actor_id"),
         e.actorId.isNull() ? QJsonValue() : QJsonValue(e.actorId.toString(QUuid::WithoutBraces))},
        {QStringLiteral("created_at"), storedTimeText(e.createdAt)},
        {QStringLiteral("data"), e.data}};
}

QuirkHistoryEntry historyEntryFromJson(const QJsonObject &o)
{
    QuirkHistoryEntry e;
    e.eventId = QUuid::fromString(o.value(QLatin1String("id")).toString());
    e.eventType = o.value(QLatin1String("event_type")).toString();
    e.actorId = QUuid::fromString(o.value(QLatin1String("actor_id")).toString());
    e.createdAt = storedTimeFrom(o.value(QLatin1String("created_at")).toString());
    e.data = o.value(QLatin1String("data")).toObject();
    return e;
}

} // namespace offlinesnapshotdetail

OfflineSnapshot::Private::~Private()
{
    sqlite3_close(h);
}

Error OfflineSnapshot::Private::error(const QString &what) const
{
    return makeError(ErrorCode::CacheError,
                     OfflineSnapshot::tr("%1 failed in the offline cache %2: %3 — remove the "
                                         "file and sync again")
                         .arg(what, path, QString::fromUtf8(sqlite3_errmsg(h))));
}

Result<void> OfflineSnapshot::Private::exec(const char *sql) const
{
    if (sqlite3_exec(h, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
        return error(QString::fromUtf8(sql).left(40));
    return {};
}

QString OfflineSnapshot::Private::meta(const char *key) const
{
    SqliteStatement st(h, "SELECT value FROM meta WHERE key = ?1");
    if (!st.isValid())
        return {};
    st.bind(1, QString::fromLatin1(key));
    return st.step() == SQLITE_ROW ? st.text(0) : QString();
}

OfflineSnapshot::OfflineSnapshot()
    : d(std::make_unique<Private>())
{ }

OfflineSnapshot::~OfflineSnapshot() = default;

QString OfflineSnapshot::fileName()
{
    return QStringLiteral("browse.sqlite");
}

Result<std::unique_ptr<OfflineSnapshot>> OfflineSnapshot::open(const QString &directory)
{
    std::unique_ptr<OfflineSnapshot> s(new OfflineSnapshot);
    s->d->path = directory + QLatin1Char('/') + fileName();
    const bool existed = QFileInfo::exists(s->d->path);
    const QByteArray path = s->d->path.toUtf8();
    configureSqliteForThisProcess();
    if (sqlite3_open_v2(path.constData(), &s->d->h,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr)
        != SQLITE_OK)
        return makeError(ErrorCode::Io,
                         tr("cannot open the offline cache %1: %2 — check the directory's "
                            "permissions and free space")
                             .arg(s->d->path, QString::fromUtf8(sqlite3_errmsg(s->d->h))));
    if (!existed)
        searchindexdetail::restrictToOwner(s->d->path);
    sqlite3_busy_timeout(s->d->h, 10000);
    if (auto r = s->d->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"); !r)
        return r.error();
    // A snapshot is only a copy: one of another layout is dropped and the next sync refills it.
    constexpr int kLayout = 2;
    qint64 layout = kLayout;
    {
        SqliteStatement version(s->d->h, "PRAGMA user_version");
        if (version.isValid() && version.step() == SQLITE_ROW)
            layout = version.int64(0);
    }
    {
        if (layout != kLayout) {
            if (auto r = s->d->exec("DROP TABLE IF EXISTS meta; DROP TABLE IF EXISTS datasets; "
                                    "DROP TABLE IF EXISTS knowledge; DROP TABLE IF EXISTS "
                                    "activity; DROP TABLE IF EXISTS investigations; DROP TABLE IF "
                                    "EXISTS traces; DROP TABLE IF EXISTS quirk_histories; "
                                    "PRAGMA user_version = 2;");
                !r)
                return r.error();
        }
    }
    // Values are the readers' own JSON (toJson() of the online answer): one reading, both ways.
    if (auto r = s->d->exec(R"sql(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS datasets (position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL, description TEXT, investigation_count INTEGER NOT NULL,
    positive INTEGER NOT NULL, negative INTEGER NOT NULL, last_investigation_at TEXT);
CREATE TABLE IF NOT EXISTS knowledge (dataset_id TEXT PRIMARY KEY, json TEXT NOT NULL,
    activity_more INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS activity (dataset_id TEXT NOT NULL, position INTEGER NOT NULL,
    cursor TEXT NOT NULL, json TEXT NOT NULL, data TEXT, PRIMARY KEY (dataset_id, position));
CREATE TABLE IF NOT EXISTS investigations (dataset_id TEXT NOT NULL, position INTEGER NOT NULL,
    json TEXT NOT NULL, PRIMARY KEY (dataset_id, position));
CREATE TABLE IF NOT EXISTS traces (investigation_id TEXT PRIMARY KEY,
    event_count INTEGER NOT NULL, events BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS quirk_histories (quirk_id TEXT PRIMARY KEY,
    event_count INTEGER NOT NULL, json TEXT NOT NULL);
)sql");
        !r)
        return r.error();
    for (const char *suffix : {"-wal", "-shm"})
        searchindexdetail::restrictToOwner(s->d->path + QLatin1String(suffix));
    return s;
}

Result<std::unique_ptr<OfflineSnapshot>>
OfflineSnapshot::openForReading(const ConnectionSettings &settings)
{
    auto dir = OfflineCache::searchDirectory(settings);
    if (!dir)
        return dir.error();
    if (!QFileInfo::exists(*dir + QLatin1Char('/') + fileName()))
        return makeError(ErrorCode::NoCache,
                         tr("the offline cache in %1 holds only the search documents (it was "
                            "synced by an earlier version) — run `knowledgectl sync` once while "
                            "the database is reachable")
                             .arg(*dir));
    auto s = open(*dir);
    if (s && !(*s)->syncedAt().isValid())
        return makeError(ErrorCode::NoCache,
                         tr("the offline cache in %1 was never synced completely — run "
                            "`knowledgectl sync` while the database is reachable")
                             .arg(*dir));
    return s;
}

QString OfflineSnapshot::path() const
{
    return d->path;
}

QDateTime OfflineSnapshot::syncedAt() const
{
    return storedTimeFrom(d->meta(kSyncedAt));
}

QUuid OfflineSnapshot::viewer() const
{
    return QUuid::fromString(d->meta(kViewer));
}

Result<QUuid> OfflineSnapshot::resolve(const QString &dataset) const
{
    const QString key = dataset.trimmed();
    SqliteStatement st(d->h,
                       "SELECT id FROM datasets WHERE id = ?1 OR name = ?2 "
                       "ORDER BY id = ?1 DESC LIMIT 1");
    if (!st.isValid())
        return d->error(tr("looking up a dataset"));
    const QUuid asUuid = QUuid::fromString(key);
    st.bind(1, asUuid.isNull() ? key : asUuid.toString(QUuid::WithoutBraces));
    st.bind(2, key);
    if (st.step() == SQLITE_ROW)
        return QUuid::fromString(st.text(0));
    return makeError(ErrorCode::UnknownDataset,
                     tr("the offline cache knows no dataset '%1' — check the name, give its "
                        "UUID, or run `knowledgectl sync` while the database is reachable")
                         .arg(key));
}

Result<QList<DatasetSummary>> OfflineSnapshot::datasets() const
{
    SqliteStatement st(d->h,
                       "SELECT id, name, description, investigation_count, positive, "
                       "negative, last_investigation_at FROM datasets ORDER BY position");
    if (!st.isValid())
        return d->error(tr("reading the datasets"));
    QList<DatasetSummary> out;
    while (st.step() == SQLITE_ROW) {
        DatasetSummary s;
        s.ref.id = QUuid::fromString(st.text(0));
        s.ref.name = st.text(1);
        s.ref.description = st.text(2);
        s.investigationCount = int(st.int64(3));
        s.positiveFeedback = int(st.int64(4));
        s.negativeFeedback = int(st.int64(5));
        s.lastInvestigationAt = storedTimeFrom(st.text(6));
        out.append(s);
    }
    return out;
}

Result<DatasetKnowledge> OfflineSnapshot::knowledge(const QString &dataset) const
{
    auto id = resolve(dataset);
    if (!id)
        return id.error();
    SqliteStatement st(d->h, "SELECT json FROM knowledge WHERE dataset_id = ?1");
    if (!st.isValid())
        return d->error(tr("reading the knowledge"));
    st.bind(1, id->toString(QUuid::WithoutBraces));
    if (st.step() != SQLITE_ROW)
        return notKept(tr("the knowledge of dataset '%1'").arg(dataset));
    return DatasetKnowledge::fromJson(objectFrom(st.text(0)));
}

Result<ActivityPage> OfflineSnapshot::activity(const QString &dataset, int limit,
                                               const QString &before) const
{
    if (limit < 1 || limit > 1000)
        return makeError(
            ErrorCode::InvalidLimit,
            KnowledgeStore::tr("the limit must be between 1 and 1000, got %1").arg(limit));
    // The cursor KnowledgeStore makes ("<created_at, UTC, µs>_<event id>") orders as the feed.
    static const QRegularExpression cursorRe(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z_[0-9a-fA-F-]{36}$"));
    if (!before.isEmpty() && !cursorRe.match(before).hasMatch())
        return makeError(ErrorCode::InvalidCursor,
                         KnowledgeStore::tr("'%1' is not an activity cursor — pass the cursor "
                                            "printed with the last item of the previous page")
                             .arg(before));
    auto id = resolve(dataset);
    if (!id)
        return id.error();
    const QString key = id->toString(QUuid::WithoutBraces);
    SqliteStatement more(d->h, "SELECT activity_more FROM knowledge WHERE dataset_id = ?1");
    SqliteStatement st(d->h,
                       "SELECT json, data FROM activity WHERE dataset_id = ?1 AND "
                       "(?2 IS NULL OR cursor < ?2) ORDER BY position LIMIT ?3");
    if (!st.isValid() || !more.isValid())
        return d->error(tr("reading the activity"));
    more.bind(1, key);
    if (more.step() != SQLITE_ROW)
        return notKept(tr("the activity of dataset '%1'").arg(dataset));
    const bool moreBeyondWindow = more.int64(0) != 0;
    st.bind(1, key);
    st.bind(2, before.isEmpty() ? QString() : before.toLower());
    st.bind(3, qint64(limit) + 1);
    ActivityPage page;
    bool further = false;
    while (st.step() == SQLITE_ROW) {
        if (page.items.size() == limit) {
            further = true;
            break;
        }
        ActivityItem a = ActivityItem::fromJson(objectFrom(st.text(0)));
        // Said again in the reader's language (the sync may have run in another).
        if (!st.isNull(1)) {
            a.data = objectFrom(st.text(1));
            a.text = KnowledgeStore::describeActivity(a.eventType, a.data);
        }
        page.items.append(a);
    }
    // Online there are more when the database holds more; here also when the feed went on
    // beyond the kept window (that next page is then empty offline).
    if ((further || (moreBeyondWindow && page.items.size() == limit)) && !page.items.isEmpty())
        page.nextCursor = page.items.last().cursor;
    return page;
}

Result<QList<InvestigationSummary>> OfflineSnapshot::investigations(const QString &dataset,
                                                                    int limit) const
{
    if (limit < 1 || limit > 5000)
        return makeError(
            ErrorCode::InvalidLimit,
            InvestigationDirectory::tr("the limit must be between 1 and 5000, got %1").arg(limit));
    auto id = resolve(dataset);
    if (!id)
        return id.error();
    SqliteStatement st(d->h,
                       "SELECT json FROM investigations WHERE dataset_id = ?1 "
                       "ORDER BY position LIMIT ?2");
    if (!st.isValid())
        return d->error(tr("reading the investigations"));
    st.bind(1, id->toString(QUuid::WithoutBraces));
    st.bind(2, qint64(limit));
    QList<InvestigationSummary> out;
    while (st.step() == SQLITE_ROW)
        out.append(InvestigationSummary::fromJson(objectFrom(st.text(0))));
    return out;
}

Result<InvestigationTrace> OfflineSnapshot::trace(const QUuid &investigationId,
                                                  const QUuid &viewer) const
{
    SqliteStatement st(d->h, "SELECT events FROM traces WHERE investigation_id = ?1");
    if (!st.isValid())
        return d->error(tr("reading an investigation"));
    st.bind(1, investigationId.toString(QUuid::WithoutBraces));
    if (st.step() != SQLITE_ROW)
        return notKept(tr("investigation %1").arg(investigationId.toString(QUuid::WithoutBraces)));
    const QByteArray packed(static_cast<const char *>(sqlite3_column_blob(st.get(), 0)),
                            sqlite3_column_bytes(st.get(), 0));
    return InvestigationTrace::fromEvents(unpackEvents(packed),
                                          viewer.isNull() ? this->viewer() : viewer);
}

Result<QList<QuirkHistoryEntry>> OfflineSnapshot::quirkHistory(const QString &quirkId) const
{
    SqliteStatement st(d->h, "SELECT json FROM quirk_histories WHERE quirk_id = ?1");
    if (!st.isValid())
        return d->error(tr("reading a quirk's history"));
    st.bind(1, quirkId);
    QList<QuirkHistoryEntry> out;
    if (st.step() != SQLITE_ROW)
        return out; // as online: a quirk without events has an empty history
    for (const QJsonValue &v : QJsonDocument::fromJson(st.text(0).toUtf8()).array())
        out.append(historyEntryFromJson(v.toObject()));
    return out;
}

} // namespace ke
