#pragma once

#include "event.h"
#include "result.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QUuid>

namespace ke {

class Database;

/// The version of a quirk a person's change builds on — what they saw when they made it: the
/// quirk's latest event they knew of, or, when even that is not known, the time they last saw
/// the server's state. Empty: not known (the change is not checked for a conflict).
struct QuirkBase
{
    QUuid eventId;
    QDateTime seenAt;
    bool isEmpty() const { return eventId.isNull() && !seenAt.isValid(); }
};

/// A quirk as the server holds it now: its latest added/edited/retired event and its text.
struct QuirkVersion
{
    QUuid eventId;
    QString eventType; ///< quirk.added | quirk.edited | quirk.retired
    QString text; ///< the quirk's text (for a retired quirk: its last text)
    QUuid actorId;
    QDateTime createdAt;
};

/// What a quirk applies to, as event_data.applies_to stores it: a column ("column:status"), a
/// schedule ("schedule:weekends"), a time range ("time:2026-11-01/2026-11-30", ISO 8601
/// dates, either end may be open) or, written by others, any other text (kept as it is).
struct QuirkScope
{
    Q_DECLARE_TR_FUNCTIONS(QuirkScope)

public:
    enum class Kind { Whole, Column, Schedule, TimeRange, Other };
    Kind kind = Kind::Whole;
    QString value; ///< the column, the schedule or (Other) the stored text
    QDate from, to; ///< TimeRange: either may be null (open)

    /// The stored form; empty for Whole.
    QString toStored() const;
    static QuirkScope fromStored(const QString &stored);
    /// For people: "column status", "weekends", "01/11/2026 – 30/11/2026" (after "applies to").
    QString describe() const;
};

/// Adds, edits, confirms and retires quirks ("ETL has a 2-day lag on weekends") as
/// quirk.* events. Nothing is overwritten: every change is a new event and the history stays.
/// A quirk not made during an investigation carries the dataset's own id as investigation_id
/// (the dataset's "notebook"; investigation counts come from investigation.* events only).
/// Stateless; use with the calling thread's Database.
class QuirkBook
{
    Q_DECLARE_TR_FUNCTIONS(QuirkBook)

public:
    /// The longest quirk text, in characters (what a person can read on a card at a glance;
    /// longer knowledge belongs in a linked document). The editor counts against it.
    static constexpr int maxTextLength = 1000;
    /// The text rules of add and edit: not empty, at most maxTextLength characters.
    static Result<void> checkText(const QString &text);

    /// `dataset` is a UUID or name; returns the event (its data carries the new quirk_id).
    static Result<Event> add(Database &db, const QString &dataset, const QString &text,
                             const QString &appliesTo = {}, const QUuid &investigationId = {});
    static Result<Event> edit(Database &db, const QUuid &quirkId, const QString &text,
                              const QString &appliesTo = {});
    static Result<Event> retire(Database &db, const QUuid &quirkId, const QString &reason = {});
    static Result<Event> confirm(Database &db, const QUuid &quirkId);

    /// The events add/edit/retire/confirm write, made without the database (for the outbox):
    /// the text checked, an id (UUIDv7) and created_at (now: the time the person acted) given.
    /// Tenant and actor are the writer's to fill. An added quirk needs its dataset's UUID; an
    /// edit, retirement or confirmation gets the quirk's dataset and investigation from
    /// checkChange() when it is delivered (until then its investigation_id is the quirk's id).
    static Result<Event> prepareAdd(const QUuid &datasetId, const QString &text,
                                    const QString &appliesTo = {},
                                    const QUuid &investigationId = {});
    /// An edit may change what the quirk applies to (`appliesTo` non-empty; see QuirkScope).
    static Result<Event> prepareEdit(const QUuid &quirkId, const QString &text,
                                     const QString &appliesTo = {});
    static Result<Event> prepareRetire(const QUuid &quirkId, const QString &reason = {});
    static Result<Event> prepareConfirm(const QUuid &quirkId);
    /// What the database says about a prepared quirk.edited / retired / confirmed event
    /// before it is written: the quirk exists (else UnknownQuirk) and is not retired (else
    /// RetiredQuirk), and — for an edit made on `base` — nobody changed it since (else
    /// QuirkConflict: the server's latest event is not the one the person edited, or is newer
    /// than what they saw). Fills the event's dataset and investigation with the quirk's. The
    /// event itself, when already stored (a delivery repeated after a crash), is not counted.
    /// `current` (may be null) receives the quirk as the server holds it. quirk.added passes.
    static Result<void> checkChange(Database &db, Event &event, const QuirkBase &base = {},
                                    QuirkVersion *current = nullptr);
};

} // namespace ke
