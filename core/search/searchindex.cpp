#include "searchindex.h"
#include "searchindex_p.h"
#include "sqliteprocess_p.h"

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

Result<sqlite3 *> SearchIndex::Private::db() const
{
    QMutexLocker lock(&handlesMutex);
    const Qt::HANDLE tid = QThread::currentThreadId();
    if (sqlite3 *h = handles.value(tid))
        return h;
    sqlite3 *h = nullptr;
    configureSqliteForThisProcess();
    const int rc = sqlite3_open_v2(utf8(dbPath).constData(), &h,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                   nullptr);
    if (rc != SQLITE_OK) {
        const QString msg = h ? QString::fromUtf8(sqlite3_errmsg(h)) : QString();
        sqlite3_close(h);
        return makeError(ErrorCode::Io,
                         SearchIndex::tr("cannot open the search cache %1: %2 — check the "
                                         "directory's permissions and free space")
                             .arg(dbPath, msg));
    }
    sqlite3_busy_timeout(h, 10000);
    sqlite3_exec(h, "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;", nullptr, nullptr,
                 nullptr);
    registerRankingFunction(h);
    handles.insert(tid, h);
    return h;
}

Error SearchIndex::Private::sqliteError(sqlite3 *h, const QString &what) const
{
    return makeError(ErrorCode::CacheError,
                     SearchIndex::tr("%1 failed in the search cache %2: %3")
                         .arg(what, dbPath, QString::fromUtf8(sqlite3_errmsg(h))));
}

Result<void> SearchIndex::Private::exec(sqlite3 *h, const char *sql) const
{
    if (sqlite3_exec(h, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
        return sqliteError(h, QString::fromUtf8(sql).left(40));
    return {};
}

Result<void> SearchIndex::Private::createSchema()
{
    auto h = db();
    if (!h)
        return h.error();
    // WAL lets readers on other threads run while one writer writes.
    auto r = exec(*h, "PRAGMA journal_mode=WAL");
    if (!r)
        return r;
    return exec(*h, R"sql(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    source_type TEXT NOT NULL,
    source_id TEXT NOT NULL,
    dataset_id TEXT,
    investigation_id TEXT,
    created_at INTEGER,            -- ms since the epoch, UTC; NULL when unknown
    feedback_score REAL NOT NULL DEFAULT 0,
    content TEXT NOT NULL,
    UNIQUE (source_type, source_id));

CREATE INDEX IF NOT EXISTS documents_dataset ON documents (dataset_id, source_type);
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    content, content='documents', content_rowid='id', tokenize='porter unicode61');
-- Document frequency per (stemmed) term, for pruning very common query words.
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts_vocab USING fts5vocab(documents_fts, row);
CREATE TRIGGER IF NOT EXISTS documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, content) VALUES (new.id, new.content);
END;
CREATE TRIGGER IF NOT EXISTS documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, content) VALUES ('delete', old.id, old.content);
END;
CREATE TRIGGER IF NOT EXISTS documents_au AFTER UPDATE OF content ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, content) VALUES ('delete', old.id, old.content);
    INSERT INTO documents_fts (rowid, content) VALUES (new.id, new.content);
END;
-- Every vector with the model that made it; vectors of another model are never compared.
CREATE TABLE IF NOT EXISTS embeddings (
    document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    model TEXT NOT NULL,
    dimension INTEGER NOT NULL,
    vector BLOB NOT NULL);
)sql");
}

