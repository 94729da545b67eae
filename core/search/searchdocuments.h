#pragma once

#include "embedder.h"
#include "result.h"
#include "searchindex.h"

#include <QCoreApplication>

#include <atomic>
#include <memory>

namespace ke {

class Database;

/// What one run of the generate_embeddings job did for one tenant.
struct SearchDocumentsReport
{
    bool full = false; ///< every source recomputed (first run, or no snapshot to go on)
    qint64 documentsChanged = 0; ///< rows of search_documents inserted or changed (incl. retired)
    qint64 documentsRetired = 0; ///< of which newly retired
    qint64 documentsEmbedded = 0; ///< vectors written to search_embeddings
    qint64 embeddingsRemoved = 0; ///< vectors of retired documents or of older models removed
    QString model; ///< the model used ("" when there was nothing to embed with)
    bool modelTrained = false; ///< a new local (LSA) model was learned in this run
    QString note; ///< something a person should know (e.g. pgvector present but not usable)
    double seconds = 0;
    double trainingSeconds = 0; ///< of which learning the local model
};

/// The generate_embeddings job: keeps search_documents current for the session's tenant and
/// embeds new or changed documents into search_embeddings.
///
/// Documents: hypothesis.generated (text), query.planned / query.submitted (purpose + SQL,
/// latest non-empty of each), comment.added (text), quirks (agg_quirks: latest text;
/// retired = retired), findings (dataset_findings: summary, feedback_score). A hypothesis'
/// or query's feedback_score is its net thumbs (up - down, latest rating per person); a
/// quirk's is its confirmations. Dataset: the investigation's (agg_investigations), else the
/// event's dataset_id column.
///
/// Incremental: run after the aggregator. The window is the events that became visible
/// between the aggregator's snapshot at our last run and its snapshot now (aggregation_state),
/// so the aggregate tables we read (datasets, ratings, findings, quirks) are at least as new
/// as the events we process. Touched investigations are recomputed from their events; quirks
/// and findings are diffed in full (they are few). A row only changes (and takes a new
/// change_seq) when one of its fields really changed; sources that disappeared are retired.
/// Without a snapshot (first run, or an events table without tx_id) everything is recomputed.
/// Serialised per tenant by an advisory lock (see migration 0004).
///
/// Embedding: the HTTP embedder when one is given, else the tenant's local LSA model, learned
/// from its documents when none exists or when the corpus has grown to twice the size the
/// model was learned from (and by at least 200 documents); a new model re-embeds everything
/// and removes the old model's vectors. An API model is registered (embedding_models) with
/// the dimension of its first answer, in the transaction of the first page of vectors.
/// Linear in the tenant's documents: one join finds what needs a vector, pages go by key.
///
/// Stateless: borrows the Database per call; use from that Database's thread only.
class SearchDocuments
{
    Q_DECLARE_TR_FUNCTIONS(SearchDocuments)

public:
    /// Updates search_documents only.
    static Result<SearchDocumentsReport> refresh(Database &db, bool full = false);
    /// refresh() then embed() — the job.
    static Result<SearchDocumentsReport> run(Database &db,
                                             std::shared_ptr<const Embedder> httpEmbedder = {},
                                             const std::atomic_bool *cancel = nullptr);
    /// Embeds the documents that have no vector of the current model (or an outdated one).
    static Result<void> embed(Database &db, SearchDocumentsReport &report,
                              std::shared_ptr<const Embedder> httpEmbedder = {},
                              const std::atomic_bool *cancel = nullptr);
    /// Writes documents that do not come from events straight into search_documents (for
    /// evaluating the online search on a collection such as Cranfield, in a throwaway
    /// schema): one COPY, all or nothing. Source types must be the product's (finding,
    /// hypothesis, query, comment, quirk); ids that are not UUIDs are stored as NULL.
    static Result<qint64> importDocuments(Database &db, const QList<SearchDocument> &documents);
    /// The tenant's current stored model (the newest row of embedding_models), loaded;
    /// null when there is none. An HTTP model is not stored: it is the configured API
    /// (KNOWLEDGE_EMBEDDINGS_*) with the limits for embedding queries (HttpEmbedder::forQueries).
    static Result<std::shared_ptr<const Embedder>> loadCurrentModel(Database &db);
};

} // namespace ke
