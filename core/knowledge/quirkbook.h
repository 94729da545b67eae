#pragma once

#include "event.h"
#include "result.h"

#include <QCoreApplication>
#include <QUuid>

namespace ke {

class Database;

/// Adds, edits, confirms and retires quirks ("ETL has a 2-day lag on weekends") as
/// quirk.* events. Nothing is overwritten: every change is a new event and the history stays.
/// A quirk not made during an investigation carries the dataset's own id as investigation_id
/// (the dataset's "notebook"; investigation counts come from investigation.* events only).
/// Stateless; use with the calling thread's Database.
class QuirkBook
{
    Q_DECLARE_TR_FUNCTIONS(QuirkBook)

public:
    /// `dataset` is a UUID or name; returns the event (its data carries the new quirk_id).
    static Result<Event> add(Database &db, const QString &dataset, const QString &text,
                             const QString &appliesTo = {}, const QUuid &investigationId = {});
    static Result<Event> edit(Database &db, const QUuid &quirkId, const QString &text);
    static Result<Event> retire(Database &db, const QUuid &quirkId, const QString &reason = {});
    static Result<Event> confirm(Database &db, const QUuid &quirkId);
};

} // namespace ke