QList<qint64> SearchIndex::Private::documentFrequencies(sqlite3 *h, const QStringList &words) const
{
    QList<qint64> out;
    out.reserve(words.size());
    {
        QMutexLocker l(&stateMutex);
        for (const QString &w : words) {
            const auto it = termDocuments.find(textanalyzer::view(w));
            out.append(it == termDocuments.end() ? -1 : it->second);
        }
    }
    if (std::find_if(out.cbegin(), out.cend(), [](qint64 n) { return n < 0; }) == out.cend())
        return out; // every word known: no statement to prepare (~0.1 ms for the two)
    SqliteStatement vocabulary(h, "SELECT doc FROM documents_fts_vocab WHERE term = ?1");
    SqliteStatement matching(h, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?1");
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (out.at(i) >= 0)
            continue;
        // The word as the FTS5 tokenizer indexes it. A word it splits into several tokens
        // (rare: unicode61's and QChar's letter classes differ a little) is a phrase:
        // count its rows.
        const QStringList tokens = indexTokens(h, words.at(i));
        qint64 n = 0;
        SqliteStatement &s = tokens.size() == 1 ? vocabulary : matching;
        if (!tokens.isEmpty() && s.isValid()) {
            s.reset();
            s.bind(1,
                   tokens.size() == 1 ? tokens.front()
                                      : fulltextquery::toFts5(QStringList{words.at(i)}));
            if (s.step() == SQLITE_ROW)
                n = s.int64(0);
        }
        out[i] = n;
        QMutexLocker l(&stateMutex);
        termDocuments.insert_or_assign(std::u16string(textanalyzer::view(words.at(i))), n);
    }
    return out;
}

QString SearchIndex::Private::currentModelName() const
{
    QMutexLocker lock(&stateMutex);
    return embedder ? embedder->name() : QString();
}

Result<sqlite3 *> SearchIndex::Private::beginWrite() const
{
    auto h = db();
    if (!h)
        return h.error();
    auto r = exec(*h, "BEGIN IMMEDIATE");
    if (!r)
        return r.error();
    return *h;
}

Error SearchIndex::Private::rollback(sqlite3 *db, Error e)
{
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    return e;
}

// ---------------------------------------------------------------- SearchIndex

SearchIndex::SearchIndex()
    : d(std::make_unique<Private>())
{
    // One long-lived helper thread: its SQLite handle is opened once and reused (pool
    // threads of the global pool expire after 30 s, and each new one would open another).
    d->helperPool.setMaxThreadCount(1);
    d->helperPool.setExpiryTimeout(-1);
}

SearchIndex::~SearchIndex()
{
    {
        QWriteLocker lock(&d->vectorLock);
        if (d->vectorsDirty)
            (void)d->saveVectors();
    }
    QMutexLocker lock(&d->handlesMutex);
    for (sqlite3 *h : std::as_const(d->handles))
        sqlite3_close(h);
    d->handles.clear();
}

