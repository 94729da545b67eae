-- Knowledge Explorer schema, version 1.
-- {{schema}} is the product's own schema (quoted). Every tenant table carries tenant_id,
-- every primary and unique key starts with it (Citus-ready), and row-level security confines
-- a session to the tenant named by the setting knowledge.tenant_id.

CREATE OR REPLACE FUNCTION {{schema}}.current_tenant() RETURNS uuid
LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('knowledge.tenant_id', true), '')::uuid $$;

CREATE TABLE {{schema}}.tenants (
    id          uuid PRIMARY KEY,
    slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
    name        text NOT NULL,
    settings    jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Resolves a tenant UUID or slug even for a role that row-level security keeps from
-- reading the tenants table (it runs with the owner's rights and reveals only the id).
CREATE OR REPLACE FUNCTION {{schema}}.resolve_tenant(key text) RETURNS uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog AS
$$
DECLARE
    found uuid;
BEGIN
    -- Test the UUID form before casting: SQL does not short-circuit OR, so a slug must never
    -- reach the ::uuid cast.
    IF key ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
        SELECT t.id INTO found FROM {{schema}}.tenants t WHERE t.id = key::uuid;
        IF found IS NOT NULL THEN
            RETURN found;
        END IF;
    END IF;
    SELECT t.id INTO found FROM {{schema}}.tenants t WHERE t.slug = lower(key);
    RETURN found;
END
$$;

CREATE TABLE {{schema}}.people (
    tenant_id     uuid NOT NULL REFERENCES {{schema}}.tenants (id),
    id            uuid NOT NULL,
    handle        text NOT NULL,
    display_name  text NOT NULL,
    email         text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, handle)
);

CREATE TABLE {{schema}}.datasets (
    tenant_id    uuid NOT NULL REFERENCES {{schema}}.tenants (id),
    id           uuid NOT NULL,
    name         text NOT NULL,
    description  text,
    metadata     jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, name)
);

