#include "knowledgeaggregator.h"

#include "latestrating.h"
#include "private/aggregationrun_p.h"
#include "sqltemplate_p.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLoggingCategory>

#include <cctype>

// How the aggregation works (the schema is in resources/migrations/0002_aggregation.sql).
//
// One run = one READ COMMITTED transaction holding pg_advisory_xact_lock(schema, tenant):
//
//  window  The events of the tenant whose writing transaction (tx_id) is visible in the
//          current snapshot and was not visible in the snapshot of the last run (for a full
//          run: all events). READ COMMITTED on purpose: the lock is taken first and every
//          later statement sees what the previous aggregator committed (REPEATABLE READ would
//          have taken its snapshot before waiting for the lock).
//  level 1 Merged from the window only, order-insensitively: agg_ratings (the latest rating
//          per person per target, ties by created_at then event id) and agg_inv_fallback.
//  level 2 The investigations and quirks the window touched are recomputed from their
//          source events (a partial index reads an investigation's few "sparse" events —
//          start, outcome, synthesis, evaluated evidence, comments — without its many
//          steps): agg_investigations (dataset resolution, outcome, per-investigation
//          thumbs), agg_inv_actors, dataset_findings, agg_quirks, agg_quirk_actors.
//          agg_ds_actors keeps per-dataset running sums of agg_inv_actors: the recomputed
//          investigations' old contribution is subtracted and the new one added.
//  level 3 The datasets touched (before and after) get their dataset_knowledge row
//          recomputed from level 2 (owners from the running sums).
//
// Every step is idempotent (merge by key, or recompute from the source), so seeing an event
// twice is harmless — e.g. a level-2 recompute that already reads an event committed after
// the window's snapshot — and a full rebuild gives the same rows as any sequence of runs.
//
// Dataset of an investigation: the earliest investigation.started naming one (its dataset_id
// column, else event_data.dataset_id: a UUID or a name; an unknown name creates the dataset),
// else the dataset_id column of the investigation's earliest event that has one. Every event
// of an investigation (feedback included) counts for that dataset. A quirk belongs to the
// dataset its quirk.added names (column, else event_data.dataset_id), else to its
// investigation's. The nil investigation id (quirks and notes made outside an investigation)
// is never an investigation.

Q_LOGGING_CATEGORY(lcAggregate, "ke.aggregate", QtWarningMsg)

