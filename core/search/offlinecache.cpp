#include "offlinecache.h"

#include "datasetdirectory.h"

#include "connectionsettings.h"
#include "database.h"
#include "database_p.h"
#include "lsaembedder.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QtConcurrent/QtConcurrentRun>

#include <libpq-fe.h>

namespace ke {

namespace {

const QString kWatermarkKey = QStringLiteral("sync.watermark");
const QString kSyncedAtKey = QStringLiteral("sync.completed_at");
const QString kTenantKey = QStringLiteral("tenant_id");
const QString kSlugKey = QStringLiteral("tenant_slug");
/// The tenant's datasets at the last sync, {"name": "uuid", …}, so that --dataset NAME works
/// offline too; replaced whole by every sync (renamed and deleted datasets drop out).
const QString kDatasetsKey = QStringLiteral("datasets");

constexpr auto kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr auto kOwnerOnlyDir
    = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;

constexpr int kNeverStale = 0; // QLockFile: only a lock whose process is gone is stale

QString connectionsFile()
{
    return OfflineCache::rootDirectory() + QStringLiteral("/connections.json");
}

QString databaseDirectory(const QString &databaseKey)
{
    return OfflineCache::rootDirectory() + QLatin1Char('/') + databaseKey;
}

QString tenantsFile(const QString &databaseKey)
{
    return databaseDirectory(databaseKey) + QStringLiteral("/tenants.json");
}

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

Result<void> writeJson(const QString &path, const QJsonObject &o)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io,
                         OfflineCache::tr("cannot write %1: %2 — check the cache directory's "
                                          "permissions")
                             .arg(path, f.errorString()));
    f.write(QJsonDocument(o).toJson());
    if (!f.commit())
        return makeError(ErrorCode::Io,
                         OfflineCache::tr("cannot write %1: %2 — check the cache directory's "
                                          "permissions and free space")
                             .arg(path, f.errorString()));
    QFile::setPermissions(path, kOwnerOnly);
    return {};
}

/// Creates `dir` and any missing parent with mode 0700 from the start (no window in which it
/// is readable by others). An existing directory is restricted to 0700 only when it is the
/// product's own (`restrictExisting`): never one the user pointed KNOWLEDGE_CACHE_DIR at,
/// which may be $HOME.
Result<void> makePrivateDirectory(const QString &dir, bool restrictExisting = true)
{
    const QString path = QDir::cleanPath(QDir(dir).absolutePath());
    QStringList missing;
    QString existing = path;
    while (!QFileInfo(existing).exists()) {
        missing.prepend(existing);
        const QString parent = QFileInfo(existing).path();
        if (parent == existing)
            break;
        existing = parent;
    }
    for (const QString &d : missing) {
        if (!QDir().mkdir(d, kOwnerOnlyDir) && !QFileInfo(d).isDir())
            return makeError(ErrorCode::Io,
                             OfflineCache::tr("cannot create the cache directory %1 — check its "
                                              "parent's permissions or set KNOWLEDGE_CACHE_DIR")
                                 .arg(d));
    }
    if (!QFileInfo(path).isDir())
        return makeError(ErrorCode::Io,
                         OfflineCache::tr("cannot create the cache directory %1 — check its "
                                          "parent's permissions or set KNOWLEDGE_CACHE_DIR")
                             .arg(path));
    if (missing.isEmpty() && restrictExisting)
        QFile::setPermissions(path, kOwnerOnlyDir);
    return {};
}

void rememberSlug(const QString &databaseKey, const QString &slug, const QUuid &tenant)
{
    if (slug.isEmpty())
        return;
    QJsonObject map = readJson(tenantsFile(databaseKey));
    const QString id = tenant.toString(QUuid::WithoutBraces);
    if (map.value(slug).toString() == id)
        return;
    map.insert(slug, id);
    (void)writeJson(tenantsFile(databaseKey), map); // only a convenience for offline use by slug
}

/// Who holds a lock, for messages: "process 1234 (knowledgectl) on host".
QString lockHolder(const QLockFile &lock)
{
    qint64 pid = 0;
    QString host, app;
    if (!lock.getLockInfo(&pid, &host, &app))
        return OfflineCache::tr("another process");
    return OfflineCache::tr("process %1 (%2) on %3").arg(pid).arg(app, host);
}

