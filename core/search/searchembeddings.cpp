// The embedding half of SearchDocuments: the tenant's model (learned here, or an embeddings
// API's), the vectors of its documents page by page, and pgvector's column and index where the
// server has the extension. The documents themselves are built in searchdocuments.cpp.

#include "searchdocuments.h"

#include "database_p.h"
#include "httpembedder.h"
#include "lsaembedder.h"
#include "searchdocuments_p.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

namespace ke {

namespace {

/// A document's key (source type and id) as one byte string.
QByteArray documentKey(const pqxx::field &type, const pqxx::field &id)
{
    QByteArray key(type.c_str());
    key += '\x1f';
    key += id.c_str();
    return key;
}

constexpr int kRetrainMinGrowth = 200; // documents, together with doubling
// Documents per page of vectors (one transaction each). An embeddings API answers slowly and
// may fail midway: smaller pages keep more of an interrupted run.
constexpr int kEmbedPage = 1000;
constexpr int kEmbedPageHttp = 256;

Result<std::shared_ptr<const Embedder>> lsaFromBytes(const QByteArray &bytes)
{
    QTemporaryDir dir;
    if (!dir.isValid())
        return makeError(ErrorCode::Io, SearchDocuments::tr("cannot create a temporary directory"));
    const QString path = dir.filePath(QStringLiteral("model.lsa"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return makeError(ErrorCode::Io, SearchDocuments::tr("cannot write %1").arg(path));
    f.close();
    auto m = LsaEmbedder::load(path);
    if (!m)
        return m.error();
    return std::shared_ptr<const Embedder>(std::make_shared<LsaEmbedder>(std::move(*m)));
}

Result<QByteArray> lsaToBytes(const LsaEmbedder &model)
{
    QTemporaryDir dir;
    if (!dir.isValid())
        return makeError(ErrorCode::Io, SearchDocuments::tr("cannot create a temporary directory"));
    const QString path = dir.filePath(QStringLiteral("model.lsa"));
    if (auto r = model.save(path); !r)
        return r.error();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, SearchDocuments::tr("cannot read %1").arg(path));
    return f.readAll();
}

} // namespace

Result<std::shared_ptr<const Embedder>> SearchDocuments::loadCurrentModel(Database &db)
{
    return guarded(
        tr("loading the search model"), [&]() -> Result<std::shared_ptr<const Embedder>> {
            pqxx::nontransaction tx(databasePrivate(db)->conn);
            const pqxx::result r = tx.exec_params(
                "SELECT kind, name, model FROM "
                    + toStd(db.table(QStringLiteral("embedding_models")))
                    + " WHERE tenant_id = $1 ORDER BY created_at DESC, name LIMIT 1",
                uuidToStd(db.tenantId()));
            if (r.empty())
                return std::shared_ptr<const Embedder>();
            if (stringFromField(r[0][0]) == QLatin1String("http")) {
                auto o = HttpEmbedder::optionsFromEnvironment();
                if (!o)
                    return makeError(
                        ErrorCode::NotConfigured,
                        tr("the tenant's documents were embedded with the embeddings API model "
                           "'%1', but none is configured here — set KNOWLEDGE_EMBEDDINGS_URL and "
                           "KNOWLEDGE_EMBEDDINGS_MODEL")
                            .arg(stringFromField(r[0][1])));
                // Used to embed queries: a person waits, so the short limits.
                return std::shared_ptr<const Embedder>(
                    std::make_shared<HttpEmbedder>(HttpEmbedder::forQueries(*o)));
            }
            const pqxx::binarystring bytes(r[0][2]);
            return lsaFromBytes(
                QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size())));
        });
}

namespace searchdocs {

QString pgvectorIndexName(const QString &model)
{
    return QStringLiteral("search_embeddings_hnsw_")
        + QString::fromLatin1(
               QCryptographicHash::hash(model.toUtf8(), QCryptographicHash::Md5).toHex().left(16));
}

QString pgvectorExpression(int dimension)
{
    return QStringLiteral("(embedding_vector::vector(%1))").arg(dimension);
}

} // namespace searchdocs

