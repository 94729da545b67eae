// The snippet of a search result (snippet.h).

#include "snippet.h"

#include "fulltextquery.h"
#include "textanalyzer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFuture>
#include <QSaveFile>
#include <QSet>
#include <QTemporaryFile>
#include <QThread>
#include <QTimeZone>
#include <QtConcurrent/QtConcurrentMap>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <exception>
#include <mutex>
#include <numeric>
#include <thread>

namespace ke {

textanalyzer::QueryWordSet snippetStems(const QStringList &queryWords)
{
    // Stop words ("the", "on") are searched for but not marked: marking them is noise.
    textanalyzer::QueryWordSet stems;
    for (const QString &w : queryWords) {
        const QString lower = w.toLower();
        if (!textanalyzer::isStopword(lower))
            stems.insert(std::u16string(textanalyzer::view(textanalyzer::stem(lower))));
    }
    return stems;
}

QString markedExcerpt(const QString &content, const QStringList &queryWords, int windowWords)
{
    return markedExcerpt(content, snippetStems(queryWords), windowWords);
}

QString markedExcerpt(const QString &content, const textanalyzer::QueryWordSet &stems,
                      int windowWords)
{
    struct Word
    {
        qsizetype begin, end;
        int stem; // index into `found`, -1 when not a query word
    };
    std::vector<Word> words;
    QStringList found;
    constexpr qsizetype kMaxScan = 5000; // characters: long SQL texts are not scanned whole
    const qsizetype scan = std::min(content.size(), kMaxScan);
    for (qsizetype i = 0; i < scan;) {
        if (!content.at(i).isLetterOrNumber()) {
            ++i;
            continue;
        }
        qsizetype j = i;
        while (j < scan && content.at(j).isLetterOrNumber())
            ++j;
        const QString st = textanalyzer::stem(content.mid(i, j - i).toLower());
        int idx = -1;
        if (stems.contains(textanalyzer::view(st))) {
            idx = int(found.indexOf(st));
            if (idx < 0) {
                found.append(st);
                idx = int(found.size()) - 1;
            }
        }
        words.push_back({i, j, idx});
        i = j;
    }
    if (words.empty())
        return content.left(200).simplified();
    // Best window: most distinct query words, then most matches, then the earliest.
    size_t bestStart = 0;
    int bestDistinct = -1, bestTotal = -1;
    std::vector<int> count(size_t(found.size()), 0);
    int distinct = 0, total = 0;
    const size_t w = size_t(std::max(1, windowWords));
    for (size_t i = 0; i < words.size(); ++i) {
        if (words[i].stem >= 0) {
            distinct += count[size_t(words[i].stem)]++ == 0 ? 1 : 0;
            ++total;
        }
        if (i >= w && words[i - w].stem >= 0) {
            distinct -= --count[size_t(words[i - w].stem)] == 0 ? 1 : 0;
            --total;
        }
        const size_t start = i + 1 >= w ? i + 1 - w : 0;
        if (distinct > bestDistinct || (distinct == bestDistinct && total > bestTotal)) {
            bestDistinct = distinct;
            bestTotal = total;
            bestStart = start;
        }
    }
    const size_t last = std::min(words.size(), bestStart + w) - 1;
    QString out;
    if (bestStart > 0)
        out += QStringLiteral("…");
    qsizetype at = words[bestStart].begin;
    for (size_t i = bestStart; i <= last; ++i) {
        out += content.mid(at, words[i].begin - at);
        const QString word = content.mid(words[i].begin, words[i].end - words[i].begin);
        out += words[i].stem >= 0 ? QStringLiteral("«") + word + QStringLiteral("»") : word;
        at = words[i].end;
    }
    if (last + 1 < words.size() || words[last].end < content.size())
        out += QStringLiteral("…");
    return out.simplified();
}

} // namespace ke
