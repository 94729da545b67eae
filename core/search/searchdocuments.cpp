#include "searchdocuments.h"

#include "database_p.h"
#include "httpembedder.h"
#include "lsaembedder.h"
#include "searchdocuments_p.h"
#include "sqltemplate_p.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtEndian>

#include <charconv>
#include <optional>

namespace ke {

namespace searchdocs {

QByteArray packVector(const EmbeddingVector &v)
{
    QByteArray out(qsizetype(v.size() * sizeof(float)), Qt::Uninitialized);
    for (size_t i = 0; i < v.size(); ++i)
        qToLittleEndian<float>(v[i], out.data() + i * sizeof(float));
    return out;
}

EmbeddingVector unpackVector(const QByteArray &bytes)
{
    if (bytes.size() % qsizetype(sizeof(float)) != 0)
        return {};
    EmbeddingVector v(size_t(bytes.size()) / sizeof(float));
    for (size_t i = 0; i < v.size(); ++i)
        v[i] = qFromLittleEndian<float>(bytes.constData() + i * sizeof(float));
    return v;
}

QString arrayLiteral(const EmbeddingVector &v)
{
    QString s = QStringLiteral("{");
    for (size_t i = 0; i < v.size(); ++i) {
        if (i)
            s += QLatin1Char(',');
        s += QString::number(double(v[i]), 'g', 9);
    }
    return s + QLatin1Char('}');
}

void appendArrayLiteral(std::string &out, const EmbeddingVector &v)
{
    out.assign(1, '{');
    char buf[32];
    for (size_t i = 0; i < v.size(); ++i) {
        if (i)
            out += ',';
        // The shortest text that reads back as the same float.
        const auto r = std::to_chars(buf, buf + sizeof buf, v[i]);
        out.append(buf, r.ptr);
    }
    out += '}';
}

} // namespace searchdocs

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

class Sql
{
public:
    Sql(Database &db, pqxx::work &tx)
        : m_db(db)
        , m_tx(tx)
        , m_tenant(uuidToStd(db.tenantId()))
    { }

