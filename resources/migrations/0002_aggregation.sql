-- Knowledge Explorer schema, version 2: the state of the knowledge aggregator.
-- Everything here is derived from the events table and can be rebuilt from it
-- (`knowledgectl aggregate --full`). Keys start with tenant_id; row-level security as in 0001.
--
-- Three levels (see core/knowledgeaggregator.cpp):
--   1. per event, merged order-insensitively: agg_ratings (latest rating per person per
--      target), agg_inv_fallback (earliest dataset_id column seen per investigation);
--   2. per investigation / per quirk, recomputed from the source events when touched:
--      agg_investigations, agg_inv_actors, agg_quirks, agg_quirk_actors, dataset_findings;
--   3. per dataset, recomputed from level 2 when touched: dataset_knowledge.

-- Where the last incremental run stopped: the pg_snapshot (as text) it processed up to.
CREATE TABLE {{schema}}.aggregation_state (
    tenant_id      uuid NOT NULL,
    events_table   text NOT NULL,
    last_snapshot  text,
    last_run_at    timestamptz,
    last_full_at   timestamptz,
    PRIMARY KEY (tenant_id, events_table)
);

-- Latest rating of one person (actor) on one target; re-rating replaces (latest created_at,
-- then the larger event id, wins).
CREATE TABLE {{schema}}.agg_ratings (
    tenant_id         uuid NOT NULL,
    target_id         text NOT NULL,
    actor_id          uuid NOT NULL,
    investigation_id  uuid NOT NULL,
    target_type       text NOT NULL,
    rating            smallint NOT NULL CHECK (rating IN (1, -1)),
    created_at        timestamptz NOT NULL,
    event_id          uuid NOT NULL,
    PRIMARY KEY (tenant_id, target_id, actor_id)
);
CREATE INDEX agg_ratings_investigation ON {{schema}}.agg_ratings (tenant_id, investigation_id);

-- The earliest event of an investigation that carried a dataset_id column: the investigation's
-- dataset when no investigation.started names one.
CREATE TABLE {{schema}}.agg_inv_fallback (
    tenant_id         uuid NOT NULL,
    investigation_id  uuid NOT NULL,
    dataset_id        uuid NOT NULL,
    created_at        timestamptz NOT NULL,
    event_id          uuid NOT NULL,
    PRIMARY KEY (tenant_id, investigation_id)
);

-- One row per investigation with a resolved dataset.
CREATE TABLE {{schema}}.agg_investigations (
    tenant_id          uuid NOT NULL,
    investigation_id   uuid NOT NULL,
    dataset_id         uuid NOT NULL,
    start_event_id     uuid,
    started_at         timestamptz,
    started_by         uuid,
    anomaly_type       text,
    status             text,          -- 'completed' | 'failed' | NULL (running)
    outcome            text,          -- root cause or error, one line
    root_cause_theme   text,
    finished_at        timestamptz,
    last_event_at      timestamptz,
    positive_count     integer NOT NULL DEFAULT 0,
    negative_count     integer NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, investigation_id)
);
CREATE INDEX agg_investigations_dataset ON {{schema}}.agg_investigations (tenant_id, dataset_id);

-- How much each person did in one investigation (for owners).
CREATE TABLE {{schema}}.agg_inv_actors (
    tenant_id         uuid NOT NULL,
    investigation_id  uuid NOT NULL,
    actor_id          uuid NOT NULL,
    started           integer NOT NULL DEFAULT 0,
    feedback          integer NOT NULL DEFAULT 0,
    comments          integer NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, investigation_id, actor_id)
);

