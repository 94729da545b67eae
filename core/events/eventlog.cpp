#include "eventlog.h"

#include "database_p.h"
#include "uuid.h"

#include <QJsonDocument>

#include <chrono>
#include <cstdio>
#include <optional>
#include <tuple>

namespace ke {

namespace {

const char *const kColumns = "id, tenant_id, investigation_id, dataset_id, event_type, event_data, "
                             "actor_id, actor_type, created_at";

const std::vector<std::string> &columnList()
{
    static const std::vector<std::string> cols
        = {"id",         "tenant_id", "investigation_id", "dataset_id", "event_type",
           "event_data", "actor_id",  "actor_type",       "created_at"};
    return cols;
}

/// created_at as PostgreSQL reads it. Formatted by hand for years 1–9999 (QDateTime::toString
/// costs ~1 µs, a tenth of what emitBatch spends per event); Qt formats the rest.
std::string timestampToStd(const QDateTime &dt)
{
    const qint64 ms = dt.toMSecsSinceEpoch();
    const auto tp = std::chrono::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(ms));
    const auto day = std::chrono::floor<std::chrono::days>(tp);
    const std::chrono::year_month_day ymd(day);
    const int year = int(ymd.year());
    if (year < 1 || year > 9999)
        return toStd(dt.toUTC().toString(Qt::ISODateWithMs));
    const std::chrono::hh_mm_ss hms(tp - day);
    char buf[32];
    const int n = std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", year,
                                unsigned(ymd.month()), unsigned(ymd.day()),
                                int(hms.hours().count()), int(hms.minutes().count()),
                                int(hms.seconds().count()), int(hms.subseconds().count()));
    return std::string(buf, size_t(n));
}

Event eventFromRow(const pqxx::row &row)
{
    Event e;
    readColumns(row, 0, e.id, e.tenantId, e.investigationId, e.datasetId, e.eventType, e.data,
                e.actorId, e.actorType, e.createdAt);
    return e;
}

std::string selectSql(const QString &table)
{
    return std::string("SELECT id, tenant_id, investigation_id, dataset_id, event_type, "
                       "event_data::text, actor_id, actor_type, created_at FROM ")
        + toStd(table);
}

bool isState(const pqxx::sql_error &e, const char *state)
{
    return e.sqlstate() == state;
}

/// The COPY rows of a batch in one buffer: each field NUL-terminated, nine offsets per row
/// (-1 for SQL NULL). Formatting straight into it (UUIDs as hex, created_at by hand) keeps
/// emitBatch at a few allocations per event, so the client stays well ahead of the server.
class CopyRows
{
public:
    static constexpr int kFields = 9;

    void reserve(size_t rows)
    {
        m_offsets.reserve(rows * kFields);
        m_buffer.reserve(qsizetype(rows) * 560);
    }
    size_t size() const { return m_offsets.size() / kFields; }

    void addUuid(const QUuid &u)
    {
        if (u.isNull())
            return addNull();
        begin();
        static const char hex[] = "0123456789abcdef";
        const QByteArray raw = u.toRfc4122();
        char text[36];
        int at = 0;
        for (int i = 0; i < 16; ++i) {
            if (i == 4 || i == 6 || i == 8 || i == 10)
                text[at++] = '-';
            const auto b = uchar(raw.at(i));
            text[at++] = hex[b >> 4];
            text[at++] = hex[b & 0xf];
        }
        m_buffer.append(text, 36);
        end();
    }
    void addText(const QString &s)
    {
        begin();
        m_buffer.append(s.toUtf8());
        end();
    }
    void addBytes(const QByteArray &b)
    {
        begin();
        m_buffer.append(b);
        end();
    }
    void addTimestamp(const QDateTime &dt)
    {
        begin();
        const std::string t = timestampToStd(dt);
        m_buffer.append(t.data(), qsizetype(t.size()));
        end();
    }
    void addNull() { m_offsets.push_back(-1); }