Result<std::unique_ptr<SearchIndex>> SearchIndex::open(const QString &directory, OpenMode mode)
{
    if (!QDir().mkpath(directory))
        return makeError(ErrorCode::Io,
                         tr("cannot create the search cache directory %1 — check its parent's "
                            "permissions")
                             .arg(directory));
    QFile::setPermissions(directory,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    std::unique_ptr<SearchIndex> index(new SearchIndex);
    Private &p = *index->d;
    p.dir = QDir(directory).absolutePath();
    p.dbPath = p.dir + QStringLiteral("/search.sqlite");
    p.vectorPath = p.dir + QStringLiteral("/vectors.hnsw");
    p.vectorHeaderPath = p.dir + QStringLiteral("/vectors.hnsw.header");
    p.groupsPath = p.dir + QStringLiteral("/vectors.groups");
    p.modelPath = p.dir + QStringLiteral("/model.lsa");
    p.snapshot = mode == OpenMode::Snapshot;
    auto r = p.createSchema();
    if (!r)
        return r.error();
    for (const char *suffix : {"", "-wal", "-shm"})
        restrictToOwner(p.dbPath + QLatin1String(suffix));

    if (QFileInfo::exists(p.modelPath)) {
        auto model = LsaEmbedder::load(p.modelPath);
        if (model) {
            p.embedder = std::make_shared<LsaEmbedder>(std::move(*model));
        } else {
            // The model is needed to embed queries like the documents were: relearn it.
            p.recoveryNote = model.error().message;
            if (p.snapshot)
                return index; // lexical only until the writer is done
            auto learned = index->learnLocalEmbedder();
            if (!learned)
                return learned.error();
            return index;
        }
    }
    r = p.loadOrRebuildVectors();
    if (!r)
        return r.error();
    return index;
}

QString SearchIndex::directory() const
{
    return d->dir;
}

QString SearchIndex::recoveryNote() const
{
    QMutexLocker l(&d->stateMutex);
    return d->recoveryNote;
}

std::shared_ptr<const Embedder> SearchIndex::embedder() const
{
    QMutexLocker l(&d->stateMutex);
    return d->embedder;
}

Result<void> SearchIndex::setEmbedder(std::shared_ptr<const Embedder> embedder)
{
    if (!embedder)
        return makeError(ErrorCode::Embedder, tr("no embedder given"));
    if (d->currentModelName() == embedder->name())
        return {};
    // A local model is kept beside the index: queries must be embedded with it after a
    // restart too.
    if (const auto *lsa = dynamic_cast<const LsaEmbedder *>(embedder.get())) {
        auto saved = lsa->save(d->modelPath);
        if (!saved)
            return saved;
        restrictToOwner(d->modelPath);
    }
    return d->reembedAll(embedder);
}

Result<void> SearchIndex::learnLocalEmbedder(const LsaEmbedder::Options &options,
                                             int maxTrainingDocuments)
{
    auto h = d->db();
    if (!h)
        return h.error();
    QStringList corpus;
    {
        qint64 count = 0, maxId = 0;
        {
            SqliteStatement c(*h, "SELECT count(*), coalesce(max(id), 0) FROM documents");
            if (c.step() == SQLITE_ROW) {
                count = c.int64(0);
                maxId = c.int64(1);
            }
        }
        // An evenly spread, reproducible sample: every step-th id.
        const qint64 cap = std::max(1, maxTrainingDocuments);
        const qint64 step = count > cap ? (maxId + cap - 1) / cap : 1;
        SqliteStatement s(*h, "SELECT content FROM documents WHERE id % ?1 = 0 ORDER BY id");
        s.bind(1, step);
        while (s.step() == SQLITE_ROW)
            corpus.append(s.text(0));
    }
    auto model = LsaEmbedder::train(corpus, options);
    corpus.clear();
    if (!model)
        return model.error();
    auto saved = model->save(d->modelPath);
    if (!saved)
        return saved;
    restrictToOwner(d->modelPath);
    return d->reembedAll(std::make_shared<LsaEmbedder>(std::move(*model)));
}

void SearchIndex::Private::invalidateStatistics()
{
    QMutexLocker l(&stateMutex);
    termDocuments.clear();
    cachedDocumentCount = -1;
}

Result<SearchIndex::ChangeCounts>
SearchIndex::Private::apply(const QList<SearchDocument> &documents,
                            const QList<QPair<QString, QString>> &removals,
                            const QList<QPair<QString, QString>> &meta)
{
    SearchIndex::ChangeCounts counts;
    const auto emb = [&] {
        QMutexLocker l(&stateMutex);
        return embedder;
    }();
    std::vector<EmbeddingVector> vectors;
    if (emb && !documents.isEmpty()) {
        QStringList texts;
        texts.reserve(documents.size());
        for (const SearchDocument &doc : documents)
            texts.append(doc.content);
        auto v = embedInParallel(*emb, texts);
        if (!v)
            return v.error();
        vectors = std::move(*v);
    }
    QMutexLocker wl(&writeMutex);
    auto h = beginWrite();
    if (!h)
        return h.error();
    auto fail = [&](Error e) { return rollback(*h, std::move(e)); };
    Result<void> r;
    invalidateStatistics();
    qint64 maxIdBefore = 0;
    {
        SqliteStatement m(*h, "SELECT coalesce(max(id), 0) FROM documents");
        if (m.step() == SQLITE_ROW)
            maxIdBefore = m.int64(0);
    }
    QList<qint64> ids;
    if (!documents.isEmpty()) {
        SqliteStatement s(*h, R"sql(
INSERT INTO documents (source_type, source_id, dataset_id, investigation_id, created_at,
                       feedback_score, content)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
ON CONFLICT (source_type, source_id) DO UPDATE SET
    dataset_id = excluded.dataset_id, investigation_id = excluded.investigation_id,
    created_at = excluded.created_at, feedback_score = excluded.feedback_score,
    content = excluded.content
RETURNING id)sql");
        if (!s.isValid())
            return fail(sqliteError(*h, SearchIndex::tr("storing documents")));
        ids.reserve(documents.size());
        for (const SearchDocument &doc : documents) {
            s.reset();
            s.bind(1, doc.sourceType.isNull() ? QStringLiteral("") : doc.sourceType);
            s.bind(2, doc.sourceId.isNull() ? QStringLiteral("") : doc.sourceId);
            s.bind(3, doc.datasetId.isEmpty() ? QString() : doc.datasetId);
            s.bind(4, doc.investigationId.isEmpty() ? QString() : doc.investigationId);
            if (doc.createdAt.isValid())
                s.bind(5, doc.createdAt.toMSecsSinceEpoch());
            s.bind(6, doc.feedbackScore);
            s.bind(7, doc.content.isNull() ? QStringLiteral("") : doc.content);
            if (s.step() != SQLITE_ROW)
                return fail(sqliteError(*h, SearchIndex::tr("storing documents")));
            const qint64 id = s.int64(0);
            ids.append(id);
            if (id > maxIdBefore)
                ++counts.added;
            else
                ++counts.updated;
            while (s.step() == SQLITE_ROW) { }
        }
    }
    if (emb && !ids.isEmpty()) {
        auto st = storeEmbeddings(*h, ids, vectors, *emb);
        if (!st)
            return fail(st.error());
    }
    QList<qint64> removedIds;
    if (!removals.isEmpty()) {
        SqliteStatement s(*h,
                          "DELETE FROM documents WHERE source_type = ?1 AND source_id = ?2 "
                          "RETURNING id");
        for (const auto &[type, id] : removals) {
            s.reset();
            s.bind(1, type);
            s.bind(2, id);
            int rc;
            while ((rc = s.step()) == SQLITE_ROW)
                removedIds.append(s.int64(0));
            if (rc != SQLITE_DONE)
                return fail(sqliteError(*h, SearchIndex::tr("removing a document")));
        }
        counts.removed = removedIds.size();
    }
    if ((emb && !ids.isEmpty()) || !removedIds.isEmpty()) {
        // The vector index file no longer matches the documents until save(): a crash before
        // it (an interrupted sync) is detected on the next open even when the count matches.
        r = exec(*h, "INSERT OR REPLACE INTO meta (key, value) VALUES ('vectors.unsaved', '1')");
        if (!r)
            return fail(r.error());
    }
    if (!meta.isEmpty()) {
        SqliteStatement s(*h, "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)");
        for (const auto &[key, value] : meta) {
            s.reset();
            s.bind(1, key);
            s.bind(2, value);
            if (s.step() != SQLITE_DONE)
                return fail(sqliteError(*h, SearchIndex::tr("storing the cache's state")));
        }
    }
    r = exec(*h, "COMMIT");
    if (!r)
        return fail(r.error());
    invalidateStatistics();

    QWriteLocker vl(&vectorLock);
    if (emb && !ids.isEmpty()) {
        try {
            if (graphDimension() == 0)
                newVectorIndex(emb->dimension(), size_t(ids.size()) * 2);
            const size_t dim = size_t(emb->dimension());
            std::vector<float> data;
            data.reserve(size_t(ids.size()) * dim);
            for (const EmbeddingVector &v : vectors)
                data.insert(data.end(), v.begin(), v.end());
            addVectors(ids.constData(), data.data(), size_t(ids.size()));
            vectorsDirty = true;
        } catch (const std::exception &) {
            // The vectors are safe in SQLite; the index is rebuilt from them.
            auto rb = rebuildVectorsFromSqlite();
            if (!rb)
                return rb.error();
        }
    }
    for (qint64 id : std::as_const(removedIds)) {
        if (graphDimension() > 0)
            removeVector(id);
        vectorsDirty = true;
    }
    // hnswlib 0.6.2 never reuses a deleted node: when the dead outnumber the living (edits
    // and retirements over time), the graph is rebuilt from SQLite.
    if (deletedGraphNodes() > std::max<size_t>(1000, groups.live)) {
        auto rb = rebuildVectorsFromSqlite();
        if (!rb)
            return rb.error();
    }
    return counts;
}

Result<void> SearchIndex::upsert(const QList<SearchDocument> &documents)
{
    auto r = d->apply(documents, {}, {});
    if (!r)
        return r.error();
    return {};
}

Result<void> SearchIndex::remove(const QString &sourceType, const QString &sourceId)
{
    auto r = d->apply({}, {{sourceType, sourceId}}, {});
    if (!r)
        return r.error();
    return {};
}

Result<SearchIndex::ChangeCounts>
SearchIndex::applyChanges(const QList<SearchDocument> &upserts,
                          const QList<QPair<QString, QString>> &removals,
                          const QList<QPair<QString, QString>> &meta)
{
    return d->apply(upserts, removals, meta);
}

Result<QString> SearchIndex::metaValue(const QString &key) const
{
    auto h = d->db();
    if (!h)
        return h.error();
    SqliteStatement s(*h, "SELECT value FROM meta WHERE key = ?1");
    s.bind(1, key);
    const int rc = s.step();
    if (rc == SQLITE_ROW)
        return s.text(0);
    if (rc != SQLITE_DONE)
        return d->sqliteError(*h, tr("reading the cache's state"));
    return QString();
}

Result<void> SearchIndex::setMetaValue(const QString &key, const QString &value)
{
    auto r = d->apply({}, {}, {{key, value}});
    if (!r)
        return r.error();
    return {};
}

Result<QList<QPair<qint64, float>>> SearchIndex::nearestDocuments(const EmbeddingVector &query,
                                                                  int k, bool exact) const
{
    QReadLocker vl(&d->vectorLock);
    QList<QPair<qint64, float>> out;
    const size_t dim = d->graphDimension();
    if (dim == 0 || k <= 0)
        return out;
    if (query.size() != dim)
        return makeError(
            ErrorCode::VectorIndex,
            tr("the query vector has %1 dimensions, the index %2").arg(query.size()).arg(dim));
    auto any = [](qint64, size_t) { return true; };
    try {
        // Every group holds at least one document, so k groups give at least k documents.
        return d->expandGroups(exact ? d->scanGraph(query.data(), size_t(k))
                                     : d->searchGraph(query.data(), size_t(k)),
                               size_t(k), any);
    } catch (const std::exception &e) {
        return makeError(ErrorCode::VectorIndex,
                         tr("the vector search failed: %1").arg(QString::fromUtf8(e.what())));
    }
}

Result<qint64> SearchIndex::documentCount() const
{
    auto h = d->db();
    if (!h)
        return h.error();
    SqliteStatement s(*h, "SELECT count(*) FROM documents");
    if (s.step() != SQLITE_ROW)
        return d->sqliteError(*h, tr("counting documents"));
    return s.int64(0);
}

Result<void> SearchIndex::save()
{
    QMutexLocker wl(&d->writeMutex);
    QWriteLocker vl(&d->vectorLock);
    return d->saveVectors();
}

Result<bool> SearchIndex::compactTextIndex()
{
    QMutexLocker wl(&d->writeMutex);
    auto h = d->db();
    if (!h)
        return h.error();
    // FTS5's idx shadow table holds at least one row per segment.
    SqliteStatement count(*h, "SELECT count(DISTINCT segid) FROM documents_fts_idx");
    if (count.step() != SQLITE_ROW)
        return d->sqliteError(*h, tr("reading the full-text index"));
    if (count.int64(0) <= kMaxTextSegments)
        return false;
    if (auto r = d->exec(*h, "INSERT INTO documents_fts (documents_fts) VALUES ('optimize')"); !r)
        return r.error();
    return true;
}

HybridParameters SearchIndex::parameters() const
{
    QMutexLocker l(&d->stateMutex);
    return d->params;
}

void SearchIndex::setParameters(const HybridParameters &parameters)
{
    QMutexLocker l(&d->stateMutex);
    d->params = parameters;
}

} // namespace ke
