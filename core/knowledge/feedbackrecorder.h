#pragma once

#include "event.h"
#include "result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QUuid>

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
};

} // namespace ke
