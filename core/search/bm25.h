#pragma once

// BM25, the lexical score of both search engines — the one place of its constants and formula.
//
//   score(d, q) = Σ_t idf(t) · tf(t, d) · (k1 + 1) / (tf(t, d) + k1 · (1 − b + b · |d| / avgdl))
//   idf(t)      = max(ln((N − df(t) + 0.5) / (df(t) + 0.5)), 1e-6)
//
// Offline: the FTS5 ranking function ke_bm25 (bm25.cpp) with known document frequencies.
// Online: idf() and termScore() over the tenant's lexical index held in memory
// (onlinesearch.cpp), over tsvector lengths; termScoreSql() is the same formula in SQL, for the
// engine's SQL path (OnlineSearch::Options::lexicalIndex = Sql).

#include <QString>

#include <algorithm>
#include <cmath>

namespace ke::bm25 {

constexpr double k1 = 1.2;
constexpr double b = 0.75;
/// The floor of idf: a word in more than half the documents still counts a little.
constexpr double minIdf = 1e-6;

/// idf of a term in `df` of `documents` documents.
inline double idf(double documents, double df)
{
    return std::max(std::log((documents - df + 0.5) / (df + 0.5)), minIdf);
}

/// One term's contribution to a document's score.
inline double termScore(double idf, double tf, double length, double averageLength)
{
    return idf * (tf * (k1 + 1.0)) / (tf + k1 * (1.0 - b + b * length / averageLength));
}

/// The SQL expression of one term's contribution, given SQL expressions for its idf, its
/// frequency in the document, the document's length and the average length.
inline QString termScoreSql(const QString &idf, const QString &tf, const QString &length,
                            const QString &averageLength)
{
    return QStringLiteral("(%1 * (%2 * %5) / (%2 + %6 * (%7 + %8 * %3 / %4)))")
        .arg(idf, tf, length, averageLength, QString::number(k1 + 1.0), QString::number(k1),
             QString::number(1.0 - b), QString::number(b));
}

/// The SQL expression of idf, given the number of documents and the term's frequency.
inline QString idfSql(const QString &documents, const QString &df)
{
    return QStringLiteral("greatest(ln((%1 - %2 + 0.5) / (%2 + 0.5)), %3)")
        .arg(documents, df, QString::number(minIdf));
}

} // namespace ke::bm25
