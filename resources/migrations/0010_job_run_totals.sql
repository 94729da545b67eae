-- What the worker's jobs did, for the service's GET /metrics: runs and the time they took, by
-- job and outcome ('ok', 'failed', 'skipped', 'cancelled'), added up over every tenant and every
-- worker (two workers on two machines add to the same rows). A worker adds one run per tenant
-- and job on the job's own connection when the run ends (core/jobs/jobs.cpp); the service reads
-- the rows on each scrape. Not tenant data — no tenant_id, nothing of a tenant in it — so no
-- row-level security; on Citus a table of the coordinator (docs/scaling.md).
CREATE TABLE {{schema}}.job_run_totals (
    job            text NOT NULL,
    outcome        text NOT NULL CHECK (outcome IN ('ok', 'failed', 'skipped', 'cancelled')),
    runs           bigint NOT NULL DEFAULT 0,
    seconds_total  float8 NOT NULL DEFAULT 0,
    last_seconds   float8,
    last_run_at    timestamptz,
    PRIMARY KEY (job, outcome)
);

-- The worker (a service login) adds runs; the service (a service login) reads them.
DO $do$
DECLARE
    service text := (SELECT pg_catalog.left(n.nspname, 55) || '_service' FROM pg_catalog.pg_namespace n
                     WHERE n.oid = '{{schema}}'::pg_catalog.regnamespace);
BEGIN
    EXECUTE pg_catalog.format('REVOKE ALL ON {{schema}}.job_run_totals FROM PUBLIC');
    EXECUTE pg_catalog.format('GRANT SELECT, INSERT, UPDATE ON {{schema}}.job_run_totals TO %I', service);
END
$do$;
