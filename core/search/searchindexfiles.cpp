// SearchIndex's file and thread helpers, and the SQLite statement wrapper.

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

namespace searchindexdetail {

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
        return makeError(ErrorCode::Io, f.errorString());
    quint64 h = 1469598103934665603ULL;
    QByteArray buf(1 << 20, Qt::Uninitialized);
    qint64 total = 0;
    while (true) {
        const qint64 n = f.read(buf.data(), buf.size());
        if (n < 0)
            return makeError(ErrorCode::Io, f.errorString());
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

} // namespace searchindexdetail

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

} // namespace ke
