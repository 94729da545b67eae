#pragma once

#include <QString>
#include <QStringList>

namespace ke {

/// Turns text into index terms for the corpus-learned embedders: lower-case, split on
/// anything that is not a letter or digit, drop English stop words, stem with the original
/// Porter algorithm as Snowball's libstemmer implements it ("porter") — the algorithm of
/// SQLite FTS5's `porter` tokenizer, so the offline lexical index, the snippets' marks and
/// the embedding's vocabulary agree. Snowball's "english" (Porter2, PostgreSQL's `english`)
/// was measured too and ranked no better (docs/benchmarks.md, "Stemmer and SVD libraries").
/// Pure functions; safe from any thread.
namespace textanalyzer {

/// Words of `text` in order: runs of letters/digits, lower-cased. No stemming, no stop-word
/// removal. Words longer than `maxWordLength` characters are cut.
QStringList words(const QString &text, int maxWordLength = 64);
/// The index terms of `text`: words(), without stop words and one-character words, stemmed.
QStringList terms(const QString &text);
/// Porter stem (Snowball's "porter") of a lower-case word; words of one or two characters
/// are returned unchanged.
QString stem(const QString &word);
bool isStopword(const QString &lowerCaseWord);

} // namespace textanalyzer
} // namespace ke