Error lockError(const QLockFile &lock, const QString &what)
{
    if (lock.error() == QLockFile::LockFailedError)
        return makeError(ErrorCode::CacheBusy,
                         OfflineCache::tr("%1: the offline cache lock %2 is held by %3 — try "
                                          "again when it is done (if that process hangs, end "
                                          "it; the lock of a process that is gone is taken "
                                          "over)")
                             .arg(what, lock.fileName(), lockHolder(lock)));
    return makeError(ErrorCode::Io,
                     OfflineCache::tr("%1: cannot create the lock file %2 — check the cache "
                                      "directory's permissions")
                         .arg(what, lock.fileName()));
}

std::unique_ptr<QLockFile> cacheLock(const QString &directory, const char *name)
{
    auto lock = std::make_unique<QLockFile>(directory + QLatin1Char('/') + QLatin1String(name));
    lock->setStaleLockTime(kNeverStale);
    return lock;
}

/// files.lock for a sync's writes: waits up to five minutes for a reader or another writer.
Result<void> lockForSync(QLockFile &files)
{
    if (!files.tryLock(300000))
        return lockError(files, OfflineCache::tr("syncing"));
    return {};
}

/// Takes the cache's files.lock in `directory` within `timeoutMs` (`what`: what it is for, for
/// the error); how long that took goes to `waitedMs`.
Result<std::unique_ptr<QLockFile>> takeFilesLock(const QString &directory, int timeoutMs,
                                                 const QString &what, double &waitedMs)
{
    auto files = cacheLock(directory, "files.lock");
    QElapsedTimer waited;
    waited.start();
    if (!files->tryLock(timeoutMs))
        return lockError(*files, what);
    waitedMs = double(waited.nsecsElapsed()) / 1e6;
    return files;
}

/// The cache records its tenant and refuses to serve as another's; `claim`: record it when
/// the cache is new (the writer's first sync).
Result<void> checkOwner(SearchIndex &index, const QUuid &tenant, bool claim)
{
    const QString id = tenant.toString(QUuid::WithoutBraces);
    auto owner = index.metaValue(kTenantKey);
    if (!owner)
        return owner.error();
    if (owner->isEmpty() && claim)
        return index.setMetaValue(kTenantKey, id);
    if (*owner != id)
        return makeError(ErrorCode::WrongTenant,
                         OfflineCache::tr("the cache in %1 belongs to another tenant (%2) — "
                                          "remove the directory and sync again")
                             .arg(index.directory(),
                                  owner->isEmpty() ? OfflineCache::tr("none recorded") : *owner));
    return {};
}

/// Offline, when no current cache exists: whether a tenant-only cache of an earlier version
/// does, for the message (it is never used).
QString legacyCacheNote(const QString &uuidOrSlug)
{
    QUuid tenant = QUuid::fromString(uuidOrSlug);
    if (tenant.isNull())
        tenant = QUuid::fromString(
            readJson(OfflineCache::rootDirectory() + QStringLiteral("/tenants.json"))
                .value(uuidOrSlug)
                .toString());
    if (tenant.isNull())
        return {};
    const QString dir
        = OfflineCache::rootDirectory() + QLatin1Char('/') + tenant.toString(QUuid::WithoutBraces);
    if (!QFileInfo::exists(dir + QStringLiteral("/search.sqlite")))
        return {};
    return OfflineCache::tr(" (the cache in %1 was made by an earlier version, which did not "
                            "record the database it came from, so it is not used; you may "
                            "remove it after the sync)")
        .arg(dir);
}

/// One page of search_documents rows.
struct Page
{
    QList<SearchDocument> upserts;
    QList<QPair<QString, QString>> removals;
    qint64 lastSeq = 0;
    qint64 rows = 0;
};

