#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QStringList>
#include <QUuid>

namespace ke {

/// One row of the append-only event stream (DESIGN.md, "feedback_events"). A plain value
/// type; safe to copy between threads. `data` is the event_data JSON object as written —
/// unknown fields and unknown event types are carried untouched.
struct Event
{
    QUuid id; ///< client-generated (UUIDv7 when we make it)
    QUuid tenantId;
    QUuid investigationId;
    QUuid datasetId; ///< null = SQL NULL (the dataset is then resolved later)
    QString eventType; ///< e.g. "feedback.hypothesis"
    QJsonObject data; ///< event_data
    QUuid actorId; ///< null = SQL NULL
    QString actorType = QStringLiteral("user"); ///< "user" | "system"
    QDateTime createdAt; ///< UTC; null = now() at insert

    /// The JSON form used by `knowledgectl emit` and the HTTP API:
    /// {"id", "tenant_id", "investigation_id", "dataset_id", "event_type", "event_data",
    ///  "actor_id", "actor_type", "created_at"}; absent ids stay null.
    QJsonObject toJson() const;
    /// Parses that form. Shape errors (not an object, an id that is not a UUID, a bad
    /// timestamp) are reported here; per-type rules by EventValidator.
    static Result<Event> fromJson(const QJsonObject &json);
};

/// The event types DESIGN.md names; the product emits only these.
namespace EventTypes {
QStringList known();
bool isKnown(const QString &type);
/// "feedback.hypothesis" -> "hypothesis"; empty for non-feedback types.
QString feedbackTarget(const QString &type);
/// The quick reasons for a feedback target ("hypothesis", ...) and rating (1 / -1).
QStringList quickReasons(const QString &target, int rating);
/// A stored reason as a person reads it: a quick reason (stored in English, so that
/// everybody's reasons count together) in the reader's language, any other text as typed.
QString reasonLabel(const QString &storedReason);
} // namespace EventTypes

/// Validates events against the rules of DESIGN.md: required fields per known type and their
/// JSON types, ranges (confidence 0..1, rating 1|-1), UUIDs, actor_type user|system, text
/// fields at most 64 KiB, event_data at most 1 MiB. Unknown types get only the envelope
/// checks (so other writers' events are accepted) unless `forEmit`, which refuses them: the
/// product only emits the known ones. Stateless and thread-safe.
class EventValidator
{
    Q_DECLARE_TR_FUNCTIONS(EventValidator)

public:
    static constexpr qsizetype maxTextBytes = 64 * 1024;
    static constexpr qsizetype maxDataBytes = 1024 * 1024;
    /// How far ahead of the clock a created_at may be (clock skew between writers).
    static constexpr int maxFutureSeconds = 5 * 60;

    /// The error message names the field and the rule, e.g.
    /// "feedback.hypothesis: rating must be 1 or -1, got 5".
    static Result<void> validate(const Event &event, bool forEmit = true);
    /// The same; also hands back event_data serialized as compact JSON (the size check
    /// needs it anyway, and the event log writes exactly these bytes).
    static Result<void> validate(const Event &event, bool forEmit, QByteArray *serializedData);
};

} // namespace ke
