-- resolve_tenant, version 2: 0001's SQL function cast a slug to uuid ("acme"::uuid) because
-- SQL does not short-circuit OR, so resolving a tenant by slug failed. Test the UUID form
-- first, cast only then.
CREATE OR REPLACE FUNCTION {{schema}}.resolve_tenant(key text) RETURNS uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog AS
$$
DECLARE
    found uuid;
BEGIN
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
