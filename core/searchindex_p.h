#pragma once

// Private to core: the SQLite and hnswlib parts of SearchIndex. Never include from a public
// header.

#include "searchindex.h"

#include <QHash>
#include <QMutex>
#include <QReadWriteLock>

#include <hnswlib/hnswlib.h>
#include <sqlite3.h>

#include <memory>

namespace ke {

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
    QString dir;
    QString dbPath;
    QString vectorPath; // hnswlib's own file
    QString vectorHeaderPath; // our header: model, dimension, count, size, checksum
    QString modelPath;

    mutable QMutex handlesMutex;
    mutable QHash<Qt::HANDLE, sqlite3 *> handles; // one SQLite handle per thread

    QMutex writeMutex; // serialises writers (SQLite transactions + vector inserts)

    mutable QReadWriteLock vectorLock; // guards space, hnsw, vectorsDirty
    std::unique_ptr<hnswlib::InnerProductSpace> space;
    std::unique_ptr<hnswlib::HierarchicalNSW<float>> hnsw;
    bool vectorsDirty = false;

    mutable QMutex stateMutex; // guards embedder, params, recoveryNote, termDocuments
    /// Document frequency of stemmed words (from the FTS5 vocabulary), for lexical pruning;
    /// cleared by every write.
    mutable QHash<QString, qint64> termDocuments;
    mutable qint64 cachedDocumentCount = -1;
    std::shared_ptr<const Embedder> embedder;
    HybridParameters params;
    QString recoveryNote;

    /// This thread's SQLite handle (opened on first use).
    Result<sqlite3 *> db() const;
    Error sqliteError(sqlite3 *db, const QString &what) const;
    Result<void> exec(sqlite3 *db, const char *sql) const;

    Result<void> createSchema();
    /// Loads the vector index file if it matches SQLite, otherwise rebuilds it.
    Result<void> loadOrRebuildVectors();
    Result<void> rebuildVectorsFromSqlite(); // call with vectorLock held for writing
    void newVectorIndex(int dimension, size_t capacity); // vectorLock held for writing
    void addVector(qint64 id, const float *v); // vectorLock held for writing
    /// Adds n vectors (row-major, dimension of the index) from every core; hnswlib 0.6.2's
    /// addPoint is thread-safe for distinct labels once capacity is reserved and an entry
    /// point exists. Duplicate labels are added one by one. vectorLock held for writing.
    void addVectors(const qint64 *ids, const float *data, size_t n);
    /// The document frequency of each (stemmed) word, cached until the next write.
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
