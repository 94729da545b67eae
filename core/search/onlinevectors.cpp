#include "onlinevectors_p.h"

#include "database_p.h"
#include "processshared_p.h"
#include "searchdocuments_p.h"

#include <QUuid>

#include <Eigen/Core>

#include <algorithm>
#include <memory>
#include <mutex>
#include <shared_mutex>

namespace ke::onlinevectors {

namespace {

/// One tenant's vectors of one model: a row-major matrix (one row per live document with a
/// vector of the model's dimension) and each row's document. `lock` guards the data (shared
/// by scans, exclusive while a reload swaps it in), `loading` lets one thread at a time read
/// the table.
struct VectorSet
{
    std::shared_mutex lock;
    std::mutex loading;
    qint64 documentsSeen = 0; ///< the newest change_seq of the documents when loaded
    qint64 vectorsSeen = 0; ///< and of the vectors of the model
    Eigen::Index dimension = 0;
    std::vector<float> matrix;
    std::vector<QString> sourceType, sourceId, datasetId;
};

} // namespace

std::vector<std::pair<QString, QString>> top(pqxx::transaction_base &tx, pqxx::connection &conn,
                                             const QString &docs, const QString &embs,
                                             const std::string &tenant, const std::string &model,
                                             const Query &query)
{
    const EmbeddingVector &q = *query.vector;
    const pqxx::result head = execPrepared(
        tx, conn, "ke_vectors_",
        toStd(QStringLiteral("SELECT coalesce((SELECT max(change_seq) FROM %2 WHERE tenant_id = "
                             "$1::uuid), 0), coalesce((SELECT max(change_seq) FROM %1 WHERE "
                             "tenant_id = $1::uuid AND model = $2), 0), $3::regclass::oid::text")
                  .arg(embs, docs)),
        tenant, model, toStd(embs));
    // Zero: the session sees none of the tenant's documents or vectors (row-level security,
    // or there are none): nothing to scan, and no right to a copy loaded by another session.
    const qint64 documentsSeen = head[0][0].as<qint64>(), vectorsSeen = head[0][1].as<qint64>();
    if (documentsSeen == 0 || vectorsSeen == 0)
        return {};
    // The table's oid in the key: a schema dropped and made again under the same name is
    // another table (as for the lexical index).
    auto text = [](const char *p) { return QString::fromUtf8(p ? p : ""); };
    const std::shared_ptr<VectorSet> set = sharedInProcess<VectorSet>(
        text(conn.dbname()) + QLatin1Char('/') + text(conn.hostname()) + QLatin1Char(':')
        + text(conn.port()) + QLatin1Char('/') + stringFromField(head[0][2]) + QLatin1Char('/')
        + QString::fromStdString(tenant) + QLatin1Char('/') + QString::fromStdString(model));
    const auto dimension = Eigen::Index(q.size());
    auto isFresh = [&]() {
        std::shared_lock read(set->lock);
        // A copy at least as new as what this session sees (change numbers only grow).
        return set->documentsSeen >= documentsSeen && set->vectorsSeen >= vectorsSeen
            && set->dimension == dimension;
    };
    if (!isFresh()) {
        std::lock_guard one(set->loading);
        if (!isFresh()) {
            const pqxx::result rows = tx.exec_params(
                toStd(QStringLiteral(
                          "SELECT e.source_type, e.source_id, d.dataset_id, e.packed FROM %1 e "
                          "JOIN %2 d ON d.tenant_id = e.tenant_id AND d.source_type = "
                          "e.source_type AND d.source_id = e.source_id WHERE e.tenant_id = "
                          "$1::uuid AND e.model = $2 AND NOT d.retired AND e.packed IS NOT NULL "
                          "ORDER BY e.source_type, e.source_id")
                          .arg(embs, docs)),
                tenant, model);
            std::vector<float> matrix;
            std::vector<QString> types, ids, datasets;
            matrix.reserve(rows.size() * size_t(dimension));
            for (const auto &row : rows) {
                const pqxx::binarystring b(row[3]);
                const EmbeddingVector v = searchdocs::unpackVector(
                    QByteArray(reinterpret_cast<const char *>(b.data()), qsizetype(b.size())));
                if (Eigen::Index(v.size()) != dimension)
                    continue;
                matrix.insert(matrix.end(), v.begin(), v.end());
                types.push_back(stringFromField(row[0]));
                ids.push_back(stringFromField(row[1]));
                datasets.push_back(stringFromField(row[2]));
            }
            std::unique_lock write(set->lock);
            set->matrix = std::move(matrix);
            set->sourceType = std::move(types);
            set->sourceId = std::move(ids);
            set->datasetId = std::move(datasets);
            set->dimension = dimension;
            // What the session saw before the rows were read: the rows are at least as new.
            set->documentsSeen = documentsSeen;
            set->vectorsSeen = vectorsSeen;
        }
    }

    const QString wantedDataset = query.datasetId.isEmpty()
        ? QString()
        : QUuid::fromString(query.datasetId).toString(QUuid::WithoutBraces);
    std::shared_lock read(set->lock); // another thread may have loaded a newer copy meanwhile
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
    std::partial_sort(scored.begin(), scored.begin() + qsizetype(k), scored.end(),
                      [](const auto &a, const auto &b) {
                          return a.first > b.first || (a.first == b.first && a.second < b.second);
                      });
    std::vector<std::pair<QString, QString>> out;
    out.reserve(k);
    for (size_t i = 0; i < k; ++i)
        out.emplace_back(set->sourceType[scored[i].second], set->sourceId[scored[i].second]);
    return out;
}

} // namespace ke::onlinevectors
