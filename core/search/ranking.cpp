#include "ranking.h"

#include <algorithm>
#include <climits>
#include <cmath>

namespace ke::ranking {

double rrfTerm(int rank, double weight, double k)
{
    return rank > 0 ? weight / (k + rank) : 0.0;
}

double fusedScore(int lexicalRank, int vectorRank, const RankingParameters &p)
{
    return rrfTerm(lexicalRank, p.lexicalWeight, p.rrfK)
        + rrfTerm(vectorRank, p.vectorWeight, p.rrfK);
}

double recencyMultiplier(const QDateTime &createdAt, const QDateTime &now,
                         const RankingParameters &p)
{
    if (!createdAt.isValid() || !now.isValid() || p.recencyHalfLifeDays <= 0)
        return 1.0;
    // A document "from the future" (clock skew) counts as brand new.
    const double ageDays = std::max<qint64>(0, createdAt.msecsTo(now)) / 86400000.0;
    return 1.0 + p.recencyBoost * std::exp2(-ageDays / p.recencyHalfLifeDays);
}

double feedbackMultiplier(double feedbackScore, const RankingParameters &p)
{
    if (!std::isfinite(feedbackScore) || p.feedbackScale <= 0)
        return 1.0;
    return 1.0 + p.feedbackBoost * std::tanh(feedbackScore / p.feedbackScale);
}

double finalScore(int lexicalRank, int vectorRank, const QDateTime &createdAt, double feedbackScore,
                  const QDateTime &now, const RankingParameters &p)
{
    return fusedScore(lexicalRank, vectorRank, p) * recencyMultiplier(createdAt, now, p)
        * feedbackMultiplier(feedbackScore, p);
}

void rank(QList<Candidate> &candidates, const QDateTime &now, const RankingParameters &p)
{
    for (Candidate &c : candidates)
        c.score = finalScore(c.lexicalRank, c.vectorRank, c.createdAt, c.feedbackScore, now, p);
    auto best = [](const Candidate &c) {
        const int a = c.lexicalRank > 0 ? c.lexicalRank : INT_MAX;
        const int b = c.vectorRank > 0 ? c.vectorRank : INT_MAX;
        return std::min(a, b);
    };
    std::stable_sort(candidates.begin(), candidates.end(),
                     [&](const Candidate &a, const Candidate &b) {
                         if (a.score != b.score)
                             return a.score > b.score;
                         if (best(a) != best(b))
                             return best(a) < best(b);
                         return a.id < b.id;
                     });
}

} // namespace ke::ranking
