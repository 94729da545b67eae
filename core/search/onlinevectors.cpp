#include "onlinevectors_p.h"

#include "database_p.h"
#include "processshared_p.h"
#include "searchdocuments_p.h"

#include <QHash>
#include <QUuid>

#include <Eigen/Core>

#include <algorithm>
#include <memory>
#include <mutex>
#include <shared_mutex>

namespace ke::onlinevectors {

namespace {

/// One tenant's vectors of one model: a row-major matrix (one row per live document with a
/// vector of the model's dimension) and each row's document. Loaded whole once, then kept up
/// to date by what changed since (the documents' and the vectors' change numbers), a row
/// removed by moving the last one into its place. `lock` guards the data (shared by scans,
/// exclusive while changes are applied), `loading` lets one thread at a time read the tables.
struct VectorSet
{
    std::shared_mutex lock;
    std::mutex loading;
    qint64 documentsSeen = 0; ///< the newest change_seq of the documents applied
    qint64 vectorsSeen = 0; ///< and of the vectors of the model
    std::string model; ///< the model the vectors are of
    Eigen::Index dimension = 0;
    std::vector<float> matrix;
    std::vector<QString> sourceType, sourceId, datasetId;
    QHash<QString, quint32> rowOf; ///< type \x1f id -> row

    static QString keyOf(const QString &type, const QString &id)
    {
        return type + QLatin1Char('\x1f') + id;
    }

    void clear()
    {
        matrix.clear();
        sourceType.clear();
        sourceId.clear();
        datasetId.clear();
        rowOf.clear();
    }

    void put(const QString &type, const QString &id, const QString &dataset,
             const EmbeddingVector &v)
    {
        const QString key = keyOf(type, id);
        const auto it = rowOf.constFind(key);
        if (it != rowOf.cend()) {
            std::copy(v.begin(), v.end(), matrix.begin() + qsizetype(*it) * dimension);
            datasetId[*it] = dataset;
            return;
        }
        rowOf.insert(key, quint32(sourceId.size()));
        matrix.insert(matrix.end(), v.begin(), v.end());
        sourceType.push_back(type);
        sourceId.push_back(id);
        datasetId.push_back(dataset);
    }

