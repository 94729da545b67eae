#pragma once

#include "connectionsettings.h"
#include "result.h"
#include "searchindex.h"
#include "searchoutcome.h"

namespace ke {

/// Searches the tenant's local cache (the SearchIndex directory `knowledgectl sync` keeps)
/// without touching the database. Implemented by the offline search (core/offlinesearch.cpp).
Result<SearchOutcome> offlineSearch(const ConnectionSettings &settings,
                                    const SearchRequest &request);

} // namespace ke