    std::string expand(const QString &tmpl) const
    {
        QString sql = tmpl;
        sql = ke::sql::expand(m_db, sql); // {k}, {ev}; then {seq}
        sql.replace(QLatin1String("{seq}"),
                    QStringLiteral("nextval('%1.search_documents_change_seq')")
                        .arg(Database::quoteQualified(m_db.settings().schema)));
        return toStd(sql);
    }
    /// $1 is always the tenant (statements without parameters run as they are).
    template <typename... Args> pqxx::result exec(const QString &tmpl, Args &&...args)
    {
        if constexpr (sizeof...(Args) == 0) {
            if (!tmpl.contains(QLatin1String("$1")))
                return m_tx.exec(expand(tmpl));
        }
        return m_tx.exec_params(expand(tmpl), m_tenant, std::forward<Args>(args)...);
    }
    pqxx::work &tx() { return m_tx; }
    const std::string &tenant() const { return m_tenant; }

private:
    Database &m_db;
    pqxx::work &m_tx;
    std::string m_tenant;
};

// The desired rows of the investigation-bound sources (hypotheses, queries, comments) of the
// investigations in ke_sd_inv (or of all when `all`), into ke_sd_new.
void buildInvestigationDocuments(Sql &sql, bool all)
{
    const QString scope = all
        ? QString()
        : QStringLiteral("AND investigation_id IN (SELECT investigation_id FROM ke_sd_inv)");
    sql.exec(
        QStringLiteral(
            "CREATE TEMP TABLE ke_sd_new ON COMMIT DROP AS "
            "WITH src AS (SELECT id, investigation_id, dataset_id, event_type, event_data, "
            "created_at"
            "  FROM {ev} WHERE tenant_id = $1::uuid AND event_type IN ('hypothesis.generated',"
            "  'query.planned', 'query.submitted', 'comment.added') %1),"
            " hyp AS (SELECT DISTINCT ON (event_data->>'hypothesis_id') 'hypothesis'::text AS "
            "source_type,"
            "  event_data->>'hypothesis_id' AS source_id, investigation_id, dataset_id,"
            "  btrim(event_data->>'text') AS content, created_at FROM src"
            "  WHERE event_type = 'hypothesis.generated' AND "
            "coalesce(event_data->>'hypothesis_id', '') <> ''"
            "  AND btrim(coalesce(event_data->>'text', '')) <> ''"
            "  ORDER BY event_data->>'hypothesis_id', created_at, id),"
            " qev AS (SELECT event_data->>'query_id' AS qid, investigation_id, dataset_id, "
            "created_at, id,"
            "  nullif(btrim(event_data->>'purpose'), '') AS purpose, "
            "nullif(btrim(event_data->>'sql'), '') AS sql"
            "  FROM src WHERE event_type IN ('query.planned', 'query.submitted')"
            "  AND coalesce(event_data->>'query_id', '') <> ''),"
            // One GROUP BY: a query is dated and placed by its first event, its text is the
            // latest non-empty purpose and SQL (latest by created_at, ties by id).
            " qry AS (SELECT 'query'::text, qid,"
            "  (array_agg(investigation_id ORDER BY created_at, id))[1],"
            "  (array_agg(dataset_id ORDER BY created_at, id))[1],"
            "  concat_ws(E'\\n',"
            "   (array_agg(purpose ORDER BY created_at DESC, id DESC) FILTER (WHERE purpose IS NOT "
            "NULL))[1],"
            "   (array_agg(sql ORDER BY created_at DESC, id DESC) FILTER (WHERE sql IS NOT "
            "NULL))[1]),"
            "  min(created_at) FROM qev GROUP BY qid),"
            " com AS (SELECT 'comment'::text, id::text, investigation_id, dataset_id,"
            "  btrim(event_data->>'text'), created_at FROM src"
            "  WHERE event_type = 'comment.added' AND btrim(coalesce(event_data->>'text', '')) <> "
            "''),"
            " alld AS (SELECT * FROM hyp UNION ALL SELECT * FROM qry UNION ALL SELECT * FROM com),"
            " fb AS (SELECT target_id, sum(rating)::float8 AS score FROM {k}.agg_ratings"
            "  WHERE tenant_id = $1::uuid AND target_id IN (SELECT source_id FROM alld) GROUP BY "
            "target_id) "
            "SELECT a.source_type, a.source_id,"
            " coalesce(i.dataset_id, a.dataset_id) AS dataset_id,"
            " nullif(a.investigation_id, '00000000-0000-0000-0000-000000000000') AS "
            "investigation_id,"
            " a.content, a.created_at,"
            " CASE WHEN a.source_type = 'comment' THEN 0 ELSE coalesce(fb.score, 0) END AS "
            "feedback_score "
            "FROM alld a LEFT JOIN {k}.agg_investigations i ON i.tenant_id = $1::uuid"
            " AND i.investigation_id = a.investigation_id"
            " LEFT JOIN fb ON fb.target_id = a.source_id AND a.source_type <> 'comment' "
            "WHERE a.content <> ''")
            .arg(scope));
    // Quirks and findings are few: their desired rows are always computed in full.
    sql.exec(QStringLiteral("INSERT INTO ke_sd_new SELECT 'quirk', quirk_id, dataset_id,"
                            " nullif(investigation_id, '00000000-0000-0000-0000-000000000000'), "
                            "btrim(text), created_at,"
                            " confirmations::float8 FROM {k}.agg_quirks WHERE tenant_id = $1::uuid "
                            "AND btrim(coalesce(text, '')) <> ''"));
    sql.exec(QStringLiteral("INSERT INTO ke_sd_new SELECT 'finding', id::text, dataset_id, "
                            "investigation_id, summary, created_at,"
                            " feedback_score FROM {k}.dataset_findings WHERE tenant_id = $1::uuid "
                            "AND btrim(summary) <> ''"));
    sql.exec(
        QStringLiteral("CREATE TEMP TABLE ke_sd_retired ON COMMIT DROP AS SELECT quirk_id FROM "
                       "{k}.agg_quirks WHERE tenant_id = $1::uuid AND retired_at IS NOT NULL"));
}

Result<SearchDocumentsReport> refreshDocuments(Database &db, bool wantFull)
{
    if (db.tenantId().isNull())
        return makeError(
            ErrorCode::NoTenant,
            SearchDocuments::tr("no tenant selected — set KNOWLEDGE_TENANT or --tenant"));
    QElapsedTimer timer;
    timer.start();
    return guarded(
        SearchDocuments::tr("updating the searchable documents"),
        [&]() -> Result<SearchDocumentsReport> {
            SearchDocumentsReport report;
            pqxx::work tx(databasePrivate(db)->conn);
            Sql sql(db, tx);
            tx.exec_params("SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))",
                           toStd(searchdocs::lockKey(db.settings().schema)), sql.tenant());
            const std::string events = toStd(db.settings().effectiveEventsTable());
            const pqxx::result agg = sql.exec(
                QStringLiteral(
                    "SELECT last_snapshot FROM {k}.aggregation_state WHERE tenant_id = $1::uuid"
                    " AND events_table = $2"),
                events);
            const pqxx::result prev = sql.exec(
                QStringLiteral(
                    "SELECT last_snapshot FROM {k}.search_document_state WHERE tenant_id = $1::uuid"
                    " AND events_table = $2"),
                events);
            std::optional<std::string> now;
            if (!agg.empty() && !agg[0][0].is_null())
                now = agg[0][0].c_str();
            std::optional<std::string> before;
            if (!prev.empty() && !prev[0][0].is_null())
                before = prev[0][0].c_str();
            report.full = wantFull || !now || !before;

            if (!report.full) {
                sql.exec(QStringLiteral("CREATE TEMP TABLE ke_sd_inv (investigation_id uuid "
                                        "PRIMARY KEY) ON COMMIT DROP"));
                if (*now != *before) {
                    // The events the aggregator took in since our last run (see the class comment).
                    sql.exec(
                        QStringLiteral("CREATE TEMP TABLE ke_sd_win ON COMMIT DROP AS SELECT "
                                       "investigation_id, event_type,"
                                       " event_data->>'target_id' AS target_id FROM {ev} WHERE "
                                       "tenant_id = $1::uuid"
                                       " AND tx_id >= pg_snapshot_xmin($2::pg_snapshot)"
                                       " AND pg_visible_in_snapshot(tx_id, $3::pg_snapshot)"
                                       " AND NOT pg_visible_in_snapshot(tx_id, $2::pg_snapshot)"),
                        *before, *now);
                    sql.exec(QStringLiteral(
                        "INSERT INTO ke_sd_inv SELECT DISTINCT investigation_id FROM ke_sd_win"));
                    // A rating filed under another investigation than its target's.
                    // From the (few) rated targets to their documents by the primary key.
                    sql.exec(QStringLiteral("ANALYZE ke_sd_win"));
                    sql.exec(QStringLiteral(
                        "INSERT INTO ke_sd_inv SELECT DISTINCT coalesce(d.investigation_id,"
                        " '00000000-0000-0000-0000-000000000000') FROM (SELECT DISTINCT target_id"
                        " FROM ke_sd_win WHERE event_type LIKE 'feedback.%' AND target_id IS NOT"
                        " NULL) w JOIN {k}.search_documents d ON d.tenant_id = $1::uuid AND"
                        " d.source_type IN ('hypothesis', 'query') AND d.source_id = w.target_id"
                        " ON CONFLICT DO NOTHING"));
                }
                sql.exec(QStringLiteral("ANALYZE ke_sd_inv"));
            }
            buildInvestigationDocuments(sql, report.full);
            // The statistics of search_documents (and of the aggregate tables) may still be
            // those of before a bulk write that autovacuum has not analysed yet: a nested loop
            // planned for an "empty" table scans it once per row. Hash and merge joins stay
            // linear whatever the estimates.
            sql.exec(QStringLiteral("SET LOCAL enable_nestloop = off"));

            report.documentsRetired += sql.exec(QStringLiteral(
                "SELECT count(*) FROM {k}.search_documents d JOIN ke_sd_retired r ON d.source_id = "
                "r.quirk_id"
                " WHERE d.tenant_id = $1::uuid AND d.source_type = 'quirk' AND NOT d.retired"))
                                           [0][0]
                                               .as<qint64>();
            // Insert or change; a row takes a new change_seq only when something really changed.
            const QString retiredExpr = QStringLiteral("(n.source_type = 'quirk' AND n.source_id "
                                                       "IN (SELECT quirk_id FROM ke_sd_retired))");
            report.documentsChanged += qint64(
                sql.exec(
                       QStringLiteral(
                           "INSERT INTO {k}.search_documents AS d (tenant_id, source_type, "
                           "source_id, dataset_id,"
                           " investigation_id, content, created_at, feedback_score, retired, "
                           "change_seq) "
                           // Only rows that are new or differ go to the upsert: every
                           // proposed row costs its generated tsvector, also when unchanged.
                           "SELECT $1::uuid, n.source_type, n.source_id, n.dataset_id, "
                           "n.investigation_id, n.content, n.created_at, n.feedback_score, "
                           "n.retired, {seq} FROM (SELECT DISTINCT ON (n.source_type, "
                           "n.source_id) n.*, %1 AS retired FROM ke_sd_new n ORDER BY "
                           "n.source_type, n.source_id, n.created_at) n LEFT JOIN "
                           "{k}.search_documents o ON o.tenant_id = $1::uuid AND o.source_type = "
                           "n.source_type AND o.source_id = n.source_id WHERE o.source_id IS NULL "
                           "OR (o.dataset_id, o.investigation_id, o.content, o.created_at, "
                           "o.feedback_score, o.retired) IS DISTINCT FROM (n.dataset_id, "
                           "n.investigation_id, n.content, n.created_at, n.feedback_score, "
                           "n.retired) "
                           "ON CONFLICT (tenant_id, source_type, source_id) DO UPDATE SET"
                           " dataset_id = excluded.dataset_id, investigation_id = "
                           "excluded.investigation_id,"
                           " content = excluded.content, created_at = excluded.created_at,"
                           " feedback_score = excluded.feedback_score, retired = excluded.retired,"
                           " change_seq = {seq} "
                           "WHERE (d.dataset_id, d.investigation_id, d.content, d.created_at, "
                           "d.feedback_score, d.retired)"
                           " IS DISTINCT FROM (excluded.dataset_id, excluded.investigation_id, "
                           "excluded.content,"
                           " excluded.created_at, excluded.feedback_score, excluded.retired)")
                           .arg(retiredExpr))
                    .affected_rows());
            // Sources that disappeared: retired, never deleted (the offline cache must hear of it).
            const QString scope = report.full
                ? QStringLiteral("d.source_type IN ('hypothesis', 'query', 'comment')")
                : QStringLiteral("d.source_type IN ('hypothesis', 'query', 'comment') AND "
                                 "coalesce(d.investigation_id,"
                                 " '00000000-0000-0000-0000-000000000000') IN (SELECT "
                                 "investigation_id FROM ke_sd_inv)");
            const qint64 gone = qint64(
                sql.exec(QStringLiteral(
                             "UPDATE {k}.search_documents d SET retired = true, change_seq = {seq}"
                             " WHERE d.tenant_id = $1::uuid AND NOT d.retired AND (%1 OR "
                             "d.source_type IN ('quirk', 'finding'))"
                             " AND NOT EXISTS (SELECT 1 FROM ke_sd_new n WHERE n.source_type = "
                             "d.source_type"
                             "  AND n.source_id = d.source_id)")
                             .arg(scope))
                    .affected_rows());
            report.documentsChanged += gone;
            report.documentsRetired += gone;

            sql.exec(QStringLiteral("INSERT INTO {k}.search_document_state (tenant_id, "
                                    "events_table, last_snapshot, last_run_at)"
                                    " VALUES ($1::uuid, $2, $3, now()) ON CONFLICT (tenant_id, "
                                    "events_table) DO UPDATE SET"
                                    " last_snapshot = excluded.last_snapshot, last_run_at = now()"),
                     events, now);
            tx.commit();
            report.seconds = double(timer.nsecsElapsed()) / 1e9;
            return report;
        });
}

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

Result<SearchDocumentsReport> SearchDocuments::refresh(Database &db, bool full)
{
    return refreshDocuments(db, full);
}

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

} // namespace

