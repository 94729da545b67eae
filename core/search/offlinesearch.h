#pragma once

#include "connectionsettings.h"
#include "result.h"
#include "searchindex.h"
#include "searchoutcome.h"

#include <atomic>

namespace ke {

/// Searches the tenant's local cache (the SearchIndex directory `knowledgectl sync` keeps)
/// without touching the database, found through the connection remembered online
/// (OfflineCache::openForSearch). The last cache opened is kept open for the next search and
/// reopened when a sync has saved new index files. May be called from any thread.
/// `cancel` (may be null) is checked between the search's stages.
Result<SearchOutcome> offlineSearch(const ConnectionSettings &settings,
                                    const SearchRequest &request,
                                    const std::atomic_bool *cancel = nullptr);

} // namespace ke
