#pragma once

#include <QString>
#include <QStringList>

namespace ke {

/// Turns ANY user string into a safe full-text query. Only runs of letters and digits
/// survive; quotes, operators (AND/OR/NOT/NEAR, *, ^, :, +, -, parentheses), NUL bytes,
/// emoji and other symbols act as separators. Each surviving word becomes a quoted FTS5
/// string, so a word such as NEAR or OR is searched as a word, never parsed as an operator;
/// the words are OR-ed (natural-language queries rarely have every word in a relevant
/// document; bm25 rewards the ones that match more of them).
/// Pure functions; safe from any thread.
namespace fulltextquery {

constexpr int kMaxTerms = 64; ///< a 10 KB paste is cut to its first 64 words
constexpr int kMaxTermLength = 64; ///< longer words are cut (no real word is longer)

/// Lower-cased words of `userQuery`, duplicates removed, in order, at most kMaxTerms.
QStringList terms(const QString &userQuery);
/// An FTS5 MATCH expression: "w1" OR "w2" OR ...; empty when the query has no words.
QString toFts5(const QString &userQuery);
/// Same, from already extracted words.
QString toFts5(const QStringList &terms);

} // namespace fulltextquery
} // namespace ke
