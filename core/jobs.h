#pragma once

#include "connectionsettings.h"
#include "jobscheduler.h"

#include <chrono>

namespace ke {

/// How often `knowledgectl worker` runs each job.
struct JobIntervals
{
    std::chrono::seconds aggregate{300}; ///< aggregate_dataset_knowledge
    std::chrono::seconds embeddings{300}; ///< generate_embeddings
    std::chrono::seconds training{86400}; ///< rebuild_training_examples (daily)
};

/// The product's background jobs, each opening its own connection on the pool thread it runs
/// on and working through every tenant (or only settings.tenant when one is given).
QList<JobSpec> standardJobs(const ConnectionSettings &settings, const JobIntervals &intervals);

} // namespace ke
