#include "feedbackrecorder.h"

#include "catalogue.h"
#include "database_p.h"
#include "eventlog.h"
#include "uuid.h"

namespace ke {

QStringList FeedbackRecorder::targetTypes()
{
    return StepKinds::all();
}

Result<Event> FeedbackRecorder::prepare(const FeedbackInput &input)
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
    event.id = createUuidV7();
    event.createdAt = QDateTime::currentDateTimeUtc();
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
    return event;
}

Result<Event> FeedbackRecorder::prepareComment(const QUuid &investigationId, const QString &text,
                                               const QUuid &targetId)
{
    if (text.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidComment,
                         tr("the comment is empty — write something to add"));
    if (investigationId.isNull())
        return makeError(ErrorCode::InvalidComment,
                         tr("no investigation given — pass the investigation's UUID"));
    Event event;
    event.id = createUuidV7();
    event.createdAt = QDateTime::currentDateTimeUtc();
    event.eventType = QStringLiteral("comment.added");
    event.investigationId = investigationId;
    QJsonObject data;
    data.insert(QStringLiteral("text"), text);
    if (!targetId.isNull())
        data.insert(QStringLiteral("target_id"), targetId.toString(QUuid::WithoutBraces));
    event.data = data;
    return event;
}

Result<std::vector<std::optional<Error>>> FeedbackRecorder::checkTargets(Database &db,
                                                                         std::vector<Event> &events)
{
    std::vector<std::optional<Error>> verdicts(events.size());
    // Per event: its investigation, and what must exist in it — "" nothing (a comment), NULL
    // any event (the investigation itself), else the step's id key with the target's id.
    std::string investigations = "{", keys = "{", targets = "{";
    std::vector<size_t> asked;
    for (size_t i = 0; i < events.size(); ++i) {
        const Event &e = events[i];
        const QString target = EventTypes::feedbackTarget(e.eventType);
        const bool isComment = e.eventType == QLatin1String("comment.added");
        if (target.isEmpty() && !isComment)
            continue;
        if (!asked.empty()) {
            investigations += ',';
            keys += ',';
            targets += ',';
        }
        asked.push_back(i);
        investigations += uuidToStd(e.investigationId);
        if (isComment)
            keys += "\"\"";
        else if (target == QLatin1String("investigation"))
            keys += "NULL";
        else
            keys += toStd(StepKinds::idKey(target));
        targets += isComment ? std::string("NULL")
                             : toStd(e.data.value(QStringLiteral("target_id")).toString());
    }
    if (asked.empty())
        return verdicts;
    investigations += '}';
    keys += '}';
    targets += '}';
    auto checked = guarded(tr("checking the rated steps"), [&]() -> Result<void> {
        pqxx::nontransaction tx(databasePrivate(db)->conn);
        const std::string table = toStd(db.eventsTable());
        const pqxx::result r = tx.exec_params(
            "SELECT i.ord, i.key = '' OR EXISTS (SELECT 1 FROM " + table
                + " e WHERE e.tenant_id = $1::uuid AND e.investigation_id = i.inv "
                  "AND (i.key IS NULL OR e.event_data @> jsonb_build_object(i.key, i.target))), "
                  "(SELECT e.dataset_id FROM "
                + table
                + " e WHERE e.tenant_id = $1::uuid AND e.investigation_id = i.inv "
                  "AND e.dataset_id IS NOT NULL LIMIT 1) "
                  "FROM unnest($2::uuid[], $3::text[], $4::text[]) WITH ORDINALITY "
                  "AS i(inv, key, target, ord)",
            uuidToStd(db.tenantId()), investigations, keys, targets);
        for (const auto &row : r) {
            const size_t i = asked.at(size_t(row[0].as<qint64>() - 1));
            Event &e = events[i];
            if (!row[1].as<bool>()) {
                const QString target = EventTypes::feedbackTarget(e.eventType);
                verdicts[i] = makeError(
                    ErrorCode::UnknownTarget,
                    tr("no %1 %2 in investigation %3 of this tenant — check both ids "
                       "(`knowledgectl activity DATASET` lists investigations); "
                       "nothing was recorded")
                        .arg(target, e.data.value(QStringLiteral("target_id")).toString(),
                             e.investigationId.toString(QUuid::WithoutBraces)));
                continue;
            }
            if (e.datasetId.isNull())
                e.datasetId = uuidFromField(row[2]);
        }
        return {};
    });
    if (!checked)
        return checked.error();
    return verdicts;
}

namespace {

/// Checks a prepared event's target and dataset, then writes it.
Result<Event> checkAndEmit(Database &db, Event event)
{
    if (auto v = EventLog(db).prepare(event); !v)
        return v.error();
    std::vector<Event> one{std::move(event)};
    auto verdicts = FeedbackRecorder::checkTargets(db, one);
    if (!verdicts)
        return verdicts.error();
    if (verdicts->front())
        return *verdicts->front();
    auto written = EventLog(db).emit(one.front());
    if (!written)
        return written.error();
    return std::move(one.front());
}

} // namespace

Result<Event> FeedbackRecorder::record(Database &db, const FeedbackInput &input)
{
    auto event = prepare(input);
    if (!event)
        return event.error();
    return checkAndEmit(db, std::move(*event));
}

Result<Event> FeedbackRecorder::comment(Database &db, const QUuid &investigationId,
                                        const QString &text, const QUuid &targetId)
{
    auto event = prepareComment(investigationId, text, targetId);
    if (!event)
        return event.error();
    return checkAndEmit(db, std::move(*event));
}

} // namespace ke
