// knowledgectl eval-search DIR: search quality on a BEIR-layout collection, all three modes in
// one run, in a throwaway cache (needs no database); with --online also through the online
// search, in a throwaway schema of the database.

#include "commands.h"
#include "database.h"
#include "migrator.h"
#include "onlinesearch.h"
#include "retrievalmetrics.h"
#include "searchdocuments.h"
#include "searchindex.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTemporaryDir>

#include <functional>
#include <map>

namespace ke::ctl {
namespace {

struct Collection
{
    QList<SearchDocument> documents;
    QHash<QString, QString> queries; // id -> text
};

Result<Collection> readCollection(const QString &dir)
{
    Collection c;
    auto readJsonl = [&](const QString &path,
                         const std::function<void(const QJsonObject &)> &fn) -> Result<void> {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Io,
                             Messages::tr("cannot read %1: %2 — DIR must hold corpus.jsonl, "
                                          "queries.jsonl and qrels/*.tsv (BEIR layout)")
                                 .arg(path, f.errorString()));
        int line = 0;
        while (!f.atEnd()) {
            const QByteArray l = f.readLine().trimmed();
            ++line;
            if (l.isEmpty())
                continue;
            QJsonParseError err;
            const QJsonDocument doc = QJsonDocument::fromJson(l, &err);
            if (!doc.isObject())
                return makeError(ErrorCode::BadInput,
                                 Messages::tr("%1 line %2 is not a JSON object: %3")
                                     .arg(path)
                                     .arg(line)
                                     .arg(err.errorString()));
            fn(doc.object());
        }
        return {};
    };
    auto r = readJsonl(dir + QStringLiteral("/corpus.jsonl"), [&](const QJsonObject &o) {
        SearchDocument d;
        d.sourceType = QStringLiteral("document");
        d.sourceId = o.value(QLatin1String("_id")).toString();
        const QString title = o.value(QLatin1String("title")).toString().trimmed();
        const QString text = o.value(QLatin1String("text")).toString();
        d.content = (title.isEmpty() || text.startsWith(title))
            ? text
            : title + QStringLiteral(". ") + text;
        c.documents.append(d);
    });
    if (!r)
        return r.error();
    r = readJsonl(dir + QStringLiteral("/queries.jsonl"), [&](const QJsonObject &o) {
        c.queries.insert(o.value(QLatin1String("_id")).toString(),
                         o.value(QLatin1String("text")).toString());
    });
    if (!r)
        return r.error();
    return c;
}

using Qrels = std::map<QString, retrievalmetrics::Judgements>; // sorted query ids

Result<Qrels> readQrels(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(
            ErrorCode::Io,
            Messages::tr("cannot read the judgements %1: %2").arg(path, f.errorString()));
    Qrels q;
    while (!f.atEnd()) {
        const QList<QByteArray> cols = f.readLine().trimmed().split('\t');
        if (cols.size() < 3)
            continue;
        bool ok = false;
        const int grade = cols.at(2).trimmed().toInt(&ok);
        if (!ok) // the header line
            continue;
        q[QString::fromUtf8(cols.at(0))][QString::fromUtf8(cols.at(1))] = grade;
    }
    if (q.empty())
        return makeError(ErrorCode::BadInput,
                         Messages::tr("%1 holds no judgements (expected query-id, corpus-id, score "
                                      "separated by tabs)")
                             .arg(path));
    return q;
}

QJsonObject toJson(const retrievalmetrics::Summary &s)
{
    return QJsonObject{{QStringLiteral("ndcg@10"), s.ndcg10},
                       {QStringLiteral("recall@100"), s.recall100},
                       {QStringLiteral("mrr@10"), s.mrr10}};
}

/// The tuning knobs (defaults are the tuned values; tune on dev judgements only), taken from
/// `args`; false when one is not a number.
bool takeTuning(QStringList &args, LsaEmbedder::Options &lsa, HybridParameters &params)
{
    bool ok = true;
    auto numberOption = [&](const char *name, auto &target) {
        if (const auto v = takeOption(args, QLatin1String(name))) {
            bool good = false;
            const double x = v->toDouble(&good);
            if (!good)
                ok = false;
            target = static_cast<std::remove_reference_t<decltype(target)>>(x);
        }
    };
    numberOption("--dimension", lsa.dimension);
    numberOption("--sigma-exponent", lsa.sigmaExponent);
    numberOption("--min-df", lsa.minDocumentFrequency);
    numberOption("--feedback-docs", params.feedbackDocuments);
    numberOption("--feedback-weight", params.feedbackWeight);
    numberOption("--rrf-k", params.ranking.rrfK);
    numberOption("--vector-weight", params.ranking.vectorWeight);
    numberOption("--candidates", params.candidates);
    numberOption("--posting-budget", params.lexicalPostingBudget);
    numberOption("--max-scored-terms", params.maxScoredTerms);
    return ok;
}

using Splits = QList<QPair<QString, QString>>; // name, path of a judgements file

/// Which judgements: the one file given, or every qrels/*.tsv, each reported separately.
Result<Splits> judgementFiles(const QString &dir, const std::optional<QString> &qrelsOption)
{
    Splits splits;
    if (qrelsOption) {
        splits.append({QFileInfo(*qrelsOption).completeBaseName(), *qrelsOption});
        return splits;
    }
    const QFileInfoList files
        = QDir(dir + QStringLiteral("/qrels"))
              .entryInfoList({QStringLiteral("*.tsv")}, QDir::Files, QDir::Name);
    for (const QFileInfo &fi : files)
        splits.append({fi.completeBaseName(), fi.filePath()});
    if (splits.isEmpty())
        return makeError(
            ErrorCode::BadInput,
            Messages::tr("%1/qrels holds no *.tsv judgements — pass --qrels FILE").arg(dir));
    return splits;
}

const SearchMode kModes[] = {SearchMode::Lexical, SearchMode::Vector, SearchMode::Hybrid};
const char *const kModeNames[] = {"lexical", "vector", "hybrid"};

/// A search to evaluate: ranked source ids, or an error.
using SearchFn = std::function<Result<QStringList>(const SearchRequest &)>;

/// Runs every judged query of every split in the three modes through a search, prints the
/// tables (unless `json`) and returns the JSON object.
class Evaluation
{
public:
    Evaluation(const Collection &collection, const Splits &splits, QTextStream &out, bool json)
        : m_collection(collection)
        , m_splits(splits)
        , m_out(out)
        , m_json(json)
    { }

