#pragma once

#include "embedder.h"
#include "lsaembedder.h"
#include "ranking.h"
#include "result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

namespace ke {

/// One searchable document (a finding, hypothesis, query, comment or quirk).
struct SearchDocument
{
    QString sourceType; ///< 'finding'|'hypothesis'|'query'|'comment'|'quirk' (free text here)
    QString sourceId; ///< unique together with sourceType
    QString datasetId; ///< may be empty
    QString investigationId; ///< may be empty
    QDateTime createdAt;
    double feedbackScore = 0;
    QString content;
};

enum class SearchMode { Lexical, Vector, Hybrid };

struct SearchRequest
{
    QString text;
    SearchMode mode = SearchMode::Hybrid;
    int limit = 10;
    QString datasetId; ///< empty: every dataset
    QStringList sourceTypes; ///< empty: every type
    bool snippets = true; ///< false skips snippet building (evaluation)
};

/// One hit. lexicalRank / vectorRank are the document's 1-based ranks in each signal's own
/// list (0: that signal did not retrieve it), so a person can see why it ranked.
struct SearchResult
{
    QString sourceType;
    QString sourceId;
    QString datasetId;
    QString investigationId;
    QDateTime createdAt;
    double feedbackScore = 0;
    QString snippet; ///< matched words marked «like this»
    int lexicalRank = 0;
    int vectorRank = 0;
    double score = 0;
};

/// How the hybrid search combines its signals; the defaults were tuned on Cranfield's dev
/// queries only (docs/benchmarks.md, "Search quality").
struct HybridParameters
{
    RankingParameters ranking;
    int candidates = 100; ///< documents taken from each signal before fusion
    /// Pseudo-relevance feedback for the vector signal: the query vector is moved towards
    /// the centroid of the top `feedbackDocuments` lexical hits (Rocchio in the latent
    /// space) with weight `feedbackWeight`. Computed from the corpus and the query alone.
    /// Off by default: on Cranfield dev it lowered hybrid nDCG@10 (.381 at weight 0, .375 at
    /// 1, .368 at 2, with vectorWeight 2).
    int feedbackDocuments = 10;
    double feedbackWeight = 0.0;
    QDateTime now; ///< invalid: the current time (tests pin it)

    /// Lexical pruning, for caches where query words match hundreds of thousands of
    /// documents (ranking them all costs ~0.4 s per common word at 1M documents). When the
    /// words' summed document frequency exceeds `lexicalPostingBudget`, the rarest words
    /// within that budget select the candidates, and each candidate is scored with every
    /// word of the query (bm25 with the same formula and frequencies as FTS5's). A document
    /// without any of those rare words can score at most the common words' summed maximum
    /// contributions; if the candidates' k-th score beats that bound the top k is exactly
    /// bm25's, otherwise the `commonTermCandidateCap` newest documents matching the common
    /// words are scored too and merged in (approximate). Cost grows ~1.3 µs per budget
    /// posting: 4000 keeps the lexical p95 near 10 ms at 100k documents (top-10 overlap with
    /// unpruned bm25 0.82; 8000: 14 ms, 0.92). On Cranfield nothing is pruned at this budget;
    /// forcing it (200) costs hybrid nDCG@10 2.2% on dev and 0.4% on test. 0 disables pruning.
    qint64 lexicalPostingBudget = 4000;
    int commonTermCandidateCap = 1000;
    /// When pruning, a long query (a pasted paragraph) is scored with its `maxScoredTerms`
    /// most telling words — the largest idf × count in the query — and the rest left out:
    /// the cost grows with every word scored on every candidate (~45 ms for 150 words at
    /// 21k documents, 11 ms with 32), and the words left out are those bm25 weighs least.
    /// Unpruned (few postings) every word is scored. 0: every word (docs/benchmarks.md,
    /// "Long queries and document lengths").
    int maxScoredTerms = 32;
};

/// The offline search index of one tenant: an SQLite file (documents + metadata + an FTS5
/// table with the porter/unicode61 tokenizer + every vector with the name and dimension of
/// the model that made it) and an hnswlib index file over those vectors, both in one
/// directory. The hnswlib file is only a cache of the vectors in SQLite: written atomically
/// by save(), and when it is missing, truncated, or does not match (model, dimension,
/// count, checksum) it is rebuilt from SQLite on open(), never trusted blindly.
///
/// Thread rules: every method may be called from any thread. Each thread gets its own SQLite
/// handle (opened on first use, closed with the index); writers are serialised by a mutex;
/// the hnswlib index is behind a QReadWriteLock (inserts never overlap searches).
/// search() checks `cancel` between stages and returns an error "cancelled" when set.
class SearchIndex
{
    Q_DECLARE_TR_FUNCTIONS(SearchIndex)

public:
    enum class OpenMode {
        /// A missing, damaged or out-of-date vector index (or model) is rebuilt and saved.
        Repair,
        /// For a reader while another process writes (OfflineCache's locks): the vector
        /// index is used as last saved even when its count differs from SQLite's, a damaged
        /// one is not used (the vector signal is then empty), nothing is rebuilt or written.
        Snapshot,
    };
    /// Opens (creating if needed) the index in `directory` (created with mode 0700; files
    /// 0600). Loads the local model and the vector index, rebuilding the latter if needed
    /// (OpenMode::Repair).
    static Result<std::unique_ptr<SearchIndex>> open(const QString &directory,
                                                     OpenMode mode = OpenMode::Repair);
    ~SearchIndex(); ///< saves a changed vector index (errors ignored: call save() to see them)

