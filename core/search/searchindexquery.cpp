// SearchIndex::search — the offline hybrid search, one OfflineQuery: filters, lexical
// candidates (offlinelexical.cpp: bm25 with pruning), vector candidates, fusion (ranking.h),
// results with snippets (snippet.h).

#include "offlinequery_p.h"
#include "searchindex.h"
#include "snippet.h"

#include "fulltextquery.h"
#include "textanalyzer.h"

#include <QFuture>
#include <QHash>
#include <QReadLocker>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <exception>

namespace ke {

using namespace searchindexdetail;

Result<QList<SearchResult>> SearchIndex::search(const SearchRequest &request,
                                                const std::atomic_bool *cancel) const
{
    QList<int> counts; // each word's count in the query: its weight in bm25
    const QStringList words = fulltextquery::terms(request.text, &counts);
    if (words.isEmpty())
        return makeError(ErrorCode::EmptyQuery,
                         tr("the query has no words to search for — type a word or two"));
    const HybridParameters params = parameters();
    const auto emb = embedder();
    if (request.mode == SearchMode::Vector && !emb)
        return makeError(ErrorCode::NoModel,
                         tr("the search cache has no embedding model yet — sync it first"));
    // The query's embedding is made on the helper thread while this one reads the lexical
    // side (a pasted paragraph takes ~0.3 ms to embed, a few words almost nothing); the helper
    // then takes its share of the lexical passes as usual (both ends meet wherever they do).
    QFuture<Result<std::vector<EmbeddingVector>>> queryEmbedding;
    if (request.mode != SearchMode::Lexical && emb)
        queryEmbedding = QtConcurrent::run(
            &d->helperPool, [emb, text = request.text] { return emb->embed({text}); });
    auto h = d->db();
    if (!h)
        return h.error();
    const OfflineQuery query(*d, *h, request, params, cancel);

    // 1. Lexical.
    QList<qint64> lexical;
    QStringList scored = words; // the words bm25 scores (and snippets mark)
    if (request.mode != SearchMode::Vector) {
        auto found = query.lexical(words, counts, scored);
        if (!found)
            return found.error();
        lexical = std::move(*found);
    }
    if (query.cancelled())
        return OfflineQuery::cancelledError();

    // 2. Vector: the query's embedding (with pseudo-relevance feedback in hybrid mode).
    QList<qint64> vector;
    if (request.mode != SearchMode::Lexical && emb) {
        auto qv = queryEmbedding.result();
        if (!qv)
            return qv.error();
        auto found = query.vector(std::move(qv->front()), *emb, lexical);
        if (!found)
            return found.error();
        vector = std::move(*found);
    }
    if (query.cancelled())
        return OfflineQuery::cancelledError();

    // 3. Fusion and boosts.
    auto candidates = query.fused(lexical, vector);
    if (!candidates)
        return candidates.error();
    if (query.cancelled())
        return OfflineQuery::cancelledError();

    // 4. Results, with snippets.
    return query.results(*candidates, scored);
}

OfflineQuery::OfflineQuery(SearchIndex::Private &d, sqlite3 *h, const SearchRequest &request,
                           const HybridParameters &params, const std::atomic_bool *cancel)
    : d(d)
    , m_h(h)
    , m_request(request)
    , m_params(params)
    , m_cancel(cancel)
    , m_limit(std::clamp(request.limit, 1, 10000))
    , m_perSignal(request.mode == SearchMode::Hybrid ? std::max(m_limit, params.candidates)
                                                     : m_limit)
{
    // The metadata filter, shared by the lexical and the exact-vector queries.
    if (!request.datasetId.isEmpty())
        m_filterSql += QStringLiteral(" AND d.dataset_id = ?100");
    if (!request.sourceTypes.isEmpty()) {
        QStringList ph;
        for (qsizetype i = 0; i < request.sourceTypes.size() && i < 50; ++i)
            ph.append(QStringLiteral("?%1").arg(101 + i));
        m_filterSql += QStringLiteral(" AND d.source_type IN (%1)").arg(ph.join(QLatin1Char(',')));
    }
}

Error OfflineQuery::cancelledError()
{
    return makeError(ErrorCode::Cancelled, SearchIndex::tr("the search was cancelled"));
}

void OfflineQuery::bindFilter(SqliteStatement &s) const
{
    if (!m_request.datasetId.isEmpty())
        s.bind(100, m_request.datasetId);
    for (qsizetype i = 0; i < m_request.sourceTypes.size() && i < 50; ++i)
        s.bind(101 + int(i), m_request.sourceTypes.at(i));
}

Result<QList<qint64>> OfflineQuery::vector(EmbeddingVector q, const Embedder &embedder,
                                           const QList<qint64> &lexical) const
{
    // A query the model knows no word of embeds to zero: its "nearest" documents would be
    // arbitrary and would bury exact lexical matches (ids, rare words). Skip it.
    const bool known = dotProduct(q, q) > 0.5f;
    QReadLocker vl(&d.vectorLock);
    if (!known || int(d.graphDimension()) != embedder.dimension() || embedder.dimension() <= 0)
        return QList<qint64>();
    if (m_request.mode == SearchMode::Hybrid && m_params.feedbackDocuments > 0
        && m_params.feedbackWeight > 0 && !lexical.isEmpty())
        moveTowards(q, lexical);
    if (m_filterSql.isEmpty())
        return graphNearest(q);
    qint64 filteredCount = -1;
    SqliteStatement c(m_h,
                      QStringLiteral("SELECT count(*) FROM documents d WHERE 1%1")
                          .arg(m_filterSql)
                          .toUtf8()
                          .constData());
    bindFilter(c);
    if (c.step() == SQLITE_ROW)
        filteredCount = c.int64(0);
    if (filteredCount <= kExactFilterLimit)
        return exactNearest(q, embedder);
    return graphNearest(q);
}

void OfflineQuery::moveTowards(EmbeddingVector &q, const QList<qint64> &lexical) const
{
    EmbeddingVector centroid(q.size(), 0.0f);
    int used = 0;
    for (qint64 id : lexical) {
        if (used >= m_params.feedbackDocuments)
            break;
        try {
            const qint64 group = d.groupOf(id);
            if (group < 0)
                continue;
            const std::vector<float> v = d.groupVector(group);
            for (size_t j = 0; j < q.size() && j < v.size(); ++j)
                centroid[j] += v[j];
            ++used;
        } catch (const std::exception &) { }
    }
    normalizeEmbedding(centroid);
    for (size_t j = 0; j < q.size(); ++j)
        q[j] += float(m_params.feedbackWeight) * centroid[j];
    normalizeEmbedding(q);
}

QList<qint64> OfflineQuery::exactNearest(const EmbeddingVector &q, const Embedder &embedder) const
{
    SqliteStatement s(m_h,
                      QStringLiteral("SELECT e.document_id, e.vector FROM embeddings e JOIN "
                                     "documents d ON d.id = e.document_id WHERE e.model = ?1%1")
                          .arg(m_filterSql)
                          .toUtf8()
                          .constData());
    s.bind(1, embedder.name());
    bindFilter(s);
    std::vector<std::pair<float, qint64>> scored;
    const int bytes = int(q.size() * sizeof(float));
    while (s.step() == SQLITE_ROW) {
        if (sqlite3_column_bytes(s.get(), 1) != bytes)
            continue;
        const auto *v = static_cast<const float *>(sqlite3_column_blob(s.get(), 1));
        float dotv = 0;
        for (size_t j = 0; j < q.size(); ++j)
            dotv += q[j] * v[j];
        scored.emplace_back(dotv, s.int64(0));
    }
    const size_t keep = std::min(scored.size(), size_t(m_perSignal));
    std::partial_sort(scored.begin(), scored.begin() + qint64(keep), scored.end(),
                      [](const auto &a, const auto &b) {
                          return a.first != b.first ? a.first > b.first : a.second < b.second;
                      });
    QList<qint64> nearest;
    for (size_t i = 0; i < keep; ++i)
        nearest.append(scored[i].second);
    return nearest;
}

Result<QList<qint64>> OfflineQuery::graphNearest(const EmbeddingVector &q) const
{
    const bool filtered = !m_filterSql.isEmpty();
    const size_t k = std::min(d.groups.live, size_t(filtered ? m_perSignal * 10 : m_perSignal));
    QList<qint64> nearest;
    if (k == 0)
        return nearest;
    try {
        // searchKnn needs ef >= k; setEf is not thread-safe, so a larger k than
        // kHnswEfSearch is served by asking for k results (hnswlib uses max(ef, k)
        // internally). Each hit is a group of documents sharing one vector.
        const auto found = d.searchGraph(q.data(), k);
        QList<QPair<qint64, float>> hits;
        if (filtered) {
            // Keep only documents passing the filter, checking a bounded number of them.
            SqliteStatement c(m_h,
                              QStringLiteral("SELECT 1 FROM documents d WHERE d.id = ?1%1")
                                  .arg(m_filterSql)
                                  .toUtf8()
                                  .constData());
            // At most 64 documents of one group (its documents share the vector: a group of
            // thousands of templated texts that fail the filter must not use up the checks of
            // the groups after it).
            size_t checked = 0;
            const size_t maxChecks = size_t(m_perSignal) * 100;
            hits = d.expandGroups(found, size_t(m_perSignal), [&](qint64 id, size_t inGroup) {
                if (inGroup >= 64 || checked++ >= maxChecks)
                    return false;
                c.reset();
                c.bind(1, id);
                bindFilter(c);
                return c.step() == SQLITE_ROW;
            });
        } else {
            hits = d.expandGroups(found, size_t(m_perSignal), [](qint64, size_t) { return true; });
        }
        for (const auto &hit : std::as_const(hits))
            nearest.append(hit.first);
    } catch (const std::exception &e) {
        return makeError(
            ErrorCode::VectorIndex,
            SearchIndex::tr("the vector search failed: %1").arg(QString::fromUtf8(e.what())));
    }
    return nearest;
}

Result<QList<ranking::Candidate>> OfflineQuery::fused(const QList<qint64> &lexical,
                                                      const QList<qint64> &vector) const
{
    QHash<qint64, ranking::Candidate> byId;
    for (qsizetype i = 0; i < lexical.size(); ++i) {
        auto &c = byId[lexical.at(i)];
        c.id = lexical.at(i);
        c.lexicalRank = int(i) + 1;
    }
    for (qsizetype i = 0; i < vector.size(); ++i) {
        auto &c = byId[vector.at(i)];
        c.id = vector.at(i);
        c.vectorRank = int(i) + 1;
    }
    // The boosts need only time and feedback: reading the content (often long SQL, in
    // overflow pages) of ~200 candidates cost ~1.5 ms at 1M documents.
    SqliteStatement boosts(m_h, "SELECT created_at, feedback_score FROM documents WHERE id = ?1");
    if (!boosts.isValid())
        return d.sqliteError(m_h, SearchIndex::tr("reading results"));
    QList<ranking::Candidate> candidates;
    candidates.reserve(byId.size());
    for (auto it = byId.begin(); it != byId.end(); ++it) {
        boosts.reset();
        boosts.bind(1, it.key());
        if (boosts.step() != SQLITE_ROW)
            continue;
        if (!boosts.isNull(0))
            it->createdAt = QDateTime::fromMSecsSinceEpoch(boosts.int64(0), Qt::UTC);
        it->feedbackScore = boosts.real(1);
        candidates.append(*it);
    }
    const QDateTime now = m_params.now.isValid() ? m_params.now : QDateTime::currentDateTimeUtc();
    ranking::rank(candidates, now, m_params.ranking);
    if (candidates.size() > m_limit)
        candidates.resize(m_limit);
    return candidates;
}

Result<QList<SearchResult>> OfflineQuery::results(const QList<ranking::Candidate> &candidates,
                                                  const QStringList &scored) const
{
    SqliteStatement meta(m_h,
                         "SELECT source_type, source_id, dataset_id, investigation_id, "
                         "created_at, feedback_score, content FROM documents WHERE id = ?1");
    if (!meta.isValid())
        return d.sqliteError(m_h, SearchIndex::tr("reading results"));
    // The query's stems once, not once per result.
    const textanalyzer::QueryWordSet snippetStemsOfQuery
        = m_request.snippets ? snippetStems(scored) : textanalyzer::QueryWordSet();
    QList<SearchResult> results;
    results.reserve(candidates.size());
    for (const ranking::Candidate &c : std::as_const(candidates)) {
        meta.reset();
        meta.bind(1, c.id);
        if (meta.step() != SQLITE_ROW)
            continue;
        SearchResult r;
        r.sourceType = meta.text(0);
        r.sourceId = meta.text(1);
        r.datasetId = meta.text(2);
        r.investigationId = meta.text(3);
        r.createdAt = c.createdAt;
        r.feedbackScore = c.feedbackScore;
        r.lexicalRank = c.lexicalRank;
        r.vectorRank = c.vectorRank;
        r.score = c.score;
        if (m_request.snippets)
            r.snippet = markedExcerpt(meta.text(6), snippetStemsOfQuery);
        results.append(r);
    }
    return results;
}

} // namespace ke