    /// Sends row `i` into a COPY stream.
    void send(pqxx::stream_to &to, size_t i) const
    {
        const qsizetype *o = m_offsets.data() + i * kFields;
        auto f = [&](int k) { return o[k] < 0 ? nullptr : m_buffer.constData() + o[k]; };
        to << std::make_tuple(f(0), f(1), f(2), f(3), f(4), f(5), f(6), f(7), f(8));
    }

private:
    void begin() { m_offsets.push_back(m_buffer.size()); }
    void end() { m_buffer.append('\0'); }

    QByteArray m_buffer;
    std::vector<qsizetype> m_offsets;
};
} // namespace

EventLog::EventLog(Database &db)
    : m_db(db)
{ }

Result<bool> EventLog::hasUniqueId()
{
    if (m_uniqueId >= 0)
        return m_uniqueId == 1;
    return guarded(
        tr("inspecting the events table %1").arg(m_db.eventsTable()), [&]() -> Result<bool> {
            pqxx::nontransaction tx(databasePrivate(m_db)->conn);
            // A unique index whose columns are all among (id, tenant_id) and
            // include id: then ON CONFLICT DO NOTHING keeps re-emits no-ops.
            const pqxx::result r
                = tx.exec_params("SELECT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = "
                                 "$1::regclass AND i.indisunique AND i.indpred IS NULL AND "
                                 "(SELECT bool_and(a.attname IN ('id', 'tenant_id')) AND "
                                 "bool_or(a.attname = 'id') FROM pg_attribute a WHERE a.attrelid = "
                                 "i.indrelid AND a.attnum = ANY (i.indkey)))",
                                 toStd(m_db.eventsTable()));
            m_uniqueId = r[0][0].as<bool>() ? 1 : 0;
            return m_uniqueId == 1;
        });
}

namespace {

/// EventLog::prepare, also handing back event_data serialized (validation makes it anyway).
Result<void> prepareEvent(const Database &db, Event &event, const EmitOptions &options,
                          QByteArray *json)
{
    const QUuid tenant = db.tenantId();
    if (tenant.isNull())
        return noTenantError();
    if (event.tenantId.isNull()) {
        event.tenantId = tenant;
    } else if (event.tenantId != tenant) {
        return makeError(
            ErrorCode::WrongTenant,
            EventLog::tr("%1: the event belongs to tenant %2 but this session is tenant %3 — "
                         "connect with --tenant %2 to write it")
                .arg(event.eventType.isEmpty() ? QStringLiteral("event") : event.eventType,
                     event.tenantId.toString(QUuid::WithoutBraces),
                     tenant.toString(QUuid::WithoutBraces)));
    }
    if (event.id.isNull())
        event.id = createUuidV7();
    if (event.actorId.isNull())
        event.actorId = db.actorId();
    if (!event.createdAt.isValid())
        event.createdAt = QDateTime::currentDateTimeUtc();
    return EventValidator::validate(event, !options.allowUnknownTypes, json);
}

} // namespace

Result<void> EventLog::prepare(Event &event, const EmitOptions &options) const
{
    return prepareEvent(m_db, event, options, nullptr);
}

