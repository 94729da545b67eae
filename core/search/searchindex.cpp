#include "searchindex.h"
#include "searchindex_p.h"

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

// hnswlib parameters, chosen for 128-dimension LSA vectors and a 1M-document build in
// under 5 minutes on 2 cores. M = 16 links per node (32 on layer 0): the usual sweet spot for
// 100–400 dimensions; the graph costs M * 8 + 4 bytes per vector (~136 MB at 1M) next to
// the 512 bytes of the vector itself; a higher M costs memory and build time for little
// gain. efConstruction = 100 rather than hnswlib's 200: build time is roughly linear in it.
// Search ef = 128: templated content (demo data, real alert texts) holds many identical or
// near-identical vectors, and such ties need a wider beam: tie-aware recall@10 was 0.89 at
// ef 64 on 20k demo documents; a search at ef 128 still costs well under 1 ms.
// (hnswlib uses max(ef, k), so k larger than ef still gets k results.)
constexpr size_t kHnswM = 16;
constexpr size_t kHnswEfConstruction = 100;
constexpr size_t kHnswEfSearch = 200;
constexpr char kVectorMagic[8] = {'K', 'E', 'H', 'N', 'S', 'W', '0', '2'};
// Below this many filtered documents, a filtered vector search scans their vectors exactly
// (hnswlib 0.6.2 has no filter callback); above, it over-fetches from the graph.
constexpr qint64 kExactFilterLimit = 50000;

namespace {

QByteArray utf8(const QString &s)
{
    return s.toUtf8();
}

quint64 fnv1a(quint64 h, const char *data, qint64 n)
{
    for (qint64 i = 0; i < n; ++i) {
        h ^= quint8(data[i]);
        h *= 1099511628211ULL;
    }
    return h;
}

Result<quint64> fileChecksum(const QString &path, qint64 *size)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("io"), f.errorString());
    quint64 h = 1469598103934665603ULL;
    QByteArray buf(1 << 20, Qt::Uninitialized);
    qint64 total = 0;
    while (true) {
        const qint64 n = f.read(buf.data(), buf.size());
        if (n < 0)
            return makeError(QStringLiteral("io"), f.errorString());
        if (n == 0)
            break;
        h = fnv1a(h, buf.constData(), n);
        total += n;
    }
    *size = total;
    return h;
}

void restrictToOwner(const QString &path)
{
    if (QFileInfo::exists(path))
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

// The snippet of a result: the window of `windowWords` words of `content` holding the most
// distinct query words (compared by stem, as the index does), the matches marked «like this»,
// "…" where text is cut. Computed here rather than with FTS5's snippet(), which re-runs the
// whole match expression for every result (2–5 ms per search at 100k documents). A document
// found by the vector signal alone gets its opening words.
QString markedExcerpt(const QString &content, const QStringList &queryWords, int windowWords = 16)
{
    // Stop words ("the", "on") are searched for but not marked: marking them is noise.
    QSet<QString> stems;
    for (const QString &w : queryWords) {
        const QString lower = w.toLower();
        if (!textanalyzer::isStopword(lower))
            stems.insert(textanalyzer::stem(lower));
    }
    struct Word
    {
        qsizetype begin, end;
        int stem; // index into `found`, -1 when not a query word
    };
    std::vector<Word> words;
    QStringList found;
    constexpr qsizetype kMaxScan = 5000; // characters: long SQL texts are not scanned whole
    const qsizetype scan = std::min(content.size(), kMaxScan);
    for (qsizetype i = 0; i < scan;) {
        if (!content.at(i).isLetterOrNumber()) {
            ++i;
            continue;
        }
        qsizetype j = i;
        while (j < scan && content.at(j).isLetterOrNumber())
            ++j;
        const QString st = textanalyzer::stem(content.mid(i, j - i).toLower());
        int idx = -1;
        if (stems.contains(st)) {
            idx = int(found.indexOf(st));
            if (idx < 0) {
                found.append(st);
                idx = int(found.size()) - 1;
            }
        }
        words.push_back({i, j, idx});
        i = j;
    }
    if (words.empty())
        return content.left(200).simplified();
    // Best window: most distinct query words, then most matches, then the earliest.
    size_t bestStart = 0;
    int bestDistinct = -1, bestTotal = -1;
    std::vector<int> count(size_t(found.size()), 0);
    int distinct = 0, total = 0;
    const size_t w = size_t(std::max(1, windowWords));
    for (size_t i = 0; i < words.size(); ++i) {
        if (words[i].stem >= 0) {
            distinct += count[size_t(words[i].stem)]++ == 0 ? 1 : 0;
            ++total;
        }
        if (i >= w && words[i - w].stem >= 0) {
            distinct -= --count[size_t(words[i - w].stem)] == 0 ? 1 : 0;
            --total;
        }
        const size_t start = i + 1 >= w ? i + 1 - w : 0;
        if (distinct > bestDistinct || (distinct == bestDistinct && total > bestTotal)) {
            bestDistinct = distinct;
            bestTotal = total;
            bestStart = start;
        }
    }
    const size_t last = std::min(words.size(), bestStart + w) - 1;
    QString out;
    if (bestStart > 0)
        out += QStringLiteral("…");
    qsizetype at = words[bestStart].begin;
    for (size_t i = bestStart; i <= last; ++i) {
        out += content.mid(at, words[i].begin - at);
        const QString word = content.mid(words[i].begin, words[i].end - words[i].begin);
        out += words[i].stem >= 0 ? QStringLiteral("«") + word + QStringLiteral("»") : word;
        at = words[i].end;
    }
    if (last + 1 < words.size() || words[last].end < content.size())
        out += QStringLiteral("…");
    return out.simplified();
}

int workerThreads()
{
    return std::clamp(QThread::idealThreadCount(), 1, 16);
}

// Embeds on every core: the LSA projection is pure CPU and embed() is thread-safe.
Result<std::vector<EmbeddingVector>> embedInParallel(const Embedder &emb, const QStringList &texts)
{
    const int threads = workerThreads();
    if (texts.size() < 512 || threads == 1)
        return emb.embed(texts);
    struct Chunk
    {
        QStringList texts;
        Result<std::vector<EmbeddingVector>> vectors = std::vector<EmbeddingVector>{};
    };
    const qsizetype per = (texts.size() + threads * 4 - 1) / (threads * 4);
    std::vector<Chunk> chunks;
    for (qsizetype i = 0; i < texts.size(); i += per)
        chunks.push_back({texts.mid(i, per), std::vector<EmbeddingVector>{}});
    QtConcurrent::blockingMap(chunks, [&emb](Chunk &c) { c.vectors = emb.embed(c.texts); });
    std::vector<EmbeddingVector> out;
    out.reserve(size_t(texts.size()));
    for (Chunk &c : chunks) {
        if (!c.vectors)
            return c.vectors.error();
        for (EmbeddingVector &v : *c.vectors)
            out.push_back(std::move(v));
    }
    return out;
}

} // namespace