namespace {

/// Whether search_embeddings has the pgvector column (added by syncPgvector).
bool hasVectorColumn(pqxx::transaction_base &tx, const std::string &embs)
{
    return !tx.exec_params("SELECT 1 FROM pg_attribute WHERE attrelid = $1::regclass AND "
                           "attname = 'embedding_vector' AND NOT attisdropped",
                           embs)
                .empty();
}

/// Where the database has the pgvector extension installed: the vector column, this model's
/// HNSW index, and the model's vectors copied into the column. Best effort — the exact scan
/// in C++ serves search without it — so a failure (e.g. a role that may not alter the table)
/// is reported as a note, never as a failed job.
QString syncPgvector(Database &db, const QString &model, int dimension, const QJsonArray &touched)
{
    auto &conn = databasePrivate(db)->conn;
    try {
        const std::string embs = toStd(db.table(QStringLiteral("search_embeddings")));
        const std::string index = toStd(searchdocs::pgvectorIndexName(model));
        bool haveColumn = false, haveIndex = false;
        {
            pqxx::nontransaction q(conn);
            if (q.exec("SELECT 1 FROM pg_extension WHERE extname = 'vector'").empty())
                return {};
            haveColumn = hasVectorColumn(q, embs);
            haveIndex = !q.exec_params("SELECT 1 FROM pg_indexes WHERE schemaname = $1 AND "
                                       "indexname = $2",
                                       toStd(db.settings().schema), index)
                             .empty();
        }
        // DDL only when something is missing: ALTER TABLE locks the table even when the
        // column exists, and online searches would wait for it.
        if (!haveColumn) {
            pqxx::work tx(conn);
            tx.exec("ALTER TABLE " + embs + " ADD COLUMN IF NOT EXISTS embedding_vector vector");
            tx.commit();
        }
        if (!haveIndex) {
            pqxx::work tx(conn);
            tx.exec("CREATE INDEX IF NOT EXISTS " + index + " ON " + embs + " USING hnsw ("
                    + toStd(searchdocs::pgvectorExpression(dimension))
                    + " vector_ip_ops) WHERE model = " + tx.quote(toStd(model)));
            tx.commit();
        }
        // The rows this run wrote and any never copied (the page upserts reset the column
        // to NULL whenever they change a vector, so an interrupted run leaves no stale copy).
        pqxx::work tx(conn);
        tx.exec_params("UPDATE " + embs
                           + " e SET embedding_vector = e.embedding::vector WHERE e.tenant_id = "
                             "$1 AND e.model = $2 AND e.embedding IS NOT NULL AND "
                             "(e.embedding_vector IS NULL OR (e.source_type, e.source_id) IN "
                             "(SELECT x.t, x.s FROM jsonb_to_recordset($3::jsonb) AS x(t text, "
                             "s text)))",
                       uuidToStd(db.tenantId()), toStd(model),
                       QJsonDocument(touched).toJson(QJsonDocument::Compact).toStdString());
        tx.commit();
        return {};
    } catch (const std::exception &e) {
        return SearchDocuments::tr("pgvector is installed but its index could not be kept "
                                   "(%1) — searching with the exact scan instead")
            .arg(QString::fromUtf8(e.what()).trimmed());
    }
}

/// One run of the embedding job for the session's tenant (SearchDocuments::embed): the model
/// chosen or learned, registered as the tenant's current one, then the vectors of the new and
/// changed documents written a page at a time.
class EmbeddingRun
{
public:
    EmbeddingRun(Database &db, SearchDocumentsReport &report,
                 std::shared_ptr<const Embedder> httpEmbedder, const std::atomic_bool *cancel)
        : m_db(db)
        , m_conn(databasePrivate(db)->conn)
        , m_report(report)
        , m_http(httpEmbedder != nullptr)
        , m_cancel(cancel)
        , m_tenant(uuidToStd(db.tenantId()))
        , m_docs(toStd(db.table(QStringLiteral("search_documents"))))
        , m_embs(toStd(db.table(QStringLiteral("search_embeddings"))))
        , m_models(toStd(db.table(QStringLiteral("embedding_models"))))
        // Every write of a vector takes a new change number (0011: online search's freshness).
        , m_vectorSeq(toStd(QStringLiteral("nextval('%1.search_embeddings_change_seq')")
                                .arg(Database::quoteQualified(db.settings().schema))))
        , m_embedder(std::move(httpEmbedder))
    { }

