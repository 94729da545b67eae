#pragma once

// Private to core: the SQLite and hnswlib parts of SearchIndex. Never include from a public
// header.

#include "searchindex.h"
#include "textanalyzer.h"

#include <QHash>
#include <QMutex>
#include <QReadWriteLock>
#include <QThreadPool>

#include <sqlite3.h>

#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

// hnswlib 0.6.2 defines functions in its headers: only vectorindex.cpp includes it, the
// other files of SearchIndex reach the graph through the Private methods defined there.
namespace hnswlib {
class InnerProductSpace;
template <typename dist_t> class HierarchicalNSW;
} // namespace hnswlib

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
// More full-text segments than this and SearchIndex::compactTextIndex() merges them (an
// incremental sync adds one or two; a cold one, or many small ones, far more).
constexpr qint64 kMaxTextSegments = 4;

/// Helpers shared by the files of SearchIndex (searchindexfiles.cpp, bm25.cpp).
namespace searchindexdetail {
QByteArray utf8(const QString &s);
/// FNV-1a over `n` bytes, continuing from `h`.
quint64 fnv1a(quint64 h, const char *data, qint64 n);
/// The FNV-1a checksum of a whole file, and its size.
Result<quint64> fileChecksum(const QString &path, qint64 *size);
/// rw for the owner only (the cache holds the tenant's texts).
void restrictToOwner(const QString &path);
int workerThreads();
/// Embeds on every core: the LSA projection is pure CPU and embed() is thread-safe.
Result<std::vector<EmbeddingVector>> embedInParallel(const Embedder &emb, const QStringList &texts);
/// ke_bm25's optional last argument, bound with sqlite3_bind_pointer as kScoreFloorType: a
/// row whose score is certainly below `value` is answered NULL (0: every row is scored). The
/// caller raises it as the scores come (the k-th best so far), on the statement's thread.
struct ScoreFloor
{
    double value = 0;
};
inline constexpr char kScoreFloorType[] = "ke_bm25_floor";
/// Registers ke_bm25 on a connection (bm25.cpp).
void registerRankingFunction(sqlite3 *h);
/// The terms documents_fts's tokenizer (FTS5's porter over unicode61) makes of `text`: the
/// form its vocabulary holds a query word under.
QStringList indexTokens(sqlite3 *h, const QString &text);
/// The most a phrase with this document frequency can add to a row's ke_bm25.
double maxContribution(qint64 df, qint64 rows);
} // namespace searchindexdetail

/// A prepared SQLite statement, finalised on destruction. Errors are read from the handle.
class SqliteStatement
{
public:
    SqliteStatement(sqlite3 *db, const char *sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool isValid() const { return m_stmt != nullptr; }
    sqlite3_stmt *get() const { return m_stmt; }
    void bind(int i, const QString &v); ///< a null QString binds NULL
    void bind(int i, qint64 v);
    void bind(int i, double v);
    void bindBlob(int i, const void *data, int bytes);
    /// SQLITE_ROW, SQLITE_DONE or an error code.
    int step();
    void reset();
    QString text(int col) const;
    qint64 int64(int col) const;
    double real(int col) const;
    bool isNull(int col) const;

private:
    sqlite3_stmt *m_stmt = nullptr;
};

struct SearchIndex::Private
{
    Private();
    ~Private(); // in vectorindex.cpp, where the hnswlib types are complete

    QString dir;
    QString dbPath;
    QString vectorPath; // hnswlib's own file
    QString vectorHeaderPath; // our header: model, dimension, counts, sizes, checksums
    QString groupsPath; // the documents of each graph node (VectorGroups)
    QString modelPath;

    mutable QMutex handlesMutex;
    mutable QHash<Qt::HANDLE, sqlite3 *> handles; // one SQLite handle per thread

    QMutex writeMutex; // serialises writers (SQLite transactions + vector inserts)
    /// The second thread of a two-thread lexical pass (see SearchIndex::search).
    QThreadPool helperPool;

    mutable QReadWriteLock vectorLock; // guards space, hnsw, groups, vectorsDirty
    std::unique_ptr<hnswlib::InnerProductSpace> space;
    std::unique_ptr<hnswlib::HierarchicalNSW<float>> hnsw;
    /// One graph node per distinct vector. Templated texts (alerts, generated SQL, the demo
    /// data) embed to the very same vector by the thousand, and an HNSW graph whose nodes'
    /// neighbour lists are filled with copies of themselves cannot be navigated (recall@10
    /// was 0.75 at 1M demo documents). So the graph's labels are group numbers, and a group
    /// lists the documents that share its vector.
    struct VectorGroups
    {
        std::vector<std::vector<qint64>> documents; ///< label -> documents (empty: deleted)
        std::vector<quint64> hashes; ///< label -> hash of its vector
        std::unordered_map<qint64, quint32> groupOf; ///< document -> label
        std::unordered_map<quint64, quint32> byHash; ///< vector hash -> label of a live group
        size_t live = 0; ///< groups with at least one document
        size_t documentCount() const { return groupOf.size(); }
        void clear()
        {
            documents.clear();
            hashes.clear();
            groupOf.clear();
            byHash.clear();
            live = 0;
        }
    } groups;
    bool vectorsDirty = false;
    bool snapshot = false; // OpenMode::Snapshot: never rebuild, never write the files

