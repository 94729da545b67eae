// SearchIndex::search — the offline hybrid search: filters, lexical candidates (bm25 with
// pruning), vector candidates, fusion (ranking.h), snippets (snippet.h).

#include "bm25.h"
#include "searchindex.h"
#include "searchindex_p.h"
#include "snippet.h"

#include "fulltextquery.h"
#include "textanalyzer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFuture>
#include <QSaveFile>
#include <QScopeGuard>
#include <QSet>
#include <QTemporaryFile>
#include <QThread>
#include <QTimeZone>
#include <QtConcurrent/QtConcurrentMap>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <exception>
#include <mutex>
#include <numeric>
#include <queue>
#include <thread>

namespace ke {

using namespace searchindexdetail;

Result<QList<SearchResult>> SearchIndex::search(const SearchRequest &request,
                                                const std::atomic_bool *cancel) const
{
    auto cancelled = [&] { return cancel && cancel->load(); };
    auto cancelledError
        = [] { return makeError(ErrorCode::Cancelled, tr("the search was cancelled")); };
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
    const int limit = std::clamp(request.limit, 1, 10000);
    const int perSignal
        = request.mode == SearchMode::Hybrid ? std::max(limit, params.candidates) : limit;

    // The metadata filter, shared by the lexical and the exact-vector queries.
    QString filterSql;
    if (!request.datasetId.isEmpty())
        filterSql += QStringLiteral(" AND d.dataset_id = ?100");
    if (!request.sourceTypes.isEmpty()) {
        QStringList ph;
        for (qsizetype i = 0; i < request.sourceTypes.size() && i < 50; ++i)
            ph.append(QStringLiteral("?%1").arg(101 + i));
        filterSql += QStringLiteral(" AND d.source_type IN (%1)").arg(ph.join(QLatin1Char(',')));
    }
    const bool filtered = !filterSql.isEmpty();
    auto bindFilter = [&](SqliteStatement &s) {
        if (!request.datasetId.isEmpty())
            s.bind(100, request.datasetId);
        for (qsizetype i = 0; i < request.sourceTypes.size() && i < 50; ++i)
            s.bind(101 + int(i), request.sourceTypes.at(i));
    };

    // 1. Lexical: bm25 over the sanitised words. When their posting lists are long (common
    //    words of a large cache), ranking every matching row would cost hundreds of ms, so
    //    it is pruned MaxScore-style: the rarest words within HybridParameters::
    //    lexicalPostingBudget postings select the candidates, which are scored with every
    //    word of the query (ke_bm25 — FTS5's formula with known frequencies). Rows holding
    //    none of those rare words can score at most the sum of the common words' largest
    //    contributions; when the candidates' k-th score beats that bound the top k is exact,
    //    otherwise the newest rows with common words are scored and merged in as well.
    //    Each word weighs as often as the query repeats it (fulltextquery.h); when pruned, a
    //    long query is scored with its HybridParameters::maxScoredTerms most telling words.
    QList<qint64> lexical;
    QStringList scored = words; // the words bm25 scores (and snippets mark)
    if (request.mode != SearchMode::Vector) {
        QList<qint64> df = d->documentFrequencies(*h, words);
        qint64 maxId = 0; // also an upper bound of the row count, which keeps the bound safe
        {
            SqliteStatement c(*h, "SELECT coalesce(max(id), 0) FROM documents");
            if (c.step() == SQLITE_ROW)
                maxId = c.int64(0);
        }
        qint64 total = 0;
        for (qint64 n : df)
            total += n;
        const bool pruned = params.lexicalPostingBudget > 0 && total > params.lexicalPostingBudget;
        if (pruned && params.maxScoredTerms > 0 && words.size() > params.maxScoredTerms) {
            // The most telling words of a long query, in the query's order (a word in no
            // document tells nothing).
            QList<int> byWeight(words.size());
            std::iota(byWeight.begin(), byWeight.end(), 0);
            std::vector<double> weight(size_t(words.size())); // once each, not per comparison
            for (qsizetype i = 0; i < words.size(); ++i)
                weight[size_t(i)]
                    = df.at(i) > 0 ? maxContribution(df.at(i), maxId) * counts.at(i) : 0.0;
            std::stable_sort(byWeight.begin(), byWeight.end(),
                             [&](int a, int b) { return weight[size_t(a)] > weight[size_t(b)]; });
            byWeight.resize(params.maxScoredTerms);
            std::sort(byWeight.begin(), byWeight.end());
            QStringList keptWords;
            QList<qint64> keptDf;
            QList<int> keptCounts;
            for (int i : std::as_const(byWeight)) {
                keptWords.append(words.at(i));
                keptDf.append(df.at(i));
                keptCounts.append(counts.at(i));
            }
            scored = keptWords;
            df = keptDf;
            counts = keptCounts;
        }
        const QString match = fulltextquery::toFts5(scored);
        if (!pruned) {
            // Few postings: bm25 over every matching row.
            const QByteArray sql
                = QStringLiteral("SELECT f.rowid, ke_bm25(documents_fts, ?3, ?4) AS score FROM "
                                 "documents_fts f JOIN documents d ON d.id = f.rowid WHERE "
                                 "documents_fts MATCH ?1%1 ORDER BY score DESC, f.rowid LIMIT ?2")
                      .arg(filterSql)
                      .toUtf8();
            SqliteStatement s(*h, sql.constData());
            if (!s.isValid())
                return d->sqliteError(*h, tr("the full-text search"));
            const std::vector<qint64> allDf(df.cbegin(), df.cend());
            const std::vector<qint64> allWeights(counts.cbegin(), counts.cend());
            s.bind(1, match);
            s.bind(2, qint64(perSignal));
            s.bindBlob(3, allDf.data(), int(allDf.size() * sizeof(qint64)));
            s.bindBlob(4, allWeights.data(), int(allWeights.size() * sizeof(qint64)));
            bindFilter(s);
            int rc;
            while ((rc = s.step()) == SQLITE_ROW)
                lexical.append(s.int64(0));
            if (rc != SQLITE_DONE)
                return d->sqliteError(*h, tr("the full-text search"));
        } else {
            QList<int> order(scored.size());
            std::iota(order.begin(), order.end(), 0);
            std::stable_sort(order.begin(), order.end(),
                             [&](int a, int b) { return df.at(a) < df.at(b); });
            QStringList rare, common;
            std::vector<qint64> rareDf, commonDf, rareWeight, commonWeight;
            qint64 sum = 0;
            for (int i : std::as_const(order)) {
                if (common.isEmpty() && sum + df.at(i) <= params.lexicalPostingBudget) {
                    sum += df.at(i);
                    rare.append(scored.at(i));
                    rareDf.push_back(df.at(i));
                    rareWeight.push_back(counts.at(i));
                } else {
                    common.append(scored.at(i));
                    commonDf.push_back(df.at(i));
                    commonWeight.push_back(counts.at(i));
                }
            }
            QHash<qint64, double> scores;
            scores.reserve(qsizetype(sum) + params.commonTermCandidateCap);
            // Rows of `expression` with ids in [from, to], scored with ke_bm25 (`phraseDf`,
            // `phraseWeight`: one per phrase) into `into`, on the SQLite handle `db`;
            // `newest` > 0 takes only that many, newest first. Only rows that can be among the
            // perSignal best are scored and kept: ke_bm25 skips a row below the floor — the
            // perSignal-th best score so far of this pass or of any pass beside it (`shared`),
            // at least `floor` (already known to be reached) — and since a row's final score is
            // at least the one any pass scores it, the top perSignal (ties included) is the
            // same as when every row is scored.
            struct Pass
            {
                QString expression;
                const std::vector<qint64> *phraseDf;
                const std::vector<qint64> *phraseWeight;
                qint64 newest;
                bool descending;
                // Two passes over one range from its two ends meet: each publishes the last id
                // it scored (`reached`) and stops at an id the other has already scored.
                std::atomic<qint64> *reached;
                const std::atomic<qint64> *other;
            };
            auto scoreRange
                = [&](sqlite3 *db, const Pass &pass, double floor, std::atomic<double> &shared,
                      QHash<qint64, double> &into) -> Result<void> {
                const bool downwards = pass.newest > 0 || pass.descending;
                const QByteArray sql
                    = QStringLiteral("SELECT f.rowid, ke_bm25(documents_fts, ?2, ?6, ?7) FROM "
                                     "documents_fts f%1 WHERE documents_fts MATCH ?1%2%3")
                          .arg(filtered ? QStringLiteral(" JOIN documents d ON d.id = f.rowid")
                                        : QString(),
                               filterSql,
                               // Both orders stated: a pass meeting another stops at the
                               // first id the other has scored, so rows must come in id
                               // order also when a filter's join lets the planner read
                               // `documents` first.
                               downwards ? QStringLiteral(" ORDER BY f.rowid DESC LIMIT ?3")
                                         : QStringLiteral(" ORDER BY f.rowid"))
                          .toUtf8();
                SqliteStatement s(db, sql.constData());
                if (!s.isValid())
                    return d->sqliteError(db, tr("the full-text search"));
                s.bind(1, pass.expression);
                s.bindBlob(2, pass.phraseDf->data(), int(pass.phraseDf->size() * sizeof(qint64)));
                s.bindBlob(6, pass.phraseWeight->data(),
                           int(pass.phraseWeight->size() * sizeof(qint64)));
                if (downwards)
                    s.bind(3, pass.newest > 0 ? pass.newest : qint64(-1));
                ScoreFloor least{floor};
                sqlite3_bind_pointer(s.get(), 7, &least, kScoreFloorType, nullptr);
                bindFilter(s);
                // The perSignal best scores of this pass, the lowest on top.
                std::priority_queue<double, std::vector<double>, std::greater<>> kept;
                int rc;
                while ((rc = s.step()) == SQLITE_ROW) {
                    if (cancelled())
                        return cancelledError();
                    const qint64 id = s.int64(0);
                    if (pass.other) {
                        const qint64 done = pass.other->load(std::memory_order_acquire);
                        if (pass.descending ? id <= done : id >= done) {
                            rc = SQLITE_DONE; // the other pass has scored the rest
                            break;
                        }
                    }
                    least.value = std::max(least.value, shared.load(std::memory_order_relaxed));
                    if (!s.isNull(1)) { // else below the floor
                        const double value = s.real(1);
                        double &best = into[id];
                        best = std::max(best, value);
                        kept.push(value);
                        if (kept.size() > size_t(perSignal))
                            kept.pop();
                        if (kept.size() == size_t(perSignal) && kept.top() > least.value) {
                            least.value = kept.top();
                            double seen = shared.load(std::memory_order_relaxed);
                            while (seen < least.value
                                   && !shared.compare_exchange_weak(seen, least.value,
                                                                    std::memory_order_relaxed)) { }
                        }
                    }
                    if (pass.reached)
                        pass.reached->store(id, std::memory_order_release);
                }
                if (rc != SQLITE_DONE)
                    return d->sqliteError(db, tr("the full-text search"));
                return {};
            };
            // `mine` runs on this thread; `theirs` on a pool thread with its own SQLite handle,
            // one pass after the other; their rows are merged into `scores`.
            auto score = [&](const std::vector<Pass> &mine, const std::vector<Pass> &theirs,
                             double floor) -> Result<void> {
                std::atomic<double> shared{floor};
                std::vector<QHash<qint64, double>> found(mine.size() + theirs.size());
                auto run = [&](sqlite3 *db, const std::vector<Pass> &passes,
                               QHash<qint64, double> *into) -> Result<void> {
                    for (const Pass &pass : passes)
                        if (auto r = scoreRange(db, pass, floor, shared, *into++); !r)
                            return r;
                    return {};
                };
                QFuture<Result<void>> other;
                if (!theirs.empty())
                    other = QtConcurrent::run(&d->helperPool, [&]() -> Result<void> {
                        auto own = d->db();
                        if (!own)
                            return own.error();
                        return run(*own, theirs, found.data() + mine.size());
                    });
                // The pool task uses this frame's locals: it is waited for on every way out,
                // an exception (std::bad_alloc) included.
                const auto waitForOther = qScopeGuard([&other] {
                    try {
                        other.waitForFinished();
                    } catch (...) { // its own failure is reported through result() below
                    }
                });
                const Result<void> ours = run(*h, mine, found.data());
                if (!theirs.empty())
                    if (const Result<void> r = other.result(); !r)
                        return r;
                if (!ours)
                    return ours;
                for (const QHash<qint64, double> &rows : found)
                    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
                        double &best = scores[it.key()];
                        best = std::max(best, it.value());
                    }
                return {};
            };
            // The best perSignal rows, best first (only those are used: the rest is unsorted).
            auto ranked = [&] {
                std::vector<std::pair<double, qint64>> v;
                v.reserve(size_t(scores.size()));
                for (auto it = scores.cbegin(); it != scores.cend(); ++it)
                    v.emplace_back(it.value(), it.key());
                const auto kept = v.begin() + qint64(std::min(v.size(), size_t(perSignal)));
                std::partial_sort(v.begin(), kept, v.end(), [](const auto &a, const auto &b) {
                    return a.first != b.first ? a.first > b.first : a.second < b.second;
                });
                v.erase(kept, v.end());
                return v;
            };
            double bound = 0, rareBound = 0;
            for (size_t i = 0; i < commonDf.size(); ++i)
                bound += maxContribution(commonDf[i], maxId) * double(commonWeight[i]);
            for (size_t i = 0; i < rareDf.size(); ++i)
                rareBound += maxContribution(rareDf[i], maxId) * double(rareWeight[i]);
            // The fallback pass: the newest rows with common words.
            const Pass fallback{fulltextquery::toFts5(common),
                                &commonDf,
                                &commonWeight,
                                std::max<qint64>(params.commonTermCandidateCap, perSignal),
                                true,
                                nullptr,
                                nullptr};
            // When the common words' bound is about as large as the rare words' (a pasted
            // paragraph), the candidates' k-th score practically never beats it, so the
            // fallback pass runs beside the candidate pass rather than after it. It may: its
            // rows score at most the bound, so when the top perSignal turns out exact they
            // cannot enter it. Only the order of work changes, never the results.
            const bool fallbackBeside
                = !common.isEmpty() && workerThreads() >= 2 && bound >= 0.75 * rareBound;
            std::vector<qint64> phraseDf, phraseWeight;
            if (!rare.isEmpty()) {
                QString expression = fulltextquery::toFts5(rare);
                phraseDf = rareDf;
                phraseWeight = rareWeight;
                if (!common.isEmpty()) {
                    // Every row with a rare word, with the common words' frequencies too.
                    expression = QStringLiteral("(%1) AND (%1 OR %2)")
                                     .arg(expression, fulltextquery::toFts5(common));
                    phraseDf.insert(phraseDf.end(), rareDf.size(), -1);
                    phraseDf.insert(phraseDf.end(), commonDf.begin(), commonDf.end());
                    phraseWeight.insert(phraseWeight.end(), rareWeight.size(), 0);
                    phraseWeight.insert(phraseWeight.end(), commonWeight.begin(),
                                        commonWeight.end());
                }
                // Many postings: this thread scores the ids upwards, a pool thread downwards
                // (after the fallback pass when it runs beside), until they meet — wherever
                // that is, so a thread slowed by other work does less of it.
                std::atomic<qint64> upTo{-1}, downTo{maxId + 1};
                if (sum < 1500 || workerThreads() < 2 || maxId < 2) {
                    if (auto r = score(
                            {{expression, &phraseDf, &phraseWeight, 0, false, nullptr, nullptr}},
                            fallbackBeside ? std::vector<Pass>{fallback} : std::vector<Pass>{}, 0);
                        !r)
                        return r.error();
                } else {
                    std::vector<Pass> theirs;
                    if (fallbackBeside)
                        theirs.push_back(fallback);
                    theirs.push_back(
                        {expression, &phraseDf, &phraseWeight, 0, true, &downTo, &upTo});
                    if (auto r
                        = score({{expression, &phraseDf, &phraseWeight, 0, false, &upTo, &downTo}},
                                theirs, 0);
                        !r)
                        return r.error();
                }
            }
            auto top = ranked();
            const bool full = top.size() >= size_t(perSignal);
            const bool exact = full && top[size_t(perSignal) - 1].first > bound;
            const bool fallbackDone = fallbackBeside && !rare.isEmpty();
            if (!exact && !common.isEmpty() && !fallbackDone) {
                if (auto r = score({fallback}, {}, full ? top[size_t(perSignal) - 1].first : 0); !r)
                    return r.error();
                top = ranked();
            }
            for (size_t i = 0; i < top.size() && i < size_t(perSignal); ++i)
                lexical.append(top[i].second);
        }
    }
    if (cancelled())
        return cancelledError();

