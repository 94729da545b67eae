#pragma once

// Private to the aggregator (knowledgeaggregator.cpp, knowledgeaggregatordatasets.cpp): one run
// of the aggregation and the steps the two files share. How a run works is told at the top of
// knowledgeaggregator.cpp.

#include "database_p.h"

#include <QLoggingCategory>
#include <QString>

#include <string>

Q_DECLARE_LOGGING_CATEGORY(lcAggregate)

namespace ke::aggregation {

/// One run: its transaction, whether it is a full rebuild, and the statements it executes.
class Run
{
public:
    Run(Database &db, pqxx::work &tx, bool full)
        : m_db(db)
        , m_tx(tx)
        , m_full(full)
        , m_tenant(uuidToStd(db.tenantId()))
    { }

    /// Runs the statement `tmpl` (its fragments expanded; $1 is the tenant), timed and logged
    /// as `step`.
    pqxx::result exec(const QString &tmpl, const char *step);

    bool full() const { return m_full; }

private:
    Database &m_db;
    pqxx::work &m_tx;
    bool m_full;
    std::string m_tenant;
};

/// Resolves every dataset reference of the recomputed investigations and quirks to one dataset
/// id, in the temporary table ke_ref (ref, ref_id, name, dataset_id).
void resolveDatasets(Run &run, bool haveCatalog);
/// Adds (sign +1) or subtracts (-1) the recomputed investigations' actors to the running sums
/// of their datasets (agg_ds_actors).
void addDatasetActors(Run &run, int sign);
/// Level 3: the dataset_knowledge rows of the datasets touched, recomputed from level 2; the
/// number of rows written.
qint64 levelThree(Run &run);

} // namespace ke::aggregation
