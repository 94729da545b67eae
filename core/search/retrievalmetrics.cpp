#include "retrievalmetrics.h"

#include <algorithm>
#include <cmath>

namespace ke::retrievalmetrics {

double ndcgAt(const QStringList &ranking, const Judgements &qrels, int k)
{
    double dcg = 0;
    for (int i = 0; i < std::min<int>(k, int(ranking.size())); ++i) {
        const int g = qrels.value(ranking.at(i), 0);
        if (g > 0)
            dcg += g / std::log2(i + 2.0);
    }
    QList<int> grades;
    for (int g : qrels)
        if (g > 0)
            grades.append(g);
    std::sort(grades.begin(), grades.end(), std::greater<int>());
    double ideal = 0;
    for (int i = 0; i < std::min<int>(k, int(grades.size())); ++i)
        ideal += grades.at(i) / std::log2(i + 2.0);
    return ideal > 0 ? dcg / ideal : 0.0;
}

double recallAt(const QStringList &ranking, const Judgements &qrels, int k)
{
    int relevant = 0;
    for (int g : qrels)
        relevant += g > 0 ? 1 : 0;
    if (relevant == 0)
        return 0.0;
    int found = 0;
    for (int i = 0; i < std::min<int>(k, int(ranking.size())); ++i)
        found += qrels.value(ranking.at(i), 0) > 0 ? 1 : 0;
    return double(found) / relevant;
}

double reciprocalRankAt(const QStringList &ranking, const Judgements &qrels, int k)
{
    for (int i = 0; i < std::min<int>(k, int(ranking.size())); ++i)
        if (qrels.value(ranking.at(i), 0) > 0)
            return 1.0 / (i + 1);
    return 0.0;
}

void accumulate(Summary &s, const QStringList &ranking, const Judgements &qrels)
{
    ++s.queries;
    s.ndcg10 += ndcgAt(ranking, qrels, 10);
    s.recall100 += recallAt(ranking, qrels, 100);
    s.mrr10 += reciprocalRankAt(ranking, qrels, 10);
}

void finish(Summary &s)
{
    if (s.queries == 0)
        return;
    s.ndcg10 /= s.queries;
    s.recall100 /= s.queries;
    s.mrr10 /= s.queries;
}

} // namespace ke::retrievalmetrics
