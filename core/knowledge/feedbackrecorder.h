#pragma once

#include "event.h"
#include "result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QUuid>

#include <optional>
#include <vector>

namespace ke {

class Database;

/// What a person says about one step of an investigation.
struct FeedbackInput
{
    QString targetType; ///< hypothesis | query | evidence | synthesis | investigation
    QUuid targetId; ///< for "investigation": the investigation id
    QUuid investigationId;
    int rating = 0; ///< 1 or -1
    QString reason; ///< a quick reason (DESIGN.md) or free text; may be empty
    QString comment; ///< may be empty
    QJsonObject context;
};

/// Records ratings as feedback.* events after checking that the rated step exists in the
/// named investigation (a rating of a step nobody can find would be lost knowledge).
/// Rating again replaces one's earlier rating: the aggregator counts only the latest.
/// Stateless; use with the calling thread's Database.
class FeedbackRecorder
{
    Q_DECLARE_TR_FUNCTIONS(FeedbackRecorder)

public:
    static QStringList targetTypes();
    /// Validates, checks the target, emits. Returns the event written.
    static Result<Event> record(Database &db, const FeedbackInput &input);
    /// Adds a free comment (comment.added) to an investigation, optionally on one step.
    static Result<Event> comment(Database &db, const QUuid &investigationId, const QString &text,
                                 const QUuid &targetId = {});

    /// The event record() writes, made without the database (for the outbox): the input
    /// checked, an id (UUIDv7) and created_at (now: the time the person acted) given. Tenant
    /// and actor are the writer's to fill; the rated step and the dataset are checkTargets()'s.
    static Result<Event> prepare(const FeedbackInput &input);
    /// The same for comment().
    static Result<Event> prepareComment(const QUuid &investigationId, const QString &text,
                                        const QUuid &targetId = {});
    /// What the database says about prepared feedback.* and comment.added events before they
    /// are written, in one round trip for all of them: that the rated step exists in its
    /// investigation, and the investigation's dataset (filled in where an event has none).
    /// One entry per event: empty, or why that event cannot be written (UnknownTarget). Other
    /// event types pass untouched. The error of the Result is the round trip's own.
    static Result<std::vector<std::optional<Error>>> checkTargets(Database &db,
                                                                  std::vector<Event> &events);
};

} // namespace ke