    /// `overall`: the three modes' totals over every split, accumulated and finished.
    Result<QJsonObject> run(const SearchFn &search, const QString &title,
                            retrievalmetrics::Summary overall[3]) const;

private:
    const Collection &m_collection;
    const Splits &m_splits;
    QTextStream &m_out;
    const bool m_json;
};

Result<QJsonObject> Evaluation::run(const SearchFn &search, const QString &title,
                                    retrievalmetrics::Summary overall[3]) const
{
    QJsonObject splitsJson;
    if (!m_json && !title.isEmpty())
        m_out << "\n" << title << "\n";
    for (const auto &[splitName, path] : std::as_const(m_splits)) {
        auto qrels = readQrels(path);
        if (!qrels)
            return qrels.error();
        retrievalmetrics::Summary summary[3];
        for (const auto &[queryId, judgements] : *qrels) {
            const QString text = m_collection.queries.value(queryId);
            for (int m = 0; m < 3; ++m) {
                SearchRequest req;
                req.text = text;
                req.mode = kModes[m];
                req.limit = 100;
                req.snippets = false;
                auto found = search(req);
                QStringList ranking;
                if (found)
                    ranking = *found;
                else if (!found.error().is(ErrorCode::EmptyQuery))
                    return makeError(
                        found.error().code,
                        Messages::tr("query %1: %2").arg(queryId, found.error().message));
                retrievalmetrics::accumulate(summary[m], ranking, judgements);
                retrievalmetrics::accumulate(overall[m], ranking, judgements);
            }
        }
        QJsonObject sj{{QStringLiteral("queries"), summary[0].queries}};
        if (!m_json)
            m_out << "\n"
                  << Messages::tr("%1 (%2 queries)").arg(splitName).arg(summary[0].queries) << "\n"
                  << QStringLiteral("  %1 %2 %3 %4\n")
                         .arg(Messages::tr("mode"), -8)
                         .arg(QStringLiteral("nDCG@10"), 8)
                         .arg(QStringLiteral("R@100"), 8)
                         .arg(QStringLiteral("MRR@10"), 8);
        for (int m = 0; m < 3; ++m) {
            retrievalmetrics::finish(summary[m]);
            sj.insert(QLatin1String(kModeNames[m]), toJson(summary[m]));
            if (!m_json)
                m_out << QStringLiteral("  %1 %2 %3 %4\n")
                             .arg(QLatin1String(kModeNames[m]), -8)
                             .arg(summary[m].ndcg10, 8, 'f', 4)
                             .arg(summary[m].recall100, 8, 'f', 4)
                             .arg(summary[m].mrr10, 8, 'f', 4);
        }
        if (!m_json && summary[0].ndcg10 > 0)
            m_out << "  "
                  << Messages::tr("hybrid / lexical nDCG@10 = %1")
                         .arg(summary[2].ndcg10 / summary[0].ndcg10, 0, 'f', 3)
                  << "\n";
        splitsJson.insert(splitName, sj);
    }
    QJsonObject top{{QStringLiteral("queries"), overall[0].queries}};
    for (int m = 0; m < 3; ++m) {
        retrievalmetrics::finish(overall[m]);
        top.insert(QLatin1String(kModeNames[m]), toJson(overall[m]));
    }
    top.insert(QStringLiteral("splits"), splitsJson);
    return top;
}

/// The same collection in a throwaway schema of the database, searched by OnlineSearch
/// (PostgreSQL full text re-scored with bm25, vectors of a model learned by the embedding job)
/// — so the two paths can be compared on the same judgements.
Result<QJsonObject> evaluateOnline(const ConnectionSettings &settings, const Collection &collection,
                                   const Evaluation &evaluation,
                                   retrievalmetrics::Summary onlineOverall[3])
{
    ConnectionSettings scratch = settings;
    scratch.schema = QStringLiteral("ke_eval_%1").arg(QCoreApplication::applicationPid());
    scratch.eventsTable.clear();
    scratch.tenant.clear();
    scratch.actor.clear();
    auto db = Database::connect(scratch);
    if (!db)
        return db.error();
    (void)Migrator::dropScratchSchema(**db); // a leftover of an interrupted run
    auto cleanup = qScopeGuard([&] { (void)Migrator::dropScratchSchema(**db); });
    QElapsedTimer onlineTimer;
    onlineTimer.start();
    if (auto m = Migrator::migrate(**db); !m)
        return m.error();
    auto tenant = (*db)->createTenant(QStringLiteral("eval"), QStringLiteral("Evaluation"));
    if (!tenant)
        return tenant.error();
    if (auto t = (*db)->setTenant(QStringLiteral("eval")); !t)
        return t.error();
    QList<SearchDocument> documents = collection.documents;
    for (SearchDocument &d : documents)
        d.sourceType = QStringLiteral("finding"); // a type the product's table accepts
    if (auto imported = SearchDocuments::importDocuments(**db, documents); !imported)
        return imported.error();
    SearchDocumentsReport report;
    if (auto embedded = SearchDocuments::embed(**db, report); !embedded)
        return embedded.error();
    const qint64 onlineIndexMs = onlineTimer.elapsed();
    onlineTimer.restart();
    OnlineSearch search;
    auto onlineResult = evaluation.run(
        [&](const SearchRequest &req) -> Result<QStringList> {
            auto found = search.search(**db, req);
            if (!found)
                return found.error();
            QStringList ids;
            for (const SearchResult &res : std::as_const(found->results))
                ids.append(res.sourceId);
            return ids;
        },
        Messages::tr("online (PostgreSQL, model %1)").arg(report.model), onlineOverall);
    if (!onlineResult)
        return onlineResult.error();
    QJsonObject o = *onlineResult;
    o.insert(QStringLiteral("model"), report.model);
    o.insert(QStringLiteral("index_ms"), onlineIndexMs);
    o.insert(QStringLiteral("search_ms"), onlineTimer.elapsed());
    return o;
}

int runEvalSearch(CommandContext &ctx)
{
    const bool json = takeFlag(ctx.args, QStringLiteral("--json"));
    const bool online = takeFlag(ctx.args, QStringLiteral("--online"));
    const auto qrelsOption = takeOption(ctx.args, QStringLiteral("--qrels"));
    LsaEmbedder::Options lsa;
    HybridParameters params;
    if (!takeTuning(ctx.args, lsa, params) || ctx.args.size() != 1)
        return ctx.fail(
            Messages::tr("usage: knowledgectl eval-search DIR [--qrels FILE] [--online] "
                         "[--json] [--dimension N] [--feedback-docs N] [--feedback-weight X] "
                         "[--rrf-k X] [--vector-weight X] [--posting-budget N] "
                         "[--max-scored-terms N]"));
    const QString dir = ctx.args.first();
    const auto splits = judgementFiles(dir, qrelsOption);
    if (!splits)
        return ctx.fail(splits.error().message);

    auto collection = readCollection(dir);
    if (!collection)
        return ctx.fail(collection.error());
    QTemporaryDir tmp;
    if (!tmp.isValid())
        return ctx.fail(
            Messages::tr("cannot create a temporary directory: %1").arg(tmp.errorString()));
    QElapsedTimer timer;
    timer.start();
    auto index = SearchIndex::open(tmp.path() + QStringLiteral("/cache"));
    if (!index)
        return ctx.fail(index.error());
    auto r = (*index)->upsert(collection->documents);
    if (!r)
        return ctx.fail(r.error());
    r = (*index)->learnLocalEmbedder(lsa);
    if (!r)
        return ctx.fail(r.error());
    (*index)->setParameters(params);
    const qint64 indexMs = timer.elapsed();

    QTextStream &out = ctx.out;
    if (!json)
        out << Messages::tr("%1 documents indexed in %2 ms (model %3)")
                   .arg(collection->documents.size())
                   .arg(indexMs)
                   .arg((*index)->embedder()->name())
            << "\n";

    const Evaluation evaluation(*collection, *splits, out, json);

    // Offline: the search cache (SQLite FTS5 + HNSW).
    QElapsedTimer searchTimer;
    searchTimer.start();
    retrievalmetrics::Summary overall[3];
    auto offline = evaluation.run(
        [&](const SearchRequest &req) -> Result<QStringList> {
            // The lexical-only baseline is plain bm25: never pruned.
            HybridParameters used = params;
            if (req.mode == SearchMode::Lexical)
                used.lexicalPostingBudget = 0;
            (*index)->setParameters(used);
            auto found = (*index)->search(req);
            if (!found)
                return found.error();
            QStringList ids;
            for (const SearchResult &res : std::as_const(*found))
                ids.append(res.sourceId);
            return ids;
        },
        QString(), overall);
    if (!offline)
        return ctx.fail(offline.error());
    const qint64 searchMs = searchTimer.elapsed();
    QJsonObject top = *offline;
    top.insert(QStringLiteral("documents"), qint64(collection->documents.size()));
    top.insert(QStringLiteral("model"), (*index)->embedder()->name());
    top.insert(QStringLiteral("index_ms"), indexMs);
    top.insert(QStringLiteral("search_ms"), searchMs);

    retrievalmetrics::Summary onlineOverall[3];
    if (online) {
        auto o = evaluateOnline(ctx.settings, *collection, evaluation, onlineOverall);
        if (!o)
            return ctx.fail(o.error());
        top.insert(QStringLiteral("online"), *o);
    }

    if (json) {
        out << QJsonDocument(top).toJson(QJsonDocument::Compact) << "\n";
    } else {
        out << "\n"
            << Messages::tr(
                   "all (%1 queries): nDCG@10 lexical %2, vector %3, hybrid %4; searched in %5 ms")
                   .arg(overall[0].queries)
                   .arg(overall[0].ndcg10, 0, 'f', 4)
                   .arg(overall[1].ndcg10, 0, 'f', 4)
                   .arg(overall[2].ndcg10, 0, 'f', 4)
                   .arg(searchMs)
            << "\n";
        if (online)
            out << Messages::tr("online, all (%1 queries): nDCG@10 lexical %2, vector %3, "
                                "hybrid %4")
                       .arg(onlineOverall[0].queries)
                       .arg(onlineOverall[0].ndcg10, 0, 'f', 4)
                       .arg(onlineOverall[1].ndcg10, 0, 'f', 4)
                       .arg(onlineOverall[2].ndcg10, 0, 'f', 4)
                << "\n";
    }
    out.flush();
    return 0;
}

} // namespace

KE_REGISTER_COMMAND("eval-search", "DIR [--qrels FILE] [--online] [--json]",
                    QT_TRANSLATE_NOOP("knowledgectl",
                                      "measure search quality (nDCG@10, Recall@100, MRR@10) "
                                      "on a BEIR-layout collection"),
                    runEvalSearch);

} // namespace ke::ctl
