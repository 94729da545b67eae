// The lexical step of an offline search (OfflineQuery::lexical): bm25 over the query's words,
// pruned MaxScore-style when their posting lists are long, on one or two threads.

#include "offlinequery_p.h"

#include "fulltextquery.h"

#include <QFuture>
#include <QHash>
#include <QScopeGuard>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <numeric>
#include <queue>

namespace ke {

using namespace searchindexdetail;

namespace {

/// The `keep` most telling words of a long query — the largest idf × count; a word in no
/// document tells nothing — in the query's order, with their frequencies and counts.
void keepMostTelling(QStringList &words, QList<qint64> &df, QList<int> &counts, qint64 maxId,
                     int keep)
{
    QList<int> byWeight(words.size());
    std::iota(byWeight.begin(), byWeight.end(), 0);
    std::vector<double> weight(size_t(words.size())); // once each, not per comparison
    for (qsizetype i = 0; i < words.size(); ++i)
        weight[size_t(i)] = df.at(i) > 0 ? maxContribution(df.at(i), maxId) * counts.at(i) : 0.0;
    std::stable_sort(byWeight.begin(), byWeight.end(),
                     [&](int a, int b) { return weight[size_t(a)] > weight[size_t(b)]; });
    byWeight.resize(keep);
    std::sort(byWeight.begin(), byWeight.end());
    QStringList keptWords;
    QList<qint64> keptDf;
    QList<int> keptCounts;
    for (int i : std::as_const(byWeight)) {
        keptWords.append(words.at(i));
        keptDf.append(df.at(i));
        keptCounts.append(counts.at(i));
    }
    words = keptWords;
    df = keptDf;
    counts = keptCounts;
}

/// The best `n` rows of `scores`, best first (equal scores: the lower id first).
std::vector<std::pair<double, qint64>> topRows(const QHash<qint64, double> &scores, int n)
{
    std::vector<std::pair<double, qint64>> v;
    v.reserve(size_t(scores.size()));
    for (auto it = scores.cbegin(); it != scores.cend(); ++it)
        v.emplace_back(it.value(), it.key());
    const auto kept = v.begin() + qint64(std::min(v.size(), size_t(n)));
    std::partial_sort(v.begin(), kept, v.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    v.erase(kept, v.end());
    return v;
}

} // namespace

/// Rows matching `expression`, scored with ke_bm25 (`phraseDf`, `phraseWeight`: one per
/// phrase); `newest` > 0 takes only that many, newest first.
struct OfflineQuery::Pass
{
    QString expression;
    const std::vector<qint64> *phraseDf;
    const std::vector<qint64> *phraseWeight;
    qint64 newest;
    bool descending;
    // Two passes over one range from its two ends meet: each publishes the last id it scored
    // (`reached`) and stops at an id the other has already scored.
    std::atomic<qint64> *reached;
    const std::atomic<qint64> *other;
};

// Bm25 over the sanitised words. When their posting lists are long (common words of a large
// cache), ranking every matching row would cost hundreds of ms, so it is pruned MaxScore-style:
// the rarest words within HybridParameters::lexicalPostingBudget postings select the
// candidates, which are scored with every word of the query (ke_bm25 — FTS5's formula with
// known frequencies). Rows holding none of those rare words can score at most the sum of the
// common words' largest contributions; when the candidates' k-th score beats that bound the top
// k is exact, otherwise the newest rows with common words are scored and merged in as well.
// Each word weighs as often as the query repeats it (fulltextquery.h); when pruned, a long
// query is scored with its HybridParameters::maxScoredTerms most telling words.
Result<QList<qint64>> OfflineQuery::lexical(const QStringList &words, QList<int> counts,
                                            QStringList &scored) const
{
    scored = words;
    QList<qint64> df = d.documentFrequencies(m_h, words);
    qint64 maxId = 0; // also an upper bound of the row count, which keeps the bound safe
    {
        SqliteStatement c(m_h, "SELECT coalesce(max(id), 0) FROM documents");
        if (c.step() == SQLITE_ROW)
            maxId = c.int64(0);
    }
    qint64 total = 0;
    for (qint64 n : df)
        total += n;
    if (m_params.lexicalPostingBudget <= 0 || total <= m_params.lexicalPostingBudget)
        return everyMatch(scored, df, counts);
    if (m_params.maxScoredTerms > 0 && words.size() > m_params.maxScoredTerms)
        keepMostTelling(scored, df, counts, maxId, m_params.maxScoredTerms);
    return pruned(scored, df, counts, maxId);
}

Result<QList<qint64>> OfflineQuery::everyMatch(const QStringList &scored, const QList<qint64> &df,
                                               const QList<int> &counts) const
{
    const QByteArray sql
        = QStringLiteral("SELECT f.rowid, ke_bm25(documents_fts, ?3, ?4) AS score FROM "
                         "documents_fts f JOIN documents d ON d.id = f.rowid WHERE "
                         "documents_fts MATCH ?1%1 ORDER BY score DESC, f.rowid LIMIT ?2")
              .arg(m_filterSql)
              .toUtf8();
    SqliteStatement s(m_h, sql.constData());
    if (!s.isValid())
        return d.sqliteError(m_h, SearchIndex::tr("the full-text search"));
    const std::vector<qint64> allDf(df.cbegin(), df.cend());
    const std::vector<qint64> allWeights(counts.cbegin(), counts.cend());
    s.bind(1, fulltextquery::toFts5(scored));
    s.bind(2, qint64(m_perSignal));
    s.bindBlob(3, allDf.data(), int(allDf.size() * sizeof(qint64)));
    s.bindBlob(4, allWeights.data(), int(allWeights.size() * sizeof(qint64)));
    bindFilter(s);
    QList<qint64> ids;
    int rc;
    while ((rc = s.step()) == SQLITE_ROW)
        ids.append(s.int64(0));
    if (rc != SQLITE_DONE)
        return d.sqliteError(m_h, SearchIndex::tr("the full-text search"));
    return ids;
}

// Only rows that can be among the perSignal best are scored and kept: ke_bm25 skips a row
// below the floor — the perSignal-th best score so far of this pass or of any pass beside it
// (`shared`), at least `floor` (already known to be reached) — and since a row's final score is
// at least the one any pass scores it, the top perSignal (ties included) is the same as when
// every row is scored.
Result<void> OfflineQuery::scoreRange(sqlite3 *db, const Pass &pass, double floor,
                                      std::atomic<double> &shared,
                                      QHash<qint64, double> &into) const
{
    const bool downwards = pass.newest > 0 || pass.descending;
    const QByteArray sql
        = QStringLiteral("SELECT f.rowid, ke_bm25(documents_fts, ?2, ?6, ?7) FROM "
                         "documents_fts f%1 WHERE documents_fts MATCH ?1%2%3")
              .arg(m_filterSql.isEmpty() ? QString()
                                         : QStringLiteral(" JOIN documents d ON d.id = f.rowid"),
                   m_filterSql,
                   // Both orders stated: a pass meeting another stops at the first id the
                   // other has scored, so rows must come in id order also when a filter's join
                   // lets the planner read `documents` first.
                   downwards ? QStringLiteral(" ORDER BY f.rowid DESC LIMIT ?3")
                             : QStringLiteral(" ORDER BY f.rowid"))
              .toUtf8();
    SqliteStatement s(db, sql.constData());
    if (!s.isValid())
        return d.sqliteError(db, SearchIndex::tr("the full-text search"));
    s.bind(1, pass.expression);
    s.bindBlob(2, pass.phraseDf->data(), int(pass.phraseDf->size() * sizeof(qint64)));
    s.bindBlob(6, pass.phraseWeight->data(), int(pass.phraseWeight->size() * sizeof(qint64)));
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
            if (kept.size() > size_t(m_perSignal))
                kept.pop();
            if (kept.size() == size_t(m_perSignal) && kept.top() > least.value) {
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
        return d.sqliteError(db, SearchIndex::tr("the full-text search"));
    return {};
}

// `mine` runs on this thread; `theirs` on a pool thread with its own SQLite handle, one pass
// after the other; their rows are merged into `scores`.
Result<void> OfflineQuery::score(const std::vector<Pass> &mine, const std::vector<Pass> &theirs,
                                 double floor, QHash<qint64, double> &scores) const
{
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
        other = QtConcurrent::run(&d.helperPool, [&]() -> Result<void> {
            auto own = d.db();
            if (!own)
                return own.error();
            return run(*own, theirs, found.data() + mine.size());
        });
    // The pool task uses this frame's locals: it is waited for on every way out, an exception
    // (std::bad_alloc) included.
    const auto waitForOther = qScopeGuard([&other] {
        try {
            other.waitForFinished();
        } catch (...) { // its own failure is reported through result() below
        }
    });
    const Result<void> ours = run(m_h, mine, found.data());
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
}

Result<QList<qint64>> OfflineQuery::pruned(const QStringList &scored, const QList<qint64> &df,
                                           const QList<int> &counts, qint64 maxId) const
{
    // The rarest words within the posting budget select the candidates; the others are common.
    QList<int> order(scored.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return df.at(a) < df.at(b); });
    QStringList rare, common;
    std::vector<qint64> rareDf, commonDf, rareWeight, commonWeight;
    qint64 sum = 0;
    for (int i : std::as_const(order)) {
        if (common.isEmpty() && sum + df.at(i) <= m_params.lexicalPostingBudget) {
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
    scores.reserve(qsizetype(sum) + m_params.commonTermCandidateCap);
    double bound = 0, rareBound = 0;
    for (size_t i = 0; i < commonDf.size(); ++i)
        bound += maxContribution(commonDf[i], maxId) * double(commonWeight[i]);
    for (size_t i = 0; i < rareDf.size(); ++i)
        rareBound += maxContribution(rareDf[i], maxId) * double(rareWeight[i]);
    // The fallback pass: the newest rows with common words.
    const Pass fallback{fulltextquery::toFts5(common),
                        &commonDf,
                        &commonWeight,
                        std::max<qint64>(m_params.commonTermCandidateCap, m_perSignal),
                        true,
                        nullptr,
                        nullptr};
    // When the common words' bound is about as large as the rare words' (a pasted paragraph),
    // the candidates' k-th score practically never beats it, so the fallback pass runs beside
    // the candidate pass rather than after it. It may: its rows score at most the bound, so
    // when the top perSignal turns out exact they cannot enter it. Only the order of work
    // changes, never the results.
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
            phraseWeight.insert(phraseWeight.end(), commonWeight.begin(), commonWeight.end());
        }
        // Many postings: this thread scores the ids upwards, a pool thread downwards (after
        // the fallback pass when it runs beside), until they meet — wherever that is, so a
        // thread slowed by other work does less of it.
        std::atomic<qint64> upTo{-1}, downTo{maxId + 1};
        if (sum < 1500 || workerThreads() < 2 || maxId < 2) {
            if (auto r = score({{expression, &phraseDf, &phraseWeight, 0, false, nullptr, nullptr}},
                               fallbackBeside ? std::vector<Pass>{fallback} : std::vector<Pass>{},
                               0, scores);
                !r)
                return r.error();
        } else {
            std::vector<Pass> theirs;
            if (fallbackBeside)
                theirs.push_back(fallback);
            theirs.push_back({expression, &phraseDf, &phraseWeight, 0, true, &downTo, &upTo});
            if (auto r = score({{expression, &phraseDf, &phraseWeight, 0, false, &upTo, &downTo}},
                               theirs, 0, scores);
                !r)
                return r.error();
        }
    }
    auto top = topRows(scores, m_perSignal);
    const bool full = top.size() >= size_t(m_perSignal);
    const bool exact = full && top[size_t(m_perSignal) - 1].first > bound;
    const bool fallbackDone = fallbackBeside && !rare.isEmpty();
    if (!exact && !common.isEmpty() && !fallbackDone) {
        if (auto r = score({fallback}, {}, full ? top[size_t(m_perSignal) - 1].first : 0, scores);
            !r)
            return r.error();
        top = topRows(scores, m_perSignal);
    }
    QList<qint64> ids;
    for (size_t i = 0; i < top.size() && i < size_t(m_perSignal); ++i)
        ids.append(top[i].second);
    return ids;
}

} // namespace ke
