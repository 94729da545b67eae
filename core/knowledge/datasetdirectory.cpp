#include "datasetdirectory.h"

#include "database_p.h"
#include "uuid.h"

namespace ke {

DatasetRef DatasetDirectory::fromStored(const QUuid &id, const QString &name,
                                        const QString &description)
{
    // A dataset known only by a UUID (no catalog name yet) is stored under its UUID.
    const QString text = id.toString(QUuid::WithoutBraces);
    return {id, name == text ? tr("unnamed dataset %1").arg(text) : name, description};
}

Result<DatasetRef> DatasetDirectory::resolve(Database &db, const QString &key)
{
    if (db.tenantId().isNull())
        return noTenantError();
    const QString name = key.trimmed();
    if (name.isEmpty())
        return makeError(ErrorCode::InvalidDataset,
                         tr("no dataset given — name one by UUID or name, e.g. public.orders"));
    return guarded(tr("looking up dataset '%1'").arg(name), [&]() -> Result<DatasetRef> {
        pqxx::nontransaction tx(databasePrivate(db)->conn);
        const std::string sql = "SELECT id, name, coalesce(description, '') FROM "
            + toStd(db.table(QStringLiteral("datasets"))) + " WHERE tenant_id = $1 AND "
            + (isUuid(name) ? "id = $2::uuid" : "name = $2");
        const QString k
            = isUuid(name) ? QUuid::fromString(name).toString(QUuid::WithoutBraces) : name;
        const pqxx::result r = tx.exec_params(sql, uuidToStd(db.tenantId()), toStd(k));
        if (r.empty())
            return makeError(ErrorCode::UnknownDataset,
                             tr("unknown dataset '%1' in this tenant — give a dataset UUID or its "
                                "exact name (`knowledgectl datasets` lists them); datasets named "
                                "by new investigations appear after `knowledgectl aggregate`")
                                 .arg(name));
        return fromStored(uuidFromField(r[0][0]), stringFromField(r[0][1]),
                          stringFromField(r[0][2]));
    });
}

Result<QList<DatasetRef>> DatasetDirectory::list(Database &db)
{
    return guarded(tr("listing datasets"), [&]() -> Result<QList<DatasetRef>> {
        pqxx::nontransaction tx(databasePrivate(db)->conn);
        const pqxx::result r = tx.exec_params("SELECT id, name, coalesce(description, '') FROM "
                                                  + toStd(db.table(QStringLiteral("datasets")))
                                                  + " WHERE tenant_id = $1 ORDER BY name",
                                              uuidToStd(db.tenantId()));
        QList<DatasetRef> out;
        out.reserve(qsizetype(r.size()));
        for (const auto &row : r)
            out.append(fromStored(uuidFromField(row[0]), stringFromField(row[1]),
                                  stringFromField(row[2])));
        return out;
    });
}

} // namespace ke

namespace ke {

Result<QList<DatasetSummary>> DatasetDirectory::summaries(Database &db)
{
    return guarded(tr("listing datasets"), [&]() -> Result<QList<DatasetSummary>> {
        pqxx::nontransaction tx(databasePrivate(db)->conn);
        const pqxx::result r = tx.exec_params(
            "SELECT d.id, d.name, coalesce(d.description, ''), coalesce(k.investigation_count, 0), "
            "coalesce(k.positive_feedback_count, 0), coalesce(k.negative_feedback_count, 0), "
            "k.last_investigation_at FROM "
                + toStd(db.table(QStringLiteral("datasets"))) + " d LEFT JOIN "
                + toStd(db.table(QStringLiteral("dataset_knowledge")))
                + " k ON k.tenant_id = d.tenant_id AND k.dataset_id = d.id "
                  "WHERE d.tenant_id = $1 ORDER BY 4 DESC, d.name",
            uuidToStd(db.tenantId()));
        QList<DatasetSummary> out;
        out.reserve(qsizetype(r.size()));
        for (const auto &row : r) {
            DatasetSummary s;
            s.ref = fromStored(uuidFromField(row[0]), stringFromField(row[1]),
                               stringFromField(row[2]));
            readColumns(row, 3, s.investigationCount, s.positiveFeedback, s.negativeFeedback,
                        s.lastInvestigationAt);
            out.append(s);
        }
        return out;
    });
}

} // namespace ke
