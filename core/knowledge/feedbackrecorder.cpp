#include "feedbackrecorder.h"

#include "catalogue.h"
#include "database_p.h"
#include "eventlog.h"

namespace ke {

namespace {

/// The dataset column of the investigation's first event that has one (NULL otherwise;
/// the aggregator resolves it then).
QUuid investigationDataset(Database &db, pqxx::work &tx, const QUuid &investigationId)
{
    const pqxx::result r = tx.exec_params(
        "SELECT dataset_id FROM " + toStd(db.eventsTable())
            + " WHERE tenant_id = $1 AND investigation_id = $2 AND dataset_id IS NOT NULL "
              "LIMIT 1",
        uuidToStd(db.tenantId()), uuidToStd(investigationId));
    return r.empty() ? QUuid() : uuidFromField(r[0][0]);
}

/// Writes `event` into the dataset `dataset` names (found in a transaction of its own), or
/// hands on why there is none.
Result<Event> emitIntoDataset(Database &db, Event event, const Result<QUuid> &dataset)
{
    if (!dataset)
        return dataset.error();
    event.datasetId = *dataset;
    auto written = EventLog(db).emit(event);
    if (!written)
        return written.error();
    return event;
}

} // namespace

QStringList FeedbackRecorder::targetTypes()
{
    return StepKinds::all();
}

Result<Event> FeedbackRecorder::record(Database &db, const FeedbackInput &input)
{
    if (!targetTypes().contains(input.targetType))
        return makeError(ErrorCode::InvalidFeedback,
                         tr("unknown target type '%1' — use one of: %2")
                             .arg(input.targetType, targetTypes().join(QStringLiteral(", "))));
    if (input.rating != 1 && input.rating != -1)
        return makeError(
            ErrorCode::InvalidFeedback,
            tr("rating must be 1 (thumbs up) or -1 (thumbs down), got %1").arg(input.rating));
    if (input.investigationId.isNull())
        return makeError(ErrorCode::InvalidFeedback,
                         tr("no investigation given — pass the investigation's UUID"));
    const QUuid target
        = input.targetType == QLatin1String("investigation") && input.targetId.isNull()
        ? input.investigationId
        : input.targetId;
    if (target.isNull())
        return makeError(
            ErrorCode::InvalidFeedback,
            tr("no target given — pass the UUID of the %1 you rate").arg(input.targetType));

    Event event;
    event.eventType = QStringLiteral("feedback.") + input.targetType;
    event.investigationId = input.investigationId;
    QJsonObject data;
    data.insert(QStringLiteral("target_id"), target.toString(QUuid::WithoutBraces));
    data.insert(QStringLiteral("rating"), input.rating);
    data.insert(QStringLiteral("reason"),
                input.reason.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(input.reason));
    data.insert(QStringLiteral("comment"),
                input.comment.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(input.comment));
    data.insert(QStringLiteral("context"), input.context);
    event.data = data;
    event.actorType = QStringLiteral("user");
    if (auto v = EventLog(db).prepare(event); !v)
        return v.error();

    auto found = guarded(tr("checking the rated %1").arg(input.targetType), [&]() -> Result<QUuid> {
        pqxx::work tx(databasePrivate(db)->conn);
        const std::string events = toStd(db.eventsTable());
        const std::string tenant = uuidToStd(db.tenantId());
        const std::string inv = uuidToStd(input.investigationId);
        pqxx::result r;
        if (input.targetType == QLatin1String("investigation")) {
            r = tx.exec_params("SELECT 1 FROM " + events
                                   + " WHERE tenant_id = $1 AND investigation_id = $2 LIMIT 1",
                               tenant, inv);
        } else {
            r = tx.exec_params("SELECT 1 FROM " + events
                                   + " WHERE tenant_id = $1 AND investigation_id = $2 "
                                     "AND event_data @> jsonb_build_object($3::text, $4::text) "
                                     "LIMIT 1",
                               tenant, inv, toStd(StepKinds::idKey(input.targetType)),
                               uuidToStd(target));
        }
        if (r.empty()) {
            return makeError(ErrorCode::UnknownTarget,
                             tr("no %1 %2 in investigation %3 of this tenant — check both ids "
                                "(`knowledgectl activity DATASET` lists investigations); "
                                "nothing was recorded")
                                 .arg(input.targetType, target.toString(QUuid::WithoutBraces),
                                      input.investigationId.toString(QUuid::WithoutBraces)));
        }
        return investigationDataset(db, tx, input.investigationId);
    });
    return emitIntoDataset(db, std::move(event), found);
}

Result<Event> FeedbackRecorder::comment(Database &db, const QUuid &investigationId,
                                        const QString &text, const QUuid &targetId)
{
    Event event;
    event.eventType = QStringLiteral("comment.added");
    event.investigationId = investigationId;
    QJsonObject data;
    data.insert(QStringLiteral("text"), text);
    if (!targetId.isNull())
        data.insert(QStringLiteral("target_id"), targetId.toString(QUuid::WithoutBraces));
    event.data = data;
    if (text.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidComment,
                         tr("the comment is empty — write something to add"));
    if (auto v = EventLog(db).prepare(event); !v)
        return v.error();
    auto dataset = guarded(tr("finding the investigation"), [&]() -> Result<QUuid> {
        pqxx::work tx(databasePrivate(db)->conn);
        return investigationDataset(db, tx, investigationId);
    });
    return emitIntoDataset(db, std::move(event), dataset);
}

} // namespace ke