    mutable QMutex stateMutex; // guards embedder, params, recoveryNote, termDocuments
    /// Document frequency of stemmed words (from the FTS5 vocabulary), for lexical pruning;
    /// cleared by every write.
    mutable textanalyzer::QueryWordMap<qint64> termDocuments; // words people searched for
    mutable qint64 cachedDocumentCount = -1;
    std::shared_ptr<const Embedder> embedder;
    HybridParameters params;
    QString recoveryNote;

    /// This thread's SQLite handle (opened on first use).
    Result<sqlite3 *> db() const;
    Error sqliteError(sqlite3 *db, const QString &what) const;
    /// Clears the mark apply() sets while the vector index file lags the documents.
    void clearUnsavedMark();
    Result<void> exec(sqlite3 *db, const char *sql) const;
    /// This thread's handle in a write transaction (BEGIN IMMEDIATE); end it with COMMIT or
    /// rollback(). Call with writeMutex held.
    Result<sqlite3 *> beginWrite() const;
    /// Rolls back the write transaction on `db` and hands `e` on.
    static Error rollback(sqlite3 *db, Error e);
    /// The current embedder's vectors as the embeddings table holds them.
    struct StoredVectors
    {
        sqlite3 *db = nullptr; ///< this thread's handle
        QString model;
        int dimension = 0;
        qint64 count = 0;
    };
    /// The current embedder's stored vectors; nullopt without an embedder (then there is
    /// nothing to load or rebuild, and the database is not even opened).
    Result<std::optional<StoredVectors>> storedVectors() const;

    Result<void> createSchema();
    /// Loads the vector index file if it matches SQLite, otherwise rebuilds it.
    Result<void> loadOrRebuildVectors();
    Result<void> rebuildVectorsFromSqlite(); // call with vectorLock held for writing
    Result<void> rebuildVectors(const StoredVectors &stored); // vectorLock held for writing
    /// Reads the groups file; false when it does not match the graph (labels, live groups)
    /// or the header (documents). vectorLock held for writing.
    bool loadGroups(quint64 labels, quint64 live, quint64 documents);
    void newVectorIndex(int dimension, size_t capacity); // vectorLock held for writing
    /// Sets the vectors of n documents (row-major, dimension of the index): a document
    /// joins the group of an equal vector, or starts a group whose vector goes into the
    /// graph — from every core: hnswlib 0.6.2's addPoint is thread-safe for distinct labels
    /// once capacity is reserved and an entry point exists. A document that already had a
    /// vector leaves its old group first. vectorLock held for writing.
    void addVectors(const qint64 *ids, const float *data, size_t n);
    /// Takes a document out of its group; an emptied group's node is marked deleted.
    void removeVector(qint64 id); // vectorLock held for writing
    /// The documents of graph hits (nearest first), at most `k`, skipping those `accept`
    /// (document, position within its group) refuses; within a group (equal distance) the
    /// newest first. vectorLock held.
    template <typename Hits, typename Accept>
    QList<QPair<qint64, float>> expandGroups(const Hits &closerFirst, size_t k,
                                             Accept &&accept) const
    {
        QList<QPair<qint64, float>> out;
        for (const auto &[distance, label] : closerFirst) {
            if (label >= groups.documents.size())
                continue;
            const std::vector<qint64> &docs = groups.documents[label];
            size_t position = 0;
            for (auto it = docs.rbegin(); it != docs.rend(); ++it, ++position) {
                if (size_t(out.size()) >= k)
                    return out;
                if (accept(*it, position))
                    out.append({*it, 1.0f - distance});
            }
        }
        return out;
    }
    /// A graph hit: (distance, label). The graph's labels are group numbers.
    using GraphHit = std::pair<float, size_t>;
    /// The dimension of the graph's vectors; 0 when there is no graph. vectorLock held.
    size_t graphDimension() const;
    /// Nodes marked deleted (hnswlib never reuses them). vectorLock held.
    size_t deletedGraphNodes() const;
    /// The `k` nearest graph nodes of `query` (of graphDimension()), nearest first; throws
    /// what hnswlib throws. vectorLock held.
    std::vector<GraphHit> searchGraph(const float *query, size_t k) const;
    /// The same by an exact scan of every live node.
    std::vector<GraphHit> scanGraph(const float *query, size_t k) const;
    /// The vector of a group (graph label); throws for an unknown one. vectorLock held.
    std::vector<float> groupVector(qint64 group) const;
    /// The graph's label of a document's vector, or -1.
    qint64 groupOf(qint64 document) const;
    /// The document frequency of each word (of its FTS5 token; a word the tokenizer splits
    /// is counted by a MATCH), cached until the next write.
    QList<qint64> documentFrequencies(sqlite3 *db, const QStringList &words) const;
    void invalidateStatistics();
    Result<SearchIndex::ChangeCounts> apply(const QList<SearchDocument> &upserts,
                                            const QList<QPair<QString, QString>> &removals,
                                            const QList<QPair<QString, QString>> &meta);
    Result<void> saveVectors(); // vectorLock held (read is enough)
    /// Re-embeds every document with `embedder` and rebuilds the vector index.
    Result<void> reembedAll(const std::shared_ptr<const Embedder> &embedder);
    Result<void> storeEmbeddings(sqlite3 *db, const QList<qint64> &ids,
                                 const std::vector<EmbeddingVector> &vectors,
                                 const Embedder &embedder);
    QString currentModelName() const;
};

} // namespace ke