// ---------------------------------------------------------------- SqliteStatement

SqliteStatement::SqliteStatement(sqlite3 *db, const char *sql)
{
    if (sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr) != SQLITE_OK)
        m_stmt = nullptr;
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

void SqliteStatement::bind(int i, const QString &v)
{
    if (v.isNull()) {
        sqlite3_bind_null(m_stmt, i);
        return;
    }
    const QByteArray b = v.toUtf8();
    sqlite3_bind_text(m_stmt, i, b.constData(), int(b.size()), SQLITE_TRANSIENT);
}

void SqliteStatement::bind(int i, qint64 v)
{
    sqlite3_bind_int64(m_stmt, i, v);
}

void SqliteStatement::bind(int i, double v)
{
    sqlite3_bind_double(m_stmt, i, v);
}

void SqliteStatement::bindBlob(int i, const void *data, int bytes)
{
    sqlite3_bind_blob(m_stmt, i, data, bytes, SQLITE_TRANSIENT);
}

int SqliteStatement::step()
{
    return sqlite3_step(m_stmt);
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

QString SqliteStatement::text(int col) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, col));
    if (!p)
        return QString();
    return QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, col));
}

qint64 SqliteStatement::int64(int col) const
{
    return sqlite3_column_int64(m_stmt, col);
}

double SqliteStatement::real(int col) const
{
    return sqlite3_column_double(m_stmt, col);
}

bool SqliteStatement::isNull(int col) const
{
    return sqlite3_column_type(m_stmt, col) == SQLITE_NULL;
}

// ---------------------------------------------------------------- Private

