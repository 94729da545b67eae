#include "onlinesearch.h"

#include "bm25.h"
#include "searchengine.h"

#include "database_p.h"
#include "fulltextquery.h"
#include "httpembedder.h"
#include "onlinevectors_p.h"
#include "processshared_p.h"
#include "searchdocuments.h"
#include "searchdocuments_p.h"
#include "textanalyzer.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>
#include <shared_mutex>

namespace ke {

namespace {

QString keyOf(const QString &type, const QString &id)
{
    return type + QLatin1Char('\x1f') + id;
}

/// A tsvector as PostgreSQL prints it ('lexeme':1,5B 'other' …): each lexeme with its number
/// of positions (1 when it has none) — what array_length(positions, 1) gives in SQL.
std::vector<std::pair<QString, quint32>> parseTsvector(const char *p, size_t n)
{
    std::vector<std::pair<QString, quint32>> out;
    const char *end = p + n;
    std::string lexeme;
    while (p < end) {
        while (p < end && *p == ' ')
            ++p;
        if (p >= end || *p != '\'')
            break;
        ++p;
        lexeme.clear();
        while (p < end) {
            if (*p == '\'' && p + 1 < end && p[1] == '\'') {
                lexeme.push_back('\'');
                p += 2;
            } else if (*p == '\\' && p + 1 < end) {
                lexeme.push_back(p[1]);
                p += 2;
            } else if (*p == '\'') {
                ++p;
                break;
            } else {
                lexeme.push_back(*p++);
            }
        }
        quint32 tf = 1;
        if (p < end && *p == ':') {
            ++p;
            while (p < end && *p != ' ') {
                if (*p == ',')
                    ++tf;
                ++p;
            }
        }
        out.emplace_back(QString::fromUtf8(lexeme.data(), qsizetype(lexeme.size())), tf);
    }
    return out;
}

/// One tenant's lexical index in memory: its live (not retired) documents' lexemes with term
/// frequencies and lengths, each lexeme's document frequency, the live count and total length
/// — everything BM25 needs (bm25.h). Brought up to date by change_seq: a changed document's
/// old slot is retired in place (its postings stay, skipped by `live`) and it takes a new
/// one; when retired slots outnumber live ones, the next refresh loads the tenant afresh.
/// Shared by the OnlineSearch instances of the process (sharedInProcess<LexicalIndex>()); `lock`
/// guards the data (shared by searches, exclusive while a refresh applies rows), `refreshing` lets
/// one thread at a time fetch changes.
struct LexicalIndex
{
    struct Doc
    {
        QString sourceType, sourceId, datasetId, investigationId;
        QDateTime createdAt;
        double feedbackScore = 0;
        quint32 length = 0; ///< lexemes in its tsvector (length(tsv), as the SQL path)
        bool live = false;
        std::vector<quint32> terms;
    };
    struct Posting
    {
        quint32 doc;
        quint32 tf;
    };
    struct Term
    {
        std::vector<Posting> postings;
        qint64 df = 0; ///< live documents with the lexeme
    };

    std::shared_mutex lock;
    std::mutex refreshing;
    qint64 watermark = 0; ///< the newest change_seq applied
    std::vector<Doc> docs;
    /// Per slot, its length, or kRetired: what the scoring loop reads for every posting, kept
    /// apart from `docs` so that a million postings stay in the cache.
    static constexpr quint32 kRetired = 0xffffffffu;
    std::vector<quint32> lengthOf;
    QHash<QString, quint32> slotOf; // keyOf(type, id) -> docs index
    textanalyzer::WordMap<quint32> termOf; // lexeme -> terms index
    std::vector<Term> terms;
    qint64 live = 0;
    double totalLength = 0;

    void clear()
    {
        watermark = 0;
        docs.clear();
        lengthOf.clear();
        slotOf.clear();
        termOf.clear();
        terms.clear();
        live = 0;
        totalLength = 0;
    }

    bool wantsReload() const
    {
        const qint64 retired = qint64(docs.size()) - live;
        return retired > 1000 && retired > live;
    }

