#pragma once

// Private to core: the tenant's vectors in memory for online search's exact vector scan.

#include "embedder.h"

#include <QString>
#include <QStringList>

#include <pqxx/pqxx>

#include <string>

namespace ke::onlinevectors {

/// What the exact scan is asked: the query's vector, how many to keep, and the filters.
struct Query
{
    const EmbeddingVector *vector = nullptr;
    int keep = 0;
    QString datasetId; ///< empty: every dataset; else a UUID in any of its spellings
    QStringList sourceTypes; ///< empty: every type
};

/// The `keep` documents of the session's tenant whose vectors of `model` have the largest
/// inner product with the query's, best first (ties: by source type and id), as
/// (source_type, source_id) — read from a copy of the tenant's vectors held once per process
/// and shared by its threads, and brought up to date first when this session sees a change the
/// copy has not: a newer change number of the tenant's documents or of its vectors of the model
/// (migration 0011; two index lookups). A session that sees none of the tenant's documents or
/// vectors (row-level security) gets nothing and changes nothing: only a session that sees the
/// tenant's rows reads the tenant's copy. Throws what libpqxx throws. `tenant` is the tenant's
/// UUID. One copy per tenant: a new model replaces it.
/// The tables top() reads, qualified names.
struct Tables
{
    QString documents, vectors, models;
};

/// What top() found: the best documents, and whether `model` is still the tenant's current
/// one (a search that holds an older model — the job learned a new one since — loads the new
/// one before the next search; the older model's vectors are gone).
struct Found
{
    std::vector<std::pair<QString, QString>> best;
    bool modelIsCurrent = true;
};

Found top(pqxx::transaction_base &tx, pqxx::connection &conn, const Tables &tables,
          const std::string &tenant, const std::string &model, const Query &query);

} // namespace ke::onlinevectors
