#include "onlinesearch.h"

#include "bm25.h"
#include "searchengine.h"

#include "database_p.h"
#include "fulltextquery.h"
#include "onlinelexical_p.h"
#include "onlinevectors_p.h"
#include "searchdocuments.h"
#include "searchdocuments_p.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <chrono>
#include <shared_mutex>

namespace ke {

using namespace onlinelexical;

namespace {

/// A lexical candidate: its key (keyOf) and its BM25.
struct Lex
{
    QString key;
    double bm25;
};

/// What one search (OnlineSearch::search) knows while it runs: the session, the request, and
/// its statements' parameters.
struct OnlineQuery
{
    Database &db;
    pqxx::connection &conn;
    pqxx::nontransaction &tx;
    const SearchRequest &request;
    std::string tenant, dataset, types; ///< $1, $2 ('' = any), $3 ('' = any) of `filter`
    /// The query's words joined by "or", each as often as the query has it.
    std::string tsText;
    int perSignal; ///< candidates each signal contributes
    QString docs, embs; ///< the tables search_documents and search_embeddings
    QString filter; ///< over `d` (search_documents): the tenant, live, dataset, types
};

/// The lexical candidates by one SQL statement (Options::LexicalIndex::Sql): PostgreSQL's
/// full-text match picks `prefilter` candidates, BM25 (bm25.h, as offline) ranks them.
QList<Lex> sqlLexical(const OnlineQuery &q, int prefilter)
{
    QList<Lex> lexical;
    const std::string sql = toStd(
        QStringLiteral(
            "WITH q AS MATERIALIZED (SELECT websearch_to_tsquery('english', $4) AS q),"
            " lex AS MATERIALIZED (SELECT lexeme, coalesce(array_length(positions, 1), "
            "1)::float8 AS qtf FROM unnest(to_tsvector('english', $4))),"
            " stats AS MATERIALIZED (SELECT count(*)::float8 AS n, "
            "coalesce(avg(length(tsv)), 1)::float8 AS avgdl"
            "  FROM %1 WHERE tenant_id = $1::uuid AND NOT retired),"
            " df AS MATERIALIZED (SELECT l.lexeme, l.qtf, (SELECT count(*) FROM %1 x WHERE "
            "x.tenant_id = $1::uuid"
            "  AND NOT x.retired AND x.tsv @@ quote_literal(l.lexeme)::tsquery)::float8 AS "
            "n FROM lex l),"
            " cand AS MATERIALIZED (SELECT d.source_type, d.source_id, d.tsv FROM %1 d, q "
            "WHERE %2 AND d.tsv @@ q.q"
            "  ORDER BY ts_rank_cd(d.tsv, q.q) DESC, d.source_type, d.source_id LIMIT $5) "
            "SELECT c.source_type, c.source_id, sum(df.qtf * %3) AS bm25 "
            "FROM cand c CROSS JOIN LATERAL (SELECT lexeme, "
            "coalesce(array_length(positions, 1), 1) AS tf"
            " FROM unnest(c.tsv)) u JOIN df ON df.lexeme = u.lexeme CROSS JOIN stats s "
            "GROUP BY c.source_type, c.source_id ORDER BY bm25 DESC, c.source_type, "
            "c.source_id")
            .arg(q.docs, q.filter,
                 bm25::termScoreSql(bm25::idfSql(QStringLiteral("s.n"), QStringLiteral("df.n")),
                                    QStringLiteral("u.tf"), QStringLiteral("length(c.tsv)"),
                                    QStringLiteral("s.avgdl"))));
    const pqxx::result r = q.tx.exec_params(sql, q.tenant, q.dataset, q.types, q.tsText, prefilter);
    for (const auto &row : r)
        lexical.append(
            {keyOf(stringFromField(row[0]), stringFromField(row[1])), row[2].as<double>()});
    return lexical;
}

/// What the boosts and the results need of a candidate.
struct Meta
{
    QString datasetId, investigationId;
    QDateTime createdAt;
    double feedback = 0;
};

/// The candidates' dataset, investigation, time and feedback score (`keys`: keyOf(type, id)):
/// from the tenant's lexical index in memory where it holds them, else read.
QHash<QString, Meta> metadataOf(const OnlineQuery &q, const QList<QString> &keys,
                                const std::shared_ptr<LexicalIndex> &memory)
{
    QHash<QString, Meta> meta;
    QJsonArray wanted; // the candidates the lexical index does not hold (or all of them)
    {
        std::shared_lock<std::shared_mutex> read;
        if (memory)
            read = std::shared_lock(memory->lock);
        for (const QString &k : std::as_const(keys)) {
            if (memory) {
                if (const auto it = memory->slotOf.constFind(k); it != memory->slotOf.cend()) {
                    const LexicalIndex::Doc &doc = memory->docs[*it];
                    meta.insert(
                        k, {doc.datasetId, doc.investigationId, doc.createdAt, doc.feedbackScore});
                    continue;
                }
            }
            const qsizetype sep = k.indexOf(QLatin1Char('\x1f'));
            wanted.append(QJsonArray{k.left(sep), k.mid(sep + 1)});
        }
    }
    if (!wanted.isEmpty()) {
        const std::string wantedJson
            = QJsonDocument(wanted).toJson(QJsonDocument::Compact).toStdString();
        const pqxx::result r = execPrepared(
            q.tx, q.conn,
            toStd(QStringLiteral(
                      "SELECT d.source_type, d.source_id, d.dataset_id, d.investigation_id, "
                      "d.created_at,"
                      " d.feedback_score FROM %1 d JOIN jsonb_array_elements($2::jsonb) w"
                      " ON d.source_type = w->>0 AND d.source_id = w->>1 WHERE d.tenant_id = "
                      "$1::uuid")
                      .arg(q.docs)),
            q.tenant, wantedJson);
        for (const auto &row : r)
            meta.insert(keyOf(stringFromField(row[0]), stringFromField(row[1])),
                        {stringFromField(row[2]), stringFromField(row[3]),
                         timestampFromField(row[4]), row[5].as<double>()});
    }
    return meta;
}

/// Each of `candidates`' passages around the query's words (ts_headline), by key.
QHash<QString, QString> snippetsOf(const OnlineQuery &q,
                                   const QList<ranking::Candidate> &candidates,
                                   const QList<QString> &keys)
{
    QHash<QString, QString> snippets;
    QJsonArray top;
    for (const auto &c : std::as_const(candidates)) {
        const QString &k = keys.at(int(c.id));
        const qsizetype sep = k.indexOf(QLatin1Char('\x1f'));
        top.append(QJsonArray{k.left(sep), k.mid(sep + 1)});
    }
    const pqxx::result r = execPrepared(
        q.tx, q.conn,
        toStd(
            QStringLiteral("SELECT d.source_type, d.source_id, ts_headline('english', d.content,"
                           " websearch_to_tsquery('english', $3), $4) FROM %1 d"
                           " JOIN jsonb_array_elements($2::jsonb) w"
                           " ON d.source_type = w->>0 AND d.source_id = w->>1 WHERE d.tenant_id = "
                           "$1::uuid")
                .arg(q.docs)),
        q.tenant, QJsonDocument(top).toJson(QJsonDocument::Compact).toStdString(), q.tsText,
        std::string("StartSel=«, StopSel=», MaxWords=35, MinWords=12, MaxFragments=2, "
                    "FragmentDelimiter=\" … \""));
    for (const auto &row : r)
        snippets.insert(keyOf(stringFromField(row[0]), stringFromField(row[1])),
                        stringFromField(row[2]).simplified());
    return snippets;
}

/// Both lists fused with the shared ranking code (ranking.h) into `outcome`'s results, best
/// first, with their metadata and, when asked, snippets.
void fuse(const OnlineQuery &q, const QList<Lex> &lexical, const QList<QString> &vector,
          const std::shared_ptr<LexicalIndex> &memory, const QDateTime &now,
          const RankingParameters &rankingParameters, SearchOutcome &outcome)
{
    QHash<QString, int> index;
    QList<QString> keys;
    QList<ranking::Candidate> candidates;
    auto candidateFor = [&](const QString &key) -> ranking::Candidate & {
        auto it = index.find(key);
        if (it == index.end()) {
            it = index.insert(key, int(keys.size()));
            keys.append(key);
            ranking::Candidate c;
            c.id = qint64(keys.size() - 1);
            candidates.append(c);
        }
        return candidates[*it];
    };
    for (int i = 0; i < lexical.size() && i < q.perSignal; ++i)
        candidateFor(lexical.at(i).key).lexicalRank = i + 1;
    for (int i = 0; i < vector.size(); ++i)
        candidateFor(vector.at(i)).vectorRank = i + 1;
    if (candidates.isEmpty())
        return;

    const QHash<QString, Meta> meta = metadataOf(q, keys, memory);
    for (auto &c : candidates) {
        const Meta m = meta.value(keys.at(int(c.id)));
        c.createdAt = m.createdAt;
        c.feedbackScore = m.feedback;
    }
    ranking::rank(candidates, now, rankingParameters);
    if (candidates.size() > q.request.limit)
        candidates.resize(std::max(0, q.request.limit));

    const QHash<QString, QString> snippets = q.request.snippets && !candidates.isEmpty()
        ? snippetsOf(q, candidates, keys)
        : QHash<QString, QString>();
    for (const auto &c : std::as_const(candidates)) {
        const QString &k = keys.at(int(c.id));
        const qsizetype sep = k.indexOf(QLatin1Char('\x1f'));
        const Meta m = meta.value(k);
        SearchResult res;
        res.sourceType = k.left(sep);
        res.sourceId = k.mid(sep + 1);
        res.datasetId = m.datasetId;
        res.investigationId = m.investigationId;
        res.createdAt = m.createdAt;
        res.feedbackScore = m.feedback;
        res.snippet = snippets.value(k);
        res.lexicalRank = c.lexicalRank;
        res.vectorRank = c.vectorRank;
        res.score = c.score;
        outcome.results.append(res);
    }
}

} // namespace

struct OnlineSearch::Private
{
    Options options;
    std::shared_ptr<const Embedder> embedder; // this search's: set by the caller, or loaded
    QString embedderNote; // why there is none
    bool embedderGiven = false; // setEmbedder(): for every tenant, never reloaded
    /// Each tenant's stored model, as loaded: one OnlineSearch (a thread's) searches for
    /// every tenant of the service, and each tenant has a model of its own. Without one yet,
    /// asked again a minute later (the job may have learned one meanwhile).
    struct TenantModel
    {
        std::shared_ptr<const Embedder> embedder;
        QString note;
        std::chrono::steady_clock::time_point loadedAt;
        quint64 usedAt = 0; ///< `uses` when last used
    };
    QHash<QUuid, TenantModel> models;
    quint64 uses = 0;
    /// Models kept per OnlineSearch (a model is a few MB; the least recently used goes).
    static constexpr qsizetype kModelsKept = 16;
    /// Sets embedder / embedderNote to the session's tenant's model, loading it when needed.
    void loadEmbedder(Database &db)
    {
        if (embedderGiven)
            return;
        const auto now = std::chrono::steady_clock::now();
        auto it = models.find(db.tenantId());
        if (it == models.end()
            || (!it->embedder && now - it->loadedAt > std::chrono::seconds(60))) {
            TenantModel m;
            m.loadedAt = now;
            if (auto loaded = SearchDocuments::loadCurrentModel(db))
                m.embedder = *loaded;
            else
                m.note = loaded.error().message;
            if (models.size() >= kModelsKept && !models.contains(db.tenantId())) {
                auto oldest = models.begin();
                for (auto o = models.begin(); o != models.end(); ++o)
                    if (o->usedAt < oldest->usedAt)
                        oldest = o;
                models.erase(oldest);
            }
            it = models.insert(db.tenantId(), m);
        }
        it->usedAt = ++uses;
        embedder = it->embedder;
        embedderNote = it->note;
    }
    // pgvector: whether the model's HNSW index exists (checked once per schema and model).
    QString pgvectorChecked;
    bool pgvectorReady = false;
    /// Whether pgvector's index of the current model answers the vector signal.
    bool serverVectorIndex(pqxx::transaction_base &tx, Database &db)
    {
        if (!embedder || !options.useServerVectorIndex)
            return false;
        const QString key = db.settings().schema + QLatin1Char('/') + embedder->name();
        if (pgvectorChecked != key) {
            pgvectorChecked = key;
            pgvectorReady = !tx.exec_params("SELECT 1 FROM pg_indexes WHERE schemaname = $1 AND "
                                            "indexname = $2",
                                            toStd(db.settings().schema),
                                            toStd(searchdocs::pgvectorIndexName(embedder->name())))
                                 .empty();
        }
        return pgvectorReady;
    }
    /// The vector candidates, nearest first: pgvector's index when it can answer, else the
    /// exact inner product over the tenant's vectors of the current model (onlinevectors_p.h).
    /// Without a model, or when the query cannot be embedded, none, and `note` says why.
    QList<QString> vectorCandidates(const OnlineQuery &query, QString &note)
    {
        QList<QString> vector;
        if (embedder && query.request.mode != SearchMode::Lexical) {
            auto qv = embedder->embed({query.request.text});
            if (!qv) {
                note = OnlineSearch::tr("semantic search unavailable (%1) — lexical results only")
                           .arg(qv.error().message);
            } else {
                const EmbeddingVector q = std::move(qv->front());
                const std::string model = toStd(embedder->name());
                // pgvector's index, when the embedding job built one for this model.
                bool served = false;
                if (serverVectorIndex(query.tx, query.db) && dotProduct(q, q) > 0.5f) {
                    QString literal = searchdocs::arrayLiteral(q);
                    literal[0] = QLatin1Char('[');
                    literal[literal.size() - 1] = QLatin1Char(']');
                    try {
                        query.tx.exec("SELECT set_config('hnsw.ef_search', '"
                                      + std::to_string(std::clamp(query.perSignal * 2, 40, 1000))
                                      + "', false)");
                        const pqxx::result r = query.tx.exec_params(
                            toStd(
                                QStringLiteral(
                                    "SELECT e.source_type, e.source_id FROM %1 e JOIN %2 d ON "
                                    "d.tenant_id = e.tenant_id AND d.source_type = "
                                    "e.source_type AND d.source_id = e.source_id WHERE "
                                    "e.tenant_id = $1::uuid AND e.model = %3 AND %4 "
                                    "ORDER BY %5 <#> $4::vector(%6) LIMIT $5")
                                    .arg(query.embs, query.docs,
                                         QString::fromStdString(query.tx.quote(model)),
                                         query.filter,
                                         QStringLiteral("e.")
                                             + searchdocs::pgvectorExpression(embedder->dimension())
                                                   .mid(1)
                                                   .chopped(1))
                                    .arg(embedder->dimension())),
                            query.tenant, query.dataset, query.types, toStd(literal),
                            query.perSignal);
                        // The index covers the model, not the tenant or the filters, which
                        // apply after its scan: when that leaves fewer than asked for, the
                        // exact scan below answers instead.
                        if (r.size() >= size_t(query.perSignal)) {
                            for (const auto &row : r)
                                vector.append(
                                    keyOf(stringFromField(row[0]), stringFromField(row[1])));
                            served = true;
                        }
                    } catch (const pqxx::sql_error &e) {
                        // Not usable after all (e.g. the extension was dropped): the exact
                        // scan below, from now on.
                        pgvectorReady = false;
                        note
                            = OnlineSearch::tr("pgvector index not usable (%1) — exact vector scan")
                                  .arg(QString::fromUtf8(e.what()).trimmed());
                    }
                }
                // A query the model knows no word of embeds to zero: skip it (as offline).
                if (!served && dotProduct(q, q) > 0.5f) {
                    onlinevectors::Query scan;
                    scan.vector = &q;
                    scan.keep = query.perSignal;
                    scan.datasetId = query.request.datasetId;
                    scan.sourceTypes = query.request.sourceTypes;
                    const onlinevectors::Found found
                        = onlinevectors::top(query.tx, query.conn,
                                             {query.docs, query.embs,
                                              query.db.table(QStringLiteral("embedding_models"))},
                                             query.tenant, model, scan);
                    for (const auto &[type, id] : found.best)
                        vector.append(keyOf(type, id));
                    // The job learned a new model since this one was loaded: the next search
                    // embeds with it (this model's vectors are going or gone).
                    if (!found.modelIsCurrent)
                        models.remove(query.db.tenantId());
                }
            }
        } else if (note.isEmpty() && query.request.mode == SearchMode::Vector) {
            note = embedderNote.isEmpty()
                ? OnlineSearch::tr(
                    "no embedding model yet (run `knowledgectl embed`) — no semantic results")
                : OnlineSearch::tr("semantic search unavailable (%1)").arg(embedderNote);
        } else if (note.isEmpty() && query.request.mode != SearchMode::Lexical) {
            note = embedderNote.isEmpty()
                ? OnlineSearch::tr(
                    "no embedding model yet (run `knowledgectl embed`) — lexical results only")
                : OnlineSearch::tr("semantic search unavailable (%1) — lexical results only")
                      .arg(embedderNote);
        }
        return vector;
    }
};

OnlineSearch::OnlineSearch()
    : OnlineSearch(Options{})
{ }

OnlineSearch::OnlineSearch(Options options)
    : d(std::make_unique<Private>())
{
    d->options = std::move(options);
}

OnlineSearch::~OnlineSearch() = default;

void OnlineSearch::setEmbedder(std::shared_ptr<const Embedder> embedder)
{
    d->embedder = std::move(embedder);
    d->embedderGiven = true;
}

Result<SearchOutcome> OnlineSearch::search(Database &db, const SearchRequest &incoming,
                                           const std::atomic_bool *cancel)
{
    // One validation for both engines (searchengine.h): types, limit, dataset id.
    const auto checked = normalizedRequest(incoming);
    if (!checked)
        return checked.error();
    const SearchRequest &request = *checked;
    if (db.tenantId().isNull())
        return noTenantError();
    QList<int> counts;
    const QStringList words = fulltextquery::terms(request.text, &counts);
    if (words.isEmpty())
        return makeError(ErrorCode::EmptyQuery,
                         tr("the query has no words to search for — type a word or two"));
    if (!request.datasetId.isEmpty() && QUuid::fromString(request.datasetId).isNull())
        return makeError(ErrorCode::InvalidDataset,
                         tr("'%1' is not a dataset id (a UUID)").arg(request.datasetId));
    auto cancelled = [&]() { return cancel && cancel->load(); };
    const QDateTime now = d->options.parameters.now.isValid() ? d->options.parameters.now
                                                              : QDateTime::currentDateTimeUtc();
    SearchOutcome outcome;
    outcome.mode = QStringLiteral("online");

    // Only letters and digits survive fulltextquery::terms, joined by "or": whatever the
    // user typed, websearch_to_tsquery sees an OR of plain words, bound as a parameter.
    // Each word as often as the query has it: its lexeme's positions in to_tsvector($4) are
    // then its count, which weighs its BM25 term as offline (fulltextquery.h).
    QStringList repeated;
    for (qsizetype i = 0; i < words.size(); ++i)
        for (int n = 0; n < std::max(1, counts.value(i, 1)); ++n)
            repeated << words.at(i);
    const std::string tsText = toStd(repeated.join(QStringLiteral(" or ")));
    const std::string tenant = uuidToStd(db.tenantId());
    const std::string dataset = toStd(request.datasetId);
    const std::string types = toStd(request.sourceTypes.join(QLatin1Char(',')));
    const int perSignal = std::max(request.limit, d->options.parameters.candidates);
    const QString docs = db.table(QStringLiteral("search_documents"));
    const QString embs = db.table(QStringLiteral("search_embeddings"));
    // $1 tenant, $2 dataset ('' = any), $3 types ('' = any).
    const QString filter = QStringLiteral(
        "d.tenant_id = $1::uuid AND NOT d.retired AND ($2::text = '' OR d.dataset_id = "
        "nullif($2::text, '')::uuid)"
        " AND ($3::text = '' OR d.source_type = ANY (string_to_array($3::text, ',')))");

    d->loadEmbedder(db);

    return guarded(tr("searching"), [&]() -> Result<SearchOutcome> {
        auto &conn = databasePrivate(db)->conn;
        pqxx::nontransaction tx(conn);
        const OnlineQuery query{db,    conn,   tx,        request, tenant, dataset,
                                types, tsText, perSignal, docs,    embs,   filter};

        // 1. Lexical: BM25 (as FTS5 offline) over the tenant's lexical index in memory, or
        //    over the candidates PostgreSQL's full-text match finds.
        QList<Lex> lexical;
        std::shared_ptr<LexicalIndex> memory; // the tenant's, once this session proved access
        if (request.mode != SearchMode::Vector
            && d->options.lexicalIndex == Options::LexicalIndex::Memory) {
            // The tenant's newest change_seq as this session sees it, and the query's lexemes
            // with their counts, stemmed by the same configuration as search_documents.tsv.
            const pqxx::result head
                = execPrepared(tx, conn, headSql(docs), tenant, tsText, toStd(docs));
            if (!head[0][0].is_null()) {
                memory = upToDateIndex(tx, conn, docs, tenant, db.tenantId(), head[0]);
                const QString wantedDataset = request.datasetId.isEmpty()
                    ? QString()
                    : QUuid::fromString(request.datasetId).toString(QUuid::WithoutBraces);
                const auto best = memory->top(parseTsvector(head[0][1].c_str(), head[0][1].size()),
                                              wantedDataset, request.sourceTypes, perSignal);
                for (const auto &[key, value] : best)
                    lexical.append({key, value});
            }
        } else if (request.mode != SearchMode::Vector) {
            lexical = sqlLexical(query, d->options.lexicalPrefilter);
        }
        if (cancelled())
            return makeError(ErrorCode::Cancelled, tr("cancelled"));

        // 2. Vector.
        const QList<QString> vector = d->vectorCandidates(query, outcome.note);
        if (cancelled())
            return makeError(ErrorCode::Cancelled, tr("cancelled"));

        // 3. Fusion with the shared ranking code, the results.
        fuse(query, lexical, vector, memory, now, d->options.parameters.ranking, outcome);
        return outcome;
    });
}

Result<qint64> OnlineSearch::warm(Database &db)
{
    if (db.tenantId().isNull())
        return noTenantError();
    d->loadEmbedder(db);
    return guarded(tr("loading the search index"), [&]() -> Result<qint64> {
        auto &conn = databasePrivate(db)->conn;
        pqxx::nontransaction tx(conn);
        const auto memory = tenantIndex(tx, conn, db);
        if (!memory)
            return qint64(0);
        qint64 documents = 0;
        {
            std::shared_lock read(memory->lock);
            documents = memory->live;
        }
        // Not when pgvector's index answers the vector signal (the copy would only be read
        // for filtered searches the index cannot fill).
        if (d->embedder && d->embedder->dimension() > 0 && !d->serverVectorIndex(tx, db)) {
            // Any vector of the model's dimension loads them; nothing is kept of the scan.
            EmbeddingVector unit(size_t(d->embedder->dimension()), 0.0f);
            unit[0] = 1.0f;
            onlinevectors::Query scan;
            scan.vector = &unit;
            scan.keep = 0;
            onlinevectors::top(tx, conn,
                               {db.table(QStringLiteral("search_documents")),
                                db.table(QStringLiteral("search_embeddings")),
                                db.table(QStringLiteral("embedding_models"))},
                               uuidToStd(db.tenantId()), toStd(d->embedder->name()), scan);
        }
        return documents;
    });
}

Result<OnlineSearch::LexicalStatistics> OnlineSearch::lexicalStatistics(Database &db)
{
    if (db.tenantId().isNull())
        return noTenantError();
    return guarded(tr("reading the lexical statistics"), [&]() -> Result<LexicalStatistics> {
        auto &conn = databasePrivate(db)->conn;
        pqxx::nontransaction tx(conn);
        LexicalStatistics out;
        const auto memory = tenantIndex(tx, conn, db);
        if (!memory)
            return out;
        std::shared_lock read(memory->lock);
        out.documents = memory->live;
        out.totalLength = qint64(memory->totalLength);
        for (const auto &[lexeme, term] : memory->termOf)
            if (const qint64 df = memory->terms[term].df; df > 0)
                out.documentFrequencies.insert(
                    QString::fromUtf16(lexeme.data(), qsizetype(lexeme.size())), df);
        return out;
    });
}

} // namespace ke
