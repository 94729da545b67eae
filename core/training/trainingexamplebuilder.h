#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>

namespace ke {

class Database;

/// Rebuilds ml_training_examples from the event log — the `rebuild_training_examples` job.
///
/// One row per example, for the session's tenant only, built set-based inside PostgreSQL
/// (nothing proportional to the number of events or examples is held by the client):
///  - hypothesis_gen: input {alert, dataset, schema, known_quirks} (quirks as they stood when
///    the investigation started); output {text, confidence}; one per hypothesis.generated.
///  - hypothesis_rank: input {alert, dataset, hypotheses}; output {best, best_text, ranking};
///    one per investigation with at least two hypotheses and at least one verdict or rating.
///    Ranking value of a hypothesis = verdict (accepted +1, rejected -1, none 0, the latest
///    hypothesis.accepted/rejected wins) + its feedback_score (0 when unrated).
///  - query_gen: input {alert, dataset, schema, hypothesis}; output {sql, purpose, outcome};
///    one per query id of query.planned / query.submitted (the latest submitted SQL wins).
///  - synthesis: input {alert, dataset, evidence}; output {root_cause, confidence,
///    recommendations}; one per synthesis.generated (or, when an investigation has none, its
///    investigation.completed with a root_cause).
///
/// feedback_score: only each person's LATEST rating of a target counts (persons are actor ids;
/// a rating without an actor counts as its own person). With r_p in {1, -1} the latest
/// rating of person p, over the n persons who rated:
///     feedback_score = (Σ_p r_p) / n            in [-1, 1], NULL when n = 0.
/// A target is matched by its logical id (hypothesis_id, query_id, synthesis_id) or by the id
/// of the event that generated it. query_gen: a failed query adds one vote of -1 (success
/// adds none: running is not an endorsement). synthesis: a person's rating of the synthesis
/// takes precedence over their rating of the whole investigation (feedback.investigation).
/// hypothesis_rank: the feedback_score of the best hypothesis (NULL when none was right).
///
/// Ids are deterministic (training_example_id(tenant, task, key)); each investigation's
/// examples are replaced as a whole, so a rebuild is idempotent.
///
/// Incremental: the builder remembers (training_build_state) the created_at of the newest
/// event it saw and next time rebuilds only the investigations having an event newer than
/// that minus `overlapSeconds` (late writers whose created_at lags by more than that are
/// caught by the next full build). The first build, and `full`, rebuild everything.
///
/// Stateless; call from the thread that owns `db`.
class TrainingExampleBuilder
{
    Q_DECLARE_TR_FUNCTIONS(TrainingExampleBuilder)

public:
    /// The job's name in `knowledgectl worker`.
    static QString jobName() { return QStringLiteral("rebuild_training_examples"); }

    struct Options
    {
        bool full = false;
        int overlapSeconds = 3600;
        /// Regex (case-insensitive) on the dataset's metadata kind, then on its name, to
        /// dataset_type; tried after the tenant's own rules (settings.training.
        /// dataset_type_rules) and before the built-in defaults. First match wins.
        QList<QPair<QString, QString>> datasetTypeRules;
    };

    struct Stats
    {
        bool full = false;
        qint64 investigations = 0; ///< investigations (re)built
        qint64 examples = 0; ///< examples written
        QMap<QString, qint64> perTask;
        double seconds = 0;
    };

    /// The built-in dataset_type rules: events, transactions, users, products, metrics.
    static QList<QPair<QString, QString>> defaultDatasetTypeRules();

    static Result<Stats> rebuild(Database &db, const Options &options);
    static Result<Stats> rebuild(Database &db) { return rebuild(db, Options{}); }
};

} // namespace ke
