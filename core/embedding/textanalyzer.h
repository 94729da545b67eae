#pragma once

#include <QString>
#include <QStringList>

namespace ke {

/// Turns text into index terms for the corpus-learned embedders: lower-case, split on
/// anything that is not a letter or digit, drop English stop words, Porter-stem (the same
/// algorithm as SQLite FTS5's `porter` tokenizer, so lexical and vector terms agree).
/// Pure functions; safe from any thread.
namespace textanalyzer {

/// Words of `text` in order: runs of letters/digits, lower-cased. No stemming, no stop-word
/// removal. Words longer than `maxWordLength` characters are cut.
QStringList words(const QString &text, int maxWordLength = 64);
/// The index terms of `text`: words(), without stop words and one-character words, stemmed.
QStringList terms(const QString &text);
/// Porter (1980) stem of an ASCII lower-case word; other words are returned unchanged.
QString stem(const QString &word);
bool isStopword(const QString &lowerCaseWord);

} // namespace textanalyzer
} // namespace ke
