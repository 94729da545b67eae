#pragma once

// Raw SQL for tests and benchmarks, through a public API: nothing outside core names the
// database driver. Not part of the product (`kecore`): only the tests and knowledge-bench
// link `ke_sqlsupport`. Product code reads and writes through its own classes instead.

#include "result.h"

#include <QCoreApplication>
#include <QLatin1String>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <type_traits>

namespace ke {

class Database;

/// One statement parameter or COPY field as PostgreSQL's text form, or SQL NULL. Converts
/// implicitly from the types tests and benchmarks pass, so `{tenant, name, 3}` is a parameter
/// list. A QUuid is always its text (a null QUuid is the all-zero UUID, not NULL: use
/// orNull() for that).
class SqlValue
{
public:
    SqlValue(std::nullopt_t) { }
    SqlValue(const QString &text)
        : m_text(text)
    { }
    SqlValue(QLatin1String text)
        : m_text(QString(text))
    { }
    /// UTF-8 text.
    SqlValue(const char *utf8)
        : m_text(QString::fromUtf8(utf8))
    { }
    SqlValue(const QUuid &id)
        : m_text(id.toString(QUuid::WithoutBraces))
    { }
    SqlValue(bool b)
        : m_text(b ? QStringLiteral("true") : QStringLiteral("false"))
    { }
    template <typename N, std::enable_if_t<std::is_integral_v<N>, int> = 0>
    SqlValue(N n)
        : m_text(QString::number(n))
    { }
    /// All the digits a double has, so a value survives the round trip.
    template <typename N, std::enable_if_t<std::is_floating_point_v<N>, int> = 0>
    SqlValue(N n)
        : m_text(QString::number(double(n), 'g', 17))
    { }
    template <typename T>
    SqlValue(const std::optional<T> &v)
        : SqlValue(v ? SqlValue(*v) : SqlValue(std::nullopt))
    { }

    /// NULL for a null UUID, else its text.
    static SqlValue orNull(const QUuid &id) { return id.isNull() ? SqlValue(std::nullopt) : id; }

    bool isNull() const { return !m_text.has_value(); }
    /// The text; empty for NULL.
    QString text() const { return m_text.value_or(QString()); }

private:
    std::optional<QString> m_text;
};

using SqlParams = QList<SqlValue>;
/// One result row, each column as text; a NULL is a null QString (isNull()).
using SqlRow = QStringList;

/// A session on the database for hand-written SQL: statements with $1.. parameters, rows as
/// text, explicit transactions, COPY for bulk loads.
///
/// Owns its connection when opened with open(); borrows a product connection with
/// forDatabase() (the Database must outlive the session and be used on the same thread).
/// Every statement runs on its own (autocommit) unless begin() opened a transaction.
/// Nothing throws: a refused statement is an Error whose message carries the server's words.
/// Like a Database, a session belongs to one thread: create, use and destroy it there.
class SqlSession
{
    Q_DECLARE_TR_FUNCTIONS(SqlSession)

public:
    /// Connects to `url` (libpq URI or conninfo) with TimeZone UTC and only warnings from the
    /// server; with `schema`, search_path is "<schema>", public.
    static Result<SqlSession> open(const QString &url, const QString &schema = {});
    /// A session on `db`'s own connection: its tenant, role and search settings apply.
    static SqlSession forDatabase(Database &db);

    SqlSession(SqlSession &&other) noexcept;
    SqlSession &operator=(SqlSession &&other) noexcept;
    ~SqlSession();

    /// Runs one statement and returns the number of rows it affected. Without parameters
    /// `sql` may hold several statements separated by semicolons.
    Result<qint64> exec(const QString &sql, const SqlParams &params = {});
    /// The first column of the first row; a null QString when there is no row or it is NULL.
    Result<QString> scalar(const QString &sql, const SqlParams &params = {});
    /// Every row of the result.
    Result<QList<SqlRow>> rows(const QString &sql, const SqlParams &params = {});

    /// Transactions: begin() opens one, commit() / rollback() end it. Destroying an owning
    /// session with a transaction open rolls it back (the server does, on disconnect); a
    /// borrowed one (forDatabase) would leave it open on the Database's connection: end it,
    /// or use inTransaction().
    Result<void> begin();
    Result<void> commit();
    Result<void> rollback();
    /// Runs `work` in a transaction: commits when it succeeds, rolls back when it returns an
    /// Error or throws (and then passes the Error or the exception on).
    Result<void> inTransaction(const std::function<Result<void>()> &work);

    /// Bulk-loads `rows` into `table` (a quoted or plain, possibly schema-qualified name)
    /// with COPY ... FROM STDIN; returns the number of rows sent. Each row has one value per
    /// column, in the order of `columns`.
    Result<qint64> copy(const QString &table, const QStringList &columns,
                        const QList<SqlParams> &rows);

    /// The server process serving this session (for its CPU time), or -1.
    qint64 backendPid();

private:
    struct Private;
    explicit SqlSession(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

/// The value of `r`, or a std::runtime_error with its message: for tests and benchmarks,
/// where hand-written SQL that fails should end the test or the run.
template <typename T> T orThrow(Result<T> r)
{
    if (!r)
        throw std::runtime_error(r.error().message.toStdString());
    return std::move(*r);
}
inline void orThrow(const Result<void> &r)
{
    if (!r)
        throw std::runtime_error(r.error().message.toStdString());
}

} // namespace ke
