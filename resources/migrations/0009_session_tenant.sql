-- session_tenant() and session_person() — what every row-level-security policy asks once per
-- statement — in one PL/pgSQL body each instead of a chain of nested helpers. Under an API key
-- the chain looked the key up twice per statement (current_tenant() and session_level() each
-- went through session_key(), which hashes the presented key and reads api_keys), and without a
-- key it asked is_admin() and the login's grant through four nested calls. What they answer is
-- unchanged:
--
--   with a key selected: the live key's tenant and person, if the session may use keys
--     (session_key(): the owner or a service login), else NULL;
--   without: the tenant named by knowledge.tenant_id when the login is the owner or holds a
--     grant for it (or for every tenant), else NULL; the person of that grant (a grant naming
--     the tenant wins over one for every tenant).
--
-- Measured with pgbench (docs/benchmarks.md, "HTTP service"): a statement on a tenant table as
-- a service login with a key, and as a member login. CREATE OR REPLACE keeps owner and grants.
CREATE OR REPLACE FUNCTION {{schema}}.session_tenant() RETURNS pg_catalog.uuid
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    t pg_catalog.uuid;
BEGIN
    IF {{schema}}.key_selected() THEN
        RETURN (SELECT k.tenant_id FROM {{schema}}.session_key() k);
    END IF;
    t := NULLIF(pg_catalog.current_setting('knowledge.tenant_id', true), '')::pg_catalog.uuid;
    IF t IS NULL THEN
        RETURN NULL;
    END IF;
    IF {{schema}}.is_admin()
       OR EXISTS (SELECT 1 FROM {{schema}}.access_grants g
                  WHERE g.login = current_user AND (g.tenant_id = t OR g.tenant_id IS NULL)) THEN
        RETURN t;
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION {{schema}}.session_person() RETURNS pg_catalog.uuid
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    t pg_catalog.uuid;
BEGIN
    IF {{schema}}.key_selected() THEN
        RETURN (SELECT k.person_id FROM {{schema}}.session_key() k);
    END IF;
    t := NULLIF(pg_catalog.current_setting('knowledge.tenant_id', true), '')::pg_catalog.uuid;
    IF t IS NULL THEN
        RETURN NULL;
    END IF;
    RETURN (SELECT g.person_id FROM {{schema}}.access_grants g
            WHERE g.login = current_user AND (g.tenant_id = t OR g.tenant_id IS NULL)
            ORDER BY g.tenant_id NULLS LAST LIMIT 1);
END
$$;
