// The searchable documents of a tenant (search_documents): built from the events and the
// aggregated knowledge, refreshed by what changed, imported in bulk. Their vectors are written
// by the embedding half in searchembeddings.cpp.

#include "searchdocuments.h"

#include "database_p.h"
#include "searchdocuments_p.h"
#include "sqltemplate_p.h"

#include <QElapsedTimer>
#include <QJsonObject>
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
        return noTenantError();
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

} // namespace

Result<SearchDocumentsReport> SearchDocuments::refresh(Database &db, bool full)
{
    return refreshDocuments(db, full);
}

Result<qint64> SearchDocuments::importDocuments(Database &db,
                                                const QList<SearchDocument> &documents)
{
    if (db.tenantId().isNull())
        return noTenantError();
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