    Result<void> run()
    {
        auto chosen = chooseModel();
        if (!chosen)
            return chosen.error();
        if (!*chosen)
            return {}; // nothing to learn from, nothing to embed
        registerIfDimensionKnown();
        findWork();
        if (auto embedded = embedPages(); !embedded)
            return embedded;
        {
            pqxx::nontransaction q(m_conn);
            q.exec("DROP TABLE IF EXISTS pg_temp.ke_se_todo");
        }
        if (m_embedder->dimension() > 0) // else nothing was ever embedded with it
            m_report.note = syncPgvector(m_db, m_model, m_embedder->dimension(), m_touched);
        return {};
    }

private:
    /// The model to embed with: the embeddings API's, or the tenant's LSA model — learned
    /// anew when there is none, when it is of an older format, or when the corpus has doubled
    /// (by kRetrainMinGrowth documents at least). False: no documents and no model.
    Result<bool> chooseModel()
    {
        if (!m_embedder) {
            m_kind = QStringLiteral("lsa");
            bool haveModel = false;
            // The current model of an older format (another stemmer: textanalyzer.h) is
            // relearned, not used: its terms would not all match the queries'.
            bool staleModel = false;
            for (int attempt = 0; attempt < 2 && !m_embedder; ++attempt) {
                if (attempt == 1) { // not relearned: is the current model still readable?
                    if (!haveModel)
                        break;
                    auto loaded = SearchDocuments::loadCurrentModel(m_db);
                    if (loaded) {
                        m_embedder = *loaded;
                        break;
                    }
                    if (!loaded.error().is(ErrorCode::CorruptModel))
                        return loaded.error();
                    staleModel = true;
                }
                pqxx::nontransaction q(m_conn);
                const qint64 corpus = q.exec_params("SELECT count(*) FROM " + m_docs
                                                        + " WHERE tenant_id = $1 AND NOT retired",
                                                    m_tenant)[0][0]
                                          .as<qint64>();
                const pqxx::result cur
                    = q.exec_params("SELECT name, trained_on FROM " + m_models
                                        + " WHERE tenant_id = $1 AND kind = 'lsa' ORDER BY "
                                          "created_at DESC, name LIMIT 1",
                                    m_tenant);
                const qint64 was = cur.empty() ? 0 : cur[0][1].as<qint64>();
                const bool retrain = cur.empty() || staleModel
                    || (corpus >= 2 * was && corpus - was >= kRetrainMinGrowth);
                haveModel = !cur.empty();
                if (corpus == 0 && cur.empty())
                    return false; // nothing to learn from, nothing to embed
                if (retrain) {
                    for (const auto &row :
                         q.exec_params("SELECT content, source_type, source_id FROM " + m_docs
                                           + " WHERE tenant_id = $1 AND NOT retired"
                                             " ORDER BY source_type, source_id",
                                       m_tenant)) {
                        m_trainedIndex.insert(documentKey(row[1], row[2]), m_corpusTexts.size());
                        m_corpusTexts << stringFromField(row[0]);
                    }
                    LsaEmbedder::Options options;
                    // A small corpus has few terms in two documents: keep every term then.
                    if (m_corpusTexts.size() < 100)
                        options.minDocumentFrequency = 1;
                    QElapsedTimer trainTimer;
                    trainTimer.start();
                    auto trained = LsaEmbedder::train(m_corpusTexts, options, &m_corpusVectors);
                    m_report.trainingSeconds = double(trainTimer.nsecsElapsed()) / 1e9;
                    if (!trained && cur.empty())
                        return makeError(
                            trained.error().code,
                            SearchDocuments::tr(
                                "cannot learn the local search model from %n document(s): %1", "",
                                int(m_corpusTexts.size()))
                                .arg(trained.error().message));
                    if (trained) {
                        auto bytes = lsaToBytes(*trained);
                        if (!bytes)
                            return bytes.error();
                        m_modelBytes = *bytes;
                        m_trainedOn = m_corpusTexts.size();
                        m_embedder = std::make_shared<LsaEmbedder>(std::move(*trained));
                        m_report.modelTrained = true;
                    }
                }
            }
            if (!m_embedder && !haveModel)
                return false;
            if (!m_embedder) {
                auto loaded = SearchDocuments::loadCurrentModel(m_db);
                if (!loaded)
                    return loaded.error();
                m_embedder = *loaded;
            }
        }
        m_model = m_embedder->name();
        m_report.model = m_model;
        return true;
    }