    void remove(const QString &type, const QString &id)
    {
        const auto it = rowOf.find(keyOf(type, id));
        if (it == rowOf.end())
            return;
        const quint32 row = *it;
        rowOf.erase(it);
        const auto last = quint32(sourceId.size() - 1);
        if (row != last) { // the last row moves into the gap
            std::copy(matrix.begin() + qsizetype(last) * dimension,
                      matrix.begin() + qsizetype(last + 1) * dimension,
                      matrix.begin() + qsizetype(row) * dimension);
            sourceType[row] = std::move(sourceType[last]);
            sourceId[row] = std::move(sourceId[last]);
            datasetId[row] = std::move(datasetId[last]);
            rowOf[keyOf(sourceType[row], sourceId[row])] = row;
        }
        matrix.resize(size_t(last) * size_t(dimension));
        sourceType.pop_back();
        sourceId.pop_back();
        datasetId.pop_back();
    }
};

} // namespace

Found top(pqxx::transaction_base &tx, pqxx::connection &conn, const Tables &tables,
          const std::string &tenant, const std::string &model, const Query &query)
{
    const EmbeddingVector &q = *query.vector;
    const QString &docs = tables.documents, &embs = tables.vectors;
    const pqxx::result head = execPrepared(
        tx, conn, "ke_vectors_",
        toStd(QStringLiteral("SELECT coalesce((SELECT max(change_seq) FROM %2 WHERE tenant_id = "
                             "$1::uuid), 0), coalesce((SELECT max(change_seq) FROM %1 WHERE "
                             "tenant_id = $1::uuid AND model = $2), 0), $3::regclass::oid::text, "
                             "coalesce((SELECT name = $2 FROM %3 WHERE tenant_id = $1::uuid ORDER "
                             "BY created_at DESC, name LIMIT 1), true)")
                  .arg(embs, docs, tables.models)),
        tenant, model, toStd(embs));
    Found found;
    found.modelIsCurrent = head[0][3].as<bool>();
    // Zero: the session sees none of the tenant's documents or vectors (row-level security,
    // or there are none): nothing to scan, and no right to a copy loaded by another session.
    const qint64 documentsSeen = head[0][0].as<qint64>(), vectorsSeen = head[0][1].as<qint64>();
    if (documentsSeen == 0 || vectorsSeen == 0)
        return found;
    // The table's oid in the key: a schema dropped and made again under the same name is
    // another table (as for the lexical index).
    auto text = [](const char *p) { return QString::fromUtf8(p ? p : ""); };
    const std::shared_ptr<VectorSet> set = sharedInProcess<VectorSet>(
        text(conn.dbname()) + QLatin1Char('/') + text(conn.hostname()) + QLatin1Char(':')
        + text(conn.port()) + QLatin1Char('/') + stringFromField(head[0][2]) + QLatin1Char('/')
        + QString::fromStdString(tenant));
    const auto dimension = Eigen::Index(q.size());
    auto isFresh = [&]() {
        std::shared_lock read(set->lock);
        // A copy at least as new as what this session sees (change numbers only grow).
        return set->model == model && set->documentsSeen >= documentsSeen
            && set->vectorsSeen >= vectorsSeen && set->dimension == dimension;
    };
    if (!isFresh()) {
        std::lock_guard one(set->loading);
        if (!isFresh()) {
            // Whole on the first search (or for another dimension), else what changed since:
            // vectors written, and documents retired or moved to another dataset. The writers
            // of a tenant's rows take turns (searchdocuments.cpp), so the change numbers up to
            // what this session saw are all committed.
            const bool whole
                = set->model != model || set->dimension != dimension || set->documentsSeen == 0;
            const QString select
                = QStringLiteral(
                      "SELECT e.source_type, e.source_id, d.dataset_id, e.packed, d.retired FROM "
                      "%1 e "
                      "JOIN %2 d ON d.tenant_id = e.tenant_id AND d.source_type = e.source_type "
                      "AND "
                      "d.source_id = e.source_id WHERE e.tenant_id = $1::uuid AND e.model = $2 AND "
                      "e.packed IS NOT NULL")
                      .arg(embs, docs);
            const pqxx::result rows = whole
                ? tx.exec_params(toStd(select + QStringLiteral(" AND NOT d.retired")), tenant,
                                 model)
                // Two index ranges — the vectors' change numbers, and the documents' (taken
                // first, each looked up by key: whatever the statistics say, which right after
                // a cold build still see empty tables) — rather than one OR, which would join
                // every row of the tenant.
                : tx.exec_params(
                    toStd(select + QStringLiteral(" AND e.change_seq > $3 UNION ALL ")
                          + QStringLiteral(
                                "(WITH changed AS MATERIALIZED (SELECT source_type, source_id, "
                                "dataset_id, retired FROM %2 WHERE tenant_id = $1::uuid AND "
                                "change_seq > $4) SELECT e.source_type, e.source_id, "
                                "c.dataset_id, e.packed, c.retired FROM changed c CROSS JOIN "
                                "LATERAL (SELECT x.source_type, x.source_id, x.packed FROM %1 x "
                                "WHERE x.tenant_id = $1::uuid AND x.source_type = c.source_type "
                                "AND x.source_id = c.source_id AND x.model = $2 AND x.packed IS "
                                "NOT NULL LIMIT 1) e)")
                                .arg(embs, docs)),
                    tenant, model, set->vectorsSeen, set->documentsSeen);
            const pqxx::result retired = whole
                ? pqxx::result()
                : tx.exec_params(toStd(QStringLiteral("SELECT source_type, source_id FROM %1 "
                                                      "WHERE tenant_id = $1::uuid AND "
                                                      "change_seq > $2 AND retired")
                                           .arg(docs)),
                                 tenant, set->documentsSeen);
            std::unique_lock write(set->lock);
            if (whole) {
                set->clear();
                set->model = model;
                set->dimension = dimension;
                set->matrix.reserve(rows.size() * size_t(dimension));
            }
            for (const auto &row : rows) {
                const QString type = stringFromField(row[0]), id = stringFromField(row[1]);
                const pqxx::binarystring b(row[3]);
                const EmbeddingVector v = searchdocs::unpackVector(
                    QByteArray(reinterpret_cast<const char *>(b.data()), qsizetype(b.size())));
                if (row[4].as<bool>() || Eigen::Index(v.size()) != dimension)
                    set->remove(type, id);
                else
                    set->put(type, id, stringFromField(row[2]), v);
            }
            for (const auto &row : retired)
                set->remove(stringFromField(row[0]), stringFromField(row[1]));
            // What the session saw before the rows were read: the rows are at least as new.
            set->documentsSeen = documentsSeen;
            set->vectorsSeen = vectorsSeen;
        }
    }

    const QString wantedDataset = query.datasetId.isEmpty()
        ? QString()
        : QUuid::fromString(query.datasetId).toString(QUuid::WithoutBraces);
    std::shared_lock read(set->lock); // another thread may have loaded a newer copy meanwhile
    if (set->model != model || set->dimension != dimension)
        return found; // replaced meanwhile by another model's vectors
    const auto n = Eigen::Index(set->sourceId.size());
    // Every row's inner product with the query at once (Eigen's vectorised matrix × vector).
    const Eigen::VectorXf scores
        = Eigen::Map<const Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
              set->matrix.data(), n, dimension)
        * Eigen::Map<const Eigen::VectorXf>(q.data(), dimension);
    const bool filtered = !wantedDataset.isEmpty() || !query.sourceTypes.isEmpty();
    std::vector<std::pair<float, quint32>> scored;
    scored.reserve(size_t(n));
    for (Eigen::Index i = 0; i < n; ++i) {
        if (filtered
            && ((!wantedDataset.isEmpty() && set->datasetId[size_t(i)] != wantedDataset)
                || (!query.sourceTypes.isEmpty()
                    && !query.sourceTypes.contains(set->sourceType[size_t(i)]))))
            continue;
        scored.emplace_back(scores[i], quint32(i));
    }
    const size_t k = std::min(scored.size(), size_t(std::max(0, query.keep)));
    // Ties by source type and id: the rows' order moves as rows are removed.
    std::partial_sort(
        scored.begin(), scored.begin() + qsizetype(k), scored.end(),
        [&](const auto &a, const auto &b) {
            if (a.first != b.first)
                return a.first > b.first;
            const int byType = set->sourceType[a.second].compare(set->sourceType[b.second]);
            return byType != 0 ? byType < 0 : set->sourceId[a.second] < set->sourceId[b.second];
        });
    found.best.reserve(k);
    for (size_t i = 0; i < k; ++i)
        found.best.emplace_back(set->sourceType[scored[i].second], set->sourceId[scored[i].second]);
    return found;
}

} // namespace ke::onlinevectors