Result<bool> EventLog::emit(Event &event, const EmitOptions &options)
{
    QByteArray json;
    if (auto r = prepareEvent(m_db, event, options, &json); !r)
        return r.error();
    auto unique = hasUniqueId();
    if (!unique)
        return unique.error();
    return guarded(tr("writing a %1 event").arg(event.eventType), [&]() -> Result<bool> {
        const std::string table = toStd(m_db.eventsTable());
        std::string sql;
        if (*unique) {
            sql = "INSERT INTO " + table + " (" + kColumns
                + ") VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5, $6::jsonb, $7::uuid, $8, "
                  "$9::timestamptz) ON CONFLICT DO NOTHING";
        } else {
            sql = "INSERT INTO " + table + " (" + kColumns
                + ") SELECT $1::uuid, $2::uuid, $3::uuid, $4::uuid, $5, $6::jsonb, $7::uuid, $8, "
                  "$9::timestamptz WHERE NOT EXISTS (SELECT 1 FROM "
                + table + " WHERE id = $1::uuid AND tenant_id = $2::uuid)";
        }
        const std::string name = statementName("ke_emit_", sql);
        pqxx::connection &conn = databasePrivate(m_db)->conn;
        conn.prepare(name, sql);
        const std::string dataset = uuidToStd(event.datasetId);
        const std::string actor = uuidToStd(event.actorId);
        auto insert = [&](pqxx::transaction_base &tx) {
            return tx.exec_prepared(name, uuidToStd(event.id), uuidToStd(event.tenantId),
                                    uuidToStd(event.investigationId),
                                    event.datasetId.isNull() ? nullptr : dataset.c_str(),
                                    toStd(event.eventType), json.toStdString(),
                                    event.actorId.isNull() ? nullptr : actor.c_str(),
                                    toStd(event.actorType), timestampToStd(event.createdAt));
        };
        if (options.asynchronousCommit) {
            pqxx::work tx(conn);
            tx.exec("SET LOCAL synchronous_commit = off");
            const pqxx::result r = insert(tx);
            tx.commit();
            return r.affected_rows() > 0;
        }
        // One statement in autocommit: a single round trip.
        pqxx::nontransaction tx(conn);
        return insert(tx).affected_rows() > 0;
    });
}

Result<qsizetype> EventLog::emitBatch(std::vector<Event> &events, const EmitOptions &options)
{
    if (events.empty())
        return qsizetype(0);
    // Validation and sending overlap: each valid event goes to the server's COPY as soon as it
    // is checked, so the server parses and indexes while this side validates the next one (on
    // two cores that halves the wall time of a batch). An invalid event stops the sending;
    // the rest is still validated so that every problem is reported, and the transaction is
    // rolled back — nothing of an invalid batch is written.
    auto unique = hasUniqueId();
    pqxx::connection &conn = databasePrivate(m_db)->conn;
    const std::string table = toStd(m_db.eventsTable());
    const QString what = tr("writing %n event(s)", nullptr, int(events.size()));

    std::optional<pqxx::work> tx;
    std::optional<pqxx::stream_to> stream;
    std::optional<Error> streamError; // the fast path failed for a reason other than duplicates
    auto stopStreaming = [&](const std::exception *failure) {
        if (failure) {
            const auto *sql = dynamic_cast<const pqxx::sql_error *>(failure);
            if (sql && isState(*sql, "0A000"))
                m_copyRefused = true; // COPY FROM is refused under row-level security: stage
            else if (!sql || !isState(*sql, "23505"))
                streamError = databaseError(what, *failure);
        }
        stream.reset();
        tx.reset(); // rolls back whatever was sent
    };
    // 1. Fast path: COPY straight into the table (a duplicate id aborts it).
    if (unique && *unique && !m_copyRefused) {
        try {
            tx.emplace(conn);
            stream.emplace(*tx, table, columnList());
        } catch (const std::exception &e) {
            stopStreaming(&e);
        }
    }

    QStringList problems;
    CopyRows rows;
    rows.reserve(events.size());
    for (size_t i = 0; i < events.size(); ++i) {
        Event &e = events[i];
        QByteArray json;
        auto r = prepareEvent(m_db, e, options, &json);
        if (!r) {
            problems << tr("event %1: %2").arg(i + 1).arg(r.error().message);
            continue;
        }
        if (!problems.isEmpty())
            continue;
        rows.addUuid(e.id);
        rows.addUuid(e.tenantId);
        rows.addUuid(e.investigationId);
        rows.addUuid(e.datasetId);
        rows.addText(e.eventType);
        rows.addBytes(json);
        rows.addUuid(e.actorId);
        rows.addText(e.actorType);
        rows.addTimestamp(e.createdAt);
        if (stream) {
            try {
                rows.send(*stream, rows.size() - 1);
            } catch (const std::exception &ex) {
                stopStreaming(&ex);
            }
        }
    }
    if (!problems.isEmpty()) {
        if (stream) {
            try {
                stream->complete(); // ends the COPY; the transaction is then rolled back
            } catch (const std::exception &) {
                // The rows are discarded either way.
            }
        }
        stopStreaming(nullptr);
        return makeError(
            ErrorCode::InvalidEvent,
            tr("%n event(s) refused, nothing was written:", nullptr, int(problems.size()))
                + QLatin1Char('\n') + problems.join(QLatin1Char('\n')));
    }
    if (!unique)
        return unique.error();
    if (stream) {
        try {
            stream->complete();
            stream.reset();
            tx->commit();
            tx.reset();
            return qsizetype(rows.size());
        } catch (const std::exception &e) {
            stopStreaming(&e);
        }
    }
    if (streamError)
        return *streamError;

    // 2. Some ids are already stored (an idempotent retry), the table has no unique key, or
    // COPY is refused: COPY into a staging table, then one INSERT … SELECT that skips the
    // stored ids. Still one transaction: all or nothing.
    return guarded(what, [&]() -> Result<qsizetype> {
        pqxx::work staging(conn);
        staging.exec("CREATE TEMP TABLE IF NOT EXISTS ke_events_stage (id uuid, tenant_id uuid, "
                     "investigation_id uuid, dataset_id uuid, event_type text, event_data jsonb, "
                     "actor_id uuid, actor_type text, created_at timestamptz) ON COMMIT DELETE "
                     "ROWS");
        pqxx::stream_to to(staging, "ke_events_stage", columnList());
        for (size_t i = 0; i < rows.size(); ++i)
            rows.send(to, i);
        to.complete();
        std::string sql;
        if (*unique) {
            sql = "INSERT INTO " + table + " (" + kColumns + ") SELECT " + kColumns
                + " FROM ke_events_stage ON CONFLICT DO NOTHING";
        } else {
            sql = "INSERT INTO " + table + " (" + kColumns + ") SELECT DISTINCT ON (s.id) s.id, "
                + "s.tenant_id, s.investigation_id, s.dataset_id, s.event_type, s.event_data, "
                  "s.actor_id, s.actor_type, s.created_at FROM ke_events_stage s WHERE NOT "
                  "EXISTS (SELECT 1 FROM "
                + table + " e WHERE e.id = s.id AND e.tenant_id = s.tenant_id)";
        }
        const pqxx::result r = staging.exec(sql);
        staging.commit();
        return qsizetype(r.affected_rows());
    });
}