    void retire(quint32 slot)
    {
        Doc &d = docs[slot];
        if (!d.live)
            return;
        d.live = false;
        lengthOf[slot] = kRetired;
        for (quint32 t : d.terms)
            --terms[t].df;
        --live;
        totalLength -= d.length;
        d.terms = {};
    }

    /// One row of search_documents (the columns of refresh()'s statement).
    void apply(const pqxx::row &row)
    {
        const QString key = keyOf(stringFromField(row[0]), stringFromField(row[1]));
        if (auto it = slotOf.find(key); it != slotOf.end()) {
            retire(*it);
            slotOf.erase(it);
        }
        watermark = std::max(watermark, row[7].as<qint64>());
        if (row[6].as<bool>())
            return;
        Doc d;
        readColumns(row, 0, d.sourceType, d.sourceId, d.datasetId, d.investigationId, d.createdAt,
                    d.feedbackScore);
        d.live = true;
        const quint32 slot = quint32(docs.size());
        const auto lexemes = parseTsvector(row[8].c_str(), row[8].size());
        d.length = quint32(lexemes.size());
        d.terms.reserve(lexemes.size());
        for (const auto &[lexeme, tf] : lexemes) {
            auto t = termOf.find(textanalyzer::view(lexeme));
            if (t == termOf.end()) {
                t = termOf
                        .emplace(std::u16string(textanalyzer::view(lexeme)), quint32(terms.size()))
                        .first;
                terms.emplace_back();
            }
            terms[t->second].postings.push_back({slot, tf});
            ++terms[t->second].df;
            d.terms.push_back(t->second);
        }
        ++live;
        totalLength += d.length;
        lengthOf.push_back(d.length);
        docs.push_back(std::move(d));
        slotOf.insert(key, slot);
    }
};

/// A search's statements are the same text every time; planning them was a third of their time.
template <typename... Args>
pqxx::result execPrepared(pqxx::transaction_base &tx, pqxx::connection_base &conn,
                          const std::string &sql, Args &&...args)
{
    return ke::execPrepared(tx, conn, "ke_search_", sql, std::forward<Args>(args)...);
}

/// The statement every lexical search starts with: the tenant's newest change_seq as this
/// session sees it (row-level security: NULL when it sees none of the tenant's documents),
/// the lexemes of $2 with their counts, and the table's oid. $1 tenant, $3 the table.
std::string headSql(const QString &docs)
{
    return toStd(QStringLiteral("SELECT (SELECT max(change_seq) FROM %1 WHERE tenant_id = "
                                "$1::uuid), to_tsvector('english', $2)::text, "
                                "$3::regclass::oid::text")
                     .arg(docs));
}

/// The shared index of the tenant, brought up to the change_seq `head` (headSql's row, its
/// change_seq not NULL) says this session sees: only then is it handed to the session.
std::shared_ptr<LexicalIndex> upToDateIndex(pqxx::transaction_base &tx, pqxx::connection &conn,
                                            const QString &docs, const std::string &tenant,
                                            const QUuid &tenantId, const pqxx::row &head)
{
    const qint64 seen = head[0].as<qint64>();
    // The table's oid in the key: a schema dropped and made again under the same name (tests,
    // eval-search) is another table, with change_seq from 1 again.
    auto text = [](const char *p) { return QString::fromUtf8(p ? p : ""); };
    std::shared_ptr<LexicalIndex> memory = sharedInProcess<LexicalIndex>(
        text(conn.dbname()) + QLatin1Char('/') + text(conn.hostname()) + QLatin1Char(':')
        + text(conn.port()) + QLatin1Char('/') + docs + QLatin1Char('/') + stringFromField(head[2])
        + QLatin1Char('/') + tenantId.toString());
    auto isFresh = [&]() {
        std::shared_lock read(memory->lock);
        return memory->watermark >= seen && !memory->wantsReload();
    };
    if (isFresh())
        return memory;
    std::lock_guard one(memory->refreshing);
    if (isFresh())
        return memory;
    qint64 from = 0;
    {
        std::unique_lock write(memory->lock);
        // Retired slots outnumber live ones: load the tenant afresh.
        if (memory->wantsReload())
            memory->clear();
        from = memory->watermark;
    }
    const pqxx::result rows = tx.exec_params(
        toStd(QStringLiteral("SELECT source_type, source_id, dataset_id, investigation_id, "
                             "created_at, feedback_score, retired, change_seq, tsv::text FROM %1 "
                             "WHERE tenant_id = $1::uuid AND change_seq > $2 ORDER BY change_seq")
                  .arg(docs)),
        tenant, from);
    std::unique_lock write(memory->lock);
    for (const auto &row : rows)
        memory->apply(row);
    return memory;
}

/// The session's tenant's shared index brought up to date, without a query (warm(),
/// lexicalStatistics()); null when the session sees none of the tenant's documents.
std::shared_ptr<LexicalIndex> tenantIndex(pqxx::transaction_base &tx, pqxx::connection &conn,
                                          Database &db)
{
    const QString docs = db.table(QStringLiteral("search_documents"));
    const std::string tenant = uuidToStd(db.tenantId());
    const pqxx::result head
        = execPrepared(tx, conn, headSql(docs), tenant, std::string(), toStd(docs));
    if (head[0][0].is_null())
        return nullptr;
    return upToDateIndex(tx, conn, docs, tenant, db.tenantId(), head[0]);
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

        // 1. Lexical: PostgreSQL finds the candidates, BM25 (as FTS5 offline) ranks them.
        struct Lex
        {
            QString key;
            double bm25;
        };
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
                // BM25 of every live document with a query word, exactly (bm25.h).
                const auto query = parseTsvector(head[0][1].c_str(), head[0][1].size());
                const QString wantedDataset = request.datasetId.isEmpty()
                    ? QString()
                    : QUuid::fromString(request.datasetId).toString(QUuid::WithoutBraces);
                thread_local std::vector<double> score;
                thread_local std::vector<quint32> touched;
                std::vector<std::pair<double, quint32>> ranked;
                {
                    std::shared_lock read(memory->lock);
                    const LexicalIndex &m = *memory;
                    const double n = double(m.live);
                    const double averageLength
                        = m.live > 0 && m.totalLength > 0 ? m.totalLength / n : 1.0;
                    if (score.size() < m.docs.size())
                        score.resize(m.docs.size(), 0.0);
                    touched.clear();
                    for (const auto &[lexeme, count] : query) {
                        const auto t = m.termOf.find(textanalyzer::view(lexeme));
                        if (t == m.termOf.end())
                            continue;
                        const LexicalIndex::Term &term = m.terms[t->second];
                        const double idf = bm25::idf(n, double(term.df));
                        for (const LexicalIndex::Posting &p : term.postings) {
                            const quint32 length = m.lengthOf[p.doc];
                            if (length == LexicalIndex::kRetired)
                                continue;
                            if (score[p.doc] == 0.0)
                                touched.push_back(p.doc);
                            score[p.doc] += double(count)
                                * bm25::termScore(idf, double(p.tf), double(length), averageLength);
                        }
                    }
                    ranked.reserve(touched.size());
                    const bool filtered
                        = !wantedDataset.isEmpty() || !request.sourceTypes.isEmpty();
                    for (quint32 i : touched) {
                        const LexicalIndex::Doc &doc = m.docs[i];
                        if (!filtered
                            || ((wantedDataset.isEmpty() || doc.datasetId == wantedDataset)
                                && (request.sourceTypes.isEmpty()
                                    || request.sourceTypes.contains(doc.sourceType))))
                            ranked.emplace_back(score[i], i);
                        score[i] = 0.0;
                    }
                    const size_t k = std::min(ranked.size(), size_t(perSignal));
                    std::partial_sort(ranked.begin(), ranked.begin() + qsizetype(k), ranked.end(),
                                      [&](const auto &a, const auto &b) {
                                          if (a.first != b.first)
                                              return a.first > b.first;
                                          const LexicalIndex::Doc &x = m.docs[a.second];
                                          const LexicalIndex::Doc &y = m.docs[b.second];
                                          if (x.sourceType != y.sourceType)
                                              return x.sourceType < y.sourceType;
                                          return x.sourceId < y.sourceId;
                                      });
                    ranked.resize(k);
                    for (const auto &[value, i] : ranked)
                        lexical.append({keyOf(m.docs[i].sourceType, m.docs[i].sourceId), value});
                }
            }
        } else if (request.mode != SearchMode::Vector) {
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
                    .arg(docs, filter,
                         bm25::termScoreSql(
                             bm25::idfSql(QStringLiteral("s.n"), QStringLiteral("df.n")),
                             QStringLiteral("u.tf"), QStringLiteral("length(c.tsv)"),
                             QStringLiteral("s.avgdl"))));
            const pqxx::result r
                = tx.exec_params(sql, tenant, dataset, types, tsText, d->options.lexicalPrefilter);
            for (const auto &row : r)
                lexical.append(
                    {keyOf(stringFromField(row[0]), stringFromField(row[1])), row[2].as<double>()});
        }
        if (cancelled())
            return makeError(ErrorCode::Cancelled, tr("cancelled"));

        // 2. Vector: exact inner product over the tenant's vectors of the current model.
        QList<QString> vector;
        if (d->embedder && request.mode != SearchMode::Lexical) {
            auto qv = d->embedder->embed({request.text});
            if (!qv) {
                outcome.note = tr("semantic search unavailable (%1) — lexical results only")
                                   .arg(qv.error().message);
            } else {
                const EmbeddingVector q = std::move(qv->front());
                const std::string model = toStd(d->embedder->name());
                // pgvector's index, when the embedding job built one for this model.
                bool served = false;
                if (d->serverVectorIndex(tx, db) && dotProduct(q, q) > 0.5f) {
                    QString literal = searchdocs::arrayLiteral(q);
                    literal[0] = QLatin1Char('[');
                    literal[literal.size() - 1] = QLatin1Char(']');
                    try {
                        tx.exec("SELECT set_config('hnsw.ef_search', '"
                                + std::to_string(std::clamp(perSignal * 2, 40, 1000))
                                + "', false)");
                        const pqxx::result r = tx.exec_params(
                            toStd(QStringLiteral(
                                      "SELECT e.source_type, e.source_id FROM %1 e JOIN %2 d ON "
                                      "d.tenant_id = e.tenant_id AND d.source_type = "
                                      "e.source_type AND d.source_id = e.source_id WHERE "
                                      "e.tenant_id = $1::uuid AND e.model = %3 AND %4 "
                                      "ORDER BY %5 <#> $4::vector(%6) LIMIT $5")
                                      .arg(embs, docs, QString::fromStdString(tx.quote(model)),
                                           filter,
                                           QStringLiteral("e.")
                                               + searchdocs::pgvectorExpression(
                                                     d->embedder->dimension())
                                                     .mid(1)
                                                     .chopped(1))
                                      .arg(d->embedder->dimension())),
                            tenant, dataset, types, toStd(literal), perSignal);
                        // The index covers the model, not the tenant or the filters, which
                        // apply after its scan: when that leaves fewer than asked for, the
                        // exact scan below answers instead.
                        if (r.size() >= size_t(perSignal)) {
                            for (const auto &row : r)
                                vector.append(
                                    keyOf(stringFromField(row[0]), stringFromField(row[1])));
                            served = true;
                        }
                    } catch (const pqxx::sql_error &e) {
                        // Not usable after all (e.g. the extension was dropped): the exact
                        // scan below, from now on.
                        d->pgvectorReady = false;
                        outcome.note = tr("pgvector index not usable (%1) — exact vector scan")
                                           .arg(QString::fromUtf8(e.what()).trimmed());
                    }
                }
                // A query the model knows no word of embeds to zero: skip it (as offline).
                if (!served && dotProduct(q, q) > 0.5f) {
                    onlinevectors::Query scan;
                    scan.vector = &q;
                    scan.keep = perSignal;
                    scan.datasetId = request.datasetId;
                    scan.sourceTypes = request.sourceTypes;
                    const onlinevectors::Found found = onlinevectors::top(
                        tx, conn, {docs, embs, db.table(QStringLiteral("embedding_models"))},
                        tenant, model, scan);
                    for (const auto &[type, id] : found.best)
                        vector.append(keyOf(type, id));
                    // The job learned a new model since this one was loaded: the next search
                    // embeds with it (this model's vectors are going or gone).
                    if (!found.modelIsCurrent)
                        d->models.remove(db.tenantId());
                }
            }
        } else if (outcome.note.isEmpty() && request.mode == SearchMode::Vector) {
            outcome.note = d->embedderNote.isEmpty()
                ? tr("no embedding model yet (run `knowledgectl embed`) — no semantic results")
                : tr("semantic search unavailable (%1)").arg(d->embedderNote);
        } else if (outcome.note.isEmpty() && request.mode != SearchMode::Lexical) {
            outcome.note = d->embedderNote.isEmpty()
                ? tr("no embedding model yet (run `knowledgectl embed`) — lexical results only")
                : tr("semantic search unavailable (%1) — lexical results only")
                      .arg(d->embedderNote);
        }
        if (cancelled())
            return makeError(ErrorCode::Cancelled, tr("cancelled"));

        // 3. Fusion with the shared ranking code.
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
        for (int i = 0; i < lexical.size() && i < perSignal; ++i)
            candidateFor(lexical.at(i).key).lexicalRank = i + 1;
        for (int i = 0; i < vector.size(); ++i)
            candidateFor(vector.at(i)).vectorRank = i + 1;
        if (candidates.isEmpty())
            return outcome;

        struct Meta
        {
            QString datasetId, investigationId;
            QDateTime createdAt;
            double feedback = 0;
        };
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
                            k,
                            {doc.datasetId, doc.investigationId, doc.createdAt, doc.feedbackScore});
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
                tx, conn,
                toStd(QStringLiteral(
                          "SELECT d.source_type, d.source_id, d.dataset_id, d.investigation_id, "
                          "d.created_at,"
                          " d.feedback_score FROM %1 d JOIN jsonb_array_elements($2::jsonb) w"
                          " ON d.source_type = w->>0 AND d.source_id = w->>1 WHERE d.tenant_id = "
                          "$1::uuid")
                          .arg(docs)),
                tenant, wantedJson);
            for (const auto &row : r)
                meta.insert(keyOf(stringFromField(row[0]), stringFromField(row[1])),
                            {stringFromField(row[2]), stringFromField(row[3]),
                             timestampFromField(row[4]), row[5].as<double>()});
        }
        for (auto &c : candidates) {
            const Meta m = meta.value(keys.at(int(c.id)));
            c.createdAt = m.createdAt;
            c.feedbackScore = m.feedback;
        }
        ranking::rank(candidates, now, d->options.parameters.ranking);
        if (candidates.size() > request.limit)
            candidates.resize(std::max(0, request.limit));

        QHash<QString, QString> snippets;
        if (request.snippets && !candidates.isEmpty()) {
            QJsonArray top;
            for (const auto &c : std::as_const(candidates)) {
                const QString &k = keys.at(int(c.id));
                const qsizetype sep = k.indexOf(QLatin1Char('\x1f'));
                top.append(QJsonArray{k.left(sep), k.mid(sep + 1)});
            }
            const pqxx::result r = execPrepared(
                tx, conn,
                toStd(QStringLiteral(
                          "SELECT d.source_type, d.source_id, ts_headline('english', d.content,"
                          " websearch_to_tsquery('english', $3), $4) FROM %1 d"
                          " JOIN jsonb_array_elements($2::jsonb) w"
                          " ON d.source_type = w->>0 AND d.source_id = w->>1 WHERE d.tenant_id = "
                          "$1::uuid")
                          .arg(docs)),
                tenant, QJsonDocument(top).toJson(QJsonDocument::Compact).toStdString(), tsText,
                std::string("StartSel=«, StopSel=», MaxWords=35, MinWords=12, MaxFragments=2, "
                            "FragmentDelimiter=\" … \""));
            for (const auto &row : r)
                snippets.insert(keyOf(stringFromField(row[0]), stringFromField(row[1])),
                                stringFromField(row[2]).simplified());
        }
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