    // 2. Vector: the query's embedding (with pseudo-relevance feedback in hybrid mode).
    QList<qint64> vector;
    if (request.mode != SearchMode::Lexical && emb) {
        auto qv = queryEmbedding.result();
        if (!qv)
            return qv.error();
        EmbeddingVector q = std::move(qv->front());
        // A query the model knows no word of embeds to zero: its "nearest" documents would
        // be arbitrary and would bury exact lexical matches (ids, rare words). Skip it.
        const bool known = dotProduct(q, q) > 0.5f;
        QReadLocker vl(&d->vectorLock);
        if (known && int(d->graphDimension()) == emb->dimension() && emb->dimension() > 0) {
            if (request.mode == SearchMode::Hybrid && params.feedbackDocuments > 0
                && params.feedbackWeight > 0 && !lexical.isEmpty()) {
                EmbeddingVector centroid(q.size(), 0.0f);
                int used = 0;
                for (qint64 id : std::as_const(lexical)) {
                    if (used >= params.feedbackDocuments)
                        break;
                    try {
                        const qint64 group = d->groupOf(id);
                        if (group < 0)
                            continue;
                        const std::vector<float> v = d->groupVector(group);
                        for (size_t j = 0; j < q.size() && j < v.size(); ++j)
                            centroid[j] += v[j];
                        ++used;
                    } catch (const std::exception &) { }
                }
                normalizeEmbedding(centroid);
                for (size_t j = 0; j < q.size(); ++j)
                    q[j] += float(params.feedbackWeight) * centroid[j];
                normalizeEmbedding(q);
            }
            qint64 filteredCount = -1;
            if (filtered) {
                SqliteStatement c(*h,
                                  QStringLiteral("SELECT count(*) FROM documents d WHERE 1%1")
                                      .arg(filterSql)
                                      .toUtf8()
                                      .constData());
                bindFilter(c);
                if (c.step() == SQLITE_ROW)
                    filteredCount = c.int64(0);
            }
            if (filtered && filteredCount <= kExactFilterLimit) {
                // Exact scan over the filtered documents' vectors.
                SqliteStatement s(*h,
                                  QStringLiteral("SELECT e.document_id, e.vector FROM "
                                                 "embeddings e JOIN documents d ON d.id = "
                                                 "e.document_id WHERE e.model = ?1%1")
                                      .arg(filterSql)
                                      .toUtf8()
                                      .constData());
                s.bind(1, emb->name());
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
                const size_t keep = std::min(scored.size(), size_t(perSignal));
                std::partial_sort(scored.begin(), scored.begin() + qint64(keep), scored.end(),
                                  [](const auto &a, const auto &b) {
                                      return a.first != b.first ? a.first > b.first
                                                                : a.second < b.second;
                                  });
                for (size_t i = 0; i < keep; ++i)
                    vector.append(scored[i].second);
            } else {
                const size_t alive = d->groups.live;
                size_t k = std::min(alive, size_t(filtered ? perSignal * 10 : perSignal));
                if (k > 0) {
                    try {
                        // searchKnn needs ef >= k; setEf is not thread-safe, so a larger k
                        // than kHnswEfSearch is served by asking for k results
                        // (hnswlib uses max(ef, k) internally). Each hit is a group of
                        // documents sharing one vector.
                        const auto found = d->searchGraph(q.data(), k);
                        QList<QPair<qint64, float>> hits;
                        if (filtered) {
                            // Keep only documents passing the filter, checking a bounded
                            // number of them.
                            SqliteStatement c(*h,
                                              QStringLiteral("SELECT 1 FROM documents d "
                                                             "WHERE d.id = ?1%1")
                                                  .arg(filterSql)
                                                  .toUtf8()
                                                  .constData());
                            // At most 64 documents of one group (its documents share the
                            // vector: a group of thousands of templated texts that fail the
                            // filter must not use up the checks of the groups after it).
                            size_t checked = 0;
                            const size_t maxChecks = size_t(perSignal) * 100;
                            hits = d->expandGroups(found, size_t(perSignal),
                                                   [&](qint64 id, size_t inGroup) {
                                                       if (inGroup >= 64 || checked++ >= maxChecks)
                                                           return false;
                                                       c.reset();
                                                       c.bind(1, id);
                                                       bindFilter(c);
                                                       return c.step() == SQLITE_ROW;
                                                   });
                        } else {
                            hits = d->expandGroups(found, size_t(perSignal),
                                                   [](qint64, size_t) { return true; });
                        }
                        for (const auto &hit : std::as_const(hits))
                            vector.append(hit.first);
                    } catch (const std::exception &e) {
                        return makeError(
                            ErrorCode::VectorIndex,
                            tr("the vector search failed: %1").arg(QString::fromUtf8(e.what())));
                    }
                }
            }
        }
    }
    if (cancelled())
        return cancelledError();

    // 3. Fusion and boosts.
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
    SqliteStatement meta(*h,
                         "SELECT source_type, source_id, dataset_id, investigation_id, "
                         "created_at, feedback_score, content FROM documents WHERE id = ?1");
    // The boosts need only time and feedback: reading the content (often long SQL, in
    // overflow pages) of ~200 candidates cost ~1.5 ms at 1M documents.
    SqliteStatement boosts(*h, "SELECT created_at, feedback_score FROM documents WHERE id = ?1");
    if (!meta.isValid() || !boosts.isValid())
        return d->sqliteError(*h, tr("reading results"));
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
    const QDateTime now = params.now.isValid() ? params.now : QDateTime::currentDateTimeUtc();
    ranking::rank(candidates, now, params.ranking);
    if (candidates.size() > limit)
        candidates.resize(limit);
    if (cancelled())
        return cancelledError();

    // 4. Results, with snippets (the query's stems once, not once per result).
    const textanalyzer::QueryWordSet snippetStemsOfQuery
        = request.snippets ? snippetStems(scored) : textanalyzer::QueryWordSet();
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
        if (request.snippets)
            r.snippet = markedExcerpt(meta.text(6), snippetStemsOfQuery);
        results.append(r);
    }
    return results;
}

} // namespace ke