Result<std::vector<Event>> EventLog::investigation(const QUuid &investigationId)
{
    if (m_db.tenantId().isNull())
        return noTenantError();
    return guarded(
        tr("reading investigation %1").arg(investigationId.toString(QUuid::WithoutBraces)),
        [&]() -> Result<std::vector<Event>> {
            pqxx::nontransaction tx(databasePrivate(m_db)->conn);
            const pqxx::result r = tx.exec_params(
                selectSql(m_db.eventsTable())
                    + " WHERE tenant_id = $1::uuid AND investigation_id = $2::uuid "
                      "ORDER BY created_at, id",
                uuidToStd(m_db.tenantId()), uuidToStd(investigationId));
            std::vector<Event> out;
            out.reserve(r.size());
            for (const auto &row : r)
                out.push_back(eventFromRow(row));
            return out;
        });
}

Result<QHash<QUuid, std::vector<Event>>>
EventLog::investigations(const QList<QUuid> &investigationIds)
{
    if (m_db.tenantId().isNull())
        return noTenantError();
    return guarded(
        tr("reading %n investigation(s)", nullptr, int(investigationIds.size())),
        [&]() -> Result<QHash<QUuid, std::vector<Event>>> {
            QHash<QUuid, std::vector<Event>> out;
            pqxx::nontransaction tx(databasePrivate(m_db)->conn);
            constexpr qsizetype kChunk = 500;
            for (qsizetype from = 0; from < investigationIds.size(); from += kChunk) {
                std::string ids = "{";
                for (qsizetype i = from; i < std::min(from + kChunk, investigationIds.size()); ++i)
                    ids += (i > from ? "," : "") + uuidToStd(investigationIds.at(i));
                ids += "}";
                const pqxx::result r = tx.exec_params(
                    selectSql(m_db.eventsTable())
                        + " WHERE tenant_id = $1::uuid AND investigation_id = ANY($2::uuid[]) "
                          "ORDER BY investigation_id, created_at, id",
                    uuidToStd(m_db.tenantId()), ids);
                for (const auto &row : r) {
                    Event e = eventFromRow(row);
                    out[e.investigationId].push_back(std::move(e));
                }
            }
            return out;
        });
}