namespace {

/// ke_bm25(documents_fts, dfs): FTS5's bm25 (k1 1.2, b 0.75, the same idf and length
/// normalisation; higher is better) with each phrase's document frequency given by the
/// caller (`dfs`: one int64 per phrase of the MATCH expression, -1 = ignore the phrase).
/// FTS5's own bm25 counts every phrase's matching rows on its first call — a pass over the
/// whole posting lists, ~45 ms at 1M documents for common words even when only ten rows are
/// ranked. Known frequencies make the cost per ranked row only.
void keBm25(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *out, int argc,
            sqlite3_value **argv)
{
    constexpr double k1 = 1.2, b = 0.75;
    struct Query
    {
        std::vector<double> idf; // per phrase; 0 = ignored
        double averageLength = 1;
    };
    auto *q = static_cast<Query *>(api->xGetAuxdata(fts, 0));
    if (!q) {
        const int phrases = api->xPhraseCount(fts);
        if (argc != 1 || sqlite3_value_bytes(argv[0]) != phrases * int(sizeof(qint64))) {
            sqlite3_result_error(out, "ke_bm25: one int64 document frequency per phrase", -1);
            return;
        }
        std::vector<qint64> dfs(static_cast<size_t>(phrases));
        if (phrases > 0)
            std::memcpy(dfs.data(), sqlite3_value_blob(argv[0]), dfs.size() * sizeof(qint64));
        sqlite3_int64 rows = 0, tokens = 0;
        if (api->xRowCount(fts, &rows) != SQLITE_OK
            || api->xColumnTotalSize(fts, -1, &tokens) != SQLITE_OK) {
            sqlite3_result_error(out, "ke_bm25: no corpus statistics", -1);
            return;
        }
        auto fresh = std::make_unique<Query>();
        fresh->averageLength = rows > 0 ? std::max(1.0, double(tokens) / double(rows)) : 1.0;
        fresh->idf.resize(dfs.size());
        for (size_t i = 0; i < dfs.size(); ++i) {
            if (dfs[i] < 0)
                continue;
            const double idf
                = std::log((double(rows) - double(dfs[i]) + 0.5) / (double(dfs[i]) + 0.5));
            fresh->idf[i] = idf <= 0.0 ? 1e-6 : idf;
        }
        q = fresh.get();
        if (api->xSetAuxdata(fts, fresh.release(), [](void *p) { delete static_cast<Query *>(p); })
            != SQLITE_OK) {
            sqlite3_result_error_nomem(out);
            return;
        }
    }
    int length = 0, instances = 0;
    if (api->xColumnSize(fts, -1, &length) != SQLITE_OK
        || api->xInstCount(fts, &instances) != SQLITE_OK) {
        sqlite3_result_error(out, "ke_bm25: cannot read the row", -1);
        return;
    }
    thread_local std::vector<int> frequency;
    frequency.assign(q->idf.size(), 0);
    for (int i = 0; i < instances; ++i) {
        int phrase = 0, column = 0, offset = 0;
        if (api->xInst(fts, i, &phrase, &column, &offset) == SQLITE_OK && phrase >= 0
            && size_t(phrase) < frequency.size())
            ++frequency[size_t(phrase)];
    }
    const double norm = k1 * (1.0 - b + b * double(length) / q->averageLength);
    double score = 0;
    for (size_t i = 0; i < frequency.size(); ++i) {
        if (frequency[i] > 0 && q->idf[i] > 0)
            score
                += q->idf[i] * (double(frequency[i]) * (k1 + 1.0)) / (double(frequency[i]) + norm);
    }
    sqlite3_result_double(out, score);
}

/// Registers ke_bm25 on a connection (FTS5's API pointer comes from SELECT fts5(?1)).
void registerRankingFunction(sqlite3 *h)
{
    fts5_api *api = nullptr;
    sqlite3_stmt *s = nullptr;
    if (sqlite3_prepare_v2(h, "SELECT fts5(?1)", -1, &s, nullptr) == SQLITE_OK) {
        sqlite3_bind_pointer(s, 1, static_cast<void *>(&api), "fts5_api_ptr", nullptr);
        sqlite3_step(s);
    }
    sqlite3_finalize(s);
    if (api && api->iVersion >= 2)
        api->xCreateFunction(api, "ke_bm25", nullptr, &keBm25, nullptr);
}

/// The most a phrase with this inverse document frequency can add to a row's bm25.
double maxContribution(qint64 df, qint64 rows)
{
    const double idf = std::log((double(rows) - double(df) + 0.5) / (double(df) + 0.5));
    return (idf <= 0.0 ? 1e-6 : idf) * 2.2; // idf * (k1 + 1)
}

} // namespace

