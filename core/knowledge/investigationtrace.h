#pragma once

#include "event.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QUuid>

#include <vector>

namespace ke {

/// The ratings of one step: totals over everybody's latest rating, and the viewer's own.
struct RatingTally
{
    int up = 0;
    int down = 0;
    int mine = 0; ///< the viewer's latest rating: 1, -1 or 0 (none)
    QString myReason;
    bool pending = false; ///< `mine` waits in the outbox (BrowseClient), not yet in the database

    /// The viewer rated again (`rating` 1 or -1): it replaces their earlier rating in the
    /// counts, as the latest-rating rule does.
    void replaceMine(int rating, const QString &reason);
};

/// One step of an investigation that people can rate.
struct TraceStep
{
    QString kind; ///< hypothesis | query | evidence | synthesis | investigation
    QUuid id;
    QString parentId; ///< hypothesis id for queries and evidence
    QString title; ///< hypothesis text, query purpose, evidence summary, root cause
    QString detail; ///< SQL, recommendations, error...
    QString status; ///< accepted / rejected / succeeded / failed / supports / refutes
    double confidence = -1; ///< -1 = unknown
    QDateTime at;
    RatingTally rating;
    // The parts a detail page shows apart (`detail` is their one-text form).
    QString sql; ///< a query's SQL
    QString error; ///< a failed query's error
    qint64 rowCount = -1; ///< a succeeded query's rows; -1 = unknown
    qint64 durationMs = -1; ///< a finished query's time; -1 = unknown
    QStringList recommendations; ///< the synthesis's
};

/// An investigation rebuilt from its events, in reading order: the alert, then each
/// hypothesis followed by its queries and evidence, then the synthesis. Pure; no database.
struct InvestigationTrace
{
    QUuid investigationId;
    QString datasetKey; ///< as named by investigation.started (UUID or name)
    QJsonObject alert;
    QString outcome; ///< "completed" | "failed" | "running"
    QString rootCause;
    double confidence = -1; ///< investigation.completed's (else the synthesis's); -1 = unknown
    double durationSeconds = -1; ///< investigation.completed's; -1 = unknown
    QDateTime startedAt;
    QDateTime finishedAt;
    QList<TraceStep> steps; ///< the first step is the investigation itself
    QList<QPair<QString, QString>> comments; ///< (actor id, text)

    /// Builds the trace; `viewer` is the person whose own ratings fill RatingTally::mine.
    /// Feedback counts only each person's latest rating of a target.
    static InvestigationTrace fromEvents(const std::vector<Event> &events, const QUuid &viewer);
};

} // namespace ke
