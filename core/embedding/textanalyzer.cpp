#include "textanalyzer.h"

#include <QSet>

#include <string>

namespace ke::textanalyzer {
namespace {

// A Porter stemmer over std::string (ASCII only), following the published algorithm.
class PorterStemmer
{
public:
    explicit PorterStemmer(std::string w)
        : b(std::move(w))
    { }

    std::string run()
    {
        if (b.size() <= 2)
            return b;
        k = int(b.size()) - 1;
        step1ab();
        if (k > 0) {
            step1c();
            step2();
            step3();
            step4();
            step5();
        }
        return b.substr(0, size_t(k) + 1);
    }

private:
    std::string b;
    int k = 0; // end of the current word
    int j = 0; // end of the stem, set by ends()

    bool cons(int i) const
    {
        switch (b[size_t(i)]) {
        case 'a':
        case 'e':
        case 'i':
        case 'o':
        case 'u':
            return false;
        case 'y':
            return i == 0 ? true : !cons(i - 1);
        default:
            return true;
        }
    }
    // Number of VC sequences in b[0..j].
    int m() const
    {
        int n = 0, i = 0;
        while (true) {
            if (i > j)
                return n;
            if (!cons(i))
                break;
            ++i;
        }
        ++i;
        while (true) {
            while (true) {
                if (i > j)
                    return n;
                if (cons(i))
                    break;
                ++i;
            }
            ++i;
            ++n;
            while (true) {
                if (i > j)
                    return n;
                if (!cons(i))
                    break;
                ++i;
            }
            ++i;
        }
    }
    bool vowelInStem() const
    {
        for (int i = 0; i <= j; ++i)
            if (!cons(i))
                return true;
        return false;
    }
    bool doublec(int i) const { return i >= 1 && b[size_t(i)] == b[size_t(i) - 1] && cons(i); }
    bool cvc(int i) const
    {
        if (i < 2 || !cons(i) || cons(i - 1) || !cons(i - 2))
            return false;
        const char ch = b[size_t(i)];
        return ch != 'w' && ch != 'x' && ch != 'y';
    }
    bool ends(const char *s)
    {
        const int len = int(std::char_traits<char>::length(s));
        if (len > k + 1)
            return false;
        if (b.compare(size_t(k - len + 1), size_t(len), s) != 0)
            return false;
        j = k - len;
        return true;
    }
    void setto(const char *s)
    {
        const int len = int(std::char_traits<char>::length(s));
        b.replace(size_t(j + 1), size_t(k - j), s);
        k = j + len;
    }
    void r(const char *s)
    {
        if (m() > 0)
            setto(s);
    }