Result<sqlite3 *> SearchIndex::Private::db() const
{
    QMutexLocker lock(&handlesMutex);
    const Qt::HANDLE tid = QThread::currentThreadId();
    if (sqlite3 *h = handles.value(tid))
        return h;
    sqlite3 *h = nullptr;
    const int rc = sqlite3_open_v2(utf8(dbPath).constData(), &h,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                   nullptr);
    if (rc != SQLITE_OK) {
        const QString msg = h ? QString::fromUtf8(sqlite3_errmsg(h)) : QString();
        sqlite3_close(h);
        return makeError(QStringLiteral("io"),
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
    return makeError(QStringLiteral("cache_error"),
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
    QStringList missing;
    {
        QMutexLocker l(&stateMutex);
        for (const QString &w : words) {
            const auto it = termDocuments.constFind(textanalyzer::stem(w));
            out.append(it == termDocuments.cend() ? -1 : *it);
        }
    }
    SqliteStatement s(h, "SELECT doc FROM documents_fts_vocab WHERE term = ?1");
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (out.at(i) >= 0)
            continue;
        // The FTS5 porter tokenizer's form of the word (unknown forms count as rare).
        const QString term = textanalyzer::stem(words.at(i));
        qint64 n = 0;
        if (s.isValid()) {
            s.reset();
            s.bind(1, term);
            if (s.step() == SQLITE_ROW)
                n = s.int64(0);
        }
        out[i] = n;
        QMutexLocker l(&stateMutex);
        termDocuments.insert(term, n);
    }
    return out;
}

QString SearchIndex::Private::currentModelName() const
{
    QMutexLocker lock(&stateMutex);
    return embedder ? embedder->name() : QString();
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

Result<void> SearchIndex::Private::rebuildVectorsFromSqlite()
{
    hnsw.reset();
    space.reset();
    vectorsDirty = true;
    const QString model = currentModelName();
    if (model.isEmpty())
        return {};
    auto h = db();
    if (!h)
        return h.error();
    const int dim = [&] {
        QMutexLocker lock(&stateMutex);
        return embedder->dimension();
    }();
    qint64 count = 0;
    {
        SqliteStatement c(*h,
                          "SELECT count(*) FROM embeddings WHERE model = ?1 AND dimension = ?2");
        c.bind(1, model);
        c.bind(2, qint64(dim));
        if (c.step() == SQLITE_ROW)
            count = c.int64(0);
    }
    SqliteStatement s(*h,
                      "SELECT document_id, vector FROM embeddings "
                      "WHERE model = ?1 AND dimension = ?2");
    if (!s.isValid())
        return sqliteError(*h, SearchIndex::tr("reading vectors"));
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
            QStringLiteral("vector_index"),
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
        return makeError(QStringLiteral("io"),
                         SearchIndex::tr("cannot write %1: %2").arg(dir, reserved.errorString()));
    const QString tmp = reserved.fileName();
    reserved.close();
    try {
        hnsw->saveIndex(tmp.toStdString());
    } catch (const std::exception &e) {
        return makeError(
            QStringLiteral("io"),
            SearchIndex::tr("cannot write %1: %2").arg(tmp, QString::fromUtf8(e.what())));
    }
    qint64 size = 0;
    auto sum = fileChecksum(tmp, &size);
    if (!sum)
        return makeError(QStringLiteral("io"),
                         SearchIndex::tr("cannot write %1: %2").arg(tmp, sum.error().message));
    restrictToOwner(tmp);
    QFile::remove(vectorHeaderPath); // the old header no longer vouches for anything
    if (std::rename(QFile::encodeName(tmp).constData(), QFile::encodeName(vectorPath).constData())
        != 0)
        return makeError(QStringLiteral("io"),
                         SearchIndex::tr("cannot rename %1 to %2").arg(tmp, vectorPath));
    reserved.setAutoRemove(false); // renamed: nothing left to remove
    // The groups: which documents share each graph node's vector.
    {
        QSaveFile gf(groupsPath);
        if (!gf.open(QIODevice::WriteOnly))
            return makeError(
                QStringLiteral("io"),
                SearchIndex::tr("cannot write %1: %2").arg(groupsPath, gf.errorString()));
        QDataStream out(&gf);
        out << quint64(groups.documents.size());
        for (size_t label = 0; label < groups.documents.size(); ++label) {
            const std::vector<qint64> &docs = groups.documents[label];
            out << quint64(groups.hashes[label]) << quint32(docs.size());
            for (qint64 id : docs)
                out << id;
        }
        if (out.status() != QDataStream::Ok || !gf.commit())
            return makeError(
                QStringLiteral("io"),
                SearchIndex::tr("cannot write %1: %2").arg(groupsPath, gf.errorString()));
    }
    restrictToOwner(groupsPath);
    qint64 groupsSize = 0;
    auto groupsSum = fileChecksum(groupsPath, &groupsSize);
    if (!groupsSum)
        return makeError(
            QStringLiteral("io"),
            SearchIndex::tr("cannot write %1: %2").arg(groupsPath, groupsSum.error().message));
    QSaveFile header(vectorHeaderPath);
    if (!header.open(QIODevice::WriteOnly))
        return makeError(
            QStringLiteral("io"),
            SearchIndex::tr("cannot write %1: %2").arg(vectorHeaderPath, header.errorString()));
    QDataStream out(&header);
    out.writeRawData(kVectorMagic, sizeof kVectorMagic);
    out << currentModelName() << quint32(space ? space->get_data_size() / sizeof(float) : 0)
        << quint64(hnsw->cur_element_count) << quint64(hnsw->num_deleted_) << qint64(size)
        << quint64(*sum) << quint64(groups.documentCount()) << qint64(groupsSize)
        << quint64(*groupsSum);
    if (!header.commit())
        return makeError(
            QStringLiteral("io"),
            SearchIndex::tr("cannot write %1: %2").arg(vectorHeaderPath, header.errorString()));
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
    const QString model = currentModelName();
    if (model.isEmpty())
        return {};
    auto h = db();
    if (!h)
        return h.error();
    qint64 stored = 0;
    int dim = 0;
    {
        QMutexLocker l(&stateMutex);
        dim = embedder->dimension();
    }
    {
        SqliteStatement c(*h,
                          "SELECT count(*) FROM embeddings WHERE model = ?1 AND dimension = ?2");
        c.bind(1, model);
        c.bind(2, qint64(dim));
        if (c.step() == SQLITE_ROW)
            stored = c.int64(0);
    }
    bool unsaved = false;
    {
        SqliteStatement u(*h, "SELECT value FROM meta WHERE key = 'vectors.unsaved'");
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
            return makeError(QStringLiteral("embedder"),
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
    auto h = db();
    if (!h)
        return h.error();
    auto r = exec(*h, "BEGIN IMMEDIATE");
    if (!r)
        return r;
    auto fail = [&](Error e) {
        sqlite3_exec(*h, "ROLLBACK", nullptr, nullptr, nullptr);
        return e;
    };
    r = exec(*h, "DELETE FROM embeddings");
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
        return makeError(QStringLiteral("io"),
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
        return makeError(QStringLiteral("embedder"), tr("no embedder given"));
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
    auto h = db();
    if (!h)
        return h.error();
    auto r = exec(*h, "BEGIN IMMEDIATE");
    if (!r)
        return r.error();
    auto fail = [&](Error e) {
        sqlite3_exec(*h, "ROLLBACK", nullptr, nullptr, nullptr);
        return e;
    };
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
            if (!hnsw)
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
        if (hnsw)
            removeVector(id);
        vectorsDirty = true;
    }
    // hnswlib 0.6.2 never reuses a deleted node: when the dead outnumber the living (edits
    // and retirements over time), the graph is rebuilt from SQLite.
    if (hnsw && hnsw->num_deleted_ > std::max<size_t>(1000, groups.live)) {
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
    if (!d->hnsw || k <= 0)
        return out;
    const size_t dim = d->space->get_data_size() / sizeof(float);
    if (query.size() != dim)
        return makeError(
            QStringLiteral("vector_index"),
            tr("the query vector has %1 dimensions, the index %2").arg(query.size()).arg(dim));
    auto any = [](qint64, size_t) { return true; };
    try {
        // Every group holds at least one document, so k groups give at least k documents.
        if (!exact)
            return d->expandGroups(d->hnsw->searchKnnCloserFirst(query.data(), size_t(k)),
                                   size_t(k), any);
        const auto distance = d->space->get_dist_func();
        void *param = d->space->get_dist_func_param();
        using Hit = std::pair<float, hnswlib::labeltype>;
        std::vector<Hit> heap; // max-heap on distance: the worst of the best k on top
        const size_t n = d->hnsw->cur_element_count;
        for (size_t i = 0; i < n; ++i) {
            const auto internal = hnswlib::tableint(i);
            if (d->hnsw->isMarkedDeleted(internal))
                continue;
            const float dist
                = distance(query.data(), d->hnsw->getDataByInternalId(internal), param);
            const hnswlib::labeltype label = d->hnsw->getExternalLabel(internal);
            if (heap.size() < size_t(k)) {
                heap.emplace_back(dist, label);
                std::push_heap(heap.begin(), heap.end());
            } else if (dist < heap.front().first) {
                std::pop_heap(heap.begin(), heap.end());
                heap.back() = {dist, label};
                std::push_heap(heap.begin(), heap.end());
            }
        }
        std::sort_heap(heap.begin(), heap.end());
        return d->expandGroups(heap, size_t(k), any);
    } catch (const std::exception &e) {
        return makeError(QStringLiteral("vector_index"),
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

Result<QList<SearchResult>> SearchIndex::search(const SearchRequest &request,
                                                const std::atomic_bool *cancel) const
{
    auto cancelled = [&] { return cancel && cancel->load(); };
    auto cancelledError
        = [] { return makeError(QStringLiteral("cancelled"), tr("the search was cancelled")); };
    const QStringList words = fulltextquery::terms(request.text);
    if (words.isEmpty())
        return makeError(QStringLiteral("empty_query"),
                         tr("the query has no words to search for — type a word or two"));
    const HybridParameters params = parameters();
    const auto emb = embedder();
    if (request.mode == SearchMode::Vector && !emb)
        return makeError(QStringLiteral("no_model"),
                         tr("the search cache has no embedding model yet — sync it first"));
    auto h = d->db();
    if (!h)
        return h.error();
    const int limit = std::clamp(request.limit, 1, 10000);
    const int perSignal
        = request.mode == SearchMode::Hybrid ? std::max(limit, params.candidates) : limit;

    // The metadata filter, shared by the lexical and the exact-vector queries.
    QString filterSql;
    if (!request.datasetId.isEmpty())
        filterSql += QStringLiteral(" AND d.dataset_id = ?100");
    if (!request.sourceTypes.isEmpty()) {
        QStringList ph;
        for (qsizetype i = 0; i < request.sourceTypes.size() && i < 50; ++i)
            ph.append(QStringLiteral("?%1").arg(101 + i));
        filterSql += QStringLiteral(" AND d.source_type IN (%1)").arg(ph.join(QLatin1Char(',')));
    }
    const bool filtered = !filterSql.isEmpty();
    auto bindFilter = [&](SqliteStatement &s) {
        if (!request.datasetId.isEmpty())
            s.bind(100, request.datasetId);
        for (qsizetype i = 0; i < request.sourceTypes.size() && i < 50; ++i)
            s.bind(101 + int(i), request.sourceTypes.at(i));
    };

    // 1. Lexical: bm25 over the sanitised words. When their posting lists are long (common
    //    words of a large cache), ranking every matching row would cost hundreds of ms, so
    //    it is pruned MaxScore-style: the rarest words within HybridParameters::
    //    lexicalPostingBudget postings select the candidates, which are scored with every
    //    word of the query (ke_bm25 — FTS5's formula with known frequencies). Rows holding
    //    none of those rare words can score at most the sum of the common words' largest
    //    contributions; when the candidates' k-th score beats that bound the top k is exact,
    //    otherwise the newest rows with common words are scored and merged in as well.
    QList<qint64> lexical;
    const QString match = fulltextquery::toFts5(words);
    if (request.mode != SearchMode::Vector) {
        const QList<qint64> df
            = params.lexicalPostingBudget > 0 ? d->documentFrequencies(*h, words) : QList<qint64>();
        qint64 total = 0;
        for (qint64 n : df)
            total += n;
        if (params.lexicalPostingBudget <= 0 || total <= params.lexicalPostingBudget) {
            // Few postings: FTS5's own bm25 over every matching row.
            const QByteArray sql = QStringLiteral("SELECT f.rowid FROM documents_fts f JOIN "
                                                  "documents d ON d.id = f.rowid WHERE "
                                                  "documents_fts MATCH ?1%1 ORDER BY f.rank "
                                                  "LIMIT ?2")
                                       .arg(filterSql)
                                       .toUtf8();
            SqliteStatement s(*h, sql.constData());
            if (!s.isValid())
                return d->sqliteError(*h, tr("the full-text search"));
            s.bind(1, match);
            s.bind(2, qint64(perSignal));
            bindFilter(s);
            int rc;
            while ((rc = s.step()) == SQLITE_ROW)
                lexical.append(s.int64(0));
            if (rc != SQLITE_DONE)
                return d->sqliteError(*h, tr("the full-text search"));
        } else {
            QList<int> order(words.size());
            std::iota(order.begin(), order.end(), 0);
            std::stable_sort(order.begin(), order.end(),
                             [&](int a, int b) { return df.at(a) < df.at(b); });
            QStringList rare, common;
            std::vector<qint64> rareDf, commonDf;
            qint64 sum = 0;
            for (int i : std::as_const(order)) {
                if (common.isEmpty() && sum + df.at(i) <= params.lexicalPostingBudget) {
                    sum += df.at(i);
                    rare.append(words.at(i));
                    rareDf.push_back(df.at(i));
                } else {
                    common.append(words.at(i));
                    commonDf.push_back(df.at(i));
                }
            }
            QHash<qint64, double> scores;
            // Rows of `expression` with ids in [from, to], scored with ke_bm25 (`phraseDf`:
            // one per phrase) into `into`, on the SQLite handle `db`; `newest` > 0 takes only
            // that many, newest first.
            auto scoreRange = [&](sqlite3 *db, const QString &expression,
                                  const std::vector<qint64> &phraseDf, qint64 newest, qint64 from,
                                  qint64 to, QHash<qint64, double> &into) -> Result<void> {
                const QByteArray sql
                    = QStringLiteral("SELECT f.rowid, ke_bm25(documents_fts, ?2) FROM "
                                     "documents_fts f%1 WHERE documents_fts MATCH ?1 AND "
                                     "f.rowid BETWEEN ?4 AND ?5%2%3")
                          .arg(filtered ? QStringLiteral(" JOIN documents d ON d.id = f.rowid")
                                        : QString(),
                               filterSql,
                               newest > 0 ? QStringLiteral(" ORDER BY f.rowid DESC LIMIT ?3")
                                          : QString())
                          .toUtf8();
                SqliteStatement s(db, sql.constData());
                if (!s.isValid())
                    return d->sqliteError(db, tr("the full-text search"));
                s.bind(1, expression);
                s.bindBlob(2, phraseDf.data(), int(phraseDf.size() * sizeof(qint64)));
                if (newest > 0)
                    s.bind(3, newest);
                s.bind(4, from);
                s.bind(5, to);
                bindFilter(s);
                int rc;
                while ((rc = s.step()) == SQLITE_ROW) {
                    double &best = into[s.int64(0)];
                    best = std::max(best, s.real(1));
                    if (cancelled())
                        return cancelledError();
                }
                if (rc != SQLITE_DONE)
                    return d->sqliteError(db, tr("the full-text search"));
                return {};
            };
            qint64 maxId = 0; // also an upper bound of the row count, which keeps the bound safe
            {
                SqliteStatement c(*h, "SELECT coalesce(max(id), 0) FROM documents");
                if (c.step() == SQLITE_ROW)
                    maxId = c.int64(0);
            }
            // A pass over many postings runs on two cores: the id range is split in halves,
            // the upper one scored on a pool thread with its own SQLite handle.
            auto score = [&](const QString &expression, const std::vector<qint64> &phraseDf,
                             qint64 newest, qint64 postings) -> Result<void> {
                if (newest > 0 || postings < 1500 || workerThreads() < 2 || maxId < 2)
                    return scoreRange(*h, expression, phraseDf, newest, 0, maxId, scores);
                const qint64 middle = maxId / 2;
                QHash<qint64, double> upper;
                QFuture<Result<void>> other = QtConcurrent::run(
                    &d->helperPool, [&]() -> Result<void> {
                        auto own = d->db();
                        if (!own)
                            return own.error();
                        return scoreRange(*own, expression, phraseDf, 0, middle + 1, maxId, upper);
                    });
                auto mine = scoreRange(*h, expression, phraseDf, 0, 0, middle, scores);
                const Result<void> theirs = other.result();
                if (!mine)
                    return mine;
                if (!theirs)
                    return theirs;
                for (auto it = upper.cbegin(); it != upper.cend(); ++it)
                    scores.insert(it.key(), it.value());
                return {};
            };
            auto ranked = [&] {
                std::vector<std::pair<double, qint64>> v;
                v.reserve(size_t(scores.size()));
                for (auto it = scores.cbegin(); it != scores.cend(); ++it)
                    v.emplace_back(it.value(), it.key());
                std::sort(v.begin(), v.end(), [](const auto &a, const auto &b) {
                    return a.first != b.first ? a.first > b.first : a.second < b.second;
                });
                return v;
            };
            if (!rare.isEmpty()) {
                QString expression = fulltextquery::toFts5(rare);
                std::vector<qint64> phraseDf = rareDf;
                if (!common.isEmpty()) {
                    // Every row with a rare word, with the common words' frequencies too.
                    expression = QStringLiteral("(%1) AND (%1 OR %2)")
                                     .arg(expression, fulltextquery::toFts5(common));
                    phraseDf.insert(phraseDf.end(), rareDf.size(), -1);
                    phraseDf.insert(phraseDf.end(), commonDf.begin(), commonDf.end());
                }
                if (auto r = score(expression, phraseDf, 0, sum); !r)
                    return r.error();
            }
            double bound = 0;
            for (qint64 n : commonDf)
                bound += maxContribution(n, maxId);
            auto top = ranked();
            const bool exact
                = top.size() >= size_t(perSignal) && top[size_t(perSignal) - 1].first > bound;
            if (!exact && !common.isEmpty()) {
                if (auto r = score(fulltextquery::toFts5(common), commonDf,
                                   std::max(params.commonTermCandidateCap, perSignal), 0);
                    !r)
                    return r.error();
                top = ranked();
            }
            for (size_t i = 0; i < top.size() && i < size_t(perSignal); ++i)
                lexical.append(top[i].second);
        }
    }
    if (cancelled())
        return cancelledError();

    // 2. Vector: the query's embedding (with pseudo-relevance feedback in hybrid mode).
    QList<qint64> vector;
    if (request.mode != SearchMode::Lexical && emb) {
        auto qv = emb->embed({request.text});
        if (!qv)
            return qv.error();
        EmbeddingVector q = std::move(qv->front());
        // A query the model knows no word of embeds to zero: its "nearest" documents would
        // be arbitrary and would bury exact lexical matches (ids, rare words). Skip it.
        const bool known = dotProduct(q, q) > 0.5f;
        QReadLocker vl(&d->vectorLock);
        if (known && d->hnsw
            && int(d->space->get_data_size() / sizeof(float)) == emb->dimension()) {
            if (request.mode == SearchMode::Hybrid && params.feedbackDocuments > 0
                && params.feedbackWeight > 0 && !lexical.isEmpty()) {
                EmbeddingVector centroid(q.size(), 0.0f);
                int used = 0;
                for (qint64 id : std::as_const(lexical)) {
                    if (used >= params.feedbackDocuments)
                        break;
                    try {
                        const qint64 group = d->groupOf(id);
                        if (group < 0)
                            continue;
                        const auto v = d->hnsw->getDataByLabel<float>(hnswlib::labeltype(group));
                        for (size_t j = 0; j < q.size() && j < v.size(); ++j)
                            centroid[j] += v[j];
                        ++used;
                    } catch (const std::exception &) { }
                }
                normalizeEmbedding(centroid);
                for (size_t j = 0; j < q.size(); ++j)
                    q[j] += float(params.feedbackWeight) * centroid[j];
                normalizeEmbedding(q);
            }
            qint64 filteredCount = -1;
            if (filtered) {
                SqliteStatement c(*h,
                                  QStringLiteral("SELECT count(*) FROM documents d WHERE 1%1")
                                      .arg(filterSql)
                                      .toUtf8()
                                      .constData());
                bindFilter(c);
                if (c.step() == SQLITE_ROW)
                    filteredCount = c.int64(0);
            }
            if (filtered && filteredCount <= kExactFilterLimit) {
                // Exact scan over the filtered documents' vectors.
                SqliteStatement s(*h,
                                  QStringLiteral("SELECT e.document_id, e.vector FROM "
                                                 "embeddings e JOIN documents d ON d.id = "
                                                 "e.document_id WHERE e.model = ?1%1")
                                      .arg(filterSql)
                                      .toUtf8()
                                      .constData());
                s.bind(1, emb->name());
                bindFilter(s);
                std::vector<std::pair<float, qint64>> scored;
                const int bytes = int(q.size() * sizeof(float));
                while (s.step() == SQLITE_ROW) {
                    if (sqlite3_column_bytes(s.get(), 1) != bytes)
                        continue;
                    const auto *v = static_cast<const float *>(sqlite3_column_blob(s.get(), 1));
                    float dotv = 0;
                    for (size_t j = 0; j < q.size(); ++j)
                        dotv += q[j] * v[j];
                    scored.emplace_back(dotv, s.int64(0));
                }
                const size_t keep = std::min(scored.size(), size_t(perSignal));
                std::partial_sort(scored.begin(), scored.begin() + qint64(keep), scored.end(),
                                  [](const auto &a, const auto &b) {
                                      return a.first != b.first ? a.first > b.first
                                                                : a.second < b.second;
                                  });
                for (size_t i = 0; i < keep; ++i)
                    vector.append(scored[i].second);
            } else {
                const size_t alive = d->groups.live;
                size_t k = std::min(alive, size_t(filtered ? perSignal * 10 : perSignal));
                if (k > 0) {
                    try {
                        // searchKnn needs ef >= k; setEf is not thread-safe, so a larger k
                        // than kHnswEfSearch is served by asking for k results
                        // (hnswlib uses max(ef, k) internally). Each hit is a group of
                        // documents sharing one vector.
                        const auto found = d->hnsw->searchKnnCloserFirst(q.data(), k);
                        QList<QPair<qint64, float>> hits;
                        if (filtered) {
                            // Keep only documents passing the filter, checking a bounded
                            // number of them.
                            SqliteStatement c(*h,
                                              QStringLiteral("SELECT 1 FROM documents d "
                                                             "WHERE d.id = ?1%1")
                                                  .arg(filterSql)
                                                  .toUtf8()
                                                  .constData());
                            // At most 64 documents of one group (its documents share the
                            // vector: a group of thousands of templated texts that fail the
                            // filter must not use up the checks of the groups after it).
                            size_t checked = 0;
                            const size_t maxChecks = size_t(perSignal) * 100;
                            hits = d->expandGroups(found, size_t(perSignal),
                                                   [&](qint64 id, size_t inGroup) {
                                                       if (inGroup >= 64 || checked++ >= maxChecks)
                                                           return false;
                                                       c.reset();
                                                       c.bind(1, id);
                                                       bindFilter(c);
                                                       return c.step() == SQLITE_ROW;
                                                   });
                        } else {
                            hits = d->expandGroups(found, size_t(perSignal),
                                                   [](qint64, size_t) { return true; });
                        }
                        for (const auto &hit : std::as_const(hits))
                            vector.append(hit.first);
                    } catch (const std::exception &e) {
                        return makeError(
                            QStringLiteral("vector_index"),
                            tr("the vector search failed: %1").arg(QString::fromUtf8(e.what())));
                    }
                }
            }
        }
    }
    if (cancelled())
        return cancelledError();

    // 3. Fusion and boosts.
    QHash<qint64, ranking::Candidate> byId;
    for (qsizetype i = 0; i < lexical.size(); ++i) {
        auto &c = byId[lexical.at(i)];
        c.id = lexical.at(i);
        c.lexicalRank = int(i) + 1;
    }
    for (qsizetype i = 0; i < vector.size(); ++i) {
        auto &c = byId[vector.at(i)];
        c.id = vector.at(i);
        c.vectorRank = int(i) + 1;
    }
    SqliteStatement meta(*h,
                         "SELECT source_type, source_id, dataset_id, investigation_id, "
                         "created_at, feedback_score, content FROM documents WHERE id = ?1");
    // The boosts need only time and feedback: reading the content (often long SQL, in
    // overflow pages) of ~200 candidates cost ~1.5 ms at 1M documents.
    SqliteStatement boosts(*h, "SELECT created_at, feedback_score FROM documents WHERE id = ?1");
    if (!meta.isValid() || !boosts.isValid())
        return d->sqliteError(*h, tr("reading results"));
    QList<ranking::Candidate> candidates;
    candidates.reserve(byId.size());
    for (auto it = byId.begin(); it != byId.end(); ++it) {
        boosts.reset();
        boosts.bind(1, it.key());
        if (boosts.step() != SQLITE_ROW)
            continue;
        if (!boosts.isNull(0))
            it->createdAt = QDateTime::fromMSecsSinceEpoch(boosts.int64(0), Qt::UTC);
        it->feedbackScore = boosts.real(1);
        candidates.append(*it);
    }
    const QDateTime now = params.now.isValid() ? params.now : QDateTime::currentDateTimeUtc();
    ranking::rank(candidates, now, params.ranking);
    if (candidates.size() > limit)
        candidates.resize(limit);
    if (cancelled())
        return cancelledError();

    // 4. Results, with snippets.
    QList<SearchResult> results;
    results.reserve(candidates.size());
    for (const ranking::Candidate &c : std::as_const(candidates)) {
        meta.reset();
        meta.bind(1, c.id);
        if (meta.step() != SQLITE_ROW)
            continue;
        SearchResult r;
        r.sourceType = meta.text(0);
        r.sourceId = meta.text(1);
        r.datasetId = meta.text(2);
        r.investigationId = meta.text(3);
        r.createdAt = c.createdAt;
        r.feedbackScore = c.feedbackScore;
        r.lexicalRank = c.lexicalRank;
        r.vectorRank = c.vectorRank;
        r.score = c.score;
        if (request.snippets)
            r.snippet = markedExcerpt(meta.text(6), words);
        results.append(r);
    }
    return results;
}

} // namespace ke