-- The append-only event stream. tx_id records the writing transaction so that the
-- aggregator can tell, from two snapshots, exactly which events became visible in between
-- (a slow writer's late commit is never missed, nothing is counted twice).
CREATE TABLE {{schema}}.feedback_events (
    id                uuid NOT NULL,
    tenant_id         uuid NOT NULL,
    investigation_id  uuid NOT NULL,
    dataset_id        uuid,
    event_type        varchar(100) NOT NULL,
    event_data        jsonb NOT NULL DEFAULT '{}'::jsonb,
    actor_id          uuid,
    actor_type        varchar(16) NOT NULL CHECK (actor_type IN ('user', 'system')),
    created_at        timestamptz NOT NULL DEFAULT now(),
    tx_id             xid8 NOT NULL DEFAULT pg_current_xact_id(),
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX feedback_events_tenant_time ON {{schema}}.feedback_events (tenant_id, created_at DESC);
CREATE INDEX feedback_events_investigation ON {{schema}}.feedback_events (tenant_id, investigation_id);
CREATE INDEX feedback_events_dataset ON {{schema}}.feedback_events (tenant_id, dataset_id, created_at DESC)
    WHERE dataset_id IS NOT NULL;
CREATE INDEX feedback_events_type ON {{schema}}.feedback_events (tenant_id, event_type);
CREATE INDEX feedback_events_tx ON {{schema}}.feedback_events (tx_id);
CREATE INDEX feedback_events_data ON {{schema}}.feedback_events USING gin (event_data jsonb_path_ops);

CREATE OR REPLACE FUNCTION {{schema}}.refuse_event_change() RETURNS trigger
LANGUAGE plpgsql AS
$$ BEGIN
    RAISE EXCEPTION 'feedback_events is append-only: % is refused', TG_OP
        USING ERRCODE = 'object_not_in_prerequisite_state',
              HINT = 'Events are never changed or removed; record a new event (e.g. quirk.edited, or a new feedback rating that replaces the earlier one).';
END $$;
CREATE TRIGGER feedback_events_append_only
    BEFORE UPDATE OR DELETE ON {{schema}}.feedback_events
    FOR EACH ROW EXECUTE FUNCTION {{schema}}.refuse_event_change();
CREATE TRIGGER feedback_events_no_truncate
    BEFORE TRUNCATE ON {{schema}}.feedback_events
    FOR EACH STATEMENT EXECUTE FUNCTION {{schema}}.refuse_event_change();

CREATE TABLE {{schema}}.dataset_knowledge (
    tenant_id                 uuid NOT NULL,
    dataset_id                uuid NOT NULL,
    investigation_count       integer NOT NULL DEFAULT 0,
    positive_feedback_count   integer NOT NULL DEFAULT 0,
    negative_feedback_count   integer NOT NULL DEFAULT 0,
    last_investigation_at     timestamptz,
    common_issues             jsonb NOT NULL DEFAULT '[]'::jsonb,
    known_quirks              jsonb NOT NULL DEFAULT '[]'::jsonb,
    owners                    jsonb NOT NULL DEFAULT '[]'::jsonb,
    updated_at                timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, dataset_id)
);

CREATE TABLE {{schema}}.dataset_findings (
    tenant_id         uuid NOT NULL,
    id                uuid NOT NULL,
    dataset_id        uuid NOT NULL,
    investigation_id  uuid NOT NULL,
    finding_type      varchar(32) NOT NULL
                      CHECK (finding_type IN ('root_cause', 'observation', 'recommendation')),
    summary           text NOT NULL,
    confidence        double precision CHECK (confidence BETWEEN 0 AND 1),
    feedback_score    double precision NOT NULL DEFAULT 0,
    source_event_id   uuid,
    source_target_id  text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX dataset_findings_dataset ON {{schema}}.dataset_findings (tenant_id, dataset_id, feedback_score DESC);
CREATE INDEX dataset_findings_investigation ON {{schema}}.dataset_findings (tenant_id, investigation_id);

CREATE TABLE {{schema}}.search_embeddings (
    tenant_id    uuid NOT NULL,
    id           uuid NOT NULL,
    source_type  varchar(16) NOT NULL
                 CHECK (source_type IN ('finding', 'hypothesis', 'query', 'comment', 'quirk')),
    source_id    text NOT NULL,
    dataset_id   uuid,
    content      text NOT NULL,
    embedding    real[],
    model        text NOT NULL,
    dimension    integer NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, source_type, source_id, model)
);
CREATE INDEX search_embeddings_dataset ON {{schema}}.search_embeddings (tenant_id, dataset_id);

CREATE TABLE {{schema}}.ml_training_examples (
    tenant_id         uuid NOT NULL,
    id                uuid NOT NULL,
    task_type         varchar(32) NOT NULL
                      CHECK (task_type IN ('hypothesis_gen', 'hypothesis_rank', 'query_gen', 'synthesis')),
    input_data        jsonb NOT NULL,
    output_data       jsonb NOT NULL,
    feedback_score    double precision,
    dataset_type      text,
    issue_type        text,
    investigation_id  uuid,
    source_event_ids  uuid[] NOT NULL DEFAULT '{}',
    created_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ml_training_examples_task ON {{schema}}.ml_training_examples (tenant_id, task_type, feedback_score);

-- Row-level security: a session sees and writes only its own tenant's rows.
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['people', 'datasets', 'feedback_events', 'dataset_knowledge',
                             'dataset_findings', 'search_embeddings', 'ml_training_examples']
    LOOP
        EXECUTE format('ALTER TABLE {{schema}}.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON {{schema}}.%I
                        USING (tenant_id = {{schema}}.current_tenant())
                        WITH CHECK (tenant_id = {{schema}}.current_tenant())', t);
    END LOOP;
END $$;
ALTER TABLE {{schema}}.tenants ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON {{schema}}.tenants
    USING (id = {{schema}}.current_tenant()) WITH CHECK (id = {{schema}}.current_tenant());