Result<Page> fetchPage(Database &db, const QUuid &tenant, qint64 after, int pageSize)
{
    return guarded(OfflineCache::tr("reading the searchable documents"), [&]() -> Result<Page> {
        pqxx::work tx(databasePrivate(db)->conn);
        const std::string table = toStd(Database::quoteQualified(
            databasePrivate(db)->settings.schema + QStringLiteral(".search_documents")));
        const pqxx::result rows = tx.exec_params(
            "SELECT source_type, source_id, dataset_id, investigation_id, content, created_at, "
            "feedback_score, retired, change_seq FROM "
                + table + " WHERE tenant_id = $1 AND change_seq > $2 ORDER BY change_seq LIMIT $3",
            uuidToStd(tenant), after, pageSize);
        tx.commit();
        Page page;
        page.rows = qint64(rows.size());
        page.upserts.reserve(int(rows.size()));
        for (const auto &row : rows) {
            page.lastSeq = row[8].as<qint64>();
            if (row[7].as<bool>()) {
                page.removals.append({stringFromField(row[0]), stringFromField(row[1])});
                continue;
            }
            SearchDocument doc;
            readColumns(row, 0, doc.sourceType, doc.sourceId, doc.datasetId, doc.investigationId,
                        doc.content, doc.createdAt, doc.feedbackScore);
            page.upserts.append(std::move(doc));
        }
        return page;
    });
}

struct StoredModel
{
    QString name;
    QByteArray bytes;
};

/// The tenant's current local (LSA) model, if the job stored one.
Result<std::optional<StoredModel>> fetchModel(Database &db, const QUuid &tenant)
{
    return guarded(
        OfflineCache::tr("reading the embedding model"),
        [&]() -> Result<std::optional<StoredModel>> {
            pqxx::work tx(databasePrivate(db)->conn);
            const std::string table = toStd(Database::quoteQualified(
                databasePrivate(db)->settings.schema + QStringLiteral(".embedding_models")));
            const pqxx::result r = tx.exec_params(
                "SELECT name, model FROM " + table
                    + " WHERE tenant_id = $1 AND kind = 'lsa' AND model IS NOT NULL "
                      "ORDER BY created_at DESC, name LIMIT 1",
                uuidToStd(tenant));
            tx.commit();
            if (r.empty())
                return std::optional<StoredModel>{};
            const pqxx::binarystring blob(r[0][1]);
            return std::optional<StoredModel>{StoredModel{
                stringFromField(r[0][0]),
                QByteArray(reinterpret_cast<const char *>(blob.data()), qsizetype(blob.size()))}};
        });
}

Result<qint64> countPending(Database &db, const QUuid &tenant, qint64 after)
{
    return guarded(OfflineCache::tr("counting the searchable documents"), [&]() -> Result<qint64> {
        pqxx::work tx(databasePrivate(db)->conn);
        const std::string table = toStd(Database::quoteQualified(
            databasePrivate(db)->settings.schema + QStringLiteral(".search_documents")));
        const auto r = tx.exec_params("SELECT count(*) FROM " + table
                                          + " WHERE tenant_id = $1 AND change_seq > $2",
                                      uuidToStd(tenant), after);
        tx.commit();
        return r[0][0].as<qint64>();
    });
}

} // namespace

QString OfflineCache::rootDirectory()
{
    const QString overridden = qEnvironmentVariable("KNOWLEDGE_CACHE_DIR");
    if (!overridden.isEmpty())
        return QDir(overridden).absolutePath();
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)
        + QStringLiteral("/knowledge-explorer");
}

QString OfflineCache::connectionKey(const ConnectionSettings &settings)
{
    // The server parameters as libpq would use them: from the URL / conninfo, else from
    // libpq's defaults (PG* variables). Secrets (password, sslpassword) never enter the key,
    // nor the login: the caches belong to the database and its tenants, so signing in with
    // another login of the same server finds them (the files are the OS user's, 0600).
    static const char *const kKeys[] = {"host", "hostaddr", "port", "dbname", "service"};
    QMap<QString, QString> params;
    auto take = [&](PQconninfoOption *options) {
        for (PQconninfoOption *o = options; o && o->keyword; ++o) {
            for (const char *k : kKeys) {
                if (o->val && *o->val && qstrcmp(o->keyword, k) == 0)
                    params.insert(QString::fromUtf8(k), QString::fromUtf8(o->val));
            }
        }
        PQconninfoFree(options);
    };
    take(PQconndefaults());
    const QByteArray url = settings.databaseUrl.toUtf8();
    if (!url.isEmpty()) {
        char *parseError = nullptr;
        PQconninfoOption *parsed = PQconninfoParse(url.constData(), &parseError);
        if (parsed)
            take(parsed);
        else // not parseable (the connect fails too): the text without anything secret
            params.insert(QStringLiteral("unparsed"), settings.redactedUrl());
        if (parseError)
            PQfreemem(parseError);
    }
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (auto it = params.cbegin(); it != params.cend(); ++it)
        h.addData((it.key() + QLatin1Char('=') + it.value() + QLatin1Char('\n')).toUtf8());
    h.addData((QStringLiteral("schema=") + settings.schema).toUtf8());
    return QString::fromLatin1(h.result().toHex());
}

