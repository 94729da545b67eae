#include "trainingexamplebuilder.h"

#include "database_p.h"
#include "latestrating.h"
#include "sqltemplate_p.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ke {

namespace {

/// A LATERAL subquery aggregating the ratings matched by `where` (over _tr_fb f), each
/// person's latest one only; `preference` orders candidates of one person before recency
/// (e.g. a synthesis rating before an investigation rating). Columns: score (mean), total
/// (sum), n (persons), up, ids, reasons, comments.
QString feedbackLateral(const QString &alias, const QString &where, const QString &preference = {})
{
    return QStringLiteral(
               " LEFT JOIN LATERAL ("
               "  SELECT avg(x.rating)::float8 AS score, coalesce(sum(x.rating), 0)::float8 AS "
               "total,"
               "         count(*)::int AS n, count(*) FILTER (WHERE x.rating > 0)::int AS up,"
               "         coalesce(array_agg(x.id ORDER BY x.id), '{}'::uuid[]) AS ids,"
               "         coalesce(jsonb_agg(x.reason ORDER BY x.reason) FILTER (WHERE x.reason IS "
               "NOT NULL),"
               "                  '[]'::jsonb) AS reasons,"
               "         coalesce(jsonb_agg(x.comment ORDER BY x.created_at, x.id)"
               "                  FILTER (WHERE x.comment IS NOT NULL), '[]'::jsonb) AS comments"
               "  FROM (SELECT DISTINCT ON (f.person) f.* FROM _tr_fb f WHERE %2"
               "        ORDER BY f.person, %3 f.created_at DESC, f.id DESC) x) %1 ON true ")
        .arg(alias, where, preference.isEmpty() ? QString() : preference + QLatin1Char(','));
}

QString rulesJson(const QList<QPair<QString, QString>> &rules)
{
    QJsonArray a;
    for (const auto &r : rules)
        a.append(
            QJsonObject{{QStringLiteral("match"), r.first}, {QStringLiteral("type"), r.second}});
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

/// One build in its repeatable-read transaction: statements with the tenant as $1 and the
/// schema's tables named by sql::expand.
struct Build
{
    Database &db;
    pqxx::transaction<pqxx::isolation_level::repeatable_read> &tx;
    std::string tenant;

    std::string sql(const QString &text) const { return toStd(ke::sql::expand(db, text)); }
};

/// _tr_ctx, per investigation of _tr_inv: when it started, the alert, the dataset (column, or
/// the investigation.started event's dataset_id as a UUID or a name) and its type (the first
/// of `rules` that matches), the schema as recorded.
void buildContext(Build &b, const std::string &rules)
{
    b.tx.exec_params(b.sql(QStringLiteral(R"SQL(
CREATE TEMP TABLE _tr_ctx ON COMMIT DROP AS
WITH st AS (
  SELECT investigation_id, min(created_at) AS started_at,
         array_agg(id ORDER BY created_at, id) AS started_ids,
         (array_agg(event_data->'alert' ORDER BY created_at, id)
            FILTER (WHERE jsonb_typeof(event_data->'alert') = 'object'))[1] AS alert,
         (array_agg(event_data->>'dataset_id' ORDER BY created_at, id)
            FILTER (WHERE coalesce(event_data->>'dataset_id', '') <> ''))[1] AS dataset_ref,
         (array_agg(event_data->'tables_found' ORDER BY created_at DESC, id DESC)
            FILTER (WHERE event_data ? 'tables_found'))[1] AS tables_found,
         (array_agg(event_data->'schema' ORDER BY created_at DESC, id DESC)
            FILTER (WHERE event_data ? 'schema'))[1] AS schema_info,
         (array_agg(event_data->'lineage' ORDER BY created_at DESC, id DESC)
            FILTER (WHERE event_data ? 'lineage'))[1] AS lineage
  FROM _tr_ev WHERE event_type = 'investigation.started' GROUP BY investigation_id),
col AS (
  SELECT investigation_id, min(created_at) AS first_at,
         (array_agg(dataset_id ORDER BY created_at, id) FILTER (WHERE dataset_id IS NOT NULL))[1] AS dataset_col
  FROM _tr_ev GROUP BY investigation_id),
base AS (
  SELECT c.investigation_id, coalesce(st.started_at, c.first_at) AS started_at,
         coalesce(st.started_ids, '{}'::uuid[]) AS started_ids,
         coalesce(st.alert, '{}'::jsonb) AS alert, st.tables_found, st.schema_info, st.lineage,
         c.dataset_col, st.dataset_ref,
         CASE WHEN st.dataset_ref ~ {uuid_re} THEN st.dataset_ref::uuid END AS dataset_ref_uuid
  FROM col c LEFT JOIN st USING (investigation_id)),
res AS (
  SELECT b.*, d.id AS d_id, d.name AS d_name, d.description AS d_description, d.metadata AS d_metadata
  FROM base b
  LEFT JOIN LATERAL (
    SELECT d.id, d.name, d.description, d.metadata FROM {k}.datasets d
    WHERE d.tenant_id = $1
      AND (d.id = coalesce(b.dataset_col, b.dataset_ref_uuid)
           OR (b.dataset_col IS NULL AND b.dataset_ref_uuid IS NULL AND d.name = b.dataset_ref))
    LIMIT 1) d ON true),
named AS (
  SELECT r.*, coalesce(r.d_id, r.dataset_col, r.dataset_ref_uuid) AS ds_id,
         coalesce(r.d_name, CASE WHEN r.dataset_ref_uuid IS NULL THEN r.dataset_ref END) AS ds_name,
         nullif(coalesce(r.d_metadata->>'kind', r.d_metadata->>'dataset_type', ''), '') AS kind
  FROM res r),
typed AS (
  SELECT n.*, coalesce(
           (SELECT x.r->>'type' FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS x(r, i)
             WHERE n.kind ~* (x.r->>'match') ORDER BY x.i LIMIT 1),
           lower(n.kind),
           (SELECT x.r->>'type' FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS x(r, i)
             WHERE n.ds_name ~* (x.r->>'match') ORDER BY x.i LIMIT 1),
           'other') AS dataset_type
  FROM named n)
SELECT t.investigation_id, t.started_at, t.started_ids, t.alert, t.ds_id AS dataset_id,
       t.ds_name AS dataset_name, t.dataset_type, nullif(t.alert->>'anomaly_type', '') AS issue_type,
       jsonb_strip_nulls(jsonb_build_object('name', t.ds_name, 'type', t.dataset_type,
                                            'description', t.d_description,
                                            'metadata', nullif(t.d_metadata, '{}'::jsonb))) AS dataset_json,
       jsonb_strip_nulls(jsonb_build_object('tables_found', t.tables_found, 'schema', t.schema_info,
                                            'lineage', t.lineage)) AS schema_json
FROM typed t)SQL")),
                     b.tenant, rules);
    b.tx.exec("CREATE UNIQUE INDEX ON _tr_ctx (investigation_id)");
    b.tx.exec("ANALYZE _tr_ctx");
}

/// _tr_quirks: the dataset's known quirks as they stood when each investigation started.
void buildQuirks(Build &b)
{
    b.tx.exec_params(b.sql(QStringLiteral(R"SQL(
CREATE TEMP TABLE _tr_quirks ON COMMIT DROP AS
WITH q AS (
  SELECT e.id, e.event_type, e.event_data->>'quirk_id' AS quirk_id, e.event_data->>'text' AS text,
         e.created_at,
         coalesce(e.dataset_id,
                  CASE WHEN e.event_data->>'dataset_id' ~ {uuid_re} THEN (e.event_data->>'dataset_id')::uuid END,
                  (SELECT d.id FROM {k}.datasets d WHERE d.tenant_id = $1 AND d.name = e.event_data->>'dataset_id')) AS dataset_id
  FROM {ev} e
  WHERE e.tenant_id = $1 AND e.event_type IN ('quirk.added', 'quirk.edited', 'quirk.retired')
    AND coalesce(e.event_data->>'quirk_id', '') <> ''),
latest AS (
  SELECT DISTINCT ON (c.investigation_id, q.quirk_id) c.investigation_id, q.quirk_id, q.event_type, q.text
  FROM _tr_ctx c JOIN q ON q.dataset_id = c.dataset_id AND q.created_at < c.started_at
  ORDER BY c.investigation_id, q.quirk_id, q.created_at DESC, q.id DESC)
SELECT investigation_id,
       jsonb_agg(jsonb_build_object('quirk_id', quirk_id, 'text', text) ORDER BY quirk_id) AS quirks
FROM latest WHERE event_type <> 'quirk.retired' AND coalesce(text, '') <> ''
GROUP BY investigation_id)SQL")),
                     b.tenant);
    b.tx.exec("CREATE UNIQUE INDEX ON _tr_quirks (investigation_id)");
}

/// _tr_fb: each person's latest valid rating per target — the one rule (latestrating.h).
void buildRatings(Build &b)
{
    b.tx.exec(toStd(
        QStringLiteral("CREATE TEMP TABLE _tr_fb ON COMMIT DROP AS ")
        + ratings::latestSql(
            QStringLiteral("(SELECT e.id, e.investigation_id, e.created_at,"
                           " substr(e.event_type, 10) AS kind,"
                           " nullif(e.event_data->>'reason', '') AS reason,"
                           " nullif(e.event_data->>'comment', '') AS comment, %1"
                           " FROM _tr_ev e WHERE e.event_type LIKE 'feedback.%')")
                .arg(ratings::feedbackColumnsSql(Database::quoteQualified(b.db.settings().schema))),
            QStringLiteral("f.investigation_id, f.kind, f.target_id, f.person,"
                           " f.rating::int AS rating, f.id, f.created_at, f.reason,"
                           " f.comment"))));
    // Every lookup is within one investigation: logical ids such as "h1" repeat across them.
    b.tx.exec("CREATE INDEX ON _tr_fb (investigation_id, kind, target_id)");
    b.tx.exec("ANALYZE _tr_fb");
}

/// _tr_hyp: the hypotheses with their verdict and feedback.
void buildHypotheses(Build &b)
{
    b.tx.exec(
        toStd(QStringLiteral(R"SQL(
CREATE TEMP TABLE _tr_hyp ON COMMIT DROP AS
WITH h AS (
  SELECT DISTINCT ON (investigation_id, hid) investigation_id, hid, id AS event_id, text, confidence, created_at
  FROM (SELECT e.*, coalesce(nullif(e.event_data->>'hypothesis_id', ''), e.id::text) AS hid,
               e.event_data->>'text' AS text, e.event_data->'confidence' AS confidence
        FROM _tr_ev e WHERE e.event_type = 'hypothesis.generated') g
  WHERE coalesce(text, '') <> ''
  ORDER BY investigation_id, hid, created_at, id),
v AS (
  SELECT DISTINCT ON (investigation_id, hid) investigation_id, hid, id AS verdict_id,
         CASE event_type WHEN 'hypothesis.accepted' THEN 'accepted' ELSE 'rejected' END AS verdict
  FROM (SELECT e.*, e.event_data->>'hypothesis_id' AS hid FROM _tr_ev e
        WHERE e.event_type IN ('hypothesis.accepted', 'hypothesis.rejected')) g
  WHERE hid IS NOT NULL
  ORDER BY investigation_id, hid, created_at DESC, id DESC)
SELECT h.*, v.verdict, v.verdict_id, fb.score, fb.n, fb.up, fb.ids AS fb_ids, fb.reasons, fb.comments,
       (CASE v.verdict WHEN 'accepted' THEN 1 WHEN 'rejected' THEN -1 ELSE 0 END
        + coalesce(fb.score, 0))::float8 AS value
FROM h LEFT JOIN v USING (investigation_id, hid))SQL")
              + feedbackLateral(QStringLiteral("fb"),
                                QStringLiteral("f.kind = 'hypothesis' AND f.investigation_id = "
                                               "h.investigation_id AND f.target_id IN "
                                               "(h.hid, h.event_id::text)"))));
    b.tx.exec("CREATE INDEX ON _tr_hyp (investigation_id, hid)");
    b.tx.exec("ANALYZE _tr_hyp");
}

/// The columns every task's examples are inserted with.
const QString kInsertExample = QStringLiteral(
    "INSERT INTO {k}.ml_training_examples (tenant_id, id, task_type, input_data, "
    "output_data, feedback_score, "
    "feedback_count, dataset_type, issue_type, investigation_id, dataset_id, dataset_name, "
    "source_event_ids, metadata, created_at) ");

/// hypothesis_gen: a hypothesis from the alert, the dataset and its known quirks.
void hypothesisGenExamples(Build &b)
{
    b.tx.exec_params(b.sql(kInsertExample + QStringLiteral(R"SQL(
SELECT $1::uuid, {k}.training_example_id($1::uuid, 'hypothesis_gen', h.investigation_id::text || '/' || h.hid), 'hypothesis_gen',
       jsonb_build_object('alert', c.alert, 'dataset', c.dataset_json, 'schema', c.schema_json,
                          'known_quirks', coalesce(q.quirks, '[]'::jsonb)),
       jsonb_strip_nulls(jsonb_build_object('text', h.text, 'confidence', h.confidence)),
       h.score, h.n, c.dataset_type, c.issue_type, h.investigation_id, c.dataset_id, c.dataset_name,
       array_remove(c.started_ids || ARRAY[h.event_id, h.verdict_id] || h.fb_ids, NULL),
       jsonb_strip_nulls(jsonb_build_object('hypothesis_id', h.hid, 'verdict', h.verdict,
                         'ratings_up', h.up, 'ratings_down', h.n - h.up,
                         'reasons', h.reasons, 'comments', h.comments)),
       h.created_at
FROM _tr_hyp h JOIN _tr_ctx c USING (investigation_id) LEFT JOIN _tr_quirks q USING (investigation_id))SQL")),
                     b.tenant);
}

/// hypothesis_rank: the best is the highest ranking value, when it is positive.
void hypothesisRankExamples(Build &b)
{
    b.tx.exec_params(b.sql(kInsertExample + QStringLiteral(R"SQL(
SELECT $1::uuid, {k}.training_example_id($1::uuid, 'hypothesis_rank', g.investigation_id::text), 'hypothesis_rank',
       jsonb_build_object('alert', c.alert, 'dataset', c.dataset_json, 'hypotheses', g.hypotheses),
       jsonb_build_object('best', CASE WHEN g.top_value > 0 THEN g.top_hid END,
                          'best_text', CASE WHEN g.top_value > 0 THEN g.top_text END,
                          'ranking', g.ranking),
       CASE WHEN g.top_value > 0 THEN g.top_score END,
       CASE WHEN g.top_value > 0 THEN g.top_n ELSE 0 END,
       c.dataset_type, c.issue_type, g.investigation_id, c.dataset_id, c.dataset_name,
       array_remove(c.started_ids || g.ids
                    || (SELECT coalesce(array_agg(DISTINCT u), '{}'::uuid[])
                        FROM _tr_hyp h2, unnest(h2.fb_ids) u WHERE h2.investigation_id = g.investigation_id),
                    NULL),
       jsonb_build_object('hypotheses', g.cnt), g.created_at
FROM (
  SELECT investigation_id, count(*) AS cnt, max(created_at) AS created_at,
         jsonb_agg(jsonb_strip_nulls(jsonb_build_object('hypothesis_id', hid, 'text', text,
                   'confidence', confidence)) ORDER BY created_at, hid) AS hypotheses,
         jsonb_agg(jsonb_strip_nulls(jsonb_build_object('hypothesis_id', hid, 'verdict', verdict,
                   'feedback_score', score, 'value', value)) ORDER BY value DESC, created_at, hid) AS ranking,
         (array_agg(hid ORDER BY value DESC, created_at, hid))[1] AS top_hid,
         (array_agg(text ORDER BY value DESC, created_at, hid))[1] AS top_text,
         (array_agg(score ORDER BY value DESC, created_at, hid))[1] AS top_score,
         (array_agg(n ORDER BY value DESC, created_at, hid))[1] AS top_n,
         max(value) AS top_value,
         array_agg(event_id ORDER BY event_id) || array_remove(array_agg(verdict_id ORDER BY verdict_id), NULL) AS ids
  FROM _tr_hyp GROUP BY investigation_id
  HAVING count(*) >= 2 AND bool_or(verdict IS NOT NULL OR n > 0)) g
JOIN _tr_ctx c USING (investigation_id))SQL")),
                     b.tenant);
}

/// query_gen: a failed query counts as one extra -1 vote.
void queryGenExamples(Build &b)
{
    b.tx.exec_params(
        b.sql(kInsertExample + QStringLiteral(R"SQL(
WITH qp AS (
  SELECT DISTINCT ON (investigation_id, qid) investigation_id, qid, id AS event_id, sql, purpose, hyp_ref, created_at
  FROM (SELECT e.*, coalesce(nullif(e.event_data->>'query_id', ''), e.id::text) AS qid,
               e.event_data->>'sql' AS sql, e.event_data->>'purpose' AS purpose,
               e.event_data->>'hypothesis_id' AS hyp_ref
        FROM _tr_ev e WHERE e.event_type IN ('query.planned', 'query.submitted')) g
  WHERE coalesce(sql, '') <> ''
  ORDER BY investigation_id, qid, (event_type = 'query.submitted') DESC, created_at DESC, id DESC),
oc AS (
  SELECT DISTINCT ON (investigation_id, qid) investigation_id, qid, id AS outcome_id,
         CASE event_type WHEN 'query.succeeded' THEN 'succeeded' WHEN 'query.failed' THEN 'failed'
                         ELSE 'executed' END AS outcome,
         event_data->'row_count' AS row_count, event_data->>'error' AS error
  FROM (SELECT e.*, e.event_data->>'query_id' AS qid FROM _tr_ev e
        WHERE e.event_type IN ('query.succeeded', 'query.failed', 'query.executed')) g
  WHERE qid IS NOT NULL
  ORDER BY investigation_id, qid, (event_type <> 'query.executed') DESC, created_at DESC, id DESC)
SELECT $1::uuid, {k}.training_example_id($1::uuid, 'query_gen', qp.investigation_id::text || '/' || qp.qid), 'query_gen',
       jsonb_strip_nulls(jsonb_build_object('alert', c.alert, 'dataset', c.dataset_json,
                         'schema', c.schema_json, 'hypothesis', h.text)),
       jsonb_strip_nulls(jsonb_build_object('sql', qp.sql, 'purpose', qp.purpose,
                         'outcome', oc.outcome, 'row_count', oc.row_count)),
       CASE WHEN fb.n + (oc.outcome IS NOT DISTINCT FROM 'failed')::int = 0 THEN NULL
            ELSE (fb.total - (oc.outcome IS NOT DISTINCT FROM 'failed')::int)
                 / (fb.n + (oc.outcome IS NOT DISTINCT FROM 'failed')::int) END,
       fb.n, c.dataset_type, c.issue_type, qp.investigation_id, c.dataset_id, c.dataset_name,
       array_remove(c.started_ids || ARRAY[qp.event_id, oc.outcome_id, h.event_id] || fb.ids, NULL),
       jsonb_strip_nulls(jsonb_build_object('query_id', qp.qid, 'hypothesis_id', qp.hyp_ref,
                         'error', oc.error, 'ratings_up', fb.up, 'ratings_down', fb.n - fb.up,
                         'reasons', fb.reasons, 'comments', fb.comments)),
       qp.created_at
FROM qp JOIN _tr_ctx c USING (investigation_id)
LEFT JOIN oc USING (investigation_id, qid)
LEFT JOIN _tr_hyp h ON h.investigation_id = qp.investigation_id AND h.hid = qp.hyp_ref)SQL")
              + feedbackLateral(QStringLiteral("fb"),
                                QStringLiteral("f.kind = 'query' AND f.investigation_id = "
                                               "qp.investigation_id AND f.target_id IN "
                                               "(qp.qid, qp.event_id::text)"))),
        b.tenant);
}

/// synthesis: a person's synthesis rating wins over their investigation rating. Reads the
/// latest state of each piece of evidence, made here first (_tr_evd).
void synthesisExamples(Build &b)
{
    // The latest state of each piece of evidence.
    b.tx.exec(R"SQL(
CREATE TEMP TABLE _tr_evd ON COMMIT DROP AS
SELECT DISTINCT ON (investigation_id, evid) *
FROM (SELECT e.investigation_id, coalesce(nullif(e.event_data->>'evidence_id', ''), e.id::text) AS evid,
             e.id, e.created_at, e.event_data->>'summary' AS summary, e.event_data->'supports' AS supports,
             e.event_data->'confidence' AS confidence, e.event_data->>'hypothesis_id' AS hyp_ref
      FROM _tr_ev e WHERE e.event_type IN ('evidence.collected', 'evidence.evaluated')) g
WHERE coalesce(summary, '') <> ''
ORDER BY investigation_id, evid, created_at DESC, id DESC)SQL");
    b.tx.exec("CREATE INDEX ON _tr_evd (investigation_id)");
    b.tx.exec("ANALYZE _tr_evd");

    b.tx.exec_params(
        b.sql(kInsertExample + QStringLiteral(R"SQL(
WITH sg AS (
  SELECT DISTINCT ON (investigation_id, sid) investigation_id, sid, event_id, root_cause, confidence, recs, created_at
  FROM (SELECT e.investigation_id, coalesce(nullif(e.event_data->>'synthesis_id', ''), e.id::text) AS sid,
               e.id AS event_id, e.event_data->>'root_cause' AS root_cause,
               e.event_data->'confidence' AS confidence, e.event_data->'recommendations' AS recs, e.created_at
        FROM _tr_ev e WHERE e.event_type = 'synthesis.generated'
        UNION ALL
        SELECT e.investigation_id, e.investigation_id::text, e.id, e.event_data->>'root_cause',
               e.event_data->'confidence', e.event_data->'recommendations', e.created_at
        FROM _tr_ev e WHERE e.event_type = 'investigation.completed'
          AND NOT EXISTS (SELECT 1 FROM _tr_ev s WHERE s.investigation_id = e.investigation_id
                          AND s.event_type = 'synthesis.generated')) g
  WHERE coalesce(root_cause, '') <> ''
  ORDER BY investigation_id, sid, created_at, event_id)
SELECT $1::uuid, {k}.training_example_id($1::uuid, 'synthesis', sg.investigation_id::text || '/' || sg.sid), 'synthesis',
       jsonb_build_object('alert', c.alert, 'dataset', c.dataset_json,
                          'evidence', coalesce(el.list, '[]'::jsonb)),
       jsonb_strip_nulls(jsonb_build_object('root_cause', sg.root_cause, 'confidence', sg.confidence,
                         'recommendations', sg.recs)),
       fb.score, fb.n, c.dataset_type, c.issue_type, sg.investigation_id, c.dataset_id, c.dataset_name,
       array_remove(c.started_ids || ARRAY[sg.event_id] || coalesce(el.ids, '{}'::uuid[]) || fb.ids, NULL),
       jsonb_strip_nulls(jsonb_build_object('synthesis_id', sg.sid, 'ratings_up', fb.up,
                         'ratings_down', fb.n - fb.up, 'reasons', fb.reasons, 'comments', fb.comments)),
       sg.created_at
FROM sg JOIN _tr_ctx c USING (investigation_id)
LEFT JOIN LATERAL (
  SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('evidence_id', ev.evid, 'summary', ev.summary,
                   'supports', ev.supports, 'confidence', ev.confidence, 'hypothesis', h.text))
                   ORDER BY ev.created_at, ev.evid) AS list,
         array_agg(ev.id ORDER BY ev.created_at, ev.evid) AS ids
  FROM _tr_evd ev LEFT JOIN _tr_hyp h ON h.investigation_id = ev.investigation_id AND h.hid = ev.hyp_ref
  WHERE ev.investigation_id = sg.investigation_id AND ev.created_at <= sg.created_at) el ON true)SQL")
              + feedbackLateral(QStringLiteral("fb"),
                                QStringLiteral("f.investigation_id = sg.investigation_id AND ("
                                               "(f.kind = 'synthesis' AND f.target_id IN (sg.sid, "
                                               "sg.event_id::text)) OR (f.kind = 'investigation' "
                                               "AND f.target_id = sg.investigation_id::text))"),
                                QStringLiteral("(f.kind = 'synthesis') DESC"))),
        b.tenant);
}

/// The examples of every task for the investigations of _tr_inv, in place of their old ones
/// (of every old one when `full`).
void insertExamples(Build &b, bool full)
{
    if (full)
        b.tx.exec_params(
            b.sql(QStringLiteral("DELETE FROM {k}.ml_training_examples WHERE tenant_id = $1")),
            b.tenant);
    else
        b.tx.exec_params(
            b.sql(QStringLiteral("DELETE FROM {k}.ml_training_examples WHERE tenant_id = $1 AND "
                                 "investigation_id IN (SELECT investigation_id FROM _tr_inv)")),
            b.tenant);
    hypothesisGenExamples(b);
    hypothesisRankExamples(b);
    queryGenExamples(b);
    synthesisExamples(b);
}

} // namespace

QList<QPair<QString, QString>> TrainingExampleBuilder::defaultDatasetTypeRules()
{
    return {
        {QStringLiteral("event|click|pageview|session|track|log"), QStringLiteral("events")},
        {QStringLiteral("order|transaction|payment|invoice|sale|purchase|refund|billing"),
         QStringLiteral("transactions")},
        {QStringLiteral("user|customer|account|member|profile|person|people"),
         QStringLiteral("users")},
        {QStringLiteral("product|item|sku|catalog|inventory"), QStringLiteral("products")},
        {QStringLiteral("metric|kpi|stat|daily|hourly|agg"), QStringLiteral("metrics")},
    };
}

Result<TrainingExampleBuilder::Stats> TrainingExampleBuilder::rebuild(Database &db,
                                                                      const Options &options)
{
    if (db.tenantId().isNull())
        return makeError(ErrorCode::NoTenant,
                         tr("building training examples needs a tenant — set KNOWLEDGE_TENANT "
                            "or --tenant"));
    QElapsedTimer timer;
    timer.start();
    return guarded(tr("building training examples"), [&]() -> Result<Stats> {
        const std::string tenant = uuidToStd(db.tenantId());
        auto sql = [&](const QString &text) { return toStd(ke::sql::expand(db, text)); };

        // One snapshot for the watermark and the events read, so nothing falls in between.
        pqxx::transaction<pqxx::isolation_level::repeatable_read> tx(databasePrivate(db)->conn);
        tx.exec_params("SELECT pg_advisory_xact_lock(hashtext('ke.training.' || $1))", tenant);

        Stats stats;
        // The watermark is transaction-based like the aggregation's (the events whose writing
        // transaction became visible since the last build), so one event with a bad clock
        // cannot freeze it. An events table without tx_id (an orchestrator's) falls back to
        // created_at, never later than now.
        const bool hasTxId
            = tx.exec_params("SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = "
                             "to_regclass($1) AND attname = 'tx_id' AND NOT attisdropped)",
                             toStd(db.eventsTable()))[0][0]
                  .as<bool>();
        const pqxx::result state = tx.exec_params(
            sql(QStringLiteral("SELECT events_seen_until::text, last_snapshot FROM "
                               "{k}.training_build_state WHERE tenant_id = $1")),
            tenant);
        const bool haveMark = !state.empty() && !state[0][hasTxId ? 1 : 0].is_null();
        stats.full = options.full || !haveMark;
        const pqxx::result mark = tx.exec_params(
            sql(QStringLiteral("SELECT least(max(created_at), now())::text FROM {ev} WHERE "
                               "tenant_id = $1")),
            tenant);
        const bool anyEvents = !mark[0][0].is_null();
        const std::string newMark = anyEvents ? mark[0][0].c_str() : std::string();
        const std::string snapshot = hasTxId
            ? std::string(tx.exec("SELECT pg_current_snapshot()::text")[0][0].c_str())
            : std::string();

        // The events of the investigations to (re)build.
        const QString evColumns = QStringLiteral(
            "SELECT e.id, e.investigation_id, e.dataset_id, e.event_type::text AS event_type, "
            "e.event_data, e.actor_id, e.created_at FROM {ev} e WHERE e.tenant_id = $1");
        if (stats.full) {
            tx.exec_params(
                sql(QStringLiteral("CREATE TEMP TABLE _tr_ev ON COMMIT DROP AS ") + evColumns),
                tenant);
        } else if (hasTxId) {
            tx.exec_params(
                sql(QStringLiteral("CREATE TEMP TABLE _tr_ev ON COMMIT DROP AS ") + evColumns
                    + QStringLiteral(" AND e.investigation_id IN (SELECT DISTINCT investigation_id "
                                     "FROM {ev} WHERE tenant_id = $1 AND ")
                    + ke::sql::newlyVisible(QStringLiteral("$2"), QStringLiteral("$3"))
                    + QLatin1Char(')')),
                tenant, std::string(state[0][1].c_str()), snapshot);
        } else {
            tx.exec_params(
                sql(QStringLiteral("CREATE TEMP TABLE _tr_ev ON COMMIT DROP AS ") + evColumns
                    + QStringLiteral(" AND e.investigation_id IN (SELECT DISTINCT investigation_id "
                                     "FROM {ev} WHERE tenant_id = $1 AND created_at > "
                                     "$2::timestamptz - make_interval(secs => $3))")),
                tenant, std::string(state[0][0].c_str()), options.overlapSeconds);
        }
        tx.exec("CREATE INDEX ON _tr_ev (investigation_id, event_type)");
        tx.exec("ANALYZE _tr_ev");
        tx.exec("CREATE TEMP TABLE _tr_inv ON COMMIT DROP AS "
                "SELECT DISTINCT investigation_id FROM _tr_ev");
        stats.investigations = tx.exec("SELECT count(*) FROM _tr_inv")[0][0].as<qint64>();

        // dataset_type rules: the tenant's own first, then the caller's, then the defaults.
        QList<QPair<QString, QString>> rules = options.datasetTypeRules;
        rules += defaultDatasetTypeRules();
        const std::string allRules
            = tx.exec_params(
                    sql(QStringLiteral(
                        "SELECT (coalesce((SELECT settings->'training'->'dataset_type_rules' "
                        "FROM {k}.tenants WHERE id = $1 AND jsonb_typeof(settings->'training'"
                        "->'dataset_type_rules') = 'array'), '[]'::jsonb) || $2::jsonb)::text")),
                    tenant, toStd(rulesJson(rules)))[0][0]
                  .c_str();

        Build build{db, tx, tenant};
        buildContext(build, allRules);
        buildQuirks(build);
        buildRatings(build);
        buildHypotheses(build);
        insertExamples(build, stats.full);

        const pqxx::result counts = tx.exec_params(
            sql(QStringLiteral(
                "SELECT task_type, count(*) FROM {k}.ml_training_examples WHERE tenant_id = $1 AND "
                "investigation_id IN (SELECT investigation_id FROM _tr_inv) "
                "GROUP BY task_type ORDER BY task_type")),
            tenant);
        for (const auto &row : counts) {
            stats.perTask.insert(stringFromField(row[0]), row[1].as<qint64>());
            stats.examples += row[1].as<qint64>();
        }

        tx.exec_params(
            sql(QStringLiteral(
                "INSERT INTO {k}.training_build_state (tenant_id, events_seen_until, "
                "last_snapshot, last_full_build, built_at, "
                "examples) "
                "VALUES ($1, nullif($2, '')::timestamptz, nullif($4, ''), CASE WHEN $3 THEN "
                "now() END, now(), "
                "(SELECT count(*) FROM {k}.ml_training_examples WHERE tenant_id = $1)) "
                "ON CONFLICT (tenant_id) DO UPDATE SET "
                "events_seen_until = coalesce(EXCLUDED.events_seen_until, "
                "{k}.training_build_state.events_seen_until), "
                "last_snapshot = coalesce(EXCLUDED.last_snapshot, "
                "{k}.training_build_state.last_snapshot), "
                "last_full_build = coalesce(EXCLUDED.last_full_build, "
                "{k}.training_build_state.last_full_build), "
                "built_at = now(), examples = EXCLUDED.examples")),
            tenant, newMark, stats.full, snapshot);
        tx.commit();
        stats.seconds = double(timer.nsecsElapsed()) / 1e9;
        return stats;
    });
}

} // namespace ke
