#include "searchclient.h"

#include "onlinesearch.h"
#include "threaddatabase.h"

namespace ke {

namespace {

Result<SearchOutcome> fromCache(const ConnectionSettings &settings, const SearchRequest &request,
                                const std::atomic_bool *cancel, const QString &why)
{
    auto outcome = OfflineSearchEngine(settings).search(request, cancel);
    if (outcome && !why.isEmpty())
        outcome->note = SearchClient::tr("database unreachable (%1) — %2").arg(why, outcome->note);
    return outcome;
}

} // namespace

Result<SearchOutcome> SearchClient::search(const ConnectionSettings &settings,
                                           const SearchRequest &request, SearchSource source,
                                           const std::atomic_bool *cancel)
{
    if (source == SearchSource::Offline)
        return fromCache(settings, request, cancel, {});
    auto db = threadDatabase(settings);
    if (!db) {
        if (db.error().is(ErrorCode::Unreachable))
            return fromCache(settings, request, cancel, db.error().message);
        return db.error();
    }
    thread_local OnlineSearch online; // its vector cache lives with the thread
    auto outcome = OnlineSearchEngine(**db, online).search(request, cancel);
    if (!outcome && outcome.error().is(ErrorCode::Unreachable)) {
        const QString why = outcome.error().message;
        resetThreadDatabase();
        return fromCache(settings, request, cancel, why);
    }
    return outcome;
}

} // namespace ke
