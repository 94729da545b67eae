-- Knowledge Explorer schema, version 3: the ML training pipeline (issue 5).
--
-- ml_training_examples (created in 0001) gets the columns the builder and the exporter need;
-- training_build_state remembers how far the incremental builder has read the event log.
--
-- Tenant settings read by the pipeline (tenants.settings JSONB; all optional):
--   {"training_export": {"cross_tenant": true,          -- opt in to anonymised cross-tenant export
--                        "allow_dataset_names": false,  -- keep dataset names unmasked in it
--                        "hmac_key": "..."},            -- anonymisation key when
--                                                       -- KNOWLEDGE_EXPORT_KEY is not set
--    "training": {"dataset_type_rules": [{"match": "regex", "type": "events"}, ...]}}
--                                                       -- tried before the built-in rules

ALTER TABLE {{schema}}.ml_training_examples
    ADD COLUMN feedback_count integer NOT NULL DEFAULT 0,
    ADD COLUMN dataset_id     uuid,
    ADD COLUMN dataset_name   text,
    ADD COLUMN metadata       jsonb NOT NULL DEFAULT '{}'::jsonb,
    ADD COLUMN built_at       timestamptz NOT NULL DEFAULT now();

-- The export streams in (task_type, id) order without a sort; the builder replaces the
-- examples of one investigation at a time; preference pairs join within an investigation.
CREATE INDEX ml_training_examples_export
    ON {{schema}}.ml_training_examples (tenant_id, task_type, id);
CREATE INDEX ml_training_examples_investigation
    ON {{schema}}.ml_training_examples (tenant_id, investigation_id, task_type);

CREATE TABLE {{schema}}.training_build_state (
    tenant_id        uuid PRIMARY KEY,
    -- created_at of the newest event seen by the last build; the next incremental build
    -- revisits every investigation with an event newer than this minus an overlap window.
    events_seen_until timestamptz,
    last_full_build   timestamptz,
    built_at          timestamptz NOT NULL DEFAULT now(),
    examples          bigint NOT NULL DEFAULT 0
);
ALTER TABLE {{schema}}.training_build_state ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON {{schema}}.training_build_state
    USING (tenant_id = {{schema}}.current_tenant())
    WITH CHECK (tenant_id = {{schema}}.current_tenant());

-- Deterministic example ids: a UUID (version nibble 5, variant 8) from SHA-256 of
-- tenant/task/key, so rebuilding yields the same ids and exports stay comparable.
CREATE OR REPLACE FUNCTION {{schema}}.training_example_id(tenant uuid, task text, key text)
RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT overlay(overlay(substr(encode(sha256(convert_to(tenant::text || '/' || task || '/' || key,
                                                            'UTF8')), 'hex'), 1, 32)
                          PLACING '5' FROM 13 FOR 1)
                  PLACING '8' FROM 17 FOR 1)::uuid $$;

-- The tenants that opted in to cross-tenant training export. Runs with the owner's rights
-- because row-level security hides other tenants' rows; it reveals only the id and the
-- two export settings, never names.
CREATE OR REPLACE FUNCTION {{schema}}.training_export_tenants()
RETURNS TABLE (tenant_id uuid, allow_dataset_names boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS
$$ SELECT t.id, coalesce((t.settings -> 'training_export' ->> 'allow_dataset_names')::boolean, false)
   FROM {{schema}}.tenants t
   WHERE coalesce((t.settings -> 'training_export' ->> 'cross_tenant')::boolean, false)
   ORDER BY t.id $$;
