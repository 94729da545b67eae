#pragma once

#include "connectionsettings.h"
#include "database.h"
#include "jobscheduler.h"

#include <atomic>
#include <chrono>
#include <functional>

namespace ke {

/// How often `knowledgectl worker` runs each job.
struct JobIntervals
{
    std::chrono::seconds aggregate{300}; ///< aggregate_dataset_knowledge
    std::chrono::seconds embeddings{300}; ///< generate_embeddings
    std::chrono::seconds training{86400}; ///< rebuild_training_examples (daily)
};

/// One tenant's part of a batch: its summary, or the error that stopped it.
struct TenantRun
{
    Database::TenantInfo tenant;
    QString summary; ///< what the step returned
    QString error; ///< empty = done
};

/// Runs `step` for settings.tenant, or — without one — for every tenant
/// (Database::batchTenants: registered ones and those seen in the events table), on one
/// connection of its own, in the calling thread. One tenant's failure is recorded and the
/// others still run; `cancelled` (may be null) stops before the next tenant. Fails as a whole
/// only when it cannot connect or list the tenants. What `aggregate`, `embed` and
/// `build-training` without a tenant, and the worker's jobs, share.
Result<QList<TenantRun>> runForEachTenant(const ConnectionSettings &settings,
                                          const std::atomic_bool *cancelled,
                                          const std::function<Result<QString>(Database &)> &step);

/// The product's background jobs, each opening its own connection on the pool thread it runs
/// on and working through every tenant (or only settings.tenant when one is given).
///
/// Several workers may run at once (on several machines): each tenant's run of a job holds a
/// session-level advisory lock of that job and tenant on the job's connection —
/// pg_try_advisory_lock(hashtext('knowledge.worker.<schema>.<job>'), hashtext('<tenant uuid>')),
/// taken with pg_try_advisory_lock and released when the run ends (or by the server when the
/// connection goes). A worker that finds it taken skips the tenant ("locked"); one that gets
/// it but sees that the job ran for the tenant less than 90 % of the interval ago (by the
/// job's own state table and the database's clock: aggregation_state, search_document_state,
/// training_build_state) skips it too ("not_due"), unless JobContext::ignoreSchedule. So
/// each job runs once per period for each tenant, whichever worker runs it.
///
/// A shutdown (JobContext::cancelled) cancels the statement running on the job's connection
/// (a cancel request, resent every 0.5 s while the run lasts): an aggregation or a training
/// build is one transaction and is rolled back; embeddings are written a page per
/// transaction, so the pages done stay and the next run embeds the rest. Either way the next
/// run completes the work.
QList<JobSpec> standardJobs(const ConnectionSettings &settings, const JobIntervals &intervals);

} // namespace ke
