#pragma once

#include <QDateTime>
#include <QList>

namespace ke {

/// How search results are ranked, online and offline alike: reciprocal rank fusion (RRF,
/// Cormack et al. 2009) of the lexical and the vector ranking, then two small multipliers:
///
///   score = (wL / (k + rankL) + wV / (k + rankV)) * recency * feedback
///   recency  = 1 + recencyBoost  * 2^(-age / recencyHalfLife)        in [1, 1 + recencyBoost]
///   feedback = 1 + feedbackBoost * tanh(feedbackScore / feedbackScale) in [1 - fb, 1 + fb]
///
/// A rank of 0 means "not retrieved by that signal" and contributes nothing. The boosts are
/// deliberately small (10 % each by default): adjacent RRF scores near the top differ by
/// ~1.5 %, so a boost reorders near-ties (an equally relevant, recent, well-rated result
/// moves up) but cannot lift an irrelevant document over a clearly better one.
/// Pure functions on values; safe from any thread.
struct RankingParameters
{
    double rrfK = 60.0; ///< the RRF constant (60 in the original paper)
    double lexicalWeight = 1.0;
    /// The vector signal counts double: tuned on Cranfield dev (hybrid nDCG@10 .363 at 1.0,
    /// .384 at 1.5, .387 at 2.0, .374 at 3.0 with the 128-dimension LSA model).
    double vectorWeight = 2.0;
    double recencyBoost = 0.10; ///< at most +10 % for a brand-new document
    double recencyHalfLifeDays = 90.0;
    double feedbackBoost = 0.10; ///< at most +/-10 % for strongly rated documents
    double feedbackScale = 2.0; ///< feedback score giving tanh(1) = 76 % of the boost
};

namespace ranking {

/// 1-based rank -> weight / (k + rank); 0 for rank <= 0.
double rrfTerm(int rank, double weight, double k);
/// The fused (unboosted) score of a document with these per-signal ranks.
double fusedScore(int lexicalRank, int vectorRank, const RankingParameters &p);
double recencyMultiplier(const QDateTime &createdAt, const QDateTime &now,
                         const RankingParameters &p);
double feedbackMultiplier(double feedbackScore, const RankingParameters &p);
/// fusedScore * recencyMultiplier * feedbackMultiplier. An invalid createdAt gets no boost.
double finalScore(int lexicalRank, int vectorRank, const QDateTime &createdAt, double feedbackScore,
                  const QDateTime &now, const RankingParameters &p);

/// A candidate to rank: its id, per-signal 1-based ranks (0 = absent) and boost inputs.
struct Candidate
{
    qint64 id = 0;
    int lexicalRank = 0;
    int vectorRank = 0;
    QDateTime createdAt;
    double feedbackScore = 0;
    double score = 0; ///< filled by rank()
};

/// Scores every candidate and sorts best first (ties: better best-signal rank, then id).
void rank(QList<Candidate> &candidates, const QDateTime &now, const RankingParameters &p);

} // namespace ranking
} // namespace ke
