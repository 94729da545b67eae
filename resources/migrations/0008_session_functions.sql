-- The session helpers behind every row-level-security policy (0006, 0007: which tenant, which
-- person, which level, which API key) as PL/pgSQL instead of SQL. They carry a pinned
-- search_path, so PostgreSQL cannot inline them as SQL functions and re-plans each one (and
-- each nested call) on every statement; PL/pgSQL keeps their plans for the session. Measured on
-- a member login, a statement on a tenant table (pgbench, 5 s): 0.50 → 0.29 ms per statement,
-- the policies' cost halved (docs/benchmarks.md, "HTTP service"). The bodies are unchanged —
-- each is still one query, returned as is (every one yields at most one row) — so what they
-- answer is the same; ownership, SECURITY DEFINER/INVOKER and the EXECUTE grants stay
-- (CREATE OR REPLACE keeps them). A later migration that redefines one of them should write it
-- in PL/pgSQL too.
DO $do$
DECLARE
    f record;
BEGIN
    FOR f IN
        SELECT p.proname, pg_catalog.pg_get_function_arguments(p.oid) AS args,
               pg_catalog.pg_get_function_result(p.oid) AS result, p.prosrc, p.prosecdef
        FROM pg_catalog.pg_proc p
        WHERE p.pronamespace = '{{schema}}'::pg_catalog.regnamespace
          AND p.prolang = (SELECT l.oid FROM pg_catalog.pg_language l WHERE l.lanname = 'sql')
          AND p.proname IN ('key_selected', 'api_key', 'session_key', 'admin_session', 'is_admin',
                            'current_tenant', 'session_grant', 'session_level', 'session_tenant',
                            'session_person', 'session_may_write', 'granted_tenants',
                            'serves_every_tenant', 'overview')
    LOOP
        EXECUTE pg_catalog.format(
            'CREATE OR REPLACE FUNCTION {{schema}}.%I(%s) RETURNS %s LANGUAGE plpgsql STABLE %s '
            'SET search_path = pg_catalog, pg_temp AS %L',
            f.proname, f.args, f.result,
            CASE WHEN f.prosecdef THEN 'SECURITY DEFINER' ELSE 'SECURITY INVOKER' END,
            'BEGIN RETURN (' || pg_catalog.regexp_replace(f.prosrc, ';\s*$', '') || '); END');
    END LOOP;
END
$do$;