    QString directory() const;
    /// What open() had to repair, for people ("the vector index file was damaged; rebuilt
    /// from 1400 stored vectors"); empty when nothing.
    QString recoveryNote() const;

    /// The embedder in use (null until one is set or learned). Changing it to a model of
    /// another name re-embeds every document.
    std::shared_ptr<const Embedder> embedder() const;
    Result<void> setEmbedder(std::shared_ptr<const Embedder> embedder);
    /// Learns the local LSA model from the documents in the index (an evenly spread sample
    /// of at most `maxTrainingDocuments` of them: the model's quality saturates long before
    /// 1M documents while its memory does not), saves it beside the index, and re-embeds
    /// everything with it (on every core).
    Result<void> learnLocalEmbedder(const LsaEmbedder::Options &options = {},
                                    int maxTrainingDocuments = 30000);

    /// Inserts or replaces documents (keyed by sourceType + sourceId); embeds them when an
    /// embedder is set. In one transaction.
    Result<void> upsert(const QList<SearchDocument> &documents);
    /// Removes a document (no error when it does not exist).
    Result<void> remove(const QString &sourceType, const QString &sourceId);
    Result<qint64> documentCount() const;

    /// What applyChanges() did.
    struct ChangeCounts
    {
        qint64 added = 0;
        qint64 updated = 0;
        qint64 removed = 0;
    };
    /// Upserts `upserts`, removes `removals` (sourceType, sourceId) and stores the `meta`
    /// key/values, all in ONE SQLite transaction: a sync watermark written this way is
    /// never ahead of the data it covers. Large batches are embedded on every core.
    Result<ChangeCounts> applyChanges(const QList<SearchDocument> &upserts,
                                      const QList<QPair<QString, QString>> &removals,
                                      const QList<QPair<QString, QString>> &meta = {});
    /// A value of the cache's meta table (empty when unset).
    Result<QString> metaValue(const QString &key) const;
    Result<void> setMetaValue(const QString &key, const QString &value);

    /// The `k` nearest documents (their SQLite ids with their inner product, nearest first)
    /// to `query` in the vector index: through the HNSW graph, or with `exact` by scanning
    /// every vector (for measuring the graph's recall; slow on large caches).
    Result<QList<QPair<qint64, float>>> nearestDocuments(const EmbeddingVector &query, int k,
                                                         bool exact) const;

    /// Writes the vector index file atomically (temp file + rename).
    Result<void> save();
    /// Merges the full-text index into one segment when writes left it in more than a few
    /// (FTS5 writes a segment per transaction, and a query looks each of its words up in
    /// every segment: a pasted paragraph's ~45 phrases over 15 segments cost ~2.5 ms of CPU
    /// at 21k documents). About one rewrite of the full-text index when it merges (0.3 s at
    /// 21k documents), nothing otherwise; OfflineCache::sync calls it after its writes.
    /// Returns whether it merged.
    Result<bool> compactTextIndex();

    HybridParameters parameters() const;
    void setParameters(const HybridParameters &parameters);

    /// Searches; an empty (or word-less) query is an error "empty_query" with a message.
    Result<QList<SearchResult>> search(const SearchRequest &request,
                                       const std::atomic_bool *cancel = nullptr) const;

    struct Private;

private:
    SearchIndex();
    std::unique_ptr<Private> d;
};

} // namespace ke