namespace ke {

namespace {

// A number in 0..1, else NULL (other writers' "high" or 7 never break the run).
QString confidenceOf(const QString &data)
{
    return QStringLiteral("(CASE WHEN jsonb_typeof(%1->'confidence') = 'number' AND "
                          "(%1->>'confidence')::float8 BETWEEN 0 AND 1 "
                          "THEN (%1->>'confidence')::float8 END)")
        .arg(data);
}

} // namespace

namespace aggregation {

pqxx::result Run::exec(const QString &tmpl, const char *step)
{
    QString sql = tmpl;
    sql = ke::sql::expand(m_db, sql); // {k}, {ev}, {uuid_re}; then the run's own fragments
    sql.replace(QLatin1String("{feedback_columns}"),
                ratings::feedbackColumnsSql(Database::quoteQualified(m_db.settings().schema)));
    if (!m_db.settings().datasetsTable.isEmpty()) {
        sql.replace(QLatin1String("{cat}"),
                    Database::quoteQualified(m_db.settings().datasetsTable));
        sql.replace(QLatin1String("{cat_name}"),
                    Database::quoteQualified(m_db.settings().datasetsNameColumn));
    }
    // Restricts a single-table scan to the touched investigations / quirks.
    sql.replace(
        QLatin1String("{INV}"),
        m_full ? QString()
               : QStringLiteral("AND investigation_id IN (SELECT investigation_id FROM ke_inv_t)"));
    // Restricts to the touched quirks (nothing in a full run).
    sql.replace(QLatin1String("{QUIRKS}"),
                m_full ? QString()
                       : QStringLiteral("AND quirk_id IN (SELECT quirk_id FROM ke_quirk_t)"));
    sql.replace(QLatin1String("{QUIRK}"),
                m_full ? QStringLiteral("AND coalesce(event_data->>'quirk_id', '') <> ''")
                       : QStringLiteral(
                           "AND (event_data->>'quirk_id') IN (SELECT quirk_id FROM ke_quirk_t)"));
    sql.replace(QLatin1String("$1"), QLatin1String("$1::uuid")); // $1 is always the tenant
    // KE_AGGREGATE_EXPLAIN=1 (with ke.aggregate.debug): the plan of every big statement,
    // as it ran (EXPLAIN ANALYZE executes it).
    static const bool explain = qEnvironmentVariableIsSet("KE_AGGREGATE_EXPLAIN");
    if (explain && lcAggregate().isDebugEnabled()
        && (sql.startsWith(QLatin1String("INSERT")) || sql.startsWith(QLatin1String("DELETE"))
            || sql.startsWith(QLatin1String("WITH"))
            || sql.startsWith(QLatin1String("CREATE TEMP TABLE ke_inv "))
            || sql.startsWith(QLatin1String("CREATE TEMP TABLE ke_quirk "))))
        sql.prepend(QLatin1String("EXPLAIN (ANALYZE, BUFFERS) "));
    QElapsedTimer t;
    t.start();
    pqxx::result r = sql.contains(QLatin1String("$1")) ? m_tx.exec_params(toStd(sql), m_tenant)
                                                       : m_tx.exec(toStd(sql));
    qCDebug(lcAggregate, "%-28s %7.1f ms  %zu rows", step, double(t.nsecsElapsed()) / 1e6,
            size_t(r.affected_rows()));
    if (sql.startsWith(QLatin1String("EXPLAIN"))) {
        for (const auto &row : r)
            qCDebug(lcAggregate, "    %s", row[0].c_str());
    }
    return r;
}

} // namespace aggregation

namespace {

using namespace aggregation;

void clearTenant(Run &run)
{
    for (const char *t : {"agg_ratings", "agg_inv_fallback", "agg_investigations", "agg_inv_actors",
                          "agg_ds_actors", "agg_quirks", "agg_quirk_actors", "dataset_findings",
                          "dataset_knowledge"}) {
        run.exec(QStringLiteral("DELETE FROM {k}.%1 WHERE tenant_id = $1").arg(QLatin1String(t)),
                 "clear");
    }
}

// The ratings of a window, each person's latest per target (the one rule, latestrating.h):
// DISTINCT ON within the window; the caller merges them against the stored ones (incremental)
// or inserts them (full). The relation has the columns of ratings::feedbackColumnsSql()
// ({feedback_columns}) plus id, investigation_id, event_type, created_at and actor_id.
QString ratingsSelect(const QString &relation)
{
    return ratings::latestSql(relation,
                              QStringLiteral("$1, f.target_id, f.actor_id, f.person, "
                                             "f.investigation_id, substr(f.event_type, 10),"
                                             " f.rating, f.created_at, f.id"));
}
const char *const kRatingsColumns = "(tenant_id, target_id, actor_id, person, investigation_id,"
                                    " target_type, rating, created_at, event_id)";
const char *const kFallbackSelect
    = "SELECT DISTINCT ON (investigation_id) $1, investigation_id, dataset_id, created_at, id "
      "FROM %1 e WHERE dataset_id IS NOT NULL ORDER BY investigation_id, created_at, id";
// The "sparse" events of an investigation (start, outcome, synthesis, evaluated evidence,
// comments): exactly the predicate of the partial index feedback_events_inv_sparse.
const char *const kSparseTypes
    = "('investigation.started', 'investigation.completed', 'investigation.failed',"
      " 'synthesis.generated', 'evidence.evaluated', 'comment.added')";

// Returns the number of events of the tenant in a full run (0 otherwise).
qint64 levelOne(Run &run)
{
    run.exec(QStringLiteral(
                 "CREATE TEMP TABLE ke_inv_t (investigation_id uuid PRIMARY KEY) ON COMMIT DROP"),
             "temp inv");
    run.exec(
        QStringLiteral("CREATE TEMP TABLE ke_quirk_t (quirk_id text PRIMARY KEY) ON COMMIT DROP"),
        "temp quirk");
    run.exec(
        QStringLiteral("CREATE TEMP TABLE ke_ds_t (dataset_id uuid PRIMARY KEY) ON COMMIT DROP"),
        "temp ds");
    // The sparse events of the investigations recomputed at level 2 (all of them in a full run).
    run.exec(QStringLiteral(
                 "CREATE TEMP TABLE ke_sparse (investigation_id uuid, id uuid, event_type text,"
                 " event_data jsonb, dataset_id uuid, actor_id uuid, actor_type text,"
                 " created_at timestamptz) ON COMMIT DROP"),
             "temp sparse");
    if (run.full()) {
        // One pass over the tenant's events feeds all of level 1 and the sparse events of
        // level 2: the derived tables were just emptied, so plain INSERTs (no ON CONFLICT);
        // everything is sorted and hashed in memory (work_mem is raised for the run).
        const pqxx::result r = run.exec(
            QStringLiteral(
                // Only what the consumers need: the jsonb of the sparse events, target and
                // rating of feedback (the 1M-row tuplestore then stays in work_mem).
                "WITH e AS MATERIALIZED (SELECT id, investigation_id, dataset_id, event_type,"
                "  CASE WHEN event_type IN %2 THEN event_data END AS event_data, "
                "{feedback_columns},"
                "  actor_id, CASE WHEN event_type IN %2 THEN actor_type END AS actor_type, "
                "created_at"
                "  FROM {ev} WHERE tenant_id = $1),"
                " r AS (INSERT INTO {k}.agg_ratings %3 %1),"
                // The earliest (created_at, id) with a dataset per investigation, as
                // kFallbackSelect, without sorting the ~700k rows: hash the earliest created_at,
                // join back, and break ties by id among the few rows left.
                " f AS (INSERT INTO {k}.agg_inv_fallback (tenant_id, investigation_id, dataset_id, "
                "created_at,"
                "  event_id) SELECT DISTINCT ON (e.investigation_id) $1, e.investigation_id, "
                "e.dataset_id,"
                "  e.created_at, e.id FROM e JOIN (SELECT investigation_id, min(created_at) AS "
                "first FROM e"
                "   WHERE dataset_id IS NOT NULL GROUP BY investigation_id) m"
                "   ON m.investigation_id = e.investigation_id AND m.first = e.created_at"
                "  WHERE e.dataset_id IS NOT NULL ORDER BY e.investigation_id, e.id),"
                " s AS (INSERT INTO ke_sparse SELECT investigation_id, id, event_type, event_data, "
                "dataset_id,"
                "  actor_id, actor_type, created_at FROM e WHERE event_type IN %2"
                "  AND investigation_id <> '00000000-0000-0000-0000-000000000000'),"
                " i AS (INSERT INTO ke_inv_t SELECT DISTINCT investigation_id FROM e"
                "  WHERE investigation_id <> '00000000-0000-0000-0000-000000000000') "
                "SELECT count(*) FROM e")
                .arg(ratingsSelect(QStringLiteral("e")), QLatin1String(kSparseTypes),
                     QLatin1String(kRatingsColumns)),
            "level 1 (one pass)");
        run.exec(QStringLiteral("ANALYZE ke_inv_t"), "analyze");
        run.exec(QStringLiteral("ANALYZE ke_sparse (investigation_id, event_type)"), "analyze");
        // (A plan instead of the count under KE_AGGREGATE_EXPLAIN.)
        return std::isdigit(static_cast<unsigned char>(r[0][0].c_str()[0])) ? r[0][0].as<qint64>()
                                                                            : 0;
    }

    run.exec(QStringLiteral("INSERT INTO ke_inv_t SELECT DISTINCT investigation_id FROM ke_window "
                            "WHERE investigation_id <> '00000000-0000-0000-0000-000000000000'"),
             "touched investigations");
    run.exec(QStringLiteral(
                 "INSERT INTO ke_quirk_t SELECT DISTINCT event_data->>'quirk_id' FROM ke_window "
                 "WHERE event_type LIKE 'quirk.%' AND coalesce(event_data->>'quirk_id', '') <> ''"),
             "touched quirks");
    run.exec(QStringLiteral(
                 "INSERT INTO ke_quirk_t SELECT quirk_id FROM {k}.agg_quirks WHERE tenant_id = $1 "
                 "AND investigation_id IN (SELECT investigation_id FROM ke_inv_t) ON CONFLICT DO "
                 "NOTHING"),
             "quirks of touched inv");
    // The datasets as they were: an investigation or quirk may move away from them.
    run.exec(
        QStringLiteral("INSERT INTO ke_ds_t SELECT dataset_id FROM {k}.agg_investigations WHERE "
                       "tenant_id = $1 "
                       "AND investigation_id IN (SELECT investigation_id FROM ke_inv_t) "
                       "UNION SELECT dataset_id FROM {k}.agg_quirks WHERE tenant_id = $1 AND "
                       "dataset_id IS NOT NULL "
                       "AND quirk_id IN (SELECT quirk_id FROM ke_quirk_t) ON CONFLICT DO NOTHING"),
        "old datasets");
    run.exec(QStringLiteral("ANALYZE ke_inv_t"), "analyze");
    run.exec(QStringLiteral("ANALYZE ke_quirk_t"), "analyze");

    // Latest rating per (target, person): within the window by DISTINCT ON, against the
    // stored one by the same (created_at, event id) order — so arrival order never matters.
    run.exec(
        QStringLiteral(
            "INSERT INTO {k}.agg_ratings AS a %2 %1 "
            "ON CONFLICT (tenant_id, investigation_id, target_id, person) DO UPDATE SET "
            " actor_id = excluded.actor_id, target_type = excluded.target_type,"
            " rating = excluded.rating, created_at = excluded.created_at, event_id = "
            "excluded.event_id "
            "WHERE (excluded.created_at, excluded.event_id) > (a.created_at, a.event_id)")
            .arg(ratingsSelect(QStringLiteral("(SELECT *, {feedback_columns} FROM ke_window)")),
                 QLatin1String(kRatingsColumns)),
        "ratings");
    run.exec(QStringLiteral(
                 "INSERT INTO {k}.agg_inv_fallback AS a (tenant_id, investigation_id, dataset_id,"
                 " created_at, event_id) %1 "
                 "ON CONFLICT (tenant_id, investigation_id) DO UPDATE SET dataset_id = "
                 "excluded.dataset_id,"
                 " created_at = excluded.created_at, event_id = excluded.event_id "
                 "WHERE (excluded.created_at, excluded.event_id) < (a.created_at, a.event_id)")
                 .arg(QString::fromLatin1(kFallbackSelect).arg(QLatin1String("ke_window"))),
             "fallback datasets");
    // Index-driven: (tenant_id, investigation_id) within the partial index of the sparse types.
    run.exec(
        QStringLiteral(
            "INSERT INTO ke_sparse SELECT investigation_id, id, event_type, event_data, dataset_id,"
            " actor_id, actor_type, created_at FROM {ev} WHERE tenant_id = $1 AND event_type IN %1"
            " AND investigation_id IN (SELECT investigation_id FROM ke_inv_t)")
            .arg(QLatin1String(kSparseTypes)),
        "sparse events");
    run.exec(QStringLiteral("ANALYZE ke_sparse (investigation_id, event_type)"), "analyze");
    return 0;
}

/// Level 2, first: the investigations' sparse facts and the quirks' current state of the
/// run's window, into scratch tables (ke_inv, ke_quirk), datasets still as written.
void stageFacts(Run &run)
{
    // The investigations' sparse facts, datasets still as written (UUID or name).
    run.exec(
        QStringLiteral(
            "CREATE TEMP TABLE ke_inv ON COMMIT DROP AS "
            "WITH src AS (SELECT investigation_id, id, event_type, event_data, dataset_id, "
            "actor_id,"
            "  actor_type, created_at FROM ke_sparse WHERE event_type IN "
            "  ('investigation.started', 'investigation.completed', 'investigation.failed')),"
            " st AS (SELECT DISTINCT ON (investigation_id) investigation_id, id AS start_event_id,"
            "  created_at AS started_at, CASE WHEN actor_type = 'user' THEN actor_id END AS "
            "started_by"
            "  FROM src WHERE event_type = 'investigation.started' ORDER BY investigation_id, "
            "created_at, id),"
            " rf AS (SELECT DISTINCT ON (investigation_id) investigation_id, ref FROM ("
            "  SELECT investigation_id, created_at, id,"
            "   coalesce(dataset_id::text, nullif(btrim(event_data->>'dataset_id'), '')) AS ref"
            "  FROM src WHERE event_type = 'investigation.started') s WHERE ref IS NOT NULL"
            "  ORDER BY investigation_id, created_at, id),"
            " an AS (SELECT DISTINCT ON (investigation_id) investigation_id, anomaly_type FROM ("
            "  SELECT investigation_id, created_at, id,"
            "   left(nullif(btrim(event_data #>> '{alert,anomaly_type}'), ''), 200) AS anomaly_type"
            "  FROM src WHERE event_type = 'investigation.started') s WHERE anomaly_type IS NOT "
            "NULL"
            "  ORDER BY investigation_id, created_at, id),"
            " dn AS (SELECT DISTINCT ON (investigation_id) investigation_id,"
            "  CASE WHEN event_type = 'investigation.completed' THEN 'completed' ELSE 'failed' END "
            "AS status,"
            "  CASE WHEN event_type = 'investigation.completed' THEN event_data->>'root_cause'"
            "   ELSE event_data->>'error' END AS outcome, created_at AS finished_at"
            "  FROM src WHERE event_type <> 'investigation.started'"
            "  ORDER BY investigation_id, created_at DESC, id DESC) "
            "SELECT t.investigation_id, rf.ref, fb.dataset_id AS fallback_dataset_id, "
            "st.start_event_id,"
            " st.started_at, st.started_by, an.anomaly_type, dn.status,"
            " left(btrim(regexp_replace(dn.outcome, '[[:space:]]+', ' ', 'g')), 300) AS outcome,"
            " CASE WHEN dn.status = 'completed' THEN {k}.issue_theme(dn.outcome) END AS "
            "root_cause_theme,"
            " dn.finished_at "
            "FROM ke_inv_t t LEFT JOIN st USING (investigation_id) LEFT JOIN rf USING "
            "(investigation_id)"
            " LEFT JOIN an USING (investigation_id) LEFT JOIN dn USING (investigation_id)"
            " LEFT JOIN {k}.agg_inv_fallback fb ON fb.tenant_id = $1 AND fb.investigation_id = "
            "t.investigation_id"),
        "investigation facts");
    run.exec(QStringLiteral("ANALYZE ke_inv (investigation_id, ref)"), "analyze");

    // The quirks' current state, datasets still as written.
    run.exec(
        QStringLiteral(
            "CREATE TEMP TABLE ke_quirk ON COMMIT DROP AS "
            "WITH src AS (SELECT event_data->>'quirk_id' AS quirk_id, id, investigation_id, "
            "event_type,"
            "  event_data, dataset_id, actor_id, created_at FROM {ev}"
            "  WHERE tenant_id = $1 AND event_type LIKE 'quirk.%' {QUIRK}),"
            " ad AS (SELECT DISTINCT ON (quirk_id) quirk_id, investigation_id, actor_id AS "
            "author_id,"
            "  created_at, coalesce(dataset_id::text, nullif(btrim(event_data->>'dataset_id'), "
            "'')) AS ref"
            "  FROM src WHERE event_type = 'quirk.added' ORDER BY quirk_id, created_at, id),"
            " tx AS (SELECT DISTINCT ON (quirk_id) quirk_id, event_data->>'text' AS text FROM src"
            "  WHERE event_type IN ('quirk.added', 'quirk.edited') AND "
            "coalesce(event_data->>'text', '') <> ''"
            "  ORDER BY quirk_id, created_at DESC, id DESC),"
            " ed AS (SELECT DISTINCT ON (quirk_id) quirk_id, created_at AS last_edited_at,"
            "  actor_id AS last_editor_id FROM src WHERE event_type = 'quirk.edited'"
            "  ORDER BY quirk_id, created_at DESC, id DESC),"
            " rt AS (SELECT quirk_id, min(created_at) AS retired_at FROM src"
            "  WHERE event_type = 'quirk.retired' GROUP BY quirk_id),"
            " cf AS (SELECT quirk_id, count(DISTINCT actor_id) AS confirmations FROM src"
            "  WHERE event_type = 'quirk.confirmed' AND actor_id IS NOT NULL GROUP BY quirk_id) "
            "SELECT ad.quirk_id, ad.investigation_id, ad.author_id, ad.created_at, ad.ref, tx.text,"
            " ed.last_edited_at, ed.last_editor_id, rt.retired_at, coalesce(cf.confirmations, 0) "
            "AS confirmations "
            "FROM ad LEFT JOIN tx USING (quirk_id) LEFT JOIN ed USING (quirk_id)"
            " LEFT JOIN rt USING (quirk_id) LEFT JOIN cf USING (quirk_id)"),
        "quirk facts");
}

/// Level 2: the investigations' rows and their actors; the per-dataset sums lose the old
/// contribution of the investigations recomputed and get the new one.
void investigationRows(Run &run)
{
    // The per-dataset sums lose what the recomputed investigations contributed so far (their
    // old dataset, their old actors); the new contribution is added back below.
    if (!run.full())
        addDatasetActors(run, -1);
    run.exec(QStringLiteral("DELETE FROM {k}.agg_investigations WHERE tenant_id = $1 {INV}"),
             "delete investigations");
    run.exec(
        QStringLiteral(
            "INSERT INTO {k}.agg_investigations (tenant_id, investigation_id, dataset_id, "
            "start_event_id,"
            " started_at, started_by, anomaly_type, status, outcome, root_cause_theme, finished_at,"
            " last_event_at, positive_count, negative_count) "
            "SELECT $1, i.investigation_id, ds.dataset_id, i.start_event_id, i.started_at, "
            "i.started_by,"
            " i.anomaly_type, i.status, i.outcome, i.root_cause_theme, i.finished_at,"
            " greatest(i.started_at, i.finished_at), coalesce(r.pos, 0), coalesce(r.neg, 0) "
            "FROM ke_inv i LEFT JOIN ke_ref r1 ON r1.ref = i.ref"
            " LEFT JOIN ke_ref r2 ON r2.ref = i.fallback_dataset_id::text "
            "CROSS JOIN LATERAL (SELECT coalesce(r1.dataset_id, r2.dataset_id,"
            "  i.fallback_dataset_id) AS dataset_id) ds "
            "LEFT JOIN (SELECT investigation_id, count(*) FILTER (WHERE rating > 0) AS pos,"
            "  count(*) FILTER (WHERE rating < 0) AS neg FROM {k}.agg_ratings"
            "  WHERE tenant_id = $1 {INV} GROUP BY investigation_id) r USING (investigation_id) "
            "WHERE ds.dataset_id IS NOT NULL"),
        "investigations");
    run.exec(
        QStringLiteral("INSERT INTO ke_ds_t SELECT DISTINCT dataset_id FROM {k}.agg_investigations "
                       "WHERE tenant_id = $1 {INV} ON CONFLICT DO NOTHING"),
        "new datasets touched");

    run.exec(QStringLiteral("DELETE FROM {k}.agg_inv_actors WHERE tenant_id = $1 {INV}"),
             "delete actors");
    run.exec(
        QStringLiteral(
            "INSERT INTO {k}.agg_inv_actors (tenant_id, investigation_id, actor_id, started, "
            "feedback, comments) "
            "SELECT $1, investigation_id, actor_id, sum(started), sum(feedback), sum(comments) "
            "FROM ("
            " SELECT investigation_id, started_by AS actor_id, 1 AS started, 0 AS feedback, 0 AS "
            "comments"
            "  FROM ke_inv WHERE started_by IS NOT NULL "
            " UNION ALL SELECT investigation_id, actor_id, 0, count(*), 0 FROM {k}.agg_ratings"
            "  WHERE tenant_id = $1 AND actor_id IS NOT NULL {INV}"
            "  GROUP BY investigation_id, actor_id "
            " UNION ALL SELECT investigation_id, actor_id, 0, 0, count(*) FROM ke_sparse"
            "  WHERE event_type = 'comment.added' AND actor_id IS NOT NULL"
            "  AND coalesce(event_data->>'text', '') <> '' GROUP BY investigation_id, actor_id"
            ") x GROUP BY investigation_id, actor_id"),
        "actors");
    addDatasetActors(run, +1);
}

/// Level 2: the findings of the investigations recomputed, scored by their feedback.
void findingRows(Run &run)
{
    // Findings. feedback_score is the lower bound of the 95% Wilson score interval of the
    // share of thumbs up on the finding's source step (wilson_lower_bound in 0002): it
    // rewards agreement and volume together, so 1 up / 0 down (0.21) ranks below
    // 20 up / 1 down (0.77), and a step nobody rated scores 0. Only ratings filed under the
    // finding's own investigation count, which keeps the recompute per investigation exact.
    run.exec(QStringLiteral("DELETE FROM {k}.dataset_findings WHERE tenant_id = $1 {INV}"),
             "delete findings");
    run.exec(
        QStringLiteral(
            "CREATE TEMP TABLE ke_find ON COMMIT DROP AS "
            "WITH src AS (SELECT investigation_id, id, event_type, event_data, created_at FROM "
            "ke_sparse"
            "  WHERE event_type IN ('synthesis.generated', 'investigation.completed', "
            "'evidence.evaluated')),"
            " cand AS ("
            "  SELECT investigation_id, id AS event_id, 'root_cause' AS finding_type, 0::bigint AS "
            "ord, 1 AS prio,"
            "   event_data->>'root_cause' AS summary, %1 AS confidence,"
            "   coalesce(nullif(event_data->>'synthesis_id', ''), id::text) AS target, created_at"
            "   FROM src WHERE event_type = 'synthesis.generated'"
            "  UNION ALL SELECT investigation_id, id, 'root_cause', 0, 2, "
            "event_data->>'root_cause', %1,"
            "   investigation_id::text, created_at FROM src WHERE event_type = "
            "'investigation.completed'"
            "  UNION ALL SELECT investigation_id, id, 'observation', 0, 1, event_data->>'summary', "
            "%1,"
            "   coalesce(nullif(event_data->>'evidence_id', ''), id::text), created_at"
            "   FROM src WHERE event_type = 'evidence.evaluated'"
            "  UNION ALL SELECT s.investigation_id, s.id, 'recommendation', r.ord, 1, r.txt, %2,"
            "   coalesce(nullif(s.event_data->>'synthesis_id', ''), s.id::text), s.created_at"
            "   FROM src s CROSS JOIN LATERAL jsonb_array_elements_text(CASE WHEN"
            "    jsonb_typeof(s.event_data->'recommendations') = 'array' THEN "
            "s.event_data->'recommendations'"
            "    ELSE '[]'::jsonb END) WITH ORDINALITY AS r(txt, ord)"
            "   WHERE s.event_type = 'synthesis.generated'),"
            // One finding per text per investigation: a synthesis and the completion usually
            // state the same root cause; the synthesis (the rated step) is kept.
            // (Bytewise sort keys, as for the ratings: same groups, no strcoll.)
            " dedup AS (SELECT DISTINCT ON (investigation_id, finding_type COLLATE \"C\","
            "   lower(btrim(summary)) COLLATE \"C\") *"
            "  FROM cand WHERE btrim(coalesce(summary, '')) <> ''"
            "  ORDER BY investigation_id, finding_type COLLATE \"C\", lower(btrim(summary)) "
            "COLLATE \"C\","
            "   prio, created_at DESC, event_id DESC, ord) "
            "SELECT * FROM dedup")
            .arg(confidenceOf(QStringLiteral("event_data")),
                 confidenceOf(QStringLiteral("s.event_data"))),
        "finding candidates");
    // Statistics for the joins below (otherwise the planner guesses a few hundred rows and
    // sorts for merge joins; measured 6 s of 9.5 s at 1M events).
    run.exec(QStringLiteral("ANALYZE ke_find (investigation_id, target, event_id)"), "analyze");
    run.exec(
        QStringLiteral(
            "INSERT INTO {k}.dataset_findings (tenant_id, id, dataset_id, investigation_id, "
            "finding_type,"
            " summary, confidence, feedback_score, source_event_id, source_target_id, created_at) "
            "WITH sc AS (SELECT investigation_id, target_id, count(*) FILTER (WHERE rating > 0) AS "
            "pos,"
            "  count(*) FILTER (WHERE rating < 0) AS neg FROM {k}.agg_ratings WHERE tenant_id = $1 "
            "{INV}"
            "  GROUP BY investigation_id, target_id) "
            "SELECT $1, id, dataset_id, investigation_id, finding_type, summary, confidence,"
            " {k}.wilson_lower_bound(pos, neg), event_id, target, created_at FROM ("
            " SELECT md5(d.event_id::text || ':' || d.finding_type || ':' || d.ord)::uuid AS id, "
            "i.dataset_id,"
            "  d.investigation_id, d.finding_type,"
            "  left(btrim(regexp_replace(d.summary, '[[:space:]]+', ' ', 'g')), 4000) AS summary, "
            "d.confidence,"
            "  coalesce(s1.pos, 0) + coalesce(s2.pos, 0) AS pos, coalesce(s1.neg, 0) + "
            "coalesce(s2.neg, 0) AS neg,"
            "  d.event_id, d.target, d.created_at "
            " FROM ke_find d JOIN {k}.agg_investigations i ON i.tenant_id = $1 AND "
            "i.investigation_id = d.investigation_id "
            " LEFT JOIN sc s1 ON s1.investigation_id = d.investigation_id AND s1.target_id = "
            "d.target "
            " LEFT JOIN sc s2 ON s2.investigation_id = d.investigation_id AND s2.target_id = "
            "d.event_id::text"
            "  AND d.target <> d.event_id::text OFFSET 0) f "
            // In key order: appending to the primary key instead of random inserts.
            "ORDER BY id"),
        "findings");
}

/// Level 2: the quirks' rows and their actors, now that investigations have their datasets.
void quirkRows(Run &run)
{
    // Quirks, now that investigations have their datasets.
    run.exec(QStringLiteral("DELETE FROM {k}.agg_quirks WHERE tenant_id = $1 {QUIRKS}"),
             "delete quirks");
    run.exec(QStringLiteral(
                 "INSERT INTO {k}.agg_quirks (tenant_id, quirk_id, dataset_id, investigation_id, "
                 "text, author_id,"
                 " created_at, last_edited_at, last_editor_id, retired_at, confirmations) "
                 "SELECT $1, q.quirk_id, coalesce("
                 "  (SELECT r.dataset_id FROM ke_ref r WHERE r.ref = q.ref),"
                 "  (SELECT i.dataset_id FROM {k}.agg_investigations i WHERE i.tenant_id = $1"
                 "   AND i.investigation_id = q.investigation_id)),"
                 " q.investigation_id, coalesce(q.text, ''), q.author_id, q.created_at, "
                 "q.last_edited_at,"
                 " q.last_editor_id, q.retired_at, q.confirmations FROM ke_quirk q"),
             "quirks");
    run.exec(QStringLiteral("DELETE FROM {k}.agg_quirk_actors WHERE tenant_id = $1 {QUIRKS}"),
             "delete quirk actors");
    run.exec(QStringLiteral("INSERT INTO {k}.agg_quirk_actors (tenant_id, quirk_id, actor_id, "
                            "authored, edits, confirmed) "
                            "SELECT $1, event_data->>'quirk_id', actor_id, count(*) FILTER (WHERE "
                            "event_type = 'quirk.added'),"
                            " count(*) FILTER (WHERE event_type = 'quirk.edited'),"
                            " least(count(*) FILTER (WHERE event_type = 'quirk.confirmed'), 1) "
                            "FROM {ev} WHERE tenant_id = $1 AND event_type IN ('quirk.added', "
                            "'quirk.edited', 'quirk.confirmed')"
                            " AND actor_id IS NOT NULL {QUIRK}"
                            " AND (event_data->>'quirk_id') IN (SELECT quirk_id FROM ke_quirk) "
                            "GROUP BY event_data->>'quirk_id', actor_id"),
             "quirk actors");
    run.exec(QStringLiteral("INSERT INTO ke_ds_t SELECT DISTINCT dataset_id FROM {k}.agg_quirks "
                            "WHERE tenant_id = $1"
                            " AND dataset_id IS NOT NULL {QUIRKS} ON CONFLICT DO NOTHING"),
             "quirk datasets touched");
}

/// Level 2 (investigations, findings, quirks of the run's window), step by step.
void levelTwo(Run &run, bool haveCatalog)
{
    stageFacts(run);
    resolveDatasets(run, haveCatalog);
    investigationRows(run);
    findingRows(run);
    quirkRows(run);
}

Result<AggregationReport> aggregate(Database &db, bool wantFull)
{
    if (db.tenantId().isNull())
        return noTenantError();
    QElapsedTimer timer;
    timer.start();
    return guarded(
        KnowledgeAggregator::tr("aggregating dataset knowledge"),
        [&]() -> Result<AggregationReport> {
            AggregationReport report;
            auto &conn = databasePrivate(db)->conn;
            pqxx::work tx(conn);
            const std::string tenant = uuidToStd(db.tenantId());
            const std::string events = toStd(db.settings().effectiveEventsTable());
            tx.exec_params("SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))",
                           "knowledge.aggregate." + toStd(db.settings().schema), tenant);
            const bool hasTxId
                = tx.exec_params(
                        "SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass($1)"
                        " AND attname = 'tx_id' AND NOT attisdropped)",
                        toStd(db.eventsTable()))[0][0]
                      .as<bool>();
            const std::string state = toStd(db.table(QStringLiteral("aggregation_state")));
            // The orchestrator's dataset catalog, when configured: it must have the columns the
            // resolution reads (a clear message instead of an SQL error in the middle of a run).
            const std::string catalog = toStd(db.settings().datasetsTable);
            if (!catalog.empty()) {
                const pqxx::result cols = tx.exec_params(
                    "SELECT to_regclass($1) IS NOT NULL, (SELECT count(DISTINCT attname) FROM "
                    "pg_attribute WHERE attrelid = to_regclass($1) AND NOT attisdropped AND "
                    "attnum > 0 AND attname IN ('id', 'tenant_id', $2))",
                    toStd(Database::quoteQualified(db.settings().datasetsTable)),
                    toStd(db.settings().datasetsNameColumn));
                if (!cols[0][0].as<bool>())
                    return makeError(
                        ErrorCode::InvalidDatasetsTable,
                        KnowledgeAggregator::tr(
                            "the dataset catalog '%1' (KNOWLEDGE_DATASETS_TABLE / "
                            "--datasets-table) does not exist or cannot be read — name an "
                            "existing table such as public.datasets, or unset it")
                            .arg(db.settings().datasetsTable));
                if (cols[0][1].as<int>() < 3)
                    return makeError(
                        ErrorCode::InvalidDatasetsTable,
                        KnowledgeAggregator::tr(
                            "the dataset catalog '%1' needs the columns id, tenant_id and %2 "
                            "— name the column holding dataset names with "
                            "KNOWLEDGE_DATASETS_NAME_COLUMN / --datasets-name-column")
                            .arg(db.settings().datasetsTable, db.settings().datasetsNameColumn));
            }
            const std::string catalogSource = catalog.empty()
                ? std::string()
                : catalog + "." + toStd(db.settings().datasetsNameColumn);
            const pqxx::result prev
                = tx.exec_params("SELECT last_snapshot, coalesce(datasets_source, '') FROM " + state
                                     + " WHERE tenant_id = $1 AND events_table = $2",
                                 tenant, events);
            const bool havePrev = !prev.empty() && !prev[0][0].is_null();
            // Another catalog (or none after one) resolves datasets differently: rebuild.
            const bool sameCatalog = !prev.empty() && prev[0][1].c_str() == catalogSource;
            report.full = wantFull || !hasTxId || !havePrev || !sameCatalog;
            std::string current;
            if (hasTxId)
                current = tx.exec("SELECT pg_current_snapshot()::text")[0][0].c_str();

            // JIT compiles each big statement for 0.1–0.8 s (more than most of them run) and the
            // full rebuild's sorts and hashes want memory rather than temp files.
            tx.exec("SET LOCAL jit = off");
            tx.exec(report.full ? "SET LOCAL work_mem = '256MB'" : "SET LOCAL work_mem = '64MB'");
            Run run(db, tx, report.full);
            if (report.full) {
                clearTenant(run);
            } else {
                // Exactly the events that became visible since the last run.
                const std::string window
                    = "CREATE TEMP TABLE ke_window ON COMMIT DROP AS SELECT id, investigation_id, "
                      "dataset_id,"
                      " event_type, event_data, actor_id, actor_type, created_at FROM "
                    + toStd(db.eventsTable()) + " WHERE tenant_id = $1 AND "
                    + toStd(ke::sql::newlyVisible(QStringLiteral("$2"), QStringLiteral("$3")));
                report.eventsProcessed = qint64(
                    tx.exec_params(window, tenant, prev[0][0].c_str(), current).affected_rows());
            }
            if (report.full || report.eventsProcessed > 0) {
                const qint64 all = levelOne(run);
                if (report.full)
                    report.eventsProcessed = all;
                levelTwo(run, !catalog.empty());
                report.datasetsTouched = levelThree(run);
            }
            if (report.full) {
                // Fresh statistics, or the planner takes the rebuilt tables for empty and the next
                // incremental runs pick seq scans (measured: 9.4 s instead of 2.4 s for 10k
                // events). Only the columns the aggregator and the knowledge queries filter and
                // join on: whole-table ANALYZE spent most of its time sorting the text columns
                // (outcome, summary) for histograms nobody uses (3.9 s of 51 s wall at 1M events,
                // load 10).
                for (const char *t :
                     {"agg_ratings (tenant_id, target_id, actor_id, investigation_id)",
                      "agg_inv_fallback (tenant_id, investigation_id)",
                      "agg_investigations (tenant_id, investigation_id, dataset_id)",
                      "agg_inv_actors (tenant_id, investigation_id, actor_id)",
                      "agg_ds_actors (tenant_id, dataset_id)",
                      "agg_quirks (tenant_id, quirk_id, dataset_id, investigation_id)",
                      "dataset_findings (tenant_id, dataset_id, investigation_id, feedback_score)"})
                    run.exec(QStringLiteral("ANALYZE {k}.%1").arg(QLatin1String(t)), "analyze");
            }
            tx.exec_params(
                "INSERT INTO " + state
                    + " AS s (tenant_id, events_table, last_snapshot, last_run_at, last_full_at,"
                      " datasets_source) VALUES ($1, $2, $3, now(), CASE WHEN $4 THEN now() END,"
                      " $5) ON CONFLICT (tenant_id, events_table) DO UPDATE SET"
                      " last_snapshot = excluded.last_snapshot, last_run_at = now(),"
                      " datasets_source = excluded.datasets_source,"
                      " last_full_at = coalesce(excluded.last_full_at, s.last_full_at)",
                tenant, events, hasTxId ? std::optional<std::string>(current) : std::nullopt,
                report.full, catalogSource);
            tx.commit();
            report.seconds = double(timer.nsecsElapsed()) / 1e9;
            return report;
        });
}

} // namespace

Result<AggregationReport> KnowledgeAggregator::runIncremental(Database &db)
{
    return aggregate(db, false);
}

Result<AggregationReport> KnowledgeAggregator::rebuild(Database &db)
{
    return aggregate(db, true);
}

Result<QList<QuirkHistoryEntry>> KnowledgeAggregator::quirkHistory(Database &db,
                                                                   const QString &quirkId)
{
    return guarded(tr("reading the history of quirk '%1'").arg(quirkId),
                   [&]() -> Result<QList<QuirkHistoryEntry>> {
                       pqxx::nontransaction tx(databasePrivate(db)->conn);
                       const pqxx::result r = tx.exec_params(
                           "SELECT id, event_type, actor_id, created_at, event_data::text FROM "
                               + toStd(db.eventsTable())
                               + " WHERE tenant_id = $1 AND event_type LIKE 'quirk.%' AND "
                                 "event_data->>'quirk_id' = $2"
                                 " ORDER BY created_at, id",
                           uuidToStd(db.tenantId()), toStd(quirkId));
                       QList<QuirkHistoryEntry> out;
                       for (const auto &row : r) {
                           QuirkHistoryEntry e;
                           readColumns(row, 0, e.eventId, e.eventType, e.actorId, e.createdAt,
                                       e.data);
                           out.append(e);
                       }
                       return out;
                   });
}

} // namespace ke
