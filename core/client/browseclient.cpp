#include "browseclient.h"

#include "database.h"
#include "eventlog.h"
#include "latestrating.h"
#include "offlinesnapshot.h"
#include "outbox.h"
#include "threaddatabase.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QLocale>
#include <QMutex>

#include <functional>

namespace ke {

namespace {

/// After a connect found the database unreachable, reads of that connection go straight to
/// the cache for this long: a person clicking through datasets offline must not wait for a
/// connect timeout on every click. Then the next read tries the database again.
constexpr int kRetryAfterMs = 15000;

struct Unreachable
{
    QDeadlineTimer retry;
    QString why;
};

QMutex s_unreachableLock;
QHash<QString, Unreachable> s_unreachable; // by URL and schema

QString keyOf(const ConnectionSettings &s)
{
    return s.databaseUrl + QLatin1Char('\n') + s.schema;
}

/// Why the database was found unreachable a moment ago (empty: try it).
QString recentlyUnreachable(const ConnectionSettings &settings)
{
    QMutexLocker lock(&s_unreachableLock);
    auto it = s_unreachable.find(keyOf(settings));
    if (it == s_unreachable.end())
        return {};
    if (it->retry.hasExpired()) {
        s_unreachable.erase(it);
        return {};
    }
    return it->why;
}

void markUnreachable(const ConnectionSettings &settings, const QString &why)
{
    QMutexLocker lock(&s_unreachableLock);
    s_unreachable.insert(keyOf(settings), Unreachable{QDeadlineTimer(kRetryAfterMs), why});
}

template <typename T>
Result<Browsed<T>> fromCache(const ConnectionSettings &settings,
                             const std::function<Result<T>(const OfflineSnapshot &)> &offline,
                             const QString &why)
{
    auto snapshot = OfflineSnapshot::openForReading(settings);
    if (!snapshot) {
        if (why.isEmpty())
            return snapshot.error();
        // Unreachable, and nothing to fall back on: both halves matter to the person.
        return makeError(ErrorCode::Unreachable,
                         BrowseClient::tr("%1 — and no offline cache to read instead: %2")
                             .arg(why, snapshot.error().message));
    }
    auto value = offline(**snapshot);
    if (!value)
        return value.error();
    Browsed<T> b{std::move(*value), true, (*snapshot)->syncedAt(), {}};
    const QString asOf = BrowseClient::asOf(b.asOf);
    b.note = why.isEmpty()
        ? BrowseClient::tr("offline cache, %1").arg(asOf)
        : BrowseClient::tr("database unreachable (%1) — showing the offline cache, %2")
              .arg(why, asOf);
    return b;
}

template <typename T>
Result<Browsed<T>> answer(const ConnectionSettings &settings, ReadSource source,
                          const std::function<Result<T>(Database &)> &online,
                          const std::function<Result<T>(const OfflineSnapshot &)> &offline)
{
    if (source == ReadSource::Offline)
        return fromCache<T>(settings, offline, {});
    if (const QString why = recentlyUnreachable(settings); !why.isEmpty())
        return fromCache<T>(settings, offline, why);
    auto db = threadDatabase(settings);
    if (!db) {
        if (db.error().is(ErrorCode::Unreachable)) {
            markUnreachable(settings, db.error().message);
            return fromCache<T>(settings, offline, db.error().message);
        }
        return db.error();
    }
    auto value = online(**db);
    if (!value) {
        if (!value.error().is(ErrorCode::Unreachable))
            return value.error();
        const QString why = value.error().message;
        resetThreadDatabase();
        markUnreachable(settings, why);
        return fromCache<T>(settings, offline, why);
    }
    return Browsed<T>{std::move(*value), false, {}, {}};
}

/// The reader's own writes that wait in the outbox (oldest first); none when there is no
/// outbox (never online) or it cannot be read — what the database or cache says stands then.
std::vector<Event> pendingWrites(const ConnectionSettings &settings)
{
    auto box = Outbox::openFor(settings);
    if (!box)
        return {};
    auto who = (*box)->identity(settings);
    if (!who)
        return {};
    auto entries = (*box)->entries({OutboxEntry::State::Pending}, who->tenantId, who->login);
    if (!entries)
        return {};
    std::vector<Event> events;
    for (const OutboxEntry &e : *entries)
        events.push_back(e.event);
    return events;
}

/// Shows the reader's pending quirk changes in the knowledge, marked as pending.
void overlayPending(const ConnectionSettings &settings, DatasetKnowledge &k)
{
    for (const Event &e : pendingWrites(settings)) {
        if (!e.eventType.startsWith(QLatin1String("quirk.")))
            continue;
        const QString quirkId = e.data.value(QStringLiteral("quirk_id")).toString();
        if (e.eventType == QLatin1String("quirk.added")) {
            if (e.datasetId != k.datasetId)
                continue;
            KnownQuirk q;
            q.quirkId = quirkId;
            q.text = e.data.value(QStringLiteral("text")).toString();
            q.authorId = e.actorId;
            q.createdAt = e.createdAt;
            q.pending = QStringLiteral("added");
            k.knownQuirks.prepend(q);
            continue;
        }
        for (KnownQuirk &q : k.knownQuirks) {
            if (q.quirkId != quirkId)
                continue;
            if (e.eventType == QLatin1String("quirk.edited")) {
                q.text = e.data.value(QStringLiteral("text")).toString();
                q.lastEditedAt = e.createdAt;
                if (q.pending != QLatin1String("added"))
                    q.pending = QStringLiteral("edited");
            } else if (e.eventType == QLatin1String("quirk.confirmed")) {
                if (q.pending.isEmpty())
                    q.pending = QStringLiteral("confirmed");
                ++q.confirmations;
            } else if (e.eventType == QLatin1String("quirk.retired")) {
                q.pending = QStringLiteral("retired");
            }
        }
    }
}

/// Shows the reader's pending ratings in the trace as theirs, marked as pending.
void overlayPending(const ConnectionSettings &settings, InvestigationTrace &t)
{
    for (const Event &e : pendingWrites(settings)) {
        if (!e.eventType.startsWith(QLatin1String("feedback."))
            || e.investigationId != t.investigationId)
            continue;
        const QUuid target
            = QUuid::fromString(e.data.value(QStringLiteral("target_id")).toString());
        for (TraceStep &step : t.steps) {
            if (target.isNull() || step.id != target)
                continue;
            // The totals count each person's latest rating: the pending one replaces theirs.
            step.rating.replaceMine(ratings::valueOf(e.data.value(QStringLiteral("rating"))),
                                    e.data.value(QStringLiteral("reason")).toString());
            step.rating.pending = true;
        }
    }
}

} // namespace

Result<Browsed<QList<DatasetSummary>>> BrowseClient::datasets(const ConnectionSettings &settings,
                                                              ReadSource source)
{
    return answer<QList<DatasetSummary>>(
        settings, source, [](Database &db) { return DatasetDirectory::summaries(db); },
        [](const OfflineSnapshot &s) { return s.datasets(); });
}

Result<Browsed<DatasetKnowledge>> BrowseClient::knowledge(const ConnectionSettings &settings,
                                                          const QString &dataset, ReadSource source)
{
    auto k = answer<DatasetKnowledge>(
        settings, source, [&](Database &db) { return KnowledgeStore::knowledge(db, dataset); },
        [&](const OfflineSnapshot &s) { return s.knowledge(dataset); });
    if (k)
        overlayPending(settings, k->value);
    return k;
}

Result<Browsed<ActivityPage>> BrowseClient::activity(const ConnectionSettings &settings,
                                                     const QString &dataset, int limit,
                                                     const QString &before, ReadSource source)
{
    return answer<ActivityPage>(
        settings, source,
        [&](Database &db) { return KnowledgeStore::activity(db, dataset, limit, before); },
        [&](const OfflineSnapshot &s) { return s.activity(dataset, limit, before); });
}

Result<Browsed<QList<InvestigationSummary>>>
BrowseClient::investigations(const ConnectionSettings &settings, const QString &dataset, int limit,
                             ReadSource source)
{
    return answer<QList<InvestigationSummary>>(
        settings, source,
        [&](Database &db) { return InvestigationDirectory::list(db, dataset, limit); },
        [&](const OfflineSnapshot &s) { return s.investigations(dataset, limit); });
}

Result<Browsed<InvestigationTrace>> BrowseClient::trace(const ConnectionSettings &settings,
                                                        const QUuid &investigationId,
                                                        ReadSource source)
{
    auto t = answer<InvestigationTrace>(
        settings, source,
        [&](Database &db) -> Result<InvestigationTrace> {
            auto events = EventLog(db).investigation(investigationId);
            if (!events)
                return events.error();
            return InvestigationTrace::fromEvents(*events, db.actorId());
        },
        [&](const OfflineSnapshot &s) { return s.trace(investigationId); });
    if (t)
        overlayPending(settings, t->value);
    return t;
}

Result<Browsed<QList<QuirkHistoryEntry>>>
BrowseClient::quirkHistory(const ConnectionSettings &settings, const QString &quirkId,
                           ReadSource source)
{
    return answer<QList<QuirkHistoryEntry>>(
        settings, source,
        [&](Database &db) { return KnowledgeAggregator::quirkHistory(db, quirkId); },
        [&](const OfflineSnapshot &s) { return s.quirkHistory(quirkId); });
}

QString BrowseClient::asOf(const QDateTime &syncedAt)
{
    return tr("as of %1").arg(QLocale().toString(syncedAt.toLocalTime(), QLocale::ShortFormat));
}

} // namespace ke
