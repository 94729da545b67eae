// The dataset level of the aggregation (see knowledgeaggregator.cpp for how a run works): every
// dataset reference resolved to one dataset, the per-dataset running sums of the actors, and
// level 3, the dataset_knowledge rows.

#include "private/aggregationrun_p.h"

namespace ke::aggregation {

// Adds (sign +1) or subtracts (-1) the agg_inv_actors rows of the recomputed investigations
// (all in a full run) to the running sums agg_ds_actors of their datasets; sums that reach
// zero are removed, so the table is the same whatever the sequence of runs.
void addDatasetActors(Run &run, int sign)
{
    if (run.full()) {
        run.exec(QStringLiteral(
                     "INSERT INTO {k}.agg_ds_actors (tenant_id, dataset_id, actor_id, started, "
                     "feedback, comments) "
                     "SELECT $1, i.dataset_id, a.actor_id, sum(a.started), sum(a.feedback), "
                     "sum(a.comments) "
                     "FROM {k}.agg_inv_actors a JOIN {k}.agg_investigations i ON i.tenant_id = $1"
                     " AND i.investigation_id = a.investigation_id WHERE a.tenant_id = $1 "
                     "GROUP BY i.dataset_id, a.actor_id ORDER BY 2, 3"),
                 "dataset actors");
        return;
    }
    run.exec(
        QStringLiteral(
            "INSERT INTO {k}.agg_ds_actors AS d (tenant_id, dataset_id, actor_id, started, "
            "feedback, comments) "
            "SELECT $1, i.dataset_id, a.actor_id, %1 * sum(a.started), %1 * sum(a.feedback),"
            " %1 * sum(a.comments) "
            "FROM {k}.agg_inv_actors a JOIN {k}.agg_investigations i ON i.tenant_id = $1"
            " AND i.investigation_id = a.investigation_id WHERE a.tenant_id = $1"
            " AND a.investigation_id IN (SELECT investigation_id FROM ke_inv_t) "
            "GROUP BY i.dataset_id, a.actor_id ORDER BY 2, 3 "
            "ON CONFLICT (tenant_id, dataset_id, actor_id) DO UPDATE SET started = d.started + "
            "excluded.started,"
            " feedback = d.feedback + excluded.feedback, comments = d.comments + excluded.comments")
            .arg(sign),
        sign > 0 ? "dataset actors +" : "dataset actors -");
    if (sign > 0)
        run.exec(
            QStringLiteral("DELETE FROM {k}.agg_ds_actors WHERE tenant_id = $1 AND started = 0 AND "
                           "feedback = 0"
                           " AND comments = 0 AND dataset_id IN (SELECT dataset_id FROM ke_ds_t)"),
            "dataset actors 0");
}

// Resolves every dataset reference of the recomputed investigations and quirks (a name such as
// "public.orders", a dataset UUID, the dataset_id column) to one dataset id, in ke_ref (ref,
// ref_id, name, dataset_id). A name is a dataset of that name (created when new). A UUID is, with
// the orchestrator's catalog configured (KNOWLEDGE_DATASETS_TABLE), the dataset of its catalog
// name — so a dataset named by name in one investigation and by catalog UUID in another is one —
// else the dataset of that id (an "unnamed dataset" until a name becomes known: its placeholder
// row, named by its UUID, then takes the name). New datasets named by name take the catalog's id
// for that name when there is exactly one.
void resolveDatasets(Run &run, bool haveCatalog)
{
    run.exec(
        QStringLiteral("CREATE TEMP TABLE ke_ref ON COMMIT DROP AS "
                       "SELECT ref, CASE WHEN ref ~ {uuid_re} THEN ref::uuid END AS ref_id,"
                       " CASE WHEN ref !~ {uuid_re} THEN ref END AS name, NULL::uuid AS dataset_id "
                       "FROM (SELECT ref FROM ke_inv WHERE ref IS NOT NULL"
                       " UNION SELECT fallback_dataset_id::text FROM ke_inv"
                       "  WHERE fallback_dataset_id IS NOT NULL"
                       " UNION SELECT ref FROM ke_quirk WHERE ref IS NOT NULL) r"),
        "dataset refs");
    // The catalog: its rows of this tenant (ids compared as canonical text, so a text or uuid
    // column works).
    const QString catalog = QStringLiteral(
        "(SELECT lower(c.id::text) AS id, nullif(btrim(c.{cat_name}::text), '') AS name"
        " FROM {cat} c WHERE lower(c.tenant_id::text) = $1::text)");
    if (haveCatalog) {
        run.exec(QStringLiteral("UPDATE ke_ref r SET name = c.name FROM (SELECT DISTINCT ON (id) "
                                "id, name FROM %1 x WHERE name IS NOT NULL ORDER BY id, name) c "
                                "WHERE r.ref_id IS NOT NULL AND c.id = r.ref_id::text")
                     .arg(catalog),
                 "catalog names");
        // Where a name has exactly one catalog id, that id (placeholders renamed, new datasets).
        run.exec(QStringLiteral("UPDATE ke_ref r SET ref_id = c.id::uuid FROM (SELECT name, "
                                "min(id) AS id FROM %1 x WHERE name IS NOT NULL AND id ~ {uuid_re} "
                                "GROUP BY name HAVING count(*) = 1) c "
                                "WHERE r.ref_id IS NULL AND r.name = c.name")
                     .arg(catalog),
                 "catalog ids");
        // A placeholder (an unnamed dataset, named by its UUID) takes its name when no other
        // dataset has it yet.
        run.exec(QStringLiteral(
                     "UPDATE {k}.datasets d SET name = x.name FROM ("
                     " SELECT DISTINCT ON (name) name, ref_id FROM ke_ref"
                     " WHERE name IS NOT NULL AND ref_id IS NOT NULL ORDER BY name, ref_id) x "
                     "WHERE d.tenant_id = $1 AND d.id = x.ref_id AND d.name = d.id::text"
                     " AND NOT EXISTS (SELECT 1 FROM {k}.datasets o WHERE o.tenant_id = $1"
                     "  AND o.name = x.name)"),
                 "placeholders named");
    }
    // Names never seen before become datasets.
    run.exec(QStringLiteral(
                 "INSERT INTO {k}.datasets (tenant_id, id, name) "
                 "SELECT DISTINCT ON (r.name) $1, coalesce(r.ref_id, gen_random_uuid()), r.name "
                 "FROM ke_ref r WHERE r.name IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
                 "{k}.datasets d WHERE d.tenant_id = $1 AND d.name = r.name) "
                 "ORDER BY r.name, r.ref_id ON CONFLICT DO NOTHING"),
             "new datasets");
    run.exec(QStringLiteral("UPDATE ke_ref r SET dataset_id = coalesce((SELECT d.id FROM "
                            "{k}.datasets d WHERE d.tenant_id = $1 AND d.name = r.name), "
                            "CASE WHEN r.ref ~ {uuid_re} THEN r.ref::uuid END)"),
             "resolve datasets");
    // UUIDs nobody named: an unnamed dataset each.
    run.exec(QStringLiteral(
                 "INSERT INTO {k}.datasets (tenant_id, id, name) SELECT DISTINCT $1, "
                 "r.dataset_id, r.dataset_id::text FROM ke_ref r WHERE r.dataset_id IS NOT NULL"
                 " AND NOT EXISTS (SELECT 1 FROM {k}.datasets d WHERE d.tenant_id = $1"
                 "  AND d.id = r.dataset_id) ORDER BY 2 ON CONFLICT DO NOTHING"),
             "unnamed datasets");
    // A full run sees every reference: a placeholder whose UUID now resolves to another
    // (named) dataset is gone, with the knowledge it had.
    if (run.full() && haveCatalog)
        run.exec(
            QStringLiteral("DELETE FROM {k}.datasets d USING ke_ref r WHERE d.tenant_id = $1"
                           " AND r.ref ~ {uuid_re} AND d.id = r.ref::uuid AND r.dataset_id <> d.id"
                           " AND d.name = d.id::text"),
            "placeholders merged");
    run.exec(QStringLiteral("CREATE INDEX ON ke_ref (ref)"), "index refs");
    run.exec(QStringLiteral("ANALYZE ke_ref"), "analyze");
}

qint64 levelThree(Run &run)
{
    // A dataset named by a bare UUID nobody registered still gets a row (named by its UUID).
    run.exec(
        QStringLiteral(
            "INSERT INTO {k}.datasets (tenant_id, id, name) SELECT $1, t.dataset_id, "
            "t.dataset_id::text "
            "FROM ke_ds_t t WHERE NOT EXISTS (SELECT 1 FROM {k}.datasets d WHERE d.tenant_id = $1"
            " AND d.id = t.dataset_id) ORDER BY 2 ON CONFLICT DO NOTHING"),
        "unregistered datasets");
    if (!run.full())
        run.exec(QStringLiteral("ANALYZE ke_ds_t"), "analyze");
    run.exec(QStringLiteral("DELETE FROM {k}.dataset_knowledge WHERE tenant_id = $1 %1")
                 .arg(run.full()
                          ? QString()
                          : QStringLiteral("AND dataset_id IN (SELECT dataset_id FROM ke_ds_t)")),
             "delete knowledge");
    // Owners: weight 3 per investigation started and per quirk written, 2 per quirk edit and
    // per comment, 1 per (latest) rating and per quirk confirmed; top 5 with their share.
    const pqxx::result r = run.exec(
        QStringLiteral(
            "INSERT INTO {k}.dataset_knowledge (tenant_id, dataset_id, investigation_count,"
            " positive_feedback_count, negative_feedback_count, last_investigation_at, "
            "common_issues,"
            " known_quirks, owners, updated_at) "
            // Investigations that started; rows without a start (a quirk made outside an
            // investigation carries the dataset's id as its investigation id) only resolve
            // datasets and carry their ratings.
            "WITH inv AS (SELECT i.dataset_id, count(*) FILTER (WHERE start_event_id IS NOT NULL)"
            "  AS n, sum(positive_count) AS pos, sum(negative_count) AS neg,"
            "  max(coalesce(started_at, finished_at)) FILTER (WHERE start_event_id IS NOT NULL)"
            "  AS last"
            "  FROM {k}.agg_investigations i JOIN ke_ds_t USING (dataset_id) WHERE i.tenant_id = $1"
            "  GROUP BY i.dataset_id),"
            " iss AS (SELECT dataset_id, jsonb_agg(jsonb_build_object('kind', kind, 'issue', "
            "issue, 'count', n,"
            "   'last_seen', last_seen) ORDER BY n DESC, last_seen DESC, kind, issue) AS j FROM ("
            "  SELECT *, row_number() OVER (PARTITION BY dataset_id ORDER BY n DESC, last_seen "
            "DESC, kind, issue) AS rk"
            "  FROM (SELECT i.dataset_id, 'anomaly_type' AS kind, anomaly_type AS issue, count(*) "
            "AS n,"
            "    max(coalesce(started_at, finished_at)) AS last_seen FROM {k}.agg_investigations i"
            "    JOIN ke_ds_t USING (dataset_id) WHERE i.tenant_id = $1 AND anomaly_type IS NOT "
            "NULL"
            "    GROUP BY 1, 2, 3"
            "   UNION ALL SELECT i.dataset_id, 'root_cause', root_cause_theme, count(*),"
            "    max(coalesce(finished_at, started_at)) FROM {k}.agg_investigations i"
            "    JOIN ke_ds_t USING (dataset_id) WHERE i.tenant_id = $1 AND root_cause_theme IS "
            "NOT NULL"
            "    GROUP BY 1, 2, 3) g) r WHERE rk <= 10 GROUP BY dataset_id),"
            " qk AS (SELECT q.dataset_id, jsonb_agg(jsonb_build_object('quirk_id', q.quirk_id, "
            "'text', q.text,"
            "   'author_id', q.author_id, 'author', p.handle, 'created_at', q.created_at,"
            "   'last_edited_at', q.last_edited_at, 'confirmations', q.confirmations)"
            "   ORDER BY q.confirmations DESC, q.created_at DESC, q.quirk_id) AS j"
            "  FROM {k}.agg_quirks q JOIN ke_ds_t USING (dataset_id)"
            "  LEFT JOIN {k}.people p ON p.tenant_id = $1 AND p.id = q.author_id"
            "  WHERE q.tenant_id = $1 AND q.retired_at IS NULL GROUP BY q.dataset_id),"
            " anyq AS (SELECT DISTINCT q.dataset_id FROM {k}.agg_quirks q JOIN ke_ds_t USING "
            "(dataset_id)"
            "  WHERE q.tenant_id = $1),"
            " contrib AS (SELECT dataset_id, actor_id, sum(started) AS started, sum(feedback) AS "
            "feedback,"
            "   sum(comments) AS comments, sum(quirks) AS quirks,"
            "   sum(3 * started + feedback + 2 * comments + quirk_weight) AS score FROM ("
            "   SELECT a.dataset_id, a.actor_id, a.started, a.feedback, a.comments, 0 AS quirks, 0 "
            "AS quirk_weight"
            "   FROM {k}.agg_ds_actors a JOIN ke_ds_t t ON t.dataset_id = a.dataset_id"
            "   WHERE a.tenant_id = $1"
            "   UNION ALL SELECT q.dataset_id, a.actor_id, 0, 0, 0, a.authored + a.edits + "
            "a.confirmed,"
            "    3 * a.authored + 2 * a.edits + a.confirmed"
            "   FROM {k}.agg_quirk_actors a JOIN {k}.agg_quirks q ON q.tenant_id = $1 AND "
            "q.quirk_id = a.quirk_id"
            "    JOIN ke_ds_t t ON t.dataset_id = q.dataset_id WHERE a.tenant_id = $1) x"
            "  GROUP BY dataset_id, actor_id),"
            " own AS (SELECT dataset_id, jsonb_agg(jsonb_build_object('actor_id', actor_id, "
            "'handle', handle,"
            "   'display_name', display_name, 'score', score, 'share', share,"
            "   'investigations_started', started, 'feedback', feedback, 'comments', comments, "
            "'quirks', quirks)"
            "   ORDER BY score DESC, actor_id) AS j FROM ("
            "  SELECT c.*, p.handle, p.display_name,"
            "   round(c.score / nullif(sum(c.score) OVER (PARTITION BY c.dataset_id), 0), "
            "4)::float8 AS share,"
            "   row_number() OVER (PARTITION BY c.dataset_id ORDER BY c.score DESC, c.actor_id) AS "
            "rk"
            "  FROM contrib c LEFT JOIN {k}.people p ON p.tenant_id = $1 AND p.id = c.actor_id"
            "  WHERE c.score > 0) o WHERE rk <= 5 GROUP BY dataset_id) "
            "SELECT $1, t.dataset_id, coalesce(inv.n, 0), coalesce(inv.pos, 0), coalesce(inv.neg, "
            "0), inv.last,"
            " coalesce(iss.j, '[]'::jsonb), coalesce(qk.j, '[]'::jsonb), coalesce(own.j, "
            "'[]'::jsonb), now() "
            "FROM ke_ds_t t LEFT JOIN inv USING (dataset_id) LEFT JOIN iss USING (dataset_id)"
            " LEFT JOIN qk USING (dataset_id) LEFT JOIN own USING (dataset_id) LEFT JOIN anyq "
            "USING (dataset_id) "
            "WHERE inv.n IS NOT NULL OR anyq.dataset_id IS NOT NULL"),
        "knowledge");
    return qint64(r.affected_rows());
}

} // namespace ke::aggregation
