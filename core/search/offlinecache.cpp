#include "offlinecache.h"

#include "datasetdirectory.h"

#include "database.h"
#include "database_p.h"
#include "lsaembedder.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QtConcurrent/QtConcurrentRun>

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

QString tenantsFile()
{
    return OfflineCache::rootDirectory() + QStringLiteral("/tenants.json");
}

QJsonObject readTenants()
{
    QFile f(tenantsFile());
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

void rememberSlug(const QString &slug, const QUuid &tenant)
{
    if (slug.isEmpty())
        return;
    QJsonObject map = readTenants();
    const QString id = tenant.toString(QUuid::WithoutBraces);
    if (map.value(slug).toString() == id)
        return;
    map.insert(slug, id);
    QSaveFile f(tenantsFile());
    if (!f.open(QIODevice::WriteOnly))
        return; // only a convenience for offline use by slug
    f.write(QJsonDocument(map).toJson());
    if (f.commit())
        QFile::setPermissions(tenantsFile(), kOwnerOnly);
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
        pqxx::work tx(db.d_func()->conn);
        const std::string table = toStd(Database::quoteQualified(
            db.d_func()->settings.schema + QStringLiteral(".search_documents")));
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
            doc.sourceType = stringFromField(row[0]);
            doc.sourceId = stringFromField(row[1]);
            doc.datasetId = stringFromField(row[2]);
            doc.investigationId = stringFromField(row[3]);
            doc.content = stringFromField(row[4]);
            doc.createdAt = timestampFromField(row[5]);
            doc.feedbackScore = row[6].is_null() ? 0.0 : row[6].as<double>();
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
            pqxx::work tx(db.d_func()->conn);
            const std::string table = toStd(Database::quoteQualified(
                db.d_func()->settings.schema + QStringLiteral(".embedding_models")));
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
        pqxx::work tx(db.d_func()->conn);
        const std::string table = toStd(Database::quoteQualified(
            db.d_func()->settings.schema + QStringLiteral(".search_documents")));
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

QString OfflineCache::directoryFor(const QUuid &tenant)
{
    return rootDirectory() + QLatin1Char('/') + tenant.toString(QUuid::WithoutBraces);
}

Result<QUuid> OfflineCache::resolveTenant(const QString &uuidOrSlug)
{
    if (uuidOrSlug.isEmpty())
        return makeError(QStringLiteral("no_tenant"),
                         tr("no tenant given — set KNOWLEDGE_TENANT or pass --tenant"));
    const QUuid asUuid = QUuid::fromString(uuidOrSlug);
    if (!asUuid.isNull())
        return asUuid;
    const QUuid remembered = QUuid::fromString(readTenants().value(uuidOrSlug).toString());
    if (remembered.isNull())
        return makeError(QStringLiteral("unknown_tenant"),
                         tr("no offline cache knows the tenant \"%1\" — run `knowledgectl sync` "
                            "while the database is reachable, or give the tenant's UUID")
                             .arg(uuidOrSlug));
    return remembered;
}

bool OfflineCache::exists(const QUuid &tenant)
{
    return QFileInfo::exists(directoryFor(tenant) + QStringLiteral("/search.sqlite"));
}

Result<std::unique_ptr<OfflineCache>> OfflineCache::open(const QUuid &tenant)
{
    if (tenant.isNull())
        return makeError(QStringLiteral("no_tenant"), tr("no tenant given for the offline cache"));
    const QString root = rootDirectory();
    if (!QDir().mkpath(root))
        return makeError(QStringLiteral("io"),
                         tr("cannot create the cache directory %1 — check its parent's "
                            "permissions or set KNOWLEDGE_CACHE_DIR")
                             .arg(root));
    QFile::setPermissions(root, kOwnerOnlyDir);
    auto index = SearchIndex::open(directoryFor(tenant));
    if (!index)
        return index.error();
    const QString id = tenant.toString(QUuid::WithoutBraces);
    auto owner = (*index)->metaValue(kTenantKey);
    if (!owner)
        return owner.error();
    if (owner->isEmpty()) {
        auto set = (*index)->setMetaValue(kTenantKey, id);
        if (!set)
            return set.error();
    } else if (*owner != id) {
        return makeError(QStringLiteral("wrong_tenant"),
                         tr("the cache in %1 belongs to another tenant (%2) — remove the "
                            "directory and sync again")
                             .arg((*index)->directory(), *owner));
    }
    std::unique_ptr<OfflineCache> cache(new OfflineCache);
    cache->m_tenant = tenant;
    cache->m_index = std::move(*index);
    return cache;
}

OfflineCache::~OfflineCache() = default;

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
OfflineCache::sync(Database &db, const std::function<void(qint64, qint64)> &progress, int pageSize)
{
    QElapsedTimer timer;
    timer.start();
    if (db.tenantId() != m_tenant)
        return makeError(QStringLiteral("wrong_tenant"),
                         tr("the connection is for tenant %1 but the cache for %2")
                             .arg(db.tenantId().toString(QUuid::WithoutBraces),
                                  m_tenant.toString(QUuid::WithoutBraces)));
    SyncSummary summary;
    summary.watermarkBefore = watermark();
    auto existing = m_index->documentCount();
    if (!existing)
        return existing.error();
    summary.cold = *existing == 0;

    // Remember the slug so that `--tenant slug --offline` works without the database.
    if (auto tenants = db.tenants()) {
        for (const auto &t : std::as_const(*tenants)) {
            if (t.id == m_tenant) {
                rememberSlug(t.slug, m_tenant);
                (void)m_index->setMetaValue(kSlugKey, t.slug);
            }
        }
    }

    // Dataset names, so that a dataset can be named offline as online (best effort: without
    // them the search itself still syncs, and names from the last sync stay).
    if (auto datasets = DatasetDirectory::list(db)) {
        QJsonObject names;
        for (const DatasetRef &d : std::as_const(*datasets))
            names.insert(d.name, d.id.toString(QUuid::WithoutBraces));
        (void)m_index->setMetaValue(
            kDatasetsKey, QString::fromUtf8(QJsonDocument(names).toJson(QJsonDocument::Compact)));
    }

    // The model first, so that the pages below are embedded once, with it.
    auto stored = fetchModel(db, m_tenant);
    if (!stored)
        return stored.error();
    const auto current = m_index->embedder();
    if (*stored && (!current || current->name() != (*stored)->name)) {
        QTemporaryFile file(m_index->directory() + QStringLiteral("/model-XXXXXX.tmp"));
        if (!file.open() || file.write((*stored)->bytes) != (*stored)->bytes.size()
            || !file.flush())
            return makeError(QStringLiteral("io"),
                             tr("cannot write the embedding model into %1: %2")
                                 .arg(m_index->directory(), file.errorString()));
        auto model = LsaEmbedder::load(file.fileName());
        if (!model)
            return model.error();
        auto set = m_index->setEmbedder(std::make_shared<LsaEmbedder>(std::move(*model)));
        if (!set)
            return set.error();
        summary.modelChanged = true;
    }

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
    }
    if (summary.watermarkAfter == 0)
        summary.watermarkAfter = summary.watermarkBefore;

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
    if (!saved)
        return saved.error();
    auto done = m_index->setMetaValue(kSyncedAtKey,
                                      QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (!done)
        return done.error();
    if (const auto emb = m_index->embedder())
        summary.model = emb->name();
    summary.seconds = double(timer.nsecsElapsed()) / 1e9;
    return summary;
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
        return makeError(QStringLiteral("unknown_dataset"),
                         tr("the offline cache knows no dataset named '%1' — check the name "
                            "(`knowledgectl datasets` lists them), give its UUID, or run "
                            "`knowledgectl sync` while the database is reachable")
                             .arg(key));
    return id;
}

} // namespace ke
