-- A change number on the vectors, as search_documents has one (0004): every insert and every
-- update of a row of search_embeddings takes a new value from search_embeddings_change_seq, so
-- "has anything of this tenant's vectors of this model changed?" is two index lookups — the
-- newest change_seq of the tenant's documents and of its vectors of the model — instead of
-- counting every document and every vector on every online search (24 ms at 100k documents).
-- Vectors are removed only with their document's retirement (which moves the document's
-- change_seq) or with their whole model (another cache key), so the two maxima see every change
-- an online search's vector cache must know of (core/search/onlinesearch.cpp).
CREATE SEQUENCE {{schema}}.search_embeddings_change_seq;
ALTER TABLE {{schema}}.search_embeddings
    ADD COLUMN change_seq bigint NOT NULL DEFAULT nextval('{{schema}}.search_embeddings_change_seq');
ALTER SEQUENCE {{schema}}.search_embeddings_change_seq OWNED BY {{schema}}.search_embeddings.change_seq;
CREATE INDEX search_embeddings_change ON {{schema}}.search_embeddings (tenant_id, model, change_seq);

-- The embedding job writes vectors as a service login (apply_access() granted the sequences
-- that existed when it ran).
DO $do$
DECLARE
    service text := (SELECT pg_catalog.left(n.nspname, 55) || '_service' FROM pg_catalog.pg_namespace n
                     WHERE n.oid = '{{schema}}'::pg_catalog.regnamespace);
BEGIN
    EXECUTE pg_catalog.format('GRANT USAGE ON SEQUENCE {{schema}}.search_embeddings_change_seq TO %I',
                              service);
END
$do$;
