#include "offlinesearch.h"

#include "offlinecache.h"
#include "searchengine.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QMutex>

#include <memory>

namespace ke {

namespace {

/// What a reader loads into memory, as it stands on disk: the vector index header (it vouches
/// for the index and groups files by size and checksum, and is replaced by every save) and the
/// model file. When a sync saves, this changes.
QByteArray loadedFilesStamp(const QString &dir)
{
    QByteArray stamp;
    QFile header(dir + QStringLiteral("/vectors.hnsw.header"));
    if (header.open(QIODevice::ReadOnly))
        stamp = header.readAll();
    const QFileInfo model(dir + QStringLiteral("/model.lsa"));
    stamp += '|' + QByteArray::number(model.exists() ? model.size() : -1) + '|'
        + QByteArray::number(model.exists() ? model.lastModified().toMSecsSinceEpoch() : 0);
    return stamp;
}

/// The last cache opened for searching, kept open for the next search (the GUI searches as
/// one types: reopening would checksum and load the whole vector index every time). Not kept
/// when it was a snapshot of a sync at work; reopened when the files changed on disk. The
/// documents are always read live from SQLite.
struct KeptCache
{
    QString directory;
    QByteArray stamp;
    std::shared_ptr<OfflineCache> cache;
};

QMutex g_keptMutex;
KeptCache g_kept;

void dropKeptCache()
{
    QMutexLocker lock(&g_keptMutex);
    g_kept = {};
}

Result<std::shared_ptr<OfflineCache>> cacheForSearch(const ConnectionSettings &settings)
{
    auto dir = OfflineCache::searchDirectory(settings);
    if (!dir)
        return dir.error();
    const QByteArray stamp = loadedFilesStamp(*dir);
    {
        QMutexLocker lock(&g_keptMutex);
        if (g_kept.cache && g_kept.directory == *dir && g_kept.stamp == stamp)
            return g_kept.cache;
    }
    auto opened = OfflineCache::openForSearch(settings);
    if (!opened)
        return opened.error();
    std::shared_ptr<OfflineCache> cache(std::move(*opened));
    if (!cache->isSnapshot()) {
        static const bool cleanupRegistered = [] {
            qAddPostRoutine(dropKeptCache); // close it before the application goes
            return true;
        }();
        Q_UNUSED(cleanupRegistered);
        QMutexLocker lock(&g_keptMutex);
        // The stamp after opening: a repair on open rewrote the files.
        g_kept = {*dir, loadedFilesStamp(*dir), cache};
    }
    return cache;
}

} // namespace

Result<SearchOutcome> offlineSearch(const ConnectionSettings &settings,
                                    const SearchRequest &incoming, const std::atomic_bool *cancel)
{
    // One validation for both engines (searchengine.h): types, limit, dataset id.
    const auto checked = normalizedRequest(incoming);
    if (!checked)
        return checked.error();
    const SearchRequest &request = *checked;
    auto cache = cacheForSearch(settings);
    if (!cache)
        return cache.error();
    SearchRequest resolved = request;
    if (!request.datasetId.isEmpty()) {
        auto dataset = (*cache)->resolveDataset(request.datasetId);
        if (!dataset)
            return dataset.error();
        resolved.datasetId = *dataset;
    }
    auto results = (*cache)->index().search(resolved, cancel);
    if (!results)
        return results.error();
    SearchOutcome outcome;
    outcome.mode = QStringLiteral("offline");
    outcome.results = std::move(*results);
    const QDateTime synced = (*cache)->syncedAt();
    outcome.note = synced.isValid()
        ? QCoreApplication::translate("OfflineSearch", "searching the offline cache synced at %1")
              .arg(synced.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")))
        : QCoreApplication::translate("OfflineSearch",
                                      "searching the offline cache (never completely synced)");
    const QString repaired = (*cache)->index().recoveryNote();
    if (!repaired.isEmpty())
        outcome.note += QStringLiteral("; ") + repaired;
    return outcome;
}

} // namespace ke
