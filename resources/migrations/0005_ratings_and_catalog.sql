-- Knowledge Explorer schema, version 5: one rule for "each person's latest rating" (issue 9).
--
-- The rule (README, "Ratings"): per target — an investigation and the id of the step rated in
-- it (target ids such as "h1" repeat across investigations) — each person's latest valid rating
-- counts, latest by created_at, ties broken by the time-ordered event id. A rating without an
-- actor counts on its own (nobody can re-rate it). A rating stored as the string "1" / "-1"
-- counts like the number. Anything else is not a rating and is ignored.
--
-- Owners of the rule: the two functions below (SQL) and core/latestrating.{h,cpp} (the C++
-- twin used by the investigation view, and the SQL text of the DISTINCT ON that the aggregator
-- and the training builder share).

-- The value of a feedback event's rating: 1, -1 or NULL (not a rating).
CREATE OR REPLACE FUNCTION {{schema}}.rating_value(data jsonb) RETURNS smallint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
    SELECT CASE WHEN data->>'rating' IN ('1', '1.0', '+1') THEN 1::smallint
                WHEN data->>'rating' IN ('-1', '-1.0') THEN -1::smallint END
$$;

-- Who a rating is from, for "each person's latest": the actor, or — without one — the event
-- itself (each anonymous rating is its own person).
CREATE OR REPLACE FUNCTION {{schema}}.rating_person(actor_id uuid, event_id uuid) RETURNS uuid
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
    SELECT coalesce(actor_id, event_id)
$$;

-- agg_ratings follows the rule: keyed by (investigation, target, person); actor_id is NULL for
-- an anonymous rating. The table is derived, so it is emptied and the next aggregation is a
-- full rebuild (aggregation_state is cleared below).
TRUNCATE {{schema}}.agg_ratings;
ALTER TABLE {{schema}}.agg_ratings DROP CONSTRAINT agg_ratings_pkey;
ALTER TABLE {{schema}}.agg_ratings ADD COLUMN person uuid NOT NULL;
ALTER TABLE {{schema}}.agg_ratings ALTER COLUMN actor_id DROP NOT NULL;
ALTER TABLE {{schema}}.agg_ratings
    ADD PRIMARY KEY (tenant_id, investigation_id, target_id, person);
DROP INDEX IF EXISTS {{schema}}.agg_ratings_investigation;

-- Which dataset catalog (KNOWLEDGE_DATASETS_TABLE) the last run resolved dataset UUIDs with:
-- another one (or none after one) makes the next run a full rebuild, so that a dataset named
-- by catalog UUID in one investigation and by name in another become one.
ALTER TABLE {{schema}}.aggregation_state ADD COLUMN datasets_source text;

-- Every derived row is recomputed under the new rules (investigation_count counts only
-- investigations that started; the rating rule; catalog names).
DELETE FROM {{schema}}.aggregation_state;
