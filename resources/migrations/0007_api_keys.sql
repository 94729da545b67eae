-- Knowledge Explorer schema, version 7: API keys of the HTTP service (issue 14; README "The
-- HTTP service").
--
-- A key belongs to one tenant and one person of it and acts at the member level: it reads the
-- tenant and writes its person's feedback. Only a SHA-256 of the key is stored. The session
-- selects a key by setting knowledge.api_key to the key itself (`knowledgectl serve` does it
-- for each request); from then on the database derives the session's tenant, person and level
-- from the key's row — not from knowledge.tenant_id, not from the login's own grants, and not
-- from the owner's rights — so a handler can reach another tenant only by presenting another
-- tenant's key. A revoked key (or a wrong one) selects nothing: no row of any tenant is
-- visible. Keys are honoured for service logins and the schema owner (the server's login) only.
--
-- Nobody but the owner reads api_keys (not even the service group: a server cannot list the
-- hashes); the lookup is the SECURITY DEFINER function api_key(), which returns the one row
-- matching the key the session presented.

CREATE TABLE {{schema}}.api_keys (
    tenant_id       uuid NOT NULL REFERENCES {{schema}}.tenants (id) ON DELETE CASCADE,
    id              uuid NOT NULL,
    name            text NOT NULL,
    person_id       uuid NOT NULL,
    key_hash        bytea NOT NULL CHECK (pg_catalog.length(key_hash) = 32),
    key_prefix      text NOT NULL, -- the first characters, so a person can tell keys apart
    rate_per_minute integer CHECK (rate_per_minute > 0), -- NULL: no limit
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      name NOT NULL DEFAULT current_user,
    revoked_at      timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, person_id) REFERENCES {{schema}}.people (tenant_id, id)
);
-- Not unique (unique keys start with tenant_id): a key is 256 random bits.
CREATE INDEX api_keys_by_hash ON {{schema}}.api_keys (key_hash);

-- Whether the session presented a key (even a wrong or revoked one).
CREATE OR REPLACE FUNCTION {{schema}}.key_selected() RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS
$$ SELECT coalesce(pg_catalog.current_setting('knowledge.api_key', true), '') <> '' $$;

-- The live key the session presented, or NULL. SECURITY DEFINER (the owner's rights: the
-- table is the owner's alone); search_path pinned, every name qualified.
CREATE OR REPLACE FUNCTION {{schema}}.api_key() RETURNS {{schema}}.api_keys
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$ SELECT k FROM {{schema}}.api_keys k
   WHERE {{schema}}.key_selected()
     AND k.key_hash = pg_catalog.sha256(pg_catalog.convert_to(
             pg_catalog.current_setting('knowledge.api_key', true), 'UTF8'))
     AND k.revoked_at IS NULL
   LIMIT 1 $$;

-- The key as the session may use it: for a service login or the owner only.
CREATE OR REPLACE FUNCTION {{schema}}.session_key() RETURNS {{schema}}.api_keys
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS
$$ SELECT k FROM {{schema}}.api_key() k
   WHERE k.id IS NOT NULL
     AND ({{schema}}.is_admin()
          OR pg_catalog.pg_has_role(current_user,
                 (SELECT pg_catalog.left(n.nspname, 55) || '_service' FROM pg_catalog.pg_namespace n
                  WHERE n.oid = '{{schema}}'::pg_catalog.regnamespace), 'MEMBER')) $$;

-- The owner's rights, unless the session speaks for a key.
CREATE OR REPLACE FUNCTION {{schema}}.admin_session() RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS
$$ SELECT {{schema}}.is_admin() AND NOT {{schema}}.key_selected() $$;

-- With a key, the tenant is the key's (NULL for a wrong or revoked key).
CREATE OR REPLACE FUNCTION {{schema}}.current_tenant() RETURNS pg_catalog.uuid
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS
$$ SELECT CASE WHEN {{schema}}.key_selected() THEN ({{schema}}.session_key()).tenant_id
          ELSE nullif(pg_catalog.current_setting('knowledge.tenant_id', true), '')::pg_catalog.uuid
          END $$;

-- With a key, the grant is the key's: its tenant, its person, member level.
CREATE OR REPLACE FUNCTION {{schema}}.session_grant() RETURNS {{schema}}.access_grants
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS
$$ SELECT CASE WHEN {{schema}}.key_selected() THEN
          (SELECT ROW(current_user, k.tenant_id, k.person_id, 'member', k.created_at,
                      k.created_by)::{{schema}}.access_grants
           FROM {{schema}}.session_key() k WHERE k.id IS NOT NULL)
        ELSE
          (SELECT g FROM {{schema}}.access_grants g
           WHERE g.login = current_user
             AND (g.tenant_id = {{schema}}.current_tenant() OR g.tenant_id IS NULL)
             AND {{schema}}.current_tenant() IS NOT NULL
           ORDER BY g.tenant_id NULLS LAST LIMIT 1)
        END $$;

CREATE OR REPLACE FUNCTION {{schema}}.session_level() RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS
$$ SELECT CASE WHEN {{schema}}.admin_session() THEN 'owner'
          ELSE ({{schema}}.session_grant()).level END $$;

CREATE OR REPLACE FUNCTION {{schema}}.granted_tenants() RETURNS pg_catalog.uuid[]
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS
$$ SELECT CASE WHEN {{schema}}.key_selected() THEN
          coalesce((SELECT ARRAY[k.tenant_id] FROM {{schema}}.session_key() k
                    WHERE k.id IS NOT NULL), '{}')
        ELSE
          (SELECT coalesce(pg_catalog.array_agg(g.tenant_id), '{}') FROM {{schema}}.access_grants g
           WHERE g.login = current_user AND g.tenant_id IS NOT NULL)
        END $$;

CREATE OR REPLACE FUNCTION {{schema}}.serves_every_tenant() RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS
$$ SELECT NOT {{schema}}.key_selected()
          AND EXISTS (SELECT 1 FROM {{schema}}.access_grants g
                      WHERE g.login = current_user AND g.tenant_id IS NULL) $$;

CREATE OR REPLACE FUNCTION {{schema}}.overview() RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS
$$ SELECT {{schema}}.current_tenant() IS NULL
          AND ({{schema}}.admin_session() OR {{schema}}.serves_every_tenant()) $$;

-- apply_access() of 0006, with api_keys classified (the owner's alone, read through api_key())
-- and the owner's policies on tenants and grants withheld from a session that speaks for a key.
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
    -- Tenant tables with policies of their own (below).
    by_owner text[] := ARRAY['access_grants', 'feedback_events', 'api_keys'];
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
    EXECUTE format('REVOKE ALL ON %I.api_keys FROM %I, %I, %I', s, reader, member, service);
    EXECUTE format('GRANT INSERT ON %I.feedback_events TO %I, %I', s, member, service);
    EXECUTE format('GRANT INSERT ON %I.tenants TO %I', s, service);
    EXECUTE format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA %I TO %I', s, service);

    -- Every table with a tenant_id must be classified here.
    FOR t IN SELECT c.relname FROM pg_catalog.pg_class c
             JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id'
             WHERE c.relnamespace = s::pg_catalog.regnamespace AND c.relkind = 'r'
               AND NOT (c.relname = ANY (by_owner))
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
                   '(SELECT %I.admin_session()) OR id = ANY ((SELECT %I.granted_tenants())::pg_catalog.uuid[]) '
                   'OR (SELECT %I.serves_every_tenant()))', s, s, s, s);
    EXECUTE format('CREATE POLICY tenant_write ON %I.tenants FOR INSERT WITH CHECK ('
                   '(SELECT %I.admin_session()) OR (SELECT %I.serves_every_tenant()))', s, s, s);
    EXECUTE format('CREATE POLICY tenant_admin ON %I.tenants FOR UPDATE USING ((SELECT %I.admin_session()))',
                   s, s);

    -- Grants: each login reads its own; the owner keeps them.
    ALTER TABLE {{schema}}.access_grants ENABLE ROW LEVEL SECURITY;
    ALTER TABLE {{schema}}.access_grants FORCE ROW LEVEL SECURITY;
    DROP POLICY IF EXISTS own_grants ON {{schema}}.access_grants;
    DROP POLICY IF EXISTS admin_grants ON {{schema}}.access_grants;
    EXECUTE format('CREATE POLICY own_grants ON %I.access_grants FOR SELECT USING ('
                   'login = current_user OR (SELECT %I.admin_session()))', s, s);
    EXECUTE format('CREATE POLICY admin_grants ON %I.access_grants FOR ALL USING ((SELECT %I.admin_session())) '
                   'WITH CHECK ((SELECT %I.admin_session()))', s, s, s);

    -- API keys: the owner's alone (api_key() reads them with the owner's rights; is_admin(),
    -- not admin_session(), so that the lookup works while a key is selected).
    ALTER TABLE {{schema}}.api_keys ENABLE ROW LEVEL SECURITY;
    ALTER TABLE {{schema}}.api_keys FORCE ROW LEVEL SECURITY;
    DROP POLICY IF EXISTS admin_keys ON {{schema}}.api_keys;
    EXECUTE format('CREATE POLICY admin_keys ON %I.api_keys FOR ALL USING ((SELECT %I.is_admin())) '
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