Result<DatabaseIdentity> OfflineCache::rememberConnection(Database &db)
{
    auto identity = DatabaseIdentity::query(db);
    if (!identity)
        return identity;
    const QString root = rootDirectory();
    // A root the user chose (KNOWLEDGE_CACHE_DIR) is not ours to chmod; what we create is 0700.
    if (auto made = makePrivateDirectory(root, qEnvironmentVariableIsEmpty("KNOWLEDGE_CACHE_DIR"));
        !made)
        return made.error();
    const QString dbKey = identity->key();
    const QString dbDir = databaseDirectory(dbKey);
    if (auto made = makePrivateDirectory(dbDir); !made)
        return made.error();
    const QJsonObject described{{QStringLiteral("system_identifier"), identity->systemIdentifier},
                                {QStringLiteral("database_name"), identity->databaseName},
                                {QStringLiteral("schema"), identity->schema}};
    if (readJson(dbDir + QStringLiteral("/database.json")) != described) {
        if (auto w = writeJson(dbDir + QStringLiteral("/database.json"), described); !w)
            return w.error();
    }
    const QString key = connectionKey(db.settings());
    if (readJson(connectionsFile()).value(key).toObject().value(QStringLiteral("database"))
        == dbKey)
        return identity;
    // A read-modify-write of a file other processes update too: under its own short lock.
    auto lock = cacheLock(root, "connections.lock");
    if (!lock->tryLock(10000))
        return lockError(*lock, tr("remembering which database this connection reaches"));
    QJsonObject map = readJson(connectionsFile());
    map.insert(key,
               QJsonObject{{QStringLiteral("database"), dbKey},
                           {QStringLiteral("remembered_at"),
                            QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}});
    if (auto w = writeJson(connectionsFile(), map); !w)
        return w.error();
    return identity;
}

void OfflineCache::rememberConnectionIfCaching(Database &db)
{
    if (QFileInfo::exists(connectionsFile()))
        (void)rememberConnection(db);
}

QString OfflineCache::rememberedDatabase(const ConnectionSettings &settings)
{
    const QString key = readJson(connectionsFile())
                            .value(connectionKey(settings))
                            .toObject()
                            .value(QStringLiteral("database"))
                            .toString();
    // Only a key of our own shape names a directory (the file is input, not trusted).
    static const QRegularExpression shape(QStringLiteral("^db-[0-9a-f]{16}$"));
    return shape.match(key).hasMatch() ? key : QString();
}

QString OfflineCache::directoryFor(const QString &databaseKey, const QUuid &tenant)
{
    return databaseDirectory(databaseKey) + QLatin1Char('/')
        + tenant.toString(QUuid::WithoutBraces);
}

Result<QUuid> OfflineCache::resolveTenant(const QString &databaseKey, const QString &uuidOrSlug)
{
    if (uuidOrSlug.isEmpty())
        return makeError(ErrorCode::NoTenant,
                         tr("no tenant given — set KNOWLEDGE_TENANT or pass --tenant"));
    const QUuid asUuid = QUuid::fromString(uuidOrSlug);
    if (!asUuid.isNull())
        return asUuid;
    const QUuid remembered
        = QUuid::fromString(readJson(tenantsFile(databaseKey)).value(uuidOrSlug).toString());
    if (remembered.isNull())
        return makeError(ErrorCode::UnknownTenant,
                         tr("no offline cache of this database knows the tenant \"%1\" — run "
                            "`knowledgectl sync` while the database is reachable, or give the "
                            "tenant's UUID")
                             .arg(uuidOrSlug));
    return remembered;
}

