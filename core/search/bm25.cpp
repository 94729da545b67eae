// ke_bm25: the offline index's BM25 ranking function for FTS5 (bm25.h).

#include "bm25.h"
#include "searchindex.h"
#include "searchindex_p.h"

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

namespace searchindexdetail {

/// ke_bm25(documents_fts, dfs[, weights[, floor]]): FTS5's bm25 (bm25.h: the same k1, b, idf
/// and length normalisation; higher is better) with each phrase's document frequency given
/// by the caller (`dfs`: one int64 per phrase of the MATCH expression, -1 = ignore the
/// phrase) and optionally a weight per phrase (`weights`: one int64 each, the word's count in
/// the query — what FTS5's bm25 gives a phrase repeated that many times, without reading its
/// postings that many times) and a ScoreFloor (searchindex_p.h): a row whose score cannot
/// reach it is answered NULL without reading its length — a statement on FTS5's docsize
/// table, a quarter of a pasted paragraph's CPU time at 21k documents. The bound takes the
/// row as short as its phrases allow (at least as many tokens as its most frequent phrase has
/// instances), which only raises each term, so a NULL row's score is below the floor, exactly.
/// FTS5's own bm25 counts every phrase's matching rows on its first call — a pass over the
/// whole posting lists, ~45 ms at 1M documents for common words even when only ten rows are
/// ranked. Known frequencies make the cost per ranked row only.
void keBm25(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *out, int argc,
            sqlite3_value **argv)
{
    using bm25::b;
    using bm25::k1;
    struct Query
    {
        std::vector<double> idf; // per phrase, times its weight; 0 = ignored
        double averageLength = 1;
    };
    auto *q = static_cast<Query *>(api->xGetAuxdata(fts, 0));
    if (!q) {
        const int phrases = api->xPhraseCount(fts);
        const int bytes = phrases * int(sizeof(qint64));
        if (argc < 1 || argc > 3 || sqlite3_value_bytes(argv[0]) != bytes
            || (argc >= 2 && sqlite3_value_bytes(argv[1]) != bytes)) {
            sqlite3_result_error(
                out, "ke_bm25: one int64 document frequency (and weight) per phrase", -1);
            return;
        }
        std::vector<qint64> dfs(static_cast<size_t>(phrases));
        std::vector<qint64> weights(static_cast<size_t>(phrases), 1);
        if (phrases > 0) {
            std::memcpy(dfs.data(), sqlite3_value_blob(argv[0]), dfs.size() * sizeof(qint64));
            if (argc >= 2)
                std::memcpy(weights.data(), sqlite3_value_blob(argv[1]),
                            weights.size() * sizeof(qint64));
        }
        sqlite3_int64 rows = 0, tokens = 0;
        if (api->xRowCount(fts, &rows) != SQLITE_OK
            || api->xColumnTotalSize(fts, -1, &tokens) != SQLITE_OK) {
            sqlite3_result_error(out, "ke_bm25: no corpus statistics", -1);
            return;
        }
        auto fresh = std::make_unique<Query>();
        fresh->averageLength = rows > 0 ? std::max(1.0, double(tokens) / double(rows)) : 1.0;
        fresh->idf.resize(dfs.size());
        for (size_t i = 0; i < dfs.size(); ++i) {
            if (dfs[i] < 0)
                continue;
            const double idf
                = std::log((double(rows) - double(dfs[i]) + 0.5) / (double(dfs[i]) + 0.5));
            fresh->idf[i]
                = (idf <= 0.0 ? bm25::minIdf : idf) * double(std::max<qint64>(weights[i], 0));
        }
        q = fresh.get();
        if (api->xSetAuxdata(fts, fresh.release(), [](void *p) { delete static_cast<Query *>(p); })
            != SQLITE_OK) {
            sqlite3_result_error_nomem(out);
            return;
        }
    }
    // Each scored phrase's occurrences in this row, phrase by phrase: cheaper than the row's
    // instance list (xInst), which FTS5 builds sorted over every phrase, ignored ones too.
    thread_local std::vector<int> frequency;
    frequency.assign(q->idf.size(), 0);
    int most = 0;
    for (size_t i = 0; i < frequency.size(); ++i) {
        if (q->idf[i] <= 0)
            continue;
        Fts5PhraseIter it;
        int column = 0, offset = 0;
        if (api->xPhraseFirst(fts, int(i), &it, &column, &offset) != SQLITE_OK)
            continue;
        for (; column >= 0; api->xPhraseNext(fts, &it, &column, &offset))
            ++frequency[i];
        most = std::max(most, frequency[i]);
    }
    // One expression for the bound and the score, so that rounding keeps bound >= score.
    auto scoreAt = [&](int length) {
        const double norm = k1 * (1.0 - b + b * double(length) / q->averageLength);
        double score = 0;
        for (size_t i = 0; i < frequency.size(); ++i) {
            if (frequency[i] > 0 && q->idf[i] > 0)
                score += q->idf[i] * (double(frequency[i]) * (k1 + 1.0))
                    / (double(frequency[i]) + norm);
        }
        return score;
    };
    const auto *floor = argc == 3
        ? static_cast<const ScoreFloor *>(sqlite3_value_pointer(argv[2], kScoreFloorType))
        : nullptr;
    if (floor && floor->value > 0 && scoreAt(most) < floor->value) {
        sqlite3_result_null(out);
        return;
    }
    int length = 0;
    if (api->xColumnSize(fts, -1, &length) != SQLITE_OK) {
        sqlite3_result_error(out, "ke_bm25: cannot read the row", -1);
        return;
    }
    sqlite3_result_double(out, scoreAt(length));
}

namespace {

/// A connection's FTS5 API (SELECT fts5(?1) hands it out), or null.
fts5_api *fts5Api(sqlite3 *h)
{
    fts5_api *api = nullptr;
    sqlite3_stmt *s = nullptr;
    if (sqlite3_prepare_v2(h, "SELECT fts5(?1)", -1, &s, nullptr) == SQLITE_OK) {
        sqlite3_bind_pointer(s, 1, static_cast<void *>(&api), "fts5_api_ptr", nullptr);
        sqlite3_step(s);
    }
    sqlite3_finalize(s);
    return api && api->iVersion >= 2 ? api : nullptr;
}

} // namespace

void registerRankingFunction(sqlite3 *h)
{
    if (fts5_api *api = fts5Api(h))
        api->xCreateFunction(api, "ke_bm25", nullptr, &keBm25, nullptr);
}

QStringList indexTokens(sqlite3 *h, const QString &text)
{
    QStringList out;
    fts5_api *api = fts5Api(h);
    void *context = nullptr;
    fts5_tokenizer tokenizer{};
    if (!api || api->xFindTokenizer(api, "porter", &context, &tokenizer) != SQLITE_OK)
        return out;
    const char *args[] = {"unicode61"}; // documents_fts: tokenize='porter unicode61'
    Fts5Tokenizer *instance = nullptr;
    if (tokenizer.xCreate(context, args, 1, &instance) != SQLITE_OK)
        return out;
    const QByteArray utf8 = text.toUtf8();
    tokenizer.xTokenize(instance, &out, FTS5_TOKENIZE_QUERY, utf8.constData(), int(utf8.size()),
                        [](void *into, int, const char *token, int bytes, int, int) {
                            static_cast<QStringList *>(into)->append(
                                QString::fromUtf8(token, bytes));
                            return SQLITE_OK;
                        });
    tokenizer.xDelete(instance);
    return out;
}

/// The most a phrase with this inverse document frequency can add to a row's bm25.
double maxContribution(qint64 df, qint64 rows)
{
    const double idf = std::log((double(rows) - double(df) + 0.5) / (double(df) + 0.5));
    return (idf <= 0.0 ? bm25::minIdf : idf) * (bm25::k1 + 1.0);
}

} // namespace searchindexdetail

} // namespace ke
