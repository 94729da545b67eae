// Delivering the outbox: its pending entries written to the database in order, refused ones
// kept with the reason, and the person's own way out of a refusal (discard, resend). Opening,
// queueing and reading the outbox are in outbox.cpp.

#include "private/outbox_p.h"

#include "eventlog.h"
#include "feedbackrecorder.h"
#include "storedtime.h"
#include "uuid.h"

#include <QElapsedTimer>
#include <QJsonDocument>

namespace ke {

using namespace outboxdetail;

Result<DeliveryReport> Outbox::deliver(Database &db, int batchSize, const std::atomic_bool *cancel)
{
    QElapsedTimer timer;
    timer.start();
    DeliveryReport report;
    const QString login = db.login();
    const QUuid tenant = db.tenantId();
    batchSize = std::max(1, batchSize);
    EventLog log(db);

    // Per entry: what went wrong with it, for the record; unreachable stops everything.
    const auto refuse = [&](const OutboxEntry &e, const Error &why,
                            const std::optional<QuirkVersion> &current = {}) -> Result<void> {
        ++report.refused;
        return d->markRefused(e, why, current);
    };
    const auto stop = [&](const Error &why) {
        report.unreachable = true;
        report.note = why.message;
    };

    // Writes `batch` (rated steps checked first); false when delivery must stop.
    const auto flush = [&](std::vector<OutboxEntry> &batch) -> Result<bool> {
        if (batch.empty())
            return true;
        std::vector<Event> events;
        events.reserve(batch.size());
        for (const OutboxEntry &e : batch)
            events.push_back(e.event);
        auto verdicts = FeedbackRecorder::checkTargets(db, events);
        if (!verdicts) {
            if (isUnreachable(verdicts.error(), db)) {
                stop(verdicts.error());
                return false;
            }
            for (const OutboxEntry &e : batch) {
                if (auto r = refuse(e, verdicts.error()); !r)
                    return r.error();
            }
            batch.clear();
            return true;
        }
        std::vector<OutboxEntry> writable;
        std::vector<Event> toWrite;
        for (size_t i = 0; i < batch.size(); ++i) {
            if ((*verdicts)[i]) {
                if (auto r = refuse(batch[i], *(*verdicts)[i]); !r)
                    return r.error();
            } else {
                writable.push_back(batch[i]);
                toWrite.push_back(std::move(events[i]));
            }
        }
        batch.clear();
        if (toWrite.empty())
            return true;
        auto written = log.emitBatch(toWrite);
        if (written) {
            if (auto m = d->markDelivered(writable); !m)
                return m.error();
            report.delivered += qint64(writable.size());
            report.alreadyStored += qint64(writable.size()) - *written;
            return true;
        }
        if (isUnreachable(written.error(), db)) {
            stop(written.error());
            return false;
        }
        // Refused as a whole: find the ones refused, one at a time; the others go through.
        for (size_t i = 0; i < writable.size(); ++i) {
            auto one = log.emit(toWrite[i]);
            if (!one) {
                if (isUnreachable(one.error(), db)) {
                    stop(one.error());
                    return false;
                }
                if (auto r = refuse(writable[i], one.error()); !r)
                    return r.error();
                continue;
            }
            if (auto m = d->markDelivered({writable[i]}); !m)
                return m.error();
            ++report.delivered;
            if (!*one)
                ++report.alreadyStored;
        }
        return true;
    };

    bool going = true;
    QString after; // the last id handled: refused entries are not read again
    while (going) {
        if (cancel && cancel->load()) {
            report.note = tr("delivery cancelled");
            break;
        }
        auto page = d->select(QStringLiteral("WHERE state = 'pending' AND tenant_id = ?1 AND "
                                             "login = ?2 AND (?3 IS NULL OR id > ?3)"),
                              {uuidText(tenant), login, after}, batchSize);
        if (!page)
            return page.error();
        if (page->empty())
            break;
        after = uuidText(page->back().event.id);
        std::vector<OutboxEntry> batch;
        for (OutboxEntry &e : *page) {
            if (!isQuirkChange(e.event)) {
                batch.push_back(std::move(e));
                continue;
            }
            // A quirk change is checked against the quirk's events, which the entries before
            // it (an offline add, an earlier edit) may be: those go first.
            auto flushed = flush(batch);
            if (!flushed)
                return flushed.error();
            if (!*flushed) {
                going = false;
                break;
            }
            QuirkVersion current;
            if (auto c = QuirkBook::checkChange(db, e.event, e.base, &current); !c) {
                if (isUnreachable(c.error(), db)) {
                    stop(c.error());
                    going = false;
                    break;
                }
                const bool hasVersion = !current.eventId.isNull();
                if (auto r
                    = refuse(e, c.error(),
                             hasVersion ? std::optional<QuirkVersion>(current) : std::nullopt);
                    !r)
                    return r.error();
                continue;
            }
            batch.push_back(std::move(e));
        }
        if (going) {
            auto flushed = flush(batch);
            if (!flushed)
                return flushed.error();
            going = *flushed;
        }
    }
    auto pending = count(OutboxEntry::State::Pending, tenant, login);
    if (!pending)
        return pending.error();
    report.pending = *pending;
    report.seconds = double(timer.nsecsElapsed()) / 1e9;
    return report;
}

Result<qint64> Outbox::refuseAll(const QUuid &tenant, const QString &login, const Error &why)
{
    SqliteStatement s(d->h,
                      "UPDATE entries SET state = 'refused', attempts = attempts + 1, "
                      "error_code = ?1, reason = ?2 WHERE state = 'pending' "
                      "AND tenant_id = ?3 AND login = ?4");
    s.bind(1, why.code);
    s.bind(2, why.message);
    s.bind(3, uuidText(tenant));
    s.bind(4, login);
    if (!s.isValid() || s.step() != SQLITE_DONE)
        return d->error(tr("recording a refusal"));
    return qint64(sqlite3_changes(d->h));
}

Result<OutboxEntry> Outbox::discard(const QString &idOrPrefix)
{
    auto e = entry(idOrPrefix);
    if (!e)
        return e.error();
    if (e->state == OutboxEntry::State::Delivered)
        return makeError(ErrorCode::BadInput,
                         tr("outbox entry %1 was delivered on %2 and is in the database: "
                            "there is nothing to discard (change it with a new rating or edit)")
                             .arg(uuidText(e->event.id), storedTimeText(e->deliveredAt)));
    SqliteStatement s(d->h, "DELETE FROM entries WHERE id = ?1 AND state <> 'delivered'");
    s.bind(1, uuidText(e->event.id));
    if (!s.isValid() || s.step() != SQLITE_DONE)
        return d->error(tr("discarding an entry"));
    if (sqlite3_changes(d->h) == 0)
        return makeError(ErrorCode::BadInput,
                         tr("outbox entry %1 was delivered meanwhile: there is nothing to discard")
                             .arg(uuidText(e->event.id)));
    return e;
}

Result<Event> Outbox::resend(const QString &idOrPrefix, const QJsonObject &changes)
{
    auto e = entry(idOrPrefix);
    if (!e)
        return e.error();
    if (e->state != OutboxEntry::State::Refused)
        return makeError(ErrorCode::BadInput,
                         tr("outbox entry %1 is %2, not refused: only a refused entry is resent")
                             .arg(uuidText(e->event.id), OutboxEntry::stateName(e->state)));
    Event event = e->event;
    for (auto it = changes.begin(); it != changes.end(); ++it)
        event.data.insert(it.key(), it.value());
    // The person acts again: a new id (the end of the queue) and time. The refused event was
    // never written, so nothing can be counted twice.
    event.id = createUuidV7();
    event.createdAt = QDateTime::currentDateTimeUtc();
    if (auto v = EventValidator::validate(event); !v)
        return v.error();
    QuirkBase base = e->base;
    if (e->current) // the person has seen the server's version now and keeps theirs
        base = QuirkBase{e->current->eventId, {}};
    auto done = d->transaction(tr("resending an entry"), [&]() -> Result<void> {
        SqliteStatement del(d->h, "DELETE FROM entries WHERE id = ?1 AND state = 'refused'");
        del.bind(1, uuidText(e->event.id));
        if (!del.isValid() || del.step() != SQLITE_DONE)
            return d->error(tr("resending an entry"));
        return d->insert(event, e->login, base, QDateTime::currentDateTimeUtc());
    });
    if (!done)
        return done.error();
    return event;
}

} // namespace ke
