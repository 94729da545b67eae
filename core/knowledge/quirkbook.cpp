#include "quirkbook.h"

#include "database_p.h"
#include "datasetdirectory.h"
#include "eventlog.h"
#include "uuid.h"

namespace ke {

namespace {

struct QuirkState
{
    QUuid datasetId;
    QUuid investigationId;
    bool retired = false;
};

/// The quirk as its events say: where it was added and whether it has been retired.
Result<QuirkState> lookup(Database &db, const QUuid &quirkId)
{
    return guarded(
        QuirkBook::tr("looking up quirk %1").arg(quirkId.toString(QUuid::WithoutBraces)),
        [&]() -> Result<QuirkState> {
            pqxx::nontransaction tx(databasePrivate(db)->conn);
            const pqxx::result r = tx.exec_params(
                "SELECT event_type, dataset_id, investigation_id FROM " + toStd(db.eventsTable())
                    + " WHERE tenant_id = $1 AND event_type IN ('quirk.added', 'quirk.retired') "
                      "AND event_data @> jsonb_build_object('quirk_id', $2::text)",
                uuidToStd(db.tenantId()), uuidToStd(quirkId));
            QuirkState s;
            bool added = false;
            for (const auto &row : r) {
                if (std::string_view(row[0].c_str()) == "quirk.added") {
                    added = true;
                    s.datasetId = uuidFromField(row[1]);
                    s.investigationId = uuidFromField(row[2]);
                } else {
                    s.retired = true;
                }
            }
            if (!added)
                return makeError(ErrorCode::UnknownQuirk,
                                 QuirkBook::tr("there is no quirk %1 in this tenant — check the id "
                                               "(`knowledgectl knowledge DATASET` lists quirks); "
                                               "nothing was changed")
                                     .arg(quirkId.toString(QUuid::WithoutBraces)));
            return s;
        });
}

/// The quirk as lookup() finds it, or — when it has been retired — the error
/// `retiredMessage` (its %1: the quirk's id).
Result<QuirkState> lookupUnretired(Database &db, const QUuid &quirkId,
                                   const QString &retiredMessage)
{
    auto state = lookup(db, quirkId);
    if (!state)
        return state.error();
    if (state->retired)
        return makeError(ErrorCode::RetiredQuirk,
                         retiredMessage.arg(quirkId.toString(QUuid::WithoutBraces)));
    return state;
}

/// The event data every event about an existing quirk starts with.
QJsonObject quirkData(const QUuid &quirkId)
{
    QJsonObject data;
    data.insert(QStringLiteral("quirk_id"), quirkId.toString(QUuid::WithoutBraces));
    return data;
}

Result<Event> emitQuirkEvent(Database &db, const QString &type, const QuirkState &state,
                             QJsonObject data)
{
    Event event;
    event.eventType = type;
    event.investigationId = state.investigationId;
    event.datasetId = state.datasetId;
    event.data = std::move(data);
    if (auto v = EventLog(db).prepare(event); !v)
        return v.error();
    auto written = EventLog(db).emit(event);
    if (!written)
        return written.error();
    return event;
}

Result<void> checkText(const QString &text)
{
    if (text.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidQuirk,
                         QuirkBook::tr("the quirk text is empty — describe the quirk, e.g. "
                                       "\"ETL has a 2-day lag on weekends\""));
    return {};
}

} // namespace

Result<Event> QuirkBook::add(Database &db, const QString &dataset, const QString &text,
                             const QString &appliesTo, const QUuid &investigationId)
{
    if (auto t = checkText(text); !t)
        return t.error();
    auto ds = DatasetDirectory::resolve(db, dataset);
    if (!ds)
        return ds.error();
    QuirkState state;
    state.datasetId = ds->id;
    // Not made during an investigation: the dataset's own id stands in (see the class comment).
    state.investigationId = investigationId.isNull() ? ds->id : investigationId;
    QJsonObject data;
    data.insert(QStringLiteral("quirk_id"), createUuidV7().toString(QUuid::WithoutBraces));
    data.insert(QStringLiteral("text"), text.trimmed());
    if (!appliesTo.isEmpty())
        data.insert(QStringLiteral("applies_to"), appliesTo);
    return emitQuirkEvent(db, QStringLiteral("quirk.added"), state, data);
}

Result<Event> QuirkBook::edit(Database &db, const QUuid &quirkId, const QString &text)
{
    if (auto t = checkText(text); !t)
        return t.error();
    auto state = lookupUnretired(db, quirkId,
                                 tr("quirk %1 was retired; add a new quirk instead of editing it"));
    if (!state)
        return state.error();
    QJsonObject data = quirkData(quirkId);
    data.insert(QStringLiteral("text"), text.trimmed());
    return emitQuirkEvent(db, QStringLiteral("quirk.edited"), *state, data);
}

Result<Event> QuirkBook::retire(Database &db, const QUuid &quirkId, const QString &reason)
{
    auto state = lookupUnretired(db, quirkId, tr("quirk %1 is already retired"));
    if (!state)
        return state.error();
    QJsonObject data = quirkData(quirkId);
    if (!reason.isEmpty())
        data.insert(QStringLiteral("reason"), reason);
    return emitQuirkEvent(db, QStringLiteral("quirk.retired"), *state, data);
}

Result<Event> QuirkBook::confirm(Database &db, const QUuid &quirkId)
{
    auto state = lookupUnretired(db, quirkId, tr("quirk %1 was retired and cannot be confirmed"));
    if (!state)
        return state.error();
    return emitQuirkEvent(db, QStringLiteral("quirk.confirmed"), *state, quirkData(quirkId));
}

} // namespace ke