-- Current state of each quirk (its history stays in the events).
CREATE TABLE {{schema}}.agg_quirks (
    tenant_id         uuid NOT NULL,
    quirk_id          text NOT NULL,
    dataset_id        uuid,
    investigation_id  uuid,
    text              text,
    author_id         uuid,
    created_at        timestamptz,
    last_edited_at    timestamptz,
    last_editor_id    uuid,
    retired_at        timestamptz,
    confirmations     integer NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, quirk_id)
);
CREATE INDEX agg_quirks_dataset ON {{schema}}.agg_quirks (tenant_id, dataset_id);
CREATE INDEX agg_quirks_investigation ON {{schema}}.agg_quirks (tenant_id, investigation_id);

CREATE TABLE {{schema}}.agg_quirk_actors (
    tenant_id   uuid NOT NULL,
    quirk_id    text NOT NULL,
    actor_id    uuid NOT NULL,
    authored    integer NOT NULL DEFAULT 0,
    edits       integer NOT NULL DEFAULT 0,
    confirmed   integer NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, quirk_id, actor_id)
);

-- Lower bound of the 95% Wilson score interval for the share of thumbs up: ranks a finding
-- with 1 up / 0 down (0.21) below one with 20 up / 1 down (0.77); no votes scores 0.
-- One expression without FROM, so the planner inlines it (a SQL function with a sub-select
-- runs through the function executor: ~10 µs a row, 1.8 s for the 175k findings of 1M events).
-- z = 1.959964; p = pos / n; n = pos + neg.
CREATE OR REPLACE FUNCTION {{schema}}.wilson_lower_bound(pos bigint, neg bigint)
RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT CASE WHEN coalesce(pos, 0) + coalesce(neg, 0) = 0 THEN 0::double precision ELSE
     round((((coalesce(pos, 0)::double precision / (coalesce(pos, 0) + coalesce(neg, 0)))
             + 1.959964::double precision * 1.959964::double precision
               / (2 * (coalesce(pos, 0) + coalesce(neg, 0))::double precision)
             - 1.959964::double precision
               * sqrt(((coalesce(pos, 0)::double precision / (coalesce(pos, 0) + coalesce(neg, 0)))
                       * (1 - coalesce(pos, 0)::double precision / (coalesce(pos, 0) + coalesce(neg, 0)))
                       + 1.959964::double precision * 1.959964::double precision
                         / (4 * (coalesce(pos, 0) + coalesce(neg, 0))::double precision))
                      / (coalesce(pos, 0) + coalesce(neg, 0))::double precision))
            / (1 + 1.959964::double precision * 1.959964::double precision
                   / (coalesce(pos, 0) + coalesce(neg, 0))::double precision))::numeric, 6)::double precision
   END $$;

-- "Late data on weekends 3 days" and "late data on weekends 2 days." are one theme.
CREATE OR REPLACE FUNCTION {{schema}}.issue_theme(t text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT nullif(left(btrim(regexp_replace(regexp_replace(lower(t), '[0-9]+([.,][0-9]+)?', '#', 'g'),
                                          '[[:space:]]+', ' ', 'g'), ' .;:,!'), 120), '') $$;

-- Reading an investigation's sparse events (start, outcome, findings, comments) without
-- touching its many steps and ratings.
CREATE INDEX feedback_events_inv_sparse ON {{schema}}.feedback_events (tenant_id, investigation_id)
    WHERE event_type IN ('investigation.started', 'investigation.completed', 'investigation.failed',
                         'synthesis.generated', 'evidence.evaluated', 'comment.added');
-- A quirk's history.
CREATE INDEX feedback_events_quirk ON {{schema}}.feedback_events (tenant_id, (event_data ->> 'quirk_id'))
    WHERE event_type LIKE 'quirk.%';

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['aggregation_state', 'agg_ratings', 'agg_inv_fallback',
                             'agg_investigations', 'agg_inv_actors', 'agg_quirks',
                             'agg_quirk_actors']
    LOOP
        EXECUTE format('ALTER TABLE {{schema}}.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON {{schema}}.%I
                        USING (tenant_id = {{schema}}.current_tenant())
                        WITH CHECK (tenant_id = {{schema}}.current_tenant())', t);
    END LOOP;
END $$;
