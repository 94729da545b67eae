#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace ke {

class Database;

/// A recurring issue of a dataset: an anomaly type or a root-cause theme.
struct CommonIssue
{
    QString kind; ///< "anomaly_type" | "root_cause"
    QString issue; ///< the anomaly type, or the normalised root-cause text
    int count = 0; ///< investigations showing it
    QDateTime lastSeen;
    QJsonObject toJson() const;
    static CommonIssue fromJson(const QJsonObject &json); ///< the inverse of toJson()
};

/// A current (not retired) quirk of a dataset.
struct KnownQuirk
{
    QString quirkId;
    QString text; ///< the latest text
    QUuid authorId;
    QString author; ///< handle, when the author is a known person
    QDateTime createdAt;
    QDateTime lastEditedAt; ///< null when never edited
    int confirmations = 0; ///< people who confirmed it
    /// The reader's own change, waiting in the outbox (BrowseClient): "added", "edited",
    /// "confirmed" or "retired"; empty = none. In JSON only when set.
    QString pending;
    QJsonObject toJson() const;
    static KnownQuirk fromJson(const QJsonObject &json); ///< the inverse of toJson()
};

/// One of the people most involved with a dataset.
struct DatasetOwner
{
    QUuid actorId;
    QString handle;
    QString displayName;
    double score = 0; ///< weighted involvement (see KnowledgeAggregator)
    double share = 0; ///< score / all people's score on the dataset, 0..1
    int investigationsStarted = 0;
    int feedback = 0;
    int comments = 0;
    int quirks = 0;
    QJsonObject toJson() const;
    static DatasetOwner fromJson(const QJsonObject &json); ///< the inverse of toJson()
};

/// A row of dataset_findings.
struct DatasetFinding
{
    QUuid id;
    QUuid investigationId;
    QString findingType; ///< root_cause | observation | recommendation
    QString summary;
    std::optional<double> confidence;
    double feedbackScore = 0; ///< Wilson lower bound of the thumbs-up share, 0..1
    QDateTime createdAt;
    QJsonObject toJson() const;
    static DatasetFinding fromJson(const QJsonObject &json); ///< the inverse of toJson()
};

/// What the team knows about one dataset (GET /datasets/:id/knowledge).
struct DatasetKnowledge
{
    QUuid datasetId;
    QString name;
    int investigationCount = 0;
    int positiveFeedbackCount = 0;
    int negativeFeedbackCount = 0;
    QDateTime lastInvestigationAt; ///< null when none
    QDateTime updatedAt; ///< null when never aggregated
    QList<CommonIssue> commonIssues;
    QList<KnownQuirk> knownQuirks;
    QList<DatasetFinding> topFindings; ///< best feedback score first
    QList<DatasetOwner> owners; ///< most involved first
    /// Keys: dataset_id, name, investigation_count, positive_feedback_count,
    /// negative_feedback_count, last_investigation_at, common_issues, known_quirks,
    /// top_findings, owners, updated_at.
    QJsonObject toJson() const;
    /// The inverse of toJson() (the offline cache keeps knowledge in that form).
    static DatasetKnowledge fromJson(const QJsonObject &json);
};

/// One line of a dataset's activity feed.
struct ActivityItem
{
    QUuid eventId;
    QDateTime createdAt;
    QString eventType; ///< e.g. investigation.started, comment.added, feedback.query
    QUuid actorId;
    QString actor; ///< handle when known, else the actor UUID; empty for the system (orchestrator)
    QUuid investigationId;
    QString text; ///< one line for people
    QString cursor; ///< pass as `before` to get the items after this one
    /// The event's event_data (not in toJson()): what the text was made from, so that a copy
    /// (the offline cache) can say it again in the reader's language (describeActivity).
    QJsonObject data;
    QJsonObject toJson() const;
    static ActivityItem fromJson(const QJsonObject &json); ///< the inverse of toJson()
};

struct ActivityPage
{
    QList<ActivityItem> items; ///< newest first
    QString nextCursor; ///< empty when this was the last page
    QJsonObject toJson() const;
    static ActivityPage fromJson(const QJsonObject &json); ///< the inverse of toJson()
};

/// Reads the aggregated knowledge of datasets and their activity feed, for the UI, the CLI
/// and the HTTP API. Reads only (KnowledgeAggregator writes). Stateless: borrows the
/// Database per call; use from that Database's thread only.
class KnowledgeStore
{
    Q_DECLARE_TR_FUNCTIONS(KnowledgeStore)

public:
    static constexpr int topFindingsLimit = 10;
    /// From this many investigations on, activity() reads the tenant's events newest first
    /// (stopping at the page) instead of gathering all of the dataset's.
    static constexpr int busyDataset = 200;

    /// DATASET is a dataset UUID or name; an unknown one is an "unknown_dataset" error that
    /// names it. A known dataset that was never aggregated reads as all zeros.
    static Result<DatasetKnowledge> knowledge(Database &db, const QString &dataset);

    /// Newest first, keyset-paginated: `before` is the cursor of the last item of the
    /// previous page (empty for the first page). Investigation started (once per
    /// investigation) / completed / failed with the outcome, comments, quirk events, feedback.
    static Result<ActivityPage> activity(Database &db, const QString &dataset, int limit = 20,
                                         const QString &before = {});

    /// The one line the feed shows for an event of `eventType` with `data`, in the current
    /// language.
    static QString describeActivity(const QString &eventType, const QJsonObject &data);

    /// Resolves a dataset UUID or name to (id, name).
    static Result<QPair<QUuid, QString>> resolveDataset(Database &db, const QString &dataset);
};

} // namespace ke