Result<std::optional<Event>> EventLog::find(const QUuid &id)
{
    if (m_db.tenantId().isNull())
        return noTenantError();
    return guarded(tr("reading event %1").arg(id.toString(QUuid::WithoutBraces)),
                   [&]() -> Result<std::optional<Event>> {
                       pqxx::nontransaction tx(databasePrivate(m_db)->conn);
                       const pqxx::result r = tx.exec_params(
                           selectSql(m_db.eventsTable())
                               + " WHERE tenant_id = $1::uuid AND id = $2::uuid LIMIT 1",
                           uuidToStd(m_db.tenantId()), uuidToStd(id));
                       if (r.empty())
                           return std::optional<Event>();
                       return std::optional<Event>(eventFromRow(r[0]));
                   });
}

Result<QList<QPair<QString, qint64>>> EventLog::countsByType()
{
    if (m_db.tenantId().isNull())
        return noTenantError();
    return guarded(tr("counting events"), [&]() -> Result<QList<QPair<QString, qint64>>> {
        pqxx::nontransaction tx(databasePrivate(m_db)->conn);
        const pqxx::result r = tx.exec_params(
            "SELECT event_type, count(*) FROM " + toStd(m_db.eventsTable())
                + " WHERE tenant_id = $1::uuid GROUP BY event_type ORDER BY 2 DESC, 1",
            uuidToStd(m_db.tenantId()));
        QList<QPair<QString, qint64>> out;
        for (const auto &row : r)
            out.append({stringFromField(row[0]), row[1].as<qint64>()});
        return out;
    });
}

Result<QList<TenantEventCount>> EventLog::countsByTenant()
{
    return guarded(tr("counting events per tenant"), [&]() -> Result<QList<TenantEventCount>> {
        // Across tenants for the owner and an every-tenant service (their overview); a login
        // with grants counts each granted tenant in turn. The session's own tenant is back
        // after the transaction (set_config … true is transaction-local).
        pqxx::work tx(databasePrivate(m_db)->conn);
        tx.exec("SELECT set_config('knowledge.tenant_id', '', true)");
        const std::string schema = toStd(Database::quoteQualified(m_db.settings().schema));
        QList<TenantEventCount> out;
        if (tx.exec("SELECT " + schema + ".overview()")[0][0].as<bool>()) {
            const pqxx::result r = tx.exec(
                "WITH c AS (SELECT tenant_id, count(*) AS n FROM " + toStd(m_db.eventsTable())
                + " GROUP BY tenant_id) SELECT coalesce(t.id, c.tenant_id), t.slug, "
                  "coalesce(c.n, 0) FROM "
                + toStd(m_db.table(QStringLiteral("tenants")))
                + " t FULL JOIN c ON c.tenant_id = t.id ORDER BY t.slug NULLS LAST, 1");
            for (const auto &row : r)
                out.append({uuidFromField(row[0]), stringFromField(row[1]), row[2].as<qint64>()});
            return out;
        }
        const pqxx::result granted
            = tx.exec("SELECT id, slug FROM " + toStd(m_db.table(QStringLiteral("tenants")))
                      + " ORDER BY slug");
        for (const auto &t : granted) {
            tx.exec_params("SELECT set_config('knowledge.tenant_id', $1, true)", t[0].c_str());
            const pqxx::result n = tx.exec_params(
                "SELECT count(*) FROM " + toStd(m_db.eventsTable()) + " WHERE tenant_id = $1",
                t[0].c_str());
            out.append({uuidFromField(t[0]), stringFromField(t[1]), n[0][0].as<qint64>()});
        }
        return out;
    });
}

} // namespace ke
