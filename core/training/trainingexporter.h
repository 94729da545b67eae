#pragma once

#include "result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

namespace ke {

class Database;

/// Exports ml_training_examples as JSON Lines for fine-tuning — `export_training_data`.
///
/// Formats (one JSON object per line):
///  - Raw: {"id", "task_type", "input", "output", "feedback_score", "feedback_count",
///    "dataset_type", "issue_type", "investigation_id", "tenant_id", "source_event_ids",
///    "created_at", "metadata"};
///  - OpenAiChat: {"messages": [{"role": "system"}, {"role": "user"}, {"role": "assistant"}]},
///    the user message being the input's fields one per line, the assistant message the
///    expected answer (hypothesis text, ranking JSON, SQL, root cause);
///  - Preference: {"prompt", "chosen", "rejected", "task_type", "investigation_id"} pairs of
///    hypotheses (or syntheses) of one investigation whose ranking value (verdict + feedback
///    score) is positive for `chosen`, lower and not positive for `rejected`; --min-score
///    applies to `chosen`.
///
/// Streaming: rows come from a server-side cursor in chunks of 2,000 and the lines are built
/// by PostgreSQL, so the client's memory does not grow with the number of examples. Order is
/// deterministic: task_type, then example id (ids are hashes, so the order is also mixed).
/// Files are written with QSaveFile: nothing appears under the final name unless the whole
/// export succeeded. With a split, FILE "x.jsonl" (or "x") becomes "x.train.jsonl" and
/// "x.valid.jsonl"; an investigation goes wholly to one side, chosen by SHA-256 of its id.
///
/// Privacy: only the session's tenant, unless crossTenant: then every tenant whose settings
/// opt in (training_export.cross_tenant) — and only those, the caller's own included only when
/// it opted in — anonymised by Anonymiser (anonymiser.h: ids, e-mails, phone numbers, URL
/// credentials, the tenant's name and slug, its people and the orchestrator's, dataset names
/// unless the tenant allows them with training_export.allow_dataset_names; JSON keys too).
/// excludeComments drops free-text comments. Output files are created 0600.
///
/// Stateless; call from the thread that owns `db`.
class TrainingExporter
{
    Q_DECLARE_TR_FUNCTIONS(TrainingExporter)

public:
    enum class Format { Raw, OpenAiChat, Preference };

    struct Options
    {
        QString outPath;
        QStringList tasks; ///< empty = all (for Preference: hypothesis_gen and synthesis)
        std::optional<double> minScore;
        QDateTime since; ///< examples created at or after (invalid = no limit)
        QString datasetType;
        QString issueType;
        Format format = Format::Raw;
        std::optional<double> split; ///< fraction for the train file, in (0, 1)
        bool excludeComments = false;
        bool crossTenant = false;
        QByteArray key; ///< HMAC key for crossTenant (else the tenant's training_export.hmac_key)
        int fetchSize = 2000;
        /// After each chunk: lines written so far, and the exported tasks' examples before
        /// any filter (an upper bound for a progress bar). May be empty.
        std::function<void(qint64 written, qint64 examples)> progress;
        /// Checked after each chunk: a cancelled export writes no file (ErrorCode::Cancelled).
        const std::atomic_bool *cancel = nullptr;
    };

    struct Summary
    {
        QMap<QString, qint64> perTask; ///< lines written per task
        qint64 written = 0;
        qint64 train = 0;
        qint64 valid = 0;
        qint64 belowMinScore = 0;
        qint64 unscored = 0; ///< no feedback score while --min-score was given
        qint64 filteredOut = 0; ///< by --since / --dataset-type / --issue-type
        qint64 unpaired = 0; ///< Preference: examples that formed no pair
        int tenants = 0;
        /// Examples in the table for the exported tenant(s) by task, before any filter.
        QMap<QString, qint64> available;
        qint64 examples = 0; ///< sum of `available`
        qint64 taskExamples = 0; ///< of those, of the exported tasks
        /// The highest feedback score among the exported tasks' examples that pass
        /// --since/--dataset-type/--issue-type (none: none of them is scored).
        std::optional<double> bestScore;
        QStringList files;
        double seconds = 0;
    };

    static QStringList taskTypes();
    static Result<Format> parseFormat(const QString &name);
    /// Checks the options without touching the database or the file system.
    static Result<void> validate(const Options &options);
    /// The files an export with these options writes.
    static QStringList outputFiles(const Options &options);

    static Result<Summary> exportTo(Database &db, const Options &options);

    /// Why an export wrote no line, for people: nothing built (`built` false: --no-build),
    /// no investigation in the event log yet, the task filter matched nothing, everything
    /// filtered out, no feedback score yet, nothing at or above --min-score (with the best
    /// score), no preference pair. Empty when `summary` wrote lines. Reads the event log
    /// only when no example exists at all.
    static Result<QString> explainNothingExported(Database &db, const Options &options,
                                                  const Summary &summary, bool built);
};

} // namespace ke
