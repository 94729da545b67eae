#include "quirkbook.h"

#include "database_p.h"
#include "datasetdirectory.h"
#include "eventlog.h"
#include "uuid.h"

#include <QLocale>

namespace ke {

namespace {

struct QuirkState
{
    QUuid datasetId;
    QUuid investigationId;
    bool retired = false;
    QuirkVersion latest; ///< the latest added/edited/retired event
};

/// The quirk as its events say: where it was added, whether it has been retired, and its
/// latest version. `ignored` (a delivery repeated after a crash: the event itself) is left out.
Result<QuirkState> lookup(Database &db, const QUuid &quirkId, const QUuid &ignored = {})
{
    return guarded(
        QuirkBook::tr("looking up quirk %1").arg(quirkId.toString(QUuid::WithoutBraces)),
        [&]() -> Result<QuirkState> {
            pqxx::nontransaction tx(databasePrivate(db)->conn);
            const pqxx::result r = tx.exec_params(
                "SELECT event_type, dataset_id, investigation_id, id, actor_id, created_at, "
                "event_data ->> 'text' FROM "
                    + toStd(db.eventsTable())
                    + " WHERE tenant_id = $1 "
                      "AND event_type IN ('quirk.added', 'quirk.edited', 'quirk.retired') "
                      "AND event_data @> jsonb_build_object('quirk_id', $2::text) "
                      "AND id IS DISTINCT FROM $3::uuid ORDER BY created_at, id",
                uuidToStd(db.tenantId()), uuidToStd(quirkId), uuidToStd(ignored));
            QuirkState s;
            bool added = false;
            for (const auto &row : r) {
                const std::string_view type(row[0].c_str());
                if (type == "quirk.added") {
                    added = true;
                    s.datasetId = uuidFromField(row[1]);
                    s.investigationId = uuidFromField(row[2]);
                } else if (type == "quirk.retired") {
                    s.retired = true;
                }
                if (type != "quirk.retired" && !row[6].is_null())
                    s.latest.text = stringFromField(row[6]);
                s.latest.eventType = QString::fromUtf8(row[0].c_str());
                s.latest.eventId = uuidFromField(row[3]);
                s.latest.actorId = uuidFromField(row[4]);
                s.latest.createdAt = timestampFromField(row[5]);
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

/// The event data every event about an existing quirk starts with.
QJsonObject quirkData(const QUuid &quirkId)
{
    QJsonObject data;
    data.insert(QStringLiteral("quirk_id"), quirkId.toString(QUuid::WithoutBraces));
    return data;
}

/// A prepared quirk event: id and created_at given, dataset and investigation as far as known.
Event quirkEvent(const QString &type, const QUuid &datasetId, const QUuid &investigationId,
                 QJsonObject data)
{
    Event event;
    event.id = createUuidV7();
    event.createdAt = QDateTime::currentDateTimeUtc();
    event.eventType = type;
    event.investigationId = investigationId;
    event.datasetId = datasetId;
    event.data = std::move(data);
    return event;
}

/// Checks a prepared change against the quirk's events, then writes it.
Result<Event> checkAndEmit(Database &db, Result<Event> prepared)
{
    if (!prepared)
        return prepared.error();
    Event &event = *prepared;
    if (auto c = QuirkBook::checkChange(db, event); !c)
        return c.error();
    if (auto v = EventLog(db).prepare(event); !v)
        return v.error();
    auto written = EventLog(db).emit(event);
    if (!written)
        return written.error();
    return std::move(event);
}

} // namespace

Result<void> QuirkBook::checkText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return makeError(ErrorCode::InvalidQuirk,
                         tr("the quirk text is empty — describe the quirk, e.g. "
                            "\"ETL has a 2-day lag on weekends\""));
    if (trimmed.size() > maxTextLength)
        return makeError(ErrorCode::InvalidQuirk,
                         tr("the quirk text is %1 characters long, at most %2 are allowed — "
                            "shorten it to what people need to know at a glance")
                             .arg(trimmed.size())
                             .arg(maxTextLength));
    return {};
}

QString QuirkScope::toStored() const
{
    switch (kind) {
    case Kind::Whole:
        return {};
    case Kind::Column:
        return value.trimmed().isEmpty() ? QString() : QStringLiteral("column:") + value.trimmed();
    case Kind::Schedule:
        return value.trimmed().isEmpty() ? QString()
                                         : QStringLiteral("schedule:") + value.trimmed();
    case Kind::TimeRange:
        if (from.isNull() && to.isNull())
            return {};
        return QStringLiteral("time:") + (from.isNull() ? QString() : from.toString(Qt::ISODate))
            + QLatin1Char('/') + (to.isNull() ? QString() : to.toString(Qt::ISODate));
    case Kind::Other:
        return value;
    }
    return {};
}

QuirkScope QuirkScope::fromStored(const QString &stored)
{
    QuirkScope s;
    if (stored.trimmed().isEmpty())
        return s;
    if (stored.startsWith(QLatin1String("column:"))) {
        s.kind = Kind::Column;
        s.value = stored.mid(7);
    } else if (stored.startsWith(QLatin1String("schedule:"))) {
        s.kind = Kind::Schedule;
        s.value = stored.mid(9);
    } else if (stored.startsWith(QLatin1String("time:")) && stored.count(QLatin1Char('/')) == 1) {
        const QStringList ends = stored.mid(5).split(QLatin1Char('/'));
        s.from = QDate::fromString(ends.at(0), Qt::ISODate);
        s.to = QDate::fromString(ends.at(1), Qt::ISODate);
        if ((s.from.isNull() && !ends.at(0).isEmpty()) || (s.to.isNull() && !ends.at(1).isEmpty())
            || (s.from.isNull() && s.to.isNull())) {
            s = QuirkScope();
            s.kind = Kind::Other;
            s.value = stored;
            return s;
        }
        s.kind = Kind::TimeRange;
    } else {
        s.kind = Kind::Other;
        s.value = stored;
    }
    return s;
}

QString QuirkScope::describe() const
{
    const auto day = [](const QDate &d) { return QLocale().toString(d, QLocale::ShortFormat); };
    switch (kind) {
    case Kind::Whole:
        return tr("the whole dataset");
    case Kind::Column:
        return tr("column %1").arg(value);
    case Kind::Schedule:
        return value;
    case Kind::TimeRange:
        // A range reads the same in every language: "01/11/2026 – 30/11/2026", "– 30/11/2026".
        return (from.isNull() ? QString() : day(from) + QLatin1Char(' ')) + QChar(0x2013)
            + (to.isNull() ? QString() : QLatin1Char(' ') + day(to));
    case Kind::Other:
        return value;
    }
    return {};
}

Result<Event> QuirkBook::prepareAdd(const QUuid &datasetId, const QString &text,
                                    const QString &appliesTo, const QUuid &investigationId)
{
    if (auto t = checkText(text); !t)
        return t.error();
    QJsonObject data;
    data.insert(QStringLiteral("quirk_id"), createUuidV7().toString(QUuid::WithoutBraces));
    data.insert(QStringLiteral("text"), text.trimmed());
    if (!appliesTo.isEmpty())
        data.insert(QStringLiteral("applies_to"), appliesTo);
    // Not made during an investigation: the dataset's own id stands in (see the class comment).
    return quirkEvent(QStringLiteral("quirk.added"), datasetId,
                      investigationId.isNull() ? datasetId : investigationId, data);
}

Result<Event> QuirkBook::prepareEdit(const QUuid &quirkId, const QString &text,
                                     const QString &appliesTo)
{
    if (auto t = checkText(text); !t)
        return t.error();
    QJsonObject data = quirkData(quirkId);
    data.insert(QStringLiteral("text"), text.trimmed());
    if (!appliesTo.isEmpty())
        data.insert(QStringLiteral("applies_to"), appliesTo);
    return quirkEvent(QStringLiteral("quirk.edited"), {}, quirkId, data);
}

Result<Event> QuirkBook::prepareRetire(const QUuid &quirkId, const QString &reason)
{
    QJsonObject data = quirkData(quirkId);
    if (!reason.isEmpty())
        data.insert(QStringLiteral("reason"), reason);
    return quirkEvent(QStringLiteral("quirk.retired"), {}, quirkId, data);
}

Result<Event> QuirkBook::prepareConfirm(const QUuid &quirkId)
{
    return quirkEvent(QStringLiteral("quirk.confirmed"), {}, quirkId, quirkData(quirkId));
}

Result<void> QuirkBook::checkChange(Database &db, Event &event, const QuirkBase &base,
                                    QuirkVersion *current)
{
    const QString &type = event.eventType;
    if (!type.startsWith(QLatin1String("quirk.")) || type == QLatin1String("quirk.added"))
        return {};
    const QUuid quirkId
        = QUuid::fromString(event.data.value(QStringLiteral("quirk_id")).toString());
    const QString retiredMessage = type == QLatin1String("quirk.edited")
        ? tr("quirk %1 was retired; add a new quirk instead of editing it")
        : type == QLatin1String("quirk.retired")
        ? tr("quirk %1 is already retired")
        : tr("quirk %1 was retired and cannot be confirmed");
    auto state = lookup(db, quirkId, event.id);
    if (!state)
        return state.error();
    if (current)
        *current = state->latest;
    if (state->retired)
        return makeError(ErrorCode::RetiredQuirk,
                         retiredMessage.arg(quirkId.toString(QUuid::WithoutBraces)));
    if (type == QLatin1String("quirk.edited") && !base.isEmpty()) {
        const QuirkVersion &latest = state->latest;
        const bool changed = !base.eventId.isNull()
            ? latest.eventId != base.eventId
            : latest.createdAt > base.seenAt && latest.actorId != event.actorId;
        if (changed)
            return makeError(
                ErrorCode::QuirkConflict,
                tr("quirk %1 was changed by somebody else after the version you edited (now: "
                   "\"%2\", %3) — keep yours (resend) or theirs (discard yours)")
                    .arg(quirkId.toString(QUuid::WithoutBraces), latest.text,
                         latest.createdAt.toString(Qt::ISODate)));
    }
    event.datasetId = state->datasetId;
    event.investigationId = state->investigationId;
    return {};
}

Result<Event> QuirkBook::add(Database &db, const QString &dataset, const QString &text,
                             const QString &appliesTo, const QUuid &investigationId)
{
    if (auto t = checkText(text); !t)
        return t.error();
    auto ds = DatasetDirectory::resolve(db, dataset);
    if (!ds)
        return ds.error();
    return checkAndEmit(db, prepareAdd(ds->id, text, appliesTo, investigationId));
}

Result<Event> QuirkBook::edit(Database &db, const QUuid &quirkId, const QString &text,
                              const QString &appliesTo)
{
    return checkAndEmit(db, prepareEdit(quirkId, text, appliesTo));
}

Result<Event> QuirkBook::retire(Database &db, const QUuid &quirkId, const QString &reason)
{
    return checkAndEmit(db, prepareRetire(quirkId, reason));
}

Result<Event> QuirkBook::confirm(Database &db, const QUuid &quirkId)
{
    return checkAndEmit(db, prepareConfirm(quirkId));
}

} // namespace ke
