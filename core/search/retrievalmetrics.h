#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace ke {

/// Standard IR metrics (as trec_eval / BEIR compute them) for judging search quality.
/// Pure functions; safe from any thread.
namespace retrievalmetrics {

/// Judgements of one query: document id -> graded relevance (> 0 means relevant).
using Judgements = QHash<QString, int>;

/// nDCG@k with linear gains (gain = grade) and log2(rank + 1) discounts; the ideal ranking
/// is the judged documents sorted by grade. 0 when nothing is relevant.
double ndcgAt(const QStringList &ranking, const Judgements &qrels, int k);
/// Share of the relevant documents found in the first k results.
double recallAt(const QStringList &ranking, const Judgements &qrels, int k);
/// 1 / rank of the first relevant result within the first k, else 0.
double reciprocalRankAt(const QStringList &ranking, const Judgements &qrels, int k);

/// Averages over queries.
struct Summary
{
    int queries = 0;
    double ndcg10 = 0;
    double recall100 = 0;
    double mrr10 = 0;
};

/// Adds one query's ranking to a running summary (call finish() once at the end).
void accumulate(Summary &s, const QStringList &ranking, const Judgements &qrels);
void finish(Summary &s);

} // namespace retrievalmetrics
} // namespace ke
