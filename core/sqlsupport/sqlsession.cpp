#include "sqlsession.h"

#include "connectionsettings.h"
#include "database_p.h"

#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ke {

struct SqlSession::Private
{
    std::unique_ptr<pqxx::connection> owned;
    pqxx::connection *conn = nullptr;
};

namespace {

std::vector<std::optional<std::string>> toStd(const SqlParams &params)
{
    std::vector<std::optional<std::string>> out;
    out.reserve(size_t(params.size()));
    for (const SqlValue &v : params)
        out.push_back(v.isNull() ? std::nullopt : std::optional<std::string>(ke::toStd(v.text())));
    return out;
}

pqxx::result run(pqxx::connection &conn, const QString &sql, const SqlParams &params)
{
    pqxx::nontransaction tx(conn);
    if (params.isEmpty())
        return tx.exec(ke::toStd(sql));
    return tx.exec_params(ke::toStd(sql), pqxx::prepare::make_dynamic_params(toStd(params)));
}

QString what(const QString &sql)
{
    return SqlSession::tr("running “%1”").arg(sql.simplified().left(200));
}

// stream_to writes tuples (their size fixed at compile time), so a row of n columns goes
// through the writer for std::array<…, n>; kMaxCopyColumns of them are made.
constexpr std::size_t kMaxCopyColumns = 32;
using RowWriter = void (*)(pqxx::stream_to &, const SqlParams &);

template <std::size_t N> void writeRow(pqxx::stream_to &stream, const SqlParams &row)
{
    std::array<std::optional<std::string>, N> fields;
    for (std::size_t i = 0; i < N; ++i) {
        const SqlValue &v = row.at(qsizetype(i));
        if (!v.isNull())
            fields[i] = ke::toStd(v.text());
    }
    stream << fields;
}

template <std::size_t... I>
constexpr std::array<RowWriter, sizeof...(I)> rowWriters(std::index_sequence<I...>)
{
    return {&writeRow<I + 1>...};
}

} // namespace

SqlSession::SqlSession(std::unique_ptr<Private> d)
    : d(std::move(d))
{ }
SqlSession::SqlSession(SqlSession &&other) noexcept = default;
SqlSession &SqlSession::operator=(SqlSession &&other) noexcept = default;
SqlSession::~SqlSession() = default;

Result<SqlSession> SqlSession::open(const QString &url, const QString &schema)
{
    auto d = std::make_unique<Private>();
    try {
        d->owned = std::make_unique<pqxx::connection>(ke::toStd(url));
    } catch (const std::exception &e) {
        ConnectionSettings s;
        s.databaseUrl = url;
        return makeError(ErrorCode::Unreachable,
                         tr("cannot reach the database at %1: %2")
                             .arg(s.redactedUrl(), QString::fromUtf8(e.what()).trimmed()));
    }
    d->conn = d->owned.get();
    SqlSession session(std::move(d));
    QString setup = QStringLiteral("SET TimeZone = 'UTC'; SET client_min_messages = warning");
    if (!schema.isEmpty())
        setup += QStringLiteral("; SET search_path = %1, public")
                     .arg(Database::quoteQualified(schema));
    if (auto r = session.exec(setup); !r)
        return r.error();
    return session;
}

SqlSession SqlSession::forDatabase(Database &db)
{
    auto d = std::make_unique<Private>();
    d->conn = &databasePrivate(db)->conn;
    return SqlSession(std::move(d));
}

Result<qint64> SqlSession::exec(const QString &sql, const SqlParams &params)
{
    return guarded(what(sql), [&]() -> Result<qint64> {
        return qint64(run(*d->conn, sql, params).affected_rows());
    });
}

Result<QString> SqlSession::scalar(const QString &sql, const SqlParams &params)
{
    return guarded(what(sql), [&]() -> Result<QString> {
        const pqxx::result r = run(*d->conn, sql, params);
        if (r.empty() || r.columns() == 0)
            return QString();
        return stringFromField(r[0][0]);
    });
}

Result<QList<SqlRow>> SqlSession::rows(const QString &sql, const SqlParams &params)
{
    return guarded(what(sql), [&]() -> Result<QList<SqlRow>> {
        const pqxx::result r = run(*d->conn, sql, params);
        QList<SqlRow> out;
        out.reserve(qsizetype(r.size()));
        for (const auto &row : r) {
            SqlRow texts;
            texts.reserve(qsizetype(row.size()));
            for (const auto &field : row) {
                QString t = stringFromField(field);
                if (!field.is_null() && t.isNull())
                    t = QLatin1String(""); // empty text stays apart from NULL
                texts.append(t);
            }
            out.append(texts);
        }
        return out;
    });
}

Result<void> SqlSession::begin()
{
    if (auto r = exec(QStringLiteral("BEGIN")); !r)
        return r.error();
    return {};
}

Result<void> SqlSession::commit()
{
    if (auto r = exec(QStringLiteral("COMMIT")); !r)
        return r.error();
    return {};
}

Result<void> SqlSession::rollback()
{
    if (auto r = exec(QStringLiteral("ROLLBACK")); !r)
        return r.error();
    return {};
}

Result<void> SqlSession::inTransaction(const std::function<Result<void>()> &work)
{
    if (auto b = begin(); !b)
        return b;
    Result<void> r;
    try {
        r = work();
    } catch (...) {
        (void)rollback();
        throw;
    }
    if (!r) {
        (void)rollback();
        return r;
    }
    return commit();
}

Result<qint64> SqlSession::copy(const QString &table, const QStringList &columns,
                                const QList<SqlParams> &rows)
{
    static constexpr auto writers = rowWriters(std::make_index_sequence<kMaxCopyColumns>());
    const std::size_t n = std::size_t(columns.size());
    if (n == 0 || n > kMaxCopyColumns)
        return makeError(ErrorCode::BadInput,
                         tr("cannot load %1: %2 columns given, 1 to %3 are possible")
                             .arg(table)
                             .arg(n)
                             .arg(kMaxCopyColumns));
    for (const SqlParams &row : rows) {
        if (std::size_t(row.size()) != n)
            return makeError(ErrorCode::BadInput,
                             tr("cannot load %1: a row has %2 values for %3 columns")
                                 .arg(table)
                                 .arg(row.size())
                                 .arg(n));
    }
    return guarded(tr("loading %1").arg(table), [&]() -> Result<qint64> {
        pqxx::nontransaction tx(*d->conn);
        std::vector<std::string> cols;
        for (const QString &c : columns)
            cols.push_back(ke::toStd(c));
        pqxx::stream_to stream(tx, ke::toStd(table), cols);
        for (const SqlParams &row : rows)
            writers[n - 1](stream, row);
        stream.complete();
        return qint64(rows.size());
    });
}

qint64 SqlSession::backendPid()
{
    auto pid = scalar(QStringLiteral("SELECT pg_backend_pid()"));
    return pid ? pid->toLongLong() : -1;
}

} // namespace ke
