#pragma once

// Private to core: one SearchIndex::search, in its steps — the lexical candidates
// (offlinelexical.cpp: bm25, pruned when the posting lists are long), the vector candidates,
// fusion and the results with snippets (searchindexquery.cpp).

#include "ranking.h"
#include "searchindex_p.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>

namespace ke {

/// What one search of the offline index knows while it runs: the request, the parameters,
/// this thread's SQLite handle and the metadata filter shared by the lexical and the
/// exact-vector queries. Lives on the stack of SearchIndex::search, whose request and
/// parameters it refers to (they must outlive it); one thread, except that a lexical pass may
/// hand part of its work to the index's helper pool and wait for it — which is why the steps
/// are const: the query itself does not change, only the SQLite handles and `d` they use.
class OfflineQuery
{
public:
    OfflineQuery(SearchIndex::Private &d, sqlite3 *h, const SearchRequest &request,
                 const HybridParameters &params, const std::atomic_bool *cancel);

    bool cancelled() const { return m_cancel && m_cancel->load(); }
    static Error cancelledError();

    /// 1. The lexical candidates, best first (as many as each signal contributes): bm25 over
    /// `words`, each weighing its count in the query (`counts`). `scored` gets the words bm25
    /// scored — all of them, or a long query's most telling ones when the lexical side is pruned.
    Result<QList<qint64>> lexical(const QStringList &words, QList<int> counts,
                                  QStringList &scored) const;
    /// 2. The vector candidates of the query's embedding `q` (made by `embedder`), nearest
    /// first; in hybrid mode moved towards the top `lexical` hits when the parameters ask.
    /// Empty when the model knows no word of the query or the index has no graph of its
    /// dimension.
    Result<QList<qint64>> vector(EmbeddingVector q, const Embedder &embedder,
                                 const QList<qint64> &lexical) const;
    /// 3. Both lists fused and boosted (ranking.h), best first, at most limit().
    Result<QList<ranking::Candidate>> fused(const QList<qint64> &lexical,
                                            const QList<qint64> &vector) const;
    /// 4. The results of `candidates`, with snippets marking the `scored` words when asked.
    Result<QList<SearchResult>> results(const QList<ranking::Candidate> &candidates,
                                        const QStringList &scored) const;

private:
    struct Pass;
    /// Few postings: bm25 over every row matching the words.
    Result<QList<qint64>> everyMatch(const QStringList &scored, const QList<qint64> &df,
                                     const QList<int> &counts) const;
    /// Many postings: MaxScore-style pruning (see lexical() in offlinelexical.cpp).
    Result<QList<qint64>> pruned(const QStringList &scored, const QList<qint64> &df,
                                 const QList<int> &counts, qint64 maxId) const;
    /// Scores the rows of `pass` on handle `db` into `into` (offlinelexical.cpp).
    Result<void> scoreRange(sqlite3 *db, const Pass &pass, double floor,
                            std::atomic<double> &shared, QHash<qint64, double> &into) const;
    /// Runs `mine` on this thread and `theirs` on a helper thread, merged into `scores`.
    Result<void> score(const std::vector<Pass> &mine, const std::vector<Pass> &theirs, double floor,
                       QHash<qint64, double> &scores) const;
    /// Pseudo-relevance feedback: `q` moved towards the centroid of the top lexical hits'
    /// vectors (Rocchio in the latent space). vectorLock held.
    void moveTowards(EmbeddingVector &q, const QList<qint64> &lexical) const;
    /// The filtered documents nearest `q`, by an exact scan of their stored vectors.
    QList<qint64> exactNearest(const EmbeddingVector &q, const Embedder &embedder) const;
    /// The documents nearest `q` in the graph (over-fetched and checked when filtered).
    /// vectorLock held.
    Result<QList<qint64>> graphNearest(const EmbeddingVector &q) const;
    /// The filter's values, bound to `s` (its placeholders ?100 …).
    void bindFilter(SqliteStatement &s) const;

    SearchIndex::Private &d;
    sqlite3 *m_h;
    const SearchRequest &m_request;
    const HybridParameters &m_params;
    const std::atomic_bool *m_cancel;
    int m_limit;
    int m_perSignal;
    QString m_filterSql; ///< " AND d.dataset_id = ?100 …", empty without a filter
};

} // namespace ke
