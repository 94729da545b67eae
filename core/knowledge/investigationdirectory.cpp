#include "investigationdirectory.h"

#include "database.h"
#include "database_p.h"
#include "knowledgestore.h"

#include <QJsonValue>

namespace ke {

namespace {

QJsonValue uuidJson(const QUuid &u)
{
    return u.isNull() ? QJsonValue() : QJsonValue(u.toString(QUuid::WithoutBraces));
}

QJsonValue timeJson(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QDateTime timeFrom(const QJsonValue &v)
{
    return v.isString() ? QDateTime::fromString(v.toString(), Qt::ISODateWithMs) : QDateTime();
}

} // namespace

QJsonObject InvestigationSummary::toJson() const
{
    return {{QStringLiteral("investigation_id"), uuidJson(investigationId)},
            {QStringLiteral("dataset_id"), uuidJson(datasetId)},
            {QStringLiteral("started_at"), timeJson(startedAt)},
            {QStringLiteral("started_by"), uuidJson(startedBy)},
            {QStringLiteral("started_by_handle"), startedByHandle},
            {QStringLiteral("anomaly_type"), anomalyType},
            {QStringLiteral("status"), status},
            {QStringLiteral("outcome"), outcome},
            {QStringLiteral("finished_at"), timeJson(finishedAt)},
            {QStringLiteral("last_event_at"), timeJson(lastEventAt)},
            {QStringLiteral("positive"), positive},
            {QStringLiteral("negative"), negative},
            {QStringLiteral("confidence"), confidence < 0 ? QJsonValue() : QJsonValue(confidence)}};
}

InvestigationSummary InvestigationSummary::fromJson(const QJsonObject &o)
{
    InvestigationSummary s;
    s.investigationId = QUuid::fromString(o.value(QLatin1String("investigation_id")).toString());
    s.datasetId = QUuid::fromString(o.value(QLatin1String("dataset_id")).toString());
    s.startedAt = timeFrom(o.value(QLatin1String("started_at")));
    s.startedBy = QUuid::fromString(o.value(QLatin1String("started_by")).toString());
    s.startedByHandle = o.value(QLatin1String("started_by_handle")).toString();
    s.anomalyType = o.value(QLatin1String("anomaly_type")).toString();
    s.status = o.value(QLatin1String("status")).toString();
    s.outcome = o.value(QLatin1String("outcome")).toString();
    s.finishedAt = timeFrom(o.value(QLatin1String("finished_at")));
    s.lastEventAt = timeFrom(o.value(QLatin1String("last_event_at")));
    s.positive = o.value(QLatin1String("positive")).toInt();
    s.negative = o.value(QLatin1String("negative")).toInt();
    s.confidence = o.value(QLatin1String("confidence")).toDouble(-1);
    return s;
}

Result<QList<InvestigationSummary>> InvestigationDirectory::list(Database &db,
                                                                 const QString &dataset, int limit)
{
    if (limit < 1 || limit > 5000)
        return makeError(ErrorCode::InvalidLimit,
                         tr("the limit must be between 1 and 5000, got %1").arg(limit));
    auto ds = KnowledgeStore::resolveDataset(db, dataset);
    if (!ds)
        return ds.error();
    return guarded(
        tr("reading the investigations of dataset '%1'").arg(ds->second),
        [&]() -> Result<QList<InvestigationSummary>> {
            pqxx::nontransaction tx(databasePrivate(db)->conn);
            const std::string k = toStd(Database::quoteQualified(db.settings().schema));
            const pqxx::result r = tx.exec_params(
                "SELECT i.investigation_id, i.dataset_id, i.started_at, i.started_by, p.handle, "
                "i.anomaly_type, i.status, i.outcome, i.finished_at, i.last_event_at, "
                "i.positive_count, i.negative_count, (SELECT max(f.confidence) FROM "
                    + k
                    + ".dataset_findings f WHERE f.tenant_id = i.tenant_id AND "
                      "f.investigation_id = i.investigation_id AND f.finding_type = 'root_cause') "
                      "FROM "
                    + k + ".agg_investigations i LEFT JOIN " + k
                    + ".people p ON p.tenant_id = i.tenant_id AND p.id = i.started_by "
                      "WHERE i.tenant_id = $1 AND i.dataset_id = $2 "
                      // Investigations that started (as investigation_count counts them): not
                      // the rows of quirks made outside any investigation.
                      "AND i.start_event_id IS NOT NULL "
                      "ORDER BY i.started_at DESC NULLS LAST, i.investigation_id DESC LIMIT $3",
                uuidToStd(db.tenantId()), uuidToStd(ds->first), limit);
            QList<InvestigationSummary> out;
            out.reserve(int(r.size()));
            for (const auto &row : r) {
                InvestigationSummary s;
                readColumns(row, 0, s.investigationId, s.datasetId, s.startedAt, s.startedBy,
                            s.startedByHandle, s.anomalyType, s.status, s.outcome, s.finishedAt,
                            s.lastEventAt, s.positive, s.negative);
                s.confidence = row[12].is_null() ? -1.0 : row[12].as<double>();
                out.append(s);
            }
            return out;
        });
}

} // namespace ke
