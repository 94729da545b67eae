// OfflineSnapshot::sync: brings the offline browse snapshot up to date from the database's
// own readers (see offlinesnapshot.h for what it keeps and why it is incremental where it is).

#include "offlinesnapshot.h"

#include "database.h"
#include "database_p.h"
#include "eventlog.h"
#include "offlinesnapshot_p.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace ke {

using namespace offlinesnapshotdetail;

namespace {

QString idText(const QUuid &u)
{
    return u.toString(QUuid::WithoutBraces);
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

/// How many events each key (the investigation, or the quirk) has now: one GROUP BY over the
/// tenant's events; an append-only log's trace changed exactly when its count did.
Result<QHash<QString, qint64>> eventCounts(Database &db, bool quirks)
{
    return guarded(OfflineSnapshot::tr("counting the events to sync"),
                   [&]() -> Result<QHash<QString, qint64>> {
                       pqxx::nontransaction tx(databasePrivate(db)->conn);
                       const std::string sql = quirks
                           ? "SELECT event_data->>'quirk_id', count(*) FROM "
                               + toStd(db.eventsTable())
                               + " WHERE tenant_id = $1 AND event_type LIKE 'quirk.%' GROUP BY 1"
                           : "SELECT investigation_id::text, count(*) FROM "
                               + toStd(db.eventsTable()) + " WHERE tenant_id = $1 GROUP BY 1";
                       const pqxx::result r = tx.exec_params(sql, uuidToStd(db.tenantId()));
                       QHash<QString, qint64> out;
                       out.reserve(int(r.size()));
                       for (const auto &row : r) {
                           if (!row[0].is_null())
                               out.insert(stringFromField(row[0]), row[1].as<qint64>());
                       }
                       return out;
                   });
}

/// The stored event count per key of `table` (traces or quirk_histories).
QHash<QString, qint64> storedCounts(sqlite3 *h, const char *sql)
{
    QHash<QString, qint64> out;
    SqliteStatement st(h, sql);
    while (st.isValid() && st.step() == SQLITE_ROW)
        out.insert(st.text(0), st.int64(1));
    return out;
}

} // namespace

Result<OfflineSnapshot::SyncSummary> OfflineSnapshot::sync(Database &db,
                                                           const SnapshotWindow &window)
{
    QElapsedTimer timer;
    timer.start();
    SyncSummary summary;
    auto datasets = DatasetDirectory::summaries(db);
    if (!datasets)
        return datasets.error();
    auto investigationCounts = eventCounts(db, false);
    if (!investigationCounts)
        return investigationCounts.error();
    auto quirkCounts = eventCounts(db, true);
    if (!quirkCounts)
        return quirkCounts.error();

    sqlite3 *h = d->h;
    if (auto begun = d->exec("BEGIN IMMEDIATE"); !begun)
        return begun.error();
    bool committed = false;
    struct Rollback
    {
        Private *d;
        bool &committed;
        ~Rollback()
        {
            if (!committed)
                (void)d->exec("ROLLBACK");
        }
    } rollback{d.get(), committed};
    auto failed = [&](const QString &what) { return d->error(what); };

    if (auto cleared = d->exec("DELETE FROM datasets; DELETE FROM knowledge; DELETE FROM "
                               "activity; DELETE FROM investigations;");
        !cleared)
        return cleared.error();
    SqliteStatement putDataset(h,
                               "INSERT INTO datasets (position, id, name, description, "
                               "investigation_count, positive, negative, last_investigation_at)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    SqliteStatement putKnowledge(
        h, "INSERT INTO knowledge (dataset_id, json, activity_more) VALUES (?1, ?2, ?3)");
    SqliteStatement putActivity(
        h,
        "INSERT INTO activity (dataset_id, position, cursor, json, data) VALUES (?1, ?2, ?3, ?4, "
        "?5)");
    SqliteStatement putInvestigation(
        h, "INSERT INTO investigations (dataset_id, position, json) VALUES (?1, ?2, ?3)");
    SqliteStatement putTrace(h,
                             "INSERT OR REPLACE INTO traces (investigation_id, event_count, "
                             "events) VALUES (?1, ?2, ?3)");
    SqliteStatement dropTrace(h, "DELETE FROM traces WHERE investigation_id = ?1");
    SqliteStatement putQuirk(h,
                             "INSERT OR REPLACE INTO quirk_histories (quirk_id, event_count, "
                             "json) VALUES (?1, ?2, ?3)");
    SqliteStatement dropQuirk(h, "DELETE FROM quirk_histories WHERE quirk_id = ?1");
    SqliteStatement putMeta(h, "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)");
    for (const SqliteStatement *st : {&putDataset, &putKnowledge, &putActivity, &putInvestigation,
                                      &putTrace, &dropTrace, &putQuirk, &dropQuirk, &putMeta})
        if (!st->isValid())
            return failed(tr("preparing the snapshot"));

    QList<QPair<QString, QDateTime>> listed; // every listed investigation and its last event
    QDateTime newest;
    const QHash<QString, qint64> tracesBefore
        = storedCounts(h, "SELECT investigation_id, event_count FROM traces");
    QSet<QString> inWindow;
    qint64 position = 0;
    for (const DatasetSummary &s : std::as_const(*datasets)) {
        const QString id = idText(s.ref.id);
        putDataset.reset();
        putDataset.bind(1, position++);
        putDataset.bind(2, id);
        putDataset.bind(3, s.ref.name);
        putDataset.bind(4, s.ref.description);
        putDataset.bind(5, qint64(s.investigationCount));
        putDataset.bind(6, qint64(s.positiveFeedback));
        putDataset.bind(7, qint64(s.negativeFeedback));
        putDataset.bind(8,
                        s.lastInvestigationAt.isValid()
                            ? s.lastInvestigationAt.toUTC().toString(Qt::ISODateWithMs)
                            : QString());
        if (putDataset.step() != SQLITE_DONE)
            return failed(tr("storing the datasets"));

        auto knowledge = KnowledgeStore::knowledge(db, id);
        if (!knowledge)
            return knowledge.error();
        auto activity
            = KnowledgeStore::activity(db, id, std::clamp(window.activityPerDataset, 1, 1000));
        if (!activity)
            return activity.error();
        putKnowledge.reset();
        putKnowledge.bind(1, id);
        putKnowledge.bind(2, compact(knowledge->toJson()));
        putKnowledge.bind(3, qint64(activity->nextCursor.isEmpty() ? 0 : 1));
        if (putKnowledge.step() != SQLITE_DONE)
            return failed(tr("storing the knowledge"));
        qint64 n = 0;
        for (const ActivityItem &a : std::as_const(activity->items)) {
            putActivity.reset();
            putActivity.bind(1, id);
            putActivity.bind(2, n++);
            putActivity.bind(3, a.cursor.toLower());
            putActivity.bind(4, compact(a.toJson()));
            putActivity.bind(5, compact(a.data));
            if (putActivity.step() != SQLITE_DONE)
                return failed(tr("storing the activity"));
        }
        summary.activityItems += n;

        auto list = InvestigationDirectory::list(
            db, id, std::clamp(window.investigationsPerDataset, 1, 5000));
        if (!list)
            return list.error();
        n = 0;
        for (const InvestigationSummary &inv : std::as_const(*list)) {
            putInvestigation.reset();
            putInvestigation.bind(1, id);
            putInvestigation.bind(2, n++);
            putInvestigation.bind(3, compact(inv.toJson()));
            if (putInvestigation.step() != SQLITE_DONE)
                return failed(tr("storing the investigations"));
            const QDateTime last = inv.lastEventAt.isValid() ? inv.lastEventAt : inv.startedAt;
            listed.append({idText(inv.investigationId), last});
            if (last.isValid() && (!newest.isValid() || last > newest))
                newest = last;
        }
        summary.investigations += n;
        ++summary.datasets;
    }

    // The window: the `traceDays` before the tenant's latest investigation activity (not the
    // clock: a tenant quiet for a while keeps its last months readable).
    const QDateTime cutoff
        = newest.isValid() ? newest.addDays(-qint64(std::max(0, window.traceDays))) : QDateTime();
    for (const auto &[id, last] : std::as_const(listed)) {
        if (last.isValid() && last >= cutoff)
            inWindow.insert(id);
    }

    // Traces: fetched where new or changed, dropped where they left the window.
    QList<QUuid> changed;
    for (const QString &id : std::as_const(inWindow)) {
        if (!tracesBefore.contains(id)
            || tracesBefore.value(id) != investigationCounts->value(id, 0))
            changed.append(QUuid::fromString(id));
    }
    EventLog log(db);
    constexpr qsizetype kBatch = 500; // one round trip per 500 traces, not per trace
    for (qsizetype from = 0; from < changed.size(); from += kBatch) {
        auto events = log.investigations(changed.mid(from, kBatch));
        if (!events)
            return events.error();
        for (qsizetype i = from; i < std::min(from + kBatch, changed.size()); ++i) {
            const std::vector<Event> &trace = (*events)[changed.at(i)];
            const QByteArray packed = packEvents(trace);
            putTrace.reset();
            putTrace.bind(1, idText(changed.at(i)));
            putTrace.bind(2, qint64(trace.size()));
            putTrace.bindBlob(3, packed.constData(), int(packed.size()));
            if (putTrace.step() != SQLITE_DONE)
                return failed(tr("storing an investigation"));
            ++summary.tracesFetched;
        }
    }
    for (auto it = tracesBefore.cbegin(); it != tracesBefore.cend(); ++it) {
        if (inWindow.contains(it.key()))
            continue;
        dropTrace.reset();
        dropTrace.bind(1, it.key());
        if (dropTrace.step() != SQLITE_DONE)
            return failed(tr("dropping an investigation"));
        ++summary.tracesDropped;
    }
    summary.tracesKept = inWindow.size();

    // Quirk histories: every quirk of the tenant, retired ones too (their history stays).
    const QHash<QString, qint64> quirksBefore
        = storedCounts(h, "SELECT quirk_id, event_count FROM quirk_histories");
    for (auto it = quirkCounts->cbegin(); it != quirkCounts->cend(); ++it) {
        if (quirksBefore.value(it.key(), -1) == it.value())
            continue;
        auto history = KnowledgeAggregator::quirkHistory(db, it.key());
        if (!history)
            return history.error();
        QJsonArray entries;
        for (const QuirkHistoryEntry &e : std::as_const(*history))
            entries.append(historyEntryToJson(e));
        putQuirk.reset();
        putQuirk.bind(1, it.key());
        putQuirk.bind(2, qint64(history->size()));
        putQuirk.bind(3, QString::fromUtf8(QJsonDocument(entries).toJson(QJsonDocument::Compact)));
        if (putQuirk.step() != SQLITE_DONE)
            return failed(tr("storing a quirk's history"));
        ++summary.quirksFetched;
    }
    for (auto it = quirksBefore.cbegin(); it != quirksBefore.cend(); ++it) {
        if (quirkCounts->contains(it.key()))
            continue;
        dropQuirk.reset();
        dropQuirk.bind(1, it.key());
        (void)dropQuirk.step();
    }
    summary.quirks = quirkCounts->size();

    const QJsonObject windowJson{
        {QStringLiteral("activity_per_dataset"), window.activityPerDataset},
        {QStringLiteral("investigations_per_dataset"), window.investigationsPerDataset},
        {QStringLiteral("trace_days"), window.traceDays}};
    const QList<QPair<const char *, QString>> meta{
        {kSyncedAt, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {kViewer, db.actorId().isNull() ? QString() : idText(db.actorId())},
        {kWindow, compact(windowJson)}};
    for (const auto &[key, value] : meta) {
        putMeta.reset();
        putMeta.bind(1, QString::fromLatin1(key));
        putMeta.bind(2, value);
        if (putMeta.step() != SQLITE_DONE)
            return failed(tr("storing the time of the sync"));
    }
    if (auto done = d->exec("COMMIT"); !done)
        return done.error();
    committed = true;
    (void)d->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    summary.bytes = QFileInfo(d->path).size();
    summary.seconds = double(timer.nsecsElapsed()) / 1e9;
    return summary;
}

} // namespace ke
