// The vector side of SearchIndex: hnswlib graph of distinct vectors, their groups, save/load
// with checksums, rebuild and re-embedding (searchindex_p.h).

#include "searchindex.h"
#include "searchindex_p.h"

#include <hnswlib/hnswlib.h>

#include "fulltextquery.h"
#include "textanalyzer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFuture>
#include <QSaveFile>
#include <QSet>
#include <QTemporaryFile>
#include <QThread>
#include <QTimeZone>
#include <QtConcurrent/QtConcurrentMap>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <exception>
#include <mutex>
#include <numeric>
#include <thread>

namespace ke {

using namespace searchindexdetail;

SearchIndex::Private::Private() = default;
SearchIndex::Private::~Private() = default;

size_t SearchIndex::Private::graphDimension() const
{
    return hnsw ? space->get_data_size() / sizeof(float) : 0;
}

size_t SearchIndex::Private::deletedGraphNodes() const
{
    return hnsw ? size_t(hnsw->num_deleted_) : 0;
}

std::vector<SearchIndex::Private::GraphHit> SearchIndex::Private::searchGraph(const float *query,
                                                                              size_t k) const
{
    std::vector<GraphHit> out;
    for (const auto &[distance, label] : hnsw->searchKnnCloserFirst(query, k))
        out.emplace_back(distance, size_t(label));
    return out;
}

std::vector<SearchIndex::Private::GraphHit> SearchIndex::Private::scanGraph(const float *query,
                                                                            size_t k) const
{
    const auto distance = space->get_dist_func();
    void *param = space->get_dist_func_param();
    std::vector<GraphHit> heap; // max-heap on distance: the worst of the best k on top
    const size_t n = hnsw->cur_element_count;
    for (size_t i = 0; i < n; ++i) {
        const auto internal = hnswlib::tableint(i);
        if (hnsw->isMarkedDeleted(internal))
            continue;
        const float dist = distance(query, hnsw->getDataByInternalId(internal), param);
        const size_t label = size_t(hnsw->getExternalLabel(internal));
        if (heap.size() < k) {
            heap.emplace_back(dist, label);
            std::push_heap(heap.begin(), heap.end());
        } else if (dist < heap.front().first) {
            std::pop_heap(heap.begin(), heap.end());
            heap.back() = {dist, label};
            std::push_heap(heap.begin(), heap.end());
        }
    }
    std::sort_heap(heap.begin(), heap.end());
    return heap;
}

std::vector<float> SearchIndex::Private::groupVector(qint64 group) const
{
    return hnsw->getDataByLabel<float>(hnswlib::labeltype(group));
}

void SearchIndex::Private::newVectorIndex(int dimension, size_t capacity)
{
    hnsw.reset();
    groups.clear();
    space = std::make_unique<hnswlib::InnerProductSpace>(size_t(dimension));
    hnsw = std::make_unique<hnswlib::HierarchicalNSW<float>>(
        space.get(), std::max<size_t>(capacity, 1024), kHnswM, kHnswEfConstruction);
    hnsw->setEf(kHnswEfSearch);
}

namespace {

/// "cannot write PATH: WHY", the error of every step of saving the vector index files.
Error writeError(const QString &path, const QString &why)
{
    return makeError(ErrorCode::Io, SearchIndex::tr("cannot write %1: %2").arg(path, why));
}

quint64 vectorHash(const float *v, size_t dim)
{
    return fnv1a(1469598103934665603ULL, reinterpret_cast<const char *>(v),
                 qint64(dim * sizeof(float)));
}

} // namespace

qint64 SearchIndex::Private::groupOf(qint64 document) const
{
    const auto it = groups.groupOf.find(document);
    return it == groups.groupOf.end() ? -1 : qint64(it->second);
}

void SearchIndex::Private::removeVector(qint64 id)
{
    const auto it = groups.groupOf.find(id);
    if (it == groups.groupOf.end())
        return;
    const quint32 label = it->second;
    groups.groupOf.erase(it);
    std::vector<qint64> &docs = groups.documents[label];
    docs.erase(std::remove(docs.begin(), docs.end(), id), docs.end());
    if (!docs.empty())
        return;
    docs.shrink_to_fit();
    --groups.live;
    const auto h = groups.byHash.find(groups.hashes[label]);
    if (h != groups.byHash.end() && h->second == label)
        groups.byHash.erase(h);
    try {
        hnsw->markDelete(hnswlib::labeltype(label));
    } catch (const std::exception &) {
        // Already deleted: nothing to do.
    }
}

void SearchIndex::Private::addVectors(const qint64 *ids, const float *data, size_t n)
{
    if (n == 0)
        return;
    const size_t dim = space->get_data_size() / sizeof(float);
    const size_t bytes = dim * sizeof(float);
    // 1. Group (one thread): a vector equal to a live group's joins it; the rest start groups.
    std::vector<std::pair<hnswlib::labeltype, const float *>> fresh;
    std::unordered_map<quint32, const float *> freshData; // groups started in this call
    // The same document twice in one call: only its last vector counts.
    std::unordered_map<qint64, size_t> last;
    last.reserve(n);
    for (size_t i = 0; i < n; ++i)
        last[ids[i]] = i;
    auto vectorOf = [&](quint32 label) {
        const auto f = freshData.find(label);
        return f != freshData.end() ? f->second
                                    : reinterpret_cast<const float *>(
                                        hnsw->getDataByInternalId(hnsw->label_lookup_.at(label)));
    };
    for (size_t i = 0; i < n; ++i) {
        const qint64 id = ids[i];
        if (last[id] != i)
            continue;
        const float *v = data + i * dim;
        const quint64 h = vectorHash(v, dim);
        // Unchanged (a re-upsert for another field, e.g. the feedback score): nothing to do —
        // deleting and re-adding would leave a dead node in the graph each time.
        if (const auto current = groups.groupOf.find(id); current != groups.groupOf.end()
            && groups.hashes[current->second] == h
            && std::memcmp(vectorOf(current->second), v, bytes) == 0)
            continue;
        removeVector(id);
        const auto found = groups.byHash.find(h);
        if (found != groups.byHash.end()) {
            const quint32 label = found->second;
            if (std::memcmp(vectorOf(label), v, bytes) == 0) {
                groups.documents[label].push_back(id);
                groups.groupOf.emplace(id, label);
                continue;
            }
        }
        const auto label = quint32(groups.documents.size());
        groups.documents.push_back({id});
        groups.hashes.push_back(h);
        groups.groupOf.emplace(id, label);
        groups.byHash.try_emplace(h, label); // a (vanishingly rare) collision stays unshared
        ++groups.live;
        freshData.emplace(label, v);
        fresh.emplace_back(hnswlib::labeltype(label), v);
    }
    if (fresh.empty())
        return;

    // 2. The new groups' vectors into the graph, from every core.
    const size_t m = fresh.size();
    const size_t needed = hnsw->cur_element_count + m;
    if (needed > hnsw->max_elements_)
        hnsw->resizeIndex(std::max(needed + needed / 4, hnsw->max_elements_ * 2));
    size_t start = 0;
    if (hnsw->cur_element_count == 0) { // the entry point, alone
        hnsw->addPoint(fresh[0].second, fresh[0].first);
        start = 1;
    }
    const int threads = workerThreads();
    if (threads == 1 || m - start < 256) {
        for (size_t i = start; i < m; ++i)
            hnsw->addPoint(fresh[i].second, fresh[i].first);
        return;
    }
    std::atomic<size_t> next{start};
    std::exception_ptr failure;
    std::mutex failureMutex;
    auto work = [&] {
        try {
            while (true) {
                const size_t begin = next.fetch_add(64);
                if (begin >= m)
                    break;
                const size_t end = std::min(m, begin + 64);
                for (size_t i = begin; i < end; ++i)
                    hnsw->addPoint(fresh[i].second, fresh[i].first);
            }
        } catch (...) {
            std::lock_guard<std::mutex> l(failureMutex);
            if (!failure)
                failure = std::current_exception();
            next.store(m);
        }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(work);
    work();
    for (std::thread &t : pool)
        t.join();
    if (failure)
        std::rethrow_exception(failure);
}

Result<std::optional<SearchIndex::Private::StoredVectors>>
SearchIndex::Private::storedVectors() const
{
    StoredVectors v;
    {
        QMutexLocker lock(&stateMutex);
        if (!embedder || embedder->name().isEmpty())
            return std::optional<StoredVectors>();
        v.model = embedder->name();
        v.dimension = embedder->dimension();
    }
    auto h = db();
    if (!h)
        return h.error();
    v.db = *h;
    SqliteStatement c(v.db, "SELECT count(*) FROM embeddings WHERE model = ?1 AND dimension = ?2");
    c.bind(1, v.model);
    c.bind(2, qint64(v.dimension));
    if (c.step() == SQLITE_ROW)
        v.count = c.int64(0);
    return std::optional<StoredVectors>(v);
}

Result<void> SearchIndex::Private::rebuildVectorsFromSqlite()
{
    hnsw.reset();
    space.reset();
    vectorsDirty = true;
    auto stored = storedVectors();
    if (!stored)
        return stored.error();
    if (!*stored)
        return {};
    return rebuildVectors(**stored);
}

Result<void> SearchIndex::Private::rebuildVectors(const StoredVectors &stored)
{
    const auto &[h, model, dim, count] = stored;
    SqliteStatement s(h,
                      "SELECT document_id, vector FROM embeddings "
                      "WHERE model = ?1 AND dimension = ?2");
    if (!s.isValid())
        return sqliteError(h, SearchIndex::tr("reading vectors"));
    s.bind(1, model);
    s.bind(2, qint64(dim));
    try {
        newVectorIndex(dim, size_t(count + count / 4 + 16));
        // In slices, so the whole vector set is never held twice in memory.
        constexpr size_t kSlice = 50000;
        std::vector<qint64> ids;
        std::vector<float> data;
        ids.reserve(kSlice);
        data.reserve(kSlice * size_t(dim));
        auto flush = [&] {
            addVectors(ids.data(), data.data(), ids.size());
            ids.clear();
            data.clear();
        };
        while (s.step() == SQLITE_ROW) {
            if (sqlite3_column_bytes(s.get(), 1) != dim * int(sizeof(float)))
                continue;
            const auto *v = static_cast<const float *>(sqlite3_column_blob(s.get(), 1));
            ids.push_back(s.int64(0));
            data.insert(data.end(), v, v + dim);
            if (ids.size() >= kSlice)
                flush();
        }
        flush();
    } catch (const std::exception &e) {
        hnsw.reset();
        return makeError(
            ErrorCode::VectorIndex,
            SearchIndex::tr("cannot build the vector index: %1").arg(QString::fromUtf8(e.what())));
    }
    return {};
}

Result<void> SearchIndex::Private::saveVectors()
{
    if (!hnsw) {
        QFile::remove(vectorHeaderPath);
        QFile::remove(vectorPath);
        QFile::remove(groupsPath);
        clearUnsavedMark();
        return {};
    }
    // hnswlib writes its own file; we write it under a temporary name, rename it into place,
    // then commit the header that vouches for it (model, dimension, count, size, checksum).
    // A crash between the two leaves a header that does not match: detected, rebuilt.
    // A name of its own (two savers never share one; OfflineCache's files.lock also
    // serialises processes), removed unless it is renamed into place.
    QTemporaryFile reserved(vectorPath + QStringLiteral(".XXXXXX.tmp"));
    if (!reserved.open())
        return writeError(dir, reserved.errorString());
    const QString tmp = reserved.fileName();
    reserved.close();
    try {
        hnsw->saveIndex(tmp.toStdString());
    } catch (const std::exception &e) {
        return writeError(tmp, QString::fromUtf8(e.what()));
    }
    qint64 size = 0;
    auto sum = fileChecksum(tmp, &size);
    if (!sum)
        return writeError(tmp, sum.error().message);
    restrictToOwner(tmp);
    QFile::remove(vectorHeaderPath); // the old header no longer vouches for anything
    if (std::rename(QFile::encodeName(tmp).constData(), QFile::encodeName(vectorPath).constData())
        != 0)
        return makeError(ErrorCode::Io,
                         SearchIndex::tr("cannot rename %1 to %2").arg(tmp, vectorPath));
    reserved.setAutoRemove(false); // renamed: nothing left to remove
    // The groups: which documents share each graph node's vector.
    {
        QSaveFile gf(groupsPath);
        if (!gf.open(QIODevice::WriteOnly))
            return writeError(groupsPath, gf.errorString());
        QDataStream out(&gf);
        out << quint64(groups.documents.size());
        for (size_t label = 0; label < groups.documents.size(); ++label) {
            const std::vector<qint64> &docs = groups.documents[label];
            out << quint64(groups.hashes[label]) << quint32(docs.size());
            for (qint64 id : docs)
                out << id;
        }
        if (out.status() != QDataStream::Ok || !gf.commit())
            return writeError(groupsPath, gf.errorString());
    }
    restrictToOwner(groupsPath);
    qint64 groupsSize = 0;
    auto groupsSum = fileChecksum(groupsPath, &groupsSize);
    if (!groupsSum)
        return writeError(groupsPath, groupsSum.error().message);
    QSaveFile header(vectorHeaderPath);
    if (!header.open(QIODevice::WriteOnly))
        return writeError(vectorHeaderPath, header.errorString());
    QDataStream out(&header);
    out.writeRawData(kVectorMagic, sizeof kVectorMagic);
    out << currentModelName() << quint32(space ? space->get_data_size() / sizeof(float) : 0)
        << quint64(hnsw->cur_element_count) << quint64(hnsw->num_deleted_) << qint64(size)
        << quint64(*sum) << quint64(groups.documentCount()) << qint64(groupsSize)
        << quint64(*groupsSum);
    if (!header.commit())
        return writeError(vectorHeaderPath, header.errorString());
    restrictToOwner(vectorHeaderPath);
    vectorsDirty = false;
    clearUnsavedMark();
    return {};
}

void SearchIndex::Private::clearUnsavedMark()
{
    // Best effort: left set, it costs one needless rebuild on the next open.
    if (auto h = db())
        sqlite3_exec(*h, "DELETE FROM meta WHERE key = 'vectors.unsaved'", nullptr, nullptr,
                     nullptr);
}

bool SearchIndex::Private::loadGroups(quint64 labels, quint64 live, quint64 documents)
{
    groups.clear();
    QFile f(groupsPath);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    QDataStream in(&f);
    quint64 count = 0;
    in >> count;
    if (in.status() != QDataStream::Ok || count != labels)
        return false;
    groups.documents.resize(size_t(count));
    groups.hashes.resize(size_t(count));
    groups.groupOf.reserve(size_t(documents));
    for (quint64 label = 0; label < count; ++label) {
        quint64 hash = 0;
        quint32 n = 0;
        in >> hash >> n;
        if (in.status() != QDataStream::Ok || n > documents)
            return false;
        groups.hashes[label] = hash;
        std::vector<qint64> &docs = groups.documents[label];
        docs.resize(n);
        for (quint32 i = 0; i < n; ++i) {
            in >> docs[i];
            groups.groupOf.emplace(docs[i], quint32(label));
        }
        if (n > 0) {
            ++groups.live;
            groups.byHash.try_emplace(hash, quint32(label));
        }
    }
    if (in.status() != QDataStream::Ok || groups.live != live
        || groups.documentCount() != documents) {
        groups.clear();
        return false;
    }
    return true;
}

Result<void> SearchIndex::Private::loadOrRebuildVectors()
{
    QWriteLocker lock(&vectorLock);
    auto vectors = storedVectors();
    if (!vectors)
        return vectors.error();
    if (!*vectors)
        return {};
    const auto [h, model, dim, stored] = **vectors;
    bool unsaved = false;
    {
        SqliteStatement u(h, "SELECT value FROM meta WHERE key = 'vectors.unsaved'");
        unsaved = u.step() == SQLITE_ROW && u.text(0) == QLatin1String("1");
    }
    QString problem;
    if (!QFileInfo::exists(vectorHeaderPath) || !QFileInfo::exists(vectorPath)) {
        if (stored > 0)
            problem = SearchIndex::tr("the vector index file is missing");
    } else {
        QFile hf(vectorHeaderPath);
        char magic[8] = {};
        QString fileModel;
        quint32 fileDim = 0;
        quint64 elements = 0, deleted = 0, sum = 0, documents = 0, groupsSum = 0;
        qint64 size = 0, groupsSize = 0;
        if (hf.open(QIODevice::ReadOnly)) {
            QDataStream in(&hf);
            in.readRawData(magic, sizeof magic);
            in >> fileModel >> fileDim >> elements >> deleted >> size >> sum >> documents
                >> groupsSize >> groupsSum;
            if (in.status() != QDataStream::Ok
                || std::memcmp(magic, kVectorMagic, sizeof magic) != 0)
                problem = SearchIndex::tr("the vector index header is damaged");
        } else {
            problem = SearchIndex::tr("the vector index header cannot be read");
        }
        if (problem.isEmpty() && (fileModel != model || int(fileDim) != dim))
            problem = SearchIndex::tr("the vector index was built by another model");
        if (problem.isEmpty() && unsaved && !snapshot)
            problem = SearchIndex::tr("the vector index is older than the documents (a sync "
                                      "was interrupted)");
        if (problem.isEmpty() && qint64(documents) != stored && snapshot) {
            // A writer is between two saves: its pages are in SQLite, its graph in memory.
            QMutexLocker l(&stateMutex);
            recoveryNote = SearchIndex::tr("a sync is writing the cache: the vector index is the "
                                           "one saved last (%1 of %2 vectors)")
                               .arg(documents)
                               .arg(stored);
        } else if (problem.isEmpty() && qint64(documents) != stored)
            problem = SearchIndex::tr("the vector index holds %1 vectors, the cache %2")
                          .arg(documents)
                          .arg(stored);
        if (problem.isEmpty()) {
            qint64 actual = 0;
            auto actualSum = fileChecksum(vectorPath, &actual);
            if (!actualSum || actual != size || *actualSum != sum)
                problem = SearchIndex::tr("the vector index file is truncated or damaged");
        }
        if (problem.isEmpty()) {
            qint64 actual = 0;
            auto actualSum = fileChecksum(groupsPath, &actual);
            if (!actualSum || actual != groupsSize || *actualSum != groupsSum)
                problem = SearchIndex::tr("the vector index file is truncated or damaged");
        }
        if (problem.isEmpty()) {
            try {
                space = std::make_unique<hnswlib::InnerProductSpace>(size_t(dim));
                hnsw = std::make_unique<hnswlib::HierarchicalNSW<float>>(space.get());
                // hnswlib 0.6.2's loading constructor leaves num_deleted_ uninitialised and
                // loadIndex only adds to it: start it at zero.
                hnsw->num_deleted_ = 0;
                hnsw->cur_element_count = 0;
                hnsw->loadIndex(vectorPath.toStdString(), space.get());
                hnsw->setEf(kHnswEfSearch);
                if (loadGroups(elements, elements - deleted, documents)) {
                    vectorsDirty = false;
                    return {};
                }
                hnsw.reset();
                problem = SearchIndex::tr("the vector index file is truncated or damaged");
            } catch (const std::exception &e) {
                // A half-loaded hnswlib object may hold uninitialised pointers that its
                // destructor would free: leak it instead (only on out-of-memory, since the
                // checksum already vouched for the file).
                (void)hnsw.release();
                problem = SearchIndex::tr("the vector index cannot be loaded (%1)")
                              .arg(QString::fromUtf8(e.what()));
            }
        }
    }
    if (stored == 0 && problem.isEmpty()) {
        hnsw.reset();
        return {};
    }
    if (snapshot) {
        // Never rebuild under a writer's feet: search without the vector signal for now.
        hnsw.reset();
        QMutexLocker l(&stateMutex);
        recoveryNote = SearchIndex::tr("%1; a sync is writing the cache, so vector matches are "
                                       "left out until it is done")
                           .arg(problem);
        return {};
    }
    auto r = rebuildVectorsFromSqlite();
    if (!r)
        return r;
    {
        QMutexLocker l(&stateMutex);
        recoveryNote
            = SearchIndex::tr("%1; rebuilt it from %2 stored vectors").arg(problem).arg(stored);
    }
    return saveVectors();
}

Result<void> SearchIndex::Private::storeEmbeddings(sqlite3 *h, const QList<qint64> &ids,
                                                   const std::vector<EmbeddingVector> &vectors,
                                                   const Embedder &emb)
{
    SqliteStatement s(h,
                      "INSERT OR REPLACE INTO embeddings (document_id, model, dimension, "
                      "vector) VALUES (?1, ?2, ?3, ?4)");
    if (!s.isValid())
        return sqliteError(h, SearchIndex::tr("storing vectors"));
    const QString model = emb.name();
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const EmbeddingVector &v = vectors[size_t(i)];
        if (int(v.size()) != emb.dimension())
            return makeError(ErrorCode::Embedder,
                             SearchIndex::tr("the model %1 returned a vector of %2 dimensions "
                                             "instead of %3")
                                 .arg(model)
                                 .arg(v.size())
                                 .arg(emb.dimension()));
        s.reset();
        s.bind(1, ids.at(i));
        s.bind(2, model);
        s.bind(3, qint64(v.size()));
        s.bindBlob(4, v.data(), int(v.size() * sizeof(float)));
        if (s.step() != SQLITE_DONE)
            return sqliteError(h, SearchIndex::tr("storing vectors"));
    }
    return {};
}

Result<void> SearchIndex::Private::reembedAll(const std::shared_ptr<const Embedder> &emb)
{
    QMutexLocker wl(&writeMutex);
    auto h = beginWrite();
    if (!h)
        return h.error();
    auto fail = [&](Error e) { return rollback(*h, std::move(e)); };
    auto r = exec(*h, "DELETE FROM embeddings");
    if (!r)
        return fail(r.error());
    {
        SqliteStatement s(*h, "SELECT id, content FROM documents ORDER BY id");
        QList<qint64> ids;
        QStringList texts;
        auto flush = [&]() -> Result<void> {
            if (ids.isEmpty())
                return {};
            auto v = embedInParallel(*emb, texts);
            if (!v)
                return v.error();
            auto st = storeEmbeddings(*h, ids, *v, *emb);
            ids.clear();
            texts.clear();
            return st;
        };
        while (s.step() == SQLITE_ROW) {
            ids.append(s.int64(0));
            texts.append(s.text(1));
            if (ids.size() >= 8192) {
                auto f = flush();
                if (!f)
                    return fail(f.error());
            }
        }
        auto f = flush();
        if (!f)
            return fail(f.error());
    }
    r = exec(*h, "COMMIT");
    if (!r)
        return fail(r.error());
    {
        QMutexLocker l(&stateMutex);
        embedder = emb;
    }
    QWriteLocker vl(&vectorLock);
    auto rb = rebuildVectorsFromSqlite();
    if (!rb)
        return rb;
    return saveVectors();
}

} // namespace ke
