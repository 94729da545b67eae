#pragma once

#include "connectionsettings.h"
#include "result.h"
#include "searchengine.h"

#include <QCoreApplication>

#include <atomic>

namespace ke {

/// Where a search may be answered.
enum class SearchSource {
    Automatic, ///< the database; the offline cache when the database cannot be reached
    Offline, ///< the offline cache only
};

/// The one place that decides which engine answers a search and falls back from the database
/// to the offline cache — for the GUI, knowledgectl and the HTTP API alike. Online, it uses
/// this thread's connection (threadDatabase) and a long-lived OnlineSearch per thread (its
/// vector cache survives between searches); when connecting fails as unreachable, or the
/// search loses the connection, it answers from the cache and says so in the outcome's note
/// ("database unreachable (…) — searching the offline cache synced at …"). Any other error
/// is answered as it is (a wrong dataset name must not silently turn into an offline search).
///
/// Stateless apart from the per-thread connection and engine; call from any worker thread,
/// never the GUI thread (it blocks on the network).
class SearchClient
{
    Q_DECLARE_TR_FUNCTIONS(SearchClient)

public:
    /// `cancel` (may be null) is checked between the stages of the search.
    static Result<SearchOutcome> search(const ConnectionSettings &settings,
                                        const SearchRequest &request, SearchSource source,
                                        const std::atomic_bool *cancel = nullptr);
};

} // namespace ke