    /// The model becomes the tenant's current one; other models' vectors go. Its row needs
    /// the dimension (CHECK dimension > 0), which an embeddings API only tells with its first
    /// answer: then the model is registered together with the first page of vectors.
    void registerModel(pqxx::work &tx, int dimension)
    {
        if (m_report.modelTrained) {
            tx.exec_params(
                "INSERT INTO " + m_models
                    + " (tenant_id, name, dimension, model, kind, trained_on, created_at)"
                      " VALUES ($1, $2, $3, decode($4, 'hex'), 'lsa', $5, clock_timestamp())"
                      " ON CONFLICT (tenant_id, name) DO UPDATE SET created_at = "
                      "clock_timestamp()",
                m_tenant, toStd(m_model), dimension, m_modelBytes.toHex().toStdString(),
                m_trainedOn);
        } else {
            const pqxx::result cur = tx.exec_params(
                "SELECT name FROM " + m_models
                    + " WHERE tenant_id = $1 ORDER BY created_at DESC, name LIMIT 1",
                m_tenant);
            if (cur.empty() || stringFromField(cur[0][0]) != m_model) {
                tx.exec_params("INSERT INTO " + m_models
                                   + " (tenant_id, name, dimension, model, kind, created_at)"
                                     " VALUES ($1, $2, $3, NULL, $4, clock_timestamp())"
                                     " ON CONFLICT (tenant_id, name) DO UPDATE SET created_at "
                                     "= clock_timestamp(), dimension = excluded.dimension",
                               m_tenant, toStd(m_model), dimension, toStd(m_kind));
            }
        }
        // Older LSA models are of no use any more (their vectors are removed below).
        tx.exec_params("DELETE FROM " + m_models
                           + " WHERE tenant_id = $1 AND name <> $2 AND kind = 'lsa'",
                       m_tenant, toStd(m_model));
        // Other models' vectors, by the model index: no pass over every vector. (Those of
        // retired documents go with the join that finds the work, below.)
        for (const auto &row : tx.exec_params("SELECT DISTINCT model FROM " + m_embs
                                                  + " WHERE tenant_id = $1 AND model <> $2",
                                              m_tenant, toStd(m_model)))
            m_report.embeddingsRemoved += qint64(
                tx.exec_params("DELETE FROM " + m_embs + " WHERE tenant_id = $1 AND model = $2",
                               m_tenant, row[0].c_str())
                    .affected_rows());
    }

    /// Registers the model now when its dimension is known (a local model, or an API model
    /// an earlier run registered).
    void registerIfDimensionKnown()
    {
        int dimension = m_embedder->dimension();
        if (dimension <= 0) {
            // An API model registered by an earlier run already knows its dimension.
            pqxx::nontransaction q(m_conn);
            const pqxx::result known = q.exec_params("SELECT dimension FROM " + m_models
                                                         + " WHERE tenant_id = $1 AND name = $2",
                                                     m_tenant, toStd(m_model));
            if (!known.empty())
                dimension = known[0][0].as<int>();
        }
        if (dimension > 0) {
            pqxx::work tx(m_conn);
            registerModel(tx, dimension);
            tx.commit();
            m_registered = true;
        }
    }

