#pragma once

#include <QString>
#include <QStringList>

namespace ke {

/// Turns text into index terms for the corpus-learned embedders: lower-case, split on
/// anything that is not a letter or digit, drop English stop words, stem with Snowball's
/// English stemmer (libstemmer: the one PostgreSQL's `english` configuration uses, so the
/// online and offline vocabularies stem alike; SQLite FTS5's lexical index keeps its own
/// `porter` tokenizer, and the offline search asks that tokenizer for its forms).
/// Pure functions; safe from any thread.
namespace textanalyzer {

/// Words of `text` in order: runs of letters/digits, lower-cased. No stemming, no stop-word
/// removal. Words longer than `maxWordLength` characters are cut.
QStringList words(const QString &text, int maxWordLength = 64);
/// The index terms of `text`: words(), without stop words and one-character words, stemmed.
QStringList terms(const QString &text);
/// Snowball English ("Porter2") stem of a lower-case word; words of one or two characters
/// are returned unchanged.
QString stem(const QString &word);
bool isStopword(const QString &lowerCaseWord);

} // namespace textanalyzer
} // namespace ke
