#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

namespace ke {

class Database;

/// One investigation of a dataset as a list shows it (from the aggregation's
/// agg_investigations: zero rows before the first `aggregate`).
struct InvestigationSummary
{
    QUuid investigationId;
    QUuid datasetId;
    QDateTime startedAt;
    QUuid startedBy; ///< null for the orchestrator
    QString startedByHandle; ///< empty when unknown
    QString anomalyType;
    QString status; ///< "completed" | "failed" | empty (running)
    QString outcome; ///< the root cause or the error, one line
    QDateTime finishedAt;
    QDateTime lastEventAt;
    int positive = 0; ///< thumbs up on the investigation and its steps (latest ratings)
    int negative = 0;
    double confidence = -1; ///< of its root-cause finding (0..1); -1 = none yet
    /// Keys: investigation_id, dataset_id, started_at, started_by, started_by_handle,
    /// anomaly_type, status, outcome, finished_at, last_event_at, positive, negative,
    /// confidence (null when unknown).
    QJsonObject toJson() const;
    static InvestigationSummary fromJson(const QJsonObject &json);
};

/// Lists a dataset's investigations, newest first. Reads only; stateless: borrows the
/// Database per call, use from that Database's thread only.
class InvestigationDirectory
{
    Q_DECLARE_TR_FUNCTIONS(InvestigationDirectory)

public:
    /// `dataset` is a UUID or name (an unknown one is an error that names it); at most
    /// `limit` (1..5000) investigations, newest start first (ties: by id).
    static Result<QList<InvestigationSummary>> list(Database &db, const QString &dataset,
                                                    int limit = 200);
};

} // namespace ke
