#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

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

/// A word's UTF-16 text as a standard view (constData(): never detaches or allocates, also for
/// a null or literal string).
inline std::u16string_view view(const QString &word)
{
    return {reinterpret_cast<const char16_t *>(word.constData()), size_t(word.size())};
}

// Sets and maps keyed by words, for the per-word loops of indexing and querying: a
// QHash<QString> costs ~0.4 µs a lookup-or-insert here against 0.02–0.13 µs for these, which a
// pasted paragraph's hundreds of words and an embedding run's millions feel
// (docs/benchmarks.md, "Long queries, part 6"). Keys are owned std::u16string, looked up by
// view() without a copy. Two hashes:

/// For words that come from documents (anybody of the tenant can write them): Qt's seeded hash
/// of the process (QHashSeed::globalSeed()), so that nobody can craft words that all fall into
/// one bucket and make an index build quadratic.
struct WordHash
{
    using is_transparent = void;
    size_t operator()(std::u16string_view w) const;
};
/// For the words of one query (at most fulltextquery::kMaxTerms, typed by the person who
/// searches): libstdc++'s unseeded hash, ~6 × faster — a few hundred keys cannot be flooded.
struct QueryWordHash
{
    using is_transparent = void;
    size_t operator()(std::u16string_view w) const { return std::hash<std::u16string_view>{}(w); }
};
using WordSet = std::unordered_set<std::u16string, WordHash, std::equal_to<>>;
template <typename V>
using WordMap = std::unordered_map<std::u16string, V, WordHash, std::equal_to<>>;
using QueryWordSet = std::unordered_set<std::u16string, QueryWordHash, std::equal_to<>>;
template <typename V>
using QueryWordMap = std::unordered_map<std::u16string, V, QueryWordHash, std::equal_to<>>;

} // namespace textanalyzer
} // namespace ke
