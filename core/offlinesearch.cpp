#include "offlinesearch.h"

#include "offlinecache.h"

#include <QCoreApplication>

namespace ke {

Result<SearchOutcome> offlineSearch(const ConnectionSettings &settings,
                                    const SearchRequest &request)
{
    auto cache = OfflineCache::openForSearch(settings);
    if (!cache)
        return cache.error();
    SearchRequest resolved = request;
    if (!request.datasetId.isEmpty()) {
        auto dataset = (*cache)->resolveDataset(request.datasetId);
        if (!dataset)
            return dataset.error();
        resolved.datasetId = *dataset;
    }
    auto results = (*cache)->index().search(resolved);
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
