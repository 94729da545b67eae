#pragma once

#include "database.h"
#include "event.h"
#include "quirkbook.h"
#include "result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace ke {

struct ConnectionSettings;

/// One write in the outbox: a complete event and where it stands.
struct OutboxEntry
{
    enum class State {
        Pending, ///< waiting for the database
        Delivered, ///< committed in the database (kept a while: the base of later quirk edits)
        Refused, ///< the database said no: "needs attention" until resent or discarded
    };
    /// Complete: id (UUIDv7, the delivery order), tenant, actor, created_at = when the person
    /// acted. A quirk change's dataset and investigation are filled in at delivery.
    Event event;
    QString login; ///< the database login it is written as
    State state = State::Pending;
    QDateTime queuedAt;
    QDateTime deliveredAt; ///< Delivered only
    int attempts = 0; ///< deliveries that reached the database with it
    QString errorCode; ///< Refused: the ErrorCode of the refusal
    QString reason; ///< Refused: the refusal in words
    /// A quirk edit: the version the person edited; and, when it was refused because the quirk
    /// changed or was retired meanwhile, the version the server holds (`current`) — the
    /// person's own is event.data["text"]. Both are kept until the person chooses.
    QuirkBase base;
    std::optional<QuirkVersion> current;

    static QString stateName(State state); ///< "pending" | "delivered" | "refused"
    /// {"id", "state", "event_type", "created_at", "queued_at", "attempts", "login", "event",
    ///  and where set "delivered_at", "error_code", "reason", "base_event_id", "base_seen_at",
    ///  "current": {"event_id", "event_type", "text", "actor_id", "created_at"}}
    QJsonObject toJson() const;
};

/// Who wrote through a connection when it was last online: what a write made offline is
/// written as (the login's granted person; the database checks it again at delivery).
struct OutboxIdentity
{
    QString login;
    QUuid tenantId;
    QUuid actorId;
    QString level; ///< "reader" | "member" | "service" | "owner"
    QDateTime connectedAt; ///< the last time the server was reached as this identity
    QString tenantName; ///< for people: the tenant's name when last online (may be empty)
    QString personHandle; ///< for people: the person's handle when last online (may be empty)
};

/// What one delivery did.
struct DeliveryReport
{
    qint64 delivered = 0; ///< entries marked delivered
    qint64 alreadyStored = 0; ///< of those, found in the database already (a repeat)
    qint64 refused = 0; ///< entries the database refused (now "needs attention")
    qint64 pending = 0; ///< entries of this tenant and login still waiting afterwards
    bool unreachable = false; ///< stopped because the database could not be reached
    QString note; ///< why it stopped, when it did
    double seconds = 0;
};

/// The durable local outbox (DESIGN.md "Offline", issue 12 part 5): writes a person made while
/// the database could not be reached, as complete events, delivered in order and exactly once.
/// One SQLite file per database, `outbox.sqlite` in that database's cache directory
/// (OfflineCache: `<cache root>/db-…/`), WAL, synchronous=FULL (an entry is on disk when
/// enqueue() returns), mode 0600. It also remembers, per login and tenant, the person the
/// login wrote as when last online (the identities), since offline nobody can ask.
///
/// Exactly once: an entry is marked delivered only after the database committed it; a
/// delivery repeated after a crash between the commit and the mark re-sends the same ids, which
/// the event log skips (EmitOptions: ON CONFLICT DO NOTHING). A refusal (access revoked, a quirk
/// retired meanwhile, an invalid event) is never dropped: the entry moves to Refused with its
/// reason. An unreachable database leaves everything pending.
///
/// Owns one SQLite handle: use an Outbox from one thread. Several processes may share the file
/// (the GUI and knowledgectl): SQLite serialises their writes, and two deliveries at once are
/// safe for the same reason a repeat is.
class Outbox
{
    Q_DECLARE_TR_FUNCTIONS(Outbox)

public:
    static constexpr int defaultBatchSize = 1000;
    /// Delivered entries are forgotten after this many days (the database has them).
    static constexpr int keepDeliveredDays = 30;

    /// Opens (creating) the outbox file at `path`; its directory must exist.
    static Result<std::unique_ptr<Outbox>> open(const QString &path);
    /// Online: remembers which database `db` reaches (OfflineCache::rememberConnection),
    /// opens that database's outbox and remembers db's identity (rememberIdentity).
    static Result<std::unique_ptr<Outbox>> openFor(Database &db);
    /// Offline: the outbox of the database `settings` reached when it was last online; an
    /// error that says so when it never was (from this machine's cache root).
    static Result<std::unique_ptr<Outbox>> openFor(const ConnectionSettings &settings);
    /// The file openFor(settings) opens, or its error.
    static Result<QString> pathFor(const ConnectionSettings &settings);
    ~Outbox();

