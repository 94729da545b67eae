// libFuzzer target for the query path: arbitrary bytes become a user query (as UTF-8, as
// Latin-1 and as raw UTF-16, so NULs, lone surrogates and emoji all get through) and go
// through fulltextquery (terms, FTS5 expression) and SearchIndex::search in every mode, with
// and without filters, over a small index with a learned model. Any crash, sanitizer report
// or SQLite syntax error leaking out fails the run.

#include "fulltextquery.h"
#include "searchindex.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace ke;

namespace {

SearchIndex *index()
{
    static QTemporaryDir *dir = new QTemporaryDir;
    static SearchIndex *ix = [] {
        auto opened = SearchIndex::open(dir->path() + QStringLiteral("/cache"));
        if (!opened) {
            std::fprintf(stderr, "cannot open the index: %s\n", qPrintable(opened.error().message));
            std::abort();
        }
        QList<SearchDocument> docs;
        const char *texts[] = {
            "late arriving orders inflate the daily revenue",
            "the currency conversion table lags by one day",
            "customer emails are sometimes NULL before 2024",
            "SELECT date, count(*) FROM orders WHERE status = 'paid' GROUP BY 1",
            "NEAR duplicates in the events table after the retry storm",
            "timezone shift moves orders to the next day",
            "revenue drop explained by a missing partition",
            "the \"quoted\" column name breaks the export (OR AND NOT)",
        };
        int n = 0;
        for (int round = 0; round < 4; ++round)
            for (const char *t : texts) {
                SearchDocument d;
                d.sourceType = round % 2 ? QStringLiteral("comment") : QStringLiteral("hypothesis");
                d.sourceId = QString::number(++n);
                d.datasetId = round % 2 ? QStringLiteral("ds-a") : QStringLiteral("ds-b");
                d.createdAt = QDateTime::fromMSecsSinceEpoch(1700000000000LL + n * 1000, Qt::UTC);
                d.content = QString::fromUtf8(t) + QStringLiteral(" v%1").arg(round);
                docs.append(d);
            }
        SearchIndex *p = opened->release();
        if (!p->upsert(docs) || !p->learnLocalEmbedder()) {
            std::fprintf(stderr, "cannot build the index\n");
            std::abort();
        }
        HybridParameters params = p->parameters();
        params.lexicalPostingBudget = 8; // exercise the pruned and capped paths too
        params.commonTermCandidateCap = 3;
        p->setParameters(params);
        return p;
    }();
    return ix;
}

void check(const QString &query, int variant)
{
    const QStringList terms = fulltextquery::terms(query);
    if (terms.size() > fulltextquery::kMaxTerms)
        std::abort();
    for (const QString &t : terms)
        if (t.isEmpty() || t.size() > fulltextquery::kMaxTermLength)
            std::abort();
    (void)fulltextquery::toFts5(query);
    SearchRequest req;
    req.text = query;
    req.mode = variant % 3 == 0 ? SearchMode::Hybrid
        : variant % 3 == 1      ? SearchMode::Lexical
                                : SearchMode::Vector;
    req.limit = 1 + variant % 20;
    if (variant & 4)
        req.datasetId = QStringLiteral("ds-a");
    if (variant & 8)
        req.sourceTypes = {QStringLiteral("comment"), query.left(5)};
    auto r = index()->search(req);
    if (!r) {
        const QString code = r.error().code;
        // A word-less query is refused; anything else (an SQL error) is a bug.
        if (code != ErrorCode::EmptyQuery && code != ErrorCode::NoModel) {
            std::fprintf(stderr, "search failed (%s): %s\n", qPrintable(code),
                         qPrintable(r.error().message));
            std::abort();
        }
        if (code == ErrorCode::EmptyQuery && !terms.isEmpty())
            std::abort(); // words, yet refused as empty
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int argc = 1;
    static char name[] = "fuzz_searchquery";
    static char *argv[] = {name, nullptr};
    static QCoreApplication *app = new QCoreApplication(argc, argv);
    (void)app;
    const auto *bytes = reinterpret_cast<const char *>(data);
    const int variant = size ? data[0] : 0;
    check(QString::fromUtf8(bytes, qsizetype(size)), variant);
    check(QString::fromLatin1(bytes, qsizetype(size)), variant + 1);
    check(QString(reinterpret_cast<const QChar *>(data), qsizetype(size / 2)), variant + 2);
    return 0;
}