Result<qint64> SearchDocuments::importDocuments(Database &db,
                                                const QList<SearchDocument> &documents)
{
    if (db.tenantId().isNull())
        return makeError(ErrorCode::NoTenant,
                         tr("no tenant selected — set KNOWLEDGE_TENANT or --tenant"));
    return guarded(tr("writing %n searchable document(s)", "", int(documents.size())),
                   [&]() -> Result<qint64> {
                       auto uuidOrNull = [](const QString &s) -> std::optional<std::string> {
                           const QUuid u = QUuid::fromString(s);
                           if (u.isNull())
                               return std::nullopt;
                           return uuidToStd(u);
                       };
                       pqxx::work tx(databasePrivate(db)->conn);
                       pqxx::stream_to copy(
                           tx, toStd(db.table(QStringLiteral("search_documents"))),
                           std::vector<std::string>{"tenant_id", "source_type", "source_id",
                                                    "dataset_id", "investigation_id", "content",
                                                    "created_at", "feedback_score"});
                       const std::string tenant = uuidToStd(db.tenantId());
                       for (const SearchDocument &d : documents) {
                           const auto dataset = uuidOrNull(d.datasetId);
                           const auto investigation = uuidOrNull(d.investigationId);
                           const std::string created = d.createdAt.isValid()
                               ? toStd(d.createdAt.toUTC().toString(Qt::ISODateWithMs))
                               : std::string();
                           copy << std::make_tuple(
                               tenant, toStd(d.sourceType), toStd(d.sourceId),
                               dataset ? dataset->c_str() : nullptr,
                               investigation ? investigation->c_str() : nullptr, toStd(d.content),
                               created.empty() ? nullptr : created.c_str(), d.feedbackScore);
                       }
                       copy.complete();
                       tx.commit();
                       return qint64(documents.size());
                   });
}