    QString path() const;

    /// The login `settings` connect as, as libpq would choose it (the URL's user, else
    /// PGUSER, else the operating-system user) — known without connecting.
    static QString loginOf(const ConnectionSettings &settings);
    /// Remembers db's login, tenant (as given and as UUID), actor and access level.
    Result<void> rememberIdentity(Database &db);
    /// Keeps the names people read for `login` in `tenantId` (the status bar offline).
    Result<void> rememberNames(const QString &login, const QUuid &tenantId,
                               const QString &tenantName, const QString &personHandle);
    /// The tenant's UUID and name and the person's handle remembered for `settings`' login
    /// and tenant when last online, whoever it wrote as (the status bar offline — also for a
    /// login that writes for others and named no person); std::nullopt when none.
    std::optional<OutboxIdentity> rememberedNames(const ConnectionSettings &settings) const;
    /// Whom `settings` wrote as when last online: the remembered identity of its login and
    /// tenant (and actor, for a login that writes for others). An error that says to connect
    /// once online when there is none.
    Result<OutboxIdentity> identity(const ConnectionSettings &settings) const;

    /// Queues a prepared event (FeedbackRecorder::prepare…, QuirkBook::prepare…) as written by
    /// `who`: fills tenant and actor, validates it (EventValidator: an invalid event is refused
    /// here and nothing is queued) and stores it durably. A quirk edit without a `base` builds
    /// on the latest change of that quirk in this outbox, else on what `who` saw when last
    /// online. Returns the event as queued.
    Result<Event> enqueue(Event event, const OutboxIdentity &who, QuirkBase base = {});

    /// Entries in delivery order (by id); `states` empty = pending and refused. A null
    /// tenant or empty login: all of them.
    Result<std::vector<OutboxEntry>> entries(std::vector<OutboxEntry::State> states = {},
                                             const QUuid &tenant = {},
                                             const QString &login = {}) const;
    /// One entry by its event id (a prefix of at least 8 characters of the id also finds it
    /// when it is unique).
    Result<OutboxEntry> entry(const QString &idOrPrefix) const;
    /// How many entries of the tenant and login are in `state` (null / empty: of everybody).
    Result<qint64> count(OutboxEntry::State state, const QUuid &tenant = {},
                         const QString &login = {}) const;

    /// Delivers the pending entries of db's tenant and login in order, `batchSize` at a time
    /// (EventLog::emitBatch; a quirk change is checked against the quirk's events first —
    /// QuirkBook::checkChange — a rating's step by FeedbackRecorder::checkTargets). A batch the
    /// database refuses is retried one entry at a time, so that only the refused ones move to
    /// Refused. Stops, leaving the rest pending, when the database cannot be reached (the
    /// report says so; not an error) or `cancel` is set. The error is the outbox's own (disk).
    Result<DeliveryReport> deliver(Database &db, int batchSize = defaultBatchSize,
                                   const std::atomic_bool *cancel = nullptr);
    /// Moves every pending entry of the tenant and login to Refused with `why` (the database
    /// refused the connection itself: access revoked). Returns how many.
    Result<qint64> refuseAll(const QUuid &tenant, const QString &login, const Error &why);
    /// Removes a pending or refused entry (the person gives it up). A delivered one stays.
    Result<OutboxEntry> discard(const QString &idOrPrefix);
    /// Makes a refused entry pending again as the person's new act: a new id and created_at
    /// (now), event_data with `changes` merged in (validated again), and for a quirk edit the
    /// version the server held when refused as its base (the person has seen it). Returns the
    /// event as queued.
    Result<Event> resend(const QString &idOrPrefix, const QJsonObject &changes = {});

    /// The checks the database must make before a person's event is written, then the write:
    /// the rated step and the dataset (FeedbackRecorder::checkTargets), a quirk change
    /// (QuirkBook::checkChange against `base`). The one path of deliver() and of a write made
    /// online. Returns whether the event was written now (false: it was stored already).
    static Result<bool> writeNow(Database &db, Event &event, const QuirkBase &base = {},
                                 QuirkVersion *current = nullptr);

    struct Private;

private:
    Outbox();
    std::unique_ptr<Private> d;
};

} // namespace ke
