#pragma once

#include "connectionsettings.h"
#include "event.h"
#include "outbox.h"
#include "quirkbook.h"
#include "result.h"

#include <QCoreApplication>

#include <functional>
#include <memory>

namespace ke {

class Database;

/// What became of a person's write.
struct WriteOutcome
{
    Event event; ///< as written, or as queued
    bool queued = false; ///< waiting in the outbox: the database could not be reached
    QString unreachable; ///< why, when queued
    qint64 waiting = 0; ///< this login's pending entries for the tenant afterwards
    qint64 needsAttention = 0; ///< this login's refused entries for the tenant
    DeliveryReport delivered; ///< the earlier entries, delivered first (online only)
    /// Written online without the outbox, which could not be opened (why): nothing was
    /// delivered, and a change made offline could not be queued either.
    QString note;
};

/// A person's write (a rating, a comment, a quirk change) made through the outbox — the one
/// path of knowledgectl's `feedback`, `comment` and `quirk` (and of the GUI's client): online,
/// it first delivers what is waiting, then writes now with the checks the database makes (a
/// refusal is the write's error and nothing is queued); when the database cannot be reached —
/// at connect, or during the write — the event goes to the outbox as the person the login
/// wrote as when last online, and is delivered later. Errors other than unreachable are
/// answered as they are (a wrong id must not turn into a queued write).
///
/// Stateless; blocks on the network: call from a worker thread (or the command line).
class OutboxWriter
{
    Q_DECLARE_TR_FUNCTIONS(OutboxWriter)

public:
    /// Makes the event: with the database when it could be reached (so that what needs it —
    /// a dataset's name — is resolved there), with null when it could not (from the offline
    /// cache, or an error saying what to give instead). Validation errors refuse the write.
    using Prepare = std::function<Result<Event>(Database *db)>;
    /// Connects as the person who writes (knowledgectl: CommandContext::connectAsPerson).
    using Connect = std::function<Result<std::unique_ptr<Database>>()>;

    /// `settings` are what `connect` connects with (offline they find the outbox and the
    /// person). `base`: for a quirk edit, the version the person edited when it is known (the
    /// GUI shows one); empty — the outbox finds it for a write it queues.
    static Result<WriteOutcome> write(const ConnectionSettings &settings, const Connect &connect,
                                      const Prepare &prepare, const QuirkBase &base = {});

    /// Online: delivers db's pending entries (see Outbox::deliver); the outbox of db's
    /// database is opened (and db's identity remembered) on the way.
    static Result<DeliveryReport> deliverPending(Database &db);
};

} // namespace ke
