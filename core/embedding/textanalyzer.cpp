#include "textanalyzer.h"

#include <QHash>

#include <QSet>

#include <libstemmer.h>

namespace ke::textanalyzer {
namespace {

/// Snowball's implementation of the original Porter algorithm, one per thread (a stemmer
/// keeps state between calls).
class Stemmer
{
public:
    Stemmer()
        : m_stemmer(sb_stemmer_new("porter", "UTF_8"))
    { }
    ~Stemmer() { sb_stemmer_delete(m_stemmer); }
    Stemmer(const Stemmer &) = delete;
    Stemmer &operator=(const Stemmer &) = delete;

    QString stem(const QString &word) const
    {
        if (!m_stemmer)
            return word;
        const QByteArray utf8 = word.toUtf8();
        const sb_symbol *out = sb_stemmer_stem(
            m_stemmer, reinterpret_cast<const sb_symbol *>(utf8.constData()), int(utf8.size()));
        if (!out) // out of memory
            return word;
        return QString::fromUtf8(reinterpret_cast<const char *>(out), sb_stemmer_length(m_stemmer));
    }

private:
    sb_stemmer *m_stemmer;
};

const QueryWordSet &stopwords()
{
    // A short English list (SMART-style core); it only shapes the learned embedding, the
    // lexical search keeps every word.
    static const QueryWordSet words = [] {
        const char *list[] = {
            "a",       "about",  "above",  "after",   "again",     "against", "all",     "also",
            "am",      "an",     "and",    "any",     "are",       "as",      "at",      "be",
            "because", "been",   "before", "being",   "below",     "between", "both",    "but",
            "by",      "can",    "could",  "did",     "do",        "does",    "doing",   "done",
            "down",    "during", "each",   "etc",     "few",       "for",     "from",    "further",
            "had",     "has",    "have",   "having",  "he",        "her",     "here",    "hers",
            "him",     "his",    "how",    "however", "i",         "if",      "in",      "into",
            "is",      "it",     "its",    "itself",  "just",      "may",     "me",      "might",
            "more",    "most",   "must",   "my",      "no",        "nor",     "not",     "now",
            "of",      "off",    "on",     "once",    "only",      "or",      "other",   "our",
            "ours",    "out",    "over",   "own",     "same",      "shall",   "she",     "should",
            "so",      "some",   "such",   "than",    "that",      "the",     "their",   "theirs",
            "them",    "then",   "there",  "these",   "they",      "this",    "those",   "through",
            "thus",    "to",     "too",    "under",   "until",     "up",      "upon",    "us",
            "very",    "was",    "we",     "were",    "what",      "when",    "where",   "whether",
            "which",   "while",  "who",    "whom",    "why",       "will",    "with",    "within",
            "without", "would",  "you",    "your",    "yours",     "yet",     "been",    "one",
            "two",     "use",    "used",   "using",   "made",      "make",    "given",   "obtained",
            "found",   "shown",  "show",   "shows",   "presented", "paper",   "several", "various",
            "many",    "much"};
        QueryWordSet s; // a fixed list
        for (const char *w : list)
            s.insert(std::u16string(view(QString::fromLatin1(w))));
        return s;
    }();
    return words;
}

} // namespace

QStringList words(const QString &text, int maxWordLength)
{
    QStringList out;
    QString cur;
    auto flush = [&] {
        if (!cur.isEmpty()) {
            out.append(cur.left(maxWordLength));
            cur.clear();
        }
    };
    for (QChar c : text) {
        if (c.isLetterOrNumber())
            cur.append(c.toLower());
        else
            flush();
    }
    flush();
    return out;
}

QString stem(const QString &word)
{
    if (word.size() <= 2)
        return word;
    thread_local const Stemmer stemmer;
    return stemmer.stem(word);
}

size_t WordHash::operator()(std::u16string_view w) const
{
    return qHashBits(w.data(), w.size() * sizeof(char16_t), QHashSeed::globalSeed());
}

bool isStopword(const QString &lowerCaseWord)
{
    return stopwords().contains(view(lowerCaseWord));
}

QStringList terms(const QString &text)
{
    QStringList out;
    const QStringList ws = words(text);
    out.reserve(ws.size());
    for (const QString &w : ws) {
        if (w.size() < 2 || isStopword(w))
            continue;
        out.append(stem(w));
    }
    return out;
}

} // namespace ke::textanalyzer