    /// What needs a vector, into ke_se_todo; the vectors that only need their dataset are
    /// updated, those of retired documents removed.
    void findWork()
    {
        {
            pqxx::nontransaction q(m_conn);
            m_vectorColumn = hasVectorColumn(q, m_embs);
            m_pgvector = !q.exec("SELECT 1 FROM pg_extension WHERE extname = 'vector'").empty();
        }
        // What needs a vector, found once by one join: a join per page would let the planner,
        // whose statistics still see the vectors table as it was before the run, sort every
        // vector written so far at each page (quadratic).
        {
            pqxx::work q(m_conn);
            // The writers of a tenant's search rows take turns (as refreshDocuments): the
            // vectors' change numbers then commit in order, which online search's copy of the
            // vectors relies on to fetch only what changed (onlinevectors.cpp).
            q.exec_params("SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))",
                          toStd(searchdocs::lockKey(m_db.settings().schema)), m_tenant);
            q.exec("DROP TABLE IF EXISTS pg_temp.ke_se_todo");
            q.exec("SET LOCAL enable_nestloop = off"); // see refreshDocuments()
            // current: the vector is right, only the document's dataset changed; gone: the
            // document was retired (documents are retired, never deleted), its vector goes.
            q.exec_params("CREATE TEMP TABLE ke_se_todo AS SELECT d.source_type, d.source_id, "
                          "d.dataset_id, d.content, d.created_at, e.content IS NOT DISTINCT FROM "
                          "d.content AS current, d.retired AS gone FROM "
                              + m_docs + " d LEFT JOIN " + m_embs
                              + " e ON e.tenant_id = $1 AND e.source_type = d.source_type AND "
                                "e.source_id = d.source_id AND e.model = $2 WHERE d.tenant_id = "
                                "$1 AND CASE WHEN d.retired THEN e.id IS NOT NULL ELSE e.id IS "
                                "NULL OR e.content IS DISTINCT FROM d.content OR e.dataset_id IS "
                                "DISTINCT FROM d.dataset_id END",
                          m_tenant, toStd(m_model));
            q.exec("CREATE UNIQUE INDEX ON ke_se_todo (source_type, source_id)");
            q.exec("ANALYZE ke_se_todo");
            if (!q.exec("SELECT 1 FROM ke_se_todo WHERE current AND NOT gone LIMIT 1").empty())
                q.exec_params("UPDATE " + m_embs
                                  + " e SET dataset_id = t.dataset_id, change_seq = " + m_vectorSeq
                                  + " FROM ke_se_todo t WHERE "
                                    "t.current AND NOT t.gone AND e.tenant_id = $1 AND e.model = "
                                    "$2 AND e.source_type = t.source_type AND e.source_id = "
                                    "t.source_id",
                              m_tenant, toStd(m_model));
            if (!q.exec("SELECT 1 FROM ke_se_todo WHERE gone LIMIT 1").empty())
                m_report.embeddingsRemoved += qint64(
                    q.exec_params("DELETE FROM " + m_embs
                                      + " e USING ke_se_todo t WHERE t.gone AND e.tenant_id = $1 "
                                        "AND e.model = $2 AND e.source_type = t.source_type AND "
                                        "e.source_id = t.source_id",
                                  m_tenant, toStd(m_model))
                        .affected_rows());
            q.commit();
        }
    }

