#include "outboxwriter.h"

#include "database.h"

namespace ke {

namespace {

/// Queues `event` (made without the database) for `who`, and says how many wait.
Result<WriteOutcome> queue(Outbox &box, Event event, const OutboxIdentity &who,
                           const QuirkBase &base, const QString &why, WriteOutcome outcome)
{
    auto queued = box.enqueue(std::move(event), who, base);
    if (!queued)
        return queued.error();
    outcome.event = *queued;
    outcome.queued = true;
    outcome.unreachable = why;
    auto waiting = box.count(OutboxEntry::State::Pending, who.tenantId, who.login);
    if (!waiting)
        return waiting.error();
    outcome.waiting = *waiting;
    auto refused = box.count(OutboxEntry::State::Refused, who.tenantId, who.login);
    if (!refused)
        return refused.error();
    outcome.needsAttention = *refused;
    return outcome;
}

} // namespace

Result<DeliveryReport> OutboxWriter::deliverPending(Database &db)
{
    auto box = Outbox::openFor(db);
    if (!box)
        return box.error();
    return (*box)->deliver(db);
}

Result<WriteOutcome> OutboxWriter::write(const ConnectionSettings &settings, const Connect &connect,
                                         const Prepare &prepare, const QuirkBase &base)
{
    auto db = connect();
    if (!db) {
        if (!db.error().is(ErrorCode::Unreachable))
            return db.error();
        // Offline: made without the database, as the person this login was when last online.
        auto event = prepare(nullptr);
        if (!event)
            return event.error();
        auto box = Outbox::openFor(settings);
        if (!box)
            return box.error();
        auto who = (*box)->identity(settings);
        if (!who)
            return who.error();
        return queue(**box, std::move(*event), *who, base, db.error().message, {});
    }
    Database &online = **db;
    auto box = Outbox::openFor(online);
    if (!box) { // no outbox (an unwritable cache): the write itself still goes through
        auto event = prepare(&online);
        if (!event)
            return event.error();
        auto written = Outbox::writeNow(online, *event, base);
        if (!written)
            return written.error();
        WriteOutcome outcome;
        outcome.event = *event;
        outcome.note = box.error().message;
        return outcome;
    }
    const OutboxIdentity who{online.login(),
                             online.tenantId(),
                             online.actorId(),
                             QString(),
                             QDateTime::currentDateTimeUtc(),
                             {},
                             {}};
    WriteOutcome outcome;
    auto delivered = (*box)->deliver(online);
    if (!delivered)
        return delivered.error();
    outcome.delivered = *delivered;
    if (delivered->unreachable) { // the connection dropped meanwhile
        auto event = prepare(nullptr);
        if (!event)
            return event.error();
        return queue(**box, std::move(*event), who, base, delivered->note, outcome);
    }
    auto event = prepare(&online);
    if (!event)
        return event.error();
    auto written = Outbox::writeNow(online, *event, base);
    if (!written) {
        if (!written.error().is(ErrorCode::Unreachable) && online.isConnected())
            return written.error();
        return queue(**box, std::move(*event), who, base, written.error().message, outcome);
    }
    outcome.event = *event;
    outcome.waiting = delivered->pending;
    auto refused = (*box)->count(OutboxEntry::State::Refused, who.tenantId, who.login);
    if (!refused)
        return refused.error();
    outcome.needsAttention = *refused;
    return outcome;
}

} // namespace ke