Result<std::unique_ptr<OfflineCache>> OfflineCache::openForSync(Database &db, int lockTimeoutMs)
{
    const QUuid tenant = db.tenantId();
    if (tenant.isNull())
        return makeError(ErrorCode::NoTenant, tr("no tenant given for the offline cache"));
    auto identity = rememberConnection(db);
    if (!identity)
        return identity.error();
    std::unique_ptr<OfflineCache> cache(new OfflineCache);
    cache->m_tenant = tenant;
    cache->m_databaseKey = identity->key();
    const QString dir = directoryFor(cache->m_databaseKey, tenant);
    if (auto made = makePrivateDirectory(dir); !made)
        return made.error();
    cache->m_syncLock = cacheLock(dir, "sync.lock");
    if (!cache->m_syncLock->tryLock(lockTimeoutMs))
        return lockError(*cache->m_syncLock, tr("syncing"));
    auto files = takeFilesLock(dir, lockTimeoutMs, tr("syncing"), cache->m_lockWaitMs);
    if (!files)
        return files.error();
    auto index = SearchIndex::open(dir);
    (*files)->unlock();
    if (!index)
        return index.error();
    cache->m_index = std::move(*index);
    if (auto owned = checkOwner(*cache->m_index, tenant, true); !owned)
        return owned.error();
    return cache;
}

Result<QString> OfflineCache::searchDirectory(const ConnectionSettings &settings)
{
    const QString dbKey = rememberedDatabase(settings);
    if (dbKey.isEmpty())
        return makeError(ErrorCode::NoCache,
                         tr("there is no offline cache for %1 (schema %2) in %3 — run "
                            "`knowledgectl sync` once while the database is reachable%4")
                             .arg(settings.redactedUrl(), settings.schema, rootDirectory(),
                                  legacyCacheNote(settings.tenant)));
    auto tenant = resolveTenant(dbKey, settings.tenant);
    if (!tenant)
        return tenant.error();
    const QString dir = directoryFor(dbKey, *tenant);
    if (!QFileInfo::exists(dir + QStringLiteral("/search.sqlite")))
        return makeError(ErrorCode::NoCache,
                         tr("there is no offline cache for tenant %1 of this database in %2 — "
                            "run `knowledgectl sync` while the database is reachable")
                             .arg(settings.tenant, databaseDirectory(dbKey)));
    return dir;
}

Result<std::unique_ptr<OfflineCache>>
OfflineCache::openForSearch(const ConnectionSettings &settings, int lockTimeoutMs)
{
    auto found = searchDirectory(settings);
    if (!found)
        return found.error();
    const QString dir = *found;
    const QString dbKey = rememberedDatabase(settings);
    auto tenant = resolveTenant(dbKey, settings.tenant);
    if (!tenant)
        return tenant.error();
    std::unique_ptr<OfflineCache> cache(new OfflineCache);
    cache->m_tenant = *tenant;
    cache->m_databaseKey = dbKey;
    auto files = takeFilesLock(dir, lockTimeoutMs, tr("searching offline"), cache->m_lockWaitMs);
    if (!files)
        return files.error();
    // Is a writer at work? Never blocks (a writer takes sync.lock before files.lock, and
    // cannot touch the files while this process holds files.lock).
    cache->m_snapshot = !cacheLock(dir, "sync.lock")->tryLock(0);
    auto index = SearchIndex::open(
        dir, cache->m_snapshot ? SearchIndex::OpenMode::Snapshot : SearchIndex::OpenMode::Repair);
    (*files)->unlock();
    if (!index)
        return index.error();
    cache->m_index = std::move(*index);
    if (auto owned = checkOwner(*cache->m_index, *tenant, false); !owned)
        return owned.error();
    return cache;
}

OfflineCache::~OfflineCache()
{
    if (m_syncLock && m_index) {
        // A writer's index saves unsaved changes when destroyed: that writes the files.
        auto files = cacheLock(m_index->directory(), "files.lock");
        const bool locked = files->tryLock(60000);
        m_index.reset();
        if (locked)
            files->unlock();
    }
}

bool OfflineCache::isSnapshot() const
{
    return m_snapshot;
}

double OfflineCache::lockWaitMs() const
{
    return m_lockWaitMs;
}

QUuid OfflineCache::tenant() const
{
    return m_tenant;
}

SearchIndex &OfflineCache::index()
{
    return *m_index;
}

qint64 OfflineCache::watermark() const
{
    auto v = m_index->metaValue(kWatermarkKey);
    return v ? v->toLongLong() : 0;
}

QDateTime OfflineCache::syncedAt() const
{
    auto v = m_index->metaValue(kSyncedAtKey);
    if (!v || v->isEmpty())
        return {};
    return QDateTime::fromString(*v, Qt::ISODateWithMs);
}