    /// New or changed documents, a page at a time in key order (keyset paging: each page
    /// starts where the last one ended, so the run stays linear), each page its own
    /// transaction, so an interrupted run keeps what it did. A page's vectors go in by COPY
    /// into a scratch table and one upsert from it.
    Result<void> embedPages()
    {
        std::string afterType, afterId; // the last key of the previous page ('' sorts first)
        std::string literal;
        for (;;) {
            if (m_cancel && m_cancel->load())
                return makeError(ErrorCode::Cancelled, SearchDocuments::tr("cancelled"));
            pqxx::work tx(m_conn);
            tx.exec_params("SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))",
                           toStd(searchdocs::lockKey(m_db.settings().schema)), m_tenant);
            // Derived rows that the next run recomputes: no need to wait for the WAL flush.
            tx.exec("SET LOCAL synchronous_commit = off");
            const pqxx::result page = tx.exec_params(
                "SELECT source_type, source_id, dataset_id, content, created_at "
                "FROM ke_se_todo WHERE NOT current AND NOT gone AND (source_type, source_id) > "
                "($1::varchar, $2::text) ORDER BY source_type, source_id LIMIT $3",
                afterType, afterId, m_http ? kEmbedPageHttp : kEmbedPage);
            if (page.empty())
                break;
            afterType = page[page.size() - 1][0].c_str();
            afterId = page[page.size() - 1][1].c_str();
            std::vector<EmbeddingVector> vectors(page.size());
            QStringList texts;
            std::vector<size_t> toEmbed;
            for (size_t i = 0; i < page.size(); ++i) {
                const auto &row = page[int(i)];
                const QString content = stringFromField(row[3]);
                const qsizetype known = m_trainedIndex.value(documentKey(row[0], row[1]), -1);
                if (known >= 0 && size_t(known) < m_corpusVectors.size()
                    && m_corpusTexts.at(known) == content
                    && !m_corpusVectors[size_t(known)].empty()) {
                    vectors[i] = std::move(m_corpusVectors[size_t(known)]);
                } else {
                    texts << content;
                    toEmbed.push_back(i);
                }
            }
            if (!texts.isEmpty()) {
                auto embedded = m_embedder->embed(texts);
                if (!embedded)
                    return embedded.error();
                for (size_t j = 0; j < toEmbed.size(); ++j)
                    vectors[toEmbed[j]] = std::move((*embedded)[j]);
            }
            if (!m_registered) {
                if (m_embedder->dimension() <= 0)
                    return makeError(
                        ErrorCode::BadEmbedding,
                        SearchDocuments::tr("the embedding model %1 answered vectors without any "
                                            "numbers — check the embeddings service and its model")
                            .arg(m_model));
                registerModel(tx, m_embedder->dimension());
                m_registered = true;
            }
            tx.exec("CREATE TEMP TABLE ke_se_page (t varchar(16), s text, d uuid, c text, at "
                    "timestamptz, e real[], p bytea) ON COMMIT DROP");
            {
                pqxx::stream_to copy(tx, "ke_se_page",
                                     std::vector<std::string>{"t", "s", "d", "c", "at", "e", "p"});
                for (int i = 0; i < int(page.size()); ++i) {
                    const auto &row = page[i];
                    const EmbeddingVector &v = vectors[size_t(i)];
                    searchdocs::appendArrayLiteral(literal, v);
                    const std::string packed
                        = "\\x" + searchdocs::packVector(v).toHex().toStdString();
                    copy << std::make_tuple(
                        row[0].c_str(), row[1].c_str(), row[2].is_null() ? nullptr : row[2].c_str(),
                        row[3].c_str(), row[4].is_null() ? nullptr : row[4].c_str(), literal,
                        packed);
                    if (m_pgvector)
                        m_touched.append(
                            QJsonObject{{QStringLiteral("t"), stringFromField(row[0])},
                                        {QStringLiteral("s"), stringFromField(row[1])}});
                }
                copy.complete();
            }
            tx.exec_params(
                "INSERT INTO " + m_embs
                    + " AS e (tenant_id, id, source_type, source_id, dataset_id, content, "
                      "embedding, packed, model, dimension, created_at)"
                      " SELECT $1, gen_random_uuid(), x.t, x.s, x.d, x.c, x.e, x.p, $2, $3,"
                      " coalesce(x.at, now()) FROM ke_se_page x "
                      "ON CONFLICT (tenant_id, source_type, source_id, model) DO UPDATE SET"
                      " dataset_id = excluded.dataset_id, content = excluded.content,"
                      " embedding = excluded.embedding, packed = excluded.packed, dimension = "
                      "excluded.dimension, change_seq = "
                    + m_vectorSeq + std::string(m_vectorColumn ? ", embedding_vector = NULL" : ""),
                m_tenant, toStd(m_model), m_embedder->dimension());
            tx.commit();
            m_report.documentsEmbedded += qint64(page.size());
        }
        return {};
    }

    Database &m_db;
    pqxx::connection &m_conn;
    SearchDocumentsReport &m_report;
    const bool m_http; ///< an embeddings API's model (smaller pages); before m_embedder, which
                       ///< the constructor moves the API's model into
    const std::atomic_bool *m_cancel;
    const std::string m_tenant, m_docs, m_embs, m_models, m_vectorSeq;
    std::shared_ptr<const Embedder> m_embedder;
    QString m_kind = QStringLiteral("http");
    QString m_model;
    // A model learned in this run gives the vectors of its corpus with it (texts, vectors,
    // where each document is): the page loop takes those (while the document still reads the
    // same) instead of embedding again.
    QStringList m_corpusTexts;
    std::vector<EmbeddingVector> m_corpusVectors;
    QHash<QByteArray, qsizetype> m_trainedIndex;
    QByteArray m_modelBytes;
    qint64 m_trainedOn = 0;
    bool m_registered = false;
    bool m_vectorColumn = false, m_pgvector = false;
    QJsonArray m_touched; ///< the documents written, only where pgvector needs them
};

} // namespace

Result<void> SearchDocuments::embed(Database &db, SearchDocumentsReport &report,
                                    std::shared_ptr<const Embedder> httpEmbedder,
                                    const std::atomic_bool *cancel)
{
    return guarded(tr("embedding the searchable documents"), [&]() -> Result<void> {
        return EmbeddingRun(db, report, std::move(httpEmbedder), cancel).run();
    });
}

} // namespace ke
