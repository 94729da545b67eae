#include "searchengine.h"

#include "catalogue.h"
#include "datasetdirectory.h"
#include "offlinesearch.h"
#include "onlinesearch.h"

#include <algorithm>

namespace ke {

namespace {

class SearchRequests
{
    Q_DECLARE_TR_FUNCTIONS(SearchRequests)
};

} // namespace

Result<SearchRequest> normalizedRequest(const SearchRequest &request)
{
    SearchRequest r = request;
    r.limit = std::clamp(r.limit, 1, 1000);
    r.datasetId = r.datasetId.trimmed();
    for (const QString &t : std::as_const(r.sourceTypes)) {
        if (!SourceTypes::isKnown(t))
            return makeError(ErrorCode::InvalidType,
                             SearchRequests::tr("unknown document type '%1' — use one of %2")
                                 .arg(t, SourceTypes::all().join(QStringLiteral(", "))));
    }
    return r;
}

OnlineSearchEngine::OnlineSearchEngine(Database &db, OnlineSearch &search)
    : m_db(db)
    , m_search(search)
{ }

Result<SearchOutcome> OnlineSearchEngine::search(const SearchRequest &request,
                                                 const std::atomic_bool *cancel)
{
    // A dataset name is resolved against the database's datasets; OnlineSearch::search
    // normalises the request (normalizedRequest).
    const QString dataset = request.datasetId.trimmed();
    if (dataset.isEmpty() || !QUuid::fromString(dataset).isNull())
        return m_search.search(m_db, request, cancel);
    auto ref = DatasetDirectory::resolve(m_db, dataset);
    if (!ref)
        return ref.error();
    SearchRequest resolved = request;
    resolved.datasetId = ref->id.toString(QUuid::WithoutBraces);
    return m_search.search(m_db, resolved, cancel);
}

OfflineSearchEngine::OfflineSearchEngine(ConnectionSettings settings)
    : m_settings(std::move(settings))
{ }

Result<SearchOutcome> OfflineSearchEngine::search(const SearchRequest &request,
                                                  const std::atomic_bool *cancel)
{
    // offlineSearch normalises the request and resolves a dataset name against the names the
    // last sync remembered.
    return offlineSearch(m_settings, request, cancel);
}

} // namespace ke