    void step1ab()
    {
        if (b[size_t(k)] == 's') {
            if (ends("sses"))
                k -= 2;
            else if (ends("ies"))
                setto("i");
            else if (b[size_t(k) - 1] != 's')
                --k;
        }
        if (ends("eed")) {
            if (m() > 0)
                --k;
        } else if ((ends("ed") || ends("ing")) && vowelInStem()) {
            k = j;
            if (ends("at"))
                setto("ate");
            else if (ends("bl"))
                setto("ble");
            else if (ends("iz"))
                setto("ize");
            else if (doublec(k)) {
                --k;
                const char ch = b[size_t(k)];
                if (ch == 'l' || ch == 's' || ch == 'z')
                    ++k;
            } else if (m() == 1 && cvc(k))
                setto("e");
        }
    }
    void step1c()
    {
        if (ends("y") && vowelInStem())
            b[size_t(k)] = 'i';
    }
    void step2()
    {
        if (k < 1)
            return;
        switch (b[size_t(k) - 1]) {
        case 'a':
            if (ends("ational")) {
                r("ate");
                break;
            }
            if (ends("tional")) {
                r("tion");
                break;
            }
            break;
        case 'c':
            if (ends("enci")) {
                r("ence");
                break;
            }
            if (ends("anci")) {
                r("ance");
                break;
            }
            break;
        case 'e':
            if (ends("izer")) {
                r("ize");
                break;
            }
            break;
        case 'l':
            if (ends("bli")) {
                r("ble");
                break;
            }
            if (ends("alli")) {
                r("al");
                break;
            }
            if (ends("entli")) {
                r("ent");
                break;
            }
            if (ends("eli")) {
                r("e");
                break;
            }
            if (ends("ousli")) {
                r("ous");
                break;
            }
            break;
        case 'o':
            if (ends("ization")) {
                r("ize");
                break;
            }
            if (ends("ation")) {
                r("ate");
                break;
            }
            if (ends("ator")) {
                r("ate");
                break;
            }
            break;
        case 's':
            if (ends("alism")) {
                r("al");
                break;
            }
            if (ends("iveness")) {
                r("ive");
                break;
            }
            if (ends("fulness")) {
                r("ful");
                break;
            }
            if (ends("ousness")) {
                r("ous");
                break;
            }
            break;
        case 't':
            if (ends("aliti")) {
                r("al");
                break;
            }
            if (ends("iviti")) {
                r("ive");
                break;
            }
            if (ends("biliti")) {
                r("ble");
                break;
            }
            break;
        case 'g':
            if (ends("logi")) {
                r("log");
                break;
            }
            break;
        default:
            break;
        }
    }
    void step3()
    {
        switch (b[size_t(k)]) {
        case 'e':
            if (ends("icate")) {
                r("ic");
                break;
            }
            if (ends("ative")) {
                r("");
                break;
            }
            if (ends("alize")) {
                r("al");
                break;
            }
            break;
        case 'i':
            if (ends("iciti")) {
                r("ic");
                break;
            }
            break;
        case 'l':
            if (ends("ical")) {
                r("ic");
                break;
            }
            if (ends("ful")) {
                r("");
                break;
            }
            break;
        case 's':
            if (ends("ness")) {
                r("");
                break;
            }
            break;
        default:
            break;
        }
    }
    void step4()
    {
        if (k < 1)
            return;
        switch (b[size_t(k) - 1]) {
        case 'a':
            if (ends("al"))
                break;
            return;
        case 'c':
            if (ends("ance") || ends("ence"))
                break;
            return;
        case 'e':
            if (ends("er"))
                break;
            return;
        case 'i':
            if (ends("ic"))
                break;
            return;
        case 'l':
            if (ends("able") || ends("ible"))
                break;
            return;
        case 'n':
            if (ends("ant") || ends("ement") || ends("ment") || ends("ent"))
                break;
            return;
        case 'o':
            if (ends("ion") && j >= 0 && (b[size_t(j)] == 's' || b[size_t(j)] == 't'))
                break;
            if (ends("ou"))
                break;
            return;
        case 's':
            if (ends("ism"))
                break;
            return;
        case 't':
            if (ends("ate") || ends("iti"))
                break;
            return;
        case 'u':
            if (ends("ous"))
                break;
            return;
        case 'v':
            if (ends("ive"))
                break;
            return;
        case 'z':
            if (ends("ize"))
                break;
            return;
        default:
            return;
        }
        if (m() > 1)
            k = j;
    }
    void step5()
    {
        j = k;
        if (b[size_t(k)] == 'e') {
            const int a = m();
            if (a > 1 || (a == 1 && !cvc(k - 1)))
                --k;
        }
        if (b[size_t(k)] == 'l' && doublec(k) && m() > 1)
            --k;
    }
};

const QSet<QString> &stopwords()
{
    // A short English list (SMART-style core); it only shapes the learned embedding, the
    // lexical search keeps every word.
    static const QSet<QString> words = [] {
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
        QSet<QString> s;
        for (const char *w : list)
            s.insert(QString::fromLatin1(w));
        return s;
    }();
    return words;
}

bool isAsciiLower(const QString &w)
{
    for (QChar c : w)
        if (c.unicode() < 'a' || c.unicode() > 'z')
            return false;
    return true;
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
    if (word.size() <= 2 || !isAsciiLower(word))
        return word;
    return QString::fromStdString(PorterStemmer(word.toStdString()).run());
}

bool isStopword(const QString &lowerCaseWord)
{
    return stopwords().contains(lowerCaseWord);
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
