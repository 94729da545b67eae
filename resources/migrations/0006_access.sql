-- Knowledge Explorer schema, version 6: the database login decides the tenant and the person
-- (issue 11; README "Access and deployment").
--
-- access_grants binds a login role to a tenant, a person of it and a level:
--   reader  — reads the tenant's knowledge, search documents and training examples;
--   member  — a reader that writes its own person's feedback, quirks and comments (and the
--             knowledge derived from them: the client refreshes it after a write);
--   service — the orchestrator, the worker, the HTTP service: writes any event (system
--             events, any --actor), people, search documents, training examples; a service
--             grant may name every tenant (tenant_id NULL), e.g. for the worker.
-- Each level is a NOLOGIN group role of this schema (<schema>_reader, _member, _service; roles
-- are cluster-wide, so they carry the schema's name); `knowledgectl access grant` puts the
-- login into the group and writes the grant. Row-level security is FORCEd on every tenant table:
-- a row is visible only when its tenant is the selected one (knowledge.tenant_id) and the login
-- has a grant for it; the checks are evaluated once per statement (InitPlans), not per row.
-- The schema owner and superusers select any tenant without a grant; with no tenant selected
-- they (and a service login for every tenant) see every row (see overview()).
--
-- A future migration that adds a tenant table adds it to apply_access() (CREATE OR REPLACE)
-- and calls it: the function refuses to run while a table with a tenant_id is unclassified.

CREATE TABLE {{schema}}.access_grants (
    login       name NOT NULL,
    tenant_id   uuid REFERENCES {{schema}}.tenants (id) ON DELETE CASCADE,
    person_id   uuid,
    level       text NOT NULL CHECK (level IN ('reader', 'member', 'service')),
    granted_at  timestamptz NOT NULL DEFAULT now(),
    granted_by  name NOT NULL DEFAULT current_user,
    UNIQUE NULLS NOT DISTINCT (login, tenant_id),
    FOREIGN KEY (tenant_id, person_id) REFERENCES {{schema}}.people (tenant_id, id),
    CHECK (tenant_id IS NOT NULL OR level = 'service'),
    CHECK (person_id IS NOT NULL OR level = 'service')
);

-- The secret that keys the anonymisation of a cross-tenant training export; readable by the
-- service group and the owner only (never by a tenant session).
CREATE TABLE {{schema}}.export_secret (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    hmac_key   text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO {{schema}}.export_secret (hmac_key)
VALUES (replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
-- A key kept in tenant settings was readable by every session of the tenant: dropped.
UPDATE {{schema}}.tenants SET settings = jsonb_set(settings, '{training_export}',
                                                   (settings -> 'training_export') - 'hmac_key')
WHERE settings -> 'training_export' ? 'hmac_key';

-- The functions below are SECURITY INVOKER (they run with the caller's rights, so planting
-- objects in pg_temp gains nothing) and pin search_path with pg_temp last all the same.

CREATE OR REPLACE FUNCTION {{schema}}.current_tenant() RETURNS pg_catalog.uuid
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS
$$ SELECT nullif(pg_catalog.current_setting('knowledge.tenant_id', true), '')::pg_catalog.uuid $$;

-- The schema owner (or a member of it, or a superuser).
CREATE OR REPLACE FUNCTION {{schema}}.is_admin() RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS
$$ SELECT pg_catalog.pg_has_role(current_user, n.nspowner, 'USAGE')
   FROM pg_catalog.pg_namespace n WHERE n.oid = '{{schema}}'::pg_catalog.regnamespace $$;

-- The login's grant for the selected tenant (a grant naming the tenant wins over a service
-- grant for every tenant); NULL without one.
CREATE OR REPLACE FUNCTION {{schema}}.session_grant() RETURNS {{schema}}.access_grants
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS
$$ SELECT g FROM {{schema}}.access_grants g
   WHERE g.login = current_user
     AND (g.tenant_id = {{schema}}.current_tenant() OR g.tenant_id IS NULL)
     AND {{schema}}.current_tenant() IS NOT NULL
   ORDER BY g.tenant_id NULLS LAST LIMIT 1 $$;

-- 'owner', 'service', 'member', 'reader', or NULL (no grant for the selected tenant).
CREATE OR REPLACE FUNCTION {{schema}}.session_level() RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS
$$ SELECT CASE WHEN {{schema}}.is_admin() THEN 'owner' ELSE ({{schema}}.session_grant()).level END $$;

-- The selected tenant when this login may use it, else NULL (row-level security then admits
-- no row of any tenant).
CREATE OR REPLACE FUNCTION {{schema}}.session_tenant() RETURNS pg_catalog.uuid
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS
$$ SELECT t FROM {{schema}}.current_tenant() t WHERE {{schema}}.session_level() IS NOT NULL $$;

-- The person a member or reader login acts as in the selected tenant.
CREATE OR REPLACE FUNCTION {{schema}}.session_person() RETURNS pg_catalog.uuid
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS
$$ SELECT ({{schema}}.session_grant()).person_id $$;

-- Whether the session may write a table that `needed` ('member' or 'service') may write.
CREATE OR REPLACE FUNCTION {{schema}}.session_may_write(needed text) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS
$$ SELECT coalesce({{schema}}.session_level() IN ('owner', 'service')
                   OR ({{schema}}.session_level() = 'member' AND needed = 'member'), false) $$;


-- The tenants the login holds a grant for (not the selected one only: the client offers them).
CREATE OR REPLACE FUNCTION {{schema}}.granted_tenants() RETURNS pg_catalog.uuid[]
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS
$$ SELECT coalesce(pg_catalog.array_agg(g.tenant_id), '{}') FROM {{schema}}.access_grants g
   WHERE g.login = current_user AND g.tenant_id IS NOT NULL $$;

-- A service grant for every tenant (the worker, an orchestrator's service login).
CREATE OR REPLACE FUNCTION {{schema}}.serves_every_tenant() RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS
$$ SELECT EXISTS (SELECT 1 FROM {{schema}}.access_grants g
                  WHERE g.login = current_user AND g.tenant_id IS NULL) $$;

-- With no tenant selected, the owner and a service login for every tenant see every row
-- (administration, migrations, the worker's and the export's cross-tenant reads): rights they
-- hold anyway by selecting each tenant in turn.
CREATE OR REPLACE FUNCTION {{schema}}.overview() RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS
$$ SELECT {{schema}}.current_tenant() IS NULL
          AND ({{schema}}.is_admin() OR {{schema}}.serves_every_tenant()) $$;

-- Resolves a tenant UUID or slug among the tenants this login may see (its grants; every
-- tenant for the owner and a service login for every tenant). Runs with the caller's rights.
CREATE OR REPLACE FUNCTION {{schema}}.resolve_tenant(key text) RETURNS pg_catalog.uuid
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS
$$ SELECT t.id FROM {{schema}}.tenants t
   WHERE (key OPERATOR(pg_catalog.~*) '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
          AND t.id::text = pg_catalog.lower(key))
      OR t.slug = pg_catalog.lower(key)
   ORDER BY t.slug = pg_catalog.lower(key) LIMIT 1 $$;

-- The tenants that opted in to cross-tenant training export: for service logins and the owner
-- only (EXECUTE is granted to the service group alone), with the caller's rights.
CREATE OR REPLACE FUNCTION {{schema}}.training_export_tenants()
RETURNS TABLE (tenant_id pg_catalog.uuid, allow_dataset_names boolean)
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS
$$ SELECT t.id, coalesce((t.settings -> 'training_export' ->> 'allow_dataset_names')::boolean, false)
   FROM {{schema}}.tenants t
   WHERE coalesce((t.settings -> 'training_export' ->> 'cross_tenant')::boolean, false)
   ORDER BY t.id $$;

-- The training build's watermark is transaction-based like the aggregation's (the pg_snapshot it
-- read up to), so one event with a future created_at cannot freeze it.
ALTER TABLE {{schema}}.training_build_state ADD COLUMN last_snapshot text;

-- A created_at more than 5 minutes ahead of the server's clock is refused (an offline write
-- keeps the time the person acted, which is in the past). NOT VALID: rows already stored are
-- not re-checked.
ALTER TABLE {{schema}}.feedback_events
    ADD CONSTRAINT feedback_events_created_at_not_future
    CHECK (created_at <= now() + interval '5 minutes') NOT VALID;

-- The append-only triggers fire in replica mode too (session_replication_role = replica).
ALTER TABLE {{schema}}.feedback_events ENABLE ALWAYS TRIGGER feedback_events_append_only;
ALTER TABLE {{schema}}.feedback_events ENABLE ALWAYS TRIGGER feedback_events_no_truncate;

-- Roles, privileges and policies, idempotently: run by this migration and by every later one
-- that adds a table. Owner only.
CREATE OR REPLACE FUNCTION {{schema}}.apply_access() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$fn$
DECLARE
    s        text := (SELECT n.nspname FROM pg_catalog.pg_namespace n
                      WHERE n.oid = '{{schema}}'::pg_catalog.regnamespace);
    reader   text := pg_catalog.left(s, 55) || '_reader';
    member   text := pg_catalog.left(s, 55) || '_member';
    service  text := pg_catalog.left(s, 55) || '_service';
    -- Who writes which tenant table (besides the owner): derived knowledge is refreshed by
    -- members after their writes; the rest is written by services only.
    by_member text[] := ARRAY['datasets', 'dataset_knowledge', 'dataset_findings',
                              'aggregation_state', 'agg_ratings', 'agg_inv_fallback',
                              'agg_investigations', 'agg_inv_actors', 'agg_ds_actors',
                              'agg_quirks', 'agg_quirk_actors'];
    by_service text[] := ARRAY['people', 'search_embeddings', 'ml_training_examples',
                               'training_build_state', 'search_documents',
                               'search_document_state', 'embedding_models'];
    t        text;
    mine     text := 'tenant_id = (SELECT ' || '{{schema}}' || '.session_tenant())';
    overview text := '(SELECT ' || '{{schema}}' || '.overview())';
    writer   text;
BEGIN
    FOREACH t IN ARRAY ARRAY[reader, member, service] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = t) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', t);
        END IF;
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', s, t);
        EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO %I', s, t);
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON %I.feedback_events FROM %I', s, t);
    END LOOP;
    EXECUTE format('REVOKE SELECT ON %I.export_secret FROM %I, %I, %I', s, reader, member, service);
    EXECUTE format('GRANT SELECT ON %I.export_secret TO %I', s, service);
    EXECUTE format('GRANT INSERT ON %I.feedback_events TO %I, %I', s, member, service);
    EXECUTE format('GRANT INSERT ON %I.tenants TO %I', s, service);
    EXECUTE format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA %I TO %I', s, service);

    -- Every table with a tenant_id must be classified here.
    FOR t IN SELECT c.relname FROM pg_catalog.pg_class c
             JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id'
             WHERE c.relnamespace = s::pg_catalog.regnamespace AND c.relkind = 'r'
               AND c.relname NOT IN ('access_grants', 'feedback_events')
    LOOP
        IF t = ANY (by_member) THEN
            writer := 'member';
            EXECUTE format('GRANT INSERT, UPDATE, DELETE ON %I.%I TO %I, %I', s, t, member, service);
        ELSIF t = ANY (by_service) THEN
            writer := 'service';
            EXECUTE format('GRANT INSERT, UPDATE, DELETE ON %I.%I TO %I', s, t, service);
        ELSE
            RAISE EXCEPTION 'apply_access: the tenant table %.% is not classified', s, t;
        END IF;
        EXECUTE format('ALTER TABLE %I.%I ENABLE ROW LEVEL SECURITY', s, t);
        EXECUTE format('ALTER TABLE %I.%I FORCE ROW LEVEL SECURITY', s, t);
        EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %I.%I', s, t);
        EXECUTE format('DROP POLICY IF EXISTS tenant_read ON %I.%I', s, t);
        EXECUTE format('DROP POLICY IF EXISTS tenant_write ON %I.%I', s, t);
        EXECUTE format('DROP POLICY IF EXISTS tenant_change ON %I.%I', s, t);
        EXECUTE format('DROP POLICY IF EXISTS tenant_remove ON %I.%I', s, t);
        EXECUTE format('CREATE POLICY tenant_read ON %I.%I FOR SELECT USING (%s OR %s)',
                       s, t, mine, overview);
        EXECUTE format('CREATE POLICY tenant_write ON %I.%I FOR INSERT WITH CHECK '
                       '((%s AND (SELECT %I.session_may_write(%L))) OR %s)',
                       s, t, mine, s, writer, overview);
        EXECUTE format('CREATE POLICY tenant_change ON %I.%I FOR UPDATE USING '
                       '((%s AND (SELECT %I.session_may_write(%L))) OR %s) WITH CHECK '
                       '((%s AND (SELECT %I.session_may_write(%L))) OR %s)',
                       s, t, mine, s, writer, overview, mine, s, writer, overview);
        EXECUTE format('CREATE POLICY tenant_remove ON %I.%I FOR DELETE USING '
                       '((%s AND (SELECT %I.session_may_write(%L))) OR %s)',
                       s, t, mine, s, writer, overview);
    END LOOP;

    -- The event log: read like any tenant table; a member writes only its own person's
    -- feedback, quirks and comments; a service and the owner write any event of the tenant.
    ALTER TABLE {{schema}}.feedback_events ENABLE ROW LEVEL SECURITY;
    ALTER TABLE {{schema}}.feedback_events FORCE ROW LEVEL SECURITY;
    DROP POLICY IF EXISTS tenant_isolation ON {{schema}}.feedback_events;
    DROP POLICY IF EXISTS tenant_read ON {{schema}}.feedback_events;
    DROP POLICY IF EXISTS tenant_write ON {{schema}}.feedback_events;
    EXECUTE format('CREATE POLICY tenant_read ON %I.feedback_events FOR SELECT USING (%s OR %s)',
                   s, mine, overview);
    EXECUTE format('CREATE POLICY tenant_write ON %I.feedback_events FOR INSERT WITH CHECK ('
                   '(%s AND (SELECT %I.session_may_write(''member'')) AND ('
                   '(SELECT %I.session_level()) IN (''owner'', ''service'') OR ('
                   'actor_type = ''user'' AND actor_id = (SELECT %I.session_person()) AND '
                   '(event_type LIKE ''feedback.%%'' OR event_type LIKE ''quirk.%%'' '
                   'OR event_type = ''comment.added'')))) OR %s)',
                   s, mine, s, s, s, overview);

    -- Tenants: a login sees the tenants it holds grants for; services for every tenant
    -- register an orchestrator's tenants; only the owner renames or removes one.
    ALTER TABLE {{schema}}.tenants ENABLE ROW LEVEL SECURITY;
    ALTER TABLE {{schema}}.tenants FORCE ROW LEVEL SECURITY;
    DROP POLICY IF EXISTS tenant_isolation ON {{schema}}.tenants;
    DROP POLICY IF EXISTS tenant_read ON {{schema}}.tenants;
    DROP POLICY IF EXISTS tenant_write ON {{schema}}.tenants;
    DROP POLICY IF EXISTS tenant_admin ON {{schema}}.tenants;
    EXECUTE format('CREATE POLICY tenant_read ON %I.tenants FOR SELECT USING ('
                   '(SELECT %I.is_admin()) OR id = ANY ((SELECT %I.granted_tenants())::pg_catalog.uuid[]) '
                   'OR (SELECT %I.serves_every_tenant()))', s, s, s, s);
    EXECUTE format('CREATE POLICY tenant_write ON %I.tenants FOR INSERT WITH CHECK ('
                   '(SELECT %I.is_admin()) OR (SELECT %I.serves_every_tenant()))', s, s, s);
    EXECUTE format('CREATE POLICY tenant_admin ON %I.tenants FOR UPDATE USING ((SELECT %I.is_admin()))',
                   s, s);

    -- Grants: each login reads its own; the owner keeps them.
    ALTER TABLE {{schema}}.access_grants ENABLE ROW LEVEL SECURITY;
    ALTER TABLE {{schema}}.access_grants FORCE ROW LEVEL SECURITY;
    DROP POLICY IF EXISTS own_grants ON {{schema}}.access_grants;
    DROP POLICY IF EXISTS admin_grants ON {{schema}}.access_grants;
    EXECUTE format('CREATE POLICY own_grants ON %I.access_grants FOR SELECT USING ('
                   'login = current_user OR (SELECT %I.is_admin()))', s, s);
    EXECUTE format('CREATE POLICY admin_grants ON %I.access_grants FOR ALL USING ((SELECT %I.is_admin())) '
                   'WITH CHECK ((SELECT %I.is_admin()))', s, s, s);

    -- Functions: not for PUBLIC; the groups call what policies and the client need; the
    -- cross-tenant export list is for services; apply_access for the owner.
    EXECUTE format('REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA %I FROM PUBLIC', s);
    EXECUTE format('GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA %I TO %I, %I, %I', s, reader, member, service);
    EXECUTE format('REVOKE EXECUTE ON FUNCTION %I.training_export_tenants() FROM %I, %I', s, reader, member);
    EXECUTE format('REVOKE EXECUTE ON FUNCTION %I.apply_access() FROM %I, %I, %I', s, reader, member, service);
END
$fn$;

SELECT {{schema}}.apply_access();
