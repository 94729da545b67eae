#include "eventlog.h"

#include "database_p.h"
#include "uuid.h"

#include <QCryptographicHash>
#include <QJsonDocument>

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

std::string timestampToStd(const QDateTime &dt)
{
    return toStd(dt.toUTC().toString(Qt::ISODateWithMs));
}

/// A statement name that differs per SQL text, so several tables/shapes can coexist on one
/// connection (libpqxx prepares lazily and accepts the same definition again).
std::string statementName(const char *prefix, const std::string &sql)
{
    const QByteArray h
        = QCryptographicHash::hash(QByteArray::fromStdString(sql), QCryptographicHash::Md5)
              .toHex()
              .left(16);
    return std::string(prefix) + h.toStdString();
}

Event eventFromRow(const pqxx::row &row)
{
    Event e;
    e.id = uuidFromField(row[0]);
    e.tenantId = uuidFromField(row[1]);
    e.investigationId = uuidFromField(row[2]);
    e.datasetId = uuidFromField(row[3]);
    e.eventType = stringFromField(row[4]);
    if (!row[5].is_null())
        e.data
            = QJsonDocument::fromJson(QByteArray::fromRawData(row[5].c_str(), int(row[5].size())))
                  .object();
    e.actorId = uuidFromField(row[6]);
    e.actorType = stringFromField(row[7]);
    e.createdAt = timestampFromField(row[8]);
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

/// One COPY row; the strings live as long as the row.
struct CopyRow
{
    std::string id, tenant, investigation, dataset, type, data, actor, actorType, created;
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
            pqxx::nontransaction tx(m_db.d_func()->conn);
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
        return makeError(QStringLiteral("no_tenant"),
                         EventLog::tr("no tenant selected — set KNOWLEDGE_TENANT or --tenant"));
    if (event.tenantId.isNull()) {
        event.tenantId = tenant;
    } else if (event.tenantId != tenant) {
        return makeError(
            QStringLiteral("wrong_tenant"),
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
        pqxx::connection &conn = m_db.d_func()->conn;
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
    // 1. Validate everything first: every problem is reported, nothing is written.
    QStringList problems;
    std::vector<CopyRow> rows;
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
        CopyRow row;
        row.id = uuidToStd(e.id);
        row.tenant = uuidToStd(e.tenantId);
        row.investigation = uuidToStd(e.investigationId);
        if (!e.datasetId.isNull())
            row.dataset = uuidToStd(e.datasetId);
        row.type = toStd(e.eventType);
        row.data = json.toStdString();
        if (!e.actorId.isNull())
            row.actor = uuidToStd(e.actorId);
        row.actorType = toStd(e.actorType);
        row.created = timestampToStd(e.createdAt);
        rows.push_back(std::move(row));
    }
    if (!problems.isEmpty()) {
        return makeError(
            QStringLiteral("invalid_event"),
            tr("%n event(s) refused, nothing was written:", nullptr, int(problems.size()))
                + QLatin1Char('\n') + problems.join(QLatin1Char('\n')));
    }
    if (rows.empty())
        return qsizetype(0);
    auto unique = hasUniqueId();
    if (!unique)
        return unique.error();

    pqxx::connection &conn = m_db.d_func()->conn;
    const std::string table = toStd(m_db.eventsTable());
    auto copyRows = [&](pqxx::work &tx, const std::string &into) {
        pqxx::stream_to stream(tx, into, columnList());
        for (const CopyRow &r : rows) {
            stream << std::make_tuple(r.id, r.tenant, r.investigation,
                                      r.dataset.empty() ? nullptr : r.dataset.c_str(), r.type,
                                      r.data, r.actor.empty() ? nullptr : r.actor.c_str(),
                                      r.actorType, r.created);
        }
        stream.complete();
    };

    const QString what = tr("writing %n event(s)", nullptr, int(rows.size()));
    // 2. Fast path: COPY straight into the table; a duplicate id aborts it.
    if (*unique && !m_copyRefused) {
        try {
            pqxx::work tx(conn);
            copyRows(tx, table);
            tx.commit();
            return qsizetype(rows.size());
        } catch (const pqxx::sql_error &e) {
            if (isState(e, "0A000")) {
                // COPY FROM is not allowed under row-level security: stage instead.
                m_copyRefused = true;
            } else if (!isState(e, "23505")) {
                return databaseError(what, e);
            }
        } catch (const std::exception &e) {
            return databaseError(what, e);
        }
    }

    // 3. Some ids are already stored (an idempotent retry), the table has no unique key, or
    // COPY is refused: COPY into a staging table, then one INSERT … SELECT that skips the
    // stored ids. Still one transaction: all or nothing.
    return guarded(what, [&]() -> Result<qsizetype> {
        pqxx::work tx(conn);
        tx.exec("CREATE TEMP TABLE IF NOT EXISTS ke_events_stage (id uuid, tenant_id uuid, "
                "investigation_id uuid, dataset_id uuid, event_type text, event_data jsonb, "
                "actor_id uuid, actor_type text, created_at timestamptz) ON COMMIT DELETE ROWS");
        copyRows(tx, "ke_events_stage");
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
        const pqxx::result r = tx.exec(sql);
        tx.commit();
        return qsizetype(r.affected_rows());
    });
}

Result<std::vector<Event>> EventLog::investigation(const QUuid &investigationId)
{
    if (m_db.tenantId().isNull())
        return makeError(QStringLiteral("no_tenant"),
                         tr("no tenant selected — set KNOWLEDGE_TENANT or --tenant"));
    return guarded(
        tr("reading investigation %1").arg(investigationId.toString(QUuid::WithoutBraces)),
        [&]() -> Result<std::vector<Event>> {
            pqxx::nontransaction tx(m_db.d_func()->conn);
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

Result<std::optional<Event>> EventLog::find(const QUuid &id)
{
    if (m_db.tenantId().isNull())
        return makeError(QStringLiteral("no_tenant"),
                         tr("no tenant selected — set KNOWLEDGE_TENANT or --tenant"));
    return guarded(tr("reading event %1").arg(id.toString(QUuid::WithoutBraces)),
                   [&]() -> Result<std::optional<Event>> {
                       pqxx::nontransaction tx(m_db.d_func()->conn);
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
        return makeError(QStringLiteral("no_tenant"),
                         tr("no tenant selected — set KNOWLEDGE_TENANT or --tenant"));
    return guarded(tr("counting events"), [&]() -> Result<QList<QPair<QString, qint64>>> {
        pqxx::nontransaction tx(m_db.d_func()->conn);
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
        pqxx::nontransaction tx(m_db.d_func()->conn);
        const pqxx::result r
            = tx.exec("WITH c AS (SELECT tenant_id, count(*) AS n FROM " + toStd(m_db.eventsTable())
                      + " GROUP BY tenant_id) SELECT coalesce(t.id, c.tenant_id), t.slug, "
                        "coalesce(c.n, 0) FROM "
                      + toStd(m_db.table(QStringLiteral("tenants")))
                      + " t FULL JOIN c ON c.tenant_id = t.id ORDER BY t.slug NULLS LAST, 1");
        QList<TenantEventCount> out;
        for (const auto &row : r)
            out.append({uuidFromField(row[0]), stringFromField(row[1]), row[2].as<qint64>()});
        return out;
    });
}

} // namespace ke