Result<OfflineCache::SyncSummary>
OfflineCache::sync(Database &db, const std::function<void(qint64, qint64)> &progress, int pageSize,
                   const SnapshotWindow &window, const std::atomic_bool *cancel)
{
    QElapsedTimer timer;
    timer.start();
    if (auto belongs = checkSyncable(db); !belongs)
        return belongs.error();
    // The vector index and model files change only under files.lock (readers checksum and
    // load them under it); the SQLite pages need no lock (each is one transaction).
    auto files = cacheLock(m_index->directory(), "files.lock");
    SyncSummary summary;
    summary.watermarkBefore = watermark();
    auto existing = m_index->documentCount();
    if (!existing)
        return existing.error();
    summary.cold = *existing == 0;
    rememberNames(db);
    if (auto model = takeServerModel(db, *files, summary); !model)
        return model.error();
    if (auto synced = syncPages(db, progress, pageSize, cancel, summary); !synced)
        return synced.error();
    if (auto saved = saveFiles(*files, summary); !saved)
        return saved.error();
    // What the views read offline, beside the documents (under the same sync.lock).
    auto snapshot = OfflineSnapshot::open(m_index->directory());
    if (!snapshot)
        return snapshot.error();
    auto browsed = (*snapshot)->sync(db, window);
    if (!browsed)
        return browsed.error();
    summary.snapshot = *browsed;
    summary.seconds = double(timer.nsecsElapsed()) / 1e9;
    return summary;
}

Result<void> OfflineCache::checkSyncable(Database &db) const
{
    if (db.tenantId() != m_tenant)
        return makeError(ErrorCode::WrongTenant,
                         tr("the connection is for tenant %1 but the cache for %2")
                             .arg(db.tenantId().toString(QUuid::WithoutBraces),
                                  m_tenant.toString(QUuid::WithoutBraces)));
    if (!m_syncLock)
        return makeError(ErrorCode::Internal,
                         tr("this offline cache was opened for searching, not for syncing"));
    auto identity = DatabaseIdentity::query(db);
    if (!identity)
        return identity.error();
    if (identity->key() != m_databaseKey)
        return makeError(ErrorCode::WrongDatabase,
                         tr("the connection reaches another database (%1, schema %2) than the "
                            "one this cache belongs to — open the cache for that connection")
                             .arg(identity->databaseName, identity->schema));
    return {};
}

/// The tenant's slug (so that `--tenant slug --offline` works without the database) and the
/// dataset names (a dataset is named offline as online). Best effort: without them the search
/// itself still syncs, and the names of the last sync stay.
void OfflineCache::rememberNames(Database &db)
{
    if (auto tenants = db.tenants()) {
        for (const auto &t : std::as_const(*tenants)) {
            if (t.id == m_tenant) {
                rememberSlug(m_databaseKey, t.slug, m_tenant);
                (void)m_index->setMetaValue(kSlugKey, t.slug);
            }
        }
    }

    if (auto datasets = DatasetDirectory::list(db)) {
        QJsonObject names;
        for (const DatasetRef &d : std::as_const(*datasets))
            names.insert(d.name, d.id.toString(QUuid::WithoutBraces));
        (void)m_index->setMetaValue(
            kDatasetsKey, QString::fromUtf8(QJsonDocument(names).toJson(QJsonDocument::Compact)));
    }
}

/// The database's embedding model, when it is another than the cache's: taken first, so that
/// the pages are embedded once, with it.
Result<void> OfflineCache::takeServerModel(Database &db, QLockFile &files, SyncSummary &summary)
{
    auto stored = fetchModel(db, m_tenant);
    if (!stored)
        return stored.error();
    const auto current = m_index->embedder();
    if (*stored && (!current || current->name() != (*stored)->name)) {
        QTemporaryFile file(m_index->directory() + QStringLiteral("/model-XXXXXX.tmp"));
        if (!file.open() || file.write((*stored)->bytes) != (*stored)->bytes.size()
            || !file.flush())
            return makeError(ErrorCode::Io,
                             tr("cannot write the embedding model into %1: %2")
                                 .arg(m_index->directory(), file.errorString()));
        auto model = LsaEmbedder::load(file.fileName());
        // A model of an older format (the server has not relearned it yet) is not taken:
        // the cache keeps its own, learned from its documents, until the server's is new.
        if (!model && !model.error().is(ErrorCode::CorruptModel))
            return model.error();
        if (model) {
            if (auto locked = lockForSync(files); !locked)
                return locked.error();
            auto set = m_index->setEmbedder(std::make_shared<LsaEmbedder>(std::move(*model)));
            files.unlock();
            if (!set)
                return set.error();
            summary.modelChanged = true;
        }
    }
    return {};
}

