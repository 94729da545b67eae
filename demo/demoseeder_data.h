#pragma once

// Private to core: the text templates behind DemoSeeder (dataset catalogue, hypotheses, SQL,
// evidence, quirks, comments). Slots in braces are filled per investigation: {table} {id}
// {ts} {num} {cat} {fk} {source} {team} {day} {hours} {pct} {n} {date} {version}.

// (tables: one entry per line reads better than reflowed)
// clang-format off
namespace ke::demo {

struct DatasetTemplate
{
    const char *name;
    const char *kind; // events | transactions | users | aggregates | raw | dimensions
    const char *description;
    const char *ownerTeam;
    const char *source; // where it is loaded from
    const char *id;     // primary key column
    const char *ts;     // timestamp column
    const char *num;    // a numeric column
    const char *cat;    // a categorical column
    const char *fk;     // a foreign key / nullable column
};

inline constexpr DatasetTemplate datasetPool[] = {
    {"public.orders", "transactions", "One row per customer order placed in the web shop and the mobile app.", "commerce", "the orders service (Postgres CDC via Debezium)", "order_id", "created_at", "total_amount", "status", "customer_id"},
    {"public.order_items", "transactions", "Line items of every order, one row per SKU and order.", "commerce", "the orders service (Postgres CDC via Debezium)", "order_item_id", "created_at", "unit_price", "sku_category", "product_id"},
    {"public.customers", "users", "Customer master data, deduplicated across web and app sign-ups.", "crm", "the nightly Salesforce export", "customer_id", "updated_at", "lifetime_value", "country_code", "account_manager_id"},
    {"public.payments", "transactions", "Payment attempts and their outcome, one row per attempt.", "payments", "the Stripe webhook consumer", "payment_id", "processed_at", "amount", "payment_method", "order_id"},
    {"public.refunds", "transactions", "Refunds issued by support or by the returns workflow.", "payments", "the Stripe webhook consumer", "refund_id", "refunded_at", "amount", "reason_code", "payment_id"},
    {"public.subscriptions", "transactions", "Subscription state changes (trial, active, paused, cancelled).", "billing", "the Chargebee sync", "subscription_id", "changed_at", "mrr", "plan_code", "customer_id"},
    {"public.invoices", "transactions", "Invoices sent to business customers.", "finance", "the NetSuite export", "invoice_id", "issued_at", "amount_due", "currency", "customer_id"},
    {"public.users", "users", "Registered product users with their current profile.", "identity", "the accounts service", "user_id", "last_seen_at", "session_count", "signup_channel", "referrer_id"},
    {"public.products", "dimensions", "Product catalogue with prices and categories.", "merchandising", "the PIM export", "product_id", "updated_at", "list_price", "category", "brand_id"},
    {"public.inventory_snapshots", "aggregates", "Stock level per SKU and warehouse, snapshotted hourly.", "supply-chain", "the WMS hourly snapshot job", "snapshot_id", "snapshot_at", "units_on_hand", "warehouse_code", "product_id"},
    {"public.shipments", "events", "Shipment status events from the carriers.", "logistics", "the carrier webhooks (DHL, UPS, FedEx)", "shipment_id", "event_at", "weight_kg", "carrier", "order_id"},
    {"analytics.daily_revenue", "aggregates", "Gross and net revenue per day, country and channel.", "analytics", "the dbt model fct_daily_revenue", "revenue_date", "revenue_date", "net_revenue", "channel", "country_code"},
    {"analytics.daily_active_users", "aggregates", "Daily active users per platform.", "analytics", "the dbt model fct_dau", "activity_date", "activity_date", "active_users", "platform", "app_version"},
    {"analytics.funnel_conversions", "aggregates", "Visit → cart → checkout → purchase conversion per day and campaign.", "growth", "the dbt model fct_funnel", "funnel_date", "funnel_date", "conversion_rate", "campaign", "landing_page"},
    {"analytics.customer_ltv", "aggregates", "Predicted and realised lifetime value per customer cohort.", "data-science", "the weekly LTV model run", "cohort_month", "computed_at", "predicted_ltv", "segment", "customer_id"},
    {"analytics.churn_scores", "aggregates", "Churn probability per active subscriber, refreshed daily.", "data-science", "the churn model batch scorer", "customer_id", "scored_at", "churn_probability", "risk_band", "subscription_id"},
    {"analytics.marketing_spend", "aggregates", "Ad spend per day, network and campaign.", "growth", "the Fivetran Google Ads and Meta connectors", "spend_date", "spend_date", "spend_usd", "network", "campaign_id"},
    {"analytics.support_tickets_daily", "aggregates", "Support tickets opened and solved per day and queue.", "support-ops", "the dbt model fct_tickets_daily", "ticket_date", "ticket_date", "tickets_opened", "queue", "brand_id"},
    {"raw.stripe_charges", "raw", "Raw Stripe charge objects as delivered by the Fivetran connector.", "payments", "the Fivetran Stripe connector", "id", "created", "amount", "status", "customer"},
    {"raw.salesforce_accounts", "raw", "Raw Salesforce Account objects.", "crm", "the Fivetran Salesforce connector", "id", "systemmodstamp", "annualrevenue", "industry", "ownerid"},
    {"raw.segment_tracks", "events", "Raw Segment track calls from web and mobile.", "growth", "the Segment warehouse sync", "message_id", "received_at", "context_page_count", "event", "anonymous_id"},
    {"raw.zendesk_tickets", "raw", "Raw Zendesk tickets.", "support-ops", "the Stitch Zendesk integration", "id", "updated_at", "satisfaction_score", "priority", "assignee_id"},
    {"raw.shopify_orders", "raw", "Raw Shopify orders from the marketplace storefronts.", "commerce", "the Airbyte Shopify source", "id", "processed_at", "total_price", "financial_status", "customer_id"},
    {"raw.hubspot_contacts", "raw", "Raw HubSpot contacts.", "marketing", "the Fivetran HubSpot connector", "vid", "lastmodifieddate", "num_conversion_events", "lifecyclestage", "associatedcompanyid"},
    {"events.page_views", "events", "Page views from the first-party tracker, one row per view.", "growth", "the Kafka topic web.pageviews", "event_id", "event_time", "time_on_page_ms", "page_type", "session_id"},
    {"events.app_sessions", "events", "Mobile app sessions with device and version.", "mobile", "the Kafka topic app.sessions", "session_id", "started_at", "duration_s", "os", "user_id"},
    {"events.checkout_events", "events", "Checkout funnel events (cart_viewed, payment_submitted, ...).", "commerce", "the Kafka topic checkout.events", "event_id", "event_time", "cart_value", "event_name", "order_id"},
    {"events.search_queries", "events", "On-site search queries and the number of results shown.", "search", "the search service logs via Fluent Bit", "query_id", "searched_at", "result_count", "locale", "user_id"},
    {"finance.gl_entries", "transactions", "General ledger entries exported from the ERP.", "finance", "the NetSuite GL export", "entry_id", "posted_at", "amount", "account_code", "invoice_id"},
    {"finance.fx_rates", "dimensions", "Daily foreign exchange rates to USD.", "finance", "the ECB reference rate feed", "rate_date", "rate_date", "rate_to_usd", "currency", "source_id"},
    {"ml.feature_store_user_daily", "aggregates", "Daily user features for the recommendation models.", "ml-platform", "the Feast materialisation job", "user_id", "feature_date", "orders_30d", "segment", "last_order_id"},
    {"ops.warehouse_load_audit", "events", "Audit log of every warehouse load job run.", "data-platform", "the Airflow callback hook", "run_id", "finished_at", "rows_loaded", "dag_id", "upstream_run_id"},
};

struct AnomalyTemplate
{
    const char *type;
    const char *metric;         // alert metric
    const char *failure;        // investigation.failed error
};

inline constexpr AnomalyTemplate anomalies[] = {
    {"null_spike", "null_rate({fk})", "warehouse timeout: statement on {table} exceeded 300 s while scanning {fk}"},
    {"volume_drop", "row_count", "permission denied for schema {schema} while counting rows of {table}"},
    {"schema_drift", "column_count", "relation {table} changed while being inspected (concurrent DDL from {source})"},
    {"duplicates", "duplicate_rate({id})", "out of memory: hash aggregate over {id} on {table} spilled beyond temp_file_limit"},
    {"freshness", "hours_since_last_load", "lost connection to the warehouse while reading the load audit for {table}"},
    {"distribution_shift", "psi({num})", "statistics for {table}.{num} are not available (ANALYZE never ran)"},
};

struct HypothesisTemplate
{
    const char *text;
    const char *sql;            // the query that tests it
    const char *purpose;
    const char *evidenceFor;    // summary when the data supports it
    const char *evidenceAgainst;
    const char *rootCause;      // when it turns out to be the cause
};

// Per anomaly type (same order as `anomalies`), six hypotheses each.
inline constexpr HypothesisTemplate hypotheses[6][6] = {
    { // null_spike
        {"A new release of {source} stopped populating {fk} for part of the rows",
         "SELECT date_trunc('hour', {ts}) AS hour, count(*) FILTER (WHERE {fk} IS NULL)::float / count(*) AS null_rate\nFROM {table}\nWHERE {ts} >= now() - interval '3 days'\nGROUP BY 1\nORDER BY 1",
         "null rate of {fk} per hour around the alert",
         "The null rate of {fk} jumps from {pct_lo}% to {pct}% at {hour_mark}, exactly when {source} deployed {version}",
         "The null rate of {fk} stays flat at {pct_lo}% per hour; no step change around any deploy",
         "{source} release {version} stopped writing {fk}; {pct}% of new rows in {table} arrive without it"},
        {"Rows with {cat} = '{cat_value}' legitimately have no {fk} since the process change",
         "SELECT {cat}, count(*) AS n, avg(({fk} IS NULL)::int) AS null_share\nFROM {table}\nWHERE {ts} >= current_date - 7\nGROUP BY {cat}\nORDER BY null_share DESC",
         "null share of {fk} per {cat}",
         "{pct}% of the nulls come from {cat} = '{cat_value}', a segment that only started on {date}",
         "The nulls are spread evenly across all values of {cat}; no single segment explains them",
         "New {cat} = '{cat_value}' rows have no {fk} by design; the null-rate check must exclude that segment"},
        {"The join to the lookup table failed for late-arriving keys, leaving {fk} NULL",
         "SELECT count(*) AS orphans\nFROM {table} t\nLEFT JOIN {upstream} u ON u.{id} = t.{id}\nWHERE u.{id} IS NULL\n  AND t.{ts} >= current_date - 2",
         "rows whose lookup key has not arrived yet",
         "{n} rows reference keys that arrived in {upstream} hours after the load ran",
         "Every key in {table} resolves in {upstream}; no late-arriving keys",
         "Late-arriving keys in {upstream}: the load joins before the lookup is complete and writes NULL {fk}"},
        {"A backfill rewrote historical partitions of {table} with {fk} missing",
         "SELECT {ts}::date AS day, count(*) FILTER (WHERE {fk} IS NULL) AS nulls, max(_loaded_at) AS last_load\nFROM {table}\nGROUP BY 1\nORDER BY 1 DESC\nLIMIT 60",
         "nulls per partition and when each was last loaded",
         "Partitions from {date} back were reloaded on {day} and all carry NULL {fk}",
         "No historical partition was reloaded in the last 30 days",
         "The {day} backfill of {table} used an old extract without {fk}, nulling it in reloaded partitions"},
        {"The upstream API changed the field name that maps to {fk}",
         "SELECT raw_payload ->> '{fk}' IS NULL AS missing, count(*)\nFROM {upstream}\nWHERE {ts} >= now() - interval '1 day'\nGROUP BY 1",
         "whether the raw payload still carries {fk}",
         "The raw payload now sends the field under a new name since {version}; the mapping still reads {fk}",
         "The raw payloads still carry {fk} under the expected key",
         "The upstream API renamed the field behind {fk} in {version}; the mapping reads the old name"},
        {"The spike is a monitoring artefact: the check ran on a partially loaded partition",
         "SELECT run_id, started_at, finished_at, rows_loaded\nFROM ops.warehouse_load_audit\nWHERE target_table = '{table}'\nORDER BY started_at DESC\nLIMIT 10",
         "load runs overlapping the check",
         "The check ran at {hour_mark} while the load was still writing; by the next run the null rate is back to {pct_lo}%",
         "The load finished well before the check ran",
         "The quality check ran against a partition still being loaded; the nulls disappear once the load completes"},
    },
    { // volume_drop
        {"The extract from {source} was truncated because of an API rate limit",
         "SELECT {ts}::date AS day, count(*) AS rows\nFROM {table}\nWHERE {ts} >= current_date - 14\nGROUP BY 1\nORDER BY 1",
         "daily row counts for two weeks",
         "Row count fell from {expected_n} to {actual_n} on {day}; the connector log shows HTTP 429 from page {n}",
         "Daily row counts are within their usual range apart from the alerted day",
         "The extract from {source} hit the API rate limit and stopped after page {n}; {pct}% of the day is missing"},
        {"A filter added in the last dbt release drops valid rows",
         "SELECT {cat}, count(*) AS rows\nFROM {table}\nWHERE {ts}::date = '{date}'\nGROUP BY {cat}\nORDER BY rows DESC",
         "row counts per {cat} on the alerted day",
         "All rows with {cat} = '{cat_value}' vanished after the {version} release added a filter on {cat}",
         "Every value of {cat} is present in its usual proportion",
         "The {version} dbt release filters out {cat} = '{cat_value}'; those rows are silently dropped"},
        {"It is a genuine drop in business activity ({day} was a public holiday)",
         "SELECT {ts}::date AS day, count(*) AS rows, sum({num}) AS total\nFROM {table}\nWHERE {ts} >= current_date - 400\n  AND extract(doy FROM {ts}) BETWEEN extract(doy FROM date '{date}') - 3 AND extract(doy FROM date '{date}') + 3\nGROUP BY 1\nORDER BY 1",
         "same calendar days last year",
         "Last year the same holiday showed a {pct}% drop as well; the volume is genuine",
         "Last year the same days had normal volume; the drop is not seasonal",
         "No data problem: {day} was a public holiday and activity genuinely fell {pct}%"},
        {"One of the partitions failed to load and the job reported success",
         "SELECT partition_key, rows_loaded, status\nFROM ops.warehouse_load_audit\nWHERE target_table = '{table}'\n  AND started_at >= current_date - 2\nORDER BY partition_key",
         "load status per partition",
         "Partition {n} of {table} has 0 rows loaded although its run is marked 'success'",
         "Every partition loaded its expected number of rows",
         "Partition {n} failed silently: the loader swallowed a timeout and marked the run successful"},
        {"Events were routed to a new topic after the tracking plan change",
         "SELECT event_source, count(*)\nFROM {upstream}\nWHERE {ts} >= now() - interval '2 days'\nGROUP BY event_source",
         "volume per source topic",
         "Since {date} {pct}% of the events go to a new topic that {table} does not consume",
         "All events still arrive on the consumed topic",
         "The tracking plan change on {date} moved events to a new topic that {table} does not read"},
        {"Deduplication became too aggressive after the key change",
         "SELECT count(*) AS raw_rows, count(DISTINCT {id}) AS distinct_keys\nFROM {upstream}\nWHERE {ts}::date = '{date}'",
         "raw rows versus distinct keys",
         "The dedup key no longer includes {ts}; {n} distinct rows were collapsed into one",
         "Raw rows and distinct keys match; the dedup step removes only true duplicates",
         "The dedup key lost {ts} in {version}, collapsing distinct rows of {table}"},
    },
    { // schema_drift
        {"{source} added a column and the loader shifted positional columns",
         "SELECT column_name, data_type, ordinal_position\nFROM information_schema.columns\nWHERE table_schema = '{schema}' AND table_name = '{name}'\nORDER BY ordinal_position",
         "current column list and order",
         "A new column appeared at position {n}; {num} now receives the values of {cat}",
         "Column list and order are unchanged since last week",
         "{source} added a column at position {n}; the positional CSV load shifted {num} and {cat}"},
        {"The type of {num} changed from numeric to text upstream",
         "SELECT pg_typeof({num}) AS type, count(*)\nFROM {upstream}\nWHERE {ts} >= now() - interval '1 day'\nGROUP BY 1",
         "type of {num} in today's rows",
         "{num} arrives as text since {version}, with values like '12,50' that fail the cast",
         "{num} still arrives as numeric",
         "{num} changed from numeric to text in {version} (locale-formatted decimals); the cast fails"},
        {"A column was renamed in the source without notice",
         "SELECT column_name\nFROM information_schema.columns\nWHERE table_name = '{name}'\nEXCEPT\nSELECT column_name FROM ops.schema_snapshots WHERE table_name = '{name}' AND snapshot_date = '{date}'",
         "columns that differ from the last snapshot",
         "{fk} was renamed upstream on {date}; the old column is now all NULL",
         "No column differs from the snapshot of {date}",
         "{fk} was renamed in the source on {date} without notice; downstream models read an empty column"},
        {"A migration on the source dropped a column that downstream models still select",
         "SELECT * FROM {table} LIMIT 0",
         "whether every selected column still exists",
         "{cat} no longer exists; the model fails with 'column does not exist'",
         "Every column the models select still exists",
         "Source migration {version} dropped {cat}; three downstream models still select it"},
        {"The JSON payload nests fields differently since the API upgrade",
         "SELECT jsonb_object_keys(raw_payload) AS key, count(*)\nFROM {upstream}\nWHERE {ts} >= now() - interval '1 day'\nGROUP BY 1\nORDER BY 2 DESC",
         "top-level keys of the raw payload",
         "The payload now nests {num} under 'details' since API {version}",
         "The payload keys are the same as before the upgrade",
         "API {version} nests {num} under 'details'; the flattening step no longer finds it"},
        {"The drift alert is a false positive caused by a view being recreated",
         "SELECT c.relname, c.relkind, pg_stat_get_last_analyze_time(c.oid)\nFROM pg_class c\nWHERE c.relname = '{name}'",
         "whether the relation was recreated",
         "The view was dropped and recreated at {hour_mark} with identical columns; only the column ids changed",
         "The relation was not recreated",
         "A deploy recreated the view with identical columns; the schema check compares column ids and fired falsely"},
    },
    { // duplicates
        {"The loader retried a batch after a timeout and inserted it twice",
         "SELECT {id}, count(*) AS copies, min(_loaded_at), max(_loaded_at)\nFROM {table}\nWHERE {ts} >= current_date - 2\nGROUP BY {id}\nHAVING count(*) > 1\nORDER BY copies DESC\nLIMIT 100",
         "duplicated keys and when their copies were loaded",
         "{n} keys appear twice, each pair loaded {hours} minutes apart, matching a retried batch",
         "No key appears more than once",
         "A timed-out batch was retried without idempotency; {n} rows of {table} were inserted twice"},
        {"CDC replayed the WAL after the connector restart",
         "SELECT _cdc_lsn, count(*)\nFROM {table}\nWHERE _cdc_op = 'c' AND {ts} >= current_date - 1\nGROUP BY 1\nHAVING count(*) > 1",
         "rows sharing one CDC log position",
         "Rows with the same LSN arrived twice after the Debezium restart at {hour_mark}",
         "Every LSN appears once",
         "The Debezium connector restarted without committed offsets and replayed {hours} minutes of WAL"},
        {"The merge key does not include {cat}, so updates become inserts",
         "SELECT {id}, {cat}, count(*)\nFROM {table}\nGROUP BY 1, 2\nHAVING count(*) > 1\nLIMIT 50",
         "duplicates per key and {cat}",
         "Duplicates differ only in {cat}: the MERGE matches on {id} alone and inserts instead of updating",
         "Duplicates are exact copies, not differing versions",
         "The MERGE into {table} keys on {id} only; a change of {cat} inserts a second row"},
        {"Two pipelines write the same records since the migration",
         "SELECT _source_pipeline, count(*)\nFROM {table}\nWHERE {ts} >= current_date - 7\nGROUP BY 1",
         "rows per writing pipeline",
         "Both the legacy and the new pipeline have written {table} since {date}",
         "Only one pipeline writes {table}",
         "The legacy pipeline was not switched off after the migration on {date}; both write {table}"},
        {"Upstream sends the same event with different ids (client retries)",
         "SELECT {fk}, {ts}, {num}, count(DISTINCT {id}) AS ids\nFROM {table}\nGROUP BY 1, 2, 3\nHAVING count(DISTINCT {id}) > 1\nLIMIT 100",
         "events identical except for their id",
         "{pct}% of the duplicates are client retries with fresh ids within one second",
         "No identical events with different ids",
         "Mobile clients retry on timeout and mint a new {id}; {pct}% of rows are retries"},
        {"The duplicates come from a manual backfill that overlapped the regular load",
         "SELECT date_trunc('day', _loaded_at), _loaded_by, count(*)\nFROM {table}\nWHERE _loaded_at >= current_date - 7\nGROUP BY 1, 2",
         "who loaded rows and when",
         "A manual backfill by a person on {day} overlapped the scheduled load for {hours} hours",
         "Only the scheduled service account loaded rows",
         "A manual backfill on {day} overlapped the scheduled load of {table}"},
    },
    { // freshness
        {"The Airflow DAG for {table} is stuck on a sensor",
         "SELECT dag_id, state, start_date, end_date\nFROM ops.warehouse_load_audit\nWHERE target_table = '{table}'\nORDER BY start_date DESC\nLIMIT 20",
         "recent runs of the loading DAG",
         "The last {n} runs wait on an upstream sensor that never fired; last success {hours} hours ago",
         "The DAG ran on schedule and succeeded",
         "The DAG loading {table} has waited {hours} hours on a sensor for a file {source} never delivered"},
        {"{source} delivers late on weekends",
         "SELECT extract(dow FROM {ts}) AS dow, avg(extract(epoch FROM _loaded_at - {ts}) / 3600) AS lag_hours\nFROM {table}\nWHERE {ts} >= current_date - 56\nGROUP BY 1\nORDER BY 1",
         "load lag by day of week",
         "The lag is {hours} hours on Saturdays and Sundays and under 2 hours on weekdays",
         "The lag is the same on every day of the week",
         "Known weekend lag: {source} delivers {table} with a {hours}-hour delay on weekends"},
        {"Credentials for {source} expired",
         "SELECT run_id, error_message, finished_at\nFROM ops.warehouse_load_audit\nWHERE target_table = '{table}' AND status = 'failed'\nORDER BY finished_at DESC\nLIMIT 5",
         "errors of the failed load runs",
         "Every run since {day} fails with '401 Unauthorized: token expired'",
         "No failed runs in the last week",
         "The service token for {source} expired on {day}; every load since has failed"},
        {"The warehouse queue is saturated and the load waits for a slot",
         "SELECT date_trunc('hour', queued_at) AS hour, avg(extract(epoch FROM started_at - queued_at)) AS wait_s\nFROM ops.query_history\nWHERE warehouse = 'LOAD_WH' AND queued_at >= now() - interval '2 days'\nGROUP BY 1\nORDER BY 1",
         "queue wait time on the loading warehouse",
         "Queue waits reached {n} s at {hour_mark}, when the month-end finance jobs started",
         "Queue waits stayed under 5 s",
         "Month-end finance jobs saturated the load warehouse; {table} waited {hours} hours for a slot"},
        {"The upstream table itself is stale",
         "SELECT max({ts}) AS newest, now() - max({ts}) AS age\nFROM {upstream}",
         "age of the newest upstream row",
         "{upstream} has not received rows for {hours} hours either; the staleness is upstream",
         "{upstream} is fresh; the delay is in our own load",
         "{upstream} stopped receiving rows {hours} hours ago; {table} is stale because its source is"},
        {"The freshness SLA is wrong for this table: it is loaded daily, not hourly",
         "SELECT schedule_interval, owner\nFROM ops.dag_registry\nWHERE target_table = '{table}'",
         "configured schedule of the load",
         "The DAG is scheduled daily at 06:00 UTC, but the monitor expects hourly loads",
         "The DAG is scheduled hourly, as the monitor expects",
         "Misconfigured monitor: {table} is loaded daily, the freshness check assumes hourly"},
    },
    { // distribution_shift
        {"A currency conversion is missing for the new market",
         "SELECT {cat}, avg({num}) AS mean, percentile_cont(0.5) WITHIN GROUP (ORDER BY {num}) AS median\nFROM {table}\nWHERE {ts} >= current_date - 7\nGROUP BY {cat}",
         "mean and median of {num} per {cat}",
         "Rows for {cat} = '{cat_value}' carry {num} in local currency; the median is {n} times the others",
         "{num} is comparable across every {cat}",
         "Rows for the new market {cat_value} are loaded without currency conversion; {num} is in local currency"},
        {"A pricing experiment changed the mix",
         "SELECT experiment_variant, count(*), avg({num})\nFROM {table} t\nJOIN growth.experiment_assignments e USING ({fk})\nWHERE t.{ts} >= date '{date}'\nGROUP BY 1",
         "{num} per experiment variant",
         "The treatment variant shows {pct}% higher {num}; it reached half of the traffic on {date}",
         "Both variants have the same distribution of {num}",
         "No data problem: the pricing experiment that started on {date} shifted {num} by {pct}%"},
        {"A unit change upstream (cents vs. units)",
         "SELECT width_bucket({num}, 0, 100000, 20) AS bucket, count(*)\nFROM {table}\nWHERE {ts} >= current_date - 3\nGROUP BY 1\nORDER BY 1",
         "histogram of {num}",
         "Since {version} the values of {num} are exactly 100 times higher: cents instead of units",
         "The histogram keeps its usual shape",
         "{source} switched {num} from units to cents in {version}"},
        {"Bot traffic inflates the low end of the distribution",
         "SELECT user_agent_class, count(*), avg({num})\nFROM {table}\nWHERE {ts} >= current_date - 2\nGROUP BY 1\nORDER BY 2 DESC",
         "{num} per user agent class",
         "{pct}% of the new rows come from a crawler with {num} near zero",
         "Bot share is unchanged at under 1%",
         "A crawler not on the bot list produced {pct}% of the rows and dragged {num} down"},
        {"The model feeding {num} was retrained and recalibrated",
         "SELECT model_version, avg({num}), stddev({num})\nFROM {table}\nWHERE {ts} >= current_date - 14\nGROUP BY 1",
         "{num} per model version",
         "Model {version} shifted the mean of {num} by {pct}% on deployment",
         "One model version throughout; no deployment in the window",
         "Model {version} was deployed without recalibration; {num} shifted {pct}%"},
        {"A default value is used when the field is missing",
         "SELECT {num}, count(*)\nFROM {table}\nWHERE {ts} >= current_date - 2\nGROUP BY 1\nORDER BY 2 DESC\nLIMIT 10",
         "most frequent values of {num}",
         "{pct}% of the rows now carry exactly 0 in {num}, the loader's default for a missing field",
         "No single value dominates {num}",
         "The loader writes 0 when {num} is missing; {pct}% of recent rows got the default"},
    },
};

inline constexpr const char *recommendations[6][4] = {
    {"Add a not-null test on {fk} for new partitions of {table}", "Ask {team} to add {fk} to the release checklist of {source}", "Backfill {fk} for the affected rows from {upstream}", "Exclude known-null segments from the null-rate monitor"},
    {"Alert on the connector's HTTP 429 count, not only on the row count", "Make the loader fail when a partition loads 0 rows", "Add a holiday calendar to the volume monitor of {table}", "Re-run the load for {date} and reconcile against {upstream}"},
    {"Load {table} by column name instead of position", "Subscribe {team} to schema change notifications from {source}", "Add a contract test for the columns downstream models select", "Snapshot information_schema daily and diff it"},
    {"Make the load idempotent with MERGE on ({id}, {ts})", "Deduplicate {table} with a unique index on {id}", "Commit CDC offsets before restarting the connector", "Switch off the legacy pipeline writing {table}"},
    {"Page {team} when the DAG for {table} waits more than 3 hours", "Rotate the token of {source} with the secrets manager", "Move the load of {table} to its own warehouse", "Set the freshness SLA of {table} to its real schedule"},
    {"Convert {num} to USD at load time using finance.fx_rates", "Annotate experiments on the {table} dashboard", "Add a units check on {num} to the ingestion contract", "Tag model versions in {table} and monitor them separately"},
};

inline constexpr const char *quirkTexts[] = {
    "ETL has a 2-day lag on weekends; Monday's numbers for {table} are incomplete until Tuesday noon",
    "{fk} is NULL for guest checkouts by design — do not alert on it",
    "{table} is loaded daily at 06:00 UTC, not hourly; freshness checks before 07:00 are meaningless",
    "{num} is stored in cents before {date} and in units after; divide older rows by 100",
    "Rows with {cat} = 'test' are QA traffic and must be excluded from every metric",
    "Duplicates on {id} are expected during the nightly CDC snapshot (02:00–02:30 UTC)",
    "{source} drops rows larger than 1 MB silently; compare counts with {upstream}",
    "Timestamps in {ts} are local time of the warehouse (Europe/Berlin), not UTC",
    "Month-end runs of {table} take 3–4 hours longer because finance jobs share the warehouse",
    "{cat} was split into two values on {date}; trend charts need both",
    "Refunds appear in {table} only after the payment provider settles them (T+2)",
    "The first of each month has a volume spike from subscription renewals — not an anomaly",
    "{table} is rebuilt from scratch every Sunday; row ids are not stable across weeks",
    "{num} can be negative for corrections; filter on {cat} before summing",
};

inline constexpr const char *quirkEditSuffix[] = {
    " (confirmed with {team}, still true after the {version} release)",
    " — since {date} also on public holidays",
    " (see the runbook in the {team} wiki)",
    "; the fix is planned for next quarter",
};

inline constexpr const char *quirkRetireReasons[] = {
    "Fixed by the {version} release of {source}",
    "The pipeline was migrated; no longer applies",
    "{team} changed the schedule, this is obsolete",
};

inline constexpr const char *commentTexts[] = {
    "I saw the same pattern in {table} last month; it was {source} then too.",
    "Can we get {team} to confirm before we close this?",
    "The query on {upstream} is the one to keep — it found the issue in seconds.",
    "This hypothesis is worth checking first next time {metric} alerts.",
    "Linked the incident ticket; {team} is on it.",
    "Note for on-call: this alert on {table} fires every month end.",
    "We should add this to the quirks of {table}.",
    "The evidence here is convincing, the {cat} breakdown says it all.",
};

inline constexpr const char *feedbackComments[2][6] = {
    { // negative
        "We already knew this from the last incident on {table}.",
        "Wrong table — {upstream} is the source of truth here.",
        "The query scans the whole table; filter on {ts} first.",
        "This misses that {source} deployed {version} the same day.",
        "Not actionable without knowing who owns {source}.",
        "The conclusion contradicts what {team} told us.",
    },
    { // positive
        "Exactly the check I would have run first.",
        "Saved me an hour of digging in {table}.",
        "Good catch on the {cat} column.",
        "Clear and correct — forwarded to {team}.",
        "This is the root cause, confirmed with {team}.",
        "Nice, the {ts} breakdown made it obvious.",
    },
};

struct PersonTemplate
{
    const char *first;
    const char *last;
};

inline constexpr PersonTemplate personPool[] = {
    {"Maria", "Lopez"}, {"Jonas", "Weber"}, {"Aisha", "Khan"}, {"Tom", "Becker"},
    {"Priya", "Natarajan"}, {"Lukas", "Schmidt"}, {"Chen", "Wei"}, {"Sofia", "Rossi"},
    {"Daniel", "Okafor"}, {"Emma", "Johansson"}, {"Mateo", "Garcia"}, {"Yuki", "Tanaka"},
    {"Nora", "Fischer"}, {"Omar", "Haddad"}, {"Lena", "Novak"}, {"Samuel", "Mensah"},
    {"Ines", "Moreau"}, {"Ravi", "Shah"}, {"Hannah", "Keller"}, {"Felix", "Braun"},
    {"Zoe", "Martin"}, {"Ahmed", "Nasser"}, {"Julia", "Wagner"}, {"Kofi", "Asante"},
};

inline constexpr const char *teams[] = {"data-platform", "analytics", "commerce", "payments",
                                        "growth", "finance", "data-science", "crm"};

inline constexpr const char *catValues[] = {"marketplace", "b2b", "app_ios", "guest", "de", "br",
                                            "wholesale", "promo", "partner_api", "kiosk"};

inline constexpr const char *quickReasons[5][2][2] = {
    // target order: hypothesis, query, evidence, synthesis, investigation; [negative, positive]
    {{"Dead end", "Already known"}, {"Right direction", "Key insight"}},
    {{"Wrong table", "Inconclusive"}, {"Useful data", "Confirmed suspicion"}},
    {{"Noise", "Misleading"}, {"Key proof", "Clear signal"}},
    {{"Partial answer", "Missed root cause"}, {"Solved it", "Actionable"}},
    {{"No value", "Wrong conclusion"}, {"Saved time", "Found the issue"}},
};

inline constexpr const char *feedbackTargets[5] = {"hypothesis", "query", "evidence", "synthesis",
                                                   "investigation"};

} // namespace ke::demo
// clang-format on