Result<void> SearchDocuments::embed(Database &db, SearchDocumentsReport &report,
                                    std::shared_ptr<const Embedder> httpEmbedder,
                                    const std::atomic_bool *cancel)
{
    return guarded(tr("embedding the searchable documents"), [&]() -> Result<void> {
        auto &conn = databasePrivate(db)->conn;
        const std::string tenant = uuidToStd(db.tenantId());
        const std::string docs = toStd(db.table(QStringLiteral("search_documents")));
        const std::string embs = toStd(db.table(QStringLiteral("search_embeddings")));
        const std::string models = toStd(db.table(QStringLiteral("embedding_models")));
        // Every write of a vector takes a new change number (0011: online search's freshness).
        const std::string vectorSeq
            = toStd(QStringLiteral("nextval('%1.search_embeddings_change_seq')")
                        .arg(Database::quoteQualified(db.settings().schema)));

        std::shared_ptr<const Embedder> embedder = httpEmbedder;
        QString kind = QStringLiteral("http");
        // A model learned in this run gives the vectors of its corpus with it: the page loop
        // takes those (while the document still reads the same) instead of embedding again.
        QStringList corpusTexts;
        std::vector<EmbeddingVector> corpusVectors;
        QHash<QByteArray, qsizetype> trainedIndex;
        QByteArray modelBytes;
        qint64 trainedOn = 0;
        if (!embedder) {
            kind = QStringLiteral("lsa");
            bool haveModel = false;
            // The current model of an older format (another stemmer: textanalyzer.h) is
            // relearned, not used: its terms would not all match the queries'.
            bool staleModel = false;
            for (int attempt = 0; attempt < 2 && !embedder; ++attempt) {
                if (attempt == 1) { // not relearned: is the current model still readable?
                    if (!haveModel)
                        break;
                    auto loaded = loadCurrentModel(db);
                    if (loaded) {
                        embedder = *loaded;
                        break;
                    }
                    if (!loaded.error().is(ErrorCode::CorruptModel))
                        return loaded.error();
                    staleModel = true;
                }
                pqxx::nontransaction q(conn);
                const qint64 corpus = q.exec_params("SELECT count(*) FROM " + docs
                                                        + " WHERE tenant_id = $1 AND NOT retired",
                                                    tenant)[0][0]
                                          .as<qint64>();
                const pqxx::result cur
                    = q.exec_params("SELECT name, trained_on FROM " + models
                                        + " WHERE tenant_id = $1 AND kind = 'lsa' ORDER BY "
                                          "created_at DESC, name LIMIT 1",
                                    tenant);
                const qint64 was = cur.empty() ? 0 : cur[0][1].as<qint64>();
                const bool retrain = cur.empty() || staleModel
                    || (corpus >= 2 * was && corpus - was >= kRetrainMinGrowth);
                haveModel = !cur.empty();
                if (corpus == 0 && cur.empty())
                    return {}; // nothing to learn from, nothing to embed
                if (retrain) {
                    for (const auto &row :
                         q.exec_params("SELECT content, source_type, source_id FROM " + docs
                                           + " WHERE tenant_id = $1 AND NOT retired"
                                             " ORDER BY source_type, source_id",
                                       tenant)) {
                        trainedIndex.insert(documentKey(row[1], row[2]), corpusTexts.size());
                        corpusTexts << stringFromField(row[0]);
                    }
                    LsaEmbedder::Options options;
                    // A small corpus has few terms in two documents: keep every term then.
                    if (corpusTexts.size() < 100)
                        options.minDocumentFrequency = 1;
                    QElapsedTimer trainTimer;
                    trainTimer.start();
                    auto model = LsaEmbedder::train(corpusTexts, options, &corpusVectors);
                    report.trainingSeconds = double(trainTimer.nsecsElapsed()) / 1e9;
                    if (!model && cur.empty())
                        return makeError(
                            model.error().code,
                            tr("cannot learn the local search model from %n document(s): %1", "",
                               int(corpusTexts.size()))
                                .arg(model.error().message));
                    if (model) {
                        auto bytes = lsaToBytes(*model);
                        if (!bytes)
                            return bytes.error();
                        modelBytes = *bytes;
                        trainedOn = corpusTexts.size();
                        embedder = std::make_shared<LsaEmbedder>(std::move(*model));
                        report.modelTrained = true;
                    }
                }
            }
            if (!embedder && !haveModel)
                return {};
            if (!embedder) {
                auto loaded = loadCurrentModel(db);
                if (!loaded)
                    return loaded.error();
                embedder = *loaded;
            }
        }
        const QString model = embedder->name();
        report.model = model;

        // The model becomes the tenant's current one; other models' vectors go. Its row needs
        // the dimension (CHECK dimension > 0), which an embeddings API only tells with its first
        // answer: then the model is registered together with the first page of vectors.
        auto registerModel = [&](pqxx::work &tx, int dimension) {
            if (report.modelTrained) {
                tx.exec_params(
                    "INSERT INTO " + models
                        + " (tenant_id, name, dimension, model, kind, trained_on, created_at)"
                          " VALUES ($1, $2, $3, decode($4, 'hex'), 'lsa', $5, clock_timestamp())"
                          " ON CONFLICT (tenant_id, name) DO UPDATE SET created_at = "
                          "clock_timestamp()",
                    tenant, toStd(model), dimension, modelBytes.toHex().toStdString(), trainedOn);
            } else {
                const pqxx::result cur = tx.exec_params(
                    "SELECT name FROM " + models
                        + " WHERE tenant_id = $1 ORDER BY created_at DESC, name LIMIT 1",
                    tenant);
                if (cur.empty() || stringFromField(cur[0][0]) != model) {
                    tx.exec_params("INSERT INTO " + models
                                       + " (tenant_id, name, dimension, model, kind, created_at)"
                                         " VALUES ($1, $2, $3, NULL, $4, clock_timestamp())"
                                         " ON CONFLICT (tenant_id, name) DO UPDATE SET created_at "
                                         "= clock_timestamp(), dimension = excluded.dimension",
                                   tenant, toStd(model), dimension, toStd(kind));
                }
            }
            // Older LSA models are of no use any more (their vectors are removed below).
            tx.exec_params("DELETE FROM " + models
                               + " WHERE tenant_id = $1 AND name <> $2 AND kind = 'lsa'",
                           tenant, toStd(model));
            // Other models' vectors, by the model index: no pass over every vector. (Those of
            // retired documents go with the join that finds the work, below.)
            for (const auto &row : tx.exec_params("SELECT DISTINCT model FROM " + embs
                                                      + " WHERE tenant_id = $1 AND model <> $2",
                                                  tenant, toStd(model)))
                report.embeddingsRemoved += qint64(
                    tx.exec_params("DELETE FROM " + embs + " WHERE tenant_id = $1 AND model = $2",
                                   tenant, row[0].c_str())
                        .affected_rows());
        };
        int dimension = embedder->dimension();
        if (dimension <= 0) {
            // An API model registered by an earlier run already knows its dimension.
            pqxx::nontransaction q(conn);
            const pqxx::result known = q.exec_params("SELECT dimension FROM " + models
                                                         + " WHERE tenant_id = $1 AND name = $2",
                                                     tenant, toStd(model));
            if (!known.empty())
                dimension = known[0][0].as<int>();
        }
        bool registered = false;
        if (dimension > 0) {
            pqxx::work tx(conn);
            registerModel(tx, dimension);
            tx.commit();
            registered = true;
        }

        // New or changed documents, a page at a time in key order (keyset paging: each page
        // starts where the last one ended, so the run stays linear), each page its own
        // transaction, so an interrupted run keeps what it did. A page's vectors go in by COPY
        // into a scratch table and one upsert from it.
        QJsonArray touched; // only where pgvector needs them
        bool vectorColumn = false, pgvector = false;
        {
            pqxx::nontransaction q(conn);
            vectorColumn = hasVectorColumn(q, embs);
            pgvector = !q.exec("SELECT 1 FROM pg_extension WHERE extname = 'vector'").empty();
        }
        // What needs a vector, found once by one join: a join per page would let the planner,
        // whose statistics still see the vectors table as it was before the run, sort every
        // vector written so far at each page (quadratic).
        {
            pqxx::work q(conn);
            // The writers of a tenant's search rows take turns (as refreshDocuments): the
            // vectors' change numbers then commit in order, which online search's copy of the
            // vectors relies on to fetch only what changed (onlinevectors.cpp).
            q.exec_params("SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))",
                          toStd(searchdocs::lockKey(db.settings().schema)), tenant);
            q.exec("DROP TABLE IF EXISTS pg_temp.ke_se_todo");
            q.exec("SET LOCAL enable_nestloop = off"); // see refreshDocuments()
            // current: the vector is right, only the document's dataset changed; gone: the
            // document was retired (documents are retired, never deleted), its vector goes.
            q.exec_params("CREATE TEMP TABLE ke_se_todo AS SELECT d.source_type, d.source_id, "
                          "d.dataset_id, d.content, d.created_at, e.content IS NOT DISTINCT FROM "
                          "d.content AS current, d.retired AS gone FROM "
                              + docs + " d LEFT JOIN " + embs
                              + " e ON e.tenant_id = $1 AND e.source_type = d.source_type AND "
                                "e.source_id = d.source_id AND e.model = $2 WHERE d.tenant_id = "
                                "$1 AND CASE WHEN d.retired THEN e.id IS NOT NULL ELSE e.id IS "
                                "NULL OR e.content IS DISTINCT FROM d.content OR e.dataset_id IS "
                                "DISTINCT FROM d.dataset_id END",
                          tenant, toStd(model));
            q.exec("CREATE UNIQUE INDEX ON ke_se_todo (source_type, source_id)");
            q.exec("ANALYZE ke_se_todo");
            if (!q.exec("SELECT 1 FROM ke_se_todo WHERE current AND NOT gone LIMIT 1").empty())
                q.exec_params("UPDATE " + embs
                                  + " e SET dataset_id = t.dataset_id, change_seq = " + vectorSeq
                                  + " FROM ke_se_todo t WHERE "
                                    "t.current AND NOT t.gone AND e.tenant_id = $1 AND e.model = "
                                    "$2 AND e.source_type = t.source_type AND e.source_id = "
                                    "t.source_id",
                              tenant, toStd(model));
            if (!q.exec("SELECT 1 FROM ke_se_todo WHERE gone LIMIT 1").empty())
                report.embeddingsRemoved += qint64(
                    q.exec_params("DELETE FROM " + embs
                                      + " e USING ke_se_todo t WHERE t.gone AND e.tenant_id = $1 "
                                        "AND e.model = $2 AND e.source_type = t.source_type AND "
                                        "e.source_id = t.source_id",
                                  tenant, toStd(model))
                        .affected_rows());
            q.commit();
        }
        std::string afterType, afterId; // the last key of the previous page ('' sorts first)
        std::string literal;
        for (;;) {
            if (cancel && cancel->load())
                return makeError(ErrorCode::Cancelled, tr("cancelled"));
            pqxx::work tx(conn);
            tx.exec_params("SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))",
                           toStd(searchdocs::lockKey(db.settings().schema)), tenant);
            // Derived rows that the next run recomputes: no need to wait for the WAL flush.
            tx.exec("SET LOCAL synchronous_commit = off");
            const pqxx::result page = tx.exec_params(
                "SELECT source_type, source_id, dataset_id, content, created_at "
                "FROM ke_se_todo WHERE NOT current AND NOT gone AND (source_type, source_id) > "
                "($1::varchar, $2::text) ORDER BY source_type, source_id LIMIT $3",
                afterType, afterId, httpEmbedder ? kEmbedPageHttp : kEmbedPage);
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
                const qsizetype known = trainedIndex.value(documentKey(row[0], row[1]), -1);
                if (known >= 0 && size_t(known) < corpusVectors.size()
                    && corpusTexts.at(known) == content && !corpusVectors[size_t(known)].empty()) {
                    vectors[i] = std::move(corpusVectors[size_t(known)]);
                } else {
                    texts << content;
                    toEmbed.push_back(i);
                }
            }
            if (!texts.isEmpty()) {
                auto embedded = embedder->embed(texts);
                if (!embedded)
                    return embedded.error();
                for (size_t j = 0; j < toEmbed.size(); ++j)
                    vectors[toEmbed[j]] = std::move((*embedded)[j]);
            }
            if (!registered) {
                if (embedder->dimension() <= 0)
                    return makeError(ErrorCode::BadEmbedding,
                                     tr("the embedding model %1 answered vectors without any "
                                        "numbers — check the embeddings service and its model")
                                         .arg(model));
                registerModel(tx, embedder->dimension());
                registered = true;
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
                    if (pgvector)
                        touched.append(QJsonObject{{QStringLiteral("t"), stringFromField(row[0])},
                                                   {QStringLiteral("s"), stringFromField(row[1])}});
                }
                copy.complete();
            }
            tx.exec_params(
                "INSERT INTO " + embs
                    + " AS e (tenant_id, id, source_type, source_id, dataset_id, content, "
                      "embedding, packed, model, dimension, created_at)"
                      " SELECT $1, gen_random_uuid(), x.t, x.s, x.d, x.c, x.e, x.p, $2, $3,"
                      " coalesce(x.at, now()) FROM ke_se_page x "
                      "ON CONFLICT (tenant_id, source_type, source_id, model) DO UPDATE SET"
                      " dataset_id = excluded.dataset_id, content = excluded.content,"
                      " embedding = excluded.embedding, packed = excluded.packed, dimension = "
                      "excluded.dimension, change_seq = "
                    + vectorSeq + std::string(vectorColumn ? ", embedding_vector = NULL" : ""),
                tenant, toStd(model), embedder->dimension());
            tx.commit();
            report.documentsEmbedded += qint64(page.size());
        }
        {
            pqxx::nontransaction q(conn);
            q.exec("DROP TABLE IF EXISTS pg_temp.ke_se_todo");
        }
        if (embedder->dimension() > 0) // else nothing was ever embedded with it
            report.note = syncPgvector(db, model, embedder->dimension(), touched);
        return {};
    });
}

Result<SearchDocumentsReport> SearchDocuments::run(Database &db,
                                                   std::shared_ptr<const Embedder> httpEmbedder,
                                                   const std::atomic_bool *cancel)
{
    QElapsedTimer timer;
    timer.start();
    auto report = refreshDocuments(db, false);
    if (!report)
        return report;
    if (auto r = embed(db, *report, std::move(httpEmbedder), cancel); !r)
        return r.error();
    report->seconds = double(timer.nsecsElapsed()) / 1e9;
    return report;
}

} // namespace ke