/// The changes since the watermark, a page at a time, each page one transaction.
Result<void> OfflineCache::syncPages(Database &db,
                                     const std::function<void(qint64, qint64)> &progress,
                                     int pageSize, const std::atomic_bool *cancel,
                                     SyncSummary &summary)
{
    auto total = countPending(db, m_tenant, summary.watermarkBefore);
    if (!total)
        return total.error();
    if (progress)
        progress(0, *total);

    // Fetch page n+1 on a worker thread while page n is written (the connection is handed
    // over: only one thread uses it at a time).
    const int size = std::max(1, pageSize);
    qint64 after = summary.watermarkBefore;
    QFuture<Result<Page>> next = QtConcurrent::run(
        [&db, this, after, size] { return fetchPage(db, m_tenant, after, size); });
    while (true) {
        Result<Page> page = next.result();
        if (!page)
            return page.error();
        if (page->rows == 0)
            break;
        after = page->lastSeq;
        const bool more = page->rows >= size;
        if (more)
            next = QtConcurrent::run(
                [&db, this, after, size] { return fetchPage(db, m_tenant, after, size); });
        auto applied = m_index->applyChanges(page->upserts, page->removals,
                                             {{kWatermarkKey, QString::number(page->lastSeq)}});
        if (!applied) {
            if (more)
                next.waitForFinished();
            return applied.error();
        }
        summary.added += applied->added;
        summary.updated += applied->updated;
        summary.removed += applied->removed;
        summary.rows += page->rows;
        summary.watermarkAfter = page->lastSeq;
        if (progress)
            progress(summary.rows, std::max(*total, summary.rows));
        if (!more)
            break;
        if (cancel && cancel->load()) {
            next.waitForFinished();
            return makeError(ErrorCode::Cancelled,
                             tr("sync cancelled after %1 of %2 changes — what was synced stays, "
                                "the next sync goes on from there")
                                 .arg(summary.rows)
                                 .arg(std::max(*total, summary.rows)));
        }
    }
    if (summary.watermarkAfter == 0)
        summary.watermarkAfter = summary.watermarkBefore;
    // Each page was a transaction, so a segment of the full-text index: merged here, once.
    if (auto compacted = m_index->compactTextIndex(); !compacted)
        return compacted.error();
    return {};
}

/// The model (learned from the cache when the database has none) and the vector index, saved
/// under files.lock.
Result<void> OfflineCache::saveFiles(QLockFile &files, SyncSummary &summary)
{
    if (auto locked = lockForSync(files); !locked)
        return locked.error();
    // No model from the database (no embedding job has run yet): learn one from the cache.
    if (!m_index->embedder()) {
        auto count = m_index->documentCount();
        if (count && *count > 0) {
            auto learned = m_index->learnLocalEmbedder();
            if (!learned)
                return learned.error();
            summary.modelChanged = true;
        }
    }
    auto saved = m_index->save();
    files.unlock();
    if (!saved)
        return saved.error();
    auto done = m_index->setMetaValue(kSyncedAtKey,
                                      QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (!done)
        return done.error();
    if (const auto emb = m_index->embedder())
        summary.model = emb->name();
    return {};
}

Result<QString> OfflineCache::resolveDataset(const QString &uuidOrName) const
{
    const QString key = uuidOrName.trimmed();
    if (!QUuid::fromString(key).isNull())
        return QUuid::fromString(key).toString(QUuid::WithoutBraces);
    auto stored = m_index->metaValue(kDatasetsKey);
    if (!stored)
        return stored.error();
    const QString id = QJsonDocument::fromJson(stored->toUtf8()).object().value(key).toString();
    if (id.isEmpty())
        return makeError(ErrorCode::UnknownDataset,
                         tr("the offline cache knows no dataset named '%1' — check the name "
                            "(`knowledgectl datasets` lists them), give its UUID, or run "
                            "`knowledgectl sync` while the database is reachable")
                             .arg(key));
    return id;
}

} // namespace ke
