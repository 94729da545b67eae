#pragma once

#include <QString>
#include <QStringList>

namespace ke {

/// Turns ANY user string into a safe full-text query. Only runs of letters and digits
/// survive; quotes, operators (AND/OR/NOT/NEAR, *, ^, :, +, -, parentheses), NUL bytes,
/// emoji and other symbols act as separators. Each surviving word becomes a quoted FTS5
/// string, so a word such as NEAR or OR is searched as a word, never parsed as an operator;
/// the words are OR-ed (natural-language queries rarely have every word in a relevant
/// document; bm25 rewards the ones that match more of them). A word's count in the query
/// weighs its bm25 term (as FTS5's bm25 does when a phrase is repeated): in a long,
/// pasted query the words it keeps coming back to are the ones it is about.
/// Pure functions; safe from any thread.
namespace fulltextquery {

/// A 10 KB paste is cut to its first 256 distinct words. (64 cut long natural-language
/// queries short: docs/benchmarks.md, "Long queries and document lengths".)
constexpr int kMaxTerms = 256;
constexpr int kMaxTermLength = 64; ///< longer words are cut (no real word is longer)

/// Lower-cased words of `userQuery`, duplicates removed, in order, at most kMaxTerms. With
/// `counts`, also how often each of them occurs in the query (parallel to the words).
QStringList terms(const QString &userQuery, QList<int> *counts = nullptr);
/// An FTS5 MATCH expression: "w1" OR "w2" OR ...; empty when the query has no words.
QString toFts5(const QString &userQuery);
/// Same, from already extracted words.
QString toFts5(const QStringList &terms);

} // namespace fulltextquery
} // namespace ke
