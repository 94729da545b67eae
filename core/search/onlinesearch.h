#pragma once

#include "embedder.h"
#include "ranking.h"
#include "result.h"
#include "searchindex.h"
#include "searchoutcome.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>

#include <atomic>
#include <memory>

namespace ke {

class Database;

/// Hybrid search over the shared database, for the session's tenant (always filtered by
/// tenant_id, and by row-level security):
///
///  lexical  BM25 (bm25.h: k1 1.2, b 0.75, the formula SQLite FTS5 uses offline) of every
///           document that has one of the query's words (fulltextquery::terms, stemmed by
///           PostgreSQL's to_tsvector('english')), exactly — no pre-selection. The scoring runs
///           over the tenant's lexical index held in this process (lexeme -> documents with
///           their term frequencies, document lengths, document frequencies, the live count
///           and total length): one copy per database, schema and tenant, shared by every
///           OnlineSearch of the process, filled from search_documents.tsv and brought up to
///           date by change_seq (documents are retired, never deleted; every change takes a
///           new change_seq — 0004). Each search first asks the database, under its own
///           row-level security, for the tenant's newest change_seq: the shared copy is
///           brought up to it and handed only to a session the database gave one, so a
///           session it confines elsewhere (sees none of the tenant's documents) gets no
///           lexical results and never reads the copy. Options::lexicalIndex = Sql runs the
///           former statement instead (top `lexicalPrefilter` by ts_rank_cd re-scored with
///           BM25 in SQL, statistics counted per query): the benchmarks' baseline.
///  vector   the query embedded with the tenant's current model (the newest row of
///           embedding_models, or the HTTP embedder when configured); exact inner-product
///           scan in C++ over search_embeddings.packed (pgvector's HNSW when the server has
///           the extension and the column exists).
///  fusion   ranking.h (RRF + recency + feedback boosts): the same code as offline.
///
/// Snippets come from ts_headline with the matched words marked «like this».
///
/// Thread rules: borrows a Database per call (use it on that Database's thread only). Keeps
/// a per-instance cache of the tenant's vectors, refreshed by change_seq; one instance per
/// thread. The shared lexical index is guarded by its own lock (searches read it together, a
/// refresh applies its changes alone).
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
        /// Where the lexical BM25 is computed: over the shared in-memory index (exact, the
        /// default) or by the former SQL statement (the benchmarks' and tests' baseline).
        enum class LexicalIndex { Memory, Sql };
        LexicalIndex lexicalIndex = LexicalIndex::Memory;
        /// Sql only: rows PostgreSQL's full-text match pre-selects (by ts_rank_cd) for BM25
        /// re-scoring.
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

    /// Loads what the session's tenant's searches read into the process's shared memory —
    /// the lexical index and the vectors of the current model — as the first search would,
    /// so that the first search does not pay for it (`knowledgectl serve` at start). Returns
    /// the tenant's live documents loaded; 0 when the session sees none of them.
    Result<qint64> warm(Database &db);

    /// The corpus statistics the lexical ranking uses for the session's tenant, from the
    /// shared index brought up to date first (what the next search would see): for tests and
    /// diagnostics. Empty when the session sees none of the tenant's documents.
    struct LexicalStatistics
    {
        qint64 documents = 0; ///< live (not retired) documents
        qint64 totalLength = 0; ///< sum of their lexeme counts (length(tsv))
        QHash<QString, qint64> documentFrequencies; ///< lexeme -> live documents with it
    };
    static Result<LexicalStatistics> lexicalStatistics(Database &db);

    struct Private;

private:
    std::unique_ptr<Private> d;
};

} // namespace ke
