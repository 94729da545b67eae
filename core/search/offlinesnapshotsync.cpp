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

namespace {

/// One sync of the snapshot, inside its write transaction: the datasets with their knowledge,
/// activity and investigation lists; the traces of the window; the quirk histories; the meta
/// rows. A failed step leaves the transaction to be rolled back.
class SnapshotSync
{
public:
    SnapshotSync(Database &db, const OfflineSnapshot::Private &d, const SnapshotWindow &window,
                 OfflineSnapshot::SyncSummary &summary)
        : m_db(db)
        , d(d)
        , m_window(window)
        , m_summary(summary)
    { }

    /// Every listed investigation and when its last event happened.
    using Listed = QList<QPair<QString, QDateTime>>;

    /// The datasets, each with its knowledge, latest activity and investigation list.
    Result<Listed> storeDatasets(const QList<DatasetSummary> &datasets)
    {
        sqlite3 *h = d.h;
        SqliteStatement putDataset(h,
                                   "INSERT INTO datasets (position, id, name, description, "
                                   "investigation_count, positive, negative, last_investigation_at)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        SqliteStatement putKnowledge(
            h, "INSERT INTO knowledge (dataset_id, json, activity_more) VALUES (?1, ?2, ?3)");
        SqliteStatement putActivity(h,
                                    "INSERT INTO activity (dataset_id, position, cursor, json, "
                                    "data) VALUES (?1, ?2, ?3, ?4, ?5)");
        SqliteStatement putInvestigation(
            h, "INSERT INTO investigations (dataset_id, position, json) VALUES (?1, ?2, ?3)");
        for (const SqliteStatement *st :
             {&putDataset, &putKnowledge, &putActivity, &putInvestigation})
            if (!st->isValid())
                return d.error(OfflineSnapshot::tr("preparing the snapshot"));
        Listed listed;
        qint64 position = 0;
        for (const DatasetSummary &s : datasets) {
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
                return d.error(OfflineSnapshot::tr("storing the datasets"));

            auto knowledge = KnowledgeStore::knowledge(m_db, id);
            if (!knowledge)
                return knowledge.error();
            auto activity = KnowledgeStore::activity(
                m_db, id, std::clamp(m_window.activityPerDataset, 1, 1000));
            if (!activity)
                return activity.error();
            putKnowledge.reset();
            putKnowledge.bind(1, id);
            putKnowledge.bind(2, compact(knowledge->toJson()));
            putKnowledge.bind(3, qint64(activity->nextCursor.isEmpty() ? 0 : 1));
            if (putKnowledge.step() != SQLITE_DONE)
                return d.error(OfflineSnapshot::tr("storing the knowledge"));
            qint64 n = 0;
            for (const ActivityItem &a : std::as_const(activity->items)) {
                putActivity.reset();
                putActivity.bind(1, id);
                putActivity.bind(2, n++);
                putActivity.bind(3, a.cursor.toLower());
                putActivity.bind(4, compact(a.toJson()));
                putActivity.bind(5, compact(a.data));
                if (putActivity.step() != SQLITE_DONE)
                    return d.error(OfflineSnapshot::tr("storing the activity"));
            }
            m_summary.activityItems += n;

            auto list = InvestigationDirectory::list(
                m_db, id, std::clamp(m_window.investigationsPerDataset, 1, 5000));
            if (!list)
                return list.error();
            n = 0;
            for (const InvestigationSummary &inv : std::as_const(*list)) {
                putInvestigation.reset();
                putInvestigation.bind(1, id);
                putInvestigation.bind(2, n++);
                putInvestigation.bind(3, compact(inv.toJson()));
                if (putInvestigation.step() != SQLITE_DONE)
                    return d.error(OfflineSnapshot::tr("storing the investigations"));
                const QDateTime last = inv.lastEventAt.isValid() ? inv.lastEventAt : inv.startedAt;
                listed.append({idText(inv.investigationId), last});
            }
            m_summary.investigations += n;
            ++m_summary.datasets;
        }
        return listed;
    }

