#pragma once

#include "knowledgeaggregator.h"
#include "knowledgestore.h"

namespace ke::test {

/// A dataset's knowledge after aggregating `db` incrementally (pass 0) or by a full rebuild
/// (pass 1). A test runs both passes: the two must give the same answer.
inline Result<DatasetKnowledge> knowledgeAfterPass(Database &db, int pass, const QString &dataset)
{
    auto run
        = pass == 0 ? KnowledgeAggregator::runIncremental(db) : KnowledgeAggregator::rebuild(db);
    if (!run)
        return run.error();
    return KnowledgeStore::knowledge(db, dataset);
}

} // namespace ke::test
