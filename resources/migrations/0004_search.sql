-- Knowledge Explorer schema, version 4: the searchable documents (issue 4).
--
-- search_documents is derived from the events table and dataset_findings by the
-- generate_embeddings job (core/searchdocuments.cpp) and read by the online search
-- (core/onlinesearch.cpp) and by `knowledgectl sync` (the offline cache).
--
-- change_seq is the sync watermark: every insert and every real change of a row takes a new
-- value from search_documents_change_seq. A reader that has seen change_seq <= W for a tenant
-- may ask for change_seq > W next time and miss nothing, because all writers of a tenant's
-- documents hold the transaction-scoped advisory lock
-- pg_advisory_xact_lock(hashtext('knowledge.search.<schema>'), hashtext(<tenant uuid>))
-- (so a tenant's sequence values commit in increasing order, never interleaved).

CREATE SEQUENCE {{schema}}.search_documents_change_seq;

CREATE TABLE {{schema}}.search_documents (
    tenant_id         uuid NOT NULL,
    source_type       varchar(16) NOT NULL
                      CHECK (source_type IN ('finding', 'hypothesis', 'query', 'comment', 'quirk')),
    source_id         text NOT NULL,
    dataset_id        uuid,
    investigation_id  uuid,
    content           text NOT NULL,
    created_at        timestamptz,
    feedback_score    double precision NOT NULL DEFAULT 0,
    retired           boolean NOT NULL DEFAULT false,
    tsv               tsvector GENERATED ALWAYS AS (to_tsvector('english', content)) STORED,
    change_seq        bigint NOT NULL DEFAULT nextval('{{schema}}.search_documents_change_seq'),
    PRIMARY KEY (tenant_id, source_type, source_id)
);
CREATE INDEX search_documents_tsv ON {{schema}}.search_documents USING gin (tsv);
CREATE INDEX search_documents_change ON {{schema}}.search_documents (tenant_id, change_seq);
CREATE INDEX search_documents_investigation ON {{schema}}.search_documents (tenant_id, investigation_id);
CREATE INDEX search_documents_dataset ON {{schema}}.search_documents (tenant_id, dataset_id);

-- Where the last run of the document builder stopped: the aggregator's pg_snapshot (as text)
-- it processed up to (NULL: rebuild in full next time).
CREATE TABLE {{schema}}.search_document_state (
    tenant_id      uuid NOT NULL,
    events_table   text NOT NULL,
    last_snapshot  text,
    last_run_at    timestamptz,
    PRIMARY KEY (tenant_id, events_table)
);

-- The tenant's embedding models. The local LSA model is stored here (model = its saved
-- file) so that every client embeds queries with the model the job used; the current model
-- of a tenant is the newest row (created_at DESC, name).
CREATE TABLE {{schema}}.embedding_models (
    tenant_id       uuid NOT NULL,
    name            text NOT NULL,
    dimension       integer NOT NULL CHECK (dimension > 0),
    model           bytea,
    kind            text NOT NULL DEFAULT 'lsa',   -- 'lsa' | 'http'
    trained_on      integer NOT NULL DEFAULT 0,    -- documents the model was learned from
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, name)
);

-- The same vector as search_embeddings.embedding, packed (float32, little endian), so that
-- the exact vector scan reads 4 bytes per number instead of parsing decimal text.
ALTER TABLE {{schema}}.search_embeddings ADD COLUMN packed bytea;
CREATE INDEX search_embeddings_model ON {{schema}}.search_embeddings (tenant_id, model);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['search_documents', 'search_document_state', 'embedding_models']
    LOOP
        EXECUTE format('ALTER TABLE {{schema}}.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON {{schema}}.%I
                        USING (tenant_id = {{schema}}.current_tenant())
                        WITH CHECK (tenant_id = {{schema}}.current_tenant())', t);
    END LOOP;
END $$;