    /// The traces of the window — the `traceDays` before the tenant's latest investigation
    /// activity (not the clock: a tenant quiet for a while keeps its last months readable):
    /// fetched where new or changed (`investigationCounts`: events per investigation),
    /// dropped where they left the window.
    Result<void> syncTraces(const Listed &listed, const QHash<QString, qint64> &investigationCounts)
    {
        sqlite3 *h = d.h;
        SqliteStatement putTrace(h,
                                 "INSERT OR REPLACE INTO traces (investigation_id, event_count, "
                                 "events) VALUES (?1, ?2, ?3)");
        SqliteStatement dropTrace(h, "DELETE FROM traces WHERE investigation_id = ?1");
        if (!putTrace.isValid() || !dropTrace.isValid())
            return d.error(OfflineSnapshot::tr("preparing the snapshot"));
        QDateTime newest;
        for (const auto &[id, last] : listed)
            if (last.isValid() && (!newest.isValid() || last > newest))
                newest = last;
        const QDateTime cutoff = newest.isValid()
            ? newest.addDays(-qint64(std::max(0, m_window.traceDays)))
            : QDateTime();
        QSet<QString> inWindow;
        for (const auto &[id, last] : listed) {
            if (last.isValid() && last >= cutoff)
                inWindow.insert(id);
        }
        const QHash<QString, qint64> tracesBefore
            = storedCounts(h, "SELECT investigation_id, event_count FROM traces");
        // Traces: fetched where new or changed, dropped where they left the m_window.
        QList<QUuid> changed;
        for (const QString &id : std::as_const(inWindow)) {
            if (!tracesBefore.contains(id)
                || tracesBefore.value(id) != investigationCounts.value(id, 0))
                changed.append(QUuid::fromString(id));
        }
        EventLog log(m_db);
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
                    return d.error(OfflineSnapshot::tr("storing an investigation"));
                ++m_summary.tracesFetched;
            }
        }
        for (auto it = tracesBefore.cbegin(); it != tracesBefore.cend(); ++it) {
            if (inWindow.contains(it.key()))
                continue;
            dropTrace.reset();
            dropTrace.bind(1, it.key());
            if (dropTrace.step() != SQLITE_DONE)
                return d.error(OfflineSnapshot::tr("dropping an investigation"));
            ++m_summary.tracesDropped;
        }
        m_summary.tracesKept = inWindow.size();
        return {};
    }

    /// The quirk histories: every quirk of the tenant, retired ones too (their history stays),
    /// fetched where `quirkCounts` (events per quirk) changed.
    Result<void> syncQuirks(const QHash<QString, qint64> &quirkCounts)
    {
        sqlite3 *h = d.h;
        SqliteStatement putQuirk(h,
                                 "INSERT OR REPLACE INTO quirk_histories (quirk_id, event_count, "
                                 "json) VALUES (?1, ?2, ?3)");
        SqliteStatement dropQuirk(h, "DELETE FROM quirk_histories WHERE quirk_id = ?1");
        if (!putQuirk.isValid() || !dropQuirk.isValid())
            return d.error(OfflineSnapshot::tr("preparing the snapshot"));
        const QHash<QString, qint64> quirksBefore
            = storedCounts(h, "SELECT quirk_id, event_count FROM quirk_histories");
        for (auto it = quirkCounts.cbegin(); it != quirkCounts.cend(); ++it) {
            if (quirksBefore.value(it.key(), -1) == it.value())
                continue;
            auto history = KnowledgeAggregator::quirkHistory(m_db, it.key());
            if (!history)
                return history.error();
            QJsonArray entries;
            for (const QuirkHistoryEntry &e : std::as_const(*history))
                entries.append(historyEntryToJson(e));
            putQuirk.reset();
            putQuirk.bind(1, it.key());
            putQuirk.bind(2, qint64(history->size()));
            putQuirk.bind(3,
                          QString::fromUtf8(QJsonDocument(entries).toJson(QJsonDocument::Compact)));
            if (putQuirk.step() != SQLITE_DONE)
                return d.error(OfflineSnapshot::tr("storing a quirk's history"));
            ++m_summary.quirksFetched;
        }
        for (auto it = quirksBefore.cbegin(); it != quirksBefore.cend(); ++it) {
            if (quirkCounts.contains(it.key()))
                continue;
            dropQuirk.reset();
            dropQuirk.bind(1, it.key());
            (void)dropQuirk.step();
        }
        m_summary.quirks = quirkCounts.size();
        return {};
    }

    /// When it was synced, whose ratings are "mine", the window.
    Result<void> storeMeta()
    {
        SqliteStatement putMeta(d.h, "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)");
        if (!putMeta.isValid())
            return d.error(OfflineSnapshot::tr("preparing the snapshot"));
        const QJsonObject windowJson{
            {QStringLiteral("activity_per_dataset"), m_window.activityPerDataset},
            {QStringLiteral("investigations_per_dataset"), m_window.investigationsPerDataset},
            {QStringLiteral("trace_days"), m_window.traceDays}};
        const QList<QPair<const char *, QString>> meta{
            {kSyncedAt, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
            {kViewer, m_db.actorId().isNull() ? QString() : idText(m_db.actorId())},
            {kWindow, compact(windowJson)}};
        for (const auto &[key, value] : meta) {
            putMeta.reset();
            putMeta.bind(1, QString::fromLatin1(key));
            putMeta.bind(2, value);
            if (putMeta.step() != SQLITE_DONE)
                return d.error(OfflineSnapshot::tr("storing the time of the sync"));
        }
        return {};
    }

private:
    Database &m_db;
    const OfflineSnapshot::Private &d;
    const SnapshotWindow &m_window;
    OfflineSnapshot::SyncSummary &m_summary;
};

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

    if (auto cleared = d->exec("DELETE FROM datasets; DELETE FROM knowledge; DELETE FROM "
                               "activity; DELETE FROM investigations;");
        !cleared)
        return cleared.error();
    SnapshotSync step(db, *d, window, summary);
    auto listed = step.storeDatasets(*datasets);
    if (!listed)
        return listed.error();
    if (auto traces = step.syncTraces(*listed, *investigationCounts); !traces)
        return traces.error();
    if (auto quirks = step.syncQuirks(*quirkCounts); !quirks)
        return quirks.error();
    if (auto meta = step.storeMeta(); !meta)
        return meta.error();
    if (auto done = d->exec("COMMIT"); !done)
        return done.error();
    committed = true;
    (void)d->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    summary.bytes = QFileInfo(d->path).size();
    summary.seconds = double(timer.nsecsElapsed()) / 1e9;
    return summary;
}

} // namespace ke
