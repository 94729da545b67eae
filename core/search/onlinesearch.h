#pragma once

#include "embedder.h"
#include "ranking.h"
#include "result.h"
#include "searchindex.h"
#include "searchoutcome.h"

#include <QCoreApplication>
#include <QDateTime>

#include <atomic>
#include <memory>

namespace ke {

class Database;

/// Hybrid search over the shared database, for the session's tenant (always filtered by
/// tenant_id, and by row-level security):
///
///  lexical  PostgreSQL full text: the sanitised words of the query (fulltextquery::terms),
///           OR-ed, as websearch_to_tsquery('english', $bound) over search_documents.tsv
///           (GIN). The top `lexicalPrefilter` by ts_rank_cd are re-scored with BM25
///           (k1 1.2, b 0.75, the formula SQLite FTS5 uses offline) from the documents'
///           tsvectors and the tenant's document frequencies, so online ranks like offline.
///  vector   the query embedded with the tenant's current model (the newest row of
///           embedding_models, or the HTTP embedder when configured); exact inner-product
///           scan in C++ over search_embeddings.packed (pgvector's HNSW when the server has
///           the extension and the column exists).
///  fusion   ranking.h (RRF + recency + feedback boosts): the same code as offline.
///
/// Snippets come from ts_headline with the matched words marked «like this».
///
/// Thread rules: borrows a Database per call (use it on that Database's thread only). Keeps
/// a per-instance cache of the tenant's vectors and corpus statistics, refreshed by
/// change_seq; one instance per thread.
class OnlineSearch
{
    Q_DECLARE_TR_FUNCTIONS(OnlineSearch)

public:
    struct Options
    {
        /// The knobs both engines share — fusion and boosts (`ranking`), documents per signal
        /// (`candidates`), the clock (`now`) — in the one parameter struct of the pipeline.
        /// Its lexical pruning and pseudo-relevance feedback fields are the offline engine's.
        HybridParameters parameters;
        /// Rows PostgreSQL's full-text match pre-selects (by ts_rank_cd) for BM25 re-scoring.
        int lexicalPrefilter = 200;
        /// Use pgvector's HNSW index when the server has the extension and the embedding job
        /// built the model's index; false = always the exact scan in C++ (tests compare).
        bool useServerVectorIndex = true;
    };

    OnlineSearch();
    explicit OnlineSearch(Options options);
    ~OnlineSearch();

    /// The embedder for queries; null = the tenant's stored model (loaded on first use).
    void setEmbedder(std::shared_ptr<const Embedder> embedder);

    /// Searches. An empty or word-less query is the error "empty_query" with a message;
    /// no user string can cause an SQL error (everything is bound, never concatenated).
    Result<SearchOutcome> search(Database &db, const SearchRequest &request,
                                 const std::atomic_bool *cancel = nullptr);

    struct Private;

private:
    std::unique_ptr<Private> d;
};

} // namespace ke
