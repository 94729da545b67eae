// knowledgectl eval-search DIR: search quality on a BEIR-layout collection, all three modes in
// one run, in a throwaway cache. Needs no database.

#include "commands.h"
#include "retrievalmetrics.h"
#include "searchindex.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

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
            return makeError(QStringLiteral("io"),
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
                return makeError(QStringLiteral("bad_input"),
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
            QStringLiteral("io"),
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
        return makeError(QStringLiteral("bad_input"),
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

int runEvalSearch(CommandContext &ctx)
{
    const bool json = takeFlag(ctx.args, QStringLiteral("--json"));
    const auto qrelsOption = takeOption(ctx.args, QStringLiteral("--qrels"));
    // Tuning knobs (defaults are the tuned values; tune on dev judgements only).
    LsaEmbedder::Options lsa;
    HybridParameters params;
    bool ok = true;
    auto numberOption = [&](const char *name, auto &target) {
        if (const auto v = takeOption(ctx.args, QLatin1String(name))) {
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
    if (!ok || ctx.args.size() != 1)
        return ctx.fail(Messages::tr("usage: knowledgectl eval-search DIR [--qrels FILE] [--json] "
                                     "[--dimension N] [--feedback-docs N] [--feedback-weight X] "
                                     "[--rrf-k X] [--vector-weight X] [--posting-budget N]"));
    const QString dir = ctx.args.first();

    // Which judgements: the one file given, or every qrels/*.tsv, each reported separately.
    QList<QPair<QString, QString>> splits; // name, path
    if (qrelsOption) {
        splits.append({QFileInfo(*qrelsOption).completeBaseName(), *qrelsOption});
    } else {
        const QFileInfoList files
            = QDir(dir + QStringLiteral("/qrels"))
                  .entryInfoList({QStringLiteral("*.tsv")}, QDir::Files, QDir::Name);
        for (const QFileInfo &fi : files)
            splits.append({fi.completeBaseName(), fi.filePath()});
        if (splits.isEmpty())
            return ctx.fail(
                Messages::tr("%1/qrels holds no *.tsv judgements — pass --qrels FILE").arg(dir));
    }

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

    const SearchMode modes[] = {SearchMode::Lexical, SearchMode::Vector, SearchMode::Hybrid};
    const char *modeNames[] = {"lexical", "vector", "hybrid"};
    QJsonObject splitsJson;
    retrievalmetrics::Summary overall[3];
    timer.restart();
    QTextStream &out = ctx.out;
    if (!json)
        out << Messages::tr("%1 documents indexed in %2 ms (model %3)")
                   .arg(collection->documents.size())
                   .arg(indexMs)
                   .arg((*index)->embedder()->name())
            << "\n";
    for (const auto &[splitName, path] : std::as_const(splits)) {
        auto qrels = readQrels(path);
        if (!qrels)
            return ctx.fail(qrels.error());
        retrievalmetrics::Summary summary[3];
        for (const auto &[queryId, judgements] : *qrels) {
            const QString text = collection->queries.value(queryId);
            for (int m = 0; m < 3; ++m) {
                SearchRequest req;
                req.text = text;
                req.mode = modes[m];
                req.limit = 100;
                req.snippets = false;
                QStringList ranking;
                // The lexical-only baseline is plain bm25: never pruned.
                HybridParameters used = params;
                if (modes[m] == SearchMode::Lexical)
                    used.lexicalPostingBudget = 0;
                (*index)->setParameters(used);
                auto found = (*index)->search(req);
                if (found) {
                    for (const SearchResult &res : *found)
                        ranking.append(res.sourceId);
                } else if (found.error().code != QLatin1String("empty_query")) {
                    return ctx.fail(
                        Messages::tr("query %1: %2").arg(queryId, found.error().message));
                }
                retrievalmetrics::accumulate(summary[m], ranking, judgements);
                retrievalmetrics::accumulate(overall[m], ranking, judgements);
            }
        }
        QJsonObject sj{{QStringLiteral("queries"), summary[0].queries}};
        if (!json)
            out << "\n"
                << Messages::tr("%1 (%2 queries)").arg(splitName).arg(summary[0].queries) << "\n"
                << QStringLiteral("  %1 %2 %3 %4\n")
                       .arg(Messages::tr("mode"), -8)
                       .arg(QStringLiteral("nDCG@10"), 8)
                       .arg(QStringLiteral("R@100"), 8)
                       .arg(QStringLiteral("MRR@10"), 8);
        for (int m = 0; m < 3; ++m) {
            retrievalmetrics::finish(summary[m]);
            sj.insert(QLatin1String(modeNames[m]), toJson(summary[m]));
            if (!json)
                out << QStringLiteral("  %1 %2 %3 %4\n")
                           .arg(QLatin1String(modeNames[m]), -8)
                           .arg(summary[m].ndcg10, 8, 'f', 4)
                           .arg(summary[m].recall100, 8, 'f', 4)
                           .arg(summary[m].mrr10, 8, 'f', 4);
        }
        if (!json && summary[0].ndcg10 > 0)
            out << "  "
                << Messages::tr("hybrid / lexical nDCG@10 = %1")
                       .arg(summary[2].ndcg10 / summary[0].ndcg10, 0, 'f', 3)
                << "\n";
        splitsJson.insert(splitName, sj);
    }
    QJsonObject top{{QStringLiteral("queries"), overall[0].queries}};
    for (int m = 0; m < 3; ++m) {
        retrievalmetrics::finish(overall[m]);
        top.insert(QLatin1String(modeNames[m]), toJson(overall[m]));
    }
    top.insert(QStringLiteral("splits"), splitsJson);
    top.insert(QStringLiteral("documents"), qint64(collection->documents.size()));
    top.insert(QStringLiteral("model"), (*index)->embedder()->name());
    top.insert(QStringLiteral("index_ms"), indexMs);
    top.insert(QStringLiteral("search_ms"), timer.elapsed());
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
                   .arg(timer.elapsed())
            << "\n";
    }
    out.flush();
    return 0;
}

} // namespace

KE_REGISTER_COMMAND("eval-search", "DIR [--qrels FILE] [--json]",
                    QT_TRANSLATE_NOOP("knowledgectl",
                                      "measure search quality (nDCG@10, Recall@100, MRR@10) "
                                      "on a BEIR-layout collection"),
                    runEvalSearch);

} // namespace ke::ctl
